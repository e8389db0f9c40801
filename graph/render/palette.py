"""Colours, names and meanings of entity types and edge kinds, shared by the canvas, the
legend, the filters and the side panel.

Types and kinds come from the extraction stage and may grow (new NER labels, new stance
kinds); anything not listed here still gets a colour, a name and a place in the legend. What
each kind means is language knowledge: it lives in `KIND_TEXTS` alone, and the page's
scripts read it from the payload, never from strings of their own.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from graph.render.model import CO_MENTION

TYPE_COLOURS = {"PER": "#4e79a7", "ORG": "#f28e2b", "LOC": "#59a89c"}
OTHER_TYPE_COLOUR = "#c9a227"

#: Four stance colours far apart in hue (green, red, orange, violet) and a muted grey for
#: co-mentions, which outnumber stances fifty to one and should not drown them.
KIND_COLOURS = {
    "supports": "#2b9348",
    "denies": "#d62828",
    "criticises": "#ee7d00",
    "accuses": "#7b2cbf",
    CO_MENTION: "#b4b9bf",
}
OTHER_KIND_COLOUR = "#8c564b"

#: The largest camps' colours: ten distinct hues away from the stance kinds' green, red and
#: orange, so a camp is not read as a stance; smaller camps share `OTHER_CAMP_COLOUR`.
CAMP_COLOURS = (
    "#4e79a7",
    "#edc948",
    "#b07aa1",
    "#76b7b2",
    "#9c755f",
    "#ff9da7",
    "#17becf",
    "#bcbd22",
    "#1f3b73",
    "#d4a6c8",
)
OTHER_CAMP_COLOUR = "#c7c7c7"
NO_CAMP_COLOUR = "#ececec"

TYPE_NAMES = {"PER": "person", "ORG": "organisation", "LOC": "place"}


@dataclass(frozen=True)
class KindText:
    """How the page words one edge kind: its meaning, and the panel's headings for the
    edges an entity sends (`active`) and receives (`passive`)."""

    meaning: str
    active: str
    passive: str


#: One line each, read as "A → B kind: meaning" (see docs/graph-json.md, Stance kinds).
KIND_TEXTS = {
    "supports": KindText(
        "A supports, praises, thanks or agrees with B", "Supports", "Supported by"
    ),
    "denies": KindText("A rejects a claim or accusation made by B", "Denies", "Denied by"),
    "criticises": KindText("A criticises, condemns or opposes B", "Criticises", "Criticised by"),
    "accuses": KindText("A accuses B", "Accuses", "Accused by"),
    CO_MENTION: KindText("A and B are named together (no stance)", "Co-mentioned", "Co-mentioned"),
}


@dataclass(frozen=True)
class LegendItem:
    """One entry of a legend and of the matching filter: the raw value, its name, its colour,
    and for edge kinds what the kind means and how the panel heads its lists."""

    value: str
    name: str
    colour: str
    directed: bool = False
    meaning: str = ""
    active: str = ""
    passive: str = ""


def type_colour(entity_type: str) -> str:
    """Node colour for an entity type (PER, ORG, LOC, or any other label)."""
    return TYPE_COLOURS.get(entity_type, OTHER_TYPE_COLOUR)


def kind_colour(kind: str) -> str:
    """Edge colour: one per stance kind, muted grey for co-mentions, brown for unknown kinds."""
    return KIND_COLOURS.get(kind, OTHER_KIND_COLOUR)


def kind_name(kind: str) -> str:
    """Human name of an edge kind (`co_mention` → `co-mention`)."""
    return kind.replace("_", "-")


def kind_text(kind: str) -> KindText:
    """The words for a kind; a kind this table does not know is described by its own name,
    so a new stance kind from the extraction stage still reads sensibly."""
    name = kind_name(kind)
    return KIND_TEXTS.get(kind, KindText(f"A {name} B", name.capitalize(), f"{name} (received)"))


def camp_colour(camp: int) -> str:
    """The colour of camp `camp` (1 = the largest; 0 = no stance, no camp).

    >>> camp_colour(1), camp_colour(0)
    ('#4e79a7', '#ececec')
    """
    if camp <= 0:
        return NO_CAMP_COLOUR
    return CAMP_COLOURS[camp - 1] if camp <= len(CAMP_COLOURS) else OTHER_CAMP_COLOUR


def type_legend(types: Iterable[str]) -> list[LegendItem]:
    """Legend entries for the types present: PER, ORG, LOC first, then others alphabetically."""
    present = set(types)
    ordered = [t for t in TYPE_COLOURS if t in present] + sorted(present - TYPE_COLOURS.keys())
    return [LegendItem(t, TYPE_NAMES.get(t, t), type_colour(t)) for t in ordered]


def kind_legend(kinds: Iterable[str]) -> list[LegendItem]:
    """Legend entries for the kinds present: the stance kinds, co-mention, then others."""
    present = set(kinds)
    ordered = [k for k in KIND_COLOURS if k in present] + sorted(present - KIND_COLOURS.keys())
    return [_kind_item(kind) for kind in ordered]


def _kind_item(kind: str) -> LegendItem:
    """A legend entry carrying the kind's colour and words."""
    text = kind_text(kind)
    return LegendItem(
        kind,
        kind_name(kind),
        kind_colour(kind),
        directed=kind != CO_MENTION,
        meaning=text.meaning,
        active=text.active,
        passive=text.passive,
    )
