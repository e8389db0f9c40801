"""Questions about the parse that every reading asks: which preposition introduces a
phrase, who the agents of a passive are, whose a noun is, whether a verb is negated, and
which words the parser misplaced (a subject that is an object, a quoted noun taken for a
clause). Whether a name only describes or titles someone is graph.relations.stance.rules.
descriptions'."""

from __future__ import annotations

from typing import TYPE_CHECKING

from graph.relations.actors import Endpoint, in_clause
from graph.relations.stance.rules.context import ReadingContext
from graph.relations.stance.rules.tokens import _preposition_taken_for_a_word, _present_participle

if TYPE_CHECKING:
    from spacy.tokens import Token


class Grammar(ReadingContext):
    """Parse questions answered with the language's dependency labels and lexicon."""

    def _introducers(self, token: Token) -> list[str]:
        """The prepositions that introduce a phrase: its `case` children in French (UD
        hangs "à" under "Kiev"), the token itself where the language makes prepositions
        heads (English "to" -pobj-> "Kiev")."""
        cases = self.deps.get("case", frozenset())
        if self.actors.mention_at(token) is not None:
            cases |= {"mark"}  # "à @AnneHidalgo" parsed as a clause: a name is none
        words = [c.lower_ for c in token.children if c.dep_ in cases]
        if token.dep_ in self.deps.get("preposition", ()):
            words.append(token.lower_)
        return words

    def _agents(self, verb: Token) -> list[Token]:
        """The "par X" phrases of a passive: who acts; in English also the first half of
        a hyphenated participle ("the Kremlin-backed station")."""
        return [
            c
            for c in verb.subtree
            if c.i != verb.i
            and not in_clause(c.head, verb)
            and (self._agent_phrase(c) or self._hyphenated_agent(c, verb))
        ]

    def _agent_phrase(self, token: Token) -> bool:
        """ "par X", "by X", or what the parser labelled an agent."""
        prepositions = self.deps.get("agent_prepositions", frozenset())
        return token.dep_ in self.deps.get("agent", ()) or any(
            word in prepositions for word in self._introducers(token)
        )

    def _hyphenated_agent(self, token: Token, verb: Token) -> bool:
        return (
            token.head.i == verb.i
            and token.dep_ in self.deps.get("hyphenated_agent", ())
            and token.i + 2 == verb.i
            and token.nbor(1).text == "-"
        )

    def _pronominal(self, verb: Token) -> bool:
        """A reflexive clitic on the verb ("s'en prendre à", "se féliciter de")."""
        pronominal = self.deps.get("pronominal", frozenset())
        return any(child.dep_ in pronominal for child in verb.children)

    def _passive_or_adjectival(self, verb: Token) -> bool:
        """ "condamné à 18 mois de prison", "soutenu par ses alliés": the subject undergoes,
        it does not take a stance. Not a pronominal verb, whose "être" the French parser may
        call passive ("X s'en est pris à Y", "X s'est félicité de": the reflexive pronoun
        says X acts)."""
        if self._pronominal(verb):
            return False
        deps = {child.dep_ for child in verb.children}
        if deps & {"aux:pass", "auxpass"}:
            return True
        if deps & {"nsubj:pass", "nsubjpass"} and not deps & {"obj", "dobj"}:
            return True  # with an object, "des gilets jaunes ont rejeté ce discours" is active
        participle = "Part" in verb.morph.get("VerbForm", []) and not _present_participle(verb)
        has_auxiliary = any(child.pos_ == "AUX" for child in verb.children)
        if participle and not has_auxiliary and verb.dep_ == "conj" and verb.head.i != verb.i:
            return self._passive_or_adjectival(verb.head)  # "a été jugé et condamné"
        return (
            participle
            and not has_auxiliary
            and verb.dep_ in ("acl", "amod", "acl:relcl", "advcl", "ROOT")
        )

    def _negated(self, verb: Token) -> bool:
        children = list(verb.children)
        particles = self.deps.get("negation_particles", frozenset())
        has_particle = any(c.lower_ in particles for c in children)
        for child in children:
            word = child.lower_
            if word in self.lexicon.negations and (word != "plus" or has_particle):
                return True
        return False

    def _direct_object(self, verb: Token) -> bool:
        return bool(self._direct_objects(verb))

    def _direct_objects(self, verb: Token) -> list[Token]:
        """A verb's direct objects (syntax.toml `direct_object`)."""
        direct = self.deps.get("direct_object", frozenset())
        return [c for c in verb.children if c.dep_ in direct]

    def _objects(self, verb: Token) -> list[Token]:
        """A verb's objects of any kind (syntax.toml `object`: indirect ones too)."""
        objects = self.deps.get("object", frozenset())
        return [c for c in verb.children if c.dep_ in objects]

    def _objects_taken_for_subjects(self, verb: Token) -> list[Token]:
        """ "a dénoncé une honte et appelé Emmanuel Macron à …": the French parser makes the
        name after a coordinated participle with no auxiliary of its own its subject; a
        subject cannot follow such a participle, so it is the participle's object. So is
        a second subject after a verb whose subject came before it ("Clémentine Autain,
        députée de Seine-Saint-Denis, a critiqué Jean-Luc Mélenchon")."""
        subjects = self.deps.get("subject", frozenset())
        after = [c for c in verb.children if c.dep_ in subjects and c.i > verb.i]
        before = [c for c in verb.children if c.dep_ in subjects and c.i < verb.i]
        if before and not any(
            t.pos_ == "VERB" or (t.pos_ == "AUX" and t.head.i != verb.i)
            for t in self.doc[before[-1].i + 1 : verb.i]
        ):
            # "Clémentine Autain, députée de …, a critiqué Jean-Luc Mélenchon"; not "…, le
            # Premier ministre allant jusqu'à …, a dénoncé M. Laaouej", who reports
            return after
        if verb.dep_ not in self.deps.get("conjunct", ()) or "Part" not in verb.morph.get(
            "VerbForm", []
        ):
            return []
        if any(c.dep_.startswith("aux") for c in verb.children):
            return []
        return after

    def _name_parsed_as_clause(self, verb: Token) -> list[Token]:
        """ "called Donald Trump a threat": the English parser makes the labelled name a
        clause of a labelling verb, with the label its object."""
        if verb.lemma_.casefold() not in self.lexicon.labelling_verbs:
            return []
        return [
            c
            for c in verb.children
            if c.dep_ == "ccomp" and c.pos_ == "PROPN" and self.actors.endpoint(c) is not None
        ]

    def _quoted_noun_taken_for_a_clause(self, verb: Token) -> list[Token]:
        """ "a fustigé « la faiblesse » du chef de l'État": the French parser makes a quoted
        noun after a verb with no object its clause (xcomp); it is the object."""
        if self._direct_objects(verb):
            return []
        return [c for c in verb.children if c.dep_ == "xcomp" and c.pos_ == "NOUN"]

    def _genitive_of_modifier(self, noun: Token) -> list[Token]:
        """ "les réquisitions « disproportionnées » de Louis Ferrand": the parser hangs the
        noun's "de" phrase on the adjective it took for a participle (a clause, left out of
        the object); it is the noun's. Not a participle with a subject or object of its own."""
        found = []
        own = self.deps.get("subject", frozenset()) | self.deps.get("direct_object", frozenset())
        for modifier in (c for c in noun.children if c.dep_ in ("acl", "amod") and c.i > noun.i):
            if any(c.dep_ in own for c in modifier.children):
                continue
            found += [c for c in modifier.children if c.i > modifier.i and self._genitive(c)]
        return found

    def _complement(self, token: Token) -> bool:
        """An object, or an oblique introduced by a target preposition ("soutien à X")."""
        allowed = self.deps.get("target_prepositions", frozenset()) | self.deps.get(
            "genitive", frozenset()
        )
        cases = self._introducers(token)
        if token.dep_ in self.deps.get("object", ()):
            if not cases:  # a bare noun modifier ("soutien … les Verts" misparsed) is none
                return token.dep_ not in self.deps.get("bare_modifier", ())
            return any(case in allowed for case in cases)
        targets = self.deps.get("target_prepositions", frozenset())
        if _preposition_taken_for_a_word(token, targets) or self._second_object(token):
            return True
        oblique = self.deps.get("oblique", frozenset()) | {"acl"}  # a name parsed as a clause
        return (
            token.dep_ in oblique
            and any(c in targets for c in cases)
            and not self._set_off_before(token)
        )

    def _second_object(self, token: Token) -> bool:
        """ "a accusé la France et les États-Unis d'avoir…": a name joined by "et" after
        the verb's object, which the parser hung on the verb as a second clause."""
        return (
            token.dep_ in self.deps.get("conjunct", frozenset())
            and token.pos_ in ("PROPN", "NOUN")
            and any(c.dep_ == "cc" for c in token.children)
            and any(o.i < token.i for o in self._objects(token.head))
            and not any(c.dep_ in self.deps.get("subject", frozenset()) for c in token.children)
        )

    def _set_off_before(self, phrase: Token) -> bool:
        """ "Ian Brossat, pour le Parti communiste, a dénoncé": a phrase between commas
        before its verb says on whose behalf the subject speaks; it is not what the verb
        is aimed at."""
        start, end = phrase.left_edge.i, phrase.right_edge.i + 1
        return (
            phrase.i < phrase.head.i
            and start > 0
            and end < len(self.doc)
            and self.doc[start - 1].text == ","
            and self.doc[end].text == ","
        )

    def _genitive(self, token: Token) -> bool:
        """Whether a noun's complement names its author ("les accusations de Washington")."""
        genitive = self.deps.get("genitive", frozenset())
        return any(word in genitive for word in self._introducers(token))

    def _owned(self, noun: Token) -> bool:
        """Whether a noun has a possessor ("Trump's", "her", "sa")."""
        return any(self._possessor(c) for c in noun.children)

    def _possessor(self, token: Token) -> bool:
        """ "Trump's", "her" (English `poss`), "sa" (a possessive determiner)."""
        return token.dep_ in self.deps.get("possessor", ()) or (
            token.dep_ == "det" and "Yes" in token.morph.get("Poss", [])
        )

    def _authors(self, noun: Token, depth: int = 0) -> list[Token]:
        """Who a claim noun belongs to: "les accusations de Washington", "Washington's
        claims", "the claims of Washington"; through a noun that names no one, whose it is
        ("les conclusions de l'enquête du Sénat")."""
        authors: list[Token] = []
        for child in noun.children:
            if child.dep_ in ("acl", "acl:relcl") and child.pos_ == "VERB":
                agents = self._agents(child)  # "the claims made by Washington"
                authors.extend(t for agent in agents for t in agent.subtree)
            elif child.dep_ in self.deps.get("possessor", ()):
                authors.append(child)
            elif self._genitive(child):
                objects = self.deps.get("preposition_object", frozenset())
                under = [g for g in child.children if g.dep_ in objects]
                authors.extend(under if child.dep_ in self.deps.get("preposition", ()) else [child])
        if depth < 2:
            for token in list(authors):
                if token.pos_ == "NOUN" and self.actors.mention_at(token) is None:
                    authors.extend(self._authors(token, depth + 1))
        return authors

    def _author_phrases(self, noun: Token) -> list[Token]:
        """The heads of a claim's or a decision's author phrases ("the claims by the United
        States", "allegations from Britain", "the decision by Washington")."""
        prepositions = self.deps.get("claim_author_prepositions", frozenset())
        objects = self.deps.get("preposition_object", frozenset())
        return [
            t
            for child in noun.children
            if any(word in prepositions for word in self._introducers(child))
            for t in ([g for g in child.children if g.dep_ in objects] or [child])
        ]

    def _in_circumstance(self, token: Token, root: Token) -> bool:
        """Whether a token of a complement sits in a nested phrase of place, time or means
        ("soutien à ce mouvement sur son compte Instagram")."""
        allowed = self.deps.get("target_prepositions", frozenset()) | self.deps.get(
            "genitive", frozenset()
        )
        genitive = self.deps.get("genitive", frozenset())
        current = token
        while current.i != root.i and current.head.i != current.i:
            words = self._introducers(current)
            # below the complement's own preposition only "de"/"of" phrases say whose it
            # is: "l'attaque d'un camion … à l'arrivée du cortège à la Bastille" is a place
            nested = current.head.i != root.i or current.dep_ in self.deps.get("preposition", ())
            wanted = genitive if nested and current.head.i != root.i else allowed
            if words and not any(word in wanted for word in words):
                return True
            current = current.head
        return False

    def _in_phrase(self, token: Token) -> bool:
        """Whether a noun is the object of a preposition ("de Moscou", "from Moscow")."""
        objects = self.deps.get("preposition_object", frozenset())
        return bool(self._introducers(token)) or token.dep_ in objects

    def _is_source_phrase(self, token: Token) -> bool:
        return any(word in self.lexicon.speaker_prepositions for word in self._introducers(token))

    def _partners(self, aim: Token) -> list[Endpoint]:
        """Who each coordinated phrase of a complement names: the person when it names one
        ("l'homme fort de la Roumanie Liviu Dragnea" is Dragnea, "le premier ministre
        hongrois Viktor Orban" Orban), never what a relative clause says."""
        conjunct = self.deps.get("conjunct", frozenset())
        phrases = [aim, *(t for t in aim.subtree if t.dep_ in conjunct and t.i != aim.i)]
        found: list[Endpoint] = []
        for phrase in phrases:
            nested = {
                t.i
                for c in phrase.subtree
                if c.dep_ in conjunct and c.i != phrase.i
                for t in c.subtree
            }
            tokens = [t for t in phrase.subtree if t.i not in nested and not in_clause(t, phrase)]
            named = self.actors.endpoints_in(tokens, roles=True)
            people = [e for e in named if e.type == "PER"]
            found.extend(people or named)
        return found

    def _judged(self, adjective: Token) -> list[Token]:
        """What a predicate adjective is said of: its subject (UD: "infondées" -nsubj->
        "accusations"), or its copula's (English: "are" -acomp-> "baseless")."""
        holders = (
            [adjective, adjective.head] if adjective.dep_ in ("acomp", "attr") else [adjective]
        )
        subject = self.deps.get("subject", frozenset())
        said_of = [c for holder in holders for c in holder.children if c.dep_ in subject]
        if said_of or adjective.pos_ != "ADJ":
            return said_of
        # "qu'un moratoire, souvent prélude d'un abandon, était nécessaire": the parser made
        # the apposition a verb and gave it the subject
        clauses = [c for c in adjective.children if c.i < adjective.i and c.dep_ == "advcl"]
        return [s for c in clauses for s in c.children if s.dep_ in subject and s.i < c.i]

    def _dismissive(self, token: Token) -> bool:
        """ "infondées" is "infondé" whatever the tagger's lemma ("infonder")."""
        dismissive = self.lexicon.dismissive  # asked of every word: no sets built
        lower = token.lower_
        return (
            token.lemma_.casefold() in dismissive
            or lower in dismissive
            or lower.removesuffix("es") in dismissive
            or lower.removesuffix("s") in dismissive
            or lower.removesuffix("e") in dismissive
        )

    def _copula_negated(self, predicate: Token) -> bool:
        """ "the moratorium was not necessary": English hangs the negation on the copula."""
        return predicate.dep_ in ("acomp", "attr") and self._negated(predicate.head)

    def _act_object(self, verb: Token) -> bool:
        """Whether a verb's object is a decision, a plan or a text (act_nouns.txt): what
        "rejeter", "reject" aim at when they deny no claim ("rejected the council's
        decision"), which the stance bank's guidelines call a criticism of its author."""
        return any(o.lemma_.casefold() in self.lexicon.act_nouns for o in self._objects(verb))

    def _claim_object(self, verb: Token) -> bool:
        return any(
            t.lemma_.casefold() in self.lexicon.claim_nouns
            for o in self._objects(verb)
            for t in o.subtree
        )

    def _claim_subject(self, verb: Token) -> bool:
        """A passive whose subject is a claim ("le discours a été rejeté par …")."""
        subjects = [c for c in verb.children if c.dep_ in self.deps.get("subject", ())]
        if verb.dep_ in ("acl", "amod"):
            subjects.append(verb.head)
        return any(s.lemma_.casefold() in self.lexicon.claim_nouns for s in subjects)

    def _denied_noun(self, noun: Token) -> bool:
        """ "aucune alliance", "no support": a negation on the noun or on its verb."""
        around = [*noun.children, *noun.head.children]
        return any(t.lower_ in self.lexicon.negations for t in around)
