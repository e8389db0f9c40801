"""Whom a cue is aimed at: the actors its object or complement names, else whom it points
back to (the claims a denial answers, the act an approval judges, the quotation before)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from graph.relations.actors import Endpoint, in_clause
from graph.relations.lexicon import DENIES, SUPPORTS
from graph.relations.stance.rules.context import Cue
from graph.relations.stance.rules.memory import Memory
from graph.relations.stance.rules.tokens import _clause_after, _participle, _pronoun, _when

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

#: Possessive pronouns of one third person ("his claims", "ses propos").
POSSESSIVES = frozenset({"his", "her", "son", "sa", "ses"})


class Targets(Memory):
    """Finds the target of a cue from its complement or from what came before."""

    def _targets(self, cue: Cue, sentence: Span, index: int) -> list[Endpoint]:
        complement = self._complement_tokens(cue, sentence)
        complement = [
            t
            for t in complement
            if not (self._in_a_persons_title(t) or self._describing(t) or self._in_a_post(t))
        ]
        if cue.kind == DENIES and not cue.noun:
            complement = self._without_denied_facts(cue.head, complement)
        named = self._owners_first(cue, complement)
        if not named:  # "a figure with whom she formed a friendship", "Y, qu'il accuse de"
            relatives = [t for t in complement if _pronoun(t) in self.relative_pronouns]
            relatives += self._object_relative(cue)
            named = [e for t in relatives if (e := self._antecedent(t)) is not None]
        if not named:  # "saluait le « nouveau prisme » donné par le président"
            named = self._made_by(complement)
        if not named:  # "as Senate Democrats accused him", "X lui a apporté son soutien"
            named = self._pronoun_targets(cue, complement)
        if cue.kind == DENIES and not named:
            claims = [t for t in complement if t.lemma_.casefold() in self.lexicon.claim_nouns]
            stated = [t for c in claims for t in self._claim_authors(c)]
            authors = self.actors.endpoints_in(stated)
            if stated and not authors and not any(t.pos_ == "PRON" for t in stated):
                return []  # "une manipulation des chiffres … du gouvernement": no one named
            owners = [o for c in claims if (o := self._possessive_owner(c)) is not None]
            recent = self._recent_claimants(sentence, index, cue)
            if claims and not recent:
                recent = self._reporter_before(index, cue)
            # "a rejeté ce discours" with no claim before: who last announced something
            announced = self._recent_act_author(sentence, index, cue) if claims else []
            return authors or owners or recent or announced
        if not named and cue.kind != SUPPORTS and self._these_words(complement):
            return self._claimants_just_before(sentence, index, cue)
        if not named and self._agrees_with_no_one_named(cue):
            return [self.last_person] if self.last_person is not None else []
        if not named and (self._about_an_act(complement) or self._stranded(cue, complement)):
            if self._act_by_someone_unnamed(complement):
                return []  # "le plan défendu par la municipalité": not the last act's author
            return self._same_act_author(complement) or self._recent_act_author(
                sentence, index, cue
            )
        if not named and not cue.noun and len(cue.words) == 1:
            return self._quoted_before(cue.head, sentence)
        return named

    def _stranded(self, cue: Cue, complement: Sequence[Token]) -> bool:
        """ "Les LR ont voté contre.", "The DUP voted against.": a phrase whose last word
        ends the sentence aims at what was just put forward."""
        last = cue.words[-1]
        after = self.doc[last.i + 1 : last.sent.end]
        return (
            len(cue.words) > 1
            and not complement
            and last.pos_ in ("ADP", "ADV")
            and all(t.is_punct for t in after)
        )

    def _owners_first(self, cue: Cue, complement: Sequence[Token]) -> list[Endpoint]:
        """ "criticized Trump's approach to North Korea", "a dénoncé les propos de Y sur X":
        whose the verb's object is, is its target; the other actors inside the object are
        what it is about. An object that is an actor itself ("Macron's ally, Le Pen") stays."""
        named = self.actors.endpoints_in(complement, roles=True)
        if cue.noun or len(cue.words) > 1 or not named:
            return named
        conjunct = self.deps.get("conjunct", frozenset())
        objects = self._direct_objects(cue.head)
        objects += [c for o in objects for c in o.children if c.dep_ in conjunct]
        victims = {v.i for o in objects for v in self._victim_heads(o)}
        authors = [a for o in objects for a in self._authors(o) if a.i not in victims]
        owners = self.actors.endpoints_in(t for author in authors for t in author.subtree)
        if not owners and any(self._someone_unnamed(author) for author in authors):
            # "defended the president's call with Zelensky": the president's, not Zelensky's
            inside = {t.i for o in objects for t in o.subtree}
            outside = [t for t in complement if t.i not in inside]
            return self.actors.endpoints_in(outside, roles=True)
        if not owners or len(named) < 2:
            return named
        apposed = [t for o in objects for c in o.children if c.dep_ == "appos" for t in c.subtree]
        itself = [*objects, *apposed]
        kept = {e.key for e in owners} | {e.key for e in self.actors.endpoints_in(itself)}
        return [e for e in named if e.key in kept]

    def _someone_unnamed(self, author: Token) -> bool:
        """ "his", "the president's", "les propos du ministre": the object is someone's whom
        the article does not name here."""
        return author.pos_ == "PRON" or self.actors.is_role_noun(author)

    def _without_denied_facts(self, verb: Token, complement: list[Token]) -> list[Token]:
        """ "has denied a rift with France", "nie toute implication dans l'affaire": what
        a denied fact is with or about is not who claimed it; the complement of a claim
        ("les accusations de X") or a genitive ("l'implication de X") still may be."""
        direct = self.deps.get("direct_object", frozenset())
        genitive = self.deps.get("genitive", frozenset())
        facts = [
            c
            for c in verb.children
            if c.dep_ in direct
            and c.pos_ == "NOUN"
            and c.lemma_.casefold() not in self.lexicon.claim_nouns
        ]
        aside = {
            t.i
            for fact in facts
            for phrase in fact.children
            if (words := self._introducers(phrase)) and not set(words) & genitive
            for t in phrase.subtree
        }
        return [t for t in complement if t.i not in aside]

    def _claim_authors(self, claim: Token) -> list[Token]:
        """Who made a claim: its owner ("les accusations de Washington", "Washington's
        claims", "the claims made by Washington") or a phrase of its author ("the claims
        by the United States", "allegations from Britain")."""
        return [*self._authors(claim), *self._author_phrases(claim)]

    def _possessive_owner(self, noun: Token) -> Endpoint | None:
        """ "dismissed his claims", "a démenti ses propos": the person the possessive
        pronoun stands for."""
        for child in noun.children:
            possessive = self._possessor(child)
            if possessive and child.pos_ in ("PRON", "DET") and _pronoun(child) in POSSESSIVES:
                return self._third_person(child)
        return None

    def _agrees_with_no_one_named(self, cue: Cue) -> bool:
        """ "Roland Marchal, an Africa specialist, agreed.": agreeing with nobody named
        is agreeing with the one who spoke before; only a bare verb, not "agreed to pay"."""
        if cue.head.lemma_.casefold() not in self.lexicon.agreement_verbs:
            return False
        if cue.head.dep_ != "ROOT":  # "… needed parliament to buy in and agree something"
            return False
        bare = self.deps.get("bare_verb_children", frozenset())
        demonstratives = self.deps.get("demonstratives", frozenset())
        direct = self.deps.get("direct_object", frozenset())
        return all(
            child.dep_ in bare
            or _when(child)
            or (  # "echoed those sentiments": what the one before said
                child.dep_ in direct
                and any(d.lower_ in demonstratives for d in child.children)
                and not self.actors.endpoints_in(child.subtree)
            )
            for child in cue.head.children
        )

    def _made_by(self, complement: Sequence[Token]) -> list[Endpoint]:
        """The agents of participles that describe what a complement names ("le prisme
        donné par X", "the plan unveiled by X"): the authors of the thing judged."""
        inside = {t.i for t in complement}
        participles = [
            child
            for token in complement
            for child in token.children
            if child.dep_ in ("acl", "amod") and _participle(child) and child.i not in inside
        ]
        following = self._participle_after(complement)
        if following is not None and following not in participles:
            participles.append(following)
        return [author for verb in participles for author in self._agent_endpoints(verb)]

    def _participle_after(self, complement: Sequence[Token]) -> Token | None:
        """ "saluait le « nouveau prisme » donné par le président": a participle that
        follows the complement with only a quotation mark between describes it, even
        when the quotation made the parser hang it elsewhere. After a comma it may
        describe the subject instead ("a salué la décision, interrogé par l'AFP")."""
        if not complement:
            return None
        marks = self.deps.get("quote_open", frozenset()) | self.deps.get("quote_close", frozenset())
        after = max(t.i for t in complement) + 1
        while after < len(self.doc) and self.doc[after].text in marks:
            after += 1
        if after < len(self.doc) and _participle(self.doc[after]):
            return self.doc[after]
        return None

    def _about_an_act(self, tokens: Sequence[Token]) -> bool:
        return any(t.lemma_.casefold() in self.lexicon.act_nouns for t in tokens)

    def _quoted_before(self, verb: Token, sentence: Span) -> list[Endpoint]:
        """ "« Macron n'a rien compris », a condamné la CGT": the cue verb reports the
        quotation just before it, whose subject is the target."""
        before = self.doc[sentence.start : verb.i]
        closing = self.deps.get("quote_close", frozenset({"»"}))
        if not any(t.text in closing for t in before[-4:]):
            return []
        quoted = [t for t in before if self._quoted(t) and not self._place_said(t)]
        return self.actors.endpoints_in(quoted, names_first=True)[:1]

    def _place_said(self, token: Token) -> bool:
        """ "« À Paris, où 8 000 personnes ont défilé, la responsabilité l'a emporté », a
        salué M. Castaner": a place in a phrase of its own says where, it is not judged."""
        mention = self.actors.mention_at(token)
        return mention is not None and mention.type == "LOC" and self._in_phrase(token)

    def _complement_tokens(self, cue: Cue, sentence: Span) -> list[Token]:
        if len(cue.words) > 1 and not cue.noun:
            last = cue.words[-1]
            after = last.head.i > last.i and last.head.pos_ not in ("VERB", "AUX")
            introduced = list(last.head.subtree) if after else []
            following = introduced + list(_clause_after(self.doc, last.i + 1, sentence.end))
            # "took a swipe at her rival, Mark Lamb": the name apposed past the comma
            following += [
                t for w in following for c in w.children if c.dep_ == "appos" for t in c.subtree
            ]
            following = sorted({t.i: t for t in following}.values(), key=lambda t: t.i)
            inside = {t.i for t in following}
            allowed, refused = self._phrase_prepositions(cue)
            return [
                t
                for t in following
                if not self._of_holders(t, sentence.root)
                and not self._aside(t, inside, allowed, refused)
                and not _in_clause_of_its_own(t, inside, _with_ancestors(cue.words))
            ]
        head = cue.words[-1] if cue.noun else cue.head
        cue_tokens = {w.i for w in cue.words}
        roots = [
            c
            for c in head.children
            if self._complement(c)
            and c.i not in cue_tokens
            and not (cue.noun and self._genitive(c) and not self._names_target(cue))
            and not (cue.kind == DENIES and not cue.noun and self._addressee(c))
        ]
        if not cue.noun:
            roots += self._objects_taken_for_subjects(head) + self._name_parsed_as_clause(head)
            roots += self._quoted_noun_taken_for_a_clause(head)
            roots += [g for o in self._direct_objects(head) for g in self._genitive_of_modifier(o)]
        if cue.noun and not roots:  # "voiced criticism of X": the giver owns it, X is aimed at
            roots = [c for c in head.children if self._genitive(c) and self._given(cue)]
        if cue.noun:  # "apporter à Kiev son soutien"; not a second object of the verb
            direct = self.deps.get("direct_object", frozenset())
            roots += [
                c
                for c in cue.head.children
                if self._complement(c) and c.i != head.i and c.dep_ not in direct
            ]
            carrier = head.head.head if head.head.pos_ == "ADP" else head.head
            if carrier.lemma_.casefold() in self.lexicon.carrier_nouns:  # "a message of
                roots += [  # support for X"
                    c
                    for c in carrier.children
                    if self._complement(c)
                    and c.i not in {head.i, head.head.i}
                    and not self._genitive(c)
                ]
        tokens = [
            t
            for root in roots
            for t in root.subtree
            if not self._is_source_phrase(t)
            and not self._in_circumstance(t, root)
            and not in_clause(t, root)
            and not self._of_holders(t, root)
            and not (cue.kind == SUPPORTS and self._against(t, root))
        ]
        return sorted(tokens, key=lambda t: t.i)

    def _phrase_prepositions(self, cue: Cue) -> tuple[frozenset[str], frozenset[str]]:
        """What may introduce a phrase cue's target: its own preposition, "de"/"of", and,
        unless the phrase ends with its preposition ("manifester contre": "samedi à Paris"
        after it is a place), the target prepositions; and what may not ("sided with X
        against Y" supports no Y)."""
        own = frozenset(w.lower_ for w in cue.words)
        closed = cue.words[-1].pos_ == "ADP"
        targeted = frozenset() if closed else self.deps.get("target_prepositions", frozenset())
        allowed = targeted | self.deps.get("genitive", frozenset()) | own
        opposing = self.deps.get("opposing_prepositions", frozenset())
        return allowed, opposing if cue.kind == SUPPORTS else frozenset()

    def _aside(
        self, token: Token, inside: set[int], allowed: frozenset[str], refused: frozenset[str]
    ) -> bool:
        """ "a rétorqué Emmanuel Macron aux Français depuis Buenos Aires", "tore into Y
        over his record": after a phrase's own complement, a phrase of place, time or
        topic names no target (`allowed`, `refused`: see _phrase_prepositions)."""
        current = token
        while current.i in inside:
            words = self._introducers(current)
            if words and (words[0] not in allowed or words[0] in refused):
                return True  # "lors d'un meeting": "lors" decides
            if current.head.i == current.i:
                return False
            current = current.head
        return False

    def _of_holders(self, token: Token, root: Token) -> bool:
        """ "hit back at Macron's opponents": the target is the opponents, not Macron; "a
        défendu la hausse de la CSG": not the CSG either. A name apposed to the holder
        noun is the holder ("took a swipe at her rival, Mark Lamb")."""
        current = token
        while current.i != root.i and current.head.i != current.i:
            apposed = current.dep_ == "appos"
            current = current.head
            lemma = current.lemma_.casefold()
            if lemma in self.lexicon.holder_nouns and apposed:
                return False
            if lemma in self.lexicon.holder_nouns or lemma in self.lexicon.process_nouns:
                return True
            if current.pos_ in ("VERB", "AUX"):
                return False
        return False

    def _names_target(self, cue: Cue) -> bool:
        """Whether a stance noun's "de"/"of" complement is its target ("l'éloge de X")
        rather than its author ("le soutien de X"): also when the noun has its owner
        already ("her criticism of X", "sa condamnation de X")."""
        noun = cue.words[-1]
        return noun.lemma_.casefold() in self.lexicon.genitive_target_nouns or self._owned(noun)

    def _given(self, cue: Cue) -> bool:
        """Whether a stance noun is given by a light verb whose subject is named ("Biden
        voiced criticism of X"), or owned ("her criticism of X"): its author is told, so
        its "of" complement is whom it aims at."""
        noun = cue.words[-1]
        if self._owned(noun):
            return True
        return len(cue.words) > 1 and bool(self._subjects_of(cue.head))

    def _against(self, token: Token, root: Token) -> bool:
        """ "defending the accord against Trump's attempts": whom one supports something
        against is no one supported."""
        opposing = self.deps.get("opposing_prepositions", frozenset())
        current = token
        while True:
            if any(word in opposing for word in self._introducers(current)):
                return True
            if current.i == root.i or current.head.i == current.i:
                return False
            current = current.head

    def _addressee(self, token: Token) -> bool:
        """ "denied to CNN that …", "a démenti auprès de l'AFP": who a denial is made to,
        not whose claim it denies (an indirect or prepositional object)."""
        direct = self.deps.get("direct_object", frozenset())
        return token.dep_ not in direct or bool(self._introducers(token))


def _with_ancestors(words: Sequence[Token]) -> set[int]:
    return {t.i for word in words for t in (word, *word.ancestors)}


def _in_clause_of_its_own(token: Token, inside: set[int], phrase: set[int]) -> bool:
    """ "pushed back against Trump's claims that New York had enough ventilators": a word
    of a clause after a phrase's complement (what the claims say) is no target; the verbs
    of the phrase and those it hangs on ("s'est dit solidaire de X", "appeler à voter pour
    X") are no clause of its own (`phrase`: the phrase's words and their ancestors)."""
    current = token
    while current.i in inside and current.head.i != current.i:
        current = current.head
        if current.i in phrase:
            return False
        if current.pos_ in ("VERB", "AUX") or current.dep_ in ("acl", "acl:relcl", "relcl"):
            return True
    return False
