"""Cleaning: each junk pattern, quote and spacing repair, boilerplate, idempotence."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from graph.clean import clean_text, find_boilerplate, normalise_text

BODY = "Moscou a rejeté ces allégations, tout en jouant sur l'ironie."


@pytest.mark.parametrize(
    "junk",
    [
        "La suite après cette annonce",
        "Related News :",
        "Related News : Kim Jong Un inspecte une usine",
        "Lire aussi : Les gilets jaunes bloquent Paris",
        "À lire aussi - La réforme des retraites",
        "A lire également",
        "Publicité",
        "PUBLICITÉ",
        "Partager sur Facebook",
        "Photo:  Olivier Morin Agence France-Presse",
        "Abonnez-vous à notre newsletter",
        "Ce site utilise des cookies pour améliorer votre expérience.",
        "pic.twitter.com/dA6ZK6zZ8Y",
        "— Christophe Castaner (@CCastaner) ",
        "Sur le même sujet :",
    ],
)
def test_french_junk_lines_are_dropped(junk: str) -> None:
    assert clean_text(f"{BODY}\n{junk}\n{BODY}", "fr") == f"{BODY}\n{BODY}"


@pytest.mark.parametrize(
    "junk",
    [
        "Read More",
        "Related: Brexit talks stall",
        "Story highlights",
        "JUST WATCHED",
        "Photograph: Christophe Ena/AP",
        "Follow us on Twitter",
        "Sign up to our daily newsletter",
    ],
)
def test_english_junk_lines_are_dropped(junk: str) -> None:
    body = "The Kremlin rejected the claims."
    assert clean_text(f"{body}\n{junk}\n{body}", "en") == f"{body}\n{body}"


def test_sentences_that_merely_mention_junk_words_stay() -> None:
    text = (
        "Le ministre a lu aussi le rapport de la Commission.\n"
        "La publicité politique est interdite pendant la campagne."
    )
    assert clean_text(text, "fr") == text


def test_agency_tags_inside_a_paragraph_are_removed() -> None:
    assert clean_text("Le Conseil fédéral a salué l'accord. (ats/nxp)", "fr") == (
        "Le Conseil fédéral a salué l'accord."
    )


def test_glued_closing_quote_gets_a_space() -> None:
    assert normalise_text("“Nous serons à vos côtés”a déclaré Choe Son Hui") == (
        "« Nous serons à vos côtés » a déclaré Choe Son Hui"
    )


def test_doubled_quotes_and_odd_spaces_are_normalised() -> None:
    assert normalise_text("victoire »» insista\u00a0Choe\u202fSon  Hui") == (
        "victoire » insista Choe Son Hui"
    )


def test_glued_sentences_are_split() -> None:
    assert normalise_text("Il a démissionné.Le gouvernement regrette") == (
        "Il a démissionné. Le gouvernement regrette"
    )


@pytest.mark.parametrize(
    ("glued", "split"),
    [
        # after a year (bulk corpus: "depuis son élection en 2017.Les « gilets jaunes »")
        ("son élection en 2017.Les gilets jaunes", "son élection en 2017. Les gilets jaunes"),
        # after a closing quotation mark
        ("« la démocratie ».Mr Chalençon said", "« la démocratie ». Mr Chalençon said"),
        # an opening mark glued after a full stop (en-d006: meeting.“The wind of change)
        ("a “beautiful” meeting.“The wind", "a « beautiful » meeting. « The wind"),
    ],
)
def test_sentences_glued_after_years_and_quotes_are_split(glued: str, split: str) -> None:
    assert normalise_text(glued) == split


def test_decimals_and_initials_are_not_split() -> None:
    assert normalise_text("un taux de 2.5 points, M.Dupont") == "un taux de 2.5 points, M.Dupont"
    assert normalise_text("en 2017.les") == "en 2017.les"


def test_apostrophes_are_unified() -> None:
    assert normalise_text("l’OTAN et d‘Israël") == "l'OTAN et d'Israël"


def test_lines_repeated_across_many_articles_are_boilerplate() -> None:
    furniture = "Retrouvez toutes nos infos sur notre site"
    texts = [f"Article {i} sur la Russie.\n{furniture}" for i in range(10)]
    boilerplate = find_boilerplate(texts)
    assert boilerplate == {furniture}
    assert clean_text(texts[0], "fr", boilerplate) == "Article 0 sur la Russie."


def test_a_line_shared_by_few_articles_is_not_boilerplate() -> None:
    texts = ["Moscou a réagi.", "Moscou a réagi.", "Autre chose.", "Encore autre chose."]
    assert find_boilerplate(texts) == frozenset()


@given(st.text())
def test_cleaning_is_idempotent(text: str) -> None:
    once = clean_text(text, "fr")
    assert clean_text(once, "fr") == once


@given(st.text(alphabet=st.characters(categories=["L", "N", "Zs", "P"]), max_size=300))
def test_cleaning_never_invents_words(text: str) -> None:
    original_words = set(normalise_text(text).split())
    cleaned_words = set(clean_text(text, "fr").replace("\n", " ").split())
    assert cleaned_words <= original_words | {"«", "»"}


@pytest.mark.parametrize(
    ("scraped", "expected"),
    [
        (
            "Tout mon soutien à Richard Ferrand.— Christophe Castaner (@CCastaner) 8 décembre",
            "Tout mon soutien à Richard Ferrand. — Christophe Castaner (@CCastaner) 8 décembre",
        ),
        (
            "Avec vous ! pic.twitter.com/bAnojepAkH— BRIGITTE BARDOT (@brigitte_bardot)",
            "Avec vous ! pic.twitter.com/bAnojepAkH — BRIGITTE BARDOT (@brigitte_bardot)",
        ),
        ("Le 8 mai — jour férié — rien ne bouge.", "Le 8 mai — jour férié — rien ne bouge."),
    ],
)
def test_a_tweet_signature_glued_to_its_text_is_split(scraped: str, expected: str) -> None:
    assert normalise_text(scraped) == expected


def test_english_text_gets_the_quotation_marks_its_model_reads() -> None:
    assert clean_text("He called it “utterly risible”, she said «fine».", "en") == (
        "He called it “utterly risible”, she said “fine”."
    )
    assert clean_text("Il l'a jugé “risible”.", "fr") == "Il l'a jugé « risible »."
