"""Words scraping glued together are split again; brand names and handles stay whole.

Real texts come from `shared/corpus/bulk/gilets_jaunes.jsonl` (a heading glued to the
paragraph after it); fresh ones are written for the test."""

from __future__ import annotations

import pytest

from graph.clean import clean_text
from graph.entities import mentions_of
from graph.unglue import unglue_words

# Real: a "Lire aussi" heading ending in a town, glued to the next paragraph.
ANNECY = (
    "Le référendum à la suisse, objectif des «gilets jaunes» d'AnnecyEmmanuel Macron a "
    "choisi de parler brièvement lundi."
)


def test_a_town_glued_to_a_full_name_is_split_before_the_given_name() -> None:
    assert "d'Annecy Emmanuel Macron a choisi" in unglue_words(ANNECY, "fr")


def test_a_section_heading_glued_to_a_full_name_is_split() -> None:
    text = "avait-il dit en août. SursisEmmanuel Macron a jusqu'à présent réussi à éviter"
    assert "Sursis Emmanuel Macron a" in unglue_words(text, "fr")


def test_a_place_glued_to_a_first_name_quoted_alone_is_split_when_the_place_is_named() -> None:
    text = "premiers heurts à Paris. Premiers heurts à ParisFabrice est un gilet jaune"
    assert "à Paris Fabrice est" in unglue_words(text, "fr")


def test_a_name_glued_to_a_sentence_opener_is_split() -> None:
    assert "Perpignan La ville" in unglue_words("Le péage de PerpignanLa ville a fermé.", "fr")
    assert "Macron Ici, on" in unglue_words("Lettre à MacronIci, on manifeste.", "fr")


def test_an_elided_opener_is_split() -> None:
    text = "Des gilets jaunes d'AnnecyL'augmentation des taxes a tout déclenché."
    assert "d'Annecy L'augmentation" in unglue_words(text, "fr")


def test_a_photo_credit_glued_to_the_next_sentence_is_split() -> None:
    text = "Photograph: AFP/Getty ImagesThousands of protesters took to the streets."
    assert "Getty Images Thousands of protesters" in unglue_words(text, "en")
    text = "Video: ReutersFirefighters and a police officer are seen near a building."
    assert "Reuters Firefighters and" in unglue_words(text, "en")


def test_a_word_written_in_lower_case_elsewhere_is_a_known_right_half() -> None:
    text = "Macron a parlé. Un avertissement clair. Lettre à MacronAvertissement du préfet."
    assert "Macron Avertissement du" in unglue_words(text, "fr")


def test_brand_names_stay_whole() -> None:
    text = (
        "Une vidéo sur YouTube, un groupe WhatsApp, un sondage OpinionWay et YouGov, "
        "l'usine ArcelorMittal, le site StreetPress et son profil LinkedIn."
    )
    assert unglue_words(text, "fr") == text


def test_names_with_an_inner_capital_stay_whole() -> None:
    text = "General MacArthur met Ella FitzGerald at McDonald's with DeShawn and LeBron."
    assert unglue_words(text, "en") == text


def test_hashtags_handles_and_addresses_stay_whole() -> None:
    text = "Bravo aux #GiletsJaunes et à @EmmanuelMacron, voir RealSimple.com ou www.FranceLes.fr"
    assert unglue_words(text, "fr") == text


def test_a_first_name_not_followed_by_a_name_needs_a_known_left_half() -> None:
    # "Jade" is a given name, but nothing says "Black" is a word of this text.
    text = "Le groupe BlackJade a joué hier."
    assert unglue_words(text, "fr") == text


def test_cleaning_splits_glued_words_and_stays_idempotent() -> None:
    cleaned = clean_text(ANNECY, "fr")
    assert "Annecy Emmanuel Macron" in cleaned
    assert clean_text(cleaned, "fr") == cleaned


@pytest.mark.slow
def test_the_extractor_finds_the_full_name_once_the_heading_is_unglued(fr_nlp) -> None:
    """Before: NER read "AnnecyEmmanuel Macron" as one name, a node of its own."""
    names = {m.name for m in mentions_of(fr_nlp(clean_text(ANNECY, "fr")), "fr")}
    assert "Emmanuel Macron" in names
    assert not any("AnnecyEmmanuel" in name for name in names)
