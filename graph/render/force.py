"""A force-directed layout whose cost grows near-linearly with the nodes drawn.

networkx's spring layout pushes every pair of nodes apart at every iteration: O(n²) time
and memory, six minutes for a 10,000-node drawing. Here, as in Fruchterman and Reingold's
grid variant, a node is pushed only by the nodes within a few ideal edge lengths (found
with a k-d tree), so an iteration costs about the number of nodes. Local forces alone cannot
untangle a random start, so the start is not random: the component's most connected nodes,
its skeleton, get networkx's exact spring layout, spread over the area the whole component
will need, and every other node starts on a spiral around the neighbour that reached it
first (breadth-first from the skeleton). The iterations then only push crowded nodes apart
(the spirals of neighbouring hubs overlap): edges pulling without the global repulsion that
balances them would collapse a well-connected graph onto its hubs.

>>> positions = force_layout(nx.path_graph(["a", "b", "c"]), seed=1)
>>> sorted(positions)
['a', 'b', 'c']
"""

from __future__ import annotations

import math
from collections import deque

import networkx as nx
import numpy as np
from scipy.spatial import cKDTree

Position = tuple[float, float]

SKELETON_NODES = 300
"""Nodes laid out exactly (all pairs) to give the picture its overall shape."""

SKELETON_ITERATIONS = 100
REFINE_ITERATIONS = 60
"""Rounds of pushing crowded nodes apart."""
REPULSION_REACH = 2.0
"""Nodes further apart than this many ideal edge lengths do not push each other."""

START_STEP, END_STEP = 2.0, 0.05
"""Largest move per iteration, in ideal edge lengths, at the first and the last iteration."""

GOLDEN_ANGLE = math.pi * (3 - math.sqrt(5))
SPIRAL_SPACING = 0.8
"""Distance, in ideal edge lengths, between neighbours on a node's starting spiral."""


def force_layout(
    component: nx.Graph, *, seed: int, weight: str = "strength"
) -> dict[str, Position]:
    """Positions for a connected graph, in units of the ideal edge length, deterministic for
    a given graph and seed whatever the order its nodes and edges were added in."""
    nodes = sorted(component.nodes)
    index = {node: i for i, node in enumerate(nodes)}
    start = _starting_points(component, nodes, index, seed, weight)
    points = _spread(start, REFINE_ITERATIONS)
    return {node: (float(x), float(y)) for node, (x, y) in zip(nodes, points, strict=True)}


def _starting_points(
    component: nx.Graph, nodes: list[str], index: dict[str, int], seed: int, weight: str
) -> np.ndarray:
    """The skeleton's spring layout, spread over the area the whole component will need, and
    every other node on a spiral around the neighbour that reached it first."""
    skeleton = _skeleton(component, weight)
    order = _reached_from(component, skeleton, weight)
    layout = nx.spring_layout(
        _ordered(component.subgraph(skeleton)),
        seed=seed,
        weight=weight,
        iterations=SKELETON_ITERATIONS,
        method="force",
    )
    scale = math.sqrt(len(nodes)) / 2  # a square of about one ideal length² a node
    points = np.zeros((len(nodes), 2))
    for node in skeleton:
        points[index[node]] = np.asarray(layout[node]) * scale
    rng = np.random.default_rng(seed)
    turns: dict[str, tuple[float, int]] = {}
    for node, anchor in order.items():
        turn, rank = turns.get(anchor, (rng.uniform(0, 2 * math.pi), 0))
        turns[anchor] = (turn, rank + 1)
        angle = turn + (rank + 1) * GOLDEN_ANGLE
        radius = SPIRAL_SPACING * math.sqrt(rank + 1)
        points[index[node]] = points[index[anchor]] + radius * np.array(
            (math.cos(angle), math.sin(angle))
        )
    return points


def _reached_from(component: nx.Graph, skeleton: list[str], weight: str) -> dict[str, str]:
    """Every node outside the skeleton → the neighbour that reached it first, breadth-first
    from the skeleton (strongest links first), in the order they were reached."""
    reached: dict[str, str] = {}
    placed = set(skeleton)
    queue = deque(skeleton)
    while queue:
        anchor = queue.popleft()
        links = component.adj[anchor]
        for node in sorted(
            (n for n in links if n not in placed),
            key=lambda n: (-float(links[n].get(weight, 1.0)), n),
        ):
            reached[node] = anchor
            placed.add(node)
            queue.append(node)
    return reached


def _skeleton(component: nx.Graph, weight: str) -> list[str]:
    """The most connected nodes (weighted degree, then id), sorted by id. Nodes with a single
    neighbour are left out whenever any other node is there: a leaf shapes nothing, it goes
    on its neighbour's spiral."""
    inner = [node for node, links in component.degree if links > 1] or sorted(component.nodes)[:1]
    strength = dict(component.degree(inner, weight=weight))
    ranked = sorted(inner, key=lambda node: (-strength[node], node))
    return sorted(ranked[:SKELETON_NODES])


def _ordered(graph: nx.Graph) -> nx.Graph:
    """A copy with nodes and edges in sorted order: spring layout depends on that order."""
    ordered = nx.Graph()
    ordered.add_nodes_from(sorted(graph.nodes))
    ordered.add_edges_from(sorted(graph.edges(data=True)))
    return ordered


def _spread(points: np.ndarray, iterations: int) -> np.ndarray:
    """Push crowded nodes apart, each move capped by a step that shrinks from `START_STEP`
    to `END_STEP` ideal lengths, so nodes settle near where they started."""
    points = points.copy()
    for step in np.linspace(START_STEP, END_STEP, iterations):
        shift = _repulsion(points)
        length = np.linalg.norm(shift, axis=1)
        points += shift * (np.minimum(length, step) / np.maximum(length, 1e-9))[:, None]
    return points


def _repulsion(points: np.ndarray) -> np.ndarray:
    """Each pair closer than the reach pushes apart with force 1/distance (FR's k²/d, k=1)."""
    pairs = cKDTree(points).query_pairs(REPULSION_REACH, output_type="ndarray")
    first, second = pairs[:, 0], pairs[:, 1]
    delta = points[first] - points[second]
    squared = np.maximum(np.einsum("ij,ij->i", delta, delta), 1e-6)
    push = delta / squared[:, None]
    return _summed(first, second, push, len(points))


def _summed(first: np.ndarray, second: np.ndarray, force: np.ndarray, count: int) -> np.ndarray:
    """Per-node totals of pairwise forces: `force` acts on `first`, its opposite on `second`."""
    total = np.zeros((count, 2))
    for axis in range(2):
        total[:, axis] = np.bincount(first, force[:, axis], count) - np.bincount(
            second, force[:, axis], count
        )
    return total
