"""The store's file: opened so that DuckDB can touch nothing else, and its failures told plainly.

DuckDB can do much more than keep our tables: given a SQLite file it downloads an extension
to read it (creating `~/.duckdb/extensions`), and its SQL can read and write any file. The
store needs none of that, and nothing may be downloaded at run time, so the connection is
opened with extension auto-install and auto-load, community extensions and external access
all off (`SAFE_CONFIG`), and a file that is not a DuckDB database is refused from its first
bytes, before DuckDB opens it.

DuckDB names a failure in its own terms ("Corrupt database file: computed checksum …",
"Failed to commit: … No space left on device"); `store_error` keeps those words, names the
file, and adds what they mean for whoever runs newsgraph and what to do about it.

>>> with transaction(connect(Path("out/newsgraph.duckdb"))):  # doctest: +SKIP
...     ...
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from graph.errors import StoreError

log = logging.getLogger(__name__)

#: DuckDB settings of every store connection: nothing installed, loaded or read but the
#: store itself (https://duckdb.org/docs/stable/operations_manual/securing_duckdb).
SAFE_CONFIG: dict[str, str | bool | int | float | list[str]] = {
    "autoinstall_known_extensions": False,
    "autoload_known_extensions": False,
    "allow_community_extensions": False,
    "allow_unsigned_extensions": False,
    "allow_persistent_secrets": False,
    "enable_external_access": False,
}
#: A DuckDB file holds these bytes after its 8-byte header checksum.
DUCKDB_MAGIC = b"DUCK"
DUCKDB_MAGIC_AT = 8
#: Files people may give as --store by mistake, known from their first bytes.
_OTHER_FORMATS = (
    (b"SQLite format 3\x00", "a SQLite database"),
    (b"PAR1", "a Parquet file"),
    (b"PK\x03\x04", "a ZIP archive"),
)
#: Bytes read to tell a file's format.
_HEAD_BYTES = 16
FOREIGN = "newsgraph leaves it as it is: choose another --store"
IN_USE = "is another newsgraph run using it? wait for it, or choose another --store"
DAMAGED = (
    "the file is damaged: delete it (it is only a cache: the next build parses the "
    "articles again), or choose another --store"
)
DISK_FULL = (
    "the disk is full: free some space and run again; the batches committed before are "
    "kept, and the run resumes from them"
)
NOT_WRITABLE = "newsgraph may not write there: choose another --store"
NO_MEMORY = "DuckDB ran out of memory: close other programs, or use a smaller --batch-size"
#: What DuckDB's words mean, first match wins. Whole phrases only: "lock" alone is also
#: inside "block", which a damaged file's message names.
_MEANINGS = (
    (re.compile(r"Could not set lock on file|Conflicting lock is held"), IN_USE),
    (re.compile(r"No space left on device|Disk quota exceeded|File too large"), DISK_FULL),
    (
        re.compile(r"Corrupt|checksum|not a valid DuckDB database"),
        DAMAGED,
    ),
    (re.compile(r"Permission denied|Read-only file system|Operation not permitted"), NOT_WRITABLE),
    (re.compile(r"Out of Memory|failed to allocate|could not allocate", re.IGNORECASE), NO_MEMORY),
)


def connect(path: Path) -> duckdb.DuckDBPyConnection:
    """A connection to the DuckDB file at `path` (created if missing) with `SAFE_CONFIG`.

    Raises StoreError, naming the file, when it is not a DuckDB database, is in use by
    another process, is damaged, or cannot be created.
    """
    check_header(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise StoreError(str(path), f"cannot create its folder: {error.strerror}") from error
    try:
        return duckdb.connect(str(path), config=SAFE_CONFIG)
    except duckdb.Error as error:
        raise store_error(path, error, "cannot open it") from error


def check_header(path: Path) -> None:
    """Refuse a file that is not a DuckDB database, from its first bytes: handed to DuckDB,
    a SQLite file would make it look for an extension to read it with."""
    try:
        with path.open("rb") as file:
            head = file.read(_HEAD_BYTES)
    except FileNotFoundError:
        return
    except OSError as error:
        raise StoreError(str(path), f"cannot read it: {error.strerror}") from error
    if head[DUCKDB_MAGIC_AT : DUCKDB_MAGIC_AT + len(DUCKDB_MAGIC)] == DUCKDB_MAGIC:
        return
    kind = next(
        (name for magic, name in _OTHER_FORMATS if head.startswith(magic)),
        "an empty file" if not head else "not a DuckDB database",
    )
    raise StoreError(str(path), f"{kind}, not a newsgraph store ({FOREIGN})")


def store_error(path: Path, error: duckdb.Error, doing: str) -> StoreError:
    """A StoreError saying what failed (`doing`), with DuckDB's words and what they mean."""
    cause = " ".join(str(error).split())
    meaning = next((text for pattern, text in _MEANINGS if pattern.search(cause)), "")
    return StoreError(str(path), f"{doing}: {cause}" + (f" ({meaning})" if meaning else ""))


@contextmanager
def transaction(db: duckdb.DuckDBPyConnection) -> Iterator[None]:
    """Run the block in one transaction: committed when it ends, rolled back when it raises
    (Ctrl-C included), so a store is never left half-written.

    A commit that fails (a full disk) has already ended the transaction, and DuckDB's
    error is the one to tell: nothing is rolled back after it.
    """
    db.begin()
    try:
        yield
    except BaseException:
        _roll_back(db)
        raise
    db.commit()


def _roll_back(db: duckdb.DuckDBPyConnection) -> None:
    """Undo the block's writes. When DuckDB has already ended the transaction itself, there
    is nothing to undo, and the error that brought us here must not be hidden by this one."""
    try:
        db.rollback()
    except duckdb.Error as error:
        log.debug("nothing to roll back: %s", error)


def close(connection: duckdb.DuckDBPyConnection, path: Path) -> None:
    """Close the store: DuckDB folds the write-ahead log into the file, which can fail on a
    full disk (a StoreError; what was committed stays in the log, read at the next open)."""
    try:
        connection.close()
    except duckdb.Error as error:
        raise store_error(path, error, "cannot close it") from error


def close_quietly(connection: duckdb.DuckDBPyConnection) -> None:
    """Close the store while another error is being raised, which is the one to tell."""
    try:
        connection.close()
    except duckdb.Error as error:
        log.debug("closing the store after an error failed too: %s", error)
