"""The verbless reading: "« Toute ma solidarité à X », a réagi Y", "Bravo aux gilets
jaunes": a stance noun heading a quotation or tweet with no verb is its speaker's."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from graph.relations.actors import Endpoint
from graph.relations.stance.rules.context import Cue, Stance
from graph.relations.stance.rules.targets import Targets
from graph.relations.stance.rules.tokens import _pronoun

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


class VerblessReading(Targets):
    """A verbless quoted stance noun, read as its speaker's."""

    def _verbless(self, token: Token) -> bool:
        """ "« Toute ma solidarité envers X », a réagi Y", "Bravo aux gilets jaunes": a stance
        noun (or interjection) heading a phrase with no verb, inside a quotation."""
        if token.pos_ not in ("NOUN", "INTJ", "PROPN", "X"):
            return False
        if any(t.lower_ in self.lexicon.negations for t in [token.head, *token.children]):
            return False  # "« Pas de soutien à X »"
        if self._introducers(token):
            return False  # "en hommage aux victimes" says why, it is no statement
        if not self._quoted(token):
            # "Tout mon soutien à X. — Name (@handle)": a verbless tweet
            return token.dep_ == "ROOT" and self._tweet_author(token) is not None
        current = token
        while current.head.i != current.i:
            current = current.head
            if current.pos_ in ("VERB", "AUX") and not self._quoted(current):
                # the reporting verb outside the quotation, not "that prompts « a form of
                # denial »"; or a quotation a colon introduces
                reporting = current.lemma_.casefold() in self.lexicon.reporting_verbs
                return reporting or self._colon_speaker(token) is not None
            if current.pos_ in ("VERB", "AUX"):
                return False
        return True

    def _verbless_stances(self, cue: Cue, sentence: Span, index: int) -> Iterator[Stance]:
        speaker = (
            self._reported_speaker(sentence, cue)
            or self._tweet_author(cue.head)
            or self._colon_speaker(cue.head)
        )
        if speaker is None:
            return
        targets = self._targets(cue, sentence, index) or self._phrase_after(cue.head)
        yield from self._between(cue.kind, [speaker], targets, index, cue)

    def _phrase_after(self, noun: Token) -> list[Endpoint]:
        """ "Bravo aux #GiletsJaunes qui …" where the parser lost the phrase: the words
        right after a verbless stance noun, when a target preposition opens them, up to a
        verb, a relative pronoun or punctuation."""
        doc = self.doc
        start = noun.i + 1
        if start >= len(doc) or doc[start].lower_ not in self.deps.get("target_prepositions", ()):
            return []
        words = []
        for token in doc[start + 1 : min(len(doc), start + 8)]:
            if token.pos_ in ("VERB", "AUX") and not self.actors.mention_at(token):
                break
            if _pronoun(token) in self.relative_pronouns or (token.is_punct and token.text != "#"):
                break
            words.append(token)
        return self.actors.endpoints_in(words, roles=True)
