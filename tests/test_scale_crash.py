"""A build killed outright (kill -9) in the middle of extraction leaves a consistent store;
the next run resumes from it, and the result is exactly a clean run's."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import duckdb
import psutil
import pytest

from graph.articles import read_articles
from graph.build import build_graph
from graph.cli import EXIT_OK
from graph.export import graph_to_json
from graph.extract import extract
from graph.nlp import Pipelines
from graph.pipeline import BuildOptions, manifest_data, stance_account

from .test_scale_corpus import write_french_articles

ARTICLES = 30
#: Long enough for a model load and 30 small articles on a busy 2-core machine.
TIMEOUT_SECONDS = 180
#: Worker processes check for their parent every second (graph.parallel).
ORPHAN_GRACE_SECONDS = 10


def _newsgraph(*args: str) -> list[str]:
    return [sys.executable, "-m", "graph", "build", *args]


class _Stderr:
    """A child's stderr, read as it comes (the progress bar says what was committed)."""

    def __init__(self, process: subprocess.Popen[bytes]) -> None:
        assert process.stderr is not None
        self.text = ""
        self._stream = process.stderr
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        while chunk := self._stream.read1(4096):
            self.text += chunk.decode("utf-8", "replace")

    def articles_done(self) -> int:
        return max((int(n) for n in re.findall(rf"(\d+)/{ARTICLES} ", self.text)), default=0)


def _kill_after_first_commit(command: list[str]) -> tuple[int, list[psutil.Process]]:
    """Start `command`, SIGKILL it once its progress bar shows stored articles: how many it
    showed, and the processes it had started."""
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    stderr = _Stderr(process)
    deadline = time.monotonic() + TIMEOUT_SECONDS
    while stderr.articles_done() == 0 and process.poll() is None:
        assert time.monotonic() < deadline, stderr.text
        time.sleep(0.005)
    children = psutil.Process(process.pid).children(recursive=True)
    os.kill(process.pid, signal.SIGKILL)
    assert process.wait() == -signal.SIGKILL, f"the run ended before it was killed: {stderr.text}"
    return stderr.articles_done(), children


def _rows(store: Path) -> tuple[int, int, int]:
    with duckdb.connect(str(store), read_only=True) as db:
        row = db.execute(
            "SELECT count(*), count(DISTINCT content), "
            "(SELECT count(DISTINCT id) FROM articles) FROM extractions"
        ).fetchone()
    assert row is not None
    return int(row[0]), int(row[1]), int(row[2])


@pytest.mark.slow
@pytest.mark.parametrize("workers", ["1", "2"])
def test_a_killed_build_resumes_and_ends_exactly_like_a_clean_run(
    tmp_path: Path, pipelines: Pipelines, workers: str
) -> None:
    inputs = tmp_path / "in"
    write_french_articles(inputs, range(ARTICLES))
    out, store = tmp_path / "out", tmp_path / "out" / "newsgraph.duckdb"
    options = ["--store", "--batch-size", "1", "--workers", workers]
    command = _newsgraph(str(inputs), "-o", str(out), *options)

    seen, children = _kill_after_first_commit(command)
    _, alive = psutil.wait_procs(children, timeout=ORPHAN_GRACE_SECONDS)
    assert not alive  # no worker outlives the build that started it
    stored, distinct, ids = _rows(store)
    assert 0 < seen <= stored < ARTICLES  # killed mid-extraction, committed batches kept
    assert stored == distinct == ids
    assert not (out / "manifest.json").exists()  # the killed run wrote no outputs

    resumed = subprocess.run(command, capture_output=True, text=True, check=False)
    assert resumed.returncode == EXIT_OK, resumed.stderr
    assert f"{stored} articles taken from the store, {ARTICLES - stored} parsed" in resumed.stderr
    assert _rows(store) == (ARTICLES, ARTICLES, ARTICLES)

    clean = extract(read_articles([inputs]), pipelines=pipelines)
    clean_graph = graph_to_json(build_graph(clean.articles))
    assert json.loads((out / "graph.json").read_text(encoding="utf-8")) == clean_graph
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest == manifest_data(clean.summary, stance_account(clean.summary, BuildOptions()))
