"""The store's tables: which file is a newsgraph store, creating them, and migrations.

A newsgraph store is marked by its own table, `store_info`, holding its `schema_version`.
Before anything is written, the file opened is identified (`stored_schema`): an empty
database becomes a new store; a store of this schema is used as it is; one of an older
schema is brought up to date once (`_MIGRATIONS`); one of a newer (or unknown) schema is
refused, and so is a DuckDB file holding anything else (someone's `sales` table): it is
their data, never taken over.

>>> prepare_schema(DuckStore(connect(path), path))  # doctest: +SKIP
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

import duckdb

from graph.errors import StoreError
from graph.store_file import FOREIGN, transaction
from graph.store_json import encode_extraction, encode_processed
from graph.store_prepared import TABLE as PREPARATIONS_TABLE
from graph.store_rows import TABLES, article_rows, expand_statement

if TYPE_CHECKING:
    from graph.store import DuckStore, StoreKey

log = logging.getLogger(__name__)

#: Bumped when the tables change. An older store is migrated once, when opened
#: (`_MIGRATIONS`); a newer one is refused, never misread.
SCHEMA_VERSION = 4
#: The table that marks a DuckDB file as a newsgraph store.
MARKER_TABLE = "store_info"
#: Rows fetched and decoded at a time when reading results back.
FETCH_ROWS = 2048
#: WAL size that makes DuckDB checkpoint. Each checkpoint rewrites the primary-key indexes
#: whole, so the default (16 MB) makes a large first build quadratic; the WAL is just as
#: durable, and closing the store folds it in.
CHECKPOINT_THRESHOLD = "1GB"
#: String compression left out: DuckDB's dictionary+FSST makes a checkpoint (when the store
#: is closed, and every CHECKPOINT_THRESHOLD) six times slower for a file 1.6 times smaller;
#: the store is a cache, so the time matters more. (Not every DuckDB has the method.)
UNCOMPRESSED = "dict_fsst"

_SCHEMA = (
    f"CREATE TABLE IF NOT EXISTS {MARKER_TABLE} (name VARCHAR PRIMARY KEY, value VARCHAR)",
    """CREATE TABLE IF NOT EXISTS articles (
        content VARCHAR PRIMARY KEY, id VARCHAR, lang VARCHAR, title VARCHAR, date VARCHAR,
        url VARCHAR, source VARCHAR, text VARCHAR)""",
    """CREATE TABLE IF NOT EXISTS pipelines (
        pipeline VARCHAR PRIMARY KEY, description VARCHAR)""",
    """CREATE TABLE IF NOT EXISTS outputs (
        outdir VARCHAR PRIMARY KEY, digest VARCHAR, files VARCHAR)""",
    """CREATE TABLE IF NOT EXISTS extractions (
        content VARCHAR, pipeline VARCHAR, data VARCHAR,
        stored_at TIMESTAMP DEFAULT current_timestamp, article VARCHAR,
        PRIMARY KEY (content, pipeline))""",
    PREPARATIONS_TABLE,
    *TABLES,
)
#: Every table and view the file holds (temporary ones aside), by name.
_HELD = """
SELECT CASE WHEN schema_name = 'main' THEN table_name ELSE schema_name || '.' || table_name END
FROM duckdb_tables() WHERE database_name = current_database() AND NOT temporary
UNION ALL
SELECT CASE WHEN schema_name = 'main' THEN view_name ELSE schema_name || '.' || view_name END
FROM duckdb_views() WHERE database_name = current_database() AND NOT temporary AND NOT internal
"""
#: Names of tables listed at most in a refusal.
_LISTED = 5


def prepare_schema(store: DuckStore) -> None:
    """Make `store`'s file a newsgraph store of this schema, or refuse it untouched.

    Raises StoreError (naming the file) for a DuckDB file that is not a newsgraph store
    and for a store of a newer schema, before anything is written to either.
    """
    db, path = store.connection, store.path
    _configure(db)
    found = stored_schema(db, store.path)
    if found is not None and found != str(SCHEMA_VERSION) and found not in _MIGRATIONS:
        raise StoreError(str(path), _unreadable(found))
    while found is not None and found in _MIGRATIONS:
        _MIGRATIONS[found](store)
        found = _schema_version(db)
    with transaction(db):
        for statement in _SCHEMA:
            db.execute(statement)
        db.execute(
            f"INSERT OR IGNORE INTO {MARKER_TABLE} VALUES ('schema_version', ?)",
            [str(SCHEMA_VERSION)],
        )


def stored_schema(db: duckdb.DuckDBPyConnection, path: Path) -> str | None:
    """The schema version of the store `db` has open; None for an empty database (a store
    about to be created). Raises StoreError for a DuckDB file that is not a store."""
    held = sorted(str(name) for (name,) in db.execute(_HELD).fetchall())
    if not held:
        return None
    found = _schema_version(db) if MARKER_TABLE in held else None
    if found is None:
        shown = ", ".join(held[:_LISTED]) + (", …" if len(held) > _LISTED else "")
        raise StoreError(
            str(path),
            f"a DuckDB database that is not a newsgraph store (it holds {shown}, and no "
            f"{MARKER_TABLE} table with a schema version; {FOREIGN})",
        )
    return found


def _unreadable(found: str) -> str:
    """Why a store of schema version `found` is refused (newer, or none newsgraph wrote)."""
    newer = found.isdigit() and int(found) > SCHEMA_VERSION
    who = "a newer newsgraph wrote it" if newer else "no newsgraph writes that version"
    action = f"{FOREIGN}, or use that newsgraph" if newer else FOREIGN
    return f"it has schema version {found}, this newsgraph reads {SCHEMA_VERSION} ({who}; {action})"


def _configure(db: duckdb.DuckDBPyConnection) -> None:
    db.execute(f"SET checkpoint_threshold = '{CHECKPOINT_THRESHOLD}'")
    try:
        db.execute(f"SET disabled_compression_methods = '{UNCOMPRESSED}'")
    except duckdb.Error as error:  # an older DuckDB: it compresses as it always has
        log.debug("keeping DuckDB's string compression: %s", error)


def _schema_version(db: duckdb.DuckDBPyConnection) -> str | None:
    row = db.execute(f"SELECT value FROM {MARKER_TABLE} WHERE name = 'schema_version'").fetchone()
    return str(row[0]) if row else None


def _migrate_from_1(store: DuckStore) -> None:
    """Schema 1 → 2: each stored extraction's summary and normalised rows, written once
    (in one transaction: an interrupted migration leaves schema 1, done again next time).
    Decoding every stored result costs a few seconds per ten thousand; parsing them again
    would cost hours."""
    db = store.connection
    keys = store.stored_keys()
    log.warning(
        "the store %s was written by an older newsgraph (schema 1): adding what the graph is "
        "built from to its %d results, once",
        store.path,
        len(keys),
    )
    with transaction(db):
        db.execute("ALTER TABLE extractions ADD COLUMN article VARCHAR")
        for statement in TABLES:
            db.execute(statement)
        for start in range(0, len(keys), FETCH_ROWS):
            _add_rows(store, keys[start : start + FETCH_ROWS])
        db.execute(f"UPDATE {MARKER_TABLE} SET value = '2' WHERE name = 'schema_version'")


def _add_rows(store: DuckStore, keys: Sequence[StoreKey]) -> None:
    """Schema 1 → 2 for some stored results: their rows and their summary."""
    extractions = store.get(keys)
    store._insert_rows(keys, [article_rows(e) for e in extractions])
    store.connection.execute(
        "UPDATE extractions e SET article = u.article FROM (SELECT "
        "unnest($1::VARCHAR[]) AS content, unnest($2::VARCHAR[]) AS pipeline, "
        "unnest($3::VARCHAR[]) AS article) u "
        "WHERE e.content = u.content AND e.pipeline = u.pipeline",
        [
            [k.content for k in keys],
            [k.pipeline for k in keys],
            [encode_processed(e.article) for e in extractions],
        ],
    )


def _migrate_from_2(store: DuckStore) -> None:
    """Schema 2 → 3: stances carry the trained model's confidence (NULL for the stances
    older versions stored, which the rules alone read)."""
    log.warning(
        "the store %s was written by an older newsgraph (schema 2): updating it", store.path
    )
    db = store.connection
    with transaction(db):
        db.execute("ALTER TABLE stances ADD COLUMN IF NOT EXISTS confidence DOUBLE")
        db.execute(f"UPDATE {MARKER_TABLE} SET value = '3' WHERE name = 'schema_version'")


def _migrate_from_3(store: DuckStore) -> None:
    """Schema 3 → 4: evidence shows the sentences around it, and says when its article was
    published. Each stored result gets the sentences next to those it quotes (`sentences`)
    and its article's date (kept in `articles` already) in its summary; in one transaction,
    decoding every stored result once, as schema 1 → 2 did."""
    db = store.connection
    keys = store.stored_keys()
    log.warning(
        "the store %s was written by an older newsgraph (schema 3): adding the sentences "
        "around the evidence and the article dates to its %d results, once",
        store.path,
        len(keys),
    )
    dates = dict(db.execute("SELECT content, date FROM articles").fetchall())
    with transaction(db):
        db.execute("DELETE FROM sentences")
        for start in range(0, len(keys), FETCH_ROWS):
            _add_context(store, keys[start : start + FETCH_ROWS], dates)
        db.execute(f"UPDATE {MARKER_TABLE} SET value = '4' WHERE name = 'schema_version'")


def _add_context(store: DuckStore, keys: Sequence[StoreKey], dates: dict[str, str]) -> None:
    """Schema 3 → 4 for some stored results: their sentences, and their date."""
    extractions = [
        replace(e, article=replace(e.article, date=dates.get(k.content) or e.article.date))
        for k, e in zip(keys, store.get(keys), strict=True)
    ]
    contents, pipelines = [k.content for k in keys], [k.pipeline for k in keys]
    sentences = [article_rows(e).sentences for e in extractions]
    db = store.connection
    db.execute(expand_statement("sentences"), [contents, pipelines, sentences])
    db.execute(
        "UPDATE extractions e SET data = u.data, article = u.article FROM (SELECT "
        "unnest($1::VARCHAR[]) AS content, unnest($2::VARCHAR[]) AS pipeline, "
        "unnest($3::VARCHAR[]) AS data, unnest($4::VARCHAR[]) AS article) u "
        "WHERE e.content = u.content AND e.pipeline = u.pipeline",
        [
            contents,
            pipelines,
            [encode_extraction(e) for e in extractions],
            [encode_processed(e.article) for e in extractions],
        ],
    )


#: How to bring a store of an older schema (the key) up to date, one version at a time.
_MIGRATIONS: dict[str, Callable[[DuckStore], None]] = {
    "1": _migrate_from_1,
    "2": _migrate_from_2,
    "3": _migrate_from_3,
}
