"""The graph as pandas DataFrames: one row an entity, one row an edge (for notebooks)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import networkx as nx

if TYPE_CHECKING:
    import pandas as pd

ENTITY_COLUMNS = ["id", "label", "type", "mentions", "articles", "aliases"]
EDGE_COLUMNS = ["source", "kind", "target", "weight", "evidence_total", "first_evidence"]


def entities_frame(graph: nx.MultiDiGraph) -> pd.DataFrame:
    """Entities, most mentioned first; `articles` is a count, `aliases` a joined string."""
    import pandas as pd

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
    """Edges with their endpoints' labels, strongest first, and the first evidence sentence."""
    import pandas as pd

    labels = nx.get_node_attributes(graph, "label")
    rows = [
        {
            "source": labels[source],
            "kind": data["kind"],
            "target": labels[target],
            "weight": data["weight"],
            "evidence_total": data["evidence_total"],
            "first_evidence": data["evidence"][0]["sentence"] if data["evidence"] else "",
        }
        for source, target, data in graph.edges(data=True)
    ]
    frame = pd.DataFrame(rows, columns=EDGE_COLUMNS)
    return frame.sort_values(["weight", "source"], ascending=[False, True], ignore_index=True)
