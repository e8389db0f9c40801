"""A party named by its members' noun is the party where the article is about that
country's politics, and nothing else anywhere else."""

from __future__ import annotations

import pytest

from graph.clean import clean_text
from graph.entities import mentions_of
from graph.gazetteer import load_gazetteer
from graph.party_members import party_nouns
from tests.conftest import stance_triples

pytestmark = pytest.mark.slow

DEMOCRATIC_PARTY, REPUBLICAN_PARTY = "Q29552", "Q29468"


def _keys_of(nlp, text: str, noun: str) -> list[str]:  # type: ignore[no-untyped-def]
    doc = nlp(clean_text(text, "en"))
    return [m.key for m in mentions_of(doc, "en", load_gazetteer()) if m.name == noun]


def test_the_members_noun_is_the_party_in_an_article_about_its_country(en_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Senate Democrats blocked the spending bill in Congress on Thursday. "
        "Republicans said the vote in the Senate was a stunt, while Democrats called it a "
        "matter of principle."
    )
    assert _keys_of(en_nlp, text, "Republicans") == [REPUBLICAN_PARTY]
    assert _keys_of(en_nlp, text, "Democrats") == [DEMOCRATIC_PARTY]


def test_the_country_named_most_is_context_enough(en_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Across the United States, Democrats are raising money for the midterms. "
        "Analysts in America expect turnout to be high; Canada is watching."
    )
    assert _keys_of(en_nlp, text, "Democrats") == [DEMOCRATIC_PARTY]


def test_another_country_s_story_keeps_the_noun_apart(en_nlp) -> None:  # type: ignore[no-untyped-def]
    """The Republicans of a French minister are Les Républicains, even if the US is named
    once; Irish republicans in Belfast are no American party."""
    french = (
        "Christophe Castaner said the protest in France had the Republicans behind it. "
        "Paris and Lyon saw roadblocks; France's government blamed the opposition. "
        "Oil prices fell after the US administration imposed tariffs."
    )
    assert REPUBLICAN_PARTY not in _keys_of(en_nlp, french, "Republicans")
    irish = "Republicans marched in Belfast on Sunday, as Ireland remembered the hunger strikers."
    assert REPUBLICAN_PARTY not in _keys_of(en_nlp, irish, "Republicans")


def test_a_qualified_noun_is_another_group(en_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Romania's Social Democrats rowed back on reforms, the White House noted, "
        "as Washington urged the government in Bucharest to reconsider."
    )
    doc = en_nlp(clean_text(text, "en"))
    keys = {m.key for m in mentions_of(doc, "en", load_gazetteer())}
    assert DEMOCRATIC_PARTY not in keys


def test_a_stance_of_the_party_reaches_the_graph(en_nlp) -> None:  # type: ignore[no-untyped-def]
    text = "In Congress, Democrats condemned Donald Trump over the shutdown."
    assert ("Democratic Party", "criticises", "Donald Trump") in stance_triples(en_nlp, text, "en")


def test_the_data_file_names_gazetteer_actors() -> None:
    gazetteer = load_gazetteer()
    for noun, entry in party_nouns("en").items():
        assert noun[:1].isupper(), noun
        for actor_id in (entry.party, entry.country, *entry.institutions):
            assert gazetteer.actor(actor_id) is not None, (noun, actor_id)


def test_the_two_parties_named_together_are_context_enough(en_nlp) -> None:  # type: ignore[no-untyped-def]
    """A US story seldom names the United States: Democrats and Republicans in one
    article are its two parties."""
    text = "Democrats walked out of the hearing on Tuesday, and Republicans pressed on."
    assert _keys_of(en_nlp, text, "Democrats") == [DEMOCRATIC_PARTY]
    assert _keys_of(en_nlp, text, "Republicans") == [REPUBLICAN_PARTY]


def test_a_chamber_s_members_are_the_party_not_the_chamber(en_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Senate Democrats accused Mitch McConnell of stalling the bill, and House "
        "Republicans defended him."
    )
    doc = en_nlp(clean_text(text, "en"))
    found = {(m.name, m.key) for m in mentions_of(doc, "en", load_gazetteer())}
    assert ("Senate Democrats", DEMOCRATIC_PARTY) in found
    assert ("House Republicans", REPUBLICAN_PARTY) in found
    assert not any(name in ("Senate", "House") for name, _ in found)
    triples = stance_triples(en_nlp, text, "en")
    assert ("Democratic Party", "accuses", "Mitch McConnell") in triples


def test_members_named_with_their_chamber_are_context_enough(en_nlp) -> None:  # type: ignore[no-untyped-def]
    """ "House Republicans" with no Democrats and no country named is still the party."""
    text = "House Republicans passed the spending bill on Friday after a long night."
    doc = en_nlp(clean_text(text, "en"))
    found = {(m.name, m.key) for m in mentions_of(doc, "en", load_gazetteer())}
    assert ("House Republicans", REPUBLICAN_PARTY) in found
