"""Names NER cut short or missed, put right from the words around them (graph.known_actors,
graph.missed_mentions), and role descriptions that title the name after them
(graph.relations.roles): each on sentences of stories made up for the purpose and on
fresh ones, with what must be left alone."""

from __future__ import annotations

import pytest
from spacy.language import Language

from graph.clean import clean_text
from graph.entities import mentions_of
from graph.gazetteer import load_gazetteer
from graph.nlp import Pipelines
from graph.relations.roles import role_mentions

pytestmark = pytest.mark.slow


def _mentions(nlp: Language, text: str, lang: str) -> set[tuple[str, str]]:
    doc = nlp(clean_text(text, lang))
    return {(m.name, m.type) for m in mentions_of(doc, lang, load_gazetteer())}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # An organisation NER ended on its first word: the capitalised words after it.
        (
            "Ecojustice condemned the budget, while the Canadian Chamber of Commerce "
            "applauded its tax cuts.",
            ("Canadian Chamber of Commerce", "ORG"),
        ),
        (
            "Unions protested, while the Canadian Chamber of Commerce applauded the plan.",
            ("Canadian Chamber of Commerce", "ORG"),
        ),
        # Given names NER took for the whole name, before a surname that is also a word.
        (
            "Pierre Poilievre criticized the budget unveiled by Finance Minister "
            "François-Philippe Champagne.",
            ("François-Philippe Champagne", "PER"),
        ),
    ],
)
def test_english_names_cut_short_are_completed(
    en_nlp: Language, text: str, expected: tuple[str, str]
) -> None:
    assert expected in _mentions(en_nlp, text, "en")


def test_a_portfolio_before_a_ministers_title_is_no_organisation(en_nlp: Language) -> None:
    found = _mentions(
        en_nlp,
        "Pierre Poilievre criticized the budget unveiled by Finance Minister "
        "François-Philippe Champagne.",
        "en",
    )
    assert not {name for name, _ in found} & {"Finance", "Finance Minister"}


def test_an_organisation_is_not_extended_over_a_title(en_nlp: Language) -> None:
    found = _mentions(en_nlp, "The Ontario Federation of Agriculture criticised the plan.", "en")
    assert ("Ontario Federation of Agriculture", "ORG") in found


def test_a_given_name_ner_missed_with_its_surname_is_a_person(fr_nlp: Language) -> None:
    found = _mentions(
        fr_nlp,
        "Sophia Chikirou, investie par La France insoumise, a accusé la gauche municipale.",
        "fr",
    )
    assert ("Sophia Chikirou", "PER") in found


@pytest.mark.parametrize(
    "text",
    [
        "Sophia Chikirou Slams Paris Budget As Elections Near",
        "Here Is Why Sarah Wants Change",
    ],
)
def test_a_title_case_headline_makes_no_person_of_a_given_name(fr_nlp: Language, text: str) -> None:
    names = {name for name, _ in _mentions(fr_nlp, text, "fr")}
    assert not any(len(name.split()) > 2 for name in names)
    assert "Sarah Wants Change" not in names


def test_a_role_before_another_persons_name_titles_that_name(fr_nlp: Language) -> None:
    """ "le ministre de l'Intérieur, Bruno Retailleau" is no mention of the minister named
    before (Barrot, at Foreign Affairs): it titles Retailleau."""
    text = (
        "Le ministre des Affaires étrangères, Jean-Noël Barrot, a condamné mardi la "
        "décision de l'Algérie. Le ministère algérien a accusé le ministre de l'Intérieur, "
        "Bruno Retailleau, d'être l'instigateur de l'affaire."
    )
    doc = fr_nlp(clean_text(text, "fr"))
    gazetteer = load_gazetteer()
    named = mentions_of(doc, "fr", gazetteer)
    described = role_mentions(doc, named, "fr", gazetteer)
    assert not [m.name for m in described if m.key == "jean noel barrot"]


@pytest.mark.parametrize(
    ("lang", "text", "short", "full"),
    [
        (
            "en",
            "The European Commission fined Apple on Monday. Tim Cook said the Commission had "
            "ignored the law.",
            "Commission",
            "European Commission",
        ),
        (
            "fr",
            "La Fédération française de football a sanctionné le club. Le ministre a salué la "
            "décision de la Fédération.",
            "Fédération",
            "Fédération française de football",
        ),
    ],
)
def test_an_organisation_named_by_the_first_or_last_words_of_its_name_is_it(
    pipelines: Pipelines, lang: str, text: str, short: str, full: str
) -> None:
    doc = pipelines.get(lang)(clean_text(text, lang))
    keys = {m.name: m.key for m in mentions_of(doc, lang, load_gazetteer())}
    assert keys[short] == keys[full]
