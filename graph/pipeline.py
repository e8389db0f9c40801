"""The whole job in one call: inputs → graph.json, manifest.json and report.html.

The CLI and the notebook call this (or the stage functions it strings together).
"""

from __future__ import annotations

import hashlib
import json
import logging
import tempfile
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, replace
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING

import networkx as nx

from graph.aliases import AliasRules, read_aliases
from graph.articles import InputWarning, read_articles
from graph.build import DEFAULT_MAX_EVIDENCE, build_graph
from graph.errors import InputError
from graph.export import read_graph_json, write_graph_json
from graph.export_files import export_paths, write_exports
from graph.extract import (
    ExtractOptions,
    extract,
    package_digest,
)
from graph.fsutil import write_text_atomic
from graph.nlp import Pipelines
from graph.parallel import IncrementalExtraction, Workers, extract_incremental
from graph.relations.cooccurrence import Window
from graph.relations.stance.model import default_min_confidence, load_model
from graph.store import DuckStore, ExtractionStore, open_store
from graph.summary import CorpusSummary

if TYPE_CHECKING:
    from graph.evaluate import Evaluation, GoldArticle

log = logging.getLogger(__name__)


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
    #: The DuckDB file that keeps extraction results between runs (None: nothing is kept).
    store: str | Path | None = None
    #: Local processes that parse in parallel (1: this process).
    workers: int = 1
    #: A Dask scheduler's address: extraction runs on that cluster instead.
    scheduler: str | None = None
    #: Stances scored below this confidence are left out of the graph (None: the default
    #: the trained model was shipped with, chosen on the stance bank's dev split).
    min_confidence: float | None = None
    #: Read stances with the rules alone, not the trained model (no confidence).
    rules_only: bool = False

    def stance_threshold(self) -> float:
        """The confidence below which stances are left out of the graph."""
        if self.min_confidence is not None:
            return self.min_confidence
        return 0.0 if self.rules_only else default_min_confidence()

    def alias_rules(self) -> AliasRules | None:
        """The user's alias file, read (an InputError if it is malformed)."""
        return read_aliases(self.aliases) if self.aliases else None

    def extract_options(self) -> ExtractOptions:
        return ExtractOptions(
            capitals_as_governments=self.capitals_as_governments,
            batch_size=self.batch_size,
            stance_model=not self.rules_only,
        )


@dataclass(frozen=True)
class BuildResult:
    """What a build produced and where it wrote it."""

    graph: nx.MultiDiGraph
    summary: CorpusSummary
    report: Path
    graph_json: Path
    manifest: Path
    #: Articles parsed by this run, and articles whose extraction came from the store.
    extracted: int = 0
    reused: int = 0


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

    Only fixed names below `outdir` are written (graph.json, report.html, manifest.json and
    the exports of graph.export_files), each atomically (temp file and rename),
    manifest.json last: it is there and new only when the run finished. Article
    ids and file names from the inputs are data in those files, never parts of a path.

    With `options.store`, extraction results are kept in that DuckDB file (graph.store):
    only articles it lacks are parsed, and when nothing at all changed since the last build
    into `outdir` (articles, options, alias file, package), the outputs are left as they are.
    """
    options = options or BuildOptions()
    outdir = Path(outdir)
    aliases = options.alias_rules()
    check_writable(outdir)
    corpus = read_articles(inputs, outputs=_own_files(outdir, options))
    if on_total:
        on_total(len(corpus.articles))
    with open_store(Path(options.store) if options.store else None) as store:
        incremental = extract_incremental(
            corpus,
            store,
            models=options.models,
            options=options.extract_options(),
            workers=Workers(options.workers, options.scheduler),
            progress=progress,
            load=not isinstance(store, DuckStore),
        )
        summary = incremental.extraction.summary
        digest = _outputs_digest(incremental, options)
        paths = _output_paths(outdir)
        if digest and store.outputs_current(outdir, digest):
            graph = read_graph_json(paths[0])
            log.info("nothing changed since the last build: outputs in %s left as they are", outdir)
        else:
            graph = _build_graph(incremental, store, options, aliases)
            warnings = corpus.warnings + incremental.extraction.warnings
            _write_outputs(graph, summary, paths, options, warnings)
            if digest:
                store.record_outputs(outdir, digest, [*paths, *export_paths(outdir)])
    return BuildResult(
        graph,
        summary,
        paths[2],
        paths[0],
        paths[1],
        extracted=incremental.extracted,
        reused=incremental.reused,
    )


def _build_graph(
    incremental: IncrementalExtraction,
    store: ExtractionStore,
    options: BuildOptions,
    aliases: AliasRules | None,
) -> nx.MultiDiGraph:
    """The graph: aggregated by DuckDB when the results were left in the store, else built
    from the extractions in memory (the same graph either way)."""
    if incremental.stored is not None and isinstance(store, DuckStore):
        from graph.store_graph import graph_from_store

        return graph_from_store(
            store,
            incremental.stored,
            incremental.extraction.summary.processed,
            window=options.window,
            max_evidence=options.max_evidence,
            aliases=aliases,
            min_confidence=options.stance_threshold(),
        )
    return build_graph(
        incremental.extraction.articles,
        window=options.window,
        max_evidence=options.max_evidence,
        aliases=aliases,
        min_confidence=options.stance_threshold(),
    )


def check_writable(outdir: Path) -> None:
    """Make `outdir` and a file in it (removed at once), so that a folder the outputs cannot
    be written to fails the run now, not after an extraction of hours; an OSError names it.

    >>> check_writable(Path("/proc/no-such-folder"))
    Traceback (most recent call last):
    FileNotFoundError: [Errno 2] No such file or directory: '/proc/no-such-folder'
    """
    outdir.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=outdir, prefix=".newsgraph-", suffix=".tmp"):
        pass


def _output_paths(outdir: Path) -> tuple[Path, Path, Path]:
    """graph.json, manifest.json, report.html."""
    return outdir / "graph.json", outdir / "manifest.json", outdir / "report.html"


def _own_files(outdir: Path, options: BuildOptions) -> list[Path]:
    """The files a build writes: never read back as inputs (`build in -o in`)."""
    store = [Path(options.store), Path(f"{options.store}.wal")] if options.store else []
    return [*_output_paths(outdir), *export_paths(outdir), *store]


def _write_outputs(
    graph: nx.MultiDiGraph,
    summary: CorpusSummary,
    paths: tuple[Path, Path, Path],
    options: BuildOptions,
    warnings: Sequence[InputWarning] = (),
) -> None:
    """Write the outputs, each atomically: graph.json and its exports (GraphML, GEXF,
    CSV), the report, and manifest.json last."""
    from graph.render import render_report

    graph_json, manifest, report = paths
    write_graph_json(graph, graph_json)
    write_exports(graph, graph_json.parent)
    render_report(
        graph, summary, report, title=options.title, max_drawn_nodes=options.max_drawn_nodes
    )
    write_manifest(summary, manifest, stance_account(summary, options), warnings)


def _outputs_digest(incremental: IncrementalExtraction, options: BuildOptions) -> str | None:
    """A digest of everything the outputs are made from: the stored extractions in order,
    the skipped inputs, the options and alias file, and every file of the package and the
    libraries that render. None when some extraction is not in the store."""
    if incremental.digest is None:
        return None
    aliases = Path(options.aliases).read_bytes() if options.aliases else b""
    made_of = {
        "extraction": incremental.digest,
        "options": [
            options.window,
            options.max_evidence,
            options.title,
            options.max_drawn_nodes,
            # not stance_threshold(): the default is read from the model (numpy and its
            # weights), and "package" below already covers the file it is read from
            options.min_confidence,
            options.rules_only,
        ],
        "aliases": hashlib.sha256(aliases).hexdigest(),
        "package": package_digest(),
        "libraries": [metadata.version(name) for name in ("networkx", "pyvis", "jinja2")],
    }
    return hashlib.sha256(json.dumps(made_of).encode()).hexdigest()


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
    from graph.evaluate import baseline_relation_graph, evaluate, raw_entity_graph

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
    graph = build_graph(
        articles,
        window=options.window,
        aliases=options.alias_rules(),
        min_confidence=options.stance_threshold(),
    )
    return {
        "newsgraph": evaluate(graph, gold),
        "baseline: raw spaCy entities": evaluate(raw_entity_graph(articles), gold),
        "baseline: cue verb links first and last entity": evaluate(
            baseline_relation_graph(articles), gold
        ),
    }


def stance_account(summary: CorpusSummary, options: BuildOptions) -> dict[str, object]:
    """How stances were read: by the trained model (which languages), by the rules alone
    (which languages, and why), and the confidence threshold applied."""
    languages = sorted(summary.languages)
    if options.rules_only:
        return {"reader": "rules", "rules_only": languages, "min_confidence": None}
    model = load_model()
    return {
        "reader": "model",
        "model": f"graph/data/models/stance.npz sha256:{model.description.get('sha256', '?')}",
        "model_languages": sorted(model.languages),
        "rules_only": [lang for lang in languages if lang not in model.languages],
        "min_confidence": options.stance_threshold(),
    }


def manifest_data(
    summary: CorpusSummary,
    stance: dict[str, object] | None = None,
    warnings: Sequence[InputWarning] = (),
) -> dict[str, object]:
    """Every input accounted for: the counts, the processed articles, the skipped inputs,
    how stances were read (`stance_account`), and warnings about inputs that were read."""
    return {
        "stance": stance or {},
        "counts": {
            "processed": len(summary.processed),
            "skipped": len(summary.skipped),
            "total": len(summary.processed) + len(summary.skipped),
        },
        "languages": summary.languages,
        "processed": [asdict(article) for article in summary.processed],
        "skipped": [asdict(item) for item in summary.skipped],
        "warnings": [asdict(item) for item in warnings],
    }


def write_manifest(
    summary: CorpusSummary,
    path: Path,
    stance: dict[str, object] | None = None,
    warnings: Sequence[InputWarning] = (),
) -> Path:
    """Write `manifest.json` atomically."""
    text = json.dumps(manifest_data(summary, stance, warnings), ensure_ascii=False, indent=1)
    return write_text_atomic(path, text + "\n")
