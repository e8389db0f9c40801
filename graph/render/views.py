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
from graph.render.palette import camp_colour

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


@dataclass(frozen=True)
class CampRow:
    """One row of the report's camps table: a camp of two entities or more, its best-known
    members (most influential first, at most `MEMBERS_SHOWN`) and its figures."""

    number: int
    colour: str
    size: int
    members: tuple[tuple[str, str], ...]
    internal_supports: int
    cross_oppositions: int
    frustration: int


MEMBERS_SHOWN = 12


def camp_rows(data: GraphData) -> list[CampRow]:
    """The camps with at least two members, largest first (an entity alone in a camp of its
    own is an isolated quarrel, not a side; it still has its colour on the canvas).

    >>> import networkx as nx
    >>> from graph.render.model import read_graph
    >>> camp_rows(read_graph(nx.MultiDiGraph()))
    []
    """
    members: dict[int, list[tuple[float, str, str]]] = {}
    for entity in data.entities:
        if entity.camp:
            members.setdefault(entity.camp, []).append((-entity.influence, entity.label, entity.id))
    rows = []
    for camp in data.camps:
        ranked = sorted(members.get(camp["camp"], []))
        if len(ranked) < 2:
            continue
        rows.append(
            CampRow(
                number=camp["camp"],
                colour=camp_colour(camp["camp"]),
                size=len(ranked),
                members=tuple((node, label) for _, label, node in ranked[:MEMBERS_SHOWN]),
                internal_supports=camp["internal_supports"],
                cross_oppositions=camp["cross_oppositions"],
                frustration=camp["frustration"],
            )
        )
    return rows
