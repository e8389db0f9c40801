"""Starting up costs what the command needs (issue 16): `--help`, `--version`, usage errors
and `import graph` import no NLP, storage or layout library, and a rebuild whose every
article is in the store loads no spaCy pipeline. Checked in real processes through
`sys.modules`, never by timing."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT, SEED_ARTICLE

#: Libraries that take most of a cold start and that only parsing, storing or drawing need.
HEAVY = ("spacy", "thinc", "trafilatura", "duckdb", "dask", "distributed", "scipy", "pyvis")

#: Runs the command line in-process, then prints which heavy libraries it imported.
_RUN_AND_REPORT = """
import json, sys
from graph.cli import main
try:
    code = main(sys.argv[1:])
except SystemExit as stop:
    code = stop.code
heavy = HEAVY
print(json.dumps({"code": code, "imported": [m for m in heavy if m in sys.modules]}))
""".replace("HEAVY", repr(HEAVY))


def _python(*arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *arguments],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        check=True,
    )


def _imported_after(statement: str) -> list[str]:
    code = f"import sys\n{statement}\nprint(' '.join(m for m in {HEAVY!r} if m in sys.modules))"
    return _python("-c", code).stdout.split()


def _newsgraph(*arguments: str | Path) -> dict[str, object]:
    """The exit code of `newsgraph ARGUMENTS`, and the heavy libraries it imported."""
    run = _python("-c", _RUN_AND_REPORT, *map(str, arguments))
    report: dict[str, object] = json.loads(run.stdout.splitlines()[-1])
    report["stderr"] = run.stderr
    return report


def test_import_graph_cli_imports_no_heavy_library() -> None:
    assert _imported_after("import graph.cli") == []


def test_import_graph_imports_no_heavy_library() -> None:
    assert _imported_after("import graph") == []


@pytest.mark.parametrize(
    "arguments",
    [("--help",), ("--version",), ("build", "--help"), ("build", "in", "-o", "out", "--max")],
)
def test_help_version_and_usage_errors_import_no_heavy_library(
    arguments: tuple[str, ...],
) -> None:
    report = _newsgraph(*arguments)
    assert report["code"] in (0, 2)
    assert report["imported"] == []


def test_the_public_api_is_unchanged_and_build_stays_the_function() -> None:
    code = """
import graph
import graph.build
from graph.build import build_graph
from graph.pipeline import build
assert graph.build is build, graph.build
assert graph.build_graph is build_graph
missing = [name for name in graph.__all__ if not hasattr(graph, name)]
assert not missing, missing
assert graph.render.render_report is graph.render_report
assert not hasattr(graph, "no_such_name")
print("ok")
"""
    assert _python("-c", code).stdout.strip() == "ok"


@pytest.mark.slow
def test_a_rebuild_from_the_store_loads_no_spacy_pipeline(tmp_path: Path) -> None:
    build = ("build", SEED_ARTICLE, "-o", tmp_path / "out", "--store")
    first = _newsgraph(*build)
    assert first["code"] == 0
    assert "spacy" in first["imported"]  # type: ignore[operator]
    again = _newsgraph(*build, "--title", "another title")  # the outputs are rewritten
    assert again["code"] == 0
    assert not {"spacy", "thinc"} & set(again["imported"])  # type: ignore[arg-type]
    assert "loading spaCy pipeline" not in again["stderr"]  # type: ignore[operator]
    assert "1 articles taken from the store, 0 parsed" in again["stderr"]  # type: ignore[operator]
