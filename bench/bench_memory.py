"""Peak memory and wall time of whole-process cold builds as the corpus doubles (issue 16's
target: peak memory flat within 20 % from 1,000 to 2,000 articles).

    .venv/bin/python bench/bench_memory.py [--corpus PATH] [--sizes 1000 2000] [--workers 2]

For each size, the first N lines of the bulk corpus are copied to a temporary JSONL and
built by `python -m graph build CORPUS -o OUT --store STORE --workers W -q` into a fresh
store and output folder under /tmp. The process tree (the build and its spawned workers) is
sampled every SAMPLE_SECONDS with psutil; it prints, per size, the wall time, the peak of
the tree's summed RSS, the build process's own peak and the largest worker's peak, then
each figure's ratio between the last and the first size. Sampling can miss a spike shorter
than a sample, so each process's own high-water mark (VmHWM, kept by the kernel) is read
too: their sum bounds the tree's true peak from above (loosely for a corpus mixing
languages, whose worker pools run one after the other).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "bulk" / "gilets_jaunes.jsonl"
SAMPLE_SECONDS = 0.2
GIB = 1024**3


@dataclass
class Run:
    """What one build cost: wall seconds and peak RSS in bytes."""

    articles: int
    seconds: float = 0.0
    tree: int = 0  # the build and its workers together, at the worst moment
    parent: int = 0  # the build process alone
    worker: int = 0  # the largest worker
    exit_code: int = 0
    #: Each process's own peak RSS (VmHWM), by pid, as last read.
    high_water: dict[int, int] = field(default_factory=dict)

    @property
    def high_water_sum(self) -> int:
        return sum(self.high_water.values())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 2000])
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    lines = args.corpus.read_text(encoding="utf-8").splitlines(keepends=True)
    runs = []
    for size in args.sizes:
        with tempfile.TemporaryDirectory(prefix="newsgraph-memory-", dir="/tmp") as folder:
            corpus = Path(folder) / f"bulk_{size}.jsonl"
            corpus.write_text("".join(lines[:size]), encoding="utf-8")
            run = measure(corpus, Path(folder), size, args.workers)
        runs.append(run)
        show(run)
    first, last = runs[0], runs[-1]
    ratios = [
        f"time {last.seconds / first.seconds:.2f}",
        f"peak tree RSS {last.tree / first.tree:.2f}",
        f"build process {last.parent / first.parent:.2f}",
        f"largest worker {last.worker / max(first.worker, 1):.2f}",
        f"sum of per-process peaks {last.high_water_sum / first.high_water_sum:.2f}",
    ]
    print(f"ratio {last.articles} / {first.articles} articles: " + ", ".join(ratios))


def measure(corpus: Path, folder: Path, size: int, workers: int) -> Run:
    """One cold build into a fresh store, sampled until it ends."""
    command = [sys.executable, "-m", "graph", "build", str(corpus), "-o", str(folder / "out")]
    command += ["--store", str(folder / "store.duckdb"), "--workers", str(workers), "-q"]
    run = Run(size)
    start = time.perf_counter()
    process = subprocess.Popen(
        command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    watched = psutil.Process(process.pid)
    while True:
        _sample(watched, run)
        reaped, status = os.waitpid(process.pid, os.WNOHANG)
        if reaped:
            break
        time.sleep(SAMPLE_SECONDS)
    run.seconds = time.perf_counter() - start
    run.exit_code = os.waitstatus_to_exitcode(status)
    return run


def _sample(watched: psutil.Process, run: Run) -> None:
    try:
        children = watched.children(recursive=True)
        parent = watched.memory_info().rss
        workers = [child.memory_info().rss for child in children]
        for process in (watched, *children):  # a process that ended reads as 0: keep its max
            peak = _high_water(process.pid)
            run.high_water[process.pid] = max(run.high_water.get(process.pid, 0), peak)
    except (psutil.Error, OSError):  # the build or a worker ended between two calls
        return
    run.parent = max(run.parent, parent)
    run.worker = max(run.worker, *workers, 0)
    run.tree = max(run.tree, parent + sum(workers))


def _high_water(pid: int) -> int:
    """The process's peak resident set so far, in bytes, as the kernel counts it."""
    with open(f"/proc/{pid}/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
    return 0


def show(run: Run) -> None:
    minutes, seconds = divmod(run.seconds, 60)
    print(
        f"{run.articles} articles: {int(minutes)} min {seconds:.0f} s, "
        f"peak RSS of the process tree {run.tree / GIB:.2f} GiB "
        f"(build process {run.parent / GIB:.2f}, largest worker {run.worker / GIB:.2f}); "
        f"sum of per-process peaks {run.high_water_sum / GIB:.2f} GiB "
        f"({len(run.high_water)} processes), "
        f"exit {run.exit_code}",
        flush=True,
    )


if __name__ == "__main__":
    main()
