"""Stance: who supports, denies, criticises or accuses whom, sentence by sentence.

A cue (a verb, a noun given by a light verb, or a multiword phrase, all from the language's
data files) is read with its speaker (subject, post-posed subject of a reporting verb, the
one quoted, "selon X") and its target (object or complement; for a denial, the authors of
the claims the sentence answers). Negated, conditional, refused or hypothetical cues, and
questions, yield nothing.

How a cue is read depends on its reading, one module each: `spoken` (the default),
`passive`, `verdict` (with approval), `retort`, `nominal`, `verbless`, `holders` (received
and held) and `mutual`. They share the article's state (`context`), parse questions
(`grammar`), who subjects and speakers are (`subjects`, `speakers`), what earlier sentences
claimed or decided (`memory`) and whom a cue is aimed at (`targets`); `reader` finds the
cues and composes the readings.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from graph.entities import Mention
from graph.gazetteer import Gazetteer
from graph.relations.actors import Actors
from graph.relations.lexicon import load_lexicon
from graph.relations.stance.rules.context import (
    APPROVAL,
    HELD,
    JUDGED,
    MUTUAL,
    NOMINAL,
    PASSIVE,
    RECEIVED,
    RETORT,
    SPOKEN,
    VERBLESS,
    VERDICT,
    Stance,
)
from graph.relations.stance.rules.reader import Reader

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = [
    "APPROVAL",
    "HELD",
    "JUDGED",
    "MUTUAL",
    "NOMINAL",
    "PASSIVE",
    "RECEIVED",
    "RETORT",
    "SPOKEN",
    "VERBLESS",
    "VERDICT",
    "Stance",
    "stances_of",
]


def stances_of(
    doc: Doc,
    mentions: Sequence[Mention],
    lang: str,
    gazetteer: Gazetteer,
    actors: Actors | None = None,
) -> list[Stance]:
    """Every stance the rule readings find in a parsed article (`actors`: the article's
    resolver, when the caller already made one)."""
    lexicon = load_lexicon(lang)
    if lexicon.empty:
        return []
    actors = actors or Actors(doc, mentions, lang, gazetteer)
    reader = Reader(doc, actors, lexicon, lang)
    return list(reader.stances())
