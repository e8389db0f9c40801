"""The two views of the drawing: "sides" (stances only) and "all" (with co-mentions).

On a few articles every edge is worth seeing. On hundreds, co-mentions outnumber stances
fifty to one and the first view is a hairball that hides who is on whose side; so a graph of
more than `SIDES_VIEW_MIN_ENTITIES` entities opens on its stance edges and their ends, with
co-mentions one toggle away (static/graph.js switches between the two).
"""

from __future__ import annotations

from dataclasses import dataclass

from graph.render.layout import Drawing, Position, layout_positions, sides_drawing
from graph.render.model import GraphData

SIDES_VIEW_MIN_ENTITIES = 150
"""Graphs with more entities than this open on the sides view (when they have a stance)."""

SIDES, ALL = "sides", "all"


@dataclass(frozen=True)
class Views:
    """Which view the page opens on, how big the sides view is, and where its nodes go when
    positions are computed in Python (empty when physics places them)."""

    default: str
    sides_nodes: int
    sides_edges: int
    sides_positions: dict[str, Position]


def choose_views(data: GraphData, drawing: Drawing) -> Views:
    """The sides view is the default for a large graph with at least one drawn stance.

    >>> import networkx as nx
    >>> from graph.render.layout import select_drawn
    >>> from graph.render.model import read_graph
    >>> empty = read_graph(nx.MultiDiGraph())
    >>> choose_views(empty, select_drawn(empty, 1, 1)).default
    'all'
    """
    sides = sides_drawing(data, drawing)
    large = len(data.entities) > SIDES_VIEW_MIN_ENTITIES
    default = SIDES if large and sides.edges else ALL
    # With physics the nodes settle where the full drawing puts them; the sides view then
    # only hides. Without, it gets a layout of its own so its nodes sit close together.
    positions = {} if drawing.uses_physics else layout_positions(data, sides, even=True)
    return Views(default, len(sides.nodes), len(sides.edges), positions)
