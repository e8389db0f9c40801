"""Graph building and the graph.json contract (docs/graph-json.md)."""

from __future__ import annotations

import json
from pathlib import Path

from graph.build import build_graph
from graph.entities import Mention, Sentence, entity_key
from graph.export import read_graph_json, write_graph_json
from graph.extract import ArticleExtraction
from graph.summary import ProcessedArticle


def _extraction(
    article: str,
    sentences: list[str],
    names: list[list[str]],
    processed: ProcessedArticle | None = None,
) -> ArticleExtraction:
    sents = tuple(Sentence(i, 0, 0, len(s), s) for i, s in enumerate(sentences))
    mentions = tuple(
        Mention(
            name, entity_key(name), "LOC" if name in {"Russie", "Moscou"} else "PER", i, 0, 1, name
        )
        for i, group in enumerate(names)
        for name in group
    )
    return ArticleExtraction(processed or ProcessedArticle(article, "fr"), sents, mentions)


A_TXT = ProcessedArticle(
    "a.txt", "fr", "Lavrov à Pyongyang", "https://example.org/a", "Le Monde", 40, "2024-06-19"
)
ARTICLES = [
    _extraction(
        "a.txt",
        ["Sergueï Lavrov a vu Choe Son Hui.", "Lavrov a salué la Russie."],
        [["Sergueï Lavrov", "Choe Son Hui"], ["Sergueï Lavrov", "Russie"]],
        A_TXT,
    ),
    _extraction(
        "b.txt",
        ["Choe Son Hui et Sergueï Lavrov à Moscou."],
        [["Choe Son Hui", "SERGUEÏ LAVROV", "Moscou"]],
    ),
]


def test_nodes_merge_mentions_across_articles() -> None:
    graph = build_graph(ARTICLES)
    lavrov = graph.nodes["serguei lavrov"]
    assert lavrov == {
        "label": "Sergueï Lavrov",
        "type": "PER",
        "qid": "",
        "aliases": ["SERGUEÏ LAVROV", "Sergueï Lavrov"],
        "alias_articles": {"SERGUEÏ LAVROV": ["b.txt"], "Sergueï Lavrov": ["a.txt"]},
        "articles": ["a.txt", "b.txt"],
        "mentions": 3,
        "camp": 0,  # no stance: in no camp, no influence
        "influence": 0.0,
        "stances_in": 0,
        "stances_out": 0,
    }


def test_co_mention_weight_counts_windows_and_keeps_evidence() -> None:
    graph = build_graph(ARTICLES, max_evidence=1)
    edge = graph.edges["choe son hui", "serguei lavrov", "co_mention"]
    assert edge["weight"] == 2
    assert [item["sentence"] for item in edge["evidence"]] == ["Sergueï Lavrov a vu Choe Son Hui."]
    assert edge["evidence_total"] == 2


def test_evidence_says_where_and_when_it_was_read_and_what_surrounds_it() -> None:
    graph = build_graph(ARTICLES)
    first, second = graph.edges["choe son hui", "serguei lavrov", "co_mention"]["evidence"]
    assert first == {
        "article": "a.txt",
        "sentence": "Sergueï Lavrov a vu Choe Son Hui.",
        "cue": "",
        "before": "",
        "after": "Lavrov a salué la Russie.",
        "outlet": "Le Monde",
        "date": "2024-06-19",
        "title": "Lavrov à Pyongyang",
        "url": "https://example.org/a",
    }
    assert (second["article"], second["outlet"], second["date"]) == ("b.txt", "", "")
    russia = graph.edges["russie", "serguei lavrov", "co_mention"]["evidence"][0]
    assert (russia["before"], russia["after"]) == ("Sergueï Lavrov a vu Choe Son Hui.", "")


def test_each_edge_counts_its_weight_article_by_article() -> None:
    """The evidence is capped; `by_article` is not: a date or outlet filter recounts from it."""
    graph = build_graph([*ARTICLES, ARTICLES[1]], max_evidence=1)
    edge = graph.edges["choe son hui", "serguei lavrov", "co_mention"]
    assert edge["by_article"] == {"a.txt": 1, "b.txt": 2}
    assert sum(edge["by_article"].values()) == edge["weight"] == 3


def test_co_mention_is_stored_once_in_sorted_order() -> None:
    graph = build_graph(ARTICLES)
    assert graph.has_edge("russie", "serguei lavrov", "co_mention")
    assert not graph.has_edge("serguei lavrov", "russie")


def test_graph_json_round_trip_keeps_every_attribute(tmp_path: Path) -> None:
    graph = build_graph(ARTICLES, window="paragraph")
    path = write_graph_json(graph, tmp_path / "out" / "graph.json")
    again = read_graph_json(path)
    assert dict(again.nodes(data=True)) == dict(graph.nodes(data=True))
    assert list(again.edges(keys=True, data=True)) == list(graph.edges(keys=True, data=True))
    assert again.graph["window"] == "paragraph" and again.graph["schema_version"] == 1


def test_graph_json_uses_the_documented_names(tmp_path: Path) -> None:
    data = json.loads(write_graph_json(build_graph(ARTICLES), tmp_path / "g.json").read_text())
    assert set(data) >= {"nodes", "links", "graph", "directed", "multigraph"}
    node_fields = {"id", "label", "type", "qid", "aliases", "alias_articles", "articles"}
    node_fields |= {"mentions", "camp", "influence", "stances_in", "stances_out"}
    assert set(data["nodes"][0]) == node_fields
    assert set(data["links"][0]) == {
        "source",
        "target",
        "key",
        "kind",
        "weight",
        "evidence",
        "evidence_total",
        "by_article",
    }
    evidence_fields = {"article", "sentence", "cue", "before", "after", "outlet", "date"}
    assert set(data["links"][0]["evidence"][0]) == evidence_fields | {"title", "url"}
    assert list(tmp_path.iterdir()) == [tmp_path / "g.json"]  # no temp file left behind
