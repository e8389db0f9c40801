"""The government an article names by a bare noun: the government of the country the article
is about, when one clearly is, so that one country's government is one node across the
corpus and two countries' governments are never one."""

from __future__ import annotations

from spacy.language import Language

from graph.entities import mentions_of
from graph.gazetteer import load_gazetteer
from graph.governments import article_country


def _governments(nlp: Language, text: str, lang: str) -> set[tuple[str, str]]:
    mentions = mentions_of(nlp(text), lang, load_gazetteer())
    return {(m.key, m.canonical) for m in mentions if m.name in ("gouvernement", "government")}


def test_a_belgian_story_s_government_is_belgium_s(fr_nlp: Language) -> None:
    text = (
        "En Belgique, les gilets jaunes ont encore manifesté samedi à Bruxelles. Les "
        "syndicats belges ont dénoncé le gouvernement."
    )
    assert _governments(fr_nlp, text, "fr") == {("government:Q31", "gouvernement (Belgique)")}


def test_the_same_government_in_english_is_the_same_node(en_nlp: Language) -> None:
    text = (
        "Belgium's yellow vests marched in Brussels on Saturday, and Belgian unions said the "
        "government had ignored them."
    )
    assert {key for key, _ in _governments(en_nlp, text, "en")} == {"government:Q31"}


def test_a_story_about_two_countries_alike_keeps_the_government_unnamed(
    fr_nlp: Language,
) -> None:
    text = (
        "La France et la Belgique ont connu des manifestations. Les gilets jaunes français et "
        "belges ont dénoncé le gouvernement."
    )
    assert _governments(fr_nlp, text, "fr") == {("gouvernement", "gouvernement")}


def test_a_country_named_once_is_not_enough(fr_nlp: Language) -> None:
    assert article_country(fr_nlp("Le gouvernement a cédé."), [], "fr", load_gazetteer()) is None
    doc = fr_nlp("Au Canada, le gouvernement a cédé.")
    mentions = mentions_of(doc, "fr", load_gazetteer())
    assert article_country(doc, mentions, "fr", load_gazetteer()) is None
    doc = fr_nlp("Au Canada, le gouvernement canadien a cédé, disent les syndicats canadiens.")
    mentions = mentions_of(doc, "fr", load_gazetteer())
    country = article_country(doc, mentions, "fr", load_gazetteer())
    assert country is not None and country.label("fr") == "Canada"


def _keys(nlp: Language, text: str, lang: str) -> list[tuple[str, str]]:
    return [(m.name, m.key) for m in mentions_of(nlp(text), lang, load_gazetteer())]


def test_a_government_named_by_its_country_s_adjective_is_that_country_s_government(
    fr_nlp: Language, en_nlp: Language
) -> None:
    belgian = (
        "La FGTB a dénoncé le gouvernement belge. À Bruxelles comme à Liège, en Belgique, les "
        "syndicats accusent le gouvernement de mépris."
    )
    assert {key for name, key in _keys(fr_nlp, belgian, "fr") if "gouvernement" in name} == {
        "government:Q31"
    }
    assert ("gouvernement français", "government:Q142") in _keys(
        fr_nlp, "Le gouvernement français a cédé samedi.", "fr"
    )
    assert ("gouvernement fédéral belge", "government:Q31") in _keys(
        fr_nlp, "Le gouvernement fédéral belge a démissionné.", "fr"
    )


def test_the_adjective_of_a_government_is_no_mention_of_its_country(en_nlp: Language) -> None:
    found = _keys(en_nlp, "Unions attacked the French government over the fuel tax.", "en")
    assert found == [("French government", "government:Q142")]


def test_someone_s_governments_and_plurals_are_not_a_country_s_government(
    fr_nlp: Language, en_nlp: Language
) -> None:
    assert not any(
        key.startswith("government:")
        for _, key in _keys(fr_nlp, "Les gouvernements européens ont salué l'accord.", "fr")
    )
    assert not any(
        key.startswith("government:")
        for _, key in _keys(en_nlp, "The Trump administration and the Macron government met.", "en")
    )
