"""Extraction throughput as a ratio to bare spaCy `nlp.pipe` on the same texts, in one run.

    .venv/bin/python bench/bench_extract.py [--articles N] [--corpus PATH] [--repeat N]

Both sides parse the same cleaned French texts with the same model, one process: the bare
side runs `nlp.pipe` of the model as `spacy.load` gives it, ours runs `graph.extract`
(language detection, cleaning, parsing with our sentence-boundary component, entities,
gazetteer, stance). Both are warmed up first, so what a cold process pays once (loading,
spaCy's lemmatizer meeting words for the first time) is left out: `bench_startup.py`
measures that. Each repetition runs both, one after the other; prints the medians' words
per second and the ratio (ours / bare; 1.0 means the extraction adds nothing to spaCy's
cost), by wall-clock and by CPU time (what a shared machine distorts least).
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from pathlib import Path

import spacy

from graph.articles import Corpus, read_articles
from graph.clean import clean_text
from graph.extract import extract
from graph.nlp import Pipelines, first_installed, model_choices

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "bulk" / "gilets_jaunes.jsonl"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()
    corpus = read_articles([args.corpus])
    french = tuple(a for a in corpus.articles if a.lang == "fr")[: args.articles]
    texts = [clean_text(a.text, "fr") for a in french]
    words = sum(len(text.split()) for text in texts)
    pipelines = Pipelines()
    target = first_installed(model_choices()["fr"].candidates)
    if target is None:
        raise SystemExit("no French spaCy pipeline is installed (see the README's install step)")
    nlp = spacy.load(target)
    list(nlp.pipe(texts[:5]))  # warm up both sides alike
    extract(Corpus(french[:5], ()), pipelines=pipelines)

    runs: dict[str, list[tuple[float, float]]] = {"bare nlp.pipe": [], "newsgraph": []}
    for _ in range(args.repeat):
        runs["bare nlp.pipe"].append(_timed(lambda: list(nlp.pipe(texts, batch_size=32))))
        runs["newsgraph"].append(_timed(lambda: extract(Corpus(french, ()), pipelines=pipelines)))

    print(f"articles: {len(french)}  words: {words:,}  repetitions: {args.repeat}")
    wall = {name: statistics.median(w for w, _ in times) for name, times in runs.items()}
    cpu = {name: statistics.median(c for _, c in times) for name, times in runs.items()}
    for name in runs:
        print(
            f"{name:<14}: {wall[name]:7.2f} s  {words / wall[name]:8,.0f} words/s"
            f"  (CPU {cpu[name]:7.2f} s)"
        )
    bare, ours = "bare nlp.pipe", "newsgraph"
    print(
        f"ratio (newsgraph throughput / bare): {wall[bare] / wall[ours]:.2f}"
        f" (CPU {cpu[bare] / cpu[ours]:.2f})"
    )


def _timed(run: Callable[[], object]) -> tuple[float, float]:
    """Wall-clock and CPU seconds of one call (CPU: this process, all its threads)."""
    wall, cpu = time.perf_counter(), time.process_time()
    run()
    return time.perf_counter() - wall, time.process_time() - cpu


if __name__ == "__main__":
    main()
