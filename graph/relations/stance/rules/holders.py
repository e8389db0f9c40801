"""The received and held readings, a stance noun whose holder is no speaker: "X a reçu le
soutien de Y" (received: Y supports X), "X, un partisan de Y", "X is an ally of Y"
(held: X supports Y). One module: both read the noun's complements alike and differ
only in which side holds the stance."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from graph.relations.actors import Endpoint
from graph.relations.stance.rules.context import RECEIVED, Cue, Stance
from graph.relations.stance.rules.targets import Targets
from graph.relations.stance.rules.tokens import _governing_verb, _in_relative_clause

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


class HolderReadings(Targets):
    """Stances held by the people a stance noun describes or is given to."""

    def _noun_holder_stances(self, cue: Cue, sentence: Span, index: int) -> Iterator[Stance]:
        """A stance held by someone other than a speaker: "X a reçu le soutien de Y" (Y
        supports X), "X, un partisan de Y" / "X is an ally of Y" (X supports Y)."""
        noun = cue.words[-1]
        compound = self.deps.get("compound", frozenset())
        complements = [*self._authors(noun), *(c for c in noun.children if c.dep_ in compound)]
        others = self.actors.endpoints_in(  # not "…, who said … this country needs"
            (t for c in complements for t in c.subtree if not _in_relative_clause(t, c)),
            roles=True,
        )
        found_in = self._found_in(noun)
        if cue.reading == RECEIVED:
            holder = self._holder_subject(cue.head, sentence, cue)
            sources, targets = [*others, *self._givers(cue)], [holder] if holder else []
        elif found_in is not None:  # "the movement has found a supporter in Pamela Anderson"
            finder = self._holder_subject(_governing_verb(noun), sentence, cue)
            sources, targets = [found_in], [finder] if finder else []
        else:
            holder = self._noun_holder(noun, sentence, cue)
            sources, targets = [holder] if holder else [], others
        yield from self._between(cue.kind, sources, targets, index, cue)

    def _name_before_comma(self, noun: Token) -> Endpoint | None:
        """The actor named just before the comma that opens a noun's phrase, which the
        parser did not hang the phrase on: "Jordan Bardella, l'un des … , a pris"."""
        start = noun.left_edge.i
        if start < 2 or self.doc[start - 1].text != ",":
            return None
        named = self.doc[start - 2]
        return self.actors.endpoint(named) if named.pos_ == "PROPN" else None

    def _partitive_over(self, noun: Token) -> Token:
        """ "one of X's defenders", "l'un des soutiens de X": the word counting one of
        them stands where the noun would (partitive_words in syntax.toml)."""
        partitives = self.deps.get("partitive_words", frozenset())
        over = noun.head.head if noun.head.pos_ == "ADP" else noun.head  # English "of"
        if over.i != noun.i and over.lower_ in partitives and over.i < noun.i:
            return over
        return noun

    def _givers(self, cue: Cue) -> list[Endpoint]:
        """ "drew sharp criticism from X", "won praise from X": who gives a stance noun the
        subject receives, in a phrase of its own on the noun or on the verb."""
        givers = self.deps.get("giver_prepositions", frozenset())
        objects = self.deps.get("preposition_object", frozenset())
        phrases = [c for h in (cue.words[-1], cue.head) for c in h.children if c.lower_ in givers]
        named = [t for p in phrases for o in p.children if o.dep_ in objects for t in o.subtree]
        return self.actors.endpoints_in(named, roles=True)

    def _receiving_verb_of(self, noun: Token) -> Token | None:
        """The verb by which the subject gets a stance noun: "a reçu le soutien de X",
        "has the backing of X"."""
        head = noun.head
        direct = self.deps.get("direct_object", frozenset())
        if noun.dep_ in direct and head.lemma_.casefold() in self.lexicon.receiving_verbs:
            return head
        if head.lemma_.casefold() in self.lexicon.receiving_verbs and head.pos_ == "VERB":
            return head if self._introducers(noun) else None  # "bénéficier du soutien"
        return None

    def _found_in(self, noun: Token) -> Endpoint | None:
        """ "X has found an ally in Y", "X a trouvé en Y un allié": Y is the holder."""
        verb = _governing_verb(noun)  # also through a misparse ("found a vocal, and to
        if verb.lemma_.casefold() not in self.lexicon.finding_verbs:  # some, … supporter in")
            return None
        within = self.deps.get("found_in_prepositions", frozenset())
        for child in [*noun.children, *verb.children]:
            if any(word in within for word in self._introducers(child)):
                named = self.actors.endpoints_in(child.subtree, names_first=True)
                if named:
                    return named[0]
        return None

    def _holder_subject(self, verb: Token, sentence: Span, cue: Cue) -> Endpoint | None:
        subject = self._subject_of(verb)
        return self._resolve_subject(subject, sentence, cue) if subject is not None else None

    def _noun_holder(self, noun: Token, sentence: Span, cue: Cue) -> Endpoint | None:
        """Who a "supporter" noun describes: the name it is apposed to ("David Coppin, an
        EDL supporter"), or the subject it is predicated of ("X est un allié de Y", "John
        Bolton, who is the group's advocate"); also as one of many ("Jordan, one of Trump's
        most vocal defenders", "l'un des plus fervents soutiens de X")."""
        noun = self._partitive_over(noun)
        if noun.dep_ in self.deps.get("apposition_of", ()):
            return self.actors.endpoint(noun.head)
        if noun.dep_ in self.deps.get("subject", ()):
            apposed = self._name_before_comma(noun)  # "Bardella, l'un des adversaires de X, a"
            if apposed is not None:
                return apposed
        copula = self.deps.get("copula", frozenset())
        holder = noun
        if noun.dep_ in self.deps.get("predicate", ()) and noun.head.lemma_ in copula:
            holder = noun.head  # English: "is" -attr-> "ally"
        elif not any(c.dep_ == "cop" for c in noun.children):
            return None
        return self._holder_subject(holder, sentence, cue)
