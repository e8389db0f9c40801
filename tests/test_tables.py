"""The graph as pandas DataFrames, and what happens without pandas."""

from __future__ import annotations

import sys

import pytest

from graph.export_files import EVIDENCE_COLUMNS
from graph.tables import EDGE_COLUMNS, edges_frame, entities_frame, evidence_frame

from .test_export_files import TEXT, _graph


def test_edges_frame_gives_ids_labels_and_where_the_first_evidence_was_read() -> None:
    frame = edges_frame(_graph())
    assert list(frame.columns) == EDGE_COLUMNS
    stance = frame[frame["kind"] == "supports"].iloc[0]
    assert (stance["source"], stance["source_label"]) == (
        "volodymyr zelensky",
        "Volodymyr Zelensky",
    )
    assert (stance["target"], stance["target_label"]) == ("otan", "OTAN")
    assert (stance["article"], stance["outlet"], stance["date"]) == (
        "kiev.html",
        "Le Monde",
        "2018-12-01",
    )
    assert (stance["cue"], stance["confidence"]) == ("remercie", 0.9)
    assert stance["url"] == "https://www.lemonde.fr/a.html"
    assert stance["first_evidence"] == TEXT[1]


def test_edge_ids_join_the_entities_frame() -> None:
    graph = _graph()
    assert set(edges_frame(graph)["source"]) <= set(entities_frame(graph)["id"])


def test_without_pandas_the_error_says_how_to_install_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)  # what `import pandas` meets uninstalled
    with pytest.raises(ImportError, match=r"pip install pandas"):
        entities_frame(_graph())
    with pytest.raises(ImportError, match=r"pip install pandas"):
        edges_frame(_graph())
    with pytest.raises(ImportError, match=r"pip install pandas"):
        evidence_frame(_graph())


def test_evidence_frame_has_a_row_per_evidence_sentence_with_where_it_was_read() -> None:
    graph = _graph()
    frame = evidence_frame(graph)
    assert list(frame.columns) == list(EVIDENCE_COLUMNS)
    kept = sum(len(data["evidence"]) for _, _, data in graph.edges(data=True))
    assert len(frame) == kept
    stance = frame[frame["kind"] == "supports"].iloc[0]
    assert (stance["source"], stance["target"], stance["outlet"]) == (
        "volodymyr zelensky",
        "otan",
        "Le Monde",
    )
    assert stance["sentence"] == TEXT[1]
