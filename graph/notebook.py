"""Showing the interactive graph inside a Jupyter notebook."""

from __future__ import annotations

import html
from typing import Any

import networkx as nx


def show_graph(graph: nx.MultiDiGraph, *, height: int = 650, **render_options: Any) -> Any:
    """The interactive graph as an IPython HTML object (an iframe holding the whole page).

    The page is passed through `srcdoc`, escaped, so it is self-contained and its scripts
    cannot reach the notebook.
    """
    from IPython.display import HTML

    from graph.render import render_graph_html

    page = render_graph_html(graph, **render_options)
    return HTML(
        f'<iframe srcdoc="{html.escape(page, quote=True)}" '
        f'style="width:100%;height:{int(height)}px;border:1px solid #ccc" '
        'sandbox="allow-scripts"></iframe>'
    )
