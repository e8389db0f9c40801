"""The spoken reading, the default: the speaker (subject, the one quoted, "selon X")
takes the cue's stance towards its object or complement ("X a apporté son soutien à Y").
Its cues are verbs, stance nouns given by a light verb, and multiword phrases."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from graph.relations.actors import Endpoint
from graph.relations.lexicon import CRITICISES, SUPPORTS
from graph.relations.stance.rules.context import PASSIVE, Cue, Stance
from graph.relations.stance.rules.targets import Targets
from graph.relations.stance.rules.tokens import _match_phrase, _phrase_head, _verb_among

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

#: The stance towards someone an action judged by a cue befalls ("dénoncer l'arrestation de
#: X" sides with X); denials and accusations of it say nothing about them.
OPPOSITE = {SUPPORTS: CRITICISES, CRITICISES: SUPPORTS}


class SpokenReading(Targets):
    """Speaker towards complement; an action the cue judges sides with whom it befalls."""

    def _spoken_stances(self, cue: Cue, sentence: Span, index: int) -> Iterator[Stance]:
        speaker = self._speaker(cue, sentence)
        if speaker is None:
            return
        targets = self._targets(cue, sentence, index)
        complement = self._complement_tokens(cue, sentence)
        victims = self._victims(complement)
        undergoing = [*self._patients(complement), *victims]
        patients = {e.key for e in undergoing}
        if not targets:  # "dénonçant une arrestation arbitraire", said of one named before
            targets = undergoing
        else:  # "condemned Russia's invasion of Ukraine": Russia's owner first, Ukraine too
            targets = [*targets, *(v for v in victims if v.key not in {t.key for t in targets})]
        if not targets and cue.kind == SUPPORTS and cue.noun:
            targets = self._undergoing_in(sentence)
        for source in [speaker, *self._coordinated_with(speaker, cue)]:
            for target in targets:
                if not self._distinct(source, target):
                    continue
                kind = OPPOSITE.get(cue.kind, "") if target.key in patients else cue.kind
                if kind:
                    yield Stance(kind, source, target, index, cue.text)

    def _patients(self, complement: Sequence[Token]) -> list[Endpoint]:
        """Who undergoes an action the cue judges ("a dénoncé l'arrestation d'Éric Drouet",
        "defended the targeting of Soubry"): denouncing it sides with them, defending it
        goes against them."""
        actions = [t for t in complement if t.lemma_.casefold() in self.lexicon.patient_nouns]
        named = self._undergoers(actions)
        if named or not actions:
            return named
        return self._last_undergoing(actions[0])

    def _victims(self, complement: Sequence[Token]) -> list[Endpoint]:
        """Whom an attack in the complement is aimed at ("les frappes russes contre
        l'Ukraine", "the invasion of Ukraine", attack_nouns.tsv): condemning it sides with
        them. Its author stays a target of the cue ("russes": Russia)."""
        heads = [head for token in complement for head in self._victim_heads(token)]
        return self.actors.endpoints_in(t for head in heads for t in head.subtree)

    def _undergoing_in(self, sentence: Span) -> list[Endpoint]:
        """ "après l'arrestation d'Éric Drouet, … pour que Mélenchon se fende d'un tweet de
        soutien": support aimed at no one in a sentence telling what befell someone goes to
        them."""
        actions = [
            t
            for t in sentence
            if t.lemma_.casefold() in self.lexicon.patient_nouns and t.pos_ == "NOUN"
        ]
        return [e for e in self._undergoers(actions) if e.type == "PER"]

    def _undergoers(self, actions: list[Token]) -> list[Endpoint]:
        """Who actions befall, named or by a role ("l'arrestation de ce diplomate")."""
        words = [t for a in actions for t in [*self._authors(a), *self._genitive_after(a)]]
        return self.actors.endpoints_in(words, roles=True)

    def _genitive_after(self, noun: Token) -> list[Token]:
        """ "a dénoncé la mort de Nahel Merzouk": a "de" phrase right after an object noun
        that the parser hung on the verb instead is the noun's complement."""
        end = noun.right_edge.i + 1
        if end >= len(self.doc) or noun.head.pos_ not in ("VERB", "AUX"):
            return []
        phrase = next(
            (
                c
                for c in noun.head.children
                if c.left_edge.i == end and self._genitive(c) and c.dep_ != "obj"
            ),
            None,
        )
        return list(phrase.subtree) if phrase is not None else []

    def _last_undergoing(self, action: Token) -> list[Endpoint]:
        """Who underwent the same action, named the last time the article spoke of it
        ("l'arrestation d'Éric Drouet" … "une arrestation totalement arbitraire")."""
        lemma = action.lemma_.casefold()
        for token in reversed(self.doc[: action.i]):
            if token.lemma_.casefold() == lemma and token.pos_ == "NOUN":
                named = self.actors.endpoints_in(t for a in self._authors(token) for t in a.subtree)
                people = [e for e in named if e.type == "PER"]
                if named:  # "l'arrestation du « gilet jaune » Éric Drouet": Drouet
                    return people or named
        return []

    def _light_verb_of(self, noun: Token) -> Token | None:
        """The verb that gives a stance noun: "apporter son soutien", and one noun further
        up, "faire part de sa solidarité"."""
        heads = [noun.head]
        if noun.head.pos_ == "NOUN":  # not "s'adresse … pour exposer les grands axes"
            heads.append(noun.head.head)
        for head in heads:
            light = _verb_among(head, self.light_verbs, self._infinitive_endings)
            if head.pos_ in ("VERB", "AUX") and light:
                return head
        return self._carrier_verb(noun)

    def _carrier_verb(self, noun: Token) -> Token | None:
        """ "a publié un message de soutien à X", "posted a tweet of support for X": the
        verb that sends what carries the stance (carrier_nouns.txt), whatever it is."""
        carrier = noun.head.head if noun.head.pos_ == "ADP" else noun.head  # "message of"
        if carrier.lemma_.casefold() not in self.lexicon.carrier_nouns or carrier.i > noun.i:
            return None
        conjunct = self.deps.get("conjunct", frozenset())
        while carrier.dep_ in conjunct and carrier.head.i != carrier.i:
            carrier = carrier.head  # "des tweets et un hashtag de soutien"
        return carrier.head if carrier.head.pos_ == "VERB" else None

    def _phrase_cues(self, sentence: Span) -> Iterator[Cue]:
        """Multiword cues, tried only where a token can open one (the first phrase of the
        file wins at a given start)."""
        used: set[int] = set()
        for token in sentence:
            for order in self._phrases_opened_by(token):
                words, kind = self.lexicon.phrases[order]
                matched = _match_phrase(
                    sentence, token.i - sentence.start, words, self._infinitive_endings
                )
                if matched and not used & {t.i for t in matched}:
                    used.update(t.i for t in matched)  # "s'est dit solidaire de": one cue
                    head = _phrase_head(matched)
                    if not self._undergone(head):
                        yield Cue(kind, head, tuple(matched))
                    elif self._agents(head):  # "X a été mis en cause par Y": Y towards X
                        yield Cue(kind, head, tuple(matched), reading=PASSIVE)
                    break

    def _undergone(self, verb: Token) -> bool:
        """ "X a été mis en cause dans l'affaire": the subject of a passive phrase undergoes
        it, it takes no stance. Not a pronominal verb, whose "être" the French parser may
        call passive ("X s'en est pris à Y": the reflexive pronoun says X acts)."""
        if self._pronominal(verb):
            return False
        passive = ("aux:pass", "auxpass", "nsubj:pass", "nsubjpass")
        return any(c.dep_ in passive for c in verb.children)

    def _phrases_opened_by(self, token: Token) -> list[int]:
        """The phrases (by their order in the file) whose first word this token may be."""
        written = token.lower_.replace("’", "'")
        lemma = token.lemma_.casefold()
        as_written = self._phrase_index.get(written, ())
        as_lemma = self._phrase_index.get(lemma, ())
        verb = token.pos_ in ("VERB", "AUX")
        if not (as_written or as_lemma or verb):
            return []  # asked of every word: most open no phrase
        found = {*as_written, *as_lemma}
        if verb and written.startswith(self._any_phrase_stem):
            for stem, orders in self._phrase_stems:
                if written.startswith(stem):
                    found.update(orders)
        return sorted(found)

    def _labels_claim_as_false(self, token: Token) -> bool:
        """ "qualifier ces affirmations de « rumeurs sans fondement »", "a traité Y de
        menteur", "called Y a liar": what Y says is rejected; "a qualifié la loi de « faute
        morale »", "called the bill cruel": whoever made the act is criticised."""
        if token.lemma_.casefold() not in self.lexicon.labelling_verbs or token.pos_ != "VERB":
            return False
        if self._dismissed_after(token) and (
            self._claim_object(token) or self._actor_object(token)
        ):
            return True
        judged = self._labels_an_actor(token) or self._act_object(token)
        return (judged or self._actors_thing(token)) and self._dismissed_after(token, insults=True)

    def _act_object(self, verb: Token) -> bool:
        """Whether a verb's direct object is an act noun ("la loi", "the bill")."""
        return any(
            o.lemma_.casefold() in self.lexicon.act_nouns for o in self._direct_objects(verb)
        )

    def _actors_thing(self, verb: Token) -> bool:
        """Whether a verb's direct object is an actor's ("called Hegseth's remarks
        inadequate", "a jugé « indécente » la rémunération de Boeing"): labelling it bad
        criticises its owner."""
        return any(
            self.actors.endpoint(c) is not None
            for o in self._direct_objects(verb)
            for c in o.children
            if self._possessor(c) or self._genitive(c)
        )

    def _actor_object(self, verb: Token) -> bool:
        objects = self._direct_objects(verb)
        return bool(self.actors.endpoints_in(t for o in objects for t in o.subtree))

    def _labels_an_actor(self, verb: Token) -> bool:
        """Whether the labelled one is itself an actor: the verb's object ("called Pelosi a
        disgrace"; not "calls it a threat to Europe's security"), or a name the English
        parser made a clause of ("called Donald Trump a threat": Trump ccomp)."""
        if any(self.actors.endpoint(o) is not None for o in self._direct_objects(verb)):
            return True
        return bool(self._name_parsed_as_clause(verb))

    def _dismissed_after(self, verb: Token, insults: bool = False) -> bool:
        """A dismissive word after the verb ("rumeurs", "a liar"); said of a person, an
        insult too ("a disgrace", "de traître")."""
        words = self.lexicon.dismissive | (self.lexicon.insults if insults else frozenset())
        return any(
            t.lemma_.casefold() in words or t.lower_ in words
            for t in self.doc[verb.i : verb.sent.end]
        )
