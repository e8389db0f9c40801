"""The same inputs give the same outputs, byte for byte, whatever Python's string hash: a
set's order changes with `PYTHONHASHSEED` from one process to the next, and nothing a build
writes may follow it (a merged node's type once did, see tests/test_canonical.py)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from .test_report_corpus import CORPUS, corpus_lines

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
FRENCH, ENGLISH = 60, 20


def _build(inputs: list[Path], out: Path, seed: int) -> None:
    subprocess.run(
        [sys.executable, "-m", "graph", "build", *map(str, inputs), "-o", str(out), "-q"],
        cwd=ROOT,
        env={**os.environ, "PYTHONHASHSEED": str(seed)},
        check=True,
        capture_output=True,
        text=True,
    )


def test_two_builds_under_different_hash_seeds_write_the_same_files(tmp_path: Path) -> None:
    if not CORPUS.is_file():
        pytest.skip(f"the bulk corpus is not at {CORPUS}")
    bulk = tmp_path / "bulk.jsonl"
    bulk.write_text("".join(corpus_lines(CORPUS, FRENCH, ENGLISH)), encoding="utf-8")
    inputs = [ROOT / "examples" / "articles", bulk]
    _build(inputs, tmp_path / "one", seed=1)
    _build(inputs, tmp_path / "two", seed=2)
    written = sorted(p.name for p in (tmp_path / "one").iterdir() if p.is_file())
    assert {"graph.json", "report.html", "manifest.json", "nodes.csv"} <= set(written)
    assert written == sorted(p.name for p in (tmp_path / "two").iterdir() if p.is_file())
    differing = [
        name
        for name in written
        if not name.endswith((".duckdb", ".wal"))
        and (tmp_path / "one" / name).read_bytes() != (tmp_path / "two" / name).read_bytes()
    ]
    assert differing == []
