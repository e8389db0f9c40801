"""Rebuilding an unchanged corpus from the store, against building it cold, in one run.

    .venv/bin/python bench/bench_rebuild.py [--articles N] [--corpus PATH] [--workers N]

Every step is `graph.build` on the same articles into the same output folder and store:

1. cold: empty store; loads the spaCy model and parses everything (a first `--store` run);
2. unchanged rebuild: every extraction is in the store and the outputs are up to date, so
   it reads, cleans and hashes the articles, checks the store and the outputs, and stops;
3. rebuild with another title: every extraction from the store (no model loaded), graph
   built and all three outputs written again (what an alias file or window change costs);
4. ten new articles added: only those are parsed.

Prints the times and the ratios cold / rebuild (the target for 2 is ≥ 50).
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from graph.articles import read_articles
from graph.pipeline import BuildOptions, BuildResult, build

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "bulk" / "gilets_jaunes.jsonl"
ADDED = 10


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--workers", type=int, default=1)
    args = parser.parse_args()
    french = [a for a in read_articles([args.corpus]).articles if a.lang == "fr"]
    chosen = french[: args.articles + ADDED]
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        inputs = work / "articles.jsonl"
        _write_jsonl(inputs, chosen[: args.articles])
        options = BuildOptions(store=work / "store.duckdb", workers=args.workers)
        cold, cold_result = _timed(inputs, work / "out", options)
        rebuild, rebuilt = _timed(inputs, work / "out", options)
        retitled = replace(options, title="another title")
        rerender, rerendered = _timed(inputs, work / "out", retitled)
        _write_jsonl(inputs, chosen)
        grown, grown_result = _timed(inputs, work / "out", options)
    processed = len(cold_result.summary.processed)
    words = sum(a.words for a in cold_result.summary.processed)
    print(f"articles: {processed}  words: {words:,}  workers: {args.workers}")
    rows = [
        ("1 cold build (empty store, model loaded)", cold, f"parsed {cold_result.extracted}"),
        ("2 rebuild, corpus and outputs unchanged", rebuild, f"reused {rebuilt.reused}"),
        ("3 rebuild from the store, outputs rewritten", rerender, f"reused {rerendered.reused}"),
        (
            f"4 rebuild after adding {ADDED} articles",
            grown,
            f"parsed {grown_result.extracted}, reused {grown_result.reused}",
        ),
    ]
    for name, seconds, what in rows:
        print(f"{name:<46} {seconds:8.2f} s  {what}")
    print(f"ratio cold / unchanged rebuild (1 / 2): {cold / rebuild:.1f}x")
    print(f"ratio cold / rebuild with outputs rewritten (1 / 3): {cold / rerender:.1f}x")


def _timed(inputs: Path, out: Path, options: BuildOptions) -> tuple[float, BuildResult]:
    start = time.perf_counter()
    result = build([inputs], out, options)
    return time.perf_counter() - start, result


def _write_jsonl(path: Path, articles: list) -> None:  # type: ignore[type-arg]
    rows = (
        json.dumps({"id": a.id, "text": a.text, "title": a.title, "lang": a.lang}) for a in articles
    )
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
