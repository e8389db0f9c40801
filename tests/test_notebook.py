"""The tour notebook runs top to bottom in a real Jupyter kernel."""

from __future__ import annotations

import warnings
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from graph.notebook import show_graph

NOTEBOOK = Path(__file__).resolve().parent.parent / "notebooks" / "tour.ipynb"


@pytest.mark.slow
def test_tour_notebook_executes_and_shows_graph_and_tables() -> None:
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    client = NotebookClient(
        notebook,
        timeout=600,
        kernel_name="python3",
        resources={"metadata": {"path": str(NOTEBOOK.parent)}},
    )
    client.execute()
    outputs = [out for cell in notebook.cells if cell.cell_type == "code" for out in cell.outputs]
    assert not [out for out in outputs if out.output_type == "error"]
    html = [out["data"]["text/html"] for out in outputs if "text/html" in out.get("data", {})]
    assert any("<iframe srcdoc=" in page for page in html), "the interactive graph is shown"
    assert any("<table" in page and "Russie" in page for page in html), "entity table"
    assert any("co_mention" in page for page in html), "edge table"
    stance_tables = [page for page in html if "supports" in page and "co_mention" not in page]
    assert stance_tables, "the stance edges are shown on their own"
    warned = [out for out in outputs if out.output_type == "stream" and out.name == "stderr"]
    assert not warned, f"no warning is printed: {warned}"
    printed = "".join(out.get("text", "") for out in outputs if out.output_type == "stream")
    assert "—supports→" in printed and "[cue:" in printed


def _graph() -> object:
    from .test_export_files import _graph as small_graph

    return small_graph()


def test_show_graph_embeds_a_small_graph_without_ipython_s_iframe_warning() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # IPython's "Consider using IPython.display.IFrame"
        frame = show_graph(_graph())  # type: ignore[arg-type]
    shown = frame._repr_html_()
    assert shown.startswith("<iframe srcdoc=") and 'sandbox="allow-scripts"' in shown
    assert frame.file is None


def test_show_graph_writes_a_large_page_beside_the_notebook_and_points_to_it(
    tmp_path: Path,
) -> None:
    frame = show_graph(_graph(), folder=tmp_path, max_inline_bytes=1000)  # type: ignore[arg-type]
    assert frame.file is not None and frame.file.parent == tmp_path
    assert frame.file.read_text(encoding="utf-8").startswith("<!doctype html>")
    shown = frame._repr_html_()
    assert f'src="{frame.file.resolve().as_uri()}"' in shown and len(shown) < 500
    again = show_graph(_graph(), folder=tmp_path, max_inline_bytes=1000)  # type: ignore[arg-type]
    assert again.file == frame.file  # one file per distinct graph


def test_a_page_below_the_notebook_s_folder_is_addressed_relative_to_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # the kernel runs in the notebook's folder
    frame = show_graph(_graph(), folder="pages", max_inline_bytes=0)  # type: ignore[arg-type]
    assert frame.file is not None
    assert f'src="pages/{frame.file.name}"' in frame._repr_html_()
