"""The command line end to end, on real articles with the real French model."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from graph.cli import EXIT_OK, EXIT_SKIPPED, main
from graph.entities import entity_key
from graph.export import read_graph_json

from .conftest import EXAMPLES, SEED_ARTICLE

SEED_ENTITIES = [
    "Corée du Nord",
    "Russie",
    "Ukraine",
    "Sergueï Lavrov",
    "Choe Son Hui",
    "Maria Zakharova",
    "Volodymyr Zelensky",
    "OTAN",
    "AFP",
    "Nations Unies",
]


def _labels(graph) -> set[str]:
    return {entity_key(data["label"]) for _, data in graph.nodes(data=True)}


@pytest.mark.slow
def test_seed_article_has_its_canonical_entities_and_no_junk(tmp_path: Path) -> None:
    assert main(["build", str(SEED_ARTICLE), "-o", str(tmp_path), "-q"]) == EXIT_OK
    graph = read_graph_json(tmp_path / "graph.json")
    labels = _labels(graph)
    missing = [name for name in SEED_ENTITIES if entity_key(name) not in labels]
    assert not missing
    assert not any("related" in label for label in labels)
    lavrov = next(d for _, d in graph.nodes(data=True) if d["label"] == "Sergueï Lavrov")
    assert lavrov["type"] == "PER" and lavrov["articles"] == [SEED_ARTICLE.name]


@pytest.mark.slow
def test_skipped_inputs_are_reported_and_change_the_exit_code(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "a.txt").write_text(SEED_ARTICLE.read_text(encoding="utf-8"), encoding="utf-8")
    (inputs / "empty.txt").write_text("", encoding="utf-8")
    (inputs / "de.txt").write_text(
        "Die Bundesregierung hat die Vorwürfe am Montag entschieden zurückgewiesen und "
        "erklärt, dass sie keine weiteren Stellungnahmen abgeben werde.",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    assert main(["build", str(inputs), "-o", str(out), "-q"]) == EXIT_SKIPPED
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["counts"] == {"processed": 1, "skipped": 2, "total": 3}
    reasons = {Path(s["source"]).name: s["reason"] for s in manifest["skipped"]}
    assert "empty" in reasons["empty.txt"]
    assert "'de'" in reasons["de.txt"]
    report = (out / "report.html").read_text(encoding="utf-8")
    assert "empty.txt" in report and "de.txt" in report


@pytest.mark.slow
def test_python_dash_m_builds_the_sample_report(tmp_path: Path) -> None:
    run = subprocess.run(
        [sys.executable, "-m", "graph", "build", str(EXAMPLES), "-o", str(tmp_path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == EXIT_OK, run.stderr
    assert "100%" in run.stderr  # the progress bar ran to the end
    for name in ("report.html", "graph.json", "manifest.json"):
        assert (tmp_path / name).stat().st_size > 0
    graph = read_graph_json(tmp_path / "graph.json")
    articles = {a for _, d in graph.nodes(data=True) for a in d["articles"]}
    assert articles == {p.name for p in EXAMPLES.glob("*.txt")}


def test_bad_model_option_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["build", str(SEED_ARTICLE), "-o", str(tmp_path), "--model", "fr"])
    assert stop.value.code == 2
    assert "expected LANG=NAME" in capsys.readouterr().err


def test_the_default_store_name_in_help_is_the_stores_own() -> None:
    from graph.cli import DEFAULT_STORE_NAME
    from graph.store import DEFAULT_STORE_NAME as STORE_DEFAULT

    assert DEFAULT_STORE_NAME == STORE_DEFAULT


@pytest.mark.parametrize("value", ["1.5", "-0.1", "sure"])
def test_a_min_confidence_outside_0_to_1_is_a_usage_error_before_any_work(
    tmp_path: Path, value: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["build", str(SEED_ARTICLE), "-o", str(tmp_path / "out"), "--min-confidence", value])
    assert stop.value.code == 2
    assert "expected a number from 0 to 1" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


@pytest.mark.slow
def test_min_confidence_keeps_only_the_stances_the_model_is_that_sure_of(tmp_path: Path) -> None:
    kept = {}
    for threshold in ("0.2", "0.9"):
        out = tmp_path / threshold
        arguments = ["build", str(EXAMPLES), "-o", str(out), "-q", "--no-store"]
        assert main([*arguments, "--min-confidence", threshold]) == EXIT_OK
        graph = read_graph_json(out / "graph.json")
        stances = [d for _, _, d in graph.edges(data=True) if d["kind"] != "co_mention"]
        assert all(d["confidence"] >= float(threshold) for d in stances)
        assert all(
            item["confidence"] >= float(threshold) for d in stances for item in d["evidence"]
        )
        kept[threshold] = len(stances)
        manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
        assert manifest["stance"]["min_confidence"] == float(threshold)
    assert kept["0.2"] > kept["0.9"]


@pytest.mark.slow
def test_rules_only_reads_stances_without_a_confidence(tmp_path: Path) -> None:
    assert (
        main(["build", str(EXAMPLES), "-o", str(tmp_path), "-q", "--no-store", "--rules-only"]) == 0
    )
    graph = read_graph_json(tmp_path / "graph.json")
    stances = [d for _, _, d in graph.edges(data=True) if d["kind"] != "co_mention"]
    assert stances and all("confidence" not in d for d in stances)
    manifest = json.loads((tmp_path / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["stance"]["reader"] == "rules"
