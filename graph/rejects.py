"""Dropping the edges the user marked wrong (`[[reject]]` in the alias file).

A rejected edge is named by its ends' names, as the user reads them in the report (a label or
any alias), so it is matched on the graph, after merging: the same file keeps working when a
rebuild merges differently, and a rebuild from the store applies it without parsing.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence

import networkx as nx

from graph.aliases import Reject
from graph.names import entity_key

log = logging.getLogger(__name__)
CO_MENTION = "co_mention"


def drop_rejected(graph: nx.MultiDiGraph, rejects: Sequence[Reject]) -> int:
    """Remove every edge a [[reject]] names from `graph`; return how many were removed.

    A name matches a node by its id, its label or any of its aliases (case- and
    accent-insensitively). A co_mention matches in either direction. A reject that matches
    no edge is logged, not an error: the edge may be gone already.

    >>> g = nx.MultiDiGraph()
    >>> g.add_node("a", label="A", aliases=["A"]); g.add_node("b", label="B", aliases=["B"])
    >>> _ = g.add_edge("a", "b", key="supports", kind="supports")
    >>> drop_rejected(g, [Reject("a", "supports", "b")]), g.number_of_edges()
    (1, 0)
    """
    if not rejects:
        return 0
    nodes = _nodes_by_name(graph)
    removed = 0
    for reject in rejects:
        found = [
            edge
            for edge in _candidate_edges(reject, nodes)
            if graph.has_edge(edge[0], edge[1], key=edge[2])
        ]
        for source, target, kind in found:
            graph.remove_edge(source, target, key=kind)
        removed += len(found)
        if not found:
            log.warning(
                "[[reject]] %s %s %s matches no edge of the graph",
                reject.source,
                reject.kind,
                reject.target,
            )
    return removed


def _candidate_edges(reject: Reject, nodes: dict[str, set[str]]) -> Iterable[tuple[str, str, str]]:
    sources = nodes.get(reject.source, set())
    targets = nodes.get(reject.target, set())
    for source in sorted(sources):
        for target in sorted(targets):
            yield source, target, reject.kind
            if reject.kind == CO_MENTION:
                yield target, source, reject.kind


def _nodes_by_name(graph: nx.MultiDiGraph) -> dict[str, set[str]]:
    """Each name key → the nodes that go by it (its id, its label, its aliases)."""
    nodes: dict[str, set[str]] = {}
    for node, attrs in graph.nodes(data=True):
        names = [str(node), str(attrs.get("label", "")), *map(str, attrs.get("aliases", []))]
        for key in {str(node), *(entity_key(name) for name in names if name)}:
            nodes.setdefault(key, set()).add(str(node))
    return nodes
