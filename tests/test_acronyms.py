"""Acronyms and their expansions: what an article defines holds in that article; across the
corpus an acronym joins only an expansion the corpus or the language data knows.

Real sentences come from `shared/corpus/bulk/gilets_jaunes.jsonl`; fresh ones are written
for the test."""

from __future__ import annotations

import pytest

from graph.acronyms import expand_defined_acronyms, spells
from graph.build import build_graph
from graph.clean import clean_text
from graph.entities import Mention, Sentence, mentions_of
from graph.extract import ArticleExtraction
from graph.gazetteer import load_gazetteer
from graph.names import entity_key
from graph.summary import ProcessedArticle

# Real: the gilets jaunes list for the European elections, and the referendum they ask for.
RALLIEMENT = (
    "C'est mercredi que l'on a appris la participation d'une liste, dénommée Ralliement "
    "d'initiative citoyenne (RIC), aux élections européennes de mai prochain. La liste du "
    "RIC sera conduite par Ingrid Levavasseur."
)
REFERENDUM = (
    "Les manifestants réclament la mise en place du référendum d'initiative citoyenne (RIC), "
    "à l'image de ce qui se fait en Suisse. Le RIC est devenu leur première revendication."
)


def _mentions(text: str, *names: tuple[str, str]) -> list[Mention]:
    """Mentions of `names` (name, type), each at its every place in the text."""
    found = []
    for name, type_ in names:
        start = text.find(name)
        while start >= 0:
            end = start + len(name)
            found.append(Mention(name, entity_key(name), type_, 0, start, end, name))
            start = text.find(name, end)
    return sorted(found, key=lambda m: m.start)


def _article(article: str, text: str, *names: tuple[str, str]) -> ArticleExtraction:
    """One article whose mentions are `names`, with the acronyms it defines expanded."""
    mentions = tuple(expand_defined_acronyms(_mentions(text, *names), text))
    sentences = (Sentence(0, 0, 0, len(text), text),)
    return ArticleExtraction(ProcessedArticle(article, "fr"), sentences, mentions)


def test_an_acronym_defined_after_its_expansion_takes_its_key_in_the_article() -> None:
    mentions = _mentions(RALLIEMENT, ("Ralliement d'initiative citoyenne", "ORG"), ("RIC", "ORG"))
    expanded = expand_defined_acronyms(mentions, RALLIEMENT)
    assert [(m.name, m.key) for m in expanded] == [
        ("Ralliement d'initiative citoyenne", "ralliement d initiative citoyenne"),
        ("RIC", "ralliement d initiative citoyenne"),
        ("RIC", "ralliement d initiative citoyenne"),
    ]


def test_an_acronym_defined_before_its_expansion_in_brackets_takes_its_key() -> None:
    text = "La FNSEA (Fédération nationale des syndicats d'exploitants agricoles) appelle au calme."
    name = "Fédération nationale des syndicats d'exploitants agricoles"
    expanded = expand_defined_acronyms(_mentions(text, ("FNSEA", "ORG"), (name, "ORG")), text)
    assert {m.key for m in expanded} == {entity_key(name)}


def test_an_acronym_defined_by_words_no_entity_keeps_its_own_key() -> None:
    """The referendum is no named actor: "RIC" stays "ric", the referendum's node."""
    expanded = expand_defined_acronyms(_mentions(REFERENDUM, ("RIC", "ORG")), REFERENDUM)
    assert {m.key for m in expanded} == {"ric"}


def test_words_no_entity_defining_a_known_acronym_otherwise_make_it_their_own() -> None:
    """Bulk corpus: NER tags no « ralliement d'initiative citoyenne » in lower case, but
    the article says RIC is the list, not the referendum the data knows RIC for."""
    text = (
        "Dans un communiqué, le « ralliement d'initiative citoyenne » (RIC) a diffusé une "
        "liste de dix noms. Le RIC présentera 79 candidats."
    )
    expanded = expand_defined_acronyms(_mentions(text, ("RIC", "ORG")), text)
    assert {(m.key, m.canonical) for m in expanded} == {
        ("ralliement d initiative citoyenne", "Ralliement d'initiative citoyenne")
    }


def test_a_party_in_brackets_after_a_person_is_no_definition() -> None:
    text = "jours en cours, nous dit-on au cabinet du bourgmestre Philippe Close (PS)."
    mentions = _mentions(text, ("Philippe Close", "PER"), ("PS", "ORG"))
    assert expand_defined_acronyms(mentions, text) == mentions


def test_an_acronym_spells_initials_with_or_without_small_words() -> None:
    assert spells("LFI", "la france insoumise") and spells("FI", "la france insoumise")
    assert spells("RIC", "ralliement d initiative citoyenne")
    assert not spells("PS", "philippe close")
    assert not spells("RN", "rassemblement")


def test_ric_is_the_list_where_the_article_says_so_and_the_referendum_elsewhere() -> None:
    graph = build_graph(
        [
            _article("a", RALLIEMENT, ("Ralliement d'initiative citoyenne", "ORG"), ("RIC", "ORG")),
            _article("b", REFERENDUM, ("RIC", "ORG")),
        ]
    )
    assert sorted(graph.nodes) == ["ralliement d initiative citoyenne", "ric"]
    assert "RIC" in graph.nodes["ralliement d initiative citoyenne"]["aliases"]
    assert graph.nodes["ric"]["articles"] == ["b"]


def test_an_acronym_expanded_differently_in_two_articles_stays_two_actors() -> None:
    """Fresh: "CNR" is a council in one article, a radio in the other; a third article
    saying only "CNR" joins neither."""
    graph = build_graph(
        [
            _article(
                "a",
                "Le Conseil national de la résistance (CNR) a inspiré le programme. Le CNR a dit.",
                ("Conseil national de la résistance", "ORG"),
                ("CNR", "ORG"),
            ),
            _article(
                "b",
                "Interrogé par Canal Nord Radio (CNR), le maire a répondu. CNR l'a diffusé.",
                ("Canal Nord Radio", "ORG"),
                ("CNR", "ORG"),
            ),
            _article("c", "Le CNR a tout changé.", ("CNR", "ORG")),
        ]
    )
    assert sorted(graph.nodes) == ["canal nord radio", "cnr", "conseil national de la resistance"]
    assert graph.nodes["canal nord radio"]["articles"] == ["b"]


def test_an_acronym_no_article_defines_joins_the_only_organisation_spelling_it() -> None:
    graph = build_graph(
        [
            _article(
                "a",
                "Selon l'Union nationale des étudiants de France, la réforme est injuste.",
                ("Union nationale des étudiants de France", "ORG"),
            ),
            _article("b", "L'UNEF votera contre.", ("UNEF", "ORG")),
        ]
    )
    assert graph.number_of_nodes() == 1


def test_an_acronym_spelling_small_words_too_joins_nothing_no_article_defined() -> None:
    """Bench corpus: "RDV" (rendez-vous) would spell "rue de Vaucouleurs" with its "de"."""
    graph = build_graph(
        [
            _article("a", "au 10 rue de Vaucouleurs", ("rue de Vaucouleurs", "ORG")),
            _article("b", "RDV samedi à 14 heures", ("RDV", "ORG")),
        ]
    )
    assert graph.number_of_nodes() == 2


@pytest.mark.slow
def test_the_extractor_expands_an_acronym_the_article_defines(fr_nlp) -> None:
    """The real sentence through spaCy: "RIC" of the list is the list; "PS" is the party
    the gazetteer knows, with no definition needed."""
    gazetteer = load_gazetteer()
    doc = fr_nlp(clean_text(RALLIEMENT, "fr"))
    keys = {m.name: m.key for m in mentions_of(doc, "fr", gazetteer)}
    assert keys["RIC"] == keys["Ralliement d'initiative citoyenne"]
    doc = fr_nlp(clean_text(REFERENDUM, "fr"))
    assert {m.key for m in mentions_of(doc, "fr", gazetteer) if m.name == "RIC"} == {"ric"}
    doc = fr_nlp("Le PS a voté contre la motion de censure.")
    assert "ng:ps-france" in {m.key for m in mentions_of(doc, "fr", gazetteer)}


def test_dotted_initials_of_the_one_place_the_article_names_are_that_place() -> None:
    text = (
        "Alberta's premier accused British Columbia of blocking the line. B.C. said the "
        "spill plan was weak, and Victoria, B.C. officials agreed."
    )
    mentions = _mentions(text, ("British Columbia", "LOC"), ("B.C", "LOC"), ("Victoria", "LOC"))
    expanded = expand_defined_acronyms(mentions, text)
    assert {m.key for m in expanded if m.name == "B.C"} == {"british columbia"}


def test_dotted_initials_two_places_fit_stay_themselves() -> None:
    text = "New York and North Yorkshire both sent delegates. N.Y. sent the most."
    mentions = _mentions(text, ("New York", "LOC"), ("North Yorkshire", "LOC"), ("N.Y", "LOC"))
    expanded = expand_defined_acronyms(mentions, text)
    assert {m.key for m in expanded if m.name == "N.Y"} == {"n y"}
