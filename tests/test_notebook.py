"""The tour notebook runs top to bottom in a real Jupyter kernel."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

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
    printed = "".join(out.get("text", "") for out in outputs if out.output_type == "stream")
    assert "—supports→" in printed and "[cue:" in printed
