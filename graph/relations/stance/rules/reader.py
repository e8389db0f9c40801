"""The reader: one pass over an article's sentences that finds the cues, tells which
reading each calls for, and composes the readings (one mixin each) into one object.

Why mixins: a reading needs the article's state (who claimed, who was the last subject)
and dozens of shared parse questions; as methods on one object they keep their order of
evaluation and their memory exactly as one class had them, while each reading's code lives
in its own module. The shared layers form one chain (context → grammar → subjects →
speakers → memory → targets), each using only those below it, so every call a reading
makes is to a method its base class declares and mypy checks it."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from graph.relations.lexicon import CRITICISES, DENIES, SUPPORTS
from graph.relations.stance.rules.context import (
    APPROVAL,
    HELD,
    JUDGED,
    MUTUAL,
    NOMINAL,
    PASSIVE,
    RECEIVED,
    RETORT,
    VERBLESS,
    VERDICT,
    Cue,
    Stance,
)
from graph.relations.stance.rules.holders import HolderReadings
from graph.relations.stance.rules.mutual import MutualReading
from graph.relations.stance.rules.nominal import NominalReading
from graph.relations.stance.rules.passive import PassiveReading
from graph.relations.stance.rules.retort import RetortReading
from graph.relations.stance.rules.spoken import SpokenReading
from graph.relations.stance.rules.tokens import _present_participle
from graph.relations.stance.rules.verbless import VerblessReading
from graph.relations.stance.rules.verdict import VerdictReading

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


class Reader(
    SpokenReading,
    PassiveReading,
    VerdictReading,
    RetortReading,
    NominalReading,
    VerblessReading,
    HolderReadings,
    MutualReading,
):
    """Reads one article's sentences in order, remembering who made which claims: finds
    each sentence's cues, drops the cancelled ones, and hands each to its reading."""

    def stances(self) -> Iterator[Stance]:
        for index, sentence in enumerate(self.sentences):
            phrases: set[int] = set()
            for cue in self._cues(sentence):
                if len(cue.words) > 1:
                    phrases.add(cue.head.i)
                if self._cancelled(cue, sentence):
                    continue
                yield from self._stances_for(cue, sentence, index)
            self.claimants.append(self._claims_in(sentence))
            # "a pris la défense du texte" takes a stance; it makes no act of its own
            self.acts.append(self._acts_in(sentence, skip=phrases))
            self._remember_subject(sentence)

    def _cues(self, sentence: Span) -> Iterator[Cue]:
        taken: set[int] = set()
        for cue in [*self._phrase_cues(sentence), *self._retort_cues(sentence)]:
            taken.update(token.i for token in cue.words)
            yield cue
        for token in sentence:
            if token.i in taken:
                continue
            word_cue = self._word_cue(token)
            if word_cue is not None:
                yield word_cue

    def _word_cue(self, token: Token) -> Cue | None:
        lemma = token.lemma_.casefold()
        openers = self.lexicon.one_word_cues
        if lemma not in openers and token.lower_ not in openers and not self._dismissive(token):
            return None  # asked of every word: most are no cue
        verb = self.lexicon.verbs.get(lemma)
        if verb is not None and token.pos_ in ("VERB", "AUX"):
            kind = verb.kind
            if verb.needs_claim and not (self._claim_object(token) or self._claim_subject(token)):
                if not verb.rejects_acts or not self._act_object(token):
                    return None
                kind = CRITICISES  # "a rejeté la décision du Conseil": no claim, a criticism
            if verb.needs_object and not self._direct_object(token):
                return None
            if verb.unless and any(
                word in verb.unless for c in token.children for word in self._introducers(c)
            ):
                return None  # "condamné à 18 mois de prison" is sentenced, not criticised
            if self._passive_or_adjectival(token):
                if not self._agents(token):
                    return None
                return Cue(kind, token, (token,), reading=PASSIVE)
            return Cue(kind, token, (token,))
        if self._labels_claim_as_false(token):
            # "qualifié ces affirmations de rumeurs" denies them; "called Y a liar" is a
            # criticism of Y (the stance bank's guidelines: denying is for claims), and so
            # is "called Y's remarks inadequate", a judgement, not a word for false
            false = self._claim_object(token) and self._dismissed_after(token)
            kind = DENIES if false else CRITICISES
            return Cue(kind, token, (token,))
        if self._claim_called_false(token):
            return Cue(DENIES, token, (token,), reading=VERDICT)
        if self._act_called_good(token):
            return Cue(SUPPORTS, token, (token,), reading=APPROVAL)
        if self._actor_called_bad(token):
            return Cue(CRITICISES, token, (token,), reading=JUDGED)
        if lemma in self.lexicon.mutual_nouns and token.pos_ == "NOUN" and self._bond(token):
            return Cue(SUPPORTS, token, (token,), noun=True, reading=MUTUAL)
        noun_kind = self.lexicon.nouns.get(lemma)
        if noun_kind and token.pos_ == "NOUN":
            giver = self._light_verb_of(token)
            if giver is not None:
                return Cue(noun_kind, giver, (giver, token), noun=True)
            receiver = self._receiving_verb_of(token)
            if receiver is not None:
                return Cue(noun_kind, receiver, (receiver, token), noun=True, reading=RECEIVED)
        if noun_kind and self._verbless(token):
            return Cue(noun_kind, token, (token,), noun=True, reading=VERBLESS)
        if noun_kind and token.pos_ == "NOUN" and self._owned_and_aimed(token):
            return Cue(noun_kind, token, (token,), noun=True, reading=NOMINAL)
        holder_kind = self.lexicon.holder_nouns.get(lemma)
        if holder_kind and token.pos_ == "NOUN":
            return Cue(holder_kind, token, (token,), noun=True, reading=HELD)
        return None

    def _cancelled(self, cue: Cue, sentence: Span) -> bool:
        if sentence.text.rstrip(' »"').endswith("?"):
            return True
        head = cue.head
        return self._negated(head) or self._conditional(head) or self._blocked(head)

    def _conditional(self, verb: Token) -> bool:
        """A conditional verb, or a modal auxiliary of hypothesis ("could support"); not the
        future of reported speech ("said it would back the prime minister", "a dit qu'il
        soutiendrait Borne") unless a condition is stated ("if she dropped the backstop")."""
        auxiliaries = [c for c in verb.children if c.pos_ == "AUX"]
        if self._reported_future(verb, auxiliaries):
            return False
        if any(c.lemma_.casefold() in self.lexicon.blocking_verbs for c in auxiliaries):
            return True
        return any("Cnd" in token.morph.get("Mood", []) for token in [verb, *auxiliaries])

    def _reported_future(self, verb: Token, auxiliaries: list[Token]) -> bool:
        """ "The DUP said it would back May": a clause a reporting verb governs, whose only
        mark of the conditional is the future of the past (syntax.toml `reported_future`,
        or the French conditional mood), with no condition in it."""
        future = self.deps.get("reported_future", frozenset())
        modals = [c for c in auxiliaries if c.lemma_.casefold() in self.lexicon.blocking_verbs]
        if any(c.lower_ not in future for c in modals):
            return False  # "could", "might", "pourrait": a hypothesis still
        head = verb.head
        if verb.dep_ not in self.deps.get("clause_complement", frozenset()) or head.i == verb.i:
            return False
        if head.lemma_.casefold() not in self.lexicon.reporting_verbs:
            return False
        marks = self.deps.get("condition_marks", frozenset())
        return not any(t.lower_ in marks for t in verb.subtree)

    def _blocked(self, verb: Token) -> bool:
        if verb.dep_ == "advcl" and self._passive_or_adjectival(verb):
            return False  # "ont appelé à une grève, soutenue par X": no complement of "appeler"
        if verb.dep_ == "advcl" and _present_participle(verb):
            return False  # "a appelé au calme, en saluant X": the caller's own act
        token = verb
        own = self.deps.get("own_clause_marks", frozenset())
        for _ in range(2):
            if token.dep_ not in self.deps.get("clause", ()) and token.dep_ not in ("obl", "obj"):
                return False
            if token.dep_ == "advcl" and any(c.lower_ in own for c in token.children):
                return False  # "urged X to think again, while Y accused Z": a clause apart
            token = token.head
            if token.lemma_.casefold() in self.lexicon.blocking_verbs:
                return True
            if self._negated(token) and token.lemma_.casefold() not in self.lexicon.reporting_verbs:
                return True
        return False

    def _stances_for(self, cue: Cue, sentence: Span, index: int) -> Iterator[Stance]:
        if cue.reading == PASSIVE:
            yield from self._passive_stances(cue, index)
        elif cue.reading in (VERDICT, APPROVAL):
            yield from self._verdict_stances(cue, sentence, index)
        elif cue.reading == JUDGED:
            yield from self._judged_stances(cue, sentence, index)
        elif cue.reading == RETORT:
            yield from self._retort_stances(cue, sentence, index)
        elif cue.reading == NOMINAL:
            yield from self._nominal_stances(cue, sentence, index)
        elif cue.reading == VERBLESS:
            yield from self._verbless_stances(cue, sentence, index)
        elif cue.reading == MUTUAL:
            yield from self._mutual_stances(cue, sentence, index)
        elif cue.reading in (RECEIVED, HELD):
            yield from self._noun_holder_stances(cue, sentence, index)
        else:
            yield from self._spoken_stances(cue, sentence, index)
