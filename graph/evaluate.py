"""Scoring extraction against hand annotations (`newsgraph eval`).

Gold files are JSONL, one article a line (tests/data/gold/GUIDELINES.md). Names match case-,
accent-, hyphen- and apostrophe-insensitively. Entities are scored per article: a gold entity
is found when a node of that article carries one of its names (label or alias); a node is
correct when it carries the name of a gold entity of that article. Relations (`supports`,
`denies`) are scored per article on (source node, kind, target node).
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

import networkx as nx

from graph.build import build_graph
from graph.errors import InputError
from graph.extract import ArticleExtraction
from graph.langdata import data_words
from graph.names import entity_key
from graph.relations.baseline import baseline_stances

SCORED_KINDS = ("supports", "denies")


@dataclass(frozen=True)
class GoldEntity:
    names: frozenset[str]
    label: str
    type: str


@dataclass(frozen=True)
class GoldRelation:
    sources: frozenset[str]
    kind: str
    targets: frozenset[str]
    text: str


@dataclass(frozen=True)
class GoldArticle:
    article: str
    entities: tuple[GoldEntity, ...]
    relations: tuple[GoldRelation, ...]


@dataclass
class Score:
    """Precision, recall and F1 from counts."""

    true_predicted: int = 0
    predicted: int = 0
    found_gold: int = 0
    gold: int = 0

    @property
    def precision(self) -> float:
        return self.true_predicted / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.found_gold / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {
            "precision": round(self.precision, 3),
            "recall": round(self.recall, 3),
            "f1": round(self.f1, 3),
            "predicted": self.predicted,
            "gold": self.gold,
        }


@dataclass
class Evaluation:
    """Scores, plus the misses and false predictions that explain them."""

    entities: Score = field(default_factory=Score)
    relations: Score = field(default_factory=Score)
    nodes_per_gold_entity: float = 0.0
    missed_entities: list[str] = field(default_factory=list)
    false_entities: list[str] = field(default_factory=list)
    missed_relations: list[str] = field(default_factory=list)
    false_relations: list[str] = field(default_factory=list)


def read_gold(path: str | Path) -> list[GoldArticle]:
    """Read a gold JSONL file; a malformed line is an InputError naming the line."""
    articles = []
    path = Path(path)
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            articles.append(_gold_article(json.loads(line)))
        except (ValueError, KeyError, TypeError) as error:
            raise InputError(f"{path}:{number}", f"not a gold annotation line: {error}") from error
    return articles


def _gold_article(record: dict) -> GoldArticle:  # type: ignore[type-arg]
    entities = tuple(
        GoldEntity(_keys([e["name"], *e.get("aliases", [])]), e["name"], e.get("type", ""))
        for e in record.get("entities", [])
    )
    relations = tuple(
        GoldRelation(
            _with_aliases(_keys(r["source"]), entities),
            r["kind"],
            _with_aliases(_keys(r["target"]), entities),
            f"{' / '.join(r['source'])} {r['kind']} {' / '.join(r['target'])}",
        )
        for r in record.get("relations", [])
        if r["kind"] in SCORED_KINDS
    )
    return GoldArticle(record["article"], entities, relations)


def _with_aliases(side: frozenset[str], entities: tuple[GoldEntity, ...]) -> frozenset[str]:
    """A relation side names entities of the article: any of their names is acceptable."""
    expanded = set(side)
    for entity in entities:
        if entity.names & side:
            expanded |= entity.names
    return frozenset(expanded)


def _keys(names: Iterable[str]) -> frozenset[str]:
    """Name keys, each also without a leading honorific ("Mr Di Maio" is "Di Maio": the
    extractor strips honorifics, so a gold alias written with one must still match)."""
    keys = set()
    for name in names:
        if name.strip():
            keys.add(entity_key(name))
            keys.add(_without_honorific(name))
    keys.discard("")
    return frozenset(keys)


def _without_honorific(name: str) -> str:
    words = name.split()
    honorifics = data_words("fr", "honorifics.txt") | data_words("en", "honorifics.txt")
    if len(words) > 1 and words[0].casefold() in honorifics:
        words = words[1:]
    return entity_key(" ".join(words))


def node_names(graph: nx.MultiDiGraph) -> dict[str, frozenset[str]]:
    """Every node's names (label and aliases) as keys."""
    return {
        node: _keys([data.get("label", ""), *data.get("aliases", [])])
        for node, data in graph.nodes(data=True)
    }


def evaluate(graph: nx.MultiDiGraph, gold: list[GoldArticle]) -> Evaluation:
    """Score a built graph against gold articles (only the articles in the gold file)."""
    result = Evaluation()
    names = node_names(graph)
    nodes_by_article: dict[str, list[str]] = defaultdict(list)
    for node, data in graph.nodes(data=True):
        for article in data.get("articles", []):
            nodes_by_article[article].append(node)
    matched_nodes: dict[str, set[str]] = defaultdict(set)
    for article in gold:
        _score_entities(article, nodes_by_article[article.article], names, result, matched_nodes)
        _score_relations(article, graph, names, result)
    counts = [len(nodes) for nodes in matched_nodes.values() if nodes]
    result.nodes_per_gold_entity = sum(counts) / len(counts) if counts else 0.0
    return result


def _score_entities(
    article: GoldArticle,
    nodes: list[str],
    names: dict[str, frozenset[str]],
    result: Evaluation,
    matched_nodes: dict[str, set[str]],
) -> None:
    score = result.entities
    score.gold += len(article.entities)
    score.predicted += len(nodes)
    for entity in article.entities:
        matching = {node for node in nodes if names[node] & entity.names}
        matched_nodes[entity_key(entity.label)].update(matching)
        if matching:
            score.found_gold += 1
        else:
            result.missed_entities.append(f"{article.article}: {entity.label} ({entity.type})")
    for node in nodes:
        if any(names[node] & entity.names for entity in article.entities):
            score.true_predicted += 1
        else:
            result.false_entities.append(f"{article.article}: {node}")


def _predicted_relations(graph: nx.MultiDiGraph, article: str) -> dict[tuple[str, str, str], str]:
    predicted: dict[tuple[str, str, str], str] = {}
    for source, target, data in graph.edges(data=True):
        if data.get("kind") not in SCORED_KINDS:
            continue
        for item in data.get("evidence", []):
            if item.get("article") == article:
                predicted.setdefault((source, data["kind"], target), item.get("sentence", ""))
    return predicted


def _score_relations(
    article: GoldArticle,
    graph: nx.MultiDiGraph,
    names: dict[str, frozenset[str]],
    result: Evaluation,
) -> None:
    score = result.relations
    predicted = _predicted_relations(graph, article.article)
    score.gold += len(article.relations)
    score.predicted += len(predicted)

    def matches(edge: tuple[str, str, str], relation: GoldRelation) -> bool:
        source, kind, target = edge
        return (
            kind == relation.kind
            and bool(names[source] & relation.sources)
            and bool(names[target] & relation.targets)
        )

    for relation in article.relations:
        if any(matches(edge, relation) for edge in predicted):
            score.found_gold += 1
        else:
            result.missed_relations.append(f"{article.article}: {relation.text}")
    for edge, sentence in predicted.items():
        if any(matches(edge, relation) for relation in article.relations):
            score.true_predicted += 1
        else:
            label = graph.nodes[edge[0]]["label"], edge[1], graph.nodes[edge[2]]["label"]
            result.false_relations.append(f"{article.article}: {' '.join(label)} — {sentence}")


def raw_entity_graph(extractions: Iterable[ArticleExtraction]) -> nx.MultiDiGraph:
    """The "raw spaCy" baseline: one node per distinct entity span text, nothing merged."""
    graph = nx.MultiDiGraph()
    for extraction in extractions:
        for text, type_ in extraction.raw_entities:
            if not graph.has_node(text):
                graph.add_node(text, label=text, type=type_, aliases=[], articles=[])
            articles = graph.nodes[text]["articles"]
            if extraction.article.id not in articles:
                articles.append(extraction.article.id)
    return graph


def baseline_relation_graph(extractions: Iterable[ArticleExtraction]) -> nx.MultiDiGraph:
    """The system's graph with the stance extractor swapped for the simple baseline."""
    swapped = [replace(e, stances=tuple(baseline_stances(e))) for e in extractions]
    return build_graph(swapped)


def format_report(name: str, evaluation: Evaluation, details: int) -> str:
    """A plain-text summary of one evaluation, with up to `details` examples of each error."""
    lines = [
        f"== {name}",
        _score_line("entities ", evaluation.entities),
        f"   nodes per gold entity: {evaluation.nodes_per_gold_entity:.2f}",
        _score_line("relations", evaluation.relations),
    ]
    for title, items in (
        ("missed entities", evaluation.missed_entities),
        ("false entities", evaluation.false_entities),
        ("missed relations", evaluation.missed_relations),
        ("false relations", evaluation.false_relations),
    ):
        if details and items:
            lines.append(f"   {title} ({len(items)}):")
            lines.extend(f"     - {item}" for item in items[:details])
    return "\n".join(lines)


def _score_line(name: str, score: Score) -> str:
    return (
        f"   {name} P={score.precision:.3f} R={score.recall:.3f} F1={score.f1:.3f} "
        f"(predicted {score.predicted}, gold {score.gold})"
    )
