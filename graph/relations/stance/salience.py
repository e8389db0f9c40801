"""How much an article talks about each side of a candidate, as features: the sentences
naming the actor, its rank by that count, the length and case of the name. The sides of a
stance are the actors an article is about, far more often than a name seen once.

Article-wide counts over all the candidates, not one candidate's parse: kept apart from
graph.relations.stance.features, which reads the words and the tree between two actors.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from graph.relations.stance.candidates import Candidate


@dataclass(frozen=True)
class Salience:
    """How much an article talks about each actor: the sentences that name it (as a
    candidate's side) and its rank by that count. The sides of a stance are the actors an
    article is about far more often than a name the parser found once (a place in a
    byline, a word taken for a name)."""

    sentences: dict[str, int]
    rank: dict[str, int]
    #: A side's features by (side, key, name): an actor is a side of many candidates.
    _sides: dict[tuple[str, str, str], list[str]] = field(
        default_factory=dict, compare=False, repr=False
    )

    @classmethod
    def of(cls, candidates: Iterable[Candidate]) -> Salience:
        named: dict[str, set[int]] = {}
        for candidate in candidates:
            if candidate.source_tokens:
                named.setdefault(candidate.source.key, set()).add(candidate.sentence)
            if candidate.target_tokens:
                named.setdefault(candidate.target.key, set()).add(candidate.sentence)
        counts = {key: len(sentences) for key, sentences in named.items()}
        ranked = sorted(counts, key=lambda key: (-counts[key], key))
        return cls(counts, {key: place for place, key in enumerate(ranked)})

    def features(self, candidate: Candidate) -> tuple[list[str], list[str]]:
        """The source's features and the target's (each list shared by every candidate
        with that side)."""
        source, target = candidate.source, candidate.target
        return (
            self._side("src", source.key, source.name),
            self._side("tgt", target.key, target.name),
        )

    def _side(self, side: str, key: str, name: str) -> list[str]:
        found = self._sides.get((side, key, name))
        if found is None:
            found = self._sides[side, key, name] = [
                f"{side}_sentences={bucket(self.sentences.get(key, 0))}",
                f"{side}_rank={_rank_band(self.rank.get(key))}",
                f"{side}_words={min(len(name.split()), 4)}",
            ]
            if name[:1].islower():
                found.append(f"{side}_lowercase")
        return found


def _rank_band(rank: int | None) -> str:
    if rank is None:
        return "unnamed"
    return "first" if rank == 0 else "top3" if rank < 3 else "top8" if rank < 8 else "low"


def bucket(n: int) -> str:
    for limit in (1, 2, 3, 5, 8, 13, 21):
        if n <= limit:
            return f"<={limit}"
    return ">21"
