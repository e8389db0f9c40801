"""`graph.json`: the graph as networkx node-link JSON (the contract in docs/graph-json.md)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import networkx as nx

from graph.fsutil import write_text_atomic


def graph_to_json(graph: nx.MultiDiGraph) -> dict[str, Any]:
    """The node-link dictionary of the graph (`nodes`, `links`, `graph` attributes)."""
    return nx.node_link_data(graph, edges="links")


def graph_from_json(data: dict[str, Any]) -> nx.MultiDiGraph:
    """The graph back from its node-link dictionary."""
    graph = nx.node_link_graph(data, directed=True, multigraph=True, edges="links")
    return nx.MultiDiGraph(graph)


def write_graph_json(graph: nx.MultiDiGraph, path: str | Path) -> Path:
    """Write `graph.json` atomically (a killed run leaves the old file or none, never half)."""
    text = json.dumps(graph_to_json(graph), ensure_ascii=False, indent=1, sort_keys=True)
    return write_text_atomic(Path(path), text + "\n")


def read_graph_json(path: str | Path) -> nx.MultiDiGraph:
    """Read a graph written by write_graph_json."""
    return graph_from_json(json.loads(Path(path).read_text(encoding="utf-8")))
