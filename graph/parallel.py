"""Extraction at scale: only what the store lacks (`extract_incremental`), and where it
runs: in this process, on local worker processes, or on a Dask cluster.

All three places run the same unit of work, graph.extract.extract_batch, on batches of prepared
articles, and stream: batches are sent as workers free up, at most a few ahead, and results
come back in the order sent, so the caller can store each batch as it arrives and memory
does not grow with the corpus. Each worker process loads its spaCy pipelines once, on its
first batch, and keeps them (`_worker_tools`). Local workers serve one language at a time:
articles are sent language by language, and each language gets a fresh pool, so a worker
never holds two pipelines (a French and an English model together took 0.24 GiB more per
worker than French alone).

>>> results = extract_batches(batches, ExtractJob(), Workers(count=2))  # doctest: +SKIP
"""

from __future__ import annotations

import hashlib
import json
import logging
import multiprocessing
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import closing
from dataclasses import asdict, dataclass, field
from functools import lru_cache, partial
from itertools import groupby
from typing import Any, Protocol

from graph.articles import Corpus, Skipped
from graph.errors import NewsgraphError
from graph.extract import (
    ArticleExtraction,
    Extraction,
    ExtractOptions,
    PipelineVersion,
    PreparedArticle,
    extract_batch,
    pipeline_version,
    preparation_warnings,
)
from graph.gazetteer import Gazetteer, load_gazetteer
from graph.nlp import Pipelines
from graph.store import ExtractionStore, StoredExtraction, StoreKey, content_key
from graph.store_prepared import prepare_corpus
from graph.summary import CorpusSummary, ProcessedArticle

log = logging.getLogger(__name__)

#: Batches in flight per worker: one being parsed, one waiting, so no worker idles while
#: the client stores a result, and memory stays bounded whatever the corpus size.
BATCHES_AHEAD_PER_WORKER = 2
#: Seconds between a worker's checks that the process that started it is still alive.
ORPHAN_CHECK_SECONDS = 1.0
#: Seconds to wait for a Dask scheduler to answer before giving up with an error naming it.
SCHEDULER_CONNECT_SECONDS = 10


class ClusterError(NewsgraphError):
    """Workers that cannot be reached, or that do not extract as this process would."""


@dataclass(frozen=True)
class Workers:
    """Where extraction runs: this process (`count` 1), `count` local processes, or the
    Dask cluster whose scheduler is at `scheduler` (e.g. ``tcp://10.0.0.5:8786``)."""

    count: int = 1
    scheduler: str | None = None


@dataclass(frozen=True)
class ExtractJob:
    """What a worker needs to extract exactly as this process would (plain, picklable)."""

    models: tuple[tuple[str, str], ...] = ()
    options: ExtractOptions = field(default_factory=ExtractOptions)


@dataclass(frozen=True)
class BatchResult:
    """A batch's outcomes, in input order, and the pipeline version the worker used for
    each language (None where it had no model): the client checks they match its own."""

    outcomes: list[ArticleExtraction | Skipped]
    versions: dict[str, str | None]


class _Future(Protocol):
    def result(self) -> Any: ...


def extract_batches(
    batches: Iterable[Sequence[PreparedArticle]],
    job: ExtractJob,
    workers: Workers,
    *,
    pipelines: Pipelines | None = None,
) -> Generator[BatchResult]:
    """Extract each batch where `workers` says, yielding results in the batches' order.

    `pipelines` serves the in-process case (one worker, no scheduler); nothing is loaded
    until a batch needs it, so an empty `batches` loads no model.
    """
    if workers.scheduler:
        yield from _on_dask(batches, job, workers.scheduler)
    elif workers.count > 1:
        yield from _on_processes(batches, job, workers.count)
    else:
        pipelines = pipelines or Pipelines(dict(job.models))
        for batch in batches:
            yield _run(batch, job, pipelines, load_gazetteer())


def run_batch(batch: Sequence[PreparedArticle], job: ExtractJob) -> BatchResult:
    """The task a worker process runs: one batch, with the process's cached pipelines."""
    tools = _worker_tools(job.models)
    with tools.lock:  # one parse at a time per process, whatever the worker's thread count
        return _run(batch, job, tools.pipelines, tools.gazetteer)


def _run(
    batch: Sequence[PreparedArticle], job: ExtractJob, pipelines: Pipelines, gazetteer: Gazetteer
) -> BatchResult:
    outcomes = extract_batch(batch, pipelines, job.options, gazetteer)
    versions = {}
    for lang in {item.lang for item in batch}:
        version = pipeline_version(lang, job.options, dict(job.models))
        versions[lang] = version.id if version else None
    return BatchResult(outcomes, versions)


@dataclass(frozen=True)
class _Tools:
    pipelines: Pipelines
    gazetteer: Gazetteer
    lock: threading.Lock


@lru_cache(maxsize=4)
def _worker_tools(models: tuple[tuple[str, str], ...]) -> _Tools:
    """This process's pipelines for a model choice: loaded once, kept for every batch."""
    return _Tools(Pipelines(dict(models)), load_gazetteer(), threading.Lock())


def _in_order(
    submit: Callable[[Sequence[PreparedArticle]], _Future],
    batches: Iterable[Sequence[PreparedArticle]],
    ahead: int,
) -> Iterator[BatchResult]:
    """Submit batches keeping at most `ahead` in flight; yield their results in order."""
    pending: deque[_Future] = deque()
    for batch in batches:
        pending.append(submit(batch))
        if len(pending) >= ahead:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()


def _on_processes(
    batches: Iterable[Sequence[PreparedArticle]], job: ExtractJob, count: int
) -> Iterator[BatchResult]:
    """Each run of batches of the same languages on a pool of its own, one after the other:
    the workers of a pool load only the pipelines of its languages, and exit with it."""
    for _, same_languages in groupby(batches, key=_languages):
        yield from _on_pool(same_languages, job, count)


def _languages(batch: Sequence[PreparedArticle]) -> frozenset[str]:
    return frozenset(item.lang for item in batch)


def _on_pool(
    batches: Iterable[Sequence[PreparedArticle]], job: ExtractJob, count: int
) -> Iterator[BatchResult]:
    # spawn, not fork: the parent holds a DuckDB connection and its threads.
    pool = ProcessPoolExecutor(
        max_workers=count,
        mp_context=multiprocessing.get_context("spawn"),
        initializer=_start_worker,
        initargs=(os.getpid(),),
    )
    try:
        ahead = BATCHES_AHEAD_PER_WORKER * count
        yield from _in_order(lambda batch: pool.submit(run_batch, batch, job), batches, ahead)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _start_worker(parent: int) -> None:
    """Leave Ctrl-C to the parent (it stops the pool), and exit if the parent dies."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_exit_when_orphaned, args=(parent,), daemon=True).start()


def _exit_when_orphaned(parent: int) -> None:
    """A parent killed outright (kill -9) cannot stop its pool: its workers stop themselves."""
    while os.getppid() == parent:
        time.sleep(ORPHAN_CHECK_SECONDS)
    os._exit(1)


def _on_dask(
    batches: Iterable[Sequence[PreparedArticle]], job: ExtractJob, address: str
) -> Iterator[BatchResult]:
    from distributed import Client  # imported only when asked for: it is slow to import

    try:
        client = Client(address, set_as_default=False, timeout=SCHEDULER_CONNECT_SECONDS)
    except (OSError, TimeoutError, ValueError) as error:
        raise ClusterError(
            f"cannot reach the Dask scheduler at {address} within {SCHEDULER_CONNECT_SECONDS} s: "
            f"{error} (is it running, and is the address tcp://HOST:PORT?)"
        ) from error
    with client:
        threads = sum(client.nthreads().values()) or 1
        log.info("extracting on the Dask cluster at %s (%d worker threads)", address, threads)
        ahead = BATCHES_AHEAD_PER_WORKER * threads

        def submit(batch: Sequence[PreparedArticle]) -> _Future:
            future: _Future = client.submit(run_batch, batch, job, pure=False)
            return future

        yield from _in_order(submit, batches, ahead)


# --- incremental extraction: what the store lacks, extracted where Workers say -----------


@dataclass(frozen=True)
class IncrementalExtraction:
    """An extraction, and how many of its articles were parsed now or found in the store."""

    extraction: Extraction
    extracted: int
    reused: int
    #: A digest of the store keys of its articles, in order, and of the skipped inputs;
    #: None when some article could not be stored (no pipeline version for its language).
    digest: str | None = None
    #: With `load=False`: the store keys of the processed articles, in order, when all of
    #: them are in the store; their extractions were left there (`extraction.articles` is
    #: empty, the summary complete), for graph.store_graph to build from.
    stored: tuple[StoreKey, ...] | None = None


@dataclass(frozen=True)
class _Pending:
    """An article to extract or find in the store, at its position in the corpus."""

    position: int
    item: PreparedArticle
    key: StoreKey | None  # None: no model for the language, so nothing to file it under
    version: PipelineVersion | None


def extract_incremental(
    corpus: Corpus,
    store: ExtractionStore,
    *,
    models: Mapping[str, str] | None = None,
    options: ExtractOptions | None = None,
    workers: Workers | None = None,
    pipelines: Pipelines | None = None,
    progress: Callable[[int], None] | None = None,
    load: bool = True,
) -> IncrementalExtraction:
    """`extract`, but taking from `store` every result it has and parsing only the rest,
    each batch stored (in one transaction) as soon as it is parsed.

    Same results, order and skipped inputs as `extract(corpus)`. An interrupted run loses
    at most the batches in flight; the next one picks up from the store. `pipelines` is
    used when extraction runs in this process (one worker); nothing is loaded if every
    result is in the store. With `load=False`, results that are all in the store stay
    there: only what the summary shows is read (see `IncrementalExtraction.stored`).
    """
    options = options or ExtractOptions()
    progress = progress or _ignore
    pending, skipped = _pending(prepare_corpus(corpus, store), options, models)
    known = store.known([p.key for p in pending if p.key])
    todo = [p for p in pending if p.key not in known]
    progress(len(corpus.articles) - len(todo))
    job = ExtractJob(tuple((models or {}).items()), options)
    engine = partial(extract_batches, job=job, workers=workers or Workers(), pipelines=pipelines)
    unstored = _extract_missing(todo, store, engine, options.batch_size, progress)
    from_store = [p for p in pending if p.position not in unstored and p.key]
    stored = [p.key for p in from_store if p.key]
    loaded = load or any(isinstance(o, ArticleExtraction) for o in unstored.values())
    found: Sequence[ArticleExtraction | ProcessedArticle]
    found = store.get(stored) if loaded else store.processed(stored)
    outcomes = dict(unstored) | dict(zip([p.position for p in from_store], found, strict=True))
    skipped.update((i, o) for i, o in outcomes.items() if isinstance(o, Skipped))
    for position in sorted(skipped):
        log.warning("skipped %s: %s", skipped[position].source, skipped[position].reason)
    done = [o for _, o in sorted(outcomes.items()) if not isinstance(o, Skipped)]
    articles = tuple(o for o in done if isinstance(o, ArticleExtraction))
    summary = CorpusSummary(
        processed=tuple(_processed(o) for o in done),
        skipped=corpus.skipped + tuple(skipped[i] for i in sorted(skipped)),
    )
    keys = [p.key for p in pending if p.position not in skipped]
    return IncrementalExtraction(
        Extraction(articles, summary, preparation_warnings(p.item for p in pending)),
        extracted=len(todo),
        reused=len(pending) - len(todo),
        digest=_extraction_digest(keys, summary.skipped),
        stored=None if loaded else tuple(k for k in keys if k),
    )


def _processed(outcome: object) -> ProcessedArticle:
    """What the summary shows of an extraction, or of an article read from the store."""
    if isinstance(outcome, ArticleExtraction):
        return outcome.article
    assert isinstance(outcome, ProcessedArticle)
    return outcome


def _extraction_digest(keys: Sequence[StoreKey | None], skipped: Sequence[Skipped]) -> str | None:
    """A digest of the store keys of the processed articles, in order, and of the skipped
    inputs; None if some article has no key."""
    if not all(keys):
        return None
    made_of = [[k.content, k.pipeline] for k in keys if k], [asdict(s) for s in skipped]
    return hashlib.sha256(json.dumps(made_of).encode("ascii")).hexdigest()


def _ignore(count: int) -> None:
    """No progress display."""


def _pending(
    prepared: Sequence[PreparedArticle | Skipped],
    options: ExtractOptions,
    models: Mapping[str, str] | None,
) -> tuple[list[_Pending], dict[int, Skipped]]:
    """Every article that survives cleaning, with the key its extraction is filed under,
    and those that do not (cheap to find again, so never stored), by corpus position."""
    versions: dict[str, PipelineVersion | None] = {}
    pending = []
    skipped = {}
    for position, item in enumerate(prepared):
        if isinstance(item, Skipped):
            skipped[position] = item
            continue
        if item.lang not in versions:
            versions[item.lang] = pipeline_version(item.lang, options, models)
        version = versions[item.lang]
        key = StoreKey(content_key(item), version.id) if version else None
        pending.append(_Pending(position, item, key, version))
    return pending, skipped


def _extract_missing(
    todo: Sequence[_Pending],
    store: ExtractionStore,
    engine: Callable[[Iterable[Sequence[PreparedArticle]]], Generator[BatchResult]],
    batch_size: int,
    progress: Callable[[int], None],
) -> dict[int, ArticleExtraction | Skipped]:
    """Parse `todo` batch by batch, language by language (see `_on_processes`), storing
    each batch as it comes back; returns what was not stored: articles skipped by the
    parser's checks, and extractions without a key."""
    size = max(1, batch_size)
    by_language: dict[str, list[_Pending]] = {}
    for pending in todo:
        by_language.setdefault(pending.item.lang, []).append(pending)
    chunks = [
        same[i : i + size] for same in by_language.values() for i in range(0, len(same), size)
    ]
    batches = ([p.item for p in chunk] for chunk in chunks)
    unstored: dict[int, ArticleExtraction | Skipped] = {}
    # closing: an error here stops the workers now, not when the generator is collected
    with closing(engine(batches)) as results:
        for chunk, result in zip(chunks, results, strict=True):
            _store_batch(chunk, result, store, unstored)
            progress(len(chunk))
    return unstored


def _store_batch(
    chunk: Sequence[_Pending],
    result: BatchResult,
    store: ExtractionStore,
    unstored: dict[int, ArticleExtraction | Skipped],
) -> None:
    """Store a batch's extractions in one transaction; keep the rest in `unstored`."""
    to_store = []
    for p, outcome in zip(chunk, result.outcomes, strict=True):
        if isinstance(outcome, ArticleExtraction) and p.key and p.version:
            _check_version(p, result)
            to_store.append(StoredExtraction(p.key, outcome, p.item, p.version))
        else:
            unstored[p.position] = outcome
    store.put(to_store)


def _check_version(pending: _Pending, result: BatchResult) -> None:
    """A worker must extract as this process would, or its results would be filed wrongly."""
    used = result.versions.get(pending.item.lang)
    if pending.key and used != pending.key.pipeline:
        raise ClusterError(
            f"a worker parsed {pending.item.lang!r} articles with pipeline version {used}, "
            f"this process has {pending.key.pipeline}: install the same newsgraph, spaCy "
            "models and language data on every worker"
        )
