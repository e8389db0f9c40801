"""The whole job in one call: inputs → graph.json, manifest.json and report.html.

The CLI and the notebook call this (or the stage functions it strings together).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import asdict, dataclass, replace
from pathlib import Path

import networkx as nx

from graph.aliases import AliasRules, read_aliases
from graph.articles import read_articles
from graph.build import DEFAULT_MAX_EVIDENCE, build_graph
from graph.errors import InputError
from graph.evaluate import (
    Evaluation,
    GoldArticle,
    baseline_relation_graph,
    evaluate,
    raw_entity_graph,
)
from graph.export import write_graph_json
from graph.extract import ExtractOptions, extract
from graph.fsutil import write_text_atomic
from graph.nlp import Pipelines
from graph.relations.cooccurrence import Window
from graph.summary import CorpusSummary


@dataclass(frozen=True)
class BuildOptions:
    """Everything a user can choose about a build; the defaults suit a first run."""

    window: Window = "sentence"
    max_evidence: int = DEFAULT_MAX_EVIDENCE
    models: Mapping[str, str] | None = None
    title: str = "newsgraph report"
    max_drawn_nodes: int = 300
    batch_size: int = 32
    capitals_as_governments: bool = True
    aliases: str | Path | None = None

    def alias_rules(self) -> AliasRules | None:
        """The user's alias file, read (an InputError if it is malformed)."""
        return read_aliases(self.aliases) if self.aliases else None

    def extract_options(self) -> ExtractOptions:
        return ExtractOptions(
            capitals_as_governments=self.capitals_as_governments, batch_size=self.batch_size
        )


@dataclass(frozen=True)
class BuildResult:
    """What a build produced and where it wrote it."""

    graph: nx.MultiDiGraph
    summary: CorpusSummary
    report: Path
    graph_json: Path
    manifest: Path


def build(
    inputs: Iterable[str | Path],
    outdir: str | Path,
    options: BuildOptions | None = None,
    *,
    on_total: Callable[[int], None] | None = None,
    progress: Callable[[int], None] | None = None,
) -> BuildResult:
    """Read, extract, build and write everything to `outdir`.

    `on_total(n)` is told how many articles were found before the slow part starts, and
    `progress(k)` as they are done, so a caller can draw a progress bar.

    Only the three fixed names below `outdir` are written, each atomically (temp file and
    rename), manifest.json last: it is there and new only when the run finished. Article
    ids and file names from the inputs are data in those files, never parts of a path.
    """
    from graph.render import render_report

    options = options or BuildOptions()
    outdir = Path(outdir)
    aliases = options.alias_rules()
    corpus = read_articles(inputs)
    if on_total:
        on_total(len(corpus.articles))
    extraction = extract(
        corpus,
        pipelines=Pipelines(options.models),
        options=options.extract_options(),
        progress=progress,
    )
    graph = build_graph(
        extraction.articles,
        window=options.window,
        max_evidence=options.max_evidence,
        aliases=aliases,
    )
    graph_json = write_graph_json(graph, outdir / "graph.json")
    report = render_report(
        graph,
        extraction.summary,
        outdir / "report.html",
        title=options.title,
        max_drawn_nodes=options.max_drawn_nodes,
    )
    manifest = write_manifest(extraction.summary, outdir / "manifest.json")
    return BuildResult(graph, extraction.summary, report, graph_json, manifest)


def run_evaluation(
    inputs: Iterable[str | Path],
    gold: list[GoldArticle],
    options: BuildOptions | None = None,
    *,
    on_total: Callable[[int], None] | None = None,
    progress: Callable[[int], None] | None = None,
) -> dict[str, Evaluation]:
    """Extract the gold articles found in `inputs` and score the system and its baselines.

    Returns evaluations named `newsgraph`, `baseline: raw spaCy entities` and `baseline:
    cue verb links first and last entity`. Gold articles missing from the inputs are
    reported as InputError.
    """
    options = options or BuildOptions()
    wanted = {article.article for article in gold}
    corpus = read_articles(inputs)
    found = tuple(a for a in corpus.articles if a.id in wanted)
    missing = wanted - {a.id for a in found}
    if missing:
        raise InputError(", ".join(sorted(missing)), "gold articles not found in the inputs")
    if on_total:
        on_total(len(found))
    extraction = extract(
        replace(corpus, articles=found, skipped=()),
        pipelines=Pipelines(options.models),
        options=options.extract_options(),
        progress=progress,
    )
    articles = extraction.articles
    graph = build_graph(articles, window=options.window, aliases=options.alias_rules())
    return {
        "newsgraph": evaluate(graph, gold),
        "baseline: raw spaCy entities": evaluate(raw_entity_graph(articles), gold),
        "baseline: cue verb links first and last entity": evaluate(
            baseline_relation_graph(articles), gold
        ),
    }


def manifest_data(summary: CorpusSummary) -> dict[str, object]:
    """Every input accounted for: the counts, the processed articles, the skipped inputs."""
    return {
        "counts": {
            "processed": len(summary.processed),
            "skipped": len(summary.skipped),
            "total": len(summary.processed) + len(summary.skipped),
        },
        "languages": summary.languages,
        "processed": [asdict(article) for article in summary.processed],
        "skipped": [asdict(item) for item in summary.skipped],
    }


def write_manifest(summary: CorpusSummary, path: Path) -> Path:
    """Write `manifest.json` atomically."""
    text = json.dumps(manifest_data(summary), ensure_ascii=False, indent=1)
    return write_text_atomic(path, text + "\n")
