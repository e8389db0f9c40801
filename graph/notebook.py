"""Showing the interactive graph inside a Jupyter notebook."""

from __future__ import annotations

import hashlib
import html
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import networkx as nx

#: The largest page kept inside the notebook (in an iframe's `srcdoc`), in bytes.
MAX_INLINE_BYTES = 2_000_000
#: The iframe runs the page's scripts and nothing else: no access to the notebook.
SANDBOX = "allow-scripts"


@dataclass(frozen=True)
class GraphFrame:
    """The iframe a notebook shows: the page inline (`srcdoc`) or the file it was written to.

    Displayed through `_repr_html_`, not IPython's HTML class, which warns about every
    iframe ("Consider using IPython.display.IFrame").
    """

    html: str
    file: Path | None = None

    def _repr_html_(self) -> str:
        return self.html


def show_graph(
    graph: nx.MultiDiGraph,
    *,
    height: int = 650,
    folder: str | Path = ".",
    max_inline_bytes: int = MAX_INLINE_BYTES,
    **render_options: Any,
) -> GraphFrame:
    """The interactive graph (past 150 entities, its sides view first) in a notebook cell.

    A page of at most `max_inline_bytes` goes inside the iframe (`srcdoc`, escaped): the
    saved notebook shows it anywhere, with no other file. A larger page (a few hundred
    articles already carry megabytes of evidence) is written to `folder` (by default the
    notebook's own folder, which Jupyter serves) as `newsgraph-<digest>.html`, and the
    iframe points to it: the notebook output stays a few hundred bytes instead of the
    whole page per run, and the digest keeps one file per distinct graph (`folder` is best
    below the notebook's folder: Jupyter serves only what is there). Either way the
    iframe is sandboxed to run the page's scripts only. `max_inline_bytes=0` always writes
    the file; a front end that does not serve files (VS Code) wants it large instead.

    >>> show_graph(nx.MultiDiGraph()).file is None  # doctest: +SKIP
    True
    """
    from graph.render import render_graph_html

    page = render_graph_html(graph, **render_options)
    size = f"width:100%;height:{int(height)}px;border:1px solid #ccc"
    if len(page.encode("utf-8")) <= max_inline_bytes:
        source = f'srcdoc="{html.escape(page, quote=True)}"'
        return GraphFrame(f'<iframe {source} style="{size}" sandbox="{SANDBOX}"></iframe>')
    file = _write_page(page, Path(folder))
    src = html.escape(_address(file), quote=True)
    return GraphFrame(f'<iframe src="{src}" style="{size}" sandbox="{SANDBOX}"></iframe>', file)


def _address(file: Path) -> str:
    """The file's address for the iframe: relative to the kernel's folder (the notebook's),
    which Jupyter serves; a file outside it keeps its absolute path (shown only where the
    front end can open local files)."""
    try:
        return file.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return file.resolve().as_uri()


def _write_page(page: str, folder: Path) -> Path:
    """The page in `folder`, named by its content (written once, atomically)."""
    from graph.fsutil import write_text_atomic

    digest = hashlib.sha256(page.encode("utf-8")).hexdigest()[:16]
    path = folder / f"newsgraph-{digest}.html"
    return path if path.exists() else write_text_atomic(path, page)
