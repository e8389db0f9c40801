"""The Neo4j bulk-import files: headers in `neo4j-admin database import` syntax, one node a
row, one relationship a row, arrays split on `;` giving back the graph's lists."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import networkx as nx

from graph.build import build_graph
from graph.entities import Mention, Sentence, entity_key
from graph.export_files import (
    ARRAY_DELIMITER,
    EXPORT_NAMES,
    NEO4J_NODE_HEADER,
    NEO4J_RELATIONSHIP_HEADER,
    write_exports,
)
from graph.extract import ArticleExtraction
from graph.summary import ProcessedArticle

from .test_export_files import _graph

#: A header field of the importer: a property `name:type` (`type[]` an array), or a special
#: column (`:LABEL`, `:START_ID`, `:END_ID`, `:TYPE`, `name:ID`).
PROPERTY = re.compile(r"^[a-z_]+(:(int|float|boolean|string)(\[\])?)?$")
SPECIAL = {":LABEL", ":START_ID", ":END_ID", ":TYPE", "id:ID"}
#: A Neo4j relationship type or label that needs no backquotes.
NAME = re.compile(r"^[A-Za-z][A-Za-z0-9_]*$")


def _read(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


def _exported(graph: nx.MultiDiGraph, folder: Path) -> tuple[list[dict[str, str]], ...]:
    write_exports(graph, folder, to=["neo4j"])
    tables = []
    for name in ("neo4j_nodes", "neo4j_relationships"):
        header, *rows = _read(folder / EXPORT_NAMES[name])
        tables.append([dict(zip(header, row, strict=True)) for row in rows])
    return tuple(tables)


def test_headers_use_the_importer_syntax(tmp_path: Path) -> None:
    write_exports(_graph(), tmp_path, to=["neo4j"])
    nodes = _read(tmp_path / "neo4j-nodes.csv")[0]
    relationships = _read(tmp_path / "neo4j-relationships.csv")[0]
    assert nodes == list(NEO4J_NODE_HEADER) and relationships == list(NEO4J_RELATIONSHIP_HEADER)
    assert nodes[0] == "id:ID" and ":LABEL" in nodes
    assert relationships[:3] == [":START_ID", ":END_ID", ":TYPE"]
    for field in [*nodes, *relationships]:
        assert field in SPECIAL or PROPERTY.match(field), field
    assert "aliases:string[]" in nodes and "confidence:float" in relationships


def test_every_entity_is_a_node_with_its_labels_and_typed_properties(tmp_path: Path) -> None:
    graph = _graph()
    nodes, _ = _exported(graph, tmp_path)
    assert {row["id:ID"] for row in nodes} == set(graph.nodes)
    zelensky = next(row for row in nodes if row["label"] == "Volodymyr Zelensky")
    assert zelensky[":LABEL"].split(ARRAY_DELIMITER) == ["Entity", "Person"]
    assert zelensky["aliases:string[]"].split(ARRAY_DELIMITER) == ["Volodymyr Zelensky"]
    assert zelensky["articles:string[]"] == "kiev.html"
    assert int(zelensky["mentions:int"]) == 1
    otan = next(row for row in nodes if row["label"] == "OTAN")
    assert otan[":LABEL"] == "Entity;Organization"


def test_every_edge_is_a_relationship_between_known_ids(tmp_path: Path) -> None:
    graph = _graph()
    nodes, relationships = _exported(graph, tmp_path)
    ids = {row["id:ID"] for row in nodes}
    assert len(relationships) == graph.number_of_edges()
    assert all(r[":START_ID"] in ids and r[":END_ID"] in ids for r in relationships)
    assert all(NAME.match(r[":TYPE"]) for r in relationships)
    supports = next(r for r in relationships if r[":TYPE"] == "SUPPORTS")
    assert (supports[":START_ID"], supports[":END_ID"]) == ("volodymyr zelensky", "otan")
    assert (supports["directed:boolean"], float(supports["confidence:float"])) == ("true", 0.9)
    assert supports["articles:string[]"] == "kiev.html"
    mention = next(r for r in relationships if r[":TYPE"] == "CO_MENTION")
    assert (mention["directed:boolean"], mention["confidence:float"]) == ("false", "")


def test_a_delimiter_or_line_break_inside_a_name_cannot_split_an_array(tmp_path: Path) -> None:
    article = ProcessedArticle("a;b.txt", "fr", "", "", "", 40, "")
    text = "Volodymyr Zelensky remercie l'OTAN."
    names = (("Volodymyr Zelensky", "PER"), ("OTAN;\nNATO", "ORG"))
    mentions = tuple(Mention(n, entity_key(n), t, 0, 0, 1, n) for n, t in names)
    graph = build_graph([ArticleExtraction(article, (Sentence(0, 0, 0, len(text), text),),
                                           mentions, ())])  # fmt: skip
    nodes, relationships = _exported(graph, tmp_path)
    for row in nodes:
        assert len(row["articles:string[]"].split(ARRAY_DELIMITER)) == 1
        assert len(row["aliases:string[]"].split(ARRAY_DELIMITER)) == 1
        assert "\n" not in row["label"] and "\n" not in row["aliases:string[]"]
    assert [r["articles:string[]"] for r in relationships] == ["a b.txt"]


def test_only_the_chosen_formats_are_written(tmp_path: Path) -> None:
    written = write_exports(_graph(), tmp_path, to=["neo4j", "gexf"])
    assert [p.name for p in written] == ["graph.gexf", "neo4j-nodes.csv", "neo4j-relationships.csv"]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(p.name for p in written)


def test_ids_are_written_exactly_not_made_spreadsheet_safe(tmp_path: Path) -> None:
    """A leading "=" or "-" gets an apostrophe in the spreadsheet tables; here it would make
    a relationship point at an id no node has."""
    graph = nx.MultiDiGraph()
    graph.add_node("-1 jour", label="-1 jour", type="LOC")
    graph.add_node("=x", label="=x", type="ORG")
    graph.add_edge("-1 jour", "=x", key="co_mention", kind="co_mention", weight=1)
    nodes, relationships = _exported(graph, tmp_path)
    assert {row["id:ID"] for row in nodes} == {"-1 jour", "=x"}
    assert (relationships[0][":START_ID"], relationships[0][":END_ID"]) == ("-1 jour", "=x")
