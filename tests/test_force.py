"""The near-linear layout of large components (graph.render.force) and where it is used."""

from __future__ import annotations

import math

import networkx as nx

from graph.render.force import SKELETON_NODES, force_layout
from graph.render.layout import EXACT_LAYOUT_MAX_NODES, select_drawn, static_positions
from graph.render.model import read_graph
from tests.test_render import add_entity, add_relation


def two_parties(leaves: int) -> nx.Graph:
    """Two leaders, linked, each with `leaves` followers of their own."""
    graph = nx.Graph()
    graph.add_edge("leader a", "leader b", strength=1.0)
    for leader in ("a", "b"):
        for i in range(leaves):
            graph.add_edge(f"leader {leader}", f"follower {leader} {i:04d}", strength=1.0)
    return graph


def test_every_node_gets_its_own_position() -> None:
    positions = force_layout(two_parties(400), seed=1)
    assert len(positions) == 802
    assert len({(round(x, 3), round(y, 3)) for x, y in positions.values()}) == 802


def test_followers_sit_nearer_their_own_leader_than_the_other() -> None:
    positions = force_layout(two_parties(400), seed=1)
    own_side = [
        math.dist(positions[node], positions[f"leader {node.split()[1]}"])
        < math.dist(positions[node], positions[f"leader {'b' if node.split()[1] == 'a' else 'a'}"])
        for node in positions
        if node.startswith("follower")
    ]
    assert sum(own_side) / len(own_side) > 0.9


def test_nodes_beyond_the_skeleton_are_placed_too() -> None:
    path = nx.path_graph([f"n{i:05d}" for i in range(SKELETON_NODES * 3)])
    positions = force_layout(path, seed=1)
    assert set(positions) == set(path.nodes)
    assert all(math.isfinite(x) and math.isfinite(y) for x, y in positions.values())


def test_same_positions_whatever_the_insertion_order() -> None:
    forward = two_parties(300)
    backward = nx.Graph()
    backward.add_nodes_from(reversed(list(forward.nodes)))
    backward.add_edges_from(reversed(list(forward.edges(data=True))))
    assert force_layout(forward, seed=3) == force_layout(backward, seed=3)


def test_a_drawing_larger_than_the_exact_layout_limit_gets_every_position() -> None:
    graph = nx.MultiDiGraph()
    add_entity(graph, "LOC:hub", "Hub", 10_000)
    leaves = EXACT_LAYOUT_MAX_NODES + 100
    for i in range(leaves):
        add_entity(graph, f"PER:leaf {i:04d}", f"Leaf {i}", i + 1)
        add_relation(graph, "LOC:hub", f"PER:leaf {i:04d}", "co_mention", i + 1)
    data = read_graph(graph)
    positions = static_positions(data, select_drawn(data, leaves + 1, leaves))
    assert len(positions) == leaves + 1
    assert len(set(positions.values())) == leaves + 1
