"""Canonical entities: every merge rule, and what must not merge."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from graph.aliases import read_aliases
from graph.build import build_graph
from graph.entities import Mention, Sentence
from graph.errors import InputError
from graph.extract import ArticleExtraction
from graph.gazetteer import load_gazetteer
from graph.names import entity_key
from graph.summary import ProcessedArticle

ROOT = Path(__file__).resolve().parent.parent


def _article(article: str, *names: tuple[str, str]) -> ArticleExtraction:
    sentence = Sentence(0, 0, 0, 100, " ".join(name for name, _ in names) + ".")
    mentions = tuple(
        Mention(name, entity_key(name), type_, 0, i * 10, i * 10 + len(name), name)
        for i, (name, type_) in enumerate(names)
    )
    return ArticleExtraction(ProcessedArticle(article, "fr"), (sentence,), mentions)


def _nodes(*articles: ArticleExtraction, **kwargs) -> dict[str, dict]:
    return dict(build_graph(list(articles), **kwargs).nodes(data=True))


def _labels(*articles: ArticleExtraction, **kwargs) -> set[str]:
    return {data["label"] for data in _nodes(*articles, **kwargs).values()}


def test_transliterations_of_a_person_are_one_node() -> None:
    labels = _labels(
        _article("a", ("Volodymyr Zelensky", "PER")),
        _article("b", ("Volodymyr Zelenskyy", "PER")),
        _article("c", ("Sergueï Lavrov", "PER")),
        _article("d", ("Sergei Lavrov", "PER")),
    )
    assert len(labels) == 2


def test_surname_alone_in_another_article_joins_the_full_name() -> None:
    nodes = _nodes(_article("a", ("Volodymyr Zelensky", "PER")), _article("b", ("Zelenski", "PER")))
    assert list(nodes) == ["volodymyr zelensky"]
    assert nodes["volodymyr zelensky"]["articles"] == ["a", "b"]
    assert nodes["volodymyr zelensky"]["aliases"] == ["Volodymyr Zelensky", "Zelenski"]


def test_initial_and_surname_join_the_full_name() -> None:
    assert _labels(
        _article("a", ("Volodymyr Zelensky", "PER")), _article("b", ("V. Zelensky", "PER"))
    ) == {"Volodymyr Zelensky"}


def test_acronym_joins_the_organisation_it_spells() -> None:
    labels = _labels(_article("a", ("Parti socialiste", "ORG")), _article("b", ("PS", "ORG")))
    assert labels == {"Parti socialiste"}


def test_people_sharing_a_surname_stay_apart_and_the_bare_surname_is_flagged() -> None:
    graph = build_graph(
        [
            _article("a", ("Marine Le Pen", "PER")),
            _article("b", ("Jean-Marie Le Pen", "PER")),
            _article("c", ("Le Pen", "PER")),
        ]
    )
    assert graph.number_of_nodes() == 3
    flagged = {(d["a"], d["b"]) for d in graph.graph["possible_duplicates"]}
    assert {("jean marie le pen", "le pen"), ("le pen", "marine le pen")} <= flagged
    assert ("jean marie le pen", "marine le pen") not in flagged  # two given names, two people


def test_similar_places_and_an_organisation_and_its_country_stay_apart() -> None:
    nodes = _nodes(
        _article("a", ("Saint-Denis", "LOC"), ("Saint-Dizier", "LOC")),
        _article("b", ("Russie", "LOC"), ("ministère russe des Affaires étrangères", "ORG")),
    )
    assert len(nodes) == 4


@pytest.mark.parametrize(
    ("names", "lang"),
    [
        (["OTAN", "Organisation du traité de l'Atlantique nord", "NATO", "l'Otan"], "fr"),
        (["ONU", "Nations unies", "Nations Unies", "UN", "United Nations"], "fr"),
        (["UE", "Union européenne", "EU", "European Union"], "fr"),
        (["États-Unis", "Etats-Unis", "Américains", "USA", "United States"], "fr"),
        (["Corée du Nord", "Nord-Coréen", "Nord-Coréens", "RPDC", "North Korea"], "fr"),
        (["Russia", "Russie", "the Kremlin", "Kremlin", "Moscow", "Russians"], "en"),
    ],
)
def test_gazetteer_names_acronyms_demonyms_and_capitals_share_one_id(names, lang) -> None:
    gazetteer = load_gazetteer()
    ids = set()
    for name in names:
        bare = name.removeprefix("l'").removeprefix("the ")
        match = gazetteer.lookup(bare, lang)
        assert match is not None, name
        ids.add(match.actor.id)
    assert len(ids) == 1


def test_gazetteer_keeps_a_country_and_its_neighbour_apart() -> None:
    gazetteer = load_gazetteer()
    north, south = gazetteer.lookup("Corée du Nord", "fr"), gazetteer.lookup("Corée du Sud", "fr")
    assert north and south and north.actor.id != south.actor.id
    assert gazetteer.lookup("Corée du Nord", "fr").actor.qid == "Q423"


ALIASES = """
[[merge]]
names = ["Emmanuel Macron", "le président français"]
label = "Emmanuel Macron (président)"

[[keep_apart]]
names = ["Volodymyr Zelensky", "Zelensky"]

[rename]
"Angela Merkel" = "Angela Dorothea Merkel"
"""


def test_alias_file_merges_keeps_apart_and_renames(tmp_path: Path) -> None:
    path = tmp_path / "aliases.toml"
    path.write_text(ALIASES, encoding="utf-8")
    rules = read_aliases(path)
    nodes = _nodes(
        _article("a", ("Emmanuel Macron", "PER"), ("Volodymyr Zelensky", "PER")),
        _article("b", ("le président français", "PER"), ("Zelensky", "PER")),
        _article("c", ("Angela Merkel", "PER")),
        aliases=rules,
    )
    labels = {data["label"] for data in nodes.values()}
    assert "Emmanuel Macron (président)" in labels
    assert "le président français" not in labels
    assert {"Volodymyr Zelensky", "Zelensky"} <= labels
    assert "Angela Dorothea Merkel" in labels


def test_malformed_alias_file_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "aliases.toml"
    path.write_text("[[merge]]\nnames = 3\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"aliases\.toml"):
        read_aliases(path)


def test_ids_are_stable_whatever_the_article_order() -> None:
    articles = [
        _article("a", ("Volodymyr Zelensky", "PER"), ("PS", "ORG")),
        _article("b", ("Zelensky", "PER"), ("Parti socialiste", "ORG")),
    ]
    assert list(build_graph(articles).nodes) == list(build_graph(articles[::-1]).nodes)


def test_report_lists_possible_duplicates(tmp_path: Path) -> None:
    from graph.render import render_report
    from graph.summary import CorpusSummary

    graph = build_graph(
        [
            _article("a", ("Marine Le Pen", "PER")),
            _article("b", ("Jean-Marie Le Pen", "PER")),
            _article("c", ("Le Pen", "ORG")),
        ]
    )
    html = render_report(graph, CorpusSummary(), tmp_path / "report.html").read_text()
    section = html[html.index('id="duplicates"') :]
    assert "Possible duplicates (2)" in section
    assert "Marine Le Pen" in section and "Jean-Marie Le Pen" in section


def test_a_tie_between_types_is_decided_the_same_way_on_every_run(tmp_path: Path) -> None:
    # Merged by the alias file, the two keys vote ORG once and LOC once in all: the node's
    # type went with the order of a set of strings, which Python's hash seed changes from one
    # run to the next. Ties now go to the preferred key's first vote.
    aliases = tmp_path / "aliases.toml"
    aliases.write_text(
        '[[merge]]\nnames = ["Confédération française démocratique du travail", "CFDT"]\n',
        encoding="utf-8",
    )
    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "from graph.aliases import read_aliases\n"
        "from tests.test_canonical import _article, _nodes\n"
        "nodes = _nodes(\n"
        "    _article('a', ('Confédération française démocratique du travail', 'ORG')),\n"
        "    _article('b', ('CFDT', 'LOC')),\n"
        "    aliases=read_aliases(Path(sys.argv[1])),\n"
        ")\n"
        "print(len(nodes), *sorted(data['type'] for data in nodes.values()))\n"
    )
    seen = {
        subprocess.run(
            [sys.executable, "-c", script, str(aliases)],
            cwd=ROOT,
            env={**os.environ, "PYTHONHASHSEED": str(seed)},
            check=True,
            capture_output=True,
            text=True,
        ).stdout.strip()
        for seed in range(6)
    }
    assert seen == {"1 ORG"}
