"""`newsgraph eval`: entity and relation scores against gold annotations."""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
import pytest

from graph.errors import InputError
from graph.evaluate import evaluate, read_gold

GOLD = {
    "article": "a.txt",
    "entities": [
        {"name": "Russie", "type": "LOC", "aliases": ["Moscou"]},
        {"name": "Luigi Di Maio", "type": "PER", "aliases": ["Mr Di Maio"]},
        {"name": "OTAN", "type": "ORG", "aliases": []},
    ],
    "relations": [
        {"source": ["Russie"], "kind": "denies", "target": ["Luigi Di Maio"]},
        {"source": ["OTAN"], "kind": "supports", "target": ["Russie"]},
    ],
}


def _graph() -> nx.MultiDiGraph:
    graph = nx.MultiDiGraph()
    for node, label, aliases in [
        ("Q159", "Russie", ["Moscou", "Russie"]),
        ("di maio", "Di Maio", ["Di Maio"]),
        ("luigi", "Luigi", ["Luigi"]),  # a second node for Di Maio: merging incomplete
        ("junk", "Approche", ["Approche"]),  # not in the gold: a false entity
    ]:
        graph.add_node(node, label=label, aliases=aliases, articles=["a.txt"])
    evidence = [{"article": "a.txt", "sentence": "Moscou a démenti.", "cue": "démenti"}]
    graph.add_edge("Q159", "di maio", key="denies", kind="denies", evidence=evidence)
    graph.add_edge("Q159", "junk", key="supports", kind="supports", evidence=evidence)
    return graph


@pytest.fixture
def gold(tmp_path: Path):
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(GOLD, ensure_ascii=False) + "\n", encoding="utf-8")
    return read_gold(path)


def test_entity_scores_count_found_and_false_nodes(gold) -> None:
    result = evaluate(_graph(), gold)
    assert (result.entities.found_gold, result.entities.gold) == (2, 3)  # OTAN missed
    assert (result.entities.true_predicted, result.entities.predicted) == (2, 4)
    assert result.missed_entities == ["a.txt: OTAN (ORG)"]


def test_gold_aliases_with_honorifics_match_bare_names(gold) -> None:
    assert "a.txt: Luigi Di Maio (PER)" not in evaluate(_graph(), gold).missed_entities


def test_relations_match_on_any_acceptable_name_and_kind(gold) -> None:
    result = evaluate(_graph(), gold)
    assert (result.relations.true_predicted, result.relations.predicted) == (1, 2)
    assert (result.relations.found_gold, result.relations.gold) == (1, 2)
    assert result.relations.precision == 0.5 and result.relations.recall == 0.5


def test_nodes_per_gold_entity_counts_split_entities(gold) -> None:
    assert evaluate(_graph(), gold).nodes_per_gold_entity == 1.0


def test_malformed_gold_line_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(GOLD) + "\n{oops\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"gold\.jsonl:2"):
        read_gold(path)
