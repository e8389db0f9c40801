"""How big each drawn entity is: its dot's radius and its label's font, both growing with how
often the corpus cites it. Shared by the layout, which must keep dots from covering one
another, and by the network that draws them."""

from __future__ import annotations

import math

from graph.render.model import GraphData

NODE_SIZE_MIN, NODE_SIZE_MAX = 8.0, 38.0
#: Label font sizes (px at zoom 1) for the least and most cited entities.
LABEL_SIZE_MIN, LABEL_SIZE_MAX = 14.0, 34.0


def scaled(value: int, top: int, low: float, high: float) -> float:
    """Log scale into [low, high]: news counts are heavy-tailed, and a linear scale would shrink
    everything but the few most cited entities to dots.

    >>> scaled(0, 100, 8.0, 38.0), scaled(100, 100, 8.0, 38.0)
    (8.0, 38.0)
    """
    if top <= 0:
        return low
    return round(low + (high - low) * math.log1p(max(value, 0)) / math.log1p(top), 2)


def node_sizes(data: GraphData, drawn: tuple[str, ...]) -> dict[str, float]:
    """The radius, in canvas pixels, of each drawn entity's dot."""
    return _by_mentions(data, drawn, NODE_SIZE_MIN, NODE_SIZE_MAX)


def label_sizes(data: GraphData, drawn: tuple[str, ...]) -> dict[str, int]:
    """The font size, in pixels at zoom 1, of each drawn entity's label: the most cited stay
    readable when the view is zoomed out."""
    fonts = _by_mentions(data, drawn, LABEL_SIZE_MIN, LABEL_SIZE_MAX)
    return {entity: round(size) for entity, size in fonts.items()}


def _by_mentions(
    data: GraphData, drawn: tuple[str, ...], low: float, high: float
) -> dict[str, float]:
    """Each drawn entity's mentions on `scaled`'s log scale, against the most cited drawn."""
    chosen = set(drawn)
    entities = [entity for entity in data.entities if entity.id in chosen]
    top = max((entity.mentions for entity in entities), default=0)
    return {e.id: scaled(e.mentions, top, low, high) for e in entities}
