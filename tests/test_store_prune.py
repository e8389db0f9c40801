"""Pruning the store: results of pipeline versions a build would no longer use go, language
by language; the current ones, and languages without a model, stay."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.articles import Article
from graph.cli import EXIT_FAILED, EXIT_OK, main
from graph.extract import ExtractOptions, PipelineVersion, PreparedArticle, pipeline_version
from graph.store import DuckStore, StoredExtraction, StoreKey, open_store
from graph.store_prune import prune_store

from .test_store import _extraction

OLD = PipelineVersion("old-fr-version", '{"model": "fr_core_news_md-3.7.0"}')
#: A language no installed model parses: nothing says which of its versions is current.
ELSEWHERE = PipelineVersion("xx-version", '{"model": "xx_model-1.0"}')


def _current() -> PipelineVersion:
    version = pipeline_version("fr", ExtractOptions())
    assert version is not None, "the French model is installed for the tests"
    return version


def _row(number: int, version: PipelineVersion, lang: str = "fr") -> StoredExtraction:
    article = f"a{number}.txt"
    prepared = PreparedArticle(Article(article, ""), lang, f"Texte {number}.")
    return StoredExtraction(
        StoreKey(f"c{number}", version.id), _extraction(article), prepared, version
    )


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    path = tmp_path / "s.duckdb"
    rows = [_row(i, OLD) for i in range(3)] + [_row(i, _current()) for i in range(2)]
    with open_store(path) as store:
        store.put([*rows, _row(9, ELSEWHERE, "xx")])
    return path


def _count(path: Path, table: str) -> int:
    with open_store(path) as store:
        assert isinstance(store, DuckStore)
        row = store.connection.execute(f"SELECT count(*) FROM {table}").fetchone()
    return int(row[0]) if row else 0


def test_a_dry_run_counts_what_would_go_and_removes_nothing(store_path: Path) -> None:
    pruned = prune_store(store_path, dry_run=True)
    assert (pruned.removed, pruned.kept, pruned.dry_run) == ({"fr": 3}, 3, True)
    assert _count(store_path, "extractions") == 6


def test_older_versions_go_with_their_rows_and_current_ones_stay(store_path: Path) -> None:
    mentions = _count(store_path, "mentions")
    pruned = prune_store(store_path)
    assert (pruned.removed, pruned.kept) == ({"fr": 3}, 3)
    assert _count(store_path, "extractions") == 3
    assert _count(store_path, "mentions") == mentions // 2
    assert (
        _count(store_path, "articles") == 3
    )  # c0 and c1 are still filed under the current version
    with open_store(store_path) as store:
        current = [StoreKey(f"c{i}", _current().id) for i in range(2)]
        assert store.known([*current, StoreKey("c9", ELSEWHERE.id)]) == {
            *current,
            StoreKey("c9", ELSEWHERE.id),
        }
        assert store.get(current) == [_extraction("a0.txt"), _extraction("a1.txt")]
    assert prune_store(store_path).total == 0


def test_other_options_make_the_current_results_old(store_path: Path) -> None:
    pruned = prune_store(store_path, options=ExtractOptions(capitals_as_governments=False))
    assert pruned.removed == {"fr": 5}


def test_the_command_says_what_it_removed(
    store_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["store", "prune", str(store_path), "--dry-run", "-q"]) == EXIT_OK
    assert (
        "would remove 3 results of older pipeline versions (fr 3); 3 kept"
        in capsys.readouterr().err
    )
    assert main(["store", "prune", str(store_path), "-q"]) == EXIT_OK
    assert "removed 3 results" in capsys.readouterr().err


def test_pruning_a_store_that_does_not_exist_is_an_error_naming_it(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    missing = tmp_path / "nowhere.duckdb"
    assert main(["store", "prune", str(missing), "-q"]) == EXIT_FAILED
    assert "nowhere.duckdb: there is no such file" in caplog.text
    assert not missing.exists()
