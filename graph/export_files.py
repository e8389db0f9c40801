"""The graph for other tools: GraphML and GEXF (Gephi, Cytoscape, networkx), CSV tables and
Neo4j bulk-import files.

graph.json is the full contract (docs/graph-json.md). GraphML and GEXF hold only scalar
attributes, so every list or object attribute (a node's `aliases` and `articles`, an edge's
`evidence` and `by_article`, the graph's `possible_duplicates`) is written as its JSON text:
`json.loads` gives it back, and `networkx.read_graphml` / `read_gexf` read the files as they
are. The CSV tables are for spreadsheets: one row a node, one row an edge, and one row an
evidence sentence (with its outlet, date, url, cue and the sentences around it). The Neo4j
import files are at the end (see the Neo4j section).

>>> paths = write_exports(graph, Path("out"))  # doctest: +SKIP
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import cache
from pathlib import Path
from typing import Any

import networkx as nx

from graph.fsutil import write_text_atomic

#: The files written beside graph.json, by table.
EXPORT_NAMES = {
    "graphml": "graph.graphml",
    "gexf": "graph.gexf",
    "nodes": "nodes.csv",
    "edges": "edges.csv",
    "evidence": "evidence.csv",
    "neo4j_nodes": "neo4j-nodes.csv",
    "neo4j_relationships": "neo4j-relationships.csv",
}
#: The formats a user chooses (`newsgraph export --to`), and the tables each one writes.
FORMATS: dict[str, tuple[str, ...]] = {
    "graphml": ("graphml",),
    "gexf": ("gexf",),
    "csv": ("nodes", "edges", "evidence"),
    "neo4j": ("neo4j_nodes", "neo4j_relationships"),
}
NODE_COLUMNS = ("id", "label", "type", "qid", "mentions", "articles", "aliases")
EDGE_COLUMNS = (
    "source",
    "source_label",
    "kind",
    "target",
    "target_label",
    "weight",
    "confidence",
    "articles",
    "evidence_total",
)
EVIDENCE_COLUMNS = (
    "source",
    "source_label",
    "kind",
    "target",
    "target_label",
    "confidence",
    "article",
    "outlet",
    "date",
    "title",
    "url",
    "cue",
    "speaker",
    "target_words",
    "before",
    "sentence",
    "after",
)
#: A separator that names never hold, for the `aliases` cell of nodes.csv.
ALIAS_JOINER = " | "


def export_paths(outdir: Path, to: Iterable[str] | None = None) -> list[Path]:
    """Every file `write_exports` writes into `outdir` for the formats `to` (None: all)."""
    return [outdir / EXPORT_NAMES[table] for table in _tables(to)]


def write_exports(
    graph: nx.MultiDiGraph, outdir: Path, to: Iterable[str] | None = None
) -> list[Path]:
    """Write the formats `to` ("graphml", "gexf", "csv", "neo4j"; None: all of them) into
    `outdir`, each file atomically; return the files written.

    >>> write_exports(graph, Path("out"), to=["neo4j"])  # doctest: +SKIP
    [PosixPath('out/neo4j-nodes.csv'), PosixPath('out/neo4j-relationships.csv')]
    """

    @cache
    def flat() -> nx.MultiDiGraph:  # GraphML and GEXF write the same flattened copy
        return flat_graph(graph)

    writers: dict[str, Callable[[], str]] = {
        "graphml": lambda: "\n".join(nx.generate_graphml(flat())) + "\n",
        "gexf": lambda: "\n".join(nx.generate_gexf(flat())) + "\n",
        "nodes": lambda: _csv(NODE_COLUMNS, node_rows(graph)),
        "edges": lambda: _csv(EDGE_COLUMNS, edge_rows(graph)),
        "evidence": lambda: _csv(EVIDENCE_COLUMNS, evidence_rows(graph)),
        "neo4j_nodes": lambda: neo4j_nodes_csv(graph),
        "neo4j_relationships": lambda: neo4j_relationships_csv(graph),
    }
    return [
        write_text_atomic(outdir / EXPORT_NAMES[table], writers[table]()) for table in _tables(to)
    ]


def _tables(to: Iterable[str] | None) -> list[str]:
    """The tables of the formats `to`, in EXPORT_NAMES order; an unknown format is an error
    that names the known ones."""
    chosen = set(FORMATS) if to is None else set(to)
    unknown = sorted(chosen - set(FORMATS))
    if unknown:
        known = ", ".join(FORMATS)
        raise ValueError(f"unknown export format {', '.join(unknown)}: choose among {known}")
    wanted = {table for name in chosen for table in FORMATS[name]}
    return [table for table in EXPORT_NAMES if table in wanted]


def flat_graph(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy whose every attribute is a str, int, float or bool (lists and objects become
    their JSON text, None is left out): what GraphML and GEXF can hold.

    >>> g = nx.MultiDiGraph(possible_duplicates=[])
    >>> g.add_node("a", aliases=["A", "Á"])
    >>> flat_graph(g).nodes["a"]["aliases"]
    '["A", "Á"]'
    """
    flat = nx.MultiDiGraph(**_flat(graph.graph))
    flat.add_nodes_from((node, _flat(data)) for node, data in graph.nodes(data=True))
    flat.add_edges_from(
        (source, target, key, _flat(data))
        for source, target, key, data in graph.edges(keys=True, data=True)
    )
    return flat


def _flat(attributes: Mapping[str, Any]) -> dict[str, Any]:
    return {
        name: value if isinstance(value, (str, int, float, bool)) else _json(value)
        for name, value in attributes.items()
        if value is not None
    }


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def node_rows(graph: nx.MultiDiGraph) -> Iterable[Sequence[object]]:
    """One row a node: `articles` is how many articles name it, `aliases` joined."""
    for node, data in graph.nodes(data=True):
        yield (
            node,
            data.get("label", node),
            data.get("type", ""),
            data.get("qid", ""),
            data.get("mentions", 0),
            len(data.get("articles", ())),
            ALIAS_JOINER.join(data.get("aliases", ())),
        )


def edge_rows(graph: nx.MultiDiGraph) -> Iterable[Sequence[object]]:
    """One row an edge, with both ends' ids and labels; `articles` counts those stating it."""
    labels = nx.get_node_attributes(graph, "label")
    for source, target, data in graph.edges(data=True):
        yield (
            source,
            labels.get(source, source),
            data.get("kind", ""),
            target,
            labels.get(target, target),
            data.get("weight", 0),
            _blank_if_none(data.get("confidence")),
            len(data.get("by_article", {})),
            data.get("evidence_total", 0),
        )


def evidence_rows(graph: nx.MultiDiGraph) -> Iterable[Sequence[object]]:
    """One row an evidence sentence kept in graph.json, with its edge and its article."""
    labels = nx.get_node_attributes(graph, "label")
    for source, target, data in graph.edges(data=True):
        kind = data.get("kind", "")
        ends = (source, labels.get(source, source), kind, target, labels.get(target, target))
        for item in data.get("evidence", ()):
            said = [str(item.get(name, "")) for name in EVIDENCE_COLUMNS[6:12]]
            yield (
                *ends,
                _blank_if_none(item.get("confidence")),
                *said,
                item.get("speaker", ""),
                item.get("target", ""),
                item.get("before", ""),
                item.get("sentence", ""),
                item.get("after", ""),
            )


def _blank_if_none(value: object) -> object:
    return "" if value is None else value


#: First characters that make a spreadsheet read a cell as a formula ("=HYPERLINK(…)").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value: object) -> object:
    """A text cell that a spreadsheet would run as a formula, with a leading apostrophe:
    article text is untrusted, and "=cmd|…" in a quote must stay words when the CSV is
    opened in Excel or LibreOffice (OWASP's CSV injection advice). Numbers stay numbers."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _csv(header: Sequence[str], rows: Iterable[Sequence[object]], spreadsheet: bool = True) -> str:
    """The CSV text; for a spreadsheet (not for a database's importer, which must get ids
    exactly) with every formula-like cell made text."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows([spreadsheet_safe(c) for c in row] if spreadsheet else row for row in rows)
    return buffer.getvalue()


# --- Neo4j ---------------------------------------------------------------------------------
# The graph as the two CSV files `neo4j-admin database import` reads: entities and edges.
#
# Neo4j's bulk importer takes a header row that says what each column is: `id:ID` the node's
# id (kept as its `id` property, so a Cypher query can find "emmanuel macron"), `:LABEL` its
# labels, `:START_ID` / `:END_ID` / `:TYPE` a relationship's ends and type, and `name:int`,
# `name:float`, `name:string[]` a typed property (arrays split on `;`, the importer's default,
# declared again on the command line below). Each entity gets the label `Entity` and one for
# its type (`Person`, `Organization`, `Place`); each edge the type of its kind in capitals
# (`SUPPORTS`, `DENIES`, `CRITICISES`, `ACCUSES`, `CO_MENTION`). The evidence sentences stay in
# evidence.csv (a sentence may hold `;` and line breaks, which an array cell cannot):
#
#     neo4j-admin database import full --nodes=neo4j-nodes.csv \
#         --relationships=neo4j-relationships.csv --array-delimiter=";" neo4j

#: The importer's array delimiter: array cells are joined with it, so no item may hold it.
ARRAY_DELIMITER = ";"
#: What replaces the delimiter, or a line break, inside an array item or a name.
SAFE_SPACE = " "
#: A Neo4j label per entity type (its first label is always `Entity`).
TYPE_LABELS = {"PER": "Person", "ORG": "Organization", "LOC": "Place", "MISC": "Misc"}
NEO4J_NODE_HEADER = (
    "id:ID",
    "label",
    "type",
    "qid",
    "mentions:int",
    "articles:string[]",
    "aliases:string[]",
    "camp:int",
    "influence:float",
    "stances_in:int",
    "stances_out:int",
    ":LABEL",
)
NEO4J_RELATIONSHIP_HEADER = (
    ":START_ID",
    ":END_ID",
    ":TYPE",
    "kind",
    "directed:boolean",
    "weight:int",
    "confidence:float",
    "articles:string[]",
    "evidence_total:int",
)
#: The edge kinds that carry no direction (the others go from the speaker).
UNDIRECTED = frozenset({"co_mention"})


def neo4j_nodes_csv(graph: nx.MultiDiGraph) -> str:
    """The node file: one row an entity, typed as NEO4J_NODE_HEADER says."""
    return _csv(NEO4J_NODE_HEADER, _neo4j_node_rows(graph), spreadsheet=False)


def neo4j_relationships_csv(graph: nx.MultiDiGraph) -> str:
    """The relationship file: one row an edge, from its source to its target."""
    return _csv(NEO4J_RELATIONSHIP_HEADER, _neo4j_relationship_rows(graph), spreadsheet=False)


def relationship_type(kind: str) -> str:
    """The Neo4j type of an edge kind: "co_mention" → "CO_MENTION"."""
    return kind.upper()


def _neo4j_node_rows(graph: nx.MultiDiGraph) -> Iterable[Sequence[object]]:
    for node, data in graph.nodes(data=True):
        entity_type = data.get("type", "")
        labels = ["Entity", *([TYPE_LABELS[entity_type]] if entity_type in TYPE_LABELS else [])]
        yield (
            node,
            _one_line(data.get("label", node)),
            entity_type,
            data.get("qid", ""),
            data.get("mentions", 0),
            _array(data.get("articles", ())),
            _array(data.get("aliases", ())),
            _blank_if_none(data.get("camp")),
            _blank_if_none(data.get("influence")),
            _blank_if_none(data.get("stances_in")),
            _blank_if_none(data.get("stances_out")),
            ARRAY_DELIMITER.join(labels),
        )


def _neo4j_relationship_rows(graph: nx.MultiDiGraph) -> Iterable[Sequence[object]]:
    for source, target, data in graph.edges(data=True):
        kind = data.get("kind", "")
        yield (
            source,
            target,
            relationship_type(kind),
            kind,
            "false" if kind in UNDIRECTED else "true",
            data.get("weight", 0),
            _blank_if_none(data.get("confidence")),
            _array(data.get("by_article", {})),
            data.get("evidence_total", 0),
        )


def _one_line(value: object) -> str:
    """A one-line string: the importer reads a line break inside a cell only when told to
    (--multiline-fields), and names never need one."""
    return " ".join(str(value).split())


def _array(items: Iterable[object]) -> str:
    """Items joined by the array delimiter, each made safe to split on it again."""
    return ARRAY_DELIMITER.join(
        _one_line(str(item).replace(ARRAY_DELIMITER, SAFE_SPACE)) for item in items
    )
