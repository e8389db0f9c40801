"""newsgraph: news articles → an evidence-backed graph of who appears with whom.

The public API follows the data::

    corpus = read_articles(["articles/"])        # ingest (every input accounted for)
    extraction = extract(corpus)                  # clean, spaCy, entities (the slow part)
    graph = build_graph(extraction.articles)      # networkx MultiDiGraph (docs/graph-json.md)
    render_report(graph, extraction.summary, Path("out/report.html"))

or all of it at once: ``build(["articles/"], "out/")``.

The names are imported on first use (PEP 562 ``__getattr__``), not by ``import graph``:
spaCy, trafilatura, DuckDB, Dask and scipy take seconds to import, and ``newsgraph
--help``, ``--version`` or a rebuild from the store need none of them.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
from types import ModuleType
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

#: Each public name and the module that defines it.
_EXPORTS = {
    "Article": "graph.articles",
    "Corpus": "graph.articles",
    "Skipped": "graph.articles",
    "read_articles": "graph.articles",
    "build_graph": "graph.build",
    "read_graph_json": "graph.export",
    "write_graph_json": "graph.export",
    "write_exports": "graph.export_files",
    "ArticleExtraction": "graph.extract",
    "Extraction": "graph.extract",
    "extract": "graph.extract",
    "Pipelines": "graph.nlp",
    "show_graph": "graph.notebook",
    "BuildOptions": "graph.pipeline",
    "BuildResult": "graph.pipeline",
    "build": "graph.pipeline",
    "render_graph_html": "graph.render",
    "render_report": "graph.render",
    "CorpusSummary": "graph.summary",
    "edges_frame": "graph.tables",
    "entities_frame": "graph.tables",
    "evidence_frame": "graph.tables",
}

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
    "evidence_frame",
    "extract",
    "read_articles",
    "read_graph_json",
    "render_graph_html",
    "render_report",
    "show_graph",
    "write_exports",
    "write_graph_json",
]

if TYPE_CHECKING:
    from graph.articles import Article, Corpus, Skipped, read_articles
    from graph.build import build_graph
    from graph.export import read_graph_json, write_graph_json
    from graph.export_files import write_exports
    from graph.extract import ArticleExtraction, Extraction, extract
    from graph.nlp import Pipelines
    from graph.notebook import show_graph
    from graph.pipeline import BuildOptions, BuildResult, build
    from graph.render import render_graph_html, render_report
    from graph.summary import CorpusSummary
    from graph.tables import edges_frame, entities_frame, evidence_frame


def __getattr__(name: str) -> Any:
    """A public name, imported from its module the first time it is asked for; or a
    submodule (``graph.render``), as when this package imported them all."""
    module = _EXPORTS.get(name)
    if module is None:
        if name.startswith("_") or importlib.util.find_spec(f"graph.{name}") is None:
            raise AttributeError(f"module 'graph' has no attribute {name!r}")
        return importlib.import_module(f"graph.{name}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_EXPORTS})


class _Package(ModuleType):
    """This package, keeping ``graph.build`` the function ``build`` of the API.

    ``build`` is also the name of the submodule ``graph/build.py``, and the import system
    binds a submodule on its package when it is first imported. When everything was
    imported here eagerly, the function was bound last and won; imported lazily, the
    submodule may come later, so that binding is refused (``from graph.build import …``
    still works: it reads ``sys.modules``).
    """

    def __setattr__(self, name: str, value: Any) -> None:
        if name == "build" and isinstance(value, ModuleType):
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package
