"""Assembling the pages: the full HTML report and the graph-only document for notebooks.

Both are single self-contained files: vis-network, our CSS/JS and the data are inlined, and the
page's Content-Security-Policy forbids every network request.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

import networkx as nx
from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from graph.fsutil import write_text_atomic
from graph.render.assets import load_assets
from graph.render.escaping import is_web_url, script_json
from graph.render.layout import select_drawn, static_positions
from graph.render.model import GraphData, read_graph
from graph.render.network import build_network
from graph.render.palette import kind_colour, kind_legend, kind_name, type_colour, type_legend
from graph.render.payload import page_payload
from graph.render.timeline import account_dates
from graph.render.views import camp_rows, choose_views
from graph.runtime import cyclic_gc_paused
from graph.summary import CorpusSummary, ProcessedArticle

MAX_DRAWN_NODES = 300
MAX_DRAWN_EDGES = 1500
#: Steps of the confidence slider per unit (0.05 each).
CONFIDENCE_STEPS = 20


def render_report(
    graph: nx.MultiDiGraph,
    summary: CorpusSummary,
    out_path: Path,
    *,
    title: str = "newsgraph report",
    max_drawn_nodes: int = MAX_DRAWN_NODES,
    max_drawn_edges: int = MAX_DRAWN_EDGES,
) -> Path:
    """Write the HTML report (graph, corpus summary, full tables) to `out_path` and return it.

    The file is written next to `out_path` under a temporary name and then renamed, so an
    interrupted run leaves either the previous report or the new one, never half a file.

    >>> render_report(nx.MultiDiGraph(), CorpusSummary(), Path("out/report.html"))  # doctest: +SKIP
    PosixPath('out/report.html')
    """
    with cyclic_gc_paused():
        data = read_graph(graph)
        today = date.today()
        context = _graph_context(data, max_drawn_nodes, max_drawn_edges, summary.processed, today)
        template = _environment().get_template("report.html")
        html = template.render(
            title=title,
            summary=summary,
            dates=account_dates((article.date for article in summary.processed), today),
            data=data,
            labels=data.labels(),
            duplicates=_possible_duplicates(graph, data.labels()),
            camps=camp_rows(data),
            frustration=data.attributes.get("frustration", ""),
            **context,
        )
    return write_atomically(Path(out_path), html)


def _possible_duplicates(graph: nx.MultiDiGraph, labels: dict[str, str]) -> list[dict[str, str]]:
    """The look-alike entities the merge rules left apart, with both labels, for the user
    to confirm in an alias file."""
    rows = []
    for item in graph.graph.get("possible_duplicates", []):
        a, b = str(item.get("a", "")), str(item.get("b", ""))
        rows.append(
            {
                "a": labels.get(a, a),
                "b": labels.get(b, b),
                "reason": str(item.get("reason", "")),
            }
        )
    return rows


def render_graph_html(
    graph: nx.MultiDiGraph,
    *,
    max_drawn_nodes: int = MAX_DRAWN_NODES,
    max_drawn_edges: int = MAX_DRAWN_EDGES,
) -> str:
    """A standalone HTML document with only the interactive graph and its side panel.

    Meant for notebooks, which show it in an ``<iframe srcdoc=…>``; like the report it needs
    no network access.

    >>> render_graph_html(nx.MultiDiGraph()).startswith("<!doctype html>")
    True
    """
    data = read_graph(graph)
    context = _graph_context(data, max_drawn_nodes, max_drawn_edges, (), date.today())
    return _environment().get_template("graph.html").render(title="newsgraph graph", **context)


def write_atomically(path: Path, text: str) -> Path:
    """Write the page atomically (see graph.fsutil.write_text_atomic)."""
    return write_text_atomic(path, text)


def _graph_context(
    data: GraphData,
    max_nodes: int,
    max_edges: int,
    articles: Iterable[ProcessedArticle],
    today: date,
) -> dict[str, Any]:
    """Template values shared by the report and the graph-only page."""
    drawing = select_drawn(data, max_nodes, max_edges)
    network = build_network(data, drawing, static_positions(data, drawing))
    drawn_edges = set(drawing.edges)
    views = choose_views(data, drawing)
    assets = load_assets()
    return {
        "drawing": drawing,
        "views": views,
        "types": type_legend(entity.type for entity in data.entities),
        "kinds": kind_legend(relation.kind for relation in data.relations),
        "max_weight": max((r.weight for r in data.relations if r.id in drawn_edges), default=1),
        "has_confidence": any(r.confidence is not None for r in data.relations),
        "confidence_floor": _confidence_floor(data),
        "has_camps": any(entity.camp for entity in data.entities),
        "payload": script_json(page_payload(data, drawing, network, views, articles, today)),
        "css": Markup(assets.css),  # our own files and pyvis's, checked by load_assets
        "scripts": [Markup(script) for script in assets.scripts],
        "csp": assets.content_security_policy,
    }


def _confidence_floor(data: GraphData) -> float:
    """Where the confidence slider starts: the lowest confidence in the report, to the
    slider's step below (a build leaves out what its --min-confidence refuses, so a slider
    at 0 would say stances under it are shown)."""
    scores = [r.confidence for r in data.relations if r.confidence is not None]
    return math.floor(min(scores) * CONFIDENCE_STEPS) / CONFIDENCE_STEPS if scores else 0.0


@lru_cache(maxsize=1)
def _environment() -> Environment:
    """One Jinja environment per process; autoescape is on for every template."""
    environment = Environment(
        loader=PackageLoader("graph.render", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.tests["web_url"] = is_web_url
    environment.filters["kind_name"] = kind_name
    environment.filters["kind_colour"] = kind_colour
    environment.filters["type_colour"] = type_colour
    return environment
