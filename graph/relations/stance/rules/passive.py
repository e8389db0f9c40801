"""The passive reading: "rejeté par X", "the Kremlin-backed station": the agents take the
stance towards the subject, or towards who did what the participle judges."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from graph.relations.actors import Endpoint, in_clause
from graph.relations.stance.rules.context import Cue, Stance
from graph.relations.stance.rules.targets import Targets
from graph.relations.stance.rules.tokens import (
    RELATIVE_CLAUSE,
    _apposed_before,
    _participle,
    _pronoun,
    _verb_above,
)

if TYPE_CHECKING:
    from spacy.tokens import Token


class PassiveReading(Targets):
    """Agents of a passive cue towards what undergoes it."""

    def _passive_stances(self, cue: Cue, index: int) -> Iterator[Stance]:
        """ "Le discours de Macron a été rejeté par l'opposition": the agents take the stance
        towards the subject (or the author of the claim the subject names)."""
        agent_tokens = [
            t
            for verb in self._coordinated_participles(cue.head)
            for t in self._agents(verb) + self._elided_agents(verb)
        ]
        # "par l'Insoumis Jean-Luc Mélenchon" is Mélenchon, each coordinated agent apart
        found = {e.key: e for agent in agent_tokens for e in self._partners(agent)}
        agents = list(found.values())
        undergoing = [c for c in cue.head.children if c.dep_ in self.deps.get("subject", ())]
        relative = [u for u in undergoing if _pronoun(u) in self.relative_pronouns]
        own: set[int] = set()
        if cue.head.dep_ in ("acl", "amod"):  # "le discours, qualifié de … par X"
            undergoing.append(cue.head.head)
            # and what follows the participle's phrase is still its own ("condamnés par le
            # maire de Strasbourg, Roland Ries", where the parser joined Ries to "propos")
            own = {t.i for t in cue.head.subtree}
            if cue.head.i > cue.head.head.i:  # not "the Kremlin-backed station Russia Today"
                own |= set(range(cue.head.i, cue.head.sent.end))
        targets = self.actors.endpoints_in(
            (
                t
                for s in undergoing
                for t in s.subtree
                if t.i not in own and not self._in_circumstance(t, s)
            ),
            roles=True,
        )
        for pronoun in relative:  # "the Liberty Defenders, which is supported by X"
            antecedent = self._antecedent(pronoun)
            if antecedent is not None:
                targets.append(antecedent)
        if not targets:  # "Her remarks were condemned by X"
            owners = (self._owner_by_pronoun(s) for s in undergoing)
            targets = [o for o in owners if o is not None and o.key not in found]
        if not targets and cue.head.dep_ in ("acl", "amod"):
            apposed = self.actors.endpoints_in(_apposed_before(cue.head.head))
            targets = [e for e in apposed if self.actors.is_named(e)]
        if not targets and cue.head.dep_ in ("acl", "amod", "advcl"):
            targets = self._doers(cue.head.head)
        if not targets and cue.head.dep_ in ("acl", "amod") and self._position(cue.head.head):
            # "Une position saluée par X": the one who just took that position
            targets = self._claimants_just_before(cue.head.sent, index, cue, here=False)
        yield from self._between(cue.kind, agents, targets, index, cue)

    def _owner_by_pronoun(self, noun: Token) -> Endpoint | None:
        """The person a possessive pronoun on the passive's subject stands for ("her
        remarks"): the last person the article made a subject or named, of its gender."""
        possessives = self.deps.get("possessive_pronouns", frozenset())
        pronoun = next((c for c in noun.children if c.lower_ in possessives), None)
        return self._third_person(pronoun) if pronoun is not None else None

    def _position(self, noun: Token) -> bool:
        return noun.pos_ == "NOUN" and noun.lemma_.casefold() in self.position_nouns

    def _coordinated_participles(self, verb: Token) -> list[Token]:
        """ "rejeté par l'opposition … et jugé « hors-sol » par X": participles coordinated
        with a passive cue share its subject and its stance, each with its own agents
        (unless it is a cue itself, read on its own)."""
        conjunct = self.deps.get("conjunct", frozenset())
        others = [
            c
            for c in verb.subtree
            if c.dep_ in conjunct
            and _verb_above(c) == verb
            and _participle(c)
            and c.lemma_.casefold() not in self.lexicon.verbs
        ]
        labelled = [  # "rejeté par X, qualifié de « vide » par Y": the parser rarely links them
            t
            for t in verb.sent
            if t.i > verb.i
            and _participle(t)
            and t.lemma_.casefold() in self.lexicon.labelling_verbs
            and t not in others
            and self._agents(t)
        ]
        return [verb, *others, *labelled]

    def _doers(self, thing: Token) -> list[Endpoint]:
        """Who did what a participle judges when it names no one, by an act verb (see
        act_verbs.txt): "les gilets jaunes ont appelé à une grève, soutenue par X" (X
        supports the gilets jaunes)."""
        verb = thing if thing.pos_ in ("VERB", "AUX") else thing.head
        if verb.pos_ != "VERB" or verb.lemma_.casefold() not in self.lexicon.act_verbs:
            return []  # "la police a dispersé la manifestation, soutenue par X": not hers
        if self._names_what_it_is(verb):
            return []  # "called the merger approved by X a betrayal": the caller made nothing
        subject = self._subject_of(verb)
        if subject is None and verb.dep_ in ("acl", *RELATIVE_CLAUSE):
            subject = verb.head  # "des « gilets jaunes », …, ont appelé" read as their clause
        if subject is None or subject.dep_ in self._passive_subjects or subject.pos_ == "PRON":
            return []
        found = self.actors.endpoint(subject)
        return [found] if found is not None else []

    def _elided_agents(self, verb: Token) -> list[Token]:
        """ "qualifié de « vide » par X, de « désespérant » par Y": a labelling participle
        repeated without its verb, whose second agent the parser hangs under the label."""
        if verb.lemma_.casefold() not in self.lexicon.labelling_verbs:
            return []
        return [
            c
            for c in verb.subtree
            if c.i != verb.i
            and in_clause(c.head, verb)
            and not any(a.dep_ in RELATIVE_CLAUSE for a in c.ancestors if a.i > verb.i)
            and self._agent_phrase(c)
        ]
