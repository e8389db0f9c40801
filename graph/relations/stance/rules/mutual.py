"""The mutual reading: "l'amitié entre la France et Israël", "la coopération
franco-allemande": a bond noun naming two parties or more; each supports the others."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from graph.relations.actors import Endpoint
from graph.relations.lexicon import SUPPORTS
from graph.relations.stance.rules.context import Cue, Stance
from graph.relations.stance.rules.targets import Targets
from graph.relations.stance.rules.tokens import _governing_verb

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


class MutualReading(Targets):
    """A bond between parties: told by one of them, that party's support for the others."""

    def _bond(self, noun: Token) -> bool:
        """Whether a bond noun names two parties or more, and is not denied ("aucune
        alliance entre X et Y")."""
        return not self._denied_noun(noun) and len(self._parties(noun)) >= 2

    def _parties(self, noun: Token) -> list[Endpoint]:
        """Who shares a bond: "entre la France et Israël", "between X and Y", or the halves
        of a hyphenated national adjective ("la coopération franco-allemande")."""
        between = self.deps.get("mutual_prepositions", frozenset())
        found: dict[str, Endpoint] = {}
        for child in noun.children:
            if any(word in between for word in self._introducers(child)):
                found.update((e.key, e) for e in self._partners(child))
            elif child.dep_ in self.deps.get("national_modifier", frozenset()):
                found.update((e.key, e) for e in self.actors.countries_joined(child))
        return list(found.values())

    def _mutual_stances(self, cue: Cue, sentence: Span, index: int) -> Iterator[Stance]:
        """A bond said by one of its parties is that party's support for the others ("«
        l'amitié entre la France et Israël », a salué Nétanyahou"); told by anyone else,
        each party's support for the others."""
        parties = self._parties(cue.head)
        teller = self._bond_teller(cue, sentence)
        if teller is not None:
            own = {teller.key, self.actors.country_of(teller)}
            if any(p.key in own for p in parties):
                yield from self._between(SUPPORTS, [teller], parties, index, cue)
                return
        for party in parties:
            yield from self._between(SUPPORTS, [party], parties, index, cue)

    def _bond_teller(self, cue: Cue, sentence: Span) -> Endpoint | None:
        """Who speaks of a bond: the one reported, else the subject of the sentence a
        quotation naming it sits in, else of the clause that names it ("Macron a salué la
        coopération franco-allemande")."""
        reported = self._reported_speaker(sentence, cue)
        if reported is not None:
            return reported
        if self._quoted(cue.head):
            root = sentence.root
            subject = None if self._quoted(root) else self._subject_of(root)
        else:
            subject = self._subject_of(_governing_verb(cue.head))
        if subject is None or self._quoted(subject) or cue.head in subject.subtree:
            return None  # "the friendship between X and Y is strong" tells no one's
        return self._resolve_subject(subject, sentence, cue)
