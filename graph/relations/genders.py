"""A person's gender as the article tells it, so that "elle" and "la ministre" find the
right person: honorifics and gendered role nouns at a mention (`gendered_words.tsv`), a
feminine article, a noun predicated of the name, spaCy's guess on a first name; a majority
over the person's mentions, none on a tie.

Apart from graph.relations.actors because it is one question with its own data and its own
tie rules, asked once per person when an article's actors are read.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from graph.entities import Mention
from graph.entity_types import name_knowledge
from graph.langdata import data_table
from graph.names import entity_key
from graph.relations.endpoints import Endpoint, from_mention
from graph.relations.phrases import root_of

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


#: first_names.tsv's genders as spaCy's morphology names them ("x": either, no vote).
GIVEN_NAME_GENDERS = {"m": "Masc", "f": "Fem"}


def _text_of(tokens: Sequence[Token]) -> str:
    """The words of a mention as written, for a name lookup."""
    return "".join(t.text_with_ws for t in tokens).strip()


def genders_of(
    mentions: Sequence[Mention], votes_of: Callable[[Mention], list[str]]
) -> dict[str, str]:
    """Each person's gender by majority of the clues at their mentions; none on a tie."""
    tally: dict[str, dict[str, int]] = {}
    for mention in mentions:
        if mention.type != "PER":
            continue
        counts = tally.setdefault(mention.key, {})
        for vote in votes_of(mention):
            counts[vote] = counts.get(vote, 0) + 1
    genders = {}
    for key, counts in tally.items():
        ranked = sorted(counts.items(), key=lambda item: -item[1])
        if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
            genders[key] = ranked[0][0]
    return genders


def gender_votes(doc: Doc, lang: str, tokens: list[Token]) -> list[str]:
    """What the words at a mention say, the surest twice: an honorific or a gendered
    role noun before or opening the name ("Mme Craft", "l'ambassadrice Kelly Craft",
    "Mrs May"), then spaCy's guess on the first name ("Emmanuelle") and the given name's
    usual gender (first_names.tsv)."""
    if not tokens:
        return []
    words = _gendered_words(lang)
    first = tokens[0]
    before = doc[first.i - 1] if first.i > 0 else None
    votes: list[str] = []
    for token in (first, before):
        if token is None:
            continue
        # a role's feminine ending says nothing of a first name ("Maurice", "Béatrice")
        told = (
            words.get(token.lower_, "")
            if token.pos_ == "PROPN"
            else _told_gender(token.lower_, words)
        )
        if told:
            votes += [told, told]
        elif token is before and token.pos_ in ("NOUN", "DET"):
            votes += token.morph.get("Gender", [])
    if first.pos_ == "PROPN" and not words.get(first.lower_):
        votes += first.morph.get("Gender", [])
    # the given name's usual gender ("Danielle Smith"): English tags tell none
    given = GIVEN_NAME_GENDERS.get(name_knowledge().gender(entity_key(_text_of(tokens))), "")
    return votes + ([given] if given else []) + predicated_gender(tokens) * 2


def predicated_gender(tokens: list[Token]) -> list[str]:
    """ "Maurice Audin est un mathématicien": the article of a noun predicated of the name
    tells its gender more surely than spaCy's guess on the first name."""
    root = root_of(tokens)
    predicate = root.head
    if root.dep_ != "nsubj" or predicate.pos_ != "NOUN":
        return []
    if not any(c.dep_ == "cop" for c in predicate.children):
        return []
    articles = [c for c in predicate.children if c.dep_ == "det"]
    return [g for c in articles for g in c.morph.get("Gender", [])][:1]


def gender_told_by(role: Token, lang: str) -> str:
    """The gender a role noun tells by its form ("la présidente") or its article ("la
    Première ministre"); none when it tells none ("le ministre" may be a woman)."""
    return _told_gender(role.lower_, _gendered_words(lang)) or _feminine_article(role)


def only_one_of_gender(
    role: Token, lang: str, mentions: Sequence[Mention], genders: dict[str, str]
) -> Endpoint | None:
    """ "Praet suspendue …, Francken apporte son soutien à la chroniqueuse": when nobody
    was introduced with that role, the person of its gender named most often before it
    (none on a tie)."""
    gender = gender_told_by(role, lang)
    if not gender:
        return None
    counts: dict[str, int] = {}
    latest: dict[str, Mention] = {}
    for m in mentions:
        if m.type == "PER" and m.start < role.idx and genders.get(m.key) == gender:
            counts[m.key] = counts.get(m.key, 0) + 1
            latest[m.key] = m
    ranked = sorted(counts, key=lambda key: -counts[key])
    if not ranked or (len(ranked) > 1 and counts[ranked[0]] == counts[ranked[1]]):
        return None
    return from_mention(latest[ranked[0]])


@lru_cache(maxsize=8)
def _gendered_words(lang: str) -> dict[str, str]:
    rows = data_table(lang, "gendered_words.tsv")
    return {row[0].casefold(): row[1] for row in rows if len(row) == 2}


def _feminine_article(noun: Token) -> str:
    """ "la polémiste": a feminine article tells a woman where the noun does not. (A
    masculine one does not tell a man: "le ministre" may be a woman.)"""
    feminine = any("Fem" in c.morph.get("Gender", []) for c in noun.children if c.dep_ == "det")
    return "Fem" if feminine else ""


def _told_gender(word: str, words: dict[str, str]) -> str:
    if word in words:
        return words[word]
    endings = (key for key in words if key.startswith("*") and word.endswith(key[1:]))
    return next((words[key] for key in endings if len(word) > len(key) + 1), "")
