"""Start-up and rebuild as a user sees them: whole processes, interleaved, median of N.

    .venv/bin/python bench/bench_startup.py [--articles 150] [--repeat 3] [--profile]
        [--rebuild-only] [--compare FOLDER]

Each repetition runs, one after the other (so a slow moment of the machine hits them all),
in an order that alternates from one repetition to the next (see `_order`):

1. `newsgraph --help` (what the console script runs: ``graph.cli.main``);
2. `python -c "import graph"`;
3. bare spaCy: load the French model and ``nlp.pipe`` the same texts (the floor for parsing);
4. a cold build of the articles (empty store and output folder, `--store`);
5. the same build again, nothing changed (every article in the store, outputs up to date).

The articles are the first N French ones of `shared/corpus/bulk/gilets_jaunes.jsonl`, written
to a temporary JSONL file. Prints each median in seconds, the ratios and the issue's targets
(`--help` ≤ 0.4 s, `import graph` ≤ 0.5 s, rebuild ≥ 30x faster than cold on 150 articles,
≥ 50x on 1,000). `--rebuild-only` runs 4 and 5 alone (the 1,000-article figure: its bare
spaCy run would add minutes and say nothing new). `--profile` then runs one more cold build
and one more unchanged rebuild under cProfile and prints where their time goes.
`--compare FOLDER` adds, in each repetition, a cold build by the `graph` package of another
checkout (``git worktree add /tmp/before HEAD~1``; it is put first on `PYTHONPATH`), so a
change is measured against the code before it in the same run.
"""

from __future__ import annotations

import argparse
import json
import os
import pstats
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "bulk" / "gilets_jaunes.jsonl"
CONSOLE_SCRIPT = "import sys; from graph.cli import main; sys.exit(main())"
BARE_SPACY = """
import json, sys, spacy
texts = [json.loads(line)["text"] for line in open(sys.argv[1], encoding="utf-8")]
nlp = spacy.load("fr_core_news_md")
for doc in nlp.pipe(texts, batch_size=32):
    pass
"""
TARGETS = {"help": 0.4, "import": 0.5}
#: Articles → how many times faster than its cold build an unchanged rebuild must be.
REBUILD_TARGETS = {150: 30.0, 1000: 50.0}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=150)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--profile", action="store_true", help="also profile one cold build")
    parser.add_argument("--rebuild-only", action="store_true", help="cold and rebuild only")
    parser.add_argument("--compare", type=Path, help="a checkout whose cold build runs beside")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        inputs = work / "articles.jsonl"
        words = _write_subset(args.corpus, inputs, args.articles)
        print(f"{args.articles} French articles, {words:,} words; {args.repeat} repetitions")
        times = _measure(inputs, work, args.repeat, args.rebuild_only, args.compare)
        _report(times, _rebuild_target(args.articles))
        if args.profile:
            _profile(inputs, work)


def _write_subset(corpus: Path, target: Path, count: int) -> int:
    """The first `count` French records with text, as JSONL; returns their word count."""
    rows = []
    with corpus.open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            if record.get("lang") == "fr" and record.get("text"):
                rows.append({k: record.get(k) for k in ("id", "text", "title", "lang")})
                if len(rows) == count:
                    break
    target.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    return sum(len(str(r["text"]).split()) for r in rows)


def _rebuild_target(articles: int) -> float:
    """The issue's rebuild target for a corpus of this size (the largest size it covers)."""
    return max((t for n, t in REBUILD_TARGETS.items() if n <= articles), default=30.0)


def _measure(
    inputs: Path,
    work: Path,
    repeat: int,
    rebuild_only: bool = False,
    compare: Path | None = None,
) -> dict[str, list[tuple[float, float]]]:
    """Seconds of each command, wall-clock and CPU (user + system), interleaved: one of
    each per repetition. CPU time is what a shared, loaded machine distorts least."""
    times: dict[str, list[tuple[float, float]]] = {}
    for rep in range(repeat):
        build = _build_command(inputs, work / f"out{rep}")
        commands: dict[str, tuple[list[str], Path | None]] = {
            "help": (["-c", CONSOLE_SCRIPT, "--help"], None),
            "import": (["-c", "import graph"], None),
            "bare spaCy": (["-c", BARE_SPACY, str(inputs)], None),
            "cold build": (build, None),
            "unchanged rebuild": (build, None),
        }
        if rebuild_only:
            commands = {k: v for k, v in commands.items() if k.endswith("build")}
        if compare is not None:
            compared = _build_command(inputs, work / f"compared{rep}")
            commands["cold build, compared"] = (compared, compare)
        for name in _order(list(commands), rep):
            arguments, checkout = commands[name]
            times.setdefault(name, []).append(_seconds(arguments, checkout))
    return times


def _order(names: list[str], rep: int) -> list[str]:
    """The commands of one repetition, in an order that alternates what runs after a heavy
    command. With a fixed order, where the cold build always ran right after bare spaCy and
    the compared one did not, three runs put the two up to 1.8 s apart (of 25 s), when
    alternated runs of the same two builds differed by 0.2 s. Even repetitions run both
    builds after a heavy command, odd ones after a light one."""
    heavy_first = ["cold build, compared", "help", "import", "bare spaCy", "cold build"]
    light_first = ["help", "import", "cold build", "unchanged rebuild", "cold build, compared"]
    chosen = heavy_first if rep % 2 == 0 else light_first
    ordered = [name for name in chosen if name in names]
    return ordered + [name for name in names if name not in ordered]


def _build_command(inputs: Path, out: Path) -> list[str]:
    """`python` arguments for `newsgraph build` of `inputs` into `out`, with a store."""
    return ["-c", CONSOLE_SCRIPT, "build", str(inputs), "-o", str(out), "--store", "-q"]


def _seconds(arguments: Sequence[str], checkout: Path | None = None) -> tuple[float, float]:
    """Wall-clock and CPU seconds of one process running `python ARGUMENTS` (with the
    `graph` package of `checkout`, when given)."""
    environment, folder = dict(os.environ), ROOT
    if checkout is not None:
        # Run from the checkout too: `python -c` puts the working folder first on sys.path.
        folder = checkout.resolve()
        environment["PYTHONPATH"] = str(folder)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, *arguments],
        cwd=folder,
        check=True,
        capture_output=True,
        text=True,
        env=environment,
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    return wall, cpu


def _report(times: dict[str, list[tuple[float, float]]], rebuild_target: float) -> None:
    wall = {name: statistics.median(w for w, _ in runs) for name, runs in times.items()}
    cpu = {name: statistics.median(c for _, c in runs) for name, runs in times.items()}
    for name, runs in times.items():
        each = " ".join(f"{w:.2f}" for w, _ in runs)
        target = f"  (target ≤ {TARGETS[name]} s)" if name in TARGETS else ""
        print(
            f"{name:<18} median {wall[name]:7.2f} s (CPU {cpu[name]:6.2f} s)  runs {each}{target}"
        )
    for label, median in (("wall-clock", wall), ("CPU", cpu)):
        rebuild = median["cold build"] / median["unchanged rebuild"]
        line = f"{label}: cold / unchanged rebuild {rebuild:.1f}x (target ≥ {rebuild_target:.0f}x)"
        if "bare spaCy" in median:
            line += f"; bare spaCy / cold build {median['bare spaCy'] / median['cold build']:.2f}"
            if "cold build, compared" in median:
                compared = median["bare spaCy"] / median["cold build, compared"]
                line += f" (compared checkout: {compared:.2f})"
        print(line)


def _profile(inputs: Path, work: Path) -> None:
    """A cold build then an unchanged rebuild under cProfile: where each spends its time."""
    out = work / "profiled"
    for name in ("cold", "rebuild"):
        stats_file = work / f"{name}.prof"
        script = ["-m", "cProfile", "-o", str(stats_file), "-m", "graph"]
        _seconds([*script, "build", str(inputs), "-o", str(out), "--store", "-q"])
        print(f"--- {name} build")
        stats = pstats.Stats(str(stats_file))
        stats.sort_stats("cumulative").print_stats(r"graph/|spacy/language|duckdb|json", 40)


if __name__ == "__main__":
    main()
