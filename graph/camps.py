"""Camps: who is on whose side, found on the signed stance graph.

`supports` is a positive tie, `denies`, `criticises` and `accuses` negative ones (co-mentions
say nothing about sides and are left out). Structural balance theory (Heider; Cartwright &
Harary, 1956) says a graph whose nodes split into camps with every positive tie inside a camp
and every negative tie across is balanced; real graphs are not, and the standard measure of
how far they are is the *frustration* of a partition: the weight of negative ties inside camps
plus positive ties across. The camps are a partition that makes it small:

1. The signed ties are summed per pair (both directions, supports +w, the others -w).
2. Each connected part is split in two by the sign of the eigenvector of the smallest
   eigenvalue of its signed Laplacian D̄ - A, D̄ the absolute degrees (Kunegis et al. 2010,
   "Spectral analysis of signed graphs for clustering, prediction and visualization",
   SDM): for a balanced part this is exactly its two camps. Parts of more than
   `SPECTRAL_LIMIT` nodes are seeded by the balance colouring instead (same camp across a
   positive tie, the other across a negative one, breadth first from the best-connected
   node), which costs a linear pass.
3. Doreian & Mrvar's relocation ("A partitioning approach to structural balance", Social
   Networks 18, 1996): each node in turn moves to the camp (of its neighbours, or a new one)
   where its frustration is lowest, until no move lowers it; so more than two camps appear
   where the data has them. The search is local: a group held together by supports as
   strong as its oppositions to the camp it was seeded in stays there.

Everything runs in sorted order with no randomness: the same graph gives the same camps.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass

import networkx as nx

POSITIVE = frozenset({"supports"})
NEGATIVE = frozenset({"denies", "criticises", "accuses"})
#: Parts larger than this are seeded by balance colouring, not a dense eigendecomposition.
SPECTRAL_LIMIT = 1000
MAX_SWEEPS = 100
#: Eigenvector entries this close to zero are treated as zero (numerical noise).
_ZERO = 1e-9

Ties = dict[str, dict[str, int]]


@dataclass(frozen=True)
class Camp:
    """One camp: members (node ids, sorted) and the stance weight inside and around it."""

    number: int
    members: tuple[str, ...]
    #: Weight of `supports` edges with both ends in the camp.
    internal_supports: int
    #: Weight of negative edges between this camp and another one.
    cross_oppositions: int
    #: Weight of negative edges inside plus `supports` edges to or from other camps.
    frustration: int


@dataclass(frozen=True)
class Camps:
    """Every entity with a stance in a camp (numbered from 1, largest first)."""

    camp_of: dict[str, int]
    camps: tuple[Camp, ...]
    #: Weight of the stance edges the partition contradicts, each counted once.
    frustration: int = 0


def find_camps(graph: nx.MultiDiGraph) -> Camps:
    """The camps of the stance edges of a newsgraph graph.

    >>> g = nx.MultiDiGraph()
    >>> _ = g.add_edge("a", "b", key="supports", kind="supports", weight=2)
    >>> _ = g.add_edge("c", "a", key="criticises", kind="criticises", weight=1)
    >>> found = find_camps(g)
    >>> found.camp_of == {"a": 1, "b": 1, "c": 2}, found.frustration
    (True, 0)
    """
    edges = list(stance_edges(graph))
    ties = signed_ties(edges)
    camp_of: dict[str, int] = {}
    for part in _parts(ties, {node for edge in edges for node in edge[:2]}):
        seed = _spectral_seed(part, ties) if len(part) <= SPECTRAL_LIMIT else _colouring(part, ties)
        offset = max(camp_of.values(), default=0) + 1
        for node, camp in _relocated(part, ties, seed).items():
            camp_of[node] = camp + offset
    return _summarised(_renumbered(camp_of), edges)


def stance_edges(graph: nx.MultiDiGraph) -> Iterable[tuple[str, str, int, int]]:
    """(source, target, sign, weight) of every signed stance edge, self-loops left out."""
    for source, target, attrs in graph.edges(data=True):
        kind = attrs.get("kind")
        sign = 1 if kind in POSITIVE else -1 if kind in NEGATIVE else 0
        if sign and source != target:
            yield str(source), str(target), sign, max(int(attrs.get("weight", 1)), 1)


def signed_ties(edges: Iterable[tuple[str, str, int, int]]) -> Ties:
    """Net signed weight per pair, symmetric; pairs whose stances cancel out are left out."""
    ties: Ties = {}
    for source, target, sign, weight in edges:
        for a, b in ((source, target), (target, source)):
            ties.setdefault(a, {})
            ties[a][b] = ties[a].get(b, 0) + sign * weight
    return {a: {b: w for b, w in near.items() if w} for a, near in ties.items()}


def _parts(ties: Ties, nodes: set[str]) -> list[list[str]]:
    """Connected parts by non-zero ties, each sorted, in order of their first node."""
    seen: set[str] = set()
    parts = []
    for start in sorted(nodes):
        if start in seen:
            continue
        seen.add(start)
        part, queue = [], deque([start])
        while queue:
            node = queue.popleft()
            part.append(node)
            for other in sorted(ties.get(node, {})):
                if other not in seen:
                    seen.add(other)
                    queue.append(other)
        parts.append(sorted(part))
    return parts


def _spectral_seed(part: list[str], ties: Ties) -> dict[str, int]:
    """Two camps by the sign of the signed Laplacian's lowest eigenvector (Kunegis 2010)."""
    if len(part) < 2:
        return {node: 0 for node in part}
    import numpy as np

    index = {node: i for i, node in enumerate(part)}
    adjacency = np.zeros((len(part), len(part)))
    for node in part:
        for other, weight in ties.get(node, {}).items():
            adjacency[index[node], index[other]] = weight
    laplacian = np.diag(np.abs(adjacency).sum(axis=1)) - adjacency
    vector = np.linalg.eigh(laplacian)[1][:, 0]
    return {node: int(vector[index[node]] < -_ZERO) for node in part}


def _colouring(part: list[str], ties: Ties) -> dict[str, int]:
    """Two camps by balance colouring, breadth first from the best-connected node."""
    start = min(part, key=lambda node: (-sum(map(abs, ties[node].values())), node))
    camp = {start: 0}
    queue = deque([start])
    while queue:
        node = queue.popleft()
        for other in sorted(ties[node]):
            if other not in camp:
                camp[other] = camp[node] if ties[node][other] > 0 else 1 - camp[node]
                queue.append(other)
    return camp


def _relocated(part: list[str], ties: Ties, seed: dict[str, int]) -> dict[str, int]:
    """Doreian–Mrvar relocation: move nodes one at a time to their least frustrated camp."""
    camp = dict(seed)
    fresh = max(camp.values(), default=0) + 1
    for _ in range(MAX_SWEEPS):
        moved = False
        for node in part:
            costs = _costs(node, ties, camp)
            best = min(costs, key=lambda c: (costs[c], c < 0, c))  # a new camp last
            if costs[best] < costs[camp[node]]:
                camp[node] = fresh if best < 0 else best
                fresh += best < 0
                moved = True
        if not moved:
            break
    return camp


def _costs(node: str, ties: Ties, camp: dict[str, int]) -> dict[int, int]:
    """The frustration of `node`'s ties in each camp it could join (its own, its
    neighbours', or a new one, keyed -1), in one pass over its ties."""
    positive_total = 0
    positive: dict[int, int] = {}
    negative: dict[int, int] = {}
    for other, weight in ties.get(node, {}).items():
        where = camp[other]
        if weight > 0:
            positive_total += weight
            positive[where] = positive.get(where, 0) + weight
        else:
            negative[where] = negative.get(where, 0) - weight
    options = {camp[node], *positive, *negative}
    costs = {c: positive_total - positive.get(c, 0) + negative.get(c, 0) for c in options}
    costs[-1] = positive_total
    return costs


def _renumbered(camp_of: dict[str, int]) -> dict[str, int]:
    """Camps numbered 1, 2, … by size (largest first), ties by their first member."""
    members: dict[int, list[str]] = {}
    for node, camp in camp_of.items():
        members.setdefault(camp, []).append(node)
    order = sorted(members.values(), key=lambda nodes: (-len(nodes), min(nodes)))
    return {node: number for number, nodes in enumerate(order, 1) for node in nodes}


def _summarised(camp_of: dict[str, int], edges: list[tuple[str, str, int, int]]) -> Camps:
    counts = {camp: [0, 0, 0] for camp in set(camp_of.values())}
    total = 0
    for source, target, sign, weight in edges:
        a, b = camp_of[source], camp_of[target]
        frustrated = (sign < 0) == (a == b)
        total += weight if frustrated else 0
        if a == b:
            counts[a][0 if sign > 0 else 2] += weight
            continue
        for camp in (a, b):
            counts[camp][1 if sign < 0 else 2] += weight
    members: dict[int, list[str]] = {camp: [] for camp in counts}
    for node in sorted(camp_of):
        members[camp_of[node]].append(node)
    camps = tuple(
        Camp(number, tuple(members[number]), *counts[number]) for number in sorted(counts)
    )
    return Camps(camp_of, camps, total)
