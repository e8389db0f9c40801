"""A party named by its members' noun: "Republicans accused…", "Democrats denounced…".

The gazetteer cannot list "Democrats" as the Democratic Party's demonym, because the same
noun names other groups elsewhere ("Irish republicans", Romania's Social Democrats, the
Republicans of a French minister's sentence, who are Les Républicains). `party_members.tsv`
lists such nouns with the party they stand for in one country's news, and the article
decides: the noun is the party only where the article is about that country's politics.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache
from typing import TYPE_CHECKING

from graph.gazetteer import Gazetteer
from graph.known_actors import actor_mention
from graph.langdata import data_lines, data_words
from graph.mentions import Mention
from graph.missed_mentions import mention_tokens

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


@dataclass(frozen=True)
class PartyNoun:
    """A members' noun of party_members.tsv: the party, its country, and the actors whose
    naming alone says the article is about that country's politics."""

    party: str
    country: str
    institutions: frozenset[str]


def party_members(
    doc: Doc,
    mentions: Sequence[Mention],
    lang: str,
    gazetteer: Gazetteer | None,
    sentence_of: dict[int, int],
    text: str,
) -> list[Mention]:
    """The mentions, with each members' noun read as its party where the article is about
    the party's country (see `_in_context`) or names its rival (`_rivals_named`), and
    with the chamber its members sit in ("Senate Democrats": `_chamber_before`); a
    mention of the noun alone takes the
    party's key, and the noun standing uncovered (spaCy calls it a nationality or group,
    NORP, which is no actor) becomes a mention of the party."""
    nouns = party_nouns(lang)
    if gazetteer is None or not any(noun in text for noun in nouns):
        return list(mentions)  # most articles: no pass over the tokens
    named = _actors_named(mentions, lang, gazetteer)
    written = {noun: entry for noun, entry in nouns.items() if noun in text}
    chambers = data_words(lang, "chamber_words.txt")
    parties = {
        noun: actor
        for noun, entry in written.items()
        if (
            _in_context(entry, named, gazetteer)
            or _rivals_named(noun, entry, written)
            or _seated_in_a_chamber(noun, chambers, text)
        )
        and (actor := gazetteer.actor(entry.party))
    }
    if not parties:
        return list(mentions)
    kept = []
    for mention in mentions:
        actor = parties.get(mention.name)
        if actor is not None and mention.key != actor.id:
            mention = replace(mention, key=actor.id, type=actor.type, canonical=actor.label(lang))
        kept.append(mention)
    covered = mention_tokens(doc, mentions)  # the noun's own NER span (NORP) is no mention
    for token in doc:
        actor = parties.get(token.text)
        if actor is None or token.pos_ not in ("NOUN", "PROPN"):
            continue
        chamber = _chamber_before(token, chambers)
        if chamber is not None:  # "Senate Democrats": the party's senators, not the Senate
            span = doc[chamber.i : token.i + 1]
            kept = [m for m in kept if not (m.start >= span.start_char and m.end <= span.end_char)]
            kept.append(actor_mention(span, actor, lang, sentence_of))
        elif token.i not in covered and not _qualified(token):
            kept.append(actor_mention(doc[token.i : token.i + 1], actor, lang, sentence_of))
    return kept


def _rivals_named(noun: str, entry: PartyNoun, written: dict[str, PartyNoun]) -> bool:
    """ "Democrats" and "Republicans" in one article: the two parties of one country's
    politics, whatever else it names (a US story seldom names the United States)."""
    return any(other != noun and rival.country == entry.country for other, rival in written.items())


def _seated_in_a_chamber(noun: str, chambers: frozenset[str], text: str) -> bool:
    """ "Senate Democrats unveiled a bill": members named with their chamber are the party
    (chamber_words.txt names the chambers whose members the language's parties sit in)."""
    return any(f"{chamber.title()} {noun}" in text for chamber in chambers)


def _chamber_before(noun: Token, chambers: frozenset[str]) -> Token | None:
    """The chamber word just before a members' noun ("Senate Democrats", "House
    Republicans"), with nothing else qualifying the noun."""
    if noun.i == noun.sent.start:
        return None
    previous = noun.doc[noun.i - 1]
    if previous.lower_ not in chambers or not previous.text[:1].isupper():
        return None
    others = [c for c in noun.children if c.dep_ in ("amod", "compound") and c.i != previous.i]
    return None if others else previous


def _actors_named(mentions: Sequence[Mention], lang: str, gazetteer: Gazetteer) -> Counter[str]:
    """How many mentions name each gazetteer actor, by its id; a name counts for what the
    gazetteer says it is even where the mention kept it apart ("in Washington" is where,
    not who, but it is the United States)."""
    named: Counter[str] = Counter()
    for mention in mentions:
        match = gazetteer.lookup(mention.name, lang)
        ids = {mention.key, match.actor.id} if match is not None else {mention.key}
        named.update(ids)
    return named


def _in_context(entry: PartyNoun, named: Counter[str], gazetteer: Gazetteer) -> bool:
    """Whether the article is about the politics of the party's country: it names the party
    or one of the country's institutions, or it names the country at least as often as
    any other country. A French story that mentions "the US administration" once and
    France throughout is not ("the Republicans behind it" there is Les Républicains)."""
    if named[entry.party] or any(named[i] for i in entry.institutions):
        return True
    countries = [
        count
        for actor_id, count in named.items()
        if (actor := gazetteer.actor(actor_id)) is not None and actor.type == "LOC"
    ]
    return bool(named[entry.country]) and named[entry.country] >= max(countries)


def _qualified(noun: Token) -> bool:
    """Whether a capitalised word or an adjective qualifies the noun ("Romania's Social
    Democrats", "Irish Republicans", "moderate Democrats"): another party, another
    country's members, or a faction of the party, not the party. A chamber is read before
    (`_chamber_before`): "House Democrats" speak for the party."""
    if noun.i > noun.sent.start:
        previous = noun.doc[noun.i - 1]
        capitalised = previous.text[:1].isupper() and previous.pos_ in ("PROPN", "NOUN", "ADJ")
        if previous.is_alpha and (capitalised or previous.pos_ == "ADJ"):
            return True
    return any(child.dep_ in ("amod", "compound") for child in noun.children)


@cache
def party_nouns(lang: str) -> dict[str, PartyNoun]:
    """party_members.tsv: the members' noun, as written → its party and context."""
    rows = (row.split("\t") for row in data_lines(lang, "party_members.tsv")[1:])
    return {
        noun: PartyNoun(party, country, frozenset(institutions.split()))
        for noun, party, country, institutions in rows
    }
