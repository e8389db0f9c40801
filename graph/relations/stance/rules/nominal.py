"""The nominal reading: "la solidarité de la France avec l'Ukraine", "Germany's support
for Kyiv": a stance noun naming both whose it is and whom it is for, with no verb."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from graph.relations.stance.rules.context import Cue, Stance
from graph.relations.stance.rules.targets import Targets

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


class NominalReading(Targets):
    """A stance noun's author towards its aim."""

    def _owned_and_aimed(self, noun: Token) -> bool:
        """ "la solidarité de la France avec l'Ukraine", "Germany's support for Kyiv": a
        stance noun naming both whose it is and whom it is for, wherever it stands."""
        if self._denied_noun(noun):
            return False  # "aucun soutien de X à Y", "no support from X for Y"
        if not self.actors.endpoints_in(self._authors(noun)):
            return False
        return bool(self._aims(noun))

    def _aims(self, noun: Token) -> list[Token]:
        """A stance noun's complements of target ("à X", "for X", "with X"), its own or
        those of the participle that tells who made it ("l'axe tissé par X avec Y")."""
        targets = self.deps.get("target_prepositions", frozenset())
        made = [c for c in noun.children if c.dep_ in ("acl", "amod") and self._agents(c)]
        return [
            c
            for holder in [noun, *made]
            for c in holder.children
            if (self._complement(c) or c.dep_ in self.deps.get("oblique", ()))
            and any(word in targets for word in self._introducers(c))
        ]

    def _nominal_stances(self, cue: Cue, sentence: Span, index: int) -> Iterator[Stance]:
        authors = self.actors.endpoints_in(
            (t for a in self._authors(cue.head) for t in a.subtree), roles=True
        )
        targets = [t for aim in self._aims(cue.head) for t in self._partners(aim)]
        yield from self._between(cue.kind, authors, targets, index, cue)
