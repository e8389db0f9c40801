"""Camps on the signed stance graph: supports inside a camp, oppositions across."""

from __future__ import annotations

import networkx as nx

from graph.camps import SPECTRAL_LIMIT, find_camps


def _graph(*edges: tuple[str, str, str, int]) -> nx.MultiDiGraph:
    graph = nx.MultiDiGraph()
    for source, kind, target, weight in edges:
        graph.add_edge(source, target, key=kind, kind=kind, weight=weight)
    return graph


def test_a_balanced_graph_splits_into_its_two_camps_with_no_frustration() -> None:
    graph = _graph(
        ("Macron", "supports", "Philippe", 2),
        ("Castaner", "supports", "Macron", 1),
        ("Le Pen", "criticises", "Macron", 3),
        ("Bardella", "supports", "Le Pen", 1),
        ("Bardella", "accuses", "Castaner", 1),
    )
    found = find_camps(graph)
    assert found.frustration == 0
    assert found.camp_of["Macron"] == found.camp_of["Philippe"] == found.camp_of["Castaner"]
    assert found.camp_of["Le Pen"] == found.camp_of["Bardella"] != found.camp_of["Macron"]
    biggest = found.camps[0]
    assert (biggest.number, biggest.members) == (1, ("Castaner", "Macron", "Philippe"))
    assert (biggest.internal_supports, biggest.cross_oppositions) == (3, 4)


def test_co_mentions_say_nothing_about_sides() -> None:
    graph = _graph(("Macron", "supports", "Philippe", 1), ("Macron", "co_mention", "Le Pen", 9))
    assert set(find_camps(graph).camp_of) == {"Macron", "Philippe"}


def test_an_unbalanced_triangle_keeps_the_strong_ties_and_counts_the_weak_one() -> None:
    # Two allies both oppose a third, who supports one of them once: that support frustrates.
    graph = _graph(
        ("A", "supports", "B", 3),
        ("A", "denies", "C", 2),
        ("B", "criticises", "C", 2),
        ("C", "supports", "B", 1),
    )
    found = find_camps(graph)
    assert found.camp_of["A"] == found.camp_of["B"] != found.camp_of["C"]
    assert found.frustration == 1
    assert sum(camp.frustration for camp in found.camps) == 2  # a crossing tie counts in both


def test_three_mutually_hostile_groups_get_three_camps() -> None:
    # Two camps cannot hold three groups that all oppose one another: relocation opens a third.
    groups = [("a1", "a2"), ("b1", "b2"), ("c1", "c2")]
    edges = [(x, "supports", y, 2) for x, y in groups]
    edges += [(g[0], "criticises", h[0], 2) for g in groups for h in groups if g != h]
    found = find_camps(_graph(*edges))
    assert len({found.camp_of[g[0]] for g in groups}) == 3
    assert all(found.camp_of[x] == found.camp_of[y] for x, y in groups)
    assert found.frustration == 0


def test_separate_debates_are_separate_camps_numbered_largest_first() -> None:
    graph = _graph(
        ("Trump", "supports", "Netanyahu", 1),
        ("Salvini", "supports", "Di Maio", 1),
        ("Di Maio", "supports", "Conte", 1),
    )
    found = find_camps(graph)
    assert [camp.members for camp in found.camps] == [
        ("Conte", "Di Maio", "Salvini"),
        ("Netanyahu", "Trump"),
    ]


def test_the_same_graph_gives_the_same_camps_whatever_the_edge_order() -> None:
    edges = [
        ("A", "supports", "B", 1),
        ("C", "accuses", "A", 1),
        ("D", "supports", "C", 2),
        ("D", "denies", "B", 1),
        ("E", "criticises", "D", 1),
    ]
    assert find_camps(_graph(*edges)) == find_camps(_graph(*reversed(edges)))


def test_a_part_too_large_for_the_eigensolver_is_seeded_by_balance_colouring() -> None:
    # A chain of alternating support and opposition, longer than the spectral limit.
    size = SPECTRAL_LIMIT + 20
    edges = [
        (f"n{i:05d}", "supports" if i % 2 else "criticises", f"n{i + 1:05d}", 1)
        for i in range(size)
    ]
    found = find_camps(_graph(*edges))
    assert found.frustration == 0
    assert len(found.camps) == 2


def test_an_opponent_of_one_side_joins_the_other_side_rather_than_a_camp_of_its_own() -> None:
    # Seeded with the wrong side, C only opposes A: it moves to B's camp, not a new one.
    graph = _graph(
        ("A", "criticises", "B", 3),
        ("C", "criticises", "A", 1),
        ("D", "supports", "B", 1),
    )
    found = find_camps(graph)
    assert found.camp_of["C"] == found.camp_of["B"] == found.camp_of["D"]
    assert len(found.camps) == 2
