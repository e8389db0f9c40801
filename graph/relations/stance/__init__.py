"""Stance: who supports, denies, criticises or accuses whom.

Two layers. `rules` reads stances with hand-written readings of the parse: precise, but a
grammar of the sentences it was written from. The trained model (`model`, trained by
`train` on the hand-annotated stance bank read by `bank`) scores every candidate pair of
actors (`candidates`) from its features (`features`, the rules' verdict among them) and
gives each stance a calibrated confidence. `stances_in` is what extraction calls.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from graph.entities import Mention
from graph.gazetteer import Gazetteer
from graph.relations.actors import Actors
from graph.relations.stance.candidates import candidates_of, overruled
from graph.relations.stance.features import ArticleFeatures, cue_words
from graph.relations.stance.model import StanceModel, load_model
from graph.relations.stance.rules import Stance, stances_of

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["STORE_FLOOR", "Stance", "stances_in", "stances_of"]

#: Stances scored below this are not kept at all: `--min-confidence` can only be raised
#: above it without extracting again.
STORE_FLOOR = 0.2


def stances_in(
    doc: Doc,
    mentions: Sequence[Mention],
    lang: str,
    gazetteer: Gazetteer,
    *,
    model_path: Path | None = None,
    use_model: bool = True,
) -> list[Stance]:
    """Every stance of a parsed article with its confidence: the trained model's reading
    of every candidate, or the rules alone when `use_model` is off or the model knows no
    `lang` (their stances then have no confidence)."""
    actors = Actors(doc, mentions, lang, gazetteer)
    ruled = stances_of(doc, mentions, lang, gazetteer, actors)
    if not use_model:
        return ruled
    model = load_model(model_path)
    if lang not in model.languages:
        return ruled
    return scored_stances(doc, lang, actors, ruled, model)


def scored_stances(
    doc: Doc, lang: str, actors: Actors, ruled: Sequence[Stance], model: StanceModel
) -> list[Stance]:
    """The candidates the model scores as a stance of some kind at STORE_FLOOR or more."""
    candidates = candidates_of(doc, actors, ruled, cue_words(lang))
    features = ArticleFeatures(doc, lang, actors.quoted, candidates)
    rows = [features.row(candidate) for candidate in candidates]
    decided = model.decide(rows, [candidate.rule_kind for candidate in candidates])
    stances = []
    for candidate, (kind, confidence), contradicted in zip(
        candidates, decided, overruled(candidates), strict=True
    ):
        if confidence >= STORE_FLOOR and not contradicted:
            cue = candidate.cue if candidate.rule_kind == kind else features.cue_of(candidate)
            stances.append(
                Stance(
                    kind,
                    candidate.source,
                    candidate.target,
                    candidate.sentence,
                    cue,
                    round(confidence, 4),
                )
            )
    return stances
