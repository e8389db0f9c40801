"""A corpus mixing French and English: one node per actor named in both languages."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.pipeline import BuildOptions, build

pytestmark = pytest.mark.slow

FRENCH = (
    "Moscou a rejeté jeudi les accusations des États-Unis, selon l'agence. "
    "Le secrétaire général de l'OTAN, Mark Rutte, a apporté son soutien à l'Ukraine. "
    "Les Nations unies ont appelé au calme, et l'Union européenne a salué la décision de Kiev."
)
ENGLISH = (
    "The Kremlin rejected the claims made by Washington on Thursday, the agency said. "
    "NATO's secretary general, Mark Rutte, expressed his support for Ukraine. "
    "The United Nations called for calm, and the European Union welcomed the decision of Kyiv."
)


def test_one_node_per_actor_across_languages(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "fr.txt").write_text(FRENCH, encoding="utf-8")
    (inputs / "en.txt").write_text(ENGLISH, encoding="utf-8")
    # Every stance kept, whatever its confidence: what is checked is that a denial read in
    # both languages is one edge between the same two nodes, not the model's threshold (it
    # scores "rejected the claims made by" 0.24 in English, 0.31 in French: the stance
    # bank's denials are few, and the rules' denials right only a quarter of the time there).
    result = build([inputs], tmp_path / "out", BuildOptions(min_confidence=0.0))
    assert result.summary.languages == {"fr": 1, "en": 1}
    graph = result.graph
    for qid in ("Q159", "Q30", "Q7184", "Q212", "Q1065", "Q458"):
        assert graph.has_node(qid), qid
        assert graph.nodes[qid]["articles"] == ["en.txt", "fr.txt"], qid
    rutte = [n for n, d in graph.nodes(data=True) if "Rutte" in d["label"]]
    assert len(rutte) == 1
    assert graph.has_edge("Q159", "Q30", "denies")
    evidence = graph.edges["Q159", "Q30", "denies"]["evidence"]
    assert {item["article"] for item in evidence} == {"en.txt", "fr.txt"}
    report = (tmp_path / "out" / "report.html").read_text(encoding="utf-8")
    assert "fr.txt" in report and "en.txt" in report
