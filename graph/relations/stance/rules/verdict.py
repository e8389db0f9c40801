"""The verdict, approval and judged readings: a predicate said of a claim, of a decision or
of an actor by the one quoted, the one reporting or "selon X". "ces accusations sont
infondées" (verdict) denies who made the claims; "le moratoire était nécessaire" (approval)
supports who decided it; "said Trump was unhinged" (judged) criticises Trump. One module:
they find speaker and judged thing alike and differ only in whom they aim at."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from graph.relations.stance.rules.context import APPROVAL, Cue, Stance
from graph.relations.stance.rules.targets import Targets
from graph.relations.stance.rules.tokens import _participle

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


class VerdictReading(Targets):
    """The one quoted judges a claim false (denies its authors) or an act good (supports them)."""

    def _claim_called_false(self, token: Token) -> bool:
        """ "ces accusations sont infondées", "the claims are baseless": a verdict on a claim."""
        if not self._dismissive(token):
            return False  # asked of every word: the cheap, rarely passed test first
        participle = _participle(token)
        if not (token.pos_ == "ADJ" or participle or self._predicate_noun(token)):
            return False
        if self._copula_negated(token):
            return False  # "the claims are not baseless"
        judged = self._judged(token)
        if any(s.lemma_.casefold() in self.lexicon.claim_nouns for s in judged):
            return True
        # "« Ce sont des mensonges », a déclaré X": a quoted verdict on what was just said
        pronouns = self.deps.get("verdict_subjects", frozenset())
        return self._quoted(token) and any(s.lower_ in pronouns for s in judged)

    def _act_called_good(self, token: Token) -> bool:
        """ "le moratoire était nécessaire", "the reform is welcome": a verdict approving a
        decision (approving_words.txt)."""
        approving = self.lexicon.approving
        if token.lemma_.casefold() not in approving and token.lower_ not in approving:
            return False
        if token.pos_ != "ADJ" or self._copula_negated(token):
            return False
        return any(s.lemma_.casefold() in self.lexicon.act_nouns for s in self._judged(token))

    def _actor_called_bad(self, token: Token) -> bool:
        """ "Nikki Haley said Donald Trump was unhinged", "« Macron est un danger »": an
        insult (insult_words.txt) or a dismissive word ("a liar") as the predicate of an
        actor, in a clause someone reports or quotes."""
        words = self.lexicon.insults
        if token.lemma_.casefold() in self.lexicon.wrongdoing_verbs and token.pos_ == "VERB":
            return self._blamed_for_a_wrong(token)
        if not (
            token.lemma_.casefold() in words or token.lower_ in words or self._dismissive(token)
        ):
            return False  # asked of every word: the cheap, rarely passed test first
        adjectival = token.pos_ == "ADJ" or bool(_participle(token))  # "was unhinged"
        if not (adjectival or self._predicate_noun(token)) or self._copula_negated(token):
            return False
        if not any(self.actors.endpoint(s) is not None for s in self._judged(token)):
            return False
        reported = self._quoted(token) or self._reported_clause(token)
        return reported or self._source_phrase(token.sent) is not None

    def _blamed_for_a_wrong(self, verb: Token) -> bool:
        """ "said Ofwat had failed the rivers", "« Le gouvernement a menti »": a wrong
        (wrongdoing_verbs.txt) someone reports or quotes an actor as its subject having
        done; not denied ("has not failed"), and not the reporter's own ("I failed")."""
        if self._negated(verb):
            return False
        if not any(self.actors.endpoint(s) is not None for s in self._judged(verb)):
            return False  # no subject, or none that is an actor
        return self._quoted(verb) or self._reported_clause(verb)

    def _predicate_noun(self, token: Token) -> bool:
        """A noun said of its subject ("ce sont des mensonges", "Trump is a liar")."""
        return token.pos_ == "NOUN" and (
            token.dep_ in self.deps.get("predicate", ())
            or any(c.dep_ == "cop" for c in token.children)
        )

    def _reported_clause(self, token: Token) -> bool:
        """Whether a reporting verb governs the clause a word is in ("said Trump was …")."""
        current = token
        for _ in range(3):
            if current.head.i == current.i:
                return False
            current = current.head
            if current.lemma_.casefold() in self.lexicon.reporting_verbs:
                return current.pos_ == "VERB"
        return False

    def _judged_stances(self, cue: Cue, sentence: Span, index: int) -> Iterator[Stance]:
        speaker = self._reported_speaker(sentence, cue) or self._source_phrase(sentence)
        if speaker is None:
            return
        judged = self.actors.endpoints_in(self._judged(cue.head))
        yield from self._between(cue.kind, [speaker], judged, index, cue)

    def _verdict_stances(self, cue: Cue, sentence: Span, index: int) -> Iterator[Stance]:
        """The one quoted, or "selon X", calls a claim false (X denies the claim's authors)
        or a decision necessary (X supports who made it)."""
        speaker = self._reported_speaker(sentence, cue) or self._source_phrase(sentence)
        if speaker is None:
            return
        judged = self._judged(cue.head)
        authors = self.actors.endpoints_in(t for c in judged for t in self._authors(c))
        if cue.reading == APPROVAL:
            targets = authors or self._recent_act_author(sentence, index, cue)
        else:
            targets = (
                authors
                or self._recent_claimants(sentence, index, cue)
                or self._reporter_before(index, cue)
            )
        yield from self._between(cue.kind, [speaker], targets, index, cue)
