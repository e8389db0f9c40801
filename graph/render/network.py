"""The vis-network data of the drawing (nodes, edges, options), built with pyvis.

Only pyvis's data model is used: its HTML template links Bootstrap from a CDN even with
``cdn_resources="in_line"``, and the report must load nothing from the network. The page
template (``templates/``) embeds these lists as JSON and hands them to vis-network.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from typing import Any

from pyvis.network import Network

from graph.render.layout import Drawing, Position
from graph.render.model import GraphData, Relation
from graph.render.palette import kind_colour, type_colour
from graph.render.sizes import LABEL_SIZE_MIN, label_sizes, node_sizes, scaled

#: The on-screen size under which vis-network stops drawing a label (its default, 5, hides
#: them all once a graph of a hundred entities is zoomed out to fit).
LABEL_DRAW_THRESHOLD = 3
EDGE_WIDTH_MIN, EDGE_WIDTH_MAX = 1.0, 8.0
STABILIZATION_ITERATIONS = 400
VIS_LAYOUT_SEED = 7
"""vis-network places nodes randomly before physics: a fixed seed gives the same picture."""
CO_MENTION_OPACITY = 0.55
STANCE_ROUNDNESS = 0.18
STANCE_CURVE = {"enabled": True, "type": "curvedCW", "roundness": STANCE_ROUNDNESS}
"""Stance edges bend so they stay visible next to a straight co-mention between the same pair."""
PARALLEL_STANCE_BEND = 0.22
"""How much more each further stance from the same speaker to the same target bends ("A
supports B" and "A criticises B"): on one curve, only one of them could be clicked."""


@dataclass(frozen=True)
class VisNetwork:
    """What `new vis.Network(container, {nodes, edges}, options)` needs, as JSON-ready values."""

    nodes: list[dict[str, Any]]
    edges: list[dict[str, Any]]
    options: dict[str, Any]


def build_network(data: GraphData, drawing: Drawing, positions: dict[str, Position]) -> VisNetwork:
    """Nodes coloured by type and sized by mentions, edges coloured by kind, widths by weight.

    Positions, when given, are fixed starting points and physics is switched off so a large
    drawing appears at once.
    """
    # A directed pyvis network keeps parallel edges (a co-mention and a stance between the same
    # pair); arrows are then set per edge, so co-mentions still draw without one.
    net = Network(directed=True)
    _add_nodes(net, data, drawing, positions)
    _add_edges(net, data, drawing)
    _configure(net, drawing)
    nodes, edges, _heading, _height, _width, options_json = net.get_network_data()
    options = _merged(json.loads(options_json), _extra_options())
    return VisNetwork(nodes=nodes, edges=edges, options=options)


def _add_nodes(
    net: Network, data: GraphData, drawing: Drawing, positions: dict[str, Position]
) -> None:
    drawn = set(drawing.nodes)
    entities = [entity for entity in data.entities if entity.id in drawn]
    sizes, fonts = node_sizes(data, drawing.nodes), label_sizes(data, drawing.nodes)
    for entity in entities:
        colour = type_colour(entity.type)
        placement: dict[str, Any] = {}
        if entity.id in positions:
            placement = {"x": positions[entity.id][0], "y": positions[entity.id][1]}
        net.add_node(
            entity.id,
            label=entity.label,
            shape="dot",
            size=sizes[entity.id],
            color={
                "background": colour,
                "border": "#3a3f44",
                "highlight": {"background": colour, "border": "#111"},
                "hover": {"background": colour, "border": "#111"},
            },
            borderWidth=1,
            font={"size": fonts[entity.id]},
            **placement,
        )


def _add_edges(net: Network, data: GraphData, drawing: Drawing) -> None:
    drawn = set(drawing.edges)
    relations = [relation for relation in data.relations if relation.id in drawn]
    top = max((relation.weight for relation in relations), default=0)
    earlier: Counter[tuple[str, str]] = Counter()
    for relation in relations:
        style = _edge_style(relation)
        if relation.directed:
            ends = (relation.source, relation.target)
            bend = STANCE_ROUNDNESS + PARALLEL_STANCE_BEND * earlier[ends]
            style["smooth"] = {**STANCE_CURVE, "roundness": round(bend, 2)}
            earlier[ends] += 1
        net.add_edge(
            relation.source,
            relation.target,
            id=relation.id,
            width=scaled(relation.weight, top, EDGE_WIDTH_MIN, EDGE_WIDTH_MAX),
            **style,
        )


def _edge_style(relation: Relation) -> dict[str, Any]:
    colour = kind_colour(relation.kind)
    if not relation.directed:
        return {
            "arrows": {"to": {"enabled": False}},
            "color": {"color": colour, "highlight": "#555", "opacity": CO_MENTION_OPACITY},
        }
    return {
        "arrows": {"to": {"enabled": True, "scaleFactor": 0.7}},
        "color": {"color": colour, "highlight": colour, "hover": colour},
        "smooth": STANCE_CURVE,
    }


def _configure(net: Network, drawing: Drawing) -> None:
    """Physics with stabilization for small drawings; none (static positions) for large ones."""
    net.inherit_edge_colors(False)
    net.set_edge_smooth("continuous")
    net.toggle_physics(drawing.uses_physics)
    if drawing.uses_physics:
        net.barnes_hut(gravity=-6000, spring_length=140, spring_strength=0.02, overlap=0.1)
        net.options.physics.stabilization.iterations = STABILIZATION_ITERATIONS
        net.options.physics.stabilization.updateInterval = 50
    else:
        net.toggle_stabilization(False)
        net.options.edges.smooth.enabled = False  # straight lines draw much faster


def _extra_options() -> dict[str, Any]:
    """Options pyvis has no setter for: stable seed, hover tooltips, readable labels."""
    return {
        "layout": {"randomSeed": VIS_LAYOUT_SEED, "improvedLayout": True},
        "interaction": {
            "hover": True,
            "tooltipDelay": 150,
            "hideEdgesOnDrag": False,
            "multiselect": False,
            "navigationButtons": False,
            "keyboard": False,
        },
        "nodes": {
            "font": {"size": LABEL_SIZE_MIN, "face": "system-ui, sans-serif", "strokeWidth": 3},
            "scaling": {"label": {"drawThreshold": LABEL_DRAW_THRESHOLD}},
        },
    }


def _merged(base: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    """`base` updated with `extra`, nested dictionaries merged rather than replaced."""
    merged = dict(base)
    for name, value in extra.items():
        if isinstance(value, dict) and isinstance(merged.get(name), dict):
            merged[name] = _merged(merged[name], value)
        else:
            merged[name] = value
    return merged
