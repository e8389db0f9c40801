"""What earlier sentences said that a later cue answers: who made claims (a denial
answers them) and who decided or announced something (an approval is of them)."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import TYPE_CHECKING

from graph.relations.actors import Endpoint
from graph.relations.stance.rules.context import CLAIM_LOOKBACK, Cue
from graph.relations.stance.rules.speakers import Speakers
from graph.relations.stance.rules.tokens import _participle

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

#: Sentences before a denial searched for the last claim when the nearer ones make none.
CLAIM_FAR_LOOKBACK = 15


class Memory(Speakers):
    """Who claimed and who acted, sentence by sentence, for the cues that point back."""

    def _recent_claimants(self, sentence: Span, index: int, cue: Cue) -> list[Endpoint]:
        found = self._claims_in(self.doc[sentence.start : cue.head.i])
        last_denial, disputed = self.disputed
        since = max(0, index - CLAIM_LOOKBACK, last_denial + 1)
        for claims in reversed(self.claimants[since:index]):
            found.extend(claims)
        if not found and index - last_denial <= CLAIM_LOOKBACK:
            found.extend(disputed)  # "… a également rejeté ces allégations": the same ones
        if not found:  # "Iran denied the allegations", made further up the article
            earlier = self.claimants[max(0, index - CLAIM_FAR_LOOKBACK) : since]
            found.extend(next((claims for claims in reversed(earlier) if claims), []))
        unique: dict[str, Endpoint] = {}
        for endpoint in found:
            unique.setdefault(endpoint.key, endpoint)
        claimants = list(unique.values())
        if claimants:
            self.disputed = (index, claimants)
        return claimants

    def _claimants_just_before(
        self, sentence: Span, index: int, cue: Cue, here: bool = True
    ) -> list[Endpoint]:
        """Who claimed or charged something in this sentence before the cue (with `here`),
        else in the sentence before: "X a accusé Y de… Z a dénoncé cette attaque" aims at
        X. No further: "this attack" said paragraphs later may be another's."""
        found = self._claims_in(self.doc[sentence.start : cue.head.i]) if here else []
        if not found and 0 < index <= len(self.claimants):
            found = self.claimants[index - 1]
        return list({e.key: e for e in found}.values())[-1:]

    def _reporter_before(self, index: int, cue: Cue) -> list[Endpoint]:
        """ "Sanders said Biden had cut Social Security. Biden called the claim a lie.": when
        no claim verb is near, what the sentence before reported is the claim, and its
        speaker the claimant."""
        if index == 0:
            return []
        found = self._reporter_in(self.sentences[index - 1], cue)
        return [found] if found is not None else []

    def _claims_in(self, span: Span) -> list[Endpoint]:
        """Who makes a claim here: subjects of claim verbs, authors of claim nouns ("les
        accusations de Washington")."""
        claimants = []
        for token in span:
            lemma = token.lemma_.casefold()
            if (
                lemma in self.lexicon.claim_verbs
                and token.pos_ == "VERB"
                and not self._negated(token)
            ):
                subject = self._subject_of(token)
                passive = subject is not None and subject.dep_ in self._passive_subjects
                if passive or (subject is None and self._passive_or_adjectival(token)):
                    # "were being claimed by Spanish prime minister X", "des policiers accusés
                    # de violences par un rapport de X": the agents claim
                    agents = [t for agent in self._agents(token) for t in agent.subtree]
                    claimants.extend(self.actors.endpoints_in(agents, roles=True))
                elif subject is not None:
                    # "Le premier ministre Sébastien Lecornu a assuré": the name in apposition
                    found = self.actors.endpoint(subject)
                    named = [found] if found else self.actors.endpoints_in([subject], roles=True)
                    claimants.extend(named[:1])
            elif lemma in self.lexicon.claim_nouns and token.pos_ == "NOUN":
                claimants.extend(self.actors.endpoints_in(self._authors(token)))
        return claimants

    def _same_act_author(self, complement: Sequence[Token]) -> list[Endpoint]:
        """ "deplored the decision by Donald Trump": the author the act noun names; else
        "le budget présenté la veille par le gouvernement … a défendu un budget": the
        author of the act the article named before by the same noun, whatever was decided
        or called for since ("le PTB a appelé à manifester" made no budget)."""
        for noun in (t for t in complement if t.lemma_.casefold() in self.lexicon.act_nouns):
            lemma = noun.lemma_.casefold()
            earlier = [
                t
                for t in reversed(self.doc[: noun.sent.start])
                if t.lemma_.casefold() == lemma and t.pos_ == "NOUN"
            ]
            for act in (noun, *earlier):  # the one said here first
                authors = self._act_owners(act) or self._maker_of(act)
                if authors:
                    return authors
        return []

    def _maker_of(self, act: Token) -> list[Endpoint]:
        """Who made an act noun by a verb: "le budget présenté par le gouvernement" (its
        participle's agents), "le gouvernement a présenté un budget" (the act verb's
        subject)."""
        for participle in (c for c in act.children if self._makes_an_act(c)):
            agents = self._agent_endpoints(participle)
            if agents:
                return agents[:1]
        verb = act.head
        if (
            act.dep_ in self.deps.get("direct_object", frozenset())
            and self._act_verb(verb)
            and not self._names_what_it_is(verb)
        ):
            subject = self._subject_of(verb)
            if subject is not None and subject.pos_ != "PRON":
                found = self.actors.endpoint(subject)
                return [found] if found is not None else []
        return []

    def _recent_act_author(self, sentence: Span, index: int, cue: Cue) -> list[Endpoint]:
        """ "X a salué les mesures": the author of the last decision or announcement."""
        # not the speaker's own acts: "a appelé au calme, en saluant une décision", the
        # call governing the cue or, misparsed, beside it
        own = {a.i for a in cue.head.ancestors} | {s.i for s in cue.head.head.children}
        here = self._acts_in(self.doc[sentence.start : cue.head.i], skip=own)
        if here:
            return here[-1:]
        for acts in reversed(self.acts[:index]):
            if acts:
                return acts[-1:]
        return []

    def _acts_in(self, span: Span, skip: Collection[int] = ()) -> list[Endpoint]:
        """Who decided or announced something: the subject of an act verb, or its agent
        ("les mesures annoncées la veille par le président de la République")."""
        authors = []
        for token in span:
            if token.i in skip:
                continue
            if token.pos_ == "NOUN" and token.lemma_.casefold() in self.lexicon.act_nouns:
                authors.extend(self._act_owners(token))
            if token.pos_ != "VERB":
                continue
            if not (self._act_verb(token) or self._makes_an_act(token)):
                continue
            if self._calls_on_someone(token) or self._reports_a_quotation(token):
                continue  # "a appelé les Français à manifester": no act a "texte" answers
            if self._names_what_it_is(token):
                continue
            if self._gives_a_stance(token):
                continue  # "a présenté sa démission", "announced his support": no measure
            subject = self._subject_of(token)
            passive = subject is not None and subject.dep_ in self._passive_subjects
            if subject is not None and subject.pos_ != "PRON" and not passive:
                found = self.actors.endpoint(subject)
                if found is not None:
                    authors.append(found)
            elif subject is None or passive:
                authors.extend(self._agent_endpoints(token)[:1])
        return authors

    def _names_what_it_is(self, verb: Token) -> bool:
        """ "calling it cruel", "calling the budget a betrayal": the verb names what
        something is (a predicative complement); it makes no act."""
        return any(c.dep_ in self.deps.get("predicative", ()) for c in verb.children)

    def _act_by_someone_unnamed(self, complement: Sequence[Token]) -> bool:
        """An act noun whose participle names its agent by no actor ("le plan vélo défendu
        par la municipalité"): the act is someone's the article does not name."""
        return any(
            self._agents(participle) and not self._agent_endpoints(participle)
            for noun in complement
            if noun.lemma_.casefold() in self.lexicon.act_nouns
            for participle in noun.children
            if participle.dep_ in ("acl", "amod") and _participle(participle)
        )

    def _these_words(self, complement: Sequence[Token]) -> bool:
        """ "a dénoncé cette attaque", "condemned these remarks": words or an attack
        pointed at with a demonstrative, whose author the article has just named."""
        demonstratives = self.deps.get("demonstratives", frozenset())
        nouns = self.lexicon.claim_nouns | self.lexicon.attack_nouns.keys()
        return any(
            t.lemma_.casefold() in nouns
            and t.pos_ == "NOUN"
            and any(d.lower_ in demonstratives for d in t.children)
            for t in complement
        )

    def _gives_a_stance(self, verb: Token) -> bool:
        """An act verb whose object is a stance noun ("présenter sa démission", "announce
        one's support") takes a stance; it puts forward no measure a later "le texte"
        answers."""
        return any(o.lemma_.casefold() in self.lexicon.nouns for o in self._direct_objects(verb))

    def _calls_on_someone(self, verb: Token) -> bool:
        """An act verb whose object is an actor ("a appelé les Français à manifester",
        "called on Democrats to…"): it asks something of them, it makes no decision a later
        "a salué le texte" answers."""
        objects = [*self._direct_objects(verb), *self._objects_taken_for_subjects(verb)]
        return any(self.actors.mention_at(c) is not None for c in objects)

    def _reports_a_quotation(self, verb: Token) -> bool:
        """ "« Cette réforme est injuste », a lancé Mathilde Panot": an act verb that reports
        a quotation says something; it launches nothing."""
        if verb.lemma_.casefold() not in self.lexicon.reporting_verbs:
            return False
        return any(self._quoted(t) for t in verb.sent if t.i < verb.i)

    def _act_owners(self, act: Token) -> list[Endpoint]:
        """ "les annonces d'Emmanuel Macron": the person or body an act noun belongs to.
        Not a place: "l'accord de Paris" was made in Paris, not by it; but "the decision by
        the United States" is the country's."""
        owners = [
            found
            for t in act.children
            if t.dep_ in self.deps.get("possessor", ()) or self._genitive(t)
            if (found := self.actors.endpoint(t)) is not None
        ]
        if not owners and self._own_act(act):
            # "Élisabeth Borne a défendu sa réforme": hers, whose clause it is in
            subject = self._subject_of(act.head)
            found = self.actors.endpoint(subject) if subject is not None else None
            owners = [found] if found is not None else []
        owners = [e for e in owners if e.type in ("PER", "ORG")]
        # "the decision by the United States to reimpose sanctions": a country too
        owners += [e for t in self._author_phrases(act) if (e := self.actors.endpoint(t))]
        return owners[:1]

    def _own_act(self, act: Token) -> bool:
        """An act noun with a third person's possessive determiner ("sa réforme", "ses
        mesures", "leur projet"), object of its clause's verb."""
        possessive = any(
            "Yes" in c.morph.get("Poss", [])
            and "1" not in c.morph.get("Person", [])
            and "2" not in c.morph.get("Person", [])
            for c in act.children
            if c.dep_.startswith("det")
        )
        return (
            possessive
            and act.head.pos_ == "VERB"
            and act.dep_ in self.deps.get("direct_object", frozenset())
        )

    def _act_verb(self, verb: Token) -> bool:
        # "s'en prendre à" is an attack, not a decision taken (the children are read only
        # for an act verb: this is asked of every verb)
        return verb.lemma_.casefold() in self.lexicon.act_verbs and not any(
            c.dep_.startswith("expl") for c in verb.children
        )

    def _makes_an_act(self, participle: Token) -> bool:
        """ "les annonces faites par le président", "the budget unveiled by": a light or
        act verb's participle on an act noun tells who made the act (not "un geste réclamé
        par X", who asked for it)."""
        lemma = participle.lemma_.casefold()
        return (
            participle.dep_ in ("acl", "amod")
            and _participle(participle)
            and (lemma in self.light_verbs or lemma in self.lexicon.act_verbs)
            and participle.head.lemma_.casefold() in self.lexicon.act_nouns
        )

    def _agent_endpoints(self, verb: Token) -> list[Endpoint]:
        """Who the "par X" phrases of a passive name; "par le président", a role the
        article never tied to a name, is the last person subject (see
        `_role_of_last_person`)."""
        agents = self._agents(verb)
        named = self.actors.endpoints_in((t for a in agents for t in a.subtree), roles=True)
        if named:
            return named
        roles = [next((t for t in a.subtree if self.actors.is_role_noun(t)), a) for a in agents]
        return [e for role in roles if (e := self._role_of_last_person(role)) is not None]
