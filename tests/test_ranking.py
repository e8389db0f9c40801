"""Influence in the stance graph: who stances are about, not who is named most."""

from __future__ import annotations

import networkx as nx

from graph.ranking import rank_entities


def test_the_most_targeted_entity_ranks_first_even_when_named_less() -> None:
    graph = nx.MultiDiGraph()
    graph.add_node("talkative", mentions=50)
    graph.add_node("target", mentions=3)
    for speaker in ("talkative", "a", "b", "c"):
        if speaker != "target":
            graph.add_edge(speaker, "target", key="criticises", kind="criticises", weight=1)
    graph.add_edge("talkative", "a", key="co_mention", kind="co_mention", weight=40)
    ranks = rank_entities(graph)
    assert max(ranks, key=lambda node: ranks[node].influence) == "target"
    assert (ranks["target"].stances_in, ranks["talkative"].stances_out) == (4, 1)


def test_influence_averages_one_over_entities_with_a_stance_and_is_absent_without() -> None:
    graph = nx.MultiDiGraph()
    graph.add_edge("a", "b", key="supports", kind="supports", weight=2)
    graph.add_edge("c", "b", key="denies", kind="denies", weight=1)
    graph.add_edge("b", "d", key="co_mention", kind="co_mention", weight=1)
    ranks = rank_entities(graph)
    assert set(ranks) == {"a", "b", "c"}
    assert abs(sum(rank.influence for rank in ranks.values()) / 3 - 1.0) < 0.01
    assert ranks["b"].stances_in == 3
