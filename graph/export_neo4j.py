"""The graph as the two CSV files `neo4j-admin database import` reads: entities and edges.

Neo4j's bulk importer takes a header row that says what each column is: `id:ID` the node's
id (kept as its `id` property, so a Cypher query can find "emmanuel macron"), `:LABEL` its
labels, `:START_ID` / `:END_ID` / `:TYPE` a relationship's ends and type, and `name:int`,
`name:float`, `name:string[]` a typed property (arrays split on `;`, the importer's default,
declared again on the command line below). Each entity gets the label `Entity` and one for
its type (`Person`, `Organization`, `Place`); each edge the type of its kind in capitals
(`SUPPORTS`, `DENIES`, `CRITICISES`, `ACCUSES`, `CO_MENTION`). The evidence sentences stay in
evidence.csv (a sentence may hold `;` and line breaks, which an array cell cannot):

    neo4j-admin database import full --nodes=neo4j-nodes.csv \\
        --relationships=neo4j-relationships.csv --array-delimiter=";" neo4j
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

import networkx as nx

#: The importer's array delimiter: array cells are joined with it, so no item may hold it.
ARRAY_DELIMITER = ";"
#: What replaces the delimiter, or a line break, inside an array item or a name.
SAFE_SPACE = " "
#: A Neo4j label per entity type (its first label is always `Entity`).
TYPE_LABELS = {"PER": "Person", "ORG": "Organization", "LOC": "Place", "MISC": "Misc"}
NODE_HEADER = (
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
RELATIONSHIP_HEADER = (
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
    """The node file: one row an entity, typed as NODE_HEADER says."""
    return _csv(NODE_HEADER, _node_rows(graph))


def neo4j_relationships_csv(graph: nx.MultiDiGraph) -> str:
    """The relationship file: one row an edge, from its source to its target."""
    return _csv(RELATIONSHIP_HEADER, _relationship_rows(graph))


def relationship_type(kind: str) -> str:
    """The Neo4j type of an edge kind: "co_mention" → "CO_MENTION"."""
    return kind.upper()


def _node_rows(graph: nx.MultiDiGraph) -> Iterable[Sequence[object]]:
    for node, data in graph.nodes(data=True):
        entity_type = data.get("type", "")
        labels = ["Entity", *([TYPE_LABELS[entity_type]] if entity_type in TYPE_LABELS else [])]
        yield (
            node,
            _text(data.get("label", node)),
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


def _relationship_rows(graph: nx.MultiDiGraph) -> Iterable[Sequence[object]]:
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


def _text(value: object) -> str:
    """A one-line string: the importer reads a line break inside a cell only when told to
    (--multiline-fields), and names never need one."""
    return " ".join(str(value).split())


def _array(items: Iterable[object]) -> str:
    """Items joined by the array delimiter, each made safe to split on it again."""
    return ARRAY_DELIMITER.join(
        _text(str(item).replace(ARRAY_DELIMITER, SAFE_SPACE)) for item in items
    )


def _blank_if_none(value: object) -> object:
    """An empty cell: the importer sets no property for an empty typed field."""
    return "" if value is None else value


def _csv(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue()
