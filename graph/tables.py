"""The graph as pandas DataFrames: one row an entity, an edge, or an evidence sentence
(for notebooks).

pandas is optional (the `notebook` extra): without it these functions say how to install it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import networkx as nx

if TYPE_CHECKING:
    import pandas as pd

ENTITY_COLUMNS = ["id", "label", "type", "mentions", "articles", "aliases"]
EDGE_COLUMNS = [
    "source",
    "source_label",
    "kind",
    "target",
    "target_label",
    "weight",
    "confidence",
    "evidence_total",
    "article",
    "outlet",
    "date",
    "url",
    "cue",
    "first_evidence",
]
PANDAS_MISSING = (
    "this needs pandas, which is not installed; install it with `pip install pandas` "
    "(or `pip install 'newsgraph[notebook]'`)"
)


def _pandas() -> Any:
    """The pandas module, or an ImportError that says how to install it."""
    try:
        import pandas
    except ImportError as error:
        raise ImportError(PANDAS_MISSING, name="pandas") from error
    return pandas


def entities_frame(graph: nx.MultiDiGraph) -> pd.DataFrame:
    """Entities, most mentioned first; `articles` is a count, `aliases` a joined string.

    >>> g = nx.MultiDiGraph()
    >>> g.add_node("a", label="A", type="PER", mentions=2, articles=["x"], aliases=["A"])
    >>> entities_frame(g)["label"].tolist()
    ['A']
    """
    pd = _pandas()
    rows = [
        {
            "id": node,
            "label": data["label"],
            "type": data["type"],
            "mentions": data["mentions"],
            "articles": len(data["articles"]),
            "aliases": " | ".join(data["aliases"]),
        }
        for node, data in graph.nodes(data=True)
    ]
    frame = pd.DataFrame(rows, columns=ENTITY_COLUMNS)
    return frame.sort_values(["mentions", "label"], ascending=[False, True], ignore_index=True)


def edges_frame(graph: nx.MultiDiGraph) -> pd.DataFrame:
    """Edges, strongest first: both ends' ids (to join with entities_frame) and labels, and
    where the first evidence sentence was read (article id, outlet, date, url) with its cue.
    `confidence` is empty (NaN) for co-mentions and stances the rules alone read."""
    pd = _pandas()
    labels = nx.get_node_attributes(graph, "label")
    rows = [
        _edge_row(source, target, data, labels) for source, target, data in graph.edges(data=True)
    ]
    frame = pd.DataFrame(rows, columns=EDGE_COLUMNS)
    return frame.sort_values(["weight", "source_label"], ascending=[False, True], ignore_index=True)


def _edge_row(
    source: str, target: str, data: dict[str, Any], labels: dict[str, str]
) -> dict[str, Any]:
    first = data["evidence"][0] if data["evidence"] else {}
    return {
        "source": source,
        "source_label": labels.get(source, source),
        "kind": data["kind"],
        "target": target,
        "target_label": labels.get(target, target),
        "weight": data["weight"],
        "confidence": data.get("confidence"),
        "evidence_total": data["evidence_total"],
        "article": first.get("article", ""),
        "outlet": first.get("outlet", ""),
        "date": first.get("date", ""),
        "url": first.get("url", ""),
        "cue": first.get("cue", ""),
        "first_evidence": first.get("sentence", ""),
    }


def evidence_frame(graph: nx.MultiDiGraph) -> pd.DataFrame:
    """One row per evidence sentence kept, the rows of `evidence.csv` (graph.export_files):
    both ends' ids and labels, kind, confidence, where it was read (article, outlet, date,
    title, url), cue, speaker and target as written, and the sentence with the ones around
    it — what a fact-checker filters on ("every accusation in Le Monde in December")."""
    from graph.export_files import EVIDENCE_COLUMNS, evidence_rows

    pd = _pandas()
    return pd.DataFrame(list(evidence_rows(graph)), columns=list(EVIDENCE_COLUMNS))
