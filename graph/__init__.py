"""newsgraph: news articles → an evidence-backed graph of who appears with whom.

The public API follows the data::

    corpus = read_articles(["articles/"])        # ingest (every input accounted for)
    extraction = extract(corpus)                  # clean, spaCy, entities (the slow part)
    graph = build_graph(extraction.articles)      # networkx MultiDiGraph (docs/graph-json.md)
    render_report(graph, extraction.summary, Path("out/report.html"))

or all of it at once: ``build(["articles/"], "out/")``.
"""

from __future__ import annotations

__version__ = "0.1.0"

from graph.articles import Article, Corpus, Skipped, read_articles
from graph.build import build_graph
from graph.export import read_graph_json, write_graph_json
from graph.extract import ArticleExtraction, Extraction, extract
from graph.nlp import Pipelines
from graph.notebook import show_graph
from graph.pipeline import BuildOptions, BuildResult, build
from graph.render import render_graph_html, render_report
from graph.summary import CorpusSummary
from graph.tables import edges_frame, entities_frame

__all__ = [
    "Article",
    "ArticleExtraction",
    "BuildOptions",
    "BuildResult",
    "Corpus",
    "CorpusSummary",
    "Extraction",
    "Pipelines",
    "Skipped",
    "__version__",
    "build",
    "build_graph",
    "edges_frame",
    "entities_frame",
    "extract",
    "read_articles",
    "read_graph_json",
    "render_graph_html",
    "render_report",
    "show_graph",
    "write_graph_json",
]
