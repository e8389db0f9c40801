"""Extraction on worker processes and on a Dask cluster: streaming, and the very results
of a one-process run."""

from __future__ import annotations

import itertools
import socket
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future
from pathlib import Path

import pytest

from graph.articles import Article, Skipped, read_articles
from graph.cli import EXIT_FAILED, EXIT_USAGE, main
from graph.errors import NewsgraphError
from graph.extract import ExtractOptions, PreparedArticle, extract
from graph.nlp import Pipelines
from graph.parallel import (
    BatchResult,
    ClusterError,
    Workers,
    _check_version,
    _extract_missing,
    _in_order,
    _Pending,
    extract_incremental,
)
from graph.pipeline import BuildOptions
from graph.store import DuckStore, MemoryStore, StoreKey, open_store

from .test_multilingual import ENGLISH, FRENCH
from .test_scale_corpus import write_french_articles

SMALL_BATCHES = ExtractOptions(batch_size=2)


def _done(batch: Sequence[PreparedArticle]) -> Future[BatchResult]:
    future: Future[BatchResult] = Future()
    future.set_result(BatchResult([], {"fr": str(len(batch))}))
    return future


def test_batches_are_sent_a_few_ahead_of_the_results_not_all_at_once() -> None:
    pulled = 0

    def endless() -> Iterator[list[PreparedArticle]]:
        nonlocal pulled
        while True:
            pulled += 1
            yield []

    results = _in_order(_done, endless(), ahead=4)
    first_three = list(itertools.islice(results, 3))
    assert len(first_three) == 3
    assert pulled == 3 + 4 - 1  # what was yielded, and at most `ahead` in flight


def test_results_come_back_in_the_order_the_batches_were_sent() -> None:
    batches = [[PreparedArticle(Article(str(i), "x"), "fr", "x")] * i for i in range(1, 7)]
    results = list(_in_order(_done, batches, ahead=3))
    assert [r.versions["fr"] for r in results] == ["1", "2", "3", "4", "5", "6"]


def test_a_worker_with_another_pipeline_version_is_refused() -> None:
    item = PreparedArticle(Article("a.txt", "x"), "fr", "x")
    pending = _Pending(0, item, StoreKey("content", "ours"), None)
    with pytest.raises(ClusterError, match="same newsgraph, spaCy models and language data"):
        _check_version(pending, BatchResult([], {"fr": "theirs"}))


def test_articles_are_sent_language_by_language_so_a_worker_holds_one_pipeline() -> None:
    languages = ["fr", "en", "fr", "en", "fr"]
    todo = [
        _Pending(i, PreparedArticle(Article(str(i), "x"), lang, "x"), None, None)
        for i, lang in enumerate(languages)
    ]
    sent = []

    def engine(batches: Iterable[Sequence[PreparedArticle]]) -> Iterator[BatchResult]:
        for batch in batches:
            sent.append([item.lang for item in batch])
            yield BatchResult([Skipped(item.article.id, "not parsed") for item in batch], {})

    unstored = _extract_missing(todo, MemoryStore(), engine, 2, lambda done: None)
    assert sent == [["fr", "fr"], ["fr"], ["en", "en"]]
    assert sorted(unstored) == [0, 1, 2, 3, 4]  # every article back at its own position


@pytest.mark.slow
def test_two_workers_on_a_mixed_corpus_give_the_results_of_one(
    tmp_path: Path, pipelines: Pipelines
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for number in range(6):
        text = FRENCH if number % 2 else ENGLISH
        (folder / f"{number}.txt").write_text(f"{text} ({number})", encoding="utf-8")
    corpus = read_articles([folder])
    two = extract_incremental(
        corpus, MemoryStore(), options=SMALL_BATCHES, workers=Workers(count=2)
    )
    assert two.extraction.summary.languages == {"fr": 3, "en": 3}
    assert two.extraction == extract(corpus, pipelines=pipelines)


@pytest.mark.slow
def test_two_worker_processes_give_the_results_of_one(tmp_path: Path, pipelines: Pipelines) -> None:
    write_french_articles(tmp_path / "in", range(10))
    corpus = read_articles([tmp_path / "in"])
    two = extract_incremental(
        corpus, MemoryStore(), options=SMALL_BATCHES, workers=Workers(count=2)
    )
    assert two.extracted == 10
    assert two.extraction == extract(corpus, pipelines=pipelines)


@pytest.mark.slow
def test_a_dask_cluster_gives_the_results_of_a_local_run_into_the_same_store(
    tmp_path: Path, pipelines: Pipelines
) -> None:
    distributed = pytest.importorskip("distributed")
    write_french_articles(tmp_path / "in", range(8))
    corpus = read_articles([tmp_path / "in"])
    local = extract(corpus, pipelines=pipelines)
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        workers = Workers(scheduler=cluster.scheduler_address)
        with open_store(tmp_path / "s.duckdb") as store:
            assert isinstance(store, DuckStore)
            on_dask = extract_incremental(corpus, store, options=SMALL_BATCHES, workers=workers)
            assert store.count() == 8
        with distributed.Client(cluster) as client:
            loads = client.run(_pipelines_loaded)
    assert on_dask.extracted == 8
    assert on_dask.extraction == local
    assert sorted(loads.values()) == [1, 1]  # each worker loaded its model once
    with open_store(tmp_path / "s.duckdb") as store:
        again = extract_incremental(corpus, store, options=SMALL_BATCHES)
    assert (again.reused, again.extraction) == (8, local)


@pytest.mark.slow
def test_an_unreachable_scheduler_fails_the_build_naming_its_address(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    write_french_articles(tmp_path / "in", range(1))
    with socket.socket() as probe:  # a port nothing listens on once the probe is closed
        probe.bind(("127.0.0.1", 0))
        address = f"tcp://127.0.0.1:{probe.getsockname()[1]}"
    out = str(tmp_path / "out")
    code = main(["build", str(tmp_path / "in"), "-o", out, "--no-store", "--scheduler", address])
    assert code == EXIT_FAILED
    assert f"cannot reach the Dask scheduler at {address}" in caplog.text


def _pipelines_loaded() -> int:
    from graph.parallel import _worker_tools

    return _worker_tools.cache_info().currsize


@pytest.mark.parametrize("option", [["--workers", "0"], ["--batch-size", "-3"]])
def test_a_worker_count_or_batch_size_below_one_is_a_usage_error(
    tmp_path: Path, option: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["build", str(tmp_path), "-o", str(tmp_path / "out"), *option])
    assert exit_.value.code == EXIT_USAGE
    assert "at least 1" in capsys.readouterr().err


def test_the_cli_passes_store_workers_and_scheduler_to_the_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[BuildOptions] = []

    def fake_build(inputs: object, outdir: object, options: BuildOptions, **kw: object) -> None:
        seen.append(options)
        raise NewsgraphError("stop here")

    monkeypatch.setattr("graph.cli.build", fake_build)
    out = tmp_path / "out"
    common = ["build", str(tmp_path), "-o", str(out), "-q"]
    main([*common, "--store", "--workers", "2", "--scheduler", "tcp://10.0.0.5:8786"])
    main([*common, "--store", str(tmp_path / "elsewhere.duckdb")])
    main([*common, "--no-store"])
    main(common)
    stores = [out / "newsgraph.duckdb", tmp_path / "elsewhere.duckdb", None]
    stores.append(out / "newsgraph.duckdb")  # the store is on by default
    assert [o.store for o in seen] == stores
    assert (seen[0].workers, seen[0].scheduler) == (2, "tcp://10.0.0.5:8786")
