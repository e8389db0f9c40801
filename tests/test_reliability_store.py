"""Reliability of the store under attack (issue 17, items 7, 8, 9 and 14), on real files: a
real SQLite file, a real damaged DuckDB file, a real full disk, someone else's DuckDB file and
a store written by a newer newsgraph; and merging under thousands of alias groups. Each test
reproduces what the attack found."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
import textwrap
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import duckdb
import pytest

from graph.aliases import AliasRules
from graph.canonical import KeyFacts, canonicalise_keys
from graph.names import entity_key
from graph.store import DuckStore, StoreError, open_store

from .test_store import _stored

ROOT = Path(__file__).resolve().parent.parent
#: A DuckDB file's data blocks start after its three 4 KiB headers, 256 KiB each.
FIRST_BLOCK = 3 * 4096
BLOCK_SIZE = 256 * 1024
#: Results in the store the damaged-file tests corrupt: enough for several data blocks.
RESULTS = 200
OUTSIDE = "enable_external_access"


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _tables(path: Path) -> list[str]:
    with duckdb.connect(str(path), read_only=True) as db:
        rows = db.execute("SELECT table_name FROM duckdb_tables()").fetchall()
        return sorted(name for (name,) in rows)


def _store_with_results(path: Path) -> list:  # type: ignore[type-arg]
    results = [_stored(f"a{i}") for i in range(RESULTS)]
    with open_store(path) as store:
        store.put(results)
    return [r.key for r in results]


def _flip(path: Path, offsets: list[int]) -> None:
    """Invert 16 bytes at each offset, as a failing disk or a bad copy would."""
    data = bytearray(path.read_bytes())
    for offset in offsets:
        data[offset : offset + 16] = bytes(b ^ 0xFF for b in data[offset : offset + 16])
    path.write_bytes(bytes(data))


# --- 7: the store never reaches the network ---------------------------------------------------


def test_a_sqlite_file_given_as_store_is_refused_without_fetching_an_extension(
    tmp_path: Path,
) -> None:
    """Handed to DuckDB, a SQLite file made it download `sqlite_scanner` into
    ~/.duckdb/extensions. It is refused from its first bytes, named, and left as it is."""
    path = tmp_path / "notes.sqlite"
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE notes (body TEXT)")
        db.execute("INSERT INTO notes VALUES ('keep me')")
    db.close()
    before = _digest(path)
    article = tmp_path / "article.txt"
    article.write_text("Emmanuel Macron a soutenu Angela Merkel à Berlin.\n", encoding="utf-8")
    home = tmp_path / "home"
    home.mkdir()
    command = ["build", str(article), "-o", str(tmp_path / "out"), "--store", str(path), "-q"]
    run = subprocess.run(
        [sys.executable, "-m", "graph", *command],
        cwd=ROOT,
        env={**os.environ, "HOME": str(home)},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 1, run.stderr
    assert "notes.sqlite" in run.stderr and "a SQLite database, not a newsgraph store" in run.stderr
    assert "Traceback" not in run.stderr and "download" not in run.stderr
    assert not (home / ".duckdb").exists()
    assert _digest(path) == before


def test_the_store_connection_installs_loads_and_reads_nothing_else(tmp_path: Path) -> None:
    """Whatever SQL runs on the store's connection, DuckDB reaches no other file and
    fetches no extension."""
    elsewhere = tmp_path / "elsewhere.csv"
    elsewhere.write_text("a,b\n1,2\n", encoding="utf-8")
    with open_store(tmp_path / "s.duckdb") as store:
        assert isinstance(store, DuckStore)
        db = store.connection
        for setting in ("autoinstall_known_extensions", "autoload_known_extensions", OUTSIDE):
            assert db.execute(f"SELECT current_setting('{setting}')").fetchone() == (False,)
        with pytest.raises(duckdb.PermissionException):
            db.execute("SELECT * FROM read_csv(?)", [str(elsewhere)]).fetchall()


# --- 8: store errors tell the real cause -------------------------------------------------------


def test_a_damaged_first_block_is_told_as_damage_not_as_a_lock(tmp_path: Path) -> None:
    """DuckDB's "… in block at location …" once matched "lock": the user was told another
    run was using the store."""
    path = tmp_path / "s.duckdb"
    _store_with_results(path)
    _flip(path, [FIRST_BLOCK + 100])
    with pytest.raises(StoreError) as raised:
        open_store(path).__enter__()
    message = str(raised.value)
    assert str(path) in message and "Corrupt database file" in message
    assert "the file is damaged: delete it" in message
    assert "another newsgraph run" not in message


def test_a_damaged_data_block_read_later_is_a_store_error_not_a_duckdb_traceback(
    tmp_path: Path,
) -> None:
    """A block DuckDB reads only when the results are fetched raised a raw `_duckdb.Error`."""
    path = tmp_path / "s.duckdb"
    keys = _store_with_results(path)
    blocks = (path.stat().st_size - FIRST_BLOCK) // BLOCK_SIZE
    assert blocks > 2, "the store is too small to damage a block read only later"
    _flip(path, [FIRST_BLOCK + b * BLOCK_SIZE + 5000 for b in range(1, blocks)])
    damaged = r"s\.duckdb.*Corrupt database file.*damaged"
    with pytest.raises(StoreError, match=damaged), open_store(path) as store:
        assert isinstance(store, DuckStore)
        store.get(keys)
        for table in ("articles", "mentions", "stances", "sentences"):
            store.connection.execute(f"SELECT * FROM {table}").fetchall()


_FILL = """
import sys
from pathlib import Path
from graph.store import StoreError, open_store
from tests.test_store import _stored
try:
    with open_store(Path(sys.argv[1])) as store:
        for batch in range(1000):
            store.put([_stored(f"a{batch}-{i}") for i in range(100)])
    print("never full")
except StoreError as error:
    print(f"committed {batch} | {error}")
"""
_COUNT = """
import sys
from pathlib import Path
from graph.store import open_store
with open_store(Path(sys.argv[1])) as store:
    print(f"stored {store.count()}")
"""


def _unshared_tmpfs() -> bool:
    """Whether this machine lets us mount a private tmpfs (a user and mount namespace)."""
    if shutil.which("unshare") is None:
        return False
    probe = subprocess.run(
        ["unshare", "-rm", "sh", "-c", "mount -t tmpfs -o size=1m tmpfs /mnt"],
        capture_output=True,
    )
    return probe.returncode == 0


@pytest.mark.skipif(not _unshared_tmpfs(), reason="needs unshare and a mountable tmpfs")
def test_a_full_disk_during_a_commit_is_told_and_the_committed_batches_survive(
    tmp_path: Path,
) -> None:
    """On a really full file system (a 2 MB tmpfs of our own), the failed commit was hidden
    behind "cannot rollback - no transaction is active". The user is told the disk is full;
    once space is freed, every batch committed before is there."""
    disk = tmp_path / "disk"
    disk.mkdir()
    (tmp_path / "fill.py").write_text(_FILL, encoding="utf-8")
    (tmp_path / "count.py").write_text(_COUNT, encoding="utf-8")
    store = disk / "s.duckdb"
    script = textwrap.dedent(
        f"""\
        mount -t tmpfs -o size=2m tmpfs {disk} || exit 99
        {sys.executable} {tmp_path / "fill.py"} {store}
        mount -o remount,size=64m {disk}
        {sys.executable} {tmp_path / "count.py"} {store}
        """
    )
    run = subprocess.run(
        ["unshare", "-rm", "sh", "-c", script],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert run.returncode == 0, run.stderr
    filled, counted = run.stdout.splitlines()
    committed, message = filled.removeprefix("committed ").split(" | ", 1)
    assert str(store) in message and "No space left on device" in message
    assert "the disk is full" in message and "cannot rollback" not in message
    assert "Traceback" not in run.stderr
    assert counted == f"stored {int(committed) * 100}"


# --- 9: what must be refused is left untouched ----------------------------------------------


def _refused_untouched(path: Path, check: Callable[[str], None]) -> None:
    tables, digest = _tables(path), _digest(path)
    with pytest.raises(StoreError) as raised:
        open_store(path).__enter__()
    assert _tables(path) == tables
    assert _digest(path) == digest
    check(str(raised.value))


def test_a_store_of_a_newer_schema_is_refused_before_anything_is_written(tmp_path: Path) -> None:
    """A newer newsgraph's store (its own tables, schema 99) got this version's tables
    created in it before being refused."""
    path = tmp_path / "newer.duckdb"
    with duckdb.connect(str(path)) as db:
        db.execute("CREATE TABLE store_info (name VARCHAR PRIMARY KEY, value VARCHAR)")
        db.execute("INSERT INTO store_info VALUES ('schema_version', '99')")
        db.execute("CREATE TABLE results (content VARCHAR, data VARCHAR)")

    def check(message: str) -> None:
        assert "newer.duckdb" in message and "schema version 99" in message
        assert "a newer newsgraph wrote it" in message

    _refused_untouched(path, check)


def test_someone_elses_duckdb_file_is_refused_not_taken_over(tmp_path: Path) -> None:
    """A DuckDB file holding a `sales` table was silently made a store (seven tables added)."""
    path = tmp_path / "sales.duckdb"
    with duckdb.connect(str(path)) as db:
        db.execute("CREATE TABLE sales (day DATE, amount DECIMAL(10, 2))")
        db.execute("INSERT INTO sales VALUES ('2026-12-01', 12.50)")

    def check(message: str) -> None:
        assert "sales.duckdb" in message and "not a newsgraph store" in message
        assert "it holds sales" in message and "choose another --store" in message

    _refused_untouched(path, check)


# --- 14: alias merging grows with names, not with groups × entities ----------------------------

#: People and alias groups of the synthetic corpus below.
PEOPLE = 600


def _person(i: int) -> str:
    """A full name whose surname starts differently for each of the first 676 people (so
    the possible-duplicate check, which compares names of one prefix, stays small)."""
    return f"Jean {chr(97 + i % 26)}{chr(97 + i // 26 % 26)}mont{i}"


def test_thousands_of_alias_groups_cost_one_look_up_per_name(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Every [[merge]] group scanned every entity (and every union every [[keep_apart]]
    group): 5,000 + 5,000 groups made a 2,000-article rebuild 19 times slower. Each name is
    now keyed once, whatever the number of groups, and the groups still apply."""
    keys = {
        entity_key(_person(i)): KeyFacts(Counter(PER=1), {_person(i)}, 1) for i in range(PEOPLE)
    }
    merges = tuple(
        (frozenset({entity_key(_person(i)), entity_key(_person(i + 1))}), f"Group {i}")
        for i in range(0, PEOPLE, 2)
    )
    apart = tuple(
        frozenset({entity_key(_person(i)), entity_key(_person(i + 2))}) for i in range(PEOPLE - 2)
    )
    rules = AliasRules(merges, apart)
    calls = Counter[str]()

    def counted(name: str) -> str:
        calls[name] += 1
        return entity_key(name)

    monkeypatch.setattr("graph.canonical.entity_key", counted)
    canonical = canonicalise_keys(keys, rules)
    assert sum(calls.values()) <= 2 * PEOPLE
    for i in range(0, PEOPLE, 2):
        node = canonical(entity_key(_person(i)))
        assert canonical(entity_key(_person(i + 1))) == node
        assert canonical.labels[node] == f"Group {i}"
    assert len(set(canonical.mapping.values())) == PEOPLE // 2
