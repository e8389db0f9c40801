"""Role descriptions as mentions: "le chef de la diplomatie nord-coréenne" after "Choe Son
Hui" is another mention of her, so her node gets the sentence's co-mentions and the
description as an alias.

A pass of its own over the article, after the named mentions are found (graph.extract runs
it); it asks graph.relations.actors who each definite role noun describes.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from graph.entities import Mention
from graph.gazetteer import Gazetteer
from graph.relations.actors import Actors
from graph.relations.phrases import in_clause, indefinite

if TYPE_CHECKING:
    from spacy.tokens import Doc


#: Longest role description taken as a mention of the person it describes, in tokens.
MAX_ROLE_TOKENS = 10


#: Tokens between a role description and the name it introduces ("…étrangères, Choe").
INTRODUCTION_GAP = 2


def _introduces(doc: Doc, start: int, end: int, key: str, actors: Actors) -> bool:
    """Whether the description is a title of the name beside it: the same person named
    just before or after it, or any person named right after it ("le ministre de
    l'Intérieur, Bruno Retailleau" is Retailleau, whoever held a ministry before)."""
    before = doc[max(0, start - INTRODUCTION_GAP) : start]
    after = doc[end : end + INTRODUCTION_GAP]
    if any((m := actors.mention_at(t)) is not None and m.key == key for t in [*before, *after]):
        return True
    return any((m := actors.mention_at(t)) is not None and m.type == "PER" for t in after)


def role_mentions(
    doc: Doc, mentions: Sequence[Mention], lang: str, gazetteer: Gazetteer
) -> list[Mention]:
    """Definite role descriptions of people named earlier in the article, as mentions of
    them ("le chef de la diplomatie nord-coréenne" → Choe Son Hui), so the person's node
    gets the sentence's co-mentions and the description as an alias."""
    actors = Actors(doc, mentions, lang, gazetteer)
    covered = set(actors._by_token)
    full_names: dict[str, str] = {}
    for mention in mentions:
        if len(mention.name) > len(full_names.get(mention.key, "")):
            full_names[mention.key] = mention.canonical or mention.name
    sentence_of = {sent.start: index for index, sent in enumerate(doc.sents)}
    found = []
    for token in doc:
        if token.i in covered or not actors.is_role_noun(token) or indefinite(token):
            continue
        if not any(c.dep_ == "det" for c in token.children):
            continue
        person = actors._noun_phrase(token)
        if person is None or person.type != "PER":
            continue
        words = [
            t
            for t in token.subtree
            if not in_clause(t, token) and t.i not in covered and not t.is_punct
        ]
        start, end = min(t.i for t in words), max(t.i for t in words) + 1
        if end - start > MAX_ROLE_TOKENS or any(t.i in covered for t in doc[start:end]):
            continue
        if doc[end - 1].pos_ in ("ADP", "DET"):
            continue  # "le président de l'" before a name the role holds: no description
        if _introduces(doc, start, end, person.key, actors):
            continue  # "le président ukrainien Volodymyr Zelensky": the name is right there
        span = doc[start:end]
        found.append(
            Mention(
                name=span.text,
                key=person.key,
                type="PER",
                sentence=sentence_of[token.sent.start],
                start=span.start_char,
                end=span.end_char,
                text=span.text,
                canonical=full_names.get(person.key, person.name),  # the label stays a name
            )
        )
    return found
