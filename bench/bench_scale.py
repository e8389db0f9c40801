"""How graph building, the outputs and the store grow with the corpus: synthetic extraction
results for 1k, 10k and 100k articles, each size measured in a fresh process.

    .venv/bin/python bench/bench_scale.py [--sizes 1000 10000 100000] [--vocabulary 3000]

No spaCy: the articles' extraction results are made up with realistic counts (30
sentences, ~15 mentions of a vocabulary of a few thousand entities with a Zipf-like
popularity, surnames alone and acronyms among them, a few stances per article). For each
size it prints the seconds of each stage and the process's peak resident memory
(getrusage), then how each grew from the previous size (×10 articles: ×10 is linear).

Stages: `store_put` writes every result to a DuckDB store (a transaction per 256, with
its per-mention rows; closing the store, which writes it all to the file, included),
`store_build` builds the graph from the store (graph_from_store:
DuckDB aggregation, cross-article merging included, what `newsgraph build --store` does),
`json` writes graph.json, `report` renders report.html with its full tables' data; `total`
is the sum of these four. `memory_build` is build_graph on the same results in memory
(`--no-store`), for comparison; the two graphs are checked equal, outside the timings.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import networkx as nx

from graph.articles import Article
from graph.build import build_graph
from graph.entities import Mention, Sentence
from graph.export import graph_to_json, write_graph_json
from graph.extract import ArticleExtraction, PipelineVersion, PreparedArticle
from graph.names import entity_key
from graph.relations.actors import Endpoint
from graph.relations.stance import Stance
from graph.render import render_report
from graph.store import DuckStore, StoredExtraction, StoreKey, open_store
from graph.store_graph import graph_from_store
from graph.summary import CorpusSummary, ProcessedArticle

SENTENCES = 30
MENTIONS = 15
STANCES_MAX = 4
SENTENCE_CHARS = 150
STORE_BATCH = 256
KINDS = ("supports", "denies", "criticises", "accuses")
SYLLABLES = tuple(
    [
        "ka",
        "lo",
        "mi",
        "ra",
        "ne",
        "to",
        "su",
        "va",
        "de",
        "li",
        "mo",
        "ba",
        "ri",
        "sa",
        "no",
        "pe",
        "lu",
        "ga",
        "te",
        "vi",
        "zo",
        "na",
        "fe",
        "ro",
    ]
)
FILLER_WORDS = [
    "le",
    "la",
    "les",
    "un",
    "une",
    "des",
    "a",
    "déclaré",
    "que",
    "dans",
    "pour",
    "avec",
    "sur",
    "par",
    "selon",
    "gouvernement",
    "ministre",
    "accord",
    "sommet",
    "crise",
    "réforme",
    "budget",
    "élection",
    "partenaires",
    "réunion",
    "lundi",
    "mardi",
    "capitale",
]


def vocabulary(size: int, rng: random.Random) -> list[tuple[str, str]]:
    """`size` distinct (name, type) pairs: persons, organisations with acronyms, places."""
    entities: dict[str, str] = {}
    while len(entities) < size:
        word = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()
        roll = rng.random()
        if roll < 0.5:
            first = "".join(rng.choice(SYLLABLES) for _ in range(2)).capitalize()
            entities[f"{first} {word}"] = "PER"
        elif roll < 0.75:
            entities[f"Parti {word} des {rng.choice(SYLLABLES).capitalize()}iens"] = "ORG"
        else:
            entities[word + rng.choice(("ville", "stan", "burg", "ie"))] = "LOC"
    return list(entities.items())


def synthetic_extractions(
    count: int, vocabulary_size: int, seed: int = 0
) -> Iterator[ArticleExtraction]:
    """`count` made-up article extractions with realistic shapes (see the module docstring)."""
    rng = random.Random(seed)
    entities = vocabulary(vocabulary_size, rng)
    weights = [1 / (rank + 1) for rank in range(len(entities))]  # Zipf-like popularity
    filler = " ".join(rng.choice(FILLER_WORDS) for _ in range(200_000))
    for number in range(count):
        yield _article(number, entities, weights, filler, rng)


def _article(
    number: int,
    entities: list[tuple[str, str]],
    weights: list[float],
    filler: str,
    rng: random.Random,
) -> ArticleExtraction:
    offsets = [rng.randrange(len(filler) - SENTENCE_CHARS) for _ in range(SENTENCES)]
    sentences = tuple(
        Sentence(
            i, i // 4, i * SENTENCE_CHARS, (i + 1) * SENTENCE_CHARS, filler[o : o + SENTENCE_CHARS]
        )
        for i, o in enumerate(offsets)
    )
    mentions = []
    for name, kind in rng.choices(entities, weights=weights, k=MENTIONS):
        shown = name.split()[-1] if kind == "PER" and rng.random() < 0.3 else name
        sentence = rng.randrange(SENTENCES)
        mentions.append(Mention(shown, entity_key(shown), kind, sentence, 0, len(shown), shown))
    mentions.sort(key=lambda m: m.sentence)
    stances = []
    for _ in range(rng.randint(0, STANCES_MAX)):
        source, target = rng.sample(mentions, 2)
        stances.append(
            Stance(
                rng.choice(KINDS),
                Endpoint(source.key, source.name, source.type),
                Endpoint(target.key, target.name, target.type),
                source.sentence,
                "a salué",
            )
        )
    article = ProcessedArticle(f"a{number:06d}", "fr", f"Article {number}", "", "synthetic", 900)
    raw = tuple((m.text, m.type) for m in mentions)
    return ArticleExtraction(article, sentences, tuple(mentions), tuple(stances), raw)


def measure(size: int, vocabulary_size: int) -> dict[str, float]:
    """One size, in this process: seconds per stage and peak memory."""
    figures: dict[str, float] = {"articles": size}
    start = time.perf_counter()
    extractions = list(synthetic_extractions(size, vocabulary_size))
    figures["generate_s"] = time.perf_counter() - start
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        figures["store_put_s"], figures["store_build_s"], graph = _through_store(
            extractions, out / "store.duckdb"
        )
        start = time.perf_counter()
        in_memory = build_graph(extractions)
        figures["memory_build_s"] = time.perf_counter() - start
        assert json.dumps(graph_to_json(in_memory)) == json.dumps(graph_to_json(graph))
        del in_memory
        start = time.perf_counter()
        write_graph_json(graph, out / "graph.json")
        figures["json_s"] = time.perf_counter() - start
        summary = CorpusSummary(processed=tuple(e.article for e in extractions))
        start = time.perf_counter()
        render_report(graph, summary, out / "report.html")
        figures["report_s"] = time.perf_counter() - start
        figures["report_mb"] = (out / "report.html").stat().st_size / 1e6
    figures["total_s"] = sum(figures[name] for name in STAGES)
    figures["nodes"] = graph.number_of_nodes()
    figures["edges"] = graph.number_of_edges()
    figures["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return figures


def _through_store(
    extractions: list[ArticleExtraction], path: Path
) -> tuple[float, float, nx.MultiDiGraph]:
    """Seconds to store every result (a transaction per batch) and to build the graph from
    the store, and that graph."""
    version = PipelineVersion("synthetic", "{}")
    rows = [
        StoredExtraction(
            StoreKey(e.article.id, version.id),
            e,
            PreparedArticle(Article(e.article.id, ""), "fr", ""),
            version,
        )
        for e in extractions
    ]
    start = time.perf_counter()
    with open_store(path) as store:
        for i in range(0, len(rows), STORE_BATCH):
            store.put(rows[i : i + STORE_BATCH])
    put = time.perf_counter() - start  # closing included: it folds the write-ahead log in
    start = time.perf_counter()
    with open_store(path) as store:
        assert isinstance(store, DuckStore)
        keys = [row.key for row in rows]
        graph = graph_from_store(store, keys, [e.article for e in extractions])
    built = time.perf_counter() - start
    return put, built, graph


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10_000, 100_000])
    parser.add_argument("--vocabulary", type=int, default=3000)
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(measure(args.child, args.vocabulary)))
        return
    rows = []
    for size in args.sizes:
        command = [
            sys.executable,
            __file__,
            "--child",
            str(size),
            "--vocabulary",
            str(args.vocabulary),
        ]
        done = subprocess.run(command, capture_output=True, text=True, check=True)
        rows.append(json.loads(done.stdout.strip().splitlines()[-1]))
        _print_row(rows[-1], rows[-2] if len(rows) > 1 else None)


STAGES = ("store_put_s", "store_build_s", "json_s", "report_s")
COLUMNS = (*STAGES, "total_s", "memory_build_s", "peak_rss_mb")


def _print_row(row: dict[str, float], previous: dict[str, float] | None) -> None:
    stages = "  ".join(f"{name} {row[name]:8.2f}" for name in COLUMNS)
    size = f"{int(row['articles']):>7} articles {int(row['nodes']):>6} nodes"
    print(
        f"{size} {int(row['edges']):>8} edges  {stages}  report {row['report_mb']:.1f} MB",
        flush=True,
    )
    if previous:
        growth = "  ".join(
            f"{name} ×{row[name] / max(previous[name], 1e-9):.1f}" for name in COLUMNS
        )
        print(
            f"{'growth':>16} ×{row['articles'] / previous['articles']:.0f} articles:  {growth}",
            flush=True,
        )


if __name__ == "__main__":
    main()
