"""The government an article names by a bare noun ("le gouvernement", "l'exécutif", "the
government"): an actor the stance bank's annotators name, and the other side of most of what
protesters and opponents say; the country the article is about when one clearly is.

A second pass over the article once the other mentions are known (graph.entities runs it).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from functools import cache
from typing import TYPE_CHECKING

from graph.gazetteer import ADJECTIVE, CAPITAL, DEMONYM, Actor, Gazetteer
from graph.langdata import data_lines
from graph.mentions import Mention
from graph.missed_mentions import covered_tokens
from graph.names import entity_key

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


#: Dependencies by which a word says whose government it is ("le gouvernement italien",
#: "le gouvernement Michel", "the Trump administration", "le gouvernement de Charles Michel").
_OWNER_DEPENDENCIES = frozenset({"amod", "nmod", "flat", "flat:name", "appos", "compound", "poss"})
_ADJECTIVES = frozenset({ADJECTIVE})


def with_governments(
    doc: Doc,
    mentions: Sequence[Mention],
    lang: str,
    gazetteer: Gazetteer | None,
    sentence_of: dict[int, int],
    text: str,
) -> list[Mention]:
    """The mentions with the governments the article names by a noun: unnamed ones
    (`governments_unnamed`) and a country's by its adjective ("le gouvernement belge", "the
    French government"), which is the same node as the bare noun in an article about that
    country: "gouvernement (Belgique)". The adjective is then no mention of the country of its
    own ("the French" was France): the government acts, not the country.
    """
    actors = _government_actors(lang)
    folded = text.lower()
    if not any(noun in folded for noun in actors):
        return list(mentions)  # most English articles: no pass over the tokens
    kept = list(mentions)
    if gazetteer is not None:
        for noun in doc:
            country = _country_of(noun, actors, lang, gazetteer)
            if country is None:
                continue
            adjective, start, end = country
            phrase_start = min([start, *(c.idx for c in noun.children if c.dep_ == "det")])
            kept = [m for m in kept if not (m.start >= phrase_start and m.end <= end)]
            kept.append(
                Mention(
                    name=doc.text[start:end],
                    key=f"{GOVERNMENT_KEY}{adjective.id}",
                    type="ORG",
                    sentence=sentence_of[noun.sent.start],
                    start=start,
                    end=end,
                    text=doc.text[start:end],
                    canonical=f"{actors[noun.lower_]} ({adjective.label(lang)})",
                )
            )
    return [*kept, *governments_unnamed(doc, kept, lang, gazetteer, sentence_of, text)]


def _country_of(
    noun: Token, actors: dict[str, str], lang: str, gazetteer: Gazetteer
) -> tuple[Actor, int, int] | None:
    """The country whose government a singular government noun with a national adjective is
    ("le gouvernement belge", "the French government"), with the phrase's characters; not a
    plural ("les gouvernements européens"), nor a government someone's name also qualifies."""
    if noun.lower_ not in actors or noun.pos_ not in ("NOUN", "PROPN"):
        return None
    if "Plur" in noun.morph.get("Number", []):
        return None
    countries = []
    for child in noun.children:
        if child.dep_ not in _OWNER_DEPENDENCIES:
            continue
        match = gazetteer.lookup(child.text, lang, _ADJECTIVES)
        if match is not None and match.actor.type == "LOC" and not child.n_lefts + child.n_rights:
            countries.append((match.actor, child))
        elif child.pos_ != "ADJ" or child.ent_type_:  # "le gouvernement Michel"
            return None
    if len(countries) != 1:
        return None
    country, adjective = countries[0]
    first, last = sorted((noun, adjective), key=lambda token: token.i)
    if any(token.pos_ != "ADJ" for token in noun.doc[first.i + 1 : last.i] if token != noun):
        return None  # "le fédéral" of "le gouvernement fédéral belge" may be between
    return country, first.idx, last.idx + len(last.text)


def governments_unnamed(
    doc: Doc,
    mentions: Sequence[Mention],
    lang: str,
    gazetteer: Gazetteer | None,
    sentence_of: dict[int, int],
    text: str,
) -> list[Mention]:
    """ "le gouvernement", "l'exécutif", "the government": the government the article is
    about, an actor named by a noun (government_nouns.tsv). Only a singular noun after a
    definite article, saying nothing of whose government it is: a national adjective makes
    it that country's (`with_governments`), a name someone's government, a plural no one in
    particular. It is the government of the country the article is about when one
    clearly is (`article_country`): "gouvernement (Belgique)", one node across the corpus
    and the languages, so the Belgian and the French government are not one node; else
    one node, "gouvernement" (and "government" in English).
    The country itself stays another actor: "les manifestants belges ont dénoncé le
    gouvernement" is Belgians against their government. `with_governments`, which calls it,
    has made sure the text holds one of the nouns."""
    actors = _government_actors(lang)
    covered = covered_tokens(doc, mentions)
    country: Actor | None = None
    found: list[Mention] = []
    for token in doc:
        actor = actors.get(token.lower_)
        if actor is None or token.i in covered:
            continue
        if not _bare_government(token, covered, lang, gazetteer):
            continue
        if not found:  # asked once an article names its government
            country = article_country(doc, mentions, lang, gazetteer)
        found.append(
            Mention(
                name=token.text.lower(),
                key=f"{GOVERNMENT_KEY}{country.id}" if country else entity_key(actor),
                type="ORG",
                sentence=sentence_of[token.sent.start],
                start=token.idx,
                end=token.idx + len(token.text),
                text=token.text,
                canonical=f"{actor} ({country.label(lang)})" if country else actor,
            )
        )
    return found


#: The key of a country's government, before the country's gazetteer id.
GOVERNMENT_KEY = "government:"
#: How often the article must name its country, and how many times more than any other.
COUNTRY_MENTIONS = 2
COUNTRY_DOMINANCE = 2
_COUNTRY_WORDS = frozenset({CAPITAL, ADJECTIVE, DEMONYM})


def article_country(
    doc: Doc, mentions: Sequence[Mention], lang: str, gazetteer: Gazetteer | None
) -> Actor | None:
    """The country an article is about, when one clearly is: named (by its name, capital,
    adjective or people) at least twice, and at least twice as often as any other. A
    Belgian paper's "le gouvernement" is Belgium's, a Swiss paper's Switzerland's, whatever
    the outlet; an article about two countries alike says nothing."""
    if gazetteer is None:
        return None
    counts: Counter[str] = Counter()
    named: set[int] = set()
    for mention in mentions:
        actor = gazetteer.actor(mention.key)
        if actor is None:  # "à Bruxelles": a capital kept as a place
            match = gazetteer.lookup(mention.name, lang, _COUNTRY_WORDS)
            actor = match.actor if match else None
        if actor is not None and actor.type == "LOC":
            counts[actor.id] += 1
            named.update(range(mention.start, mention.end))
    for token in doc:  # "le gouvernement belge", "les Belges", not already a mention
        if token.pos_ != "ADJ" or token.idx in named:
            continue
        match = gazetteer.lookup(token.text, lang, _COUNTRY_WORDS)
        if match is not None and match.actor.type == "LOC":
            counts[match.actor.id] += 1
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < COUNTRY_MENTIONS:
        return None
    if len(ranked) > 1 and ranked[0][1] < COUNTRY_DOMINANCE * ranked[1][1]:
        return None
    return gazetteer.actor(ranked[0][0])


@cache
def _government_actors(lang: str) -> dict[str, str]:
    """government_nouns.tsv: noun → the actor's name."""
    rows = data_lines(lang, "government_nouns.tsv")[1:]
    return dict(row.split("\t")[:2] for row in rows)


def _bare_government(
    noun: Token, covered: set[int], lang: str, gazetteer: Gazetteer | None
) -> bool:
    if noun.pos_ not in ("NOUN", "ADJ", "PROPN") or noun.dep_ in ("amod", "compound"):
        return False
    if "Plur" in noun.morph.get("Number", []):
        return False
    definite = any(
        child.dep_ in ("det", "case") and "Def" in child.morph.get("Definite", [])
        for child in noun.children
        if child.i < noun.i
    )
    if not definite:
        return False
    for child in noun.children:
        if child.dep_ not in _OWNER_DEPENDENCIES and not _english_of(child):
            continue
        if child.pos_ == "PROPN" or any(t.i in covered for t in child.subtree):
            return False
        if gazetteer is not None and gazetteer.lookup(child.text, lang, _ADJECTIVES) is not None:
            return False
    return True


def _english_of(child: Token) -> bool:
    """ "the government of Italy": English hangs the owner on "of"."""
    return child.dep_ == "prep" and child.lower_ == "of"
