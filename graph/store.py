"""Where extraction results persist: an embedded DuckDB file, so a rebuild parses nothing twice.

Each article's extraction is filed under two keys: its *content* (the cleaned text, the
language and the metadata that reach the graph) and the *pipeline version* that produced it
(graph.extract.pipeline_version: package, spaCy model, language data, extraction code,
options). A rebuild looks every article up by both and parses only what is missing. Tables:

- `articles`: one row per content key (id, title, date, url, source, language, cleaned text);
- `extractions`: one row per (content key, pipeline version), the ArticleExtraction as JSON,
  and its ProcessedArticle (what the corpus summary shows) on its own;
- `mentions`, `stances`, `sentences`: what the graph is made of, a row each, so building
  from the store is SQL aggregation (graph.store_rows, graph.store_graph);
- `pipelines`: what each pipeline version is made of, for people reading the store;
- `preparations`: the last corpus as prepared (cleaned, language chosen), under a digest
  of its articles as read (graph.store_prepared), so a rebuild does not clean again;
- `outputs`: per output folder, the digest of what its last build was made from and the
  SHA-256 of each file it wrote, so a build with nothing new can leave them as they are;
- `store_info`: the schema version, and the mark of a newsgraph store (graph.store_schema:
  any other DuckDB file is refused untouched).

The file is opened so that DuckDB reaches nothing but it (no extension installed or loaded,
no other file read), and its failures are told as StoreErrors naming the file and the cause
(graph.store_file).

Results are written a batch per transaction: a run killed at any point leaves every batch
it committed and nothing of the one it was writing, so the next run resumes where it
stopped, and the primary keys make a result stored twice impossible.

>>> with open_store(Path("out/newsgraph.duckdb")) as store:  # doctest: +SKIP
...     store.put([StoredExtraction(key, extraction, prepared, version)])
...     store.get([key])
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import duckdb

from graph.articles import Article, Skipped
from graph.decoding import valid_unicode
from graph.errors import StoreError as StoreError
from graph.extract import ArticleExtraction, PipelineVersion, PreparedArticle
from graph.runtime import cyclic_gc_paused
from graph.store_file import close, close_quietly, connect, store_error
from graph.store_file import transaction as transaction
from graph.store_json import (
    decode_extraction,
    decode_processed,
    encode_extraction,
    encode_processed,
)
from graph.store_prepared import read_prepared, record_prepared
from graph.store_rows import ArticleRows, article_rows, expand_statement, table_columns
from graph.store_schema import FETCH_ROWS, prepare_schema
from graph.store_schema import SCHEMA_VERSION as SCHEMA_VERSION
from graph.summary import ProcessedArticle

log = logging.getLogger(__name__)

DEFAULT_STORE_NAME = "newsgraph.duckdb"


@dataclass(frozen=True)
class StoreKey:
    """Where one article's extraction is filed: its content and the pipeline version."""

    content: str
    pipeline: str


@dataclass(frozen=True)
class StoredExtraction:
    """One result to store, with the article and pipeline version it came from."""

    key: StoreKey
    extraction: ArticleExtraction
    article: PreparedArticle
    version: PipelineVersion


def content_key(item: PreparedArticle) -> str:
    """A digest of everything about an article that can change its extraction: the cleaned
    text (so a change in cleaning or boilerplate counts), the language and the metadata.

    The file path (`origin`) is left out: moving a folder does not make its articles new.
    """
    article = item.article
    fields_ = [item.text, item.lang, article.lang, article.id, article.title, article.date]
    fields_ += [article.url, article.source]
    return hashlib.sha256(json.dumps(fields_).encode("ascii")).hexdigest()[:32]


class ExtractionStore(Protocol):
    """What the build needs of a store: which results it has, adding some, reading some."""

    def known(self, keys: Sequence[StoreKey]) -> set[StoreKey]: ...

    def put(self, results: Sequence[StoredExtraction]) -> None: ...

    def get(self, keys: Sequence[StoreKey]) -> list[ArticleExtraction]: ...

    def processed(self, keys: Sequence[StoreKey]) -> list[ProcessedArticle]: ...

    def outputs_current(self, outdir: Path, digest: str) -> bool: ...

    def record_outputs(self, outdir: Path, digest: str, files: Sequence[Path]) -> None: ...

    def prepared(
        self, digest: str, articles: Sequence[Article]
    ) -> list[PreparedArticle | Skipped] | None: ...

    def record_prepared(
        self, digest: str, outcomes: Sequence[PreparedArticle | Skipped]
    ) -> None: ...


class MemoryStore:
    """A store that forgets everything at the end of the run (builds without `--store`)."""

    def __init__(self) -> None:
        self._results: dict[StoreKey, ArticleExtraction] = {}

    def known(self, keys: Sequence[StoreKey]) -> set[StoreKey]:
        return {key for key in keys if key in self._results}

    def put(self, results: Sequence[StoredExtraction]) -> None:
        self._results.update((result.key, result.extraction) for result in results)

    def get(self, keys: Sequence[StoreKey]) -> list[ArticleExtraction]:
        return [self._results[key] for key in keys]

    def processed(self, keys: Sequence[StoreKey]) -> list[ProcessedArticle]:
        return [self._results[key].article for key in keys]

    def outputs_current(self, outdir: Path, digest: str) -> bool:
        return False

    def record_outputs(self, outdir: Path, digest: str, files: Sequence[Path]) -> None:
        """Nothing is kept."""

    def prepared(
        self, digest: str, articles: Sequence[Article]
    ) -> list[PreparedArticle | Skipped] | None:
        return None

    def record_prepared(self, digest: str, outcomes: Sequence[PreparedArticle | Skipped]) -> None:
        """Nothing is kept."""


class DuckStore:
    """Extraction results in a DuckDB file (see the module docstring for the tables)."""

    def __init__(self, connection: duckdb.DuckDBPyConnection, path: Path) -> None:
        self._db = connection
        self.path = path

    def known(self, keys: Sequence[StoreKey]) -> set[StoreKey]:
        rows = self._select("e.content, e.pipeline", keys).fetchall()
        return {StoreKey(content, pipeline) for content, pipeline in rows}

    def get(self, keys: Sequence[StoreKey]) -> list[ArticleExtraction]:
        """The stored extractions for `keys`, in the same order (a KeyError if one is missing).

        Rows are decoded as they are fetched, so the JSON of the whole corpus is never held
        in memory at once.
        """
        found: dict[StoreKey, ArticleExtraction] = {}
        rows = self._select("e.content, e.pipeline, e.data", keys)
        while chunk := rows.fetchmany(FETCH_ROWS):
            for content, pipeline, data in chunk:
                found[StoreKey(content, pipeline)] = decode_extraction(data)
        return [found[key] for key in keys]

    def put(self, results: Sequence[StoredExtraction]) -> None:
        """Store a batch of results in one transaction: all of them, or none if interrupted.

        A result already stored is left as it is (its rows are not written twice)."""
        unique = list({result.key: result for result in results}.values())
        if not unique:
            return
        versions = {r.version.id: r.version.description for r in unique}
        with cyclic_gc_paused():
            self._write(unique, versions)

    def _write(self, unique: Sequence[StoredExtraction], versions: dict[str, str]) -> None:
        with transaction(self._db):
            known = self.known([r.key for r in unique])
            new = [r for r in unique if r.key not in known]
            self._insert("pipelines", [list(versions), list(versions.values())])
            if new:
                self._insert("articles", _article_columns(new))
                columns = _extraction_columns(new)
                self._insert("extractions (content, pipeline, data, article)", columns)
                self._insert_rows([r.key for r in new], [article_rows(r.extraction) for r in new])

    def processed(self, keys: Sequence[StoreKey]) -> list[ProcessedArticle]:
        """What the corpus summary shows of each stored article, in the order of `keys`,
        without decoding the extractions."""
        found: dict[StoreKey, ProcessedArticle] = {}
        rows = self._select("e.content, e.pipeline, e.article", keys)
        while chunk := rows.fetchmany(FETCH_ROWS):
            for content, pipeline, article in chunk:
                found[StoreKey(content, pipeline)] = decode_processed(article)
        return [found[key] for key in keys]

    @property
    def connection(self) -> duckdb.DuckDBPyConnection:
        """The DuckDB connection, for graph.store_graph's queries."""
        return self._db

    def _insert_rows(self, keys: Sequence[StoreKey], rows: Sequence[ArticleRows]) -> None:
        """The normalised rows of the articles `keys` (see graph.store_rows)."""
        if not keys:
            return
        contents, pipelines = [k.content for k in keys], [k.pipeline for k in keys]
        for table in ("mentions", "stances", "sentences"):
            self._db.execute(
                expand_statement(table), [contents, pipelines, table_columns(rows, table)]
            )

    def outputs_current(self, outdir: Path, digest: str) -> bool:
        """Whether `outdir` holds, unchanged, the files a build of `digest` wrote there."""
        row = self._db.execute(
            "SELECT digest, files FROM outputs WHERE outdir = ?", [_folder(outdir)]
        ).fetchone()
        if row is None or row[0] != digest:
            return False
        files: dict[str, str] = json.loads(row[1])
        return all(_file_digest(Path(path)) == sha for path, sha in files.items())

    def record_outputs(self, outdir: Path, digest: str, files: Sequence[Path]) -> None:
        """Remember what `outdir`'s files were built from, and their SHA-256."""
        written = json.dumps({str(path.resolve()): _file_digest(path) for path in files})
        self._db.execute(
            "INSERT OR REPLACE INTO outputs VALUES (?, ?, ?)", [_folder(outdir), digest, written]
        )

    def prepared(
        self, digest: str, articles: Sequence[Article]
    ) -> list[PreparedArticle | Skipped] | None:
        """How `articles` were prepared when their corpus had `digest`, or None."""
        return read_prepared(self._db, digest, articles)

    def record_prepared(self, digest: str, outcomes: Sequence[PreparedArticle | Skipped]) -> None:
        """Keep how the corpus of `digest` was prepared (in place of the last one kept)."""
        with transaction(self._db):
            record_prepared(self._db, digest, outcomes)

    def stored_keys(self) -> list[StoreKey]:
        """The key of every stored result (every pipeline version)."""
        rows = self._db.execute("SELECT content, pipeline FROM extractions").fetchall()
        return [StoreKey(content, pipeline) for content, pipeline in rows]

    def count(self) -> int:
        """How many extraction results the store holds (every pipeline version)."""
        row = self._db.execute("SELECT count(*) FROM extractions").fetchone()
        return int(row[0]) if row else 0

    def _insert(self, table: str, columns: list[list[str]]) -> None:
        unnested = ", ".join(f"unnest(${i + 1}::VARCHAR[])" for i in range(len(columns)))
        self._db.execute(f"INSERT OR IGNORE INTO {table} SELECT {unnested}", columns)

    def _select(self, columns: str, keys: Sequence[StoreKey]) -> duckdb.DuckDBPyConnection:
        """The rows of `extractions` for `keys` (in no particular order), to be fetched."""
        query = (
            f"SELECT {columns} FROM extractions e JOIN "
            "(SELECT unnest($1::VARCHAR[]) AS content, unnest($2::VARCHAR[]) AS pipeline) k "
            "ON e.content = k.content AND e.pipeline = k.pipeline"
        )
        params = [[key.content for key in keys], [key.pipeline for key in keys]]
        return self._db.execute(query, params)


def _folder(outdir: Path) -> str:
    return valid_unicode(str(outdir.resolve()))


def _file_digest(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


def _extraction_columns(results: Sequence[StoredExtraction]) -> list[list[str]]:
    return [
        [r.key.content for r in results],
        [r.key.pipeline for r in results],
        [encode_extraction(r.extraction) for r in results],
        [encode_processed(r.extraction.article) for r in results],
    ]


def _article_columns(results: Sequence[StoredExtraction]) -> list[list[str]]:
    """The `articles` rows as columns; text made valid UTF-8 (the JSON keeps it exactly)."""
    rows = [
        (
            r.key.content,
            r.article.article.id,
            r.article.lang,
            r.article.article.title,
            r.article.article.date,
            r.article.article.url,
            r.article.article.source,
            r.article.text,
        )
        for r in results
    ]
    return [[valid_unicode(value) for value in column] for column in zip(*rows, strict=True)]


@contextmanager
def open_store(path: Path | None) -> Iterator[DuckStore | MemoryStore]:
    """The store at `path` (created if missing), or a MemoryStore when `path` is None.

    Raises StoreError, naming the file and the cause, when it is in use by another run, is
    not a newsgraph store, was made by a newer schema (the last two left untouched), is
    damaged, or fails while in use (a full disk); DuckDB's own errors never escape as such.
    """
    if path is None:
        yield MemoryStore()
        return
    connection = connect(path)
    try:
        store = DuckStore(connection, path)
        prepare_schema(store)
        yield store
    except duckdb.InterruptException:
        close_quietly(connection)  # Ctrl-C inside a query: not the file's fault
        raise
    except duckdb.Error as error:
        log.debug("the store %s failed", path, exc_info=True)
        close_quietly(connection)
        raise store_error(path, error, "cannot use it") from error
    except BaseException:
        close_quietly(connection)
        raise
    close(connection, path)
