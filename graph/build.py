"""Extraction results → a networkx graph, following the contract in docs/graph-json.md."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace

import networkx as nx

from graph import __version__
from graph.aliases import AliasRules
from graph.camps import find_camps
from graph.canonical import Canonical, canonicalise
from graph.duplicates import ranked_duplicates
from graph.entities import Sentence
from graph.entity_types import PERSON, name_knowledge
from graph.extract import ArticleExtraction
from graph.ranking import Standing, rank_entities
from graph.rejects import drop_rejected
from graph.relations.actors import Endpoint
from graph.relations.cooccurrence import Window, co_mentions
from graph.relations.stance import Stance
from graph.relations.stance.model import default_min_confidence
from graph.role_aliases import description_words, wrong_descriptions
from graph.runtime import cyclic_gc_paused
from graph.summary import ProcessedArticle

SCHEMA_VERSION = 1
#: Evidence items kept per edge; the rest are counted in `evidence_total`.
DEFAULT_MAX_EVIDENCE = 5
CO_MENTION = "co_mention"
_QID = re.compile(r"Q[0-9]+")


@dataclass
class NodeTally:
    """What one node's attributes are made of: names, types (counted in the order first
    met, which breaks ties), user labels, the articles it appears in, and the articles each
    name was matched in (an alias's provenance)."""

    names: Counter[str] = field(default_factory=Counter)
    types: Counter[str] = field(default_factory=Counter)
    labels: Counter[str] = field(default_factory=Counter)
    articles: set[str] = field(default_factory=set)
    qid: str = ""
    name_articles: dict[str, set[str]] = field(default_factory=dict)

    def add_name(self, name: str, article: str, count: int = 1) -> None:
        """Count a name met in an article (`count` 0: named by a stance only)."""
        self.names[name] += count
        self.name_articles.setdefault(name, set()).add(article)


@dataclass
class EdgeTally:
    """One edge's weight and its evidence, in corpus order."""

    weight: int = 0
    evidence: list[dict[str, str | float]] = field(default_factory=list)
    #: The highest confidence of the stances counted (None: co-mentions, rule-only stances).
    confidence: float | None = None
    #: The weight each article gives (uncapped, unlike the evidence): what a report's date
    #: or outlet filter recounts an edge from.
    by_article: Counter[str] = field(default_factory=Counter)


@dataclass(frozen=True)
class Quote:
    """An evidence sentence and the sentences just before and after it in its article ("" at
    either end): "Il dénonce …" needs the sentence that says who "il" is."""

    sentence: str
    before: str = ""
    after: str = ""


def quote(sentences: Sequence[Sentence], first: int, last: int, text: str) -> Quote:
    """The evidence `text` (sentences `first` to `last`) with the sentences around it."""
    before = sentences[first - 1].text if first > 0 else ""
    after = sentences[last + 1].text if last + 1 < len(sentences) else ""
    return Quote(text, before, after)


def build_graph(
    extractions: Iterable[ArticleExtraction],
    *,
    window: Window = "sentence",
    max_evidence: int = DEFAULT_MAX_EVIDENCE,
    aliases: AliasRules | None = None,
    min_confidence: float | None = None,
) -> nx.MultiDiGraph:
    """One node per entity key; one `co_mention` edge per pair sharing a window, and one
    directed edge per (speaker, stance kind, target).

    Edges are keyed by kind; a co-mention is stored once, from the smaller id to the larger.
    A stance edge's weight counts the sentences that state it with a confidence of at least
    `min_confidence` (default: the threshold shipped with the stance model; stances the
    rules alone read, with no confidence, always count).
    """
    threshold = default_min_confidence() if min_confidence is None else min_confidence
    with cyclic_gc_paused():
        extractions = list(extractions)
        canonical = canonicalise(extractions, aliases)
        nodes: dict[str, NodeTally] = {}
        edges: dict[tuple[str, str, str], EdgeTally] = {}
        for original in extractions:
            extraction = _remapped(original, canonical)
            _tally_nodes(extraction, nodes)
            _tally_co_mentions(extraction, window, edges)
            _tally_stances(extraction, nodes, edges, threshold)
        articles = {e.article.id: e.article for e in extractions}
        return assemble_graph(nodes, edges, canonical, window, max_evidence, articles)


def assemble_graph(
    nodes: dict[str, NodeTally],
    edges: dict[tuple[str, str, str], EdgeTally],
    canonical: Canonical,
    window: Window,
    max_evidence: int,
    articles: Mapping[str, ProcessedArticle],
) -> nx.MultiDiGraph:
    """The graph from its tallies, nodes and edges in sorted order (so graph.json does not
    depend on how the tallies were made: here, or in SQL over the store); each evidence item
    kept says where its article comes from (`articles`, by id)."""
    graph = nx.MultiDiGraph(
        schema_version=SCHEMA_VERSION,
        generator=f"newsgraph {__version__}",
        window=window,
        possible_duplicates=[],
    )
    _drop_wrong_descriptions(nodes, canonical)
    for key in sorted(nodes):
        graph.add_node(key, **_node_attributes(key, nodes[key]))
        if key in canonical.types:
            graph.nodes[key]["type"] = canonical.types[key]
        if key in canonical.labels:
            graph.nodes[key]["label"] = canonical.labels[key]
    for (source, target, kind), tally in sorted(edges.items()):
        for item in tally.evidence[:max_evidence]:
            item.update(_article_facts(articles.get(str(item["article"]))))
        graph.add_edge(source, target, key=kind, **_edge_attributes(kind, tally, max_evidence))
    drop_rejected(graph, canonical.rejects)
    graph.graph["possible_duplicates"] = [d.as_dict() for d in ranked_duplicates(graph)]
    add_sides(graph)
    return graph


def add_sides(graph: nx.MultiDiGraph) -> None:
    """Each node's camp and standing in the stance graph (graph.camps, graph.ranking), and
    the camps' figures as the graph attribute `camps` (see docs/graph-json.md)."""
    found = find_camps(graph)
    standings = rank_entities(graph)
    for node, attrs in graph.nodes(data=True):
        standing = standings.get(node, Standing())
        attrs["camp"] = found.camp_of.get(node, 0)
        attrs["influence"] = standing.influence
        attrs["stances_in"] = standing.stances_in
        attrs["stances_out"] = standing.stances_out
    graph.graph["camps"] = [
        {
            "camp": camp.number,
            "size": len(camp.members),
            "internal_supports": camp.internal_supports,
            "cross_oppositions": camp.cross_oppositions,
            "frustration": camp.frustration,
        }
        for camp in found.camps
    ]
    graph.graph["frustration"] = found.frustration


def _article_facts(article: ProcessedArticle | None) -> dict[str, str]:
    """Where an evidence sentence was read: outlet, date, title and url ("" when unknown)."""
    if article is None:
        return {"outlet": "", "date": "", "title": "", "url": ""}
    return {
        "outlet": article.source,
        "date": article.date,
        "title": article.title,
        "url": article.url,
    }


def _drop_wrong_descriptions(nodes: dict[str, NodeTally], canonical: Canonical) -> None:
    """Role descriptions a person cannot be (graph.role_aliases) leave its aliases; a
    node named by nothing else keeps them."""
    persons = {
        key
        for key, tally in nodes.items()
        if canonical.types.get(key, tally.types.most_common(1)[0][0] if tally.types else "")
        == PERSON
    }
    names = {
        key: Counter({n: len(nodes[key].name_articles.get(n, ())) for n in nodes[key].names})
        for key in persons
    }
    for key, dropped in wrong_descriptions(
        names, persons, name_knowledge(), description_words()
    ).items():
        kept = Counter({n: c for n, c in nodes[key].names.items() if n not in dropped})
        if kept:
            nodes[key].names = kept
            for name in dropped:
                nodes[key].name_articles.pop(name, None)


def _remapped(extraction: ArticleExtraction, canonical: Canonical) -> ArticleExtraction:
    """The extraction with every entity key replaced by its canonical node id (a mention
    already under its node id is kept as is: copying millions of them is most of the cost)."""
    mapping = canonical.mapping
    mentions = tuple(
        replace(m, key=mapping[m.key]) if mapping.get(m.key, m.key) != m.key else m
        for m in extraction.mentions
    )
    stances = tuple(
        replace(
            s,
            source=replace(s.source, key=canonical(s.source.key)),
            target=replace(s.target, key=canonical(s.target.key)),
        )
        for s in extraction.stances
        if canonical(s.source.key) != canonical(s.target.key)
    )
    return replace(extraction, mentions=mentions, stances=stances)


def _tally_nodes(extraction: ArticleExtraction, nodes: dict[str, NodeTally]) -> None:
    for mention in extraction.mentions:
        tally = nodes.setdefault(mention.key, NodeTally())
        tally.add_name(mention.name, extraction.article.id)
        tally.types[mention.type] += 1
        if mention.canonical:
            tally.labels[mention.canonical] += 1
        tally.articles.add(extraction.article.id)


def _tally_co_mentions(
    extraction: ArticleExtraction, window: Window, edges: dict[tuple[str, str, str], EdgeTally]
) -> None:
    article_id, sentences = extraction.article.id, extraction.sentences
    for pair in co_mentions(article_id, sentences, extraction.mentions, window):
        tally = edges.setdefault((pair.a, pair.b, CO_MENTION), EdgeTally())
        add_co_mention(tally, article_id, quote(sentences, pair.first, pair.last, pair.sentence))


def add_co_mention(tally: EdgeTally, article_id: str, said: Quote) -> None:
    """Count one co-mention window on its edge, with its evidence."""
    tally.weight += 1
    tally.by_article[article_id] += 1
    tally.evidence.append(co_mention_evidence(article_id, said))


def co_mention_evidence(article_id: str, said: Quote) -> dict[str, str | float]:
    """The evidence item of a co-mention (before the article's facts are added)."""
    return {"article": article_id, "sentence": said.sentence, "cue": "", **_context(said)}


def _context(said: Quote) -> dict[str, str]:
    return {"before": said.before, "after": said.after}


def _tally_stances(
    extraction: ArticleExtraction,
    nodes: dict[str, NodeTally],
    edges: dict[tuple[str, str, str], EdgeTally],
    min_confidence: float,
) -> None:
    """Stance edges; an actor only implied ("nos camarades russes") still gets its node."""
    article_id, sentences = extraction.article.id, extraction.sentences
    seen: set[tuple[str, str, str, int]] = set()
    for stance in extraction.stances:
        if not confident(stance, min_confidence):
            continue
        for endpoint in (stance.source, stance.target):
            _ensure_node(nodes, endpoint, article_id)
        at = stance.sentence
        said = quote(sentences, at, at, sentences[at].text)
        tally_stance_edge(edges, stance, article_id, said, seen)


def confident(stance: Stance, min_confidence: float) -> bool:
    """Whether a stance is kept at `min_confidence` (one with no confidence always is)."""
    return stance.confidence is None or stance.confidence >= min_confidence


def tally_stance_edge(
    edges: dict[tuple[str, str, str], EdgeTally],
    stance: Stance,
    article_id: str,
    said: Quote,
    seen: set[tuple[str, str, str, int]],
) -> None:
    """Count a stance on its edge, once per sentence of an article (`seen` holds the
    article's stances counted so far)."""
    identity = (stance.source.key, stance.target.key, stance.kind, stance.sentence)
    if identity in seen:
        return
    seen.add(identity)
    tally = edges.setdefault(identity[:3], EdgeTally())
    tally.weight += 1
    tally.by_article[article_id] += 1
    item: dict[str, str | float] = {
        "article": article_id,
        "sentence": said.sentence,
        "cue": stance.cue,
        "speaker": stance.source.name,
        "target": stance.target.name,
        **_context(said),
    }
    if stance.confidence is not None:
        item["confidence"] = round(stance.confidence, 3)
        tally.confidence = max(tally.confidence or 0.0, stance.confidence)
    tally.evidence.append(item)


def _ensure_node(nodes: dict[str, NodeTally], endpoint: Endpoint, article_id: str) -> None:
    tally = nodes.get(endpoint.key)
    if tally is None:
        tally = nodes[endpoint.key] = NodeTally()
        tally.types[endpoint.type] += 1
        tally.add_name(endpoint.label or endpoint.name, article_id, 0)
    if endpoint.label:
        tally.labels[endpoint.label] += 0
    tally.articles.add(article_id)


def _node_attributes(key: str, tally: NodeTally) -> dict[str, object]:
    return {
        "qid": key if _QID.fullmatch(key) else "",
        "label": _best_label(tally.labels) if tally.labels else _best_label(tally.names),
        "type": tally.types.most_common(1)[0][0],
        "aliases": sorted(tally.names),
        "alias_articles": {
            name: sorted(tally.name_articles.get(name, ())) for name in sorted(tally.names)
        },
        "articles": sorted(tally.articles),
        "mentions": sum(tally.names.values()),
    }


def _best_label(names: Counter[str]) -> str:
    """The fullest form among the names: most words, no initials ("V. Zelensky"), then
    most frequent, then longest, then alphabetical."""
    return min(
        names,
        key=lambda name: (
            -len(name.split()),
            any(len(word.rstrip(".")) == 1 for word in name.split()),
            -names[name],
            -len(name),
            name,
        ),
    )


def _edge_attributes(kind: str, tally: EdgeTally, max_evidence: int) -> dict[str, object]:
    attributes: dict[str, object] = {
        "kind": kind,
        "weight": tally.weight,
        "evidence": tally.evidence[:max_evidence],
        "evidence_total": tally.weight,  # one evidence sentence a count, not all kept
        "by_article": dict(sorted(tally.by_article.items())),
    }
    if tally.confidence is not None:
        attributes["confidence"] = round(tally.confidence, 3)
    return attributes
