"""What an alias file costs a rebuild from the store: the bulk corpus rebuilt with no alias
file, with every suggested duplicate confirmed, and with thousands of synthetic groups.

    .venv/bin/python bench/bench_aliases.py --store /tmp/bulk.duckdb [--corpus PATH]
        [--runs 3] [--groups 5000]

Every measure is a whole `python -m graph build CORPUS --store STORE -o OUT -q` process,
timed from outside, into a fresh output folder (so the outputs are always written again:
what changing the alias file costs). The store must hold the corpus already: when `--store`
does not exist, it is built once first (minutes: spaCy parses every article), and reused as
it is afterwards. The cases:

1. plain: no alias file;
2. duplicates: an alias file with one [[merge]] group per possible duplicate the plain
   build suggests (what a user confirming all of them writes);
3. groups: `--groups` [[merge]] and as many [[keep_apart]] groups, two names each, drawn
   (seeded) from the names of the plain build's nodes.

The cases are run in turn `--runs` times (interleaved, so a busy machine slows them
alike); it prints each case's median seconds and its ratio to the plain rebuild (the target
for 3 is ≤ 2).
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "bulk" / "gilets_jaunes.jsonl"
SEED = 17
GROUP_SIZE = 2


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path, required=True)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--groups", type=int, default=5000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        if not args.store.exists():
            print(f"building the store {args.store} once (every article is parsed)…")
            print(f"  cold build: {_build(args.corpus, args.store, work / 'cold', None):.1f} s")
        _build(args.corpus, args.store, work / "first", None)
        graph = json.loads((work / "first" / "graph.json").read_text(encoding="utf-8"))
        cases = {
            "plain rebuild": None,
            f"{len(graph['graph']['possible_duplicates'])} duplicates confirmed": _alias_file(
                work / "duplicates.toml", _duplicate_groups(graph), []
            ),
            f"{args.groups} merge + {args.groups} keep-apart groups": _synthetic(
                work / "groups.toml", graph, args.groups
            ),
        }
        times: dict[str, list[float]] = {name: [] for name in cases}
        for run in range(args.runs):
            for index, (name, aliases) in enumerate(cases.items()):
                out = work / f"out-{run}-{index}"
                times[name].append(_build(args.corpus, args.store, out, aliases))
    _report(graph, times, args.runs)


def _build(corpus: Path, store: Path, out: Path, aliases: Path | None) -> float:
    """Seconds of one whole build process (it must succeed: exit 0 or 3, some skipped)."""
    command = [sys.executable, "-m", "graph", "build", str(corpus), "-o", str(out)]
    command += ["--store", str(store), "-q"] + (["--aliases", str(aliases)] if aliases else [])
    start = time.perf_counter()
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - start
    if done.returncode not in (0, 3):
        raise SystemExit(f"build failed ({done.returncode}): {done.stderr[-2000:]}")
    return seconds


def _duplicate_groups(graph: dict) -> list[list[str]]:  # type: ignore[type-arg]
    labels = {node["id"]: node["label"] for node in graph["nodes"]}
    return [[labels[d["a"]], labels[d["b"]]] for d in graph["graph"]["possible_duplicates"]]


def _synthetic(path: Path, graph: dict, groups: int) -> Path:  # type: ignore[type-arg]
    """`groups` merge and `groups` keep-apart groups of names the corpus really has."""
    names = sorted({name for node in graph["nodes"] for name in node["aliases"]})
    draw = random.Random(SEED)
    merges = [draw.sample(names, GROUP_SIZE) for _ in range(groups)]
    apart = [draw.sample(names, GROUP_SIZE) for _ in range(groups)]
    return _alias_file(path, merges, apart)


def _alias_file(path: Path, merges: list[list[str]], apart: list[list[str]]) -> Path:
    lines = []
    for table, groups in (("merge", merges), ("keep_apart", apart)):
        for names in groups:
            lines += [f"[[{table}]]", f"names = {json.dumps(names, ensure_ascii=False)}", ""]
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def _report(graph: dict, times: dict[str, list[float]], runs: int) -> None:  # type: ignore[type-arg]
    print(f"nodes: {len(graph['nodes'])}  edges: {len(graph['links'])}  runs: {runs}")
    plain = statistics.median(next(iter(times.values())))
    for name, seconds in times.items():
        median = statistics.median(seconds)
        each = " ".join(f"{s:.1f}" for s in seconds)
        print(f"{name:<40} median {median:7.2f} s  ({each})  ratio {median / plain:.2f}x")


if __name__ == "__main__":
    main()
