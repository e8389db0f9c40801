"""`graph.json`: the graph as networkx node-link JSON (the contract in docs/graph-json.md)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import networkx as nx

from graph.fsutil import write_text_atomic
from graph.runtime import cyclic_gc_paused

#: The node-link lists written one item a line.
_LISTS = ("nodes", "links")


def graph_to_json(graph: nx.MultiDiGraph) -> dict[str, Any]:
    """The node-link dictionary of the graph (`nodes`, `links`, `graph` attributes)."""
    return nx.node_link_data(graph, edges="links")


def graph_from_json(data: dict[str, Any]) -> nx.MultiDiGraph:
    """The graph back from its node-link dictionary."""
    graph = nx.node_link_graph(data, directed=True, multigraph=True, edges="links")
    return nx.MultiDiGraph(graph)


def write_graph_json(graph: nx.MultiDiGraph, path: str | Path) -> Path:
    """Write `graph.json` atomically (a killed run leaves the old file or none, never half)."""
    with cyclic_gc_paused():
        text = _one_item_a_line(graph_to_json(graph))
    return write_text_atomic(Path(path), text + "\n")


def _one_item_a_line(data: dict[str, Any]) -> str:
    """The node-link JSON with keys sorted and each node and link on a line of its own:
    easy to read and to diff, and written by json's C encoder throughout (`indent` would
    use the pure-Python one, several times slower on a graph of a million evidence items).

    >>> print(_one_item_a_line({"nodes": [{"id": "a"}], "links": [], "directed": True}))
    {
    "directed": true,
    "links": [
    <BLANKLINE>
    ],
    "nodes": [
    {"id": "a"}
    ]
    }
    """
    parts = []
    for key in sorted(data):
        value = data[key]
        if key in _LISTS and isinstance(value, list):
            items = ",\n".join(_dumps(item) for item in value)
            parts.append(f"{_dumps(key)}: [\n{items}\n]")
        else:
            parts.append(f"{_dumps(key)}: {_dumps(value)}")
    return "{\n" + ",\n".join(parts) + "\n}"


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def read_graph_json(path: str | Path) -> nx.MultiDiGraph:
    """Read a graph written by write_graph_json."""
    return graph_from_json(json.loads(Path(path).read_text(encoding="utf-8")))
