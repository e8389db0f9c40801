"""The rendering stage: the graph and corpus summary as one self-contained HTML report.

`render_report` writes the full report (interactive graph, corpus summary, sortable tables);
`render_graph_html` returns the interactive graph alone, for notebooks. Both draw with
vis-network (data built with pyvis), inline everything and make no network request.
"""

from __future__ import annotations

from graph.render.report import render_graph_html, render_report

__all__ = ["render_graph_html", "render_report"]
