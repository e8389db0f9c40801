"""How an article introduces an actor, read once when its actors are: the nouns an actor is
described by ("le mouvement des gilets jaunes", "Hamas, the militant group"), and the words
around a person's name ("le ministre russe Sergueï Lavrov", ", porte-parole du ministère
russe,") with the country they tie the person to.

Apart from graph.relations.actors because these read one mention's neighbourhood, while
the resolver answers questions about any token later.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from graph.gazetteer import ADJECTIVE, Gazetteer
from graph.langdata import data_keys
from graph.relations.endpoints import syntax
from graph.relations.phrases import (
    apposition_after,
    noun_phrase_before,
    prepositions_of,
    root_of,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


def described_by(tokens: list[Token]) -> set[str]:
    """The common nouns an actor is introduced with: in its name ("le mouvement des
    gilets jaunes", "Parti socialiste"), in apposition ("Hamas, the militant group") or
    heading it ("the gilets jaunes movement", "le parti Les Républicains")."""
    if not tokens:
        return set()
    inside = {t.i for t in tokens}
    root = root_of(tokens)
    nouns = [c for c in root.children if c.dep_ == "appos" and c.i not in inside]
    if root.head.i != root.i and root.dep_ not in ("poss", "case"):
        nouns.append(root.head)  # not "Britain's Unite union": the union is Unite
    own = {word for t in tokens for word in (t.lower_, t.lemma_.casefold())}
    return own | {t.lemma_.casefold() for t in nouns if t.pos_ == "NOUN"}


def introduction_words(doc: Doc, lang: str, tokens: list[Token]) -> list[Token]:
    """The words a person's name is introduced with, before it and in apposition after it."""
    if not tokens:
        return []
    return [*introduced_before(doc, tokens), *apposed_after(doc, lang, tokens)]


def introduced_before(doc: Doc, tokens: list[Token]) -> list[Token]:
    """The noun phrase that introduces a name from before it ("le ministre russe
    Sergueï Lavrov"); none when a preposition makes the name its complement ("au
    ministère français … après les propos de M. Di Maio" says nothing of him)."""
    root = root_of(tokens)
    if root.dep_ == "appos" and root.head.i == tokens[0].i - 1:
        # "en désaccord avec le Premier ministre Charles Michel": the preposition governs
        # the title, which still introduces the name apposed to it
        return noun_phrase_before(doc, tokens[0].i)
    heads = [root]
    if root.head.i == tokens[0].i - 1:  # "de M. Di Maio": the honorific heads the name
        heads.append(root.head)
    governed = any(
        head.dep_ == "pobj" or any(c.i < tokens[0].i for c in prepositions_of(head))
        for head in heads
    )
    return [] if governed else noun_phrase_before(doc, tokens[0].i)


def apposed_after(doc: Doc, lang: str, tokens: list[Token]) -> list[Token]:
    """ ", porte-parole du ministère russe," after a name; not a phrase another
    preposition opens (", contre la France « colonialiste »" is no affiliation), nor one
    that says whom the person is for or against (holder_nouns.tsv)."""
    after = apposition_after(doc, tokens[-1].i)
    genitive = syntax(lang).get("genitive", frozenset())
    if len(after) and after[0].pos_ == "ADP" and after[0].lower_ not in genitive:
        return []
    # ", a longtime critic of the Hungarian leader,": whom they are for or against, up to
    # the next "and" (", a close ally of Macron and president of parliament", his own)
    holders = data_keys(lang, "holder_nouns.tsv")
    kept: list[Token] = []
    about_another = False
    for token in after:
        if token.lemma_.casefold() in holders:
            about_another = True
        elif token.dep_ == "cc":
            about_another = False
        if not about_another:
            kept.append(token)
    return kept


def nationality_near(doc: Doc, lang: str, gazetteer: Gazetteer, tokens: list[Token]) -> str:
    """The country key of a national adjective a person's name is introduced with, or ""."""
    if not tokens:
        return ""
    before = introduced_before(doc, tokens)
    after = apposed_after(doc, lang, tokens)
    for token in [*before, *after]:
        if token.pos_ == "ADJ":
            match = gazetteer.lookup(token.text, lang, frozenset({ADJECTIVE}))
            if match is not None:
                return match.actor.id
    return ""
