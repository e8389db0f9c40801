"""What is drawn of a large graph, and where: pruning and precomputed positions.

A browser stays responsive with a few hundred nodes and a few thousand edges; past that the
canvas turns into a hairball and vis-network's physics takes seconds before anything settles.
So only the most mentioned entities and the strongest edges between them are drawn (the tables
still list everything), and large drawings get positions computed here instead of by physics.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import networkx as nx
import numpy as np
from scipy.spatial import cKDTree

from graph.render.force import force_layout
from graph.render.model import GraphData
from graph.render.sizes import node_sizes

PHYSICS_MAX_NODES = 150
"""Above this many drawn nodes the layout is computed in Python and physics is off."""

LAYOUT_SEED = 20240611
"""Fixed so the same graph is drawn the same way on every run."""

NODE_SPACING = 60.0
EVEN_NODE_SPACING = 110.0
MAX_STRETCH = 1.6
"""How much wider than the layout found an `even` layout may be drawn (see `_widened`)."""
"""The same in an `even` layout (the sides view): its few, often big, nodes (up to 76 pixels
across, graph.render.network) would otherwise overlap their neighbours and hide the edges."""
"""Typical canvas distance, in pixels, between a node and its nearest neighbour."""

LAYOUT_ITERATIONS = 100

DOT_GAP = 12.0
"""Pixels kept between two dots at zoom 1, so the edge that joins them shows between them."""
SEPARATION_ROUNDS = 60
"""At most this many rounds of pushing apart dots that cover each other."""

CANVAS_ASPECT = 2.0
"""Width over height of the report's canvas (about 900 by 450 pixels): components are packed
in rows about this much wider than tall, so small ones sit beside the largest, not under it."""

EVEN_LAYOUT_MAX_NODES = 150
"""Components up to this size may get Kamada-Kawai's layout (see `layout_positions`), whose
cost grows fast with their size (about a second at 150 nodes, five at 300)."""

EXACT_LAYOUT_MAX_NODES = 500
"""Components up to this size get networkx's spring layout, whose every iteration weighs all
pairs of nodes; larger ones get graph.render.force's near-linear layout."""

Position = tuple[float, float]


@dataclass(frozen=True)
class Drawing:
    """The entity ids and relation ids drawn on the canvas, out of how many in the graph."""

    nodes: tuple[str, ...]
    edges: tuple[str, ...]
    total_nodes: int
    total_edges: int

    @property
    def is_pruned(self) -> bool:
        """True when some entity or relation is left out of the drawing."""
        return len(self.nodes) < self.total_nodes or len(self.edges) < self.total_edges

    @property
    def uses_physics(self) -> bool:
        """Small drawings settle quickly with physics; large ones get positions from Python."""
        return len(self.nodes) <= PHYSICS_MAX_NODES


def select_drawn(data: GraphData, max_nodes: int, max_edges: int) -> Drawing:
    """Keep the `max_nodes` most mentioned entities and the `max_edges` strongest edges among
    them, stances first.

    Stances are a few per cent of the edges and nearly all of weight 1: ranked by weight
    alone they lose their place to co-mentions, and the sides view (what the report opens on
    for a large graph) would be missing most of them. So the ends of stance edges are chosen
    before other entities (most mentioned first) and stance edges before co-mentions; ties
    are broken by id, so the choice does not depend on insertion order.

    >>> from graph.render.model import read_graph
    >>> g = nx.MultiDiGraph()
    >>> g.add_nodes_from([("a", {"mentions": 1}), ("b", {"mentions": 5})])
    >>> select_drawn(read_graph(g), max_nodes=1, max_edges=10).nodes
    ('b',)
    """
    if max_nodes < 0 or max_edges < 0:
        raise ValueError(
            f"max_drawn_nodes and max_drawn_edges must be >= 0 (got {max_nodes}, {max_edges}); "
            "pass 0 to draw nothing and keep only the tables"
        )
    # read_graph already sorts entities by mentions and relations by weight.
    in_stance = {end for r in data.relations if r.directed for end in (r.source, r.target)}
    ranked = sorted(data.entities, key=lambda entity: entity.id not in in_stance)  # stable
    kept = {entity.id for entity in ranked[:max_nodes]}
    nodes = tuple(entity.id for entity in data.entities if entity.id in kept)
    between = [r for r in data.relations if r.source in kept and r.target in kept]
    between.sort(key=lambda relation: not relation.directed)  # stable: by weight within
    edges = tuple(relation.id for relation in between[:max_edges])
    return Drawing(nodes, edges, len(data.entities), len(data.relations))


def sides_drawing(data: GraphData, drawing: Drawing) -> Drawing:
    """The sides view of a drawing: its stance edges and the entities they join, nothing else.

    >>> from graph.render.model import read_graph
    >>> g = nx.MultiDiGraph()
    >>> _ = g.add_edge("a", "b", key="supports", kind="supports")
    >>> _ = g.add_edge("b", "c", key="co_mention", kind="co_mention")
    >>> sides_drawing(read_graph(g), select_drawn(read_graph(g), 9, 9)).nodes
    ('a', 'b')
    """
    drawn = set(drawing.edges)
    stances = [r for r in data.relations if r.id in drawn and r.directed]
    ends = {end for r in stances for end in (r.source, r.target)}
    nodes = tuple(node for node in drawing.nodes if node in ends)
    return Drawing(nodes, tuple(r.id for r in stances), drawing.total_nodes, drawing.total_edges)


def static_positions(data: GraphData, drawing: Drawing) -> dict[str, Position]:
    """Canvas positions for a drawing too large for physics, else `{}` (physics places nodes).

    Each connected component gets its own force-directed layout (networkx's spring layout up
    to `EXACT_LAYOUT_MAX_NODES` nodes, graph.render.force's near-linear one above, so ten
    thousand drawn nodes take seconds), scaled so neighbouring nodes sit about
    `NODE_SPACING` pixels apart, then components are packed in rows, largest first: a
    single spring layout would fling small components and lone entities to the far edges and
    shrink the main cluster to a blot. Nodes are visited in sorted order with a fixed seed, so
    the same graph always gets the same picture.
    """
    if drawing.uses_physics or not drawing.nodes:
        return {}
    return layout_positions(data, drawing)


def layout_positions(
    data: GraphData, drawing: Drawing, *, even: bool = False
) -> dict[str, Position]:
    """Positions of every drawn node, physics or not: see `static_positions`. The sides view
    gets its own, so its few hundred nodes are not scattered over the co-mention layout.

    `even` lays out components of up to `EVEN_LAYOUT_MAX_NODES` with Kamada-Kawai (from the
    spring layout), which keeps graph distances as canvas distances: a spring layout packs
    the dozens of speakers around one much-criticised entity into a blot, and their names
    overlap. It also spaces nodes `EVEN_NODE_SPACING` apart."""
    if not drawing.nodes:
        return {}
    layout_graph = _layout_graph(data, drawing)
    components = sorted(
        (sorted(component) for component in nx.connected_components(layout_graph)),
        key=lambda nodes: (-len(nodes), nodes[0]),
    )
    parts = [_component_layout(layout_graph.subgraph(nodes), even) for nodes in components]
    placed = _separated(_pack(parts), node_sizes(data, drawing.nodes))
    return {node: (round(x, 1), round(y, 1)) for node, (x, y) in sorted(placed.items())}


def _separated(placed: dict[str, Position], radii: dict[str, float]) -> dict[str, Position]:
    """The positions with dots that cover each other pushed apart, each pair by half of what
    it lacks, until `DOT_GAP` shows between every two. A layout spaces nodes by their links,
    not their size, and the two most cited entities, drawn biggest, are often the most
    linked: their dots then hide the very stance edges between them from a click."""
    nodes = sorted(placed)
    if len(nodes) < 2:
        return placed
    points = np.array([placed[node] for node in nodes], dtype=float)
    sizes = np.array([radii.get(node, 0.0) for node in nodes])
    reach = 2 * float(sizes.max()) + DOT_GAP
    for _ in range(SEPARATION_ROUNDS):
        pairs = cKDTree(points).query_pairs(reach, output_type="ndarray")
        if not len(pairs):
            break
        first, second = pairs[:, 0], pairs[:, 1]
        apart = points[second] - points[first]
        distance = np.hypot(apart[:, 0], apart[:, 1])
        lacking = sizes[first] + sizes[second] + DOT_GAP - distance
        crowded = lacking > 0.5
        if not crowded.any():
            break
        first, second, apart = first[crowded], second[crowded], apart[crowded]
        distance, lacking = distance[crowded], lacking[crowded]
        # Dots on the very same spot part along a direction fixed by their order.
        direction = np.where(distance[:, None] > 1e-9, apart, [1.0, 0.0])
        direction /= np.hypot(direction[:, 0], direction[:, 1])[:, None]
        push = direction * (lacking / 2)[:, None]
        moves = np.zeros_like(points)
        np.add.at(moves, first, -push)
        np.add.at(moves, second, push)
        points += moves
    return {node: (float(x), float(y)) for node, (x, y) in zip(nodes, points, strict=True)}


def _layout_graph(data: GraphData, drawing: Drawing) -> nx.Graph:
    """The drawing as an undirected simple graph; parallel edges add up, log-damped so one
    very heavy edge cannot collapse a pair onto itself."""
    drawn_edges = set(drawing.edges)
    layout_graph = nx.Graph()
    layout_graph.add_nodes_from(sorted(drawing.nodes))
    for relation in data.relations:
        if relation.id not in drawn_edges or relation.source == relation.target:
            continue
        strength = math.log1p(max(relation.weight, 1))
        ends = (relation.source, relation.target)
        if layout_graph.has_edge(*ends):
            layout_graph.edges[ends]["strength"] += strength
        else:
            layout_graph.add_edge(*ends, strength=strength)
    return layout_graph


def _component_layout(component: nx.Graph, even: bool = False) -> dict[str, Position]:
    """Force-directed layout of one connected component, in pixels, centred on (0, 0)."""
    nodes = sorted(component.nodes)
    if len(nodes) == 1:
        return {nodes[0]: (0.0, 0.0)}
    if len(nodes) > EXACT_LAYOUT_MAX_NODES:
        layout = force_layout(component, seed=LAYOUT_SEED, weight="strength")
    else:
        layout = _spring_layout(component, nodes)
    if even and 2 < len(nodes) <= EVEN_LAYOUT_MAX_NODES:
        # Unweighted: in the sides view every stance counts as one step between two sides.
        layout = nx.kamada_kawai_layout(component, pos=layout, weight=None)
    points = np.array([layout[node] for node in nodes], dtype=float)
    points -= points.mean(axis=0)
    if even:
        points = _widened(points)
    spacing = EVEN_NODE_SPACING if even else NODE_SPACING
    points *= spacing / _typical_neighbour_distance(points)
    return {node: (float(x), float(y)) for node, (x, y) in zip(nodes, points, strict=True)}


def _widened(points: np.ndarray) -> np.ndarray:
    """The layout turned so its longest axis lies along the canvas's width, then stretched
    sideways up to `CANVAS_ASPECT`: names are written across, so room is needed across, and
    a view fitted to a tall layout on a wide canvas shrinks every name."""
    _, _, axes = np.linalg.svd(points, full_matrices=False)
    turned = points @ axes.T
    width, height = np.ptp(turned, axis=0)
    if height > 0 and width < CANVAS_ASPECT * height:
        turned[:, 0] *= min(CANVAS_ASPECT * height / max(width, 1e-9), MAX_STRETCH)
    return turned


def _spring_layout(component: nx.Graph, nodes: list[str]) -> dict[str, Position]:
    """networkx's spring layout, fed nodes and edges in sorted order (it depends on it)."""
    ordered = nx.Graph()
    ordered.add_nodes_from(nodes)
    ordered.add_edges_from(sorted(component.edges(data=True)))
    # method="force": "auto" switches to an optimiser that needs scipy past 500 nodes.
    layout = nx.spring_layout(
        ordered, seed=LAYOUT_SEED, weight="strength", iterations=LAYOUT_ITERATIONS, method="force"
    )
    return {node: (float(x), float(y)) for node, (x, y) in layout.items()}


def _typical_neighbour_distance(points: np.ndarray) -> float:
    """Median distance from each point to its nearest neighbour (never zero); a k-d tree
    finds them in O(n log n) where all pairs would take O(n²) memory."""
    distances, _ = cKDTree(points).query(points, k=2)
    return max(float(np.median(distances[:, 1])), 1e-9)


def _pack(layouts: list[dict[str, Position]]) -> dict[str, Position]:
    """Place component layouts (largest first) side by side, centred on (0, 0).

    When the largest outweighs all the others, they go in a block beside it, no taller than
    it: in rows under it they would make the whole taller than the canvas is wide, and the
    view, fitted to the height, would shrink every name. Otherwise all go in rows about
    `CANVAS_ASPECT` times wider than tall.
    """
    boxes = [_bounds(layout) for layout in layouts]
    areas = [(right - left) * (bottom - top) for left, top, right, bottom in boxes]
    if len(layouts) == 1 or sum(areas[1:]) > areas[0]:
        row_limit = max(_widest(boxes), math.sqrt(sum(areas) * CANVAS_ASPECT))
        placed = _rows(layouts, boxes, row_limit)
    else:
        left, top, right, bottom = boxes[0]
        placed = {node: (x - left, y - top) for node, (x, y) in layouts[0].items()}
        block_limit = max(_widest(boxes[1:]), 1.2 * sum(areas[1:]) / (bottom - top))
        beside = _rows(layouts[1:], boxes[1:], block_limit)
        placed.update({node: (x + right - left, y) for node, (x, y) in beside.items()})
    width = max(px for px, _ in placed.values())
    height = max(py for _, py in placed.values())
    return {node: (px - width / 2, py - height / 2) for node, (px, py) in placed.items()}


def _widest(boxes: list[tuple[float, float, float, float]]) -> float:
    """Width of the widest box: no row can be narrower."""
    return max(right - left for left, _, right, _ in boxes)


def _rows(
    layouts: list[dict[str, Position]],
    boxes: list[tuple[float, float, float, float]],
    row_limit: float,
) -> dict[str, Position]:
    """Layouts left to right in rows at most `row_limit` wide, from (0, 0) down."""
    placed: dict[str, Position] = {}
    x = y = row_height = 0.0
    for layout, (left, top, right, bottom) in zip(layouts, boxes, strict=True):
        if x > 0 and x + (right - left) > row_limit:
            x, y, row_height = 0.0, y + row_height, 0.0
        for node, (px, py) in layout.items():
            placed[node] = (px - left + x, py - top + y)
        x += right - left
        row_height = max(row_height, bottom - top)
    return placed


def _bounds(layout: dict[str, Position]) -> tuple[float, float, float, float]:
    """Bounding box of a layout with half a spacing of margin all round."""
    xs = [x for x, _ in layout.values()]
    ys = [y for _, y in layout.values()]
    margin = NODE_SPACING / 2
    return min(xs) - margin, min(ys) - margin, max(xs) + margin, max(ys) + margin
