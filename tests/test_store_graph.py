"""Building from the store: DuckDB's aggregation gives exactly the graph build_graph gives
from the same extractions in memory, for every window, evidence limit and alias file."""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import duckdb
import pytest

from graph.aliases import AliasRules
from graph.articles import Article
from graph.build import build_graph
from graph.entities import Mention, Sentence
from graph.export import graph_to_json
from graph.extract import ArticleExtraction, PipelineVersion, PreparedArticle
from graph.names import entity_key
from graph.pipeline import BuildOptions, build
from graph.relations.actors import Endpoint
from graph.relations.cooccurrence import WINDOWS, Window
from graph.relations.stance import Stance
from graph.store import (
    SCHEMA_VERSION,
    DuckStore,
    StoredExtraction,
    StoreKey,
    encode_extraction,
    open_store,
)
from graph.store_graph import graph_from_store
from graph.store_json import encode_processed
from graph.summary import ProcessedArticle

from .conftest import EXAMPLES

VERSION = PipelineVersion("v-test", "{}")

ARTICLES = (
    (
        "Sergueï Lavrov a rencontré Choe Son Hui à Pyongyang.",
        "Lavrov a salué « nos camarades coréens ».",
        "La Russie et la Corée du Nord ont signé un accord.",
        "Rien d'autre n'a été dit.",  # names nobody: only quoted around the evidence
    ),
    (
        "Volodymyr Zelensky a dénoncé l'accord entre Moscou et Pyongyang.",
        "Zelensky a demandé le soutien de l'OTAN.",
        "Selon Lavrov, l'OTAN porte la responsabilité de la crise.",
    ),
    (
        "L'OTAN a répondu à Lavrov.",
        "Zelenski a rencontré les dirigeants de l'OTAN à Bruxelles.",
    ),
)
#: (article, sentence, name, type, label) of every mention, in article order.
MENTIONS = (
    (0, 0, "Sergueï Lavrov", "PER", ""),
    (0, 0, "Choe Son Hui", "PER", ""),
    (0, 0, "Pyongyang", "LOC", "Corée du Nord"),
    (0, 1, "Lavrov", "PER", ""),
    (0, 2, "Russie", "LOC", ""),
    (0, 2, "Corée du Nord", "LOC", "Corée du Nord"),
    (1, 0, "Volodymyr Zelensky", "PER", ""),
    (1, 0, "Moscou", "LOC", ""),
    (1, 0, "Pyongyang", "LOC", "Corée du Nord"),
    (1, 1, "Zelensky", "PER", ""),
    (1, 1, "OTAN", "ORG", ""),
    (1, 2, "Lavrov", "PER", ""),
    (1, 2, "OTAN", "LOC", ""),  # the type votes tie: the first one met wins
    (2, 0, "OTAN", "LOC", ""),
    (2, 0, "Lavrov", "PER", ""),
    (2, 1, "Zelenski", "PER", ""),
    (2, 1, "OTAN", "ORG", ""),
    (2, 1, "Bruxelles", "LOC", ""),
)
#: (article, sentence, kind, source, target, cue); "camarades" and "dirigeants" are actors
#: only implied, met in a stance before any mention (or never mentioned).
STANCES = (
    (
        0,
        1,
        "supports",
        ("Lavrov", "PER", ""),
        ("camarades coréens", "GROUP", "Nord-Coréens"),
        "a salué",
    ),
    (1, 0, "criticises", ("Volodymyr Zelensky", "PER", ""), ("Moscou", "LOC", ""), "a dénoncé"),
    (1, 0, "criticises", ("Volodymyr Zelensky", "PER", ""), ("Moscou", "LOC", ""), "dénoncé"),
    (1, 2, "accuses", ("Lavrov", "PER", ""), ("OTAN", "ORG", ""), "selon"),
    (2, 1, "supports", ("dirigeants", "GROUP", ""), ("Zelenski", "PER", ""), "a rencontré"),
    (2, 1, "supports", ("Zelenski", "PER", ""), ("Zelensky", "PER", ""), "a rencontré"),
)
ALIASES = AliasRules(merges=((frozenset({"moscou", "russie"}), "Russie"),))


def _extractions() -> list[ArticleExtraction]:
    return [_extraction(number, sentences) for number, sentences in enumerate(ARTICLES)]


def _extraction(number: int, texts: tuple[str, ...]) -> ArticleExtraction:
    sentences = tuple(Sentence(i, i // 2, 0, len(text), text) for i, text in enumerate(texts))
    mentions = tuple(
        Mention(name, entity_key(name), type_, sentence, 0, len(name), name, label)
        for article, sentence, name, type_, label in MENTIONS
        if article == number
    )
    stances = tuple(
        Stance(kind, _endpoint(*source), _endpoint(*target), sentence, cue)
        for article, sentence, kind, source, target, cue in STANCES
        if article == number
    )
    processed = ProcessedArticle(
        f"a{number}.txt", "fr", f"Article {number}", source="AFP", date=f"2024-06-1{number}"
    )
    return ArticleExtraction(processed, sentences, mentions, stances)


def _endpoint(name: str, type_: str, label: str) -> Endpoint:
    return Endpoint(entity_key(name), name, type_, label)


def _stored(extractions: list[ArticleExtraction]) -> list[StoredExtraction]:
    return [
        StoredExtraction(
            StoreKey(f"content-{e.article.id}", VERSION.id),
            e,
            PreparedArticle(Article(e.article.id, "", date=e.article.date), "fr", ""),
            VERSION,
        )
        for e in extractions
    ]


def _json(graph: object) -> str:
    return json.dumps(graph_to_json(graph), sort_keys=True)  # type: ignore[arg-type]


@pytest.fixture
def store(tmp_path: Path) -> Iterator[DuckStore]:
    with open_store(tmp_path / "s.duckdb") as opened:
        assert isinstance(opened, DuckStore)
        opened.put(_stored(_extractions()))
        yield opened


@pytest.mark.parametrize("window", WINDOWS)
@pytest.mark.parametrize("max_evidence", [0, 1, 5])
@pytest.mark.parametrize("aliases", [None, ALIASES])
def test_the_store_builds_the_graph_build_graph_builds(
    store: DuckStore, window: Window, max_evidence: int, aliases: AliasRules | None
) -> None:
    extractions = _extractions()
    keys = [row.key for row in _stored(extractions)]
    expected = build_graph(extractions, window=window, max_evidence=max_evidence, aliases=aliases)
    built = graph_from_store(
        store,
        keys,
        [e.article for e in extractions],
        window=window,
        max_evidence=max_evidence,
        aliases=aliases,
    )
    assert _json(built) == _json(expected)


def test_the_graph_follows_the_order_of_the_keys_not_of_storage(store: DuckStore) -> None:
    extractions = _extractions()[::-1]
    keys = [row.key for row in _stored(extractions)]
    built = graph_from_store(store, keys, [e.article for e in extractions])
    assert _json(built) == _json(build_graph(extractions))
    assert built.nodes["otan"]["type"] == "LOC"  # met first as LOC in this order


def test_a_result_stored_twice_is_counted_once(store: DuckStore) -> None:
    extractions = _extractions()
    store.put(_stored(extractions))
    keys = [row.key for row in _stored(extractions)]
    built = graph_from_store(store, keys, [e.article for e in extractions])
    assert _json(built) == _json(build_graph(extractions))


def test_no_article_builds_the_empty_graph(store: DuckStore) -> None:
    assert _json(graph_from_store(store, [], [])) == _json(build_graph([]))


def test_a_store_of_schema_1_is_migrated_once_and_builds_the_same_graph(tmp_path: Path) -> None:
    path = tmp_path / "old.duckdb"
    extractions = _extractions()
    _write_schema_1_store(path, _stored(extractions))
    with open_store(path) as store:
        assert isinstance(store, DuckStore)
        keys = [row.key for row in _stored(extractions)]
        assert store.get(keys) == extractions
        built = graph_from_store(store, keys, [e.article for e in extractions])
    assert _json(built) == _json(build_graph(extractions))
    with open_store(path) as store:
        assert isinstance(store, DuckStore)
        assert store.count() == len(extractions)


def _write_schema_1_store(path: Path, rows: list[StoredExtraction]) -> None:
    """The tables newsgraph 0.x (store schema 1) wrote."""
    db = duckdb.connect(str(path))
    db.execute("CREATE TABLE store_info (name VARCHAR PRIMARY KEY, value VARCHAR)")
    db.execute("INSERT INTO store_info VALUES ('schema_version', '1')")
    db.execute(
        "CREATE TABLE articles (content VARCHAR PRIMARY KEY, id VARCHAR, lang VARCHAR, "
        "title VARCHAR, date VARCHAR, url VARCHAR, source VARCHAR, text VARCHAR)"
    )
    db.execute("CREATE TABLE pipelines (pipeline VARCHAR PRIMARY KEY, description VARCHAR)")
    db.execute("CREATE TABLE outputs (outdir VARCHAR PRIMARY KEY, digest VARCHAR, files VARCHAR)")
    db.execute(
        "CREATE TABLE extractions (content VARCHAR, pipeline VARCHAR, data VARCHAR, "
        "stored_at TIMESTAMP DEFAULT current_timestamp, PRIMARY KEY (content, pipeline))"
    )
    for row in rows:
        db.execute(
            "INSERT INTO extractions (content, pipeline, data) VALUES (?, ?, ?)",
            [row.key.content, row.key.pipeline, encode_extraction(row.extraction)],
        )
    db.close()


@pytest.mark.slow
def test_a_build_from_the_store_writes_the_graph_json_of_a_build_without_it(
    tmp_path: Path,
) -> None:
    """The real pipeline on the bundled articles: --no-store builds in memory, --store
    aggregates in DuckDB, cold and again from the stored results."""
    in_memory = build([EXAMPLES], tmp_path / "memory")
    options = BuildOptions(store=tmp_path / "s.duckdb")
    cold = build([EXAMPLES], tmp_path / "cold", options)
    warm = build([EXAMPLES], tmp_path / "warm", options)
    assert (cold.extracted, warm.reused) == (len(in_memory.summary.processed),) * 2
    expected = in_memory.graph_json.read_bytes()
    assert in_memory.graph.number_of_edges() > 10
    assert cold.graph_json.read_bytes() == expected
    assert warm.graph_json.read_bytes() == expected


def _with_confidences(extractions: list[ArticleExtraction]) -> list[ArticleExtraction]:
    """The same extractions, their stances scored 0.2, 0.5, 0.8, 0.95 in turn, in corpus
    order."""
    scores = itertools.cycle([0.2, 0.5, 0.8, 0.95])
    return [
        replace(e, stances=tuple(replace(s, confidence=next(scores)) for s in e.stances))
        for e in extractions
    ]


@pytest.mark.parametrize("threshold", [0.0, 0.5, 0.9])
def test_min_confidence_leaves_out_the_same_stances_from_the_store_as_in_memory(
    tmp_path: Path, threshold: float
) -> None:
    extractions = _with_confidences(_extractions())
    stored = _stored(extractions)
    with open_store(tmp_path / "s.duckdb") as store:
        assert isinstance(store, DuckStore)
        store.put(stored)
        keys = [row.key for row in stored]
        built = graph_from_store(
            store, keys, [e.article for e in extractions], min_confidence=threshold
        )
    expected = build_graph(extractions, min_confidence=threshold)
    assert _json(built) == _json(expected)
    stance_edges = [d for _, _, d in expected.edges(data=True) if d["kind"] != "co_mention"]
    assert stance_edges and all(d["confidence"] >= threshold for d in stance_edges)
    assert all(item["confidence"] >= threshold for d in stance_edges for item in d["evidence"])


def test_a_store_of_schema_2_gains_the_confidence_column_and_keeps_its_results(
    tmp_path: Path,
) -> None:
    path = tmp_path / "v2.duckdb"
    extractions = _extractions()
    with open_store(path) as store:
        assert isinstance(store, DuckStore)
        store.put(_stored(extractions))
    db = duckdb.connect(str(path))
    db.execute("ALTER TABLE stances DROP COLUMN confidence")
    db.execute("UPDATE store_info SET value = '2' WHERE name = 'schema_version'")
    db.close()
    with open_store(path) as store:
        assert isinstance(store, DuckStore)
        keys = [row.key for row in _stored(extractions)]
        built = graph_from_store(store, keys, [e.article for e in extractions])
        version = store.connection.execute(
            "SELECT value FROM store_info WHERE name = 'schema_version'"
        ).fetchone()
    assert version == (str(SCHEMA_VERSION),)
    assert _json(built) == _json(build_graph(extractions))


def test_a_store_of_schema_3_gains_the_context_sentences_and_dates_once(tmp_path: Path) -> None:
    """Schema 3 kept only the sentences naming someone, and no date in its summaries."""
    path = tmp_path / "v3.duckdb"
    extractions = _extractions()
    keys = [row.key for row in _stored(extractions)]
    with open_store(path) as store:
        assert isinstance(store, DuckStore)
        store.put(_stored(extractions))
    _downgrade_to_schema_3(path, extractions)
    with open_store(path) as store:
        assert isinstance(store, DuckStore)
        assert [a.date for a in store.processed(keys)] == ["2024-06-10", "2024-06-11", "2024-06-12"]
        assert store.get(keys) == extractions
        built = graph_from_store(store, keys, store.processed(keys))
    assert _json(built) == _json(build_graph(extractions))
    russia = built.edges["coree du nord", "russie", "co_mention"]["evidence"][0]
    assert russia["after"] == "Rien d'autre n'a été dit."


def _downgrade_to_schema_3(path: Path, extractions: list[ArticleExtraction]) -> None:
    """The store as schema 3 wrote it: no sentence naming nobody, no date in the summaries."""
    undated = [replace(e, article=replace(e.article, date="")) for e in extractions]
    db = duckdb.connect(str(path))
    db.execute("DELETE FROM sentences WHERE text = 'Rien d''autre n''a été dit.'")
    for row in _stored(undated):
        db.execute(
            "UPDATE extractions SET data = ?, article = ? WHERE content = ?",
            [
                encode_extraction(row.extraction),
                encode_processed(row.extraction.article),
                row.key.content,
            ],
        )
    db.execute("UPDATE store_info SET value = '3' WHERE name = 'schema_version'")
    db.close()
