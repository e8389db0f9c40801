"""[[reject]] in the alias file: wrong edges named by the user, dropped on every build."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest

from graph.aliases import Reject, read_aliases
from graph.errors import InputError
from graph.pipeline import BuildOptions, build
from graph.rejects import drop_rejected

REJECT = """[[merge]]
names = ["Emmanuel Macron", "Macron"]

[[reject]]
source = "Le Pen"
kind = "accuses"
target = "Emmanuel Macron"
"""

ARTICLE = (
    "Marine Le Pen a accusé Emmanuel Macron de mépriser les Français.\n\n"
    "Édouard Philippe a salué Emmanuel Macron pour son courage.\n"
)


def test_reject_groups_are_read_with_their_ends_normalised(tmp_path: Path) -> None:
    path = tmp_path / "aliases.toml"
    path.write_text(REJECT, encoding="utf-8")
    assert read_aliases(path).rejects == (Reject("le pen", "accuses", "emmanuel macron"),)


@pytest.mark.parametrize(
    ("group", "says"),
    [
        ('source = "A"\nkind = "likes"\ntarget = "B"\n', "kind 'likes' is not one of"),
        ('source = "A"\nkind = "supports"\n', "target must be a non-empty string"),
        ('source = "A"\nkind = "supports"\ntarget = ""\n', "target must be a non-empty string"),
        ('source = "A"\nkind = "supports"\ntarget = "B"\nweight = 2\n', "unknown field"),
    ],
)
def test_a_malformed_reject_names_the_file_and_its_line(
    tmp_path: Path, group: str, says: str
) -> None:
    path = tmp_path / "aliases.toml"
    path.write_text(f"{REJECT}\n[[reject]]\n{group}", encoding="utf-8")
    with pytest.raises(InputError) as error:
        read_aliases(path)
    message = str(error.value)
    assert message.startswith(f"{path}: line 9: ")
    assert "[[reject]] group 2" in message and says in message


def test_a_malformed_merge_group_names_its_line_too(tmp_path: Path) -> None:
    path = tmp_path / "aliases.toml"
    path.write_text('# my merges\n\n[[merge]]\nnames = "Macron"\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"aliases\.toml: line 3: .*\[\[merge\]\] group 1"):
        read_aliases(path)


def test_a_rejected_edge_is_dropped_by_label_or_alias_and_others_stay() -> None:
    graph = nx.MultiDiGraph()
    graph.add_node("macron", label="Emmanuel Macron", aliases=["Macron", "le président"])
    graph.add_node("le pen", label="Marine Le Pen", aliases=["Marine Le Pen"])
    graph.add_edge("le pen", "macron", key="accuses", kind="accuses")
    graph.add_edge("le pen", "macron", key="criticises", kind="criticises")
    graph.add_edge("le pen", "macron", key="co_mention", kind="co_mention")
    removed = drop_rejected(
        graph,
        [
            Reject("marine le pen", "accuses", "le president"),
            Reject("macron", "co_mention", "le pen"),
        ],
    )
    assert removed == 2
    assert list(graph.edges(keys=True)) == [("le pen", "macron", "criticises")]


@pytest.mark.slow
def test_a_rebuild_with_a_reject_file_parses_nothing_and_drops_the_edge(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    store = tmp_path / "s.duckdb"
    first = build([tmp_path / "in"], tmp_path / "out", BuildOptions(store=store))
    assert _has_edge(first.graph, "Le Pen", "accuses", "Emmanuel Macron")
    aliases = tmp_path / "aliases.toml"
    aliases.write_text(REJECT, encoding="utf-8")

    def no_model(*args: object, **kwargs: object) -> None:
        raise AssertionError("spaCy model loaded on a rebuild")

    monkeypatch.setattr("spacy.load", no_model)
    again = build([tmp_path / "in"], tmp_path / "out", BuildOptions(store=store, aliases=aliases))
    assert (again.extracted, again.reused) == (0, 1)
    assert not _has_edge(again.graph, "Le Pen", "accuses", "Emmanuel Macron")
    assert _has_edge(again.graph, "Édouard Philippe", "supports", "Emmanuel Macron")
    le_pen = next(n for n, a in again.graph.nodes(data=True) if a["label"] == "Le Pen")
    assert again.graph.nodes[le_pen]["camp"] == 0  # no stance left: in no camp


def _has_edge(graph: nx.MultiDiGraph, source: str, kind: str, target: str) -> bool:
    """Whether an edge joins the nodes labelled `source` and `target` (ids are the
    merge rules' business)."""
    label = nx.get_node_attributes(graph, "label")
    return any(
        (label[a], k, label[b]) == (source, kind, target) for a, b, k in graph.edges(keys=True)
    )
