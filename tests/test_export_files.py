"""GraphML, GEXF and CSV beside graph.json: other tools read them back whole."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import networkx as nx
import pytest

from graph.build import build_graph
from graph.entities import Mention, Sentence, entity_key
from graph.export_files import EXPORT_NAMES, flat_graph, write_exports
from graph.extract import ArticleExtraction
from graph.pipeline import build
from graph.relations.actors import Endpoint
from graph.relations.stance import Stance
from graph.summary import ProcessedArticle

TEXT = (
    "Le président ukrainien s'est exprimé à Kiev.",
    "Volodymyr Zelensky remercie l'OTAN pour son aide.",
    "Il a aussi demandé de nouvelles livraisons.",
)
ARTICLE = ProcessedArticle(
    "kiev.html", "fr", "Kiev remercie l'Alliance", "https://www.lemonde.fr/a.html", "Le Monde",
    40, "2018-12-01",
)  # fmt: skip


def _graph() -> nx.MultiDiGraph:
    sentences = tuple(Sentence(i, 0, 0, len(text), text) for i, text in enumerate(TEXT))
    names = (("Volodymyr Zelensky", "PER"), ("OTAN", "ORG"))
    mentions = tuple(Mention(n, entity_key(n), t, 1, 0, 1, n) for n, t in names)
    ends = [Endpoint(entity_key(n), n, t, "") for n, t in names]
    stance = Stance("supports", ends[0], ends[1], 1, "remercie", 0.9)
    return build_graph([ArticleExtraction(ARTICLE, sentences, mentions, (stance,))])


@pytest.fixture
def exported(tmp_path: Path) -> tuple[nx.MultiDiGraph, Path]:
    graph = _graph()
    write_exports(graph, tmp_path)
    return graph, tmp_path


@pytest.mark.parametrize("reader", [nx.read_graphml, nx.read_gexf])
def test_graphml_and_gexf_read_back_with_every_attribute(
    exported: tuple[nx.MultiDiGraph, Path], reader: object
) -> None:
    graph, folder = exported
    name = EXPORT_NAMES["graphml" if reader is nx.read_graphml else "gexf"]
    again = reader(folder / name)  # type: ignore[operator]
    assert set(again.nodes) == set(graph.nodes)
    assert again.number_of_edges() == graph.number_of_edges() == 2
    zelensky = again.nodes["volodymyr zelensky"]
    assert json.loads(zelensky["aliases"]) == ["Volodymyr Zelensky"]
    stance = next(d for _, _, d in again.edges(data=True) if d["kind"] == "supports")
    (item,) = json.loads(stance["evidence"])
    assert item["outlet"] == "Le Monde" and item["after"] == TEXT[2]
    assert json.loads(stance["by_article"]) == {"kiev.html": 1}
    assert float(stance["confidence"]) == 0.9


def test_flat_graph_leaves_no_list_or_object_attribute() -> None:
    flat = flat_graph(_graph())
    values = [*flat.graph.values()]
    values += [v for _, data in flat.nodes(data=True) for v in data.values()]
    values += [v for _, _, data in flat.edges(data=True) for v in data.values()]
    assert all(isinstance(value, (str, int, float, bool)) for value in values)


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_csv_tables_have_a_row_a_node_an_edge_and_an_evidence_sentence(
    exported: tuple[nx.MultiDiGraph, Path],
) -> None:
    _, folder = exported
    nodes = _rows(folder / EXPORT_NAMES["nodes"])
    assert {row["label"] for row in nodes} == {"Volodymyr Zelensky", "OTAN"}
    edges = _rows(folder / EXPORT_NAMES["edges"])
    stance = next(row for row in edges if row["kind"] == "supports")
    assert (stance["source"], stance["target_label"]) == ("volodymyr zelensky", "OTAN")
    assert (stance["confidence"], stance["articles"]) == ("0.9", "1")
    (said,) = [row for row in _rows(folder / EXPORT_NAMES["evidence"]) if row["kind"] == "supports"]
    assert said["sentence"] == TEXT[1] and said["before"] == TEXT[0] and said["after"] == TEXT[2]
    assert (said["outlet"], said["date"], said["cue"]) == ("Le Monde", "2018-12-01", "remercie")
    assert said["url"] == "https://www.lemonde.fr/a.html"


@pytest.mark.slow
def test_a_build_keeps_dates_and_outlets_and_writes_the_exports(tmp_path: Path) -> None:
    """The real pipeline on a JSONL export: each record's date and source reach the
    evidence in graph.json and the exports beside it."""
    records = [
        {"id": "a", "date": "2018-12-01", "source": "Le Monde", "text": " ".join(TEXT)},
        {"id": "b", "source": "RFI", "text": "Emmanuel Macron a critiqué Marine Le Pen à Paris."},
    ]  # fmt: skip
    (tmp_path / "in.jsonl").write_text(
        "\n".join(json.dumps(r, ensure_ascii=False) for r in records), encoding="utf-8"
    )
    result = build([tmp_path / "in.jsonl"], tmp_path / "out")
    items = [i for _, _, d in result.graph.edges(data=True) for i in d["evidence"]]
    assert {(i["article"], i["outlet"], i["date"]) for i in items} >= {
        ("a", "Le Monde", "2018-12-01")
    }
    assert {(i["article"], i["outlet"], i["date"]) for i in items} >= {("b", "RFI", "")}
    assert nx.read_graphml(tmp_path / "out" / "graph.graphml").number_of_nodes() == len(
        result.graph
    )
    assert [a.date for a in result.summary.processed] == ["2018-12-01", ""]


def test_an_article_sentence_that_looks_like_a_formula_stays_text_in_the_csv(
    tmp_path: Path,
) -> None:
    hostile = ProcessedArticle(
        '=HYPERLINK("http://x")', "fr", "=cmd|' /C calc'!A0", "", "@SUM(1+1)", 40, ""
    )
    sentences = (Sentence(0, 0, 0, 10, "-2+3 Volodymyr Zelensky remercie l'OTAN."),)
    names = (("Volodymyr Zelensky", "PER"), ("OTAN", "ORG"))
    mentions = tuple(Mention(n, entity_key(n), t, 0, 0, 1, n) for n, t in names)
    write_exports(build_graph([ArticleExtraction(hostile, sentences, mentions, ())]), tmp_path)
    for name in ("nodes.csv", "edges.csv", "evidence.csv"):
        with (tmp_path / name).open(encoding="utf-8", newline="") as handle:
            cells = [cell for row in csv.reader(handle) for cell in row]
        assert not [cell for cell in cells if cell[:1] in ("=", "+", "-", "@")], name
    evidence = (tmp_path / "evidence.csv").read_text(encoding="utf-8")
    assert "'=HYPERLINK" in evidence and "'-2+3 Volodymyr" in evidence
