"""The store: faithful round trips, keys that change exactly when extraction would, one
transaction a batch, and clear errors for a store that cannot be used."""

from __future__ import annotations

import importlib
import math
import shutil
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from graph.articles import Article, Corpus
from graph.entities import Mention, Sentence
from graph.extract import (
    ArticleExtraction,
    ExtractOptions,
    PipelineVersion,
    PreparedArticle,
    extract,
    model_identity,
    pipeline_version,
)
from graph.nlp import Pipelines
from graph.relations.actors import Endpoint
from graph.relations.stance import Stance
from graph.store import (
    DuckStore,
    StoredExtraction,
    StoreError,
    StoreKey,
    content_key,
    decode_extraction,
    encode_extraction,
    open_store,
)
from graph.summary import ProcessedArticle

from .conftest import SEED_ARTICLE

LAVROV = Endpoint("sergueï lavrov", "Sergueï Lavrov", "PER", "Sergueï Lavrov")
OTAN = Endpoint("Q7184", "l'OTAN", "ORG")
VERSION = PipelineVersion("v1", '{"model": "fr_test-1.0"}')
#: The module, not the function graph/__init__.py exports under the same name.
FINGERPRINT_MODULE = importlib.import_module("graph.fingerprint")


def _extraction(article_id: str, sentence: str = "Lavrov a dénoncé l'OTAN.") -> ArticleExtraction:
    return ArticleExtraction(
        article=ProcessedArticle(article_id, "fr", "Titre", "https://x.test/a", "AFP", 4),
        sentences=(Sentence(0, 0, 0, len(sentence), sentence),),
        mentions=(
            Mention("Lavrov", "sergueï lavrov", "PER", 0, 0, 6, "Lavrov", "Sergueï Lavrov"),
            Mention("OTAN", "Q7184", "ORG", 0, 17, 23, "l'OTAN"),
        ),
        stances=(Stance("criticises", LAVROV, OTAN, 0, "dénoncé"),),
        raw_entities=(("Lavrov", "PER"), ("OTAN", "ORG")),
    )


def _stored(article_id: str, pipeline: str = VERSION.id) -> StoredExtraction:
    extraction = _extraction(article_id)
    prepared = PreparedArticle(Article(article_id, "texte brut"), "fr", "Lavrov a dénoncé.")
    key = StoreKey(content_key(prepared), pipeline)
    return StoredExtraction(key, extraction, prepared, replace(VERSION, id=pipeline))


# --- round trips -------------------------------------------------------------------------


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(st.from_type(ArticleExtraction))
def test_any_article_extraction_survives_the_json_round_trip(
    extraction: ArticleExtraction,
) -> None:
    # a confidence is a probability: NaN, which equals nothing, is never one
    assume(all(s.confidence is None or math.isfinite(s.confidence) for s in extraction.stances))
    assert decode_extraction(encode_extraction(extraction)) == extraction


def test_lone_surrogates_and_quotes_survive_the_round_trip() -> None:
    extraction = _extraction("bad\udcff.txt", "« Non », a dit l'\ud800 AFP\n\x00.")
    assert decode_extraction(encode_extraction(extraction)) == extraction


def test_results_read_back_from_a_reopened_store_are_equal_and_in_the_order_asked(
    tmp_path: Path,
) -> None:
    rows = [_stored(f"{i}.txt") for i in range(3)]
    with open_store(tmp_path / "s.duckdb") as store:
        store.put(rows)
    with open_store(tmp_path / "s.duckdb") as store:
        keys = [rows[2].key, rows[0].key, rows[1].key]
        assert store.get(keys) == [rows[2].extraction, rows[0].extraction, rows[1].extraction]


@pytest.mark.slow
def test_a_real_extraction_round_trips_through_the_store(
    tmp_path: Path, pipelines: Pipelines
) -> None:
    text = SEED_ARTICLE.read_text(encoding="utf-8")
    (real,) = extract(Corpus((Article("seed.txt", text),), ()), pipelines=pipelines).articles
    assert real.stances and real.mentions and real.raw_entities  # a rich example
    assert decode_extraction(encode_extraction(real)) == real
    prepared = PreparedArticle(Article("seed.txt", text), "fr", text)
    key = StoreKey(content_key(prepared), VERSION.id)
    with open_store(tmp_path / "s.duckdb") as store:
        store.put([StoredExtraction(key, real, prepared, VERSION)])
    with open_store(tmp_path / "s.duckdb") as store:
        assert store.get([key]) == [real]


# --- one row per key, one transaction per batch -------------------------------------------


def test_storing_a_result_twice_keeps_one_row(tmp_path: Path) -> None:
    row = _stored("a.txt")
    with open_store(tmp_path / "s.duckdb") as store:
        assert isinstance(store, DuckStore)
        store.put([row, row])
        store.put([row])
        assert store.count() == 1


def test_known_names_only_the_keys_stored_for_that_pipeline_version(tmp_path: Path) -> None:
    a, b = _stored("a.txt"), _stored("b.txt")
    other_version = StoreKey(a.key.content, "v2")
    with open_store(tmp_path / "s.duckdb") as store:
        store.put([a])
        assert store.known([a.key, b.key, other_version]) == {a.key}


def test_a_batch_interrupted_midway_stores_nothing_of_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, batch = _stored("first.txt"), [_stored("a.txt"), _stored("b.txt")]

    def interrupted(extraction: ArticleExtraction) -> str:
        raise KeyboardInterrupt  # Ctrl-C after the batch's articles rows were inserted

    with open_store(tmp_path / "s.duckdb") as store:
        assert isinstance(store, DuckStore)
        store.put([first])
        monkeypatch.setattr("graph.store.encode_extraction", interrupted)
        with pytest.raises(KeyboardInterrupt):
            store.put(batch)
    with open_store(tmp_path / "s.duckdb") as store:
        assert isinstance(store, DuckStore)
        assert store.count() == 1
        assert store.known([first.key] + [r.key for r in batch]) == {first.key}
        articles = store._db.execute("SELECT id FROM articles").fetchall()
        assert articles == [("first.txt",)]


# --- keys ----------------------------------------------------------------------------------


def test_the_content_key_follows_the_cleaned_text_and_metadata_not_the_file_path() -> None:
    article = Article("a.txt", "brut", title="T", origin="/data/a.txt")
    base = content_key(PreparedArticle(article, "fr", "Lavrov a parlé."))
    moved = PreparedArticle(replace(article, origin="/elsewhere/a.txt"), "fr", "Lavrov a parlé.")
    assert content_key(moved) == base
    for changed in (
        PreparedArticle(article, "fr", "Lavrov a parlé hier."),
        PreparedArticle(article, "en", "Lavrov a parlé."),
        PreparedArticle(replace(article, title="Autre"), "fr", "Lavrov a parlé."),
        PreparedArticle(replace(article, id="b.txt"), "fr", "Lavrov a parlé."),
    ):
        assert content_key(changed) != base


def test_the_pipeline_version_follows_the_options_that_change_results() -> None:
    default = pipeline_version("fr", ExtractOptions())
    assert default is not None
    assert pipeline_version("fr", ExtractOptions(batch_size=4)) == default
    places_only = pipeline_version("fr", ExtractOptions(capitals_as_governments=False))
    assert places_only is not None and places_only.id != default.id
    assert "fr_core_news_md" in default.description


def test_a_language_without_a_model_has_no_pipeline_version() -> None:
    assert pipeline_version("de", ExtractOptions()) is None
    assert pipeline_version("fr", ExtractOptions(), {"fr": "/no/such/model"}) is None


def test_editing_a_lexicon_or_the_extraction_code_changes_the_version(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = tmp_path / "graph"
    source = Path(FINGERPRINT_MODULE.__file__ or "").parent
    shutil.copytree(source, package, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(FINGERPRINT_MODULE, "_PACKAGE", package)

    def version() -> str:
        FINGERPRINT_MODULE._tree_digest.cache_clear()
        found = pipeline_version("fr", ExtractOptions())
        assert found is not None
        return found.id

    try:
        before = version()
        (package / "render" / "report.py").write_text("# rendering only\n", encoding="utf-8")
        assert version() == before
        with (package / "data" / "fr" / "stance_verbs.tsv").open("a", encoding="utf-8") as f:
            f.write("applaudir\tsupports\n")
        after_data = version()
        assert after_data != before
        (package / "entities.py").write_text("# new rules\n", encoding="utf-8")
        assert version() != after_data
    finally:
        FINGERPRINT_MODULE._tree_digest.cache_clear()


@pytest.mark.slow
def test_the_model_identity_is_read_without_loading_and_agrees_with_the_loaded_one(
    pipelines: Pipelines,
) -> None:
    assert model_identity("fr") == pipelines.model_name("fr")


# --- stores that cannot be used ------------------------------------------------------------


def test_a_file_that_is_not_a_store_is_refused_with_the_fix(tmp_path: Path) -> None:
    path = tmp_path / "notes.duckdb"
    path.write_text("not a database\n" * 100, encoding="utf-8")
    refused = r"notes\.duckdb.*not a newsgraph store.*choose another --store"
    with pytest.raises(StoreError, match=refused):
        open_store(path).__enter__()


def test_a_store_of_another_schema_is_refused(tmp_path: Path) -> None:
    with open_store(tmp_path / "s.duckdb") as store:
        assert isinstance(store, DuckStore)
        store._db.execute("UPDATE store_info SET value = '99' WHERE name = 'schema_version'")
    with pytest.raises(StoreError, match="schema version 99"):
        open_store(tmp_path / "s.duckdb").__enter__()


def test_a_store_in_use_by_another_run_is_refused_with_the_reason(tmp_path: Path) -> None:
    path = tmp_path / "s.duckdb"
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            f"import duckdb, sys; c = duckdb.connect({str(path)!r}); print('held', flush=True); "
            "sys.stdin.read()",
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        with pytest.raises(StoreError, match="another newsgraph run"):
            open_store(path).__enter__()
    finally:
        holder.communicate("")
