"""Ranking entities by their weight in the debate, not only by how often they are named.

Mentions count who is talked about; the stance graph says who is taken a side on. An
entity's `influence` is its PageRank (Brin & Page, 1998; networkx's implementation, damping
0.85) over the stance edges, speaker → target, weighted by the sentences stating them: an
entity is influential when many stances, from entities themselves often targeted, are
about it. It is scaled so that the average entity with a stance scores 1.0; an entity with
no stance scores 0. `stances_in` and `stances_out` count the stance sentences it receives
and states, the plain figures beside it.
"""

from __future__ import annotations

from dataclasses import dataclass

import networkx as nx

from graph.camps import stance_edges

DAMPING = 0.85
DIGITS = 3


@dataclass(frozen=True)
class Standing:
    """One entity's place in the stance graph."""

    influence: float = 0.0
    stances_in: int = 0
    stances_out: int = 0


def rank_entities(graph: nx.MultiDiGraph) -> dict[str, Standing]:
    """Every entity with a stance edge → its Standing (the others have none).

    >>> g = nx.MultiDiGraph()
    >>> _ = g.add_edge("a", "c", key="criticises", kind="criticises", weight=1)
    >>> _ = g.add_edge("b", "c", key="supports", kind="supports", weight=2)
    >>> ranks = rank_entities(g)
    >>> ranks["c"].influence > ranks["a"].influence, ranks["c"].stances_in
    (True, 3)
    """
    stances = nx.DiGraph()
    incoming: dict[str, int] = {}
    outgoing: dict[str, int] = {}
    for source, target, _sign, weight in stance_edges(graph):
        previous = stances.get_edge_data(source, target, {"weight": 0})["weight"]
        stances.add_edge(source, target, weight=previous + weight)
        outgoing[source] = outgoing.get(source, 0) + weight
        incoming[target] = incoming.get(target, 0) + weight
    if stances.number_of_nodes() == 0:
        return {}
    scores = nx.pagerank(stances, alpha=DAMPING, weight="weight")
    scale = stances.number_of_nodes()
    return {
        node: Standing(
            round(scores[node] * scale, DIGITS), incoming.get(node, 0), outgoing.get(node, 0)
        )
        for node in sorted(stances)
    }
