"""Colours and display order of entity types and edge kinds, shared by the canvas and legends.

Types and kinds come from the extraction stage and may grow (new NER labels, new stance
kinds); anything not listed here still gets a colour and a place in the legend.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from graph.render.model import CO_MENTION

TYPE_COLOURS = {"PER": "#4e79a7", "ORG": "#f28e2b", "LOC": "#59a89c"}
OTHER_TYPE_COLOUR = "#c9a227"

KIND_COLOURS = {CO_MENTION: "#a3a8ae", "supports": "#2b9348", "denies": "#d62828"}
OTHER_KIND_COLOUR = "#7b2cbf"

TYPE_NAMES = {"PER": "person", "ORG": "organisation", "LOC": "place"}


@dataclass(frozen=True)
class LegendItem:
    """One entry of a legend and of the matching filter: the raw value, its name, its colour."""

    value: str
    name: str
    colour: str
    directed: bool = False


def type_colour(entity_type: str) -> str:
    """Node colour for an entity type (PER, ORG, LOC, or any other label)."""
    return TYPE_COLOURS.get(entity_type, OTHER_TYPE_COLOUR)


def kind_colour(kind: str) -> str:
    """Edge colour: grey co-mentions, green supports, red denies, violet for other stances."""
    return KIND_COLOURS.get(kind, OTHER_KIND_COLOUR)


def kind_name(kind: str) -> str:
    """Human name of an edge kind (`co_mention` → `co-mention`)."""
    return kind.replace("_", "-")


def type_legend(types: Iterable[str]) -> list[LegendItem]:
    """Legend entries for the types present: PER, ORG, LOC first, then others alphabetically."""
    present = set(types)
    ordered = [t for t in TYPE_COLOURS if t in present] + sorted(present - TYPE_COLOURS.keys())
    return [LegendItem(t, TYPE_NAMES.get(t, t), type_colour(t)) for t in ordered]


def kind_legend(kinds: Iterable[str]) -> list[LegendItem]:
    """Legend entries for the kinds present: co-mention, supports, denies, then others."""
    present = set(kinds)
    ordered = [k for k in KIND_COLOURS if k in present] + sorted(present - KIND_COLOURS.keys())
    return [LegendItem(k, kind_name(k), kind_colour(k), directed=k != CO_MENTION) for k in ordered]
