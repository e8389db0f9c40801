"""The retort reading: "…, ce que Téhéran dément": whoever is named between the opener
and the denial verb denies who made the claim in the clause before."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from graph.relations.lexicon import DENIES
from graph.relations.stance.rules.context import RETORT, Cue, Stance
from graph.relations.stance.rules.targets import Targets
from graph.relations.stance.rules.tokens import _match_phrase

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


class RetortReading(Targets):
    """A relative clause denying the whole clause before it."""

    def _retort_cues(self, sentence: Span) -> Iterator[Cue]:
        """ "…, ce que Téhéran dément": an opener of a relative clause about the whole
        preceding clause, then a denial verb within a few words (its form as written too,
        since the tagger often misreads "dément")."""
        openers = self.lexicon.retort_openers
        firsts = {opener[0] for opener in openers}
        # One pass over the sentence for the candidate first words (a Token is built anew on
        # each access), then each opener in turn over those alone, in the same order.
        starts = [token for token in sentence if token.lower_ in firsts]
        for opener in openers if starts else ():
            for token in starts:
                if token.lower_ != opener[0]:
                    continue
                matched = _match_phrase(sentence, token.i - sentence.start, opener, gap=0)
                if not matched:
                    continue
                after = self.doc[matched[-1].i + 1 : min(sentence.end, matched[-1].i + 6)]
                verb = next((t for t in after if self._denial_word(t)), None)
                if verb is not None:
                    yield Cue(DENIES, verb, (*matched, verb), reading=RETORT)

    def _denial_word(self, token: Token) -> bool:
        verb = self.lexicon.verbs.get(token.lemma_.casefold())
        if verb is not None and verb.kind == DENIES and token.pos_ in ("VERB", "AUX"):
            return True
        return token.lower_ in self.lexicon.denial_forms

    def _retort_stances(self, cue: Cue, sentence: Span, index: int) -> Iterator[Stance]:
        """The one named between the opener and the denial verb denies who made the claim
        in the clause before ("X a accusé Y de …, ce que Y dément": Y denies X)."""
        speakers = self.actors.endpoints_in(self.doc[cue.words[0].i : cue.head.i])
        if not speakers:
            return
        before = self.doc[sentence.start : cue.words[0].i]
        targets = self._claims_in(before) or self._recent_claimants(sentence, index, cue)
        yield from self._between(DENIES, speakers[:1], targets, index, cue)
