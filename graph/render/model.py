"""The graph as the report reads it: typed, defaulted records in a deterministic order.

`build.py` writes the attributes described in docs/graph-json.md, but the renderer also has to
cope with graphs loaded from an older or hand-edited ``graph.json``. Reading every attribute
once, here, keeps the defaults in one place and lets the rest of ``render`` use plain fields.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import networkx as nx

CO_MENTION = "co_mention"
UNKNOWN_TYPE = "UNKNOWN"


@dataclass(frozen=True)
class Evidence:
    """One sentence behind an edge; `cue`, `speaker` and `target` are empty for co-mentions."""

    article: str
    sentence: str
    cue: str = ""
    speaker: str = ""
    target: str = ""
    #: How sure the stance model is of this sentence (None: co-mention, rules alone).
    confidence: float | None = None
    #: The sentences just before and after it in its article ("" at either end).
    before: str = ""
    after: str = ""
    #: Where it was read: the article's outlet, date (as the input gave it), title and url.
    outlet: str = ""
    date: str = ""
    title: str = ""
    url: str = ""


@dataclass(frozen=True)
class Entity:
    """A node of the graph (a canonical entity)."""

    id: str
    label: str
    type: str
    aliases: tuple[str, ...]
    articles: tuple[str, ...]
    mentions: int
    #: The entity's camp in the stance graph (graph.camps), 0 without a stance.
    camp: int = 0
    #: PageRank over stance edges, 1.0 the average (graph.ranking), 0 without a stance.
    influence: float = 0.0
    stances_in: int = 0
    stances_out: int = 0
    #: For each alias (same order), the articles it was matched in (graph.json
    #: `alias_articles`; empty where the graph does not say).
    alias_articles: tuple[tuple[str, ...], ...] = ()


@dataclass(frozen=True)
class Relation:
    """An edge of the graph; `id` is stable for a given graph (`r0` is the strongest edge)."""

    id: str
    source: str
    target: str
    kind: str
    weight: int
    evidence: tuple[Evidence, ...]
    evidence_total: int
    #: The stance model's confidence in the edge (None: co-mention, rules alone).
    confidence: float | None = None
    #: The weight each article gives it (empty in a graph.json older than the field).
    by_article: Mapping[str, int] = field(default_factory=dict)

    @property
    def directed(self) -> bool:
        """Stance edges read speaker → target; a co-mention has no direction."""
        return self.kind != CO_MENTION


@dataclass(frozen=True)
class GraphData:
    """Entities by mentions (most first) and relations by weight (strongest first)."""

    entities: tuple[Entity, ...]
    relations: tuple[Relation, ...]
    attributes: Mapping[str, str]
    #: The graph's `camps` figures (docs/graph-json.md), largest camp first.
    camps: tuple[Mapping[str, int], ...] = ()

    def labels(self) -> dict[str, str]:
        """Entity id → display label, for tables that name both ends of an edge."""
        return {entity.id: entity.label for entity in self.entities}


def read_graph(graph: nx.MultiDiGraph) -> GraphData:
    """Read a newsgraph graph into typed records, filling in missing attributes.

    >>> g = nx.MultiDiGraph()
    >>> g.add_node("PER:a", label="A", type="PER", mentions=2)
    >>> read_graph(g).entities[0].label
    'A'
    """
    entities = [_entity(node_id, attrs) for node_id, attrs in graph.nodes(data=True)]
    entities.sort(key=lambda entity: (-entity.mentions, entity.id))
    edges = [
        (str(source), str(target), str(key), attrs)
        for source, target, key, attrs in graph.edges(keys=True, data=True)
    ]
    edges.sort(key=lambda edge: (-_as_int(edge[3].get("weight"), 1), *edge[:3]))
    relations = tuple(_relation(f"r{index}", *edge) for index, edge in enumerate(edges))
    attributes = {str(name): _as_text(value) for name, value in graph.graph.items()}
    return GraphData(tuple(entities), relations, attributes, _camps(graph.graph.get("camps")))


def _camps(value: Any) -> tuple[Mapping[str, int], ...]:
    """The camps' figures, each a mapping of int fields; anything malformed is left out."""
    items = value if isinstance(value, (list, tuple)) else ()
    fields = ("camp", "size", "internal_supports", "cross_oppositions", "frustration")
    return tuple(
        {name: _as_int(item.get(name), 0) for name in fields} for item in items if _is_mapping(item)
    )


def _entity(node_id: Any, attrs: Mapping[str, Any]) -> Entity:
    return Entity(
        id=str(node_id),
        label=_as_text(attrs.get("label")) or str(node_id),
        type=_as_text(attrs.get("type")).strip() or UNKNOWN_TYPE,
        aliases=_as_texts(attrs.get("aliases")),
        articles=_as_texts(attrs.get("articles")),
        mentions=_as_int(attrs.get("mentions"), 0),
        camp=max(_as_int(attrs.get("camp"), 0), 0),
        influence=_as_number(attrs.get("influence")),
        stances_in=_as_int(attrs.get("stances_in"), 0),
        stances_out=_as_int(attrs.get("stances_out"), 0),
        alias_articles=_provenance(_as_texts(attrs.get("aliases")), attrs.get("alias_articles")),
    )


def _as_number(value: Any) -> float:
    """A non-negative finite float from JSON, else 0."""
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        return 0.0
    try:
        number = float(value)
    except ValueError:
        return 0.0
    return number if 0.0 <= number < float("inf") else 0.0


def _provenance(aliases: tuple[str, ...], value: Any) -> tuple[tuple[str, ...], ...]:
    """Each alias's articles, in the aliases' order (nothing for an alias not listed)."""
    if not _is_mapping(value):
        return ()
    return tuple(_as_texts(value.get(alias)) for alias in aliases)


def _relation(rid: str, source: str, target: str, key: str, attrs: Mapping[str, Any]) -> Relation:
    raw_evidence = attrs.get("evidence")
    items = raw_evidence if isinstance(raw_evidence, (list, tuple)) else ()
    evidence = tuple(_evidence(item) for item in items if _is_mapping(item))
    return Relation(
        id=rid,
        source=source,
        target=target,
        kind=_as_text(attrs.get("kind")) or key,
        weight=_as_int(attrs.get("weight"), 1),
        evidence=evidence,
        evidence_total=max(_as_int(attrs.get("evidence_total"), 0), len(evidence)),
        confidence=_as_probability(attrs.get("confidence")),
        by_article=_counts(attrs.get("by_article")),
    )


def _counts(value: Any) -> dict[str, int]:
    """An edge's weight per article, from JSON; anything unreadable is left out."""
    if not _is_mapping(value):
        return {}
    return {str(key): _as_int(count, 0) for key, count in value.items()}


def _is_mapping(value: Any) -> bool:
    """isinstance(value, Mapping), with the common case first: the ABC check is slow, and
    a large graph has hundreds of thousands of evidence items."""
    return type(value) is dict or isinstance(value, Mapping)


def _evidence(item: Mapping[str, Any]) -> Evidence:
    return Evidence(
        article=_as_text(item.get("article")),
        sentence=_as_text(item.get("sentence")),
        cue=_as_text(item.get("cue")),
        speaker=_as_text(item.get("speaker")),
        target=_as_text(item.get("target")),
        confidence=_as_probability(item.get("confidence")),
        before=_as_text(item.get("before")),
        after=_as_text(item.get("after")),
        outlet=_as_text(item.get("outlet")),
        date=_as_text(item.get("date")),
        title=_as_text(item.get("title")),
        url=_as_text(item.get("url")),
    )


def _as_probability(value: Any) -> float | None:
    """A confidence from JSON, or None when absent or not a number from 0 to 1."""
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        return None
    try:
        number = float(value)
    except ValueError:
        return None
    return number if 0.0 <= number <= 1.0 else None


def _as_text(value: Any) -> str:
    return "" if value is None else str(value)


def _as_texts(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if isinstance(value, Iterable):
        return tuple(str(item) for item in value)
    return ()


def _as_int(value: Any, default: int) -> int:
    """Counts from JSON may arrive as floats or strings; anything unreadable gets the default."""
    if isinstance(value, bool):
        return int(value)
    try:
        return int(value)
    except (TypeError, ValueError, OverflowError):
        return default
