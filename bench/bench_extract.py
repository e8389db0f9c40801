"""Extraction throughput as a ratio to bare spaCy `nlp.pipe` on the same texts, in one run.

    .venv/bin/python bench/bench_extract.py [--articles N] [--corpus PATH]

Both sides parse the same cleaned French texts with the same loaded pipeline, one process;
the bare side only runs `nlp.pipe`, ours runs `graph.extract` (language detection, cleaning,
parsing, entities, gazetteer, stance). Prints words per second for each and the ratio
(ours / bare; 1.0 means the extraction adds nothing to spaCy's cost).
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from graph.articles import Corpus, read_articles
from graph.clean import clean_text
from graph.extract import extract
from graph.nlp import Pipelines

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "bulk" / "gilets_jaunes.jsonl"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    args = parser.parse_args()
    corpus = read_articles([args.corpus])
    french = tuple(a for a in corpus.articles if a.lang == "fr")[: args.articles]
    texts = [clean_text(a.text, "fr") for a in french]
    words = sum(len(text.split()) for text in texts)
    pipelines = Pipelines()
    nlp = pipelines.get("fr")
    list(nlp.pipe(texts[:5]))  # warm up both sides alike

    start = time.perf_counter()
    for _doc in nlp.pipe(texts, batch_size=32):
        pass
    bare = time.perf_counter() - start

    start = time.perf_counter()
    result = extract(Corpus(french, ()), pipelines=pipelines)
    ours = time.perf_counter() - start

    print(f"articles: {len(french)}  words: {words:,}  skipped: {len(result.summary.skipped)}")
    print(f"bare nlp.pipe : {bare:7.2f} s  {words / bare:8,.0f} words/s")
    print(f"newsgraph     : {ours:7.2f} s  {words / ours:8,.0f} words/s")
    print(f"ratio (newsgraph throughput / bare): {bare / ours:.2f}")


if __name__ == "__main__":
    main()
