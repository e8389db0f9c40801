"""Stance: who supports, denies, criticises or accuses whom, sentence by sentence.

A cue (a verb, a noun given by a light verb, or a multiword phrase, all from the language's
data files) is read with its speaker (subject, post-posed subject of a reporting verb, the
one quoted, "selon X") and its target (object or complement; for a denial, the authors of
the claims the sentence answers). Negated, conditional, refused or hypothetical cues, and
questions, yield nothing.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from graph.entities import Mention
from graph.gazetteer import Gazetteer
from graph.langdata import data_words
from graph.relations.actors import (
    THIRD_PERSON,
    Actors,
    Endpoint,
    in_clause,
    prepositions_of,
    syntax,
)
from graph.relations.lexicon import ACCUSES, CRITICISES, DENIES, SUPPORTS, Lexicon, load_lexicon
from graph.relations.quotes import quote_side

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

#: Sentences before a denial in which the claims it answers are looked for.
CLAIM_LOOKBACK = 3
#: Sentences before a denial searched for the last claim when the nearer ones make none.
CLAIM_FAR_LOOKBACK = 15
#: Dependency labels of a relative clause on a noun (UD French, then spaCy's English).
RELATIVE_CLAUSE = ("acl:relcl", "relcl")
#: The stance towards someone an action judged by a cue befalls ("dénoncer l'arrestation de
#: X" sides with X); denials and accusations of it say nothing about them.
OPPOSITE = {SUPPORTS: CRITICISES, CRITICISES: SUPPORTS}
#: Tokens after a cue in which the "— Name (@handle)" signature of its tweet is looked for.
TWEET_REACH = 80
#: Possessive pronouns of one third person ("his claims", "ses propos").
POSSESSIVES = frozenset({"his", "her", "son", "sa", "ses"})
#: Punctuation that closes a clause for the speaker looked for before a verb (an aside
#: between dashes, a title before a colon).
CLAUSE_BREAKS = frozenset({"–", "—", ":", ";", "(", ")"})
#: Tokens a multiword cue may skip between its words (auxiliaries, adverbs).
PHRASE_GAP = 3


@dataclass(frozen=True)
class Stance:
    """`source` takes stance `kind` towards `target` in sentence `sentence`, by `cue`."""

    kind: str
    source: Endpoint
    target: Endpoint
    sentence: int
    cue: str
    #: Calibrated probability that this is a stance of this kind (graph.relations.stance.
    #: model); None when only the rules read it (no trained model for the language).
    confidence: float | None = None


#: How a cue is read (`_Cue.reading`): its speaker and target are found differently.
SPOKEN = "spoken"  # the subject (or the one quoted) towards the object or complement
PASSIVE = "passive"  # "rejeté par X": the agents towards the subject
VERDICT = "verdict"  # "ces accusations sont infondées": the one quoted denies the claim
RETORT = "retort"  # "…, ce que Téhéran dément": denies who made the claim before
NOMINAL = "nominal"  # "la solidarité de la France avec l'Ukraine": the noun's author
VERBLESS = "verbless"  # "« Toute ma solidarité à X », a réagi Y": the one quoted
RECEIVED = "received"  # "a reçu le soutien de X": X towards the subject
HELD = "held"  # "X, un partisan de Y", "X is an ally of Y": X towards Y
MUTUAL = "mutual"  # "l'amitié entre la France et Israël": each party towards the others
APPROVAL = "approval"  # "X a estimé que le moratoire était nécessaire": X towards its author


@dataclass(frozen=True)
class _Cue:
    kind: str
    head: Token
    words: tuple[Token, ...]
    #: Whether the cue is a stance noun given by a light verb ("apporter son soutien").
    noun: bool = False
    reading: str = SPOKEN

    @property
    def text(self) -> str:
        return " ".join(token.text for token in self.words)


def stances_of(
    doc: Doc,
    mentions: Sequence[Mention],
    lang: str,
    gazetteer: Gazetteer,
    actors: Actors | None = None,
) -> list[Stance]:
    """Every stance the rule readings find in a parsed article (`actors`: the article's
    resolver, when the caller already made one)."""
    lexicon = load_lexicon(lang)
    if lexicon.empty:
        return []
    actors = actors or Actors(doc, mentions, lang, gazetteer)
    reader = _Reader(doc, actors, lexicon, lang)
    return list(reader.stances())


class _Reader:
    """Reads one article's sentences in order, remembering who made which claims."""

    def __init__(self, doc: Doc, actors: Actors, lexicon: Lexicon, lang: str) -> None:
        self.doc = doc
        self.actors = actors
        self.lexicon = lexicon
        self.deps = syntax(lang)
        self.light_verbs = data_words(lang, "light_verbs.txt")
        self.survey_nouns = data_words(lang, "survey_nouns.txt")
        self._infinitive_endings = self.deps.get("infinitive_endings", frozenset())
        self.relative_pronouns = self.deps.get("relative_pronouns", frozenset())
        self._passive_subjects = self.deps.get("passive_subject", frozenset({"nsubj:pass"}))
        self.sentences = list(doc.sents)
        self._quoted_indices = actors.quoted
        #: first word of each multiword cue → the cues' places in the lexicon
        self._phrase_index: dict[str, list[int]] = {}
        for order, (words, _) in enumerate(lexicon.phrases):
            self._phrase_index.setdefault(words[0], []).append(order)
        self.claimants: list[list[Endpoint]] = []
        #: Per sentence, who decided or announced something (see act_verbs.txt).
        self.acts: list[list[Endpoint]] = []
        #: The claims the last denial answered, and where: a later "a également rejeté ces
        #: allégations" answers the same ones.
        self.disputed: tuple[int, list[Endpoint]] = (-CLAIM_LOOKBACK - 1, [])
        #: The last person who was the subject of a sentence: who "il"/"elle" most likely is.
        self.last_person: Endpoint | None = None

    def stances(self) -> Iterator[Stance]:
        for index, sentence in enumerate(self.sentences):
            for cue in self._cues(sentence):
                if self._cancelled(cue, sentence):
                    continue
                yield from self._stances_for(cue, sentence, index)
            self.claimants.append(self._claims_in(sentence))
            self.acts.append(self._acts_in(sentence))
            self._remember_subject(sentence)

    def _quoted(self, token: Token) -> bool:
        return token.i in self._quoted_indices

    def _remember_subject(self, sentence: Span) -> None:
        """The person the sentence is about: its main verb's subject, else, when that names
        no person (a headline quote before a colon), the first person subject of a verb."""
        root = sentence.root
        subject = self._subject_of(root)
        if subject is not None and subject.pos_ != "PRON":
            found = self.actors.endpoint(subject)
            if found is not None and found.type == "PER":
                self.last_person = found
            return
        for verb in (t for t in sentence if t.pos_ == "VERB" and t.i != root.i):
            subject = self._subject_of(verb)
            if subject is None or self._quoted(subject):
                continue
            named = self.actors.mention_at(subject)
            if named is not None and named.type == "PER":
                self.last_person = self.actors.endpoint(subject)
                return

    # -- cues ---------------------------------------------------------------------------
    def _cues(self, sentence: Span) -> Iterator[_Cue]:
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

    def _word_cue(self, token: Token) -> _Cue | None:
        lemma = token.lemma_.casefold()
        verb = self.lexicon.verbs.get(lemma)
        if verb is not None and token.pos_ in ("VERB", "AUX"):
            if verb.needs_claim and not (self._claim_object(token) or self._claim_subject(token)):
                return None
            if verb.needs_object and not self._direct_object(token):
                return None
            if verb.unless and any(
                word in verb.unless for c in token.children for word in self._introducers(c)
            ):
                return None  # "condamné à 18 mois de prison" is sentenced, not criticised
            kind = self._claim_kind(verb.kind, token)
            if self._passive_or_adjectival(token):
                if not self._agents(token):
                    return None
                return _Cue(kind, token, (token,), reading=PASSIVE)
            return _Cue(kind, token, (token,))
        if self._labels_claim_as_false(token):
            return _Cue(DENIES, token, (token,))
        if self._claim_called_false(token):
            return _Cue(DENIES, token, (token,), reading=VERDICT)
        if self._act_called_good(token):
            return _Cue(SUPPORTS, token, (token,), reading=APPROVAL)
        if lemma in self.lexicon.mutual_nouns and token.pos_ == "NOUN" and self._bond(token):
            return _Cue(SUPPORTS, token, (token,), noun=True, reading=MUTUAL)
        noun_kind = self.lexicon.nouns.get(lemma)
        if noun_kind and token.pos_ == "NOUN":
            giver = self._light_verb_of(token)
            if giver is not None:
                return _Cue(noun_kind, giver, (giver, token), noun=True)
            receiver = self._receiving_verb_of(token)
            if receiver is not None:
                return _Cue(noun_kind, receiver, (receiver, token), noun=True, reading=RECEIVED)
        if noun_kind and self._verbless(token):
            return _Cue(noun_kind, token, (token,), noun=True, reading=VERBLESS)
        if noun_kind and token.pos_ == "NOUN" and self._owned_and_aimed(token):
            return _Cue(noun_kind, token, (token,), noun=True, reading=NOMINAL)
        holder_kind = self.lexicon.holder_nouns.get(lemma)
        if holder_kind and token.pos_ == "NOUN":
            return _Cue(holder_kind, token, (token,), noun=True, reading=HELD)
        return None

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

    def _bond(self, noun: Token) -> bool:
        """Whether a bond noun names two parties or more, and is not denied ("aucune
        alliance entre X et Y")."""
        return not self._denied_noun(noun) and len(self._parties(noun)) >= 2

    def _denied_noun(self, noun: Token) -> bool:
        """ "aucune alliance", "no support": a negation on the noun or on its verb."""
        around = [*noun.children, *noun.head.children]
        return any(t.lower_ in self.lexicon.negations for t in around)

    def _parties(self, noun: Token) -> list[Endpoint]:
        """Who shares a bond: "entre la France et Israël", "between X and Y", or the halves
        of a hyphenated national adjective ("la coopération franco-allemande")."""
        between = self.deps.get("mutual_prepositions", frozenset())
        found: dict[str, Endpoint] = {}
        for child in noun.children:
            if any(word in between for word in self._introducers(child)):
                found.update((e.key, e) for e in self._partners(child))
            elif child.dep_ in self.deps.get("national_modifier", frozenset()):
                found.update((e.key, e) for e in self.actors.countries_joined(child))
        return list(found.values())

    def _owned_and_aimed(self, noun: Token) -> bool:
        """ "la solidarité de la France avec l'Ukraine", "Germany's support for Kyiv": a
        stance noun naming both whose it is and whom it is for, wherever it stands."""
        if self._denied_noun(noun):
            return False  # "aucun soutien de X à Y", "no support from X for Y"
        if not self.actors.endpoints_in(self._authors(noun)):
            return False
        return bool(self._aims(noun))

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

    def _aims(self, noun: Token) -> list[Token]:
        """A stance noun's complements of target ("à X", "for X", "with X"), its own or
        those of the participle that tells who made it ("l'axe tissé par X avec Y")."""
        targets = self.deps.get("target_prepositions", frozenset())
        made = [c for c in noun.children if c.dep_ in ("acl", "amod") and self._agents(c)]
        return [
            c
            for holder in [noun, *made]
            for c in holder.children
            if (self._complement(c) or c.dep_ in self.deps.get("oblique", ()))
            and any(word in targets for word in self._introducers(c))
        ]

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

    def _direct_object(self, verb: Token) -> bool:
        return any(c.dep_ in self.deps.get("direct_object", ()) for c in verb.children)

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

    def _phrase_cues(self, sentence: Span) -> Iterator[_Cue]:
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
                        yield _Cue(kind, head, tuple(matched))
                    break

    def _undergone(self, verb: Token) -> bool:
        """ "X a été mis en cause dans l'affaire": the subject of a passive phrase undergoes
        it, it takes no stance."""
        return any(
            c.dep_ in ("aux:pass", "auxpass", "nsubj:pass", "nsubjpass") for c in verb.children
        )

    def _phrases_opened_by(self, token: Token) -> list[int]:
        """The phrases (by their order in the file) whose first word this token may be."""
        written = token.lower_.replace("’", "'")
        lemma = token.lemma_.casefold()
        found = {*self._phrase_index.get(written, ()), *self._phrase_index.get(lemma, ())}
        if token.pos_ in ("VERB", "AUX"):
            for first, orders in self._phrase_index.items():
                if len(first) > 4 and written.startswith(first[:-2]):
                    found.update(orders)
        return sorted(found)

    def _retort_cues(self, sentence: Span) -> Iterator[_Cue]:
        """ "…, ce que Téhéran dément": an opener of a relative clause about the whole
        preceding clause, then a denial verb within a few words (its form as written too,
        since the tagger often misreads "dément")."""
        for opener in self.lexicon.retort_openers:
            for token in sentence:
                if token.lower_ != opener[0]:
                    continue
                matched = _match_phrase(sentence, token.i - sentence.start, opener, gap=0)
                if not matched:
                    continue
                after = self.doc[matched[-1].i + 1 : min(sentence.end, matched[-1].i + 6)]
                verb = next((t for t in after if self._denial_word(t)), None)
                if verb is not None:
                    yield _Cue(DENIES, verb, (*matched, verb), reading=RETORT)

    def _denial_word(self, token: Token) -> bool:
        verb = self.lexicon.verbs.get(token.lemma_.casefold())
        if verb is not None and verb.kind == DENIES and token.pos_ in ("VERB", "AUX"):
            return True
        return token.lower_ in self.lexicon.denial_forms

    def _claim_kind(self, kind: str, verb: Token) -> str:
        """Criticising or attacking a claim ("a fustigé les conclusions de l'enquête",
        "a dénoncé un discours") is denying it; so is criticising someone for lying
        ("criticised Scheer for fearmongering, saying he was spreading falsehoods")."""
        if kind not in (CRITICISES, ACCUSES):
            return kind
        if self._claim_object(verb) or self._claim_subject(verb) or self._for_lying(verb):
            return DENIES
        return kind

    def _for_lying(self, verb: Token) -> bool:
        subject = self.deps.get("subject", frozenset())
        reasons = [t for c in verb.children if c.dep_ not in subject for t in c.subtree]
        return any(self._dismissive(t) and t.pos_ in ("NOUN", "ADJ", "VERB") for t in reasons)

    def _claim_subject(self, verb: Token) -> bool:
        """A passive whose subject is a claim ("le discours a été rejeté par …")."""
        subjects = [c for c in verb.children if c.dep_ in self.deps.get("subject", ())]
        if verb.dep_ in ("acl", "amod"):
            subjects.append(verb.head)
        return any(s.lemma_.casefold() in self.lexicon.claim_nouns for s in subjects)

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

    def _hyphenated_agent(self, token: Token, verb: Token) -> bool:
        return (
            token.head.i == verb.i
            and token.dep_ in self.deps.get("hyphenated_agent", ())
            and token.i + 2 == verb.i
            and token.nbor(1).text == "-"
        )

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

    @staticmethod
    def _passive_or_adjectival(verb: Token) -> bool:
        """ "condamné à 18 mois de prison", "soutenu par ses alliés": the subject undergoes,
        it does not take a stance."""
        deps = {child.dep_ for child in verb.children}
        if deps & {"aux:pass", "auxpass"}:
            return True
        if deps & {"nsubj:pass", "nsubjpass"} and not deps & {"obj", "dobj"}:
            return True  # with an object, "des gilets jaunes ont rejeté ce discours" is active
        participle = "Part" in verb.morph.get("VerbForm", []) and not _present_participle(verb)
        has_auxiliary = any(child.pos_ == "AUX" for child in verb.children)
        if participle and not has_auxiliary and verb.dep_ == "conj" and verb.head.i != verb.i:
            return _Reader._passive_or_adjectival(verb.head)  # "a été jugé et condamné"
        return (
            participle
            and not has_auxiliary
            and verb.dep_ in ("acl", "amod", "acl:relcl", "advcl", "ROOT")
        )

    def _labels_claim_as_false(self, token: Token) -> bool:
        """ "qualifier ces affirmations de « rumeurs sans fondement »", "a traité Y de
        menteur", "called Y a liar": what Y says is rejected."""
        return (
            token.lemma_.casefold() in self.lexicon.labelling_verbs
            and token.pos_ == "VERB"
            and (self._claim_object(token) or self._actor_object(token))
            and self._dismissed_after(token)
        )

    def _actor_object(self, verb: Token) -> bool:
        direct = self.deps.get("direct_object", frozenset())
        objects = [c for c in verb.children if c.dep_ in direct]
        return bool(self.actors.endpoints_in(t for o in objects for t in o.subtree))

    def _claim_called_false(self, token: Token) -> bool:
        """ "ces accusations sont infondées", "the claims are baseless": a verdict on a claim."""
        participle = _participle(token)
        predicate_noun = token.pos_ == "NOUN" and (
            token.dep_ in self.deps.get("predicate", ())
            or any(c.dep_ == "cop" for c in token.children)
        )
        if not self._dismissive(token) or not (token.pos_ == "ADJ" or participle or predicate_noun):
            return False
        if self._copula_negated(token):
            return False  # "the claims are not baseless"
        return any(s.lemma_.casefold() in self.lexicon.claim_nouns for s in self._judged(token))

    def _act_called_good(self, token: Token) -> bool:
        """ "le moratoire était nécessaire", "the reform is welcome": a verdict approving a
        decision (approving_words.txt)."""
        if not {token.lemma_.casefold(), token.lower_} & self.lexicon.approving:
            return False
        if token.pos_ != "ADJ" or self._copula_negated(token):
            return False
        return any(s.lemma_.casefold() in self.lexicon.act_nouns for s in self._judged(token))

    def _copula_negated(self, predicate: Token) -> bool:
        """ "the moratorium was not necessary": English hangs the negation on the copula."""
        return predicate.dep_ in ("acomp", "attr") and self._negated(predicate.head)

    def _dismissive(self, token: Token) -> bool:
        """ "infondées" is "infondé" whatever the tagger's lemma ("infonder")."""
        words = {token.lemma_.casefold(), token.lower_}
        words |= {token.lower_.removesuffix(end) for end in ("es", "s", "e")}
        return bool(words & self.lexicon.dismissive)

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

    def _claim_object(self, verb: Token) -> bool:
        objects = [c for c in verb.children if c.dep_ in self.deps.get("object", ())]
        return any(
            t.lemma_.casefold() in self.lexicon.claim_nouns for o in objects for t in o.subtree
        )

    def _dismissed_after(self, verb: Token) -> bool:
        sentence = verb.sent
        return any(
            t.lemma_.casefold() in self.lexicon.dismissive or t.lower_ in self.lexicon.dismissive
            for t in self.doc[verb.i : sentence.end]
        )

    # -- negation and modality ----------------------------------------------------------
    def _cancelled(self, cue: _Cue, sentence: Span) -> bool:
        if sentence.text.rstrip(' »"').endswith("?"):
            return True
        head = cue.head
        return self._negated(head) or self._conditional(head) or self._blocked(head)

    def _negated(self, verb: Token) -> bool:
        children = list(verb.children)
        particles = self.deps.get("negation_particles", frozenset())
        has_particle = any(c.lower_ in particles for c in children)
        for child in children:
            word = child.lower_
            if word in self.lexicon.negations and (word != "plus" or has_particle):
                return True
        return False

    def _conditional(self, verb: Token) -> bool:
        """A conditional verb, or a modal auxiliary of hypothesis ("could support")."""
        auxiliaries = [c for c in verb.children if c.pos_ == "AUX"]
        if any(c.lemma_.casefold() in self.lexicon.blocking_verbs for c in auxiliaries):
            return True
        return any("Cnd" in token.morph.get("Mood", []) for token in [verb, *auxiliaries])

    def _blocked(self, verb: Token) -> bool:
        if verb.dep_ == "advcl" and self._passive_or_adjectival(verb):
            return False  # "ont appelé à une grève, soutenue par X": no complement of "appeler"
        if verb.dep_ == "advcl" and _present_participle(verb):
            return False  # "a appelé au calme, en saluant X": the caller's own act
        token = verb
        for _ in range(2):
            if token.dep_ not in self.deps.get("clause", ()) and token.dep_ not in ("obl", "obj"):
                return False
            token = token.head
            if token.lemma_.casefold() in self.lexicon.blocking_verbs:
                return True
            if self._negated(token) and token.lemma_.casefold() not in self.lexicon.reporting_verbs:
                return True
        return False

    # -- speaker and target -------------------------------------------------------------
    def _stances_for(self, cue: _Cue, sentence: Span, index: int) -> Iterator[Stance]:
        if cue.reading == PASSIVE:
            yield from self._passive_stances(cue, index)
        elif cue.reading in (VERDICT, APPROVAL):
            yield from self._verdict_stances(cue, sentence, index)
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

    def _spoken_stances(self, cue: _Cue, sentence: Span, index: int) -> Iterator[Stance]:
        speaker = self._speaker(cue, sentence)
        if speaker is None:
            return
        targets = self._targets(cue, sentence, index)
        undergoing = self._patients(cue, sentence)
        patients = {e.key for e in undergoing}
        if not targets:  # "dénonçant une arrestation arbitraire", said of one named before
            targets = undergoing
        if not targets and cue.kind == SUPPORTS and cue.noun:
            targets = self._undergoing_in(sentence)
        for source in [speaker, *self._coordinated_with(speaker, cue)]:
            for target in targets:
                if not self._distinct(source, target):
                    continue
                kind = OPPOSITE.get(cue.kind, "") if target.key in patients else cue.kind
                if kind:
                    yield Stance(kind, source, target, index, cue.text)

    def _patients(self, cue: _Cue, sentence: Span) -> list[Endpoint]:
        """Who undergoes an action the cue judges ("a dénoncé l'arrestation d'Éric Drouet",
        "defended the targeting of Soubry"): denouncing it sides with them, defending it
        goes against them."""
        complement = self._complement_tokens(cue, sentence)
        actions = [t for t in complement if t.lemma_.casefold() in self.lexicon.patient_nouns]
        named = self._undergoers(actions)
        if named or not actions:
            return named
        return self._last_undergoing(actions[0])

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
        return self.actors.endpoints_in((t for a in actions for t in self._authors(a)), roles=True)

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

    def _nominal_stances(self, cue: _Cue, sentence: Span, index: int) -> Iterator[Stance]:
        authors = self.actors.endpoints_in(
            (t for a in self._authors(cue.head) for t in a.subtree), roles=True
        )
        targets = [t for aim in self._aims(cue.head) for t in self._partners(aim)]
        yield from self._between(cue.kind, authors, targets, index, cue)

    def _mutual_stances(self, cue: _Cue, sentence: Span, index: int) -> Iterator[Stance]:
        """A bond said by one of its parties is that party's support for the others ("«
        l'amitié entre la France et Israël », a salué Nétanyahou"); told by anyone else,
        each party's support for the others."""
        parties = self._parties(cue.head)
        teller = self._bond_teller(cue, sentence)
        if teller is not None:
            own = {teller.key, self.actors.country_of(teller)}
            if any(p.key in own for p in parties):
                yield from self._between(SUPPORTS, [teller], parties, index, cue)
                return
        for party in parties:
            yield from self._between(SUPPORTS, [party], parties, index, cue)

    def _bond_teller(self, cue: _Cue, sentence: Span) -> Endpoint | None:
        """Who speaks of a bond: the one reported, else the subject of the sentence a
        quotation naming it sits in, else of the clause that names it ("Macron a salué la
        coopération franco-allemande")."""
        reported = self._reported_speaker(sentence, cue)
        if reported is not None:
            return reported
        if self._quoted(cue.head):
            root = sentence.root
            subject = None if self._quoted(root) else self._subject_of(root)
        else:
            subject = self._subject_of(_governing_verb(cue.head))
        if subject is None or self._quoted(subject) or cue.head in subject.subtree:
            return None  # "the friendship between X and Y is strong" tells no one's
        return self._resolve_subject(subject, sentence, cue)

    def _colon_speaker(self, token: Token) -> Endpoint | None:
        """ "… inspiré le commentaire suivant à Marine Le Pen : « Bravo aux #GiletsJaunes »":
        the one person named before the colon that opens the quotation."""
        before = [
            t
            for t in self.doc[token.sent.start : token.i]
            if not self._quoted(t) and not quote_side(t, self.deps)
        ]
        if not before or before[-1].text != ":":
            return None
        named = self.actors.endpoints_in(before[:-1])
        people = [e for e in named if e.type == "PER"]
        return people[0] if len(people) == 1 else None

    def _verbless_stances(self, cue: _Cue, sentence: Span, index: int) -> Iterator[Stance]:
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

    def _noun_holder_stances(self, cue: _Cue, sentence: Span, index: int) -> Iterator[Stance]:
        """A stance held by someone other than a speaker: "X a reçu le soutien de Y" (Y
        supports X), "X, un partisan de Y" / "X is an ally of Y" (X supports Y)."""
        noun = cue.words[-1]
        compound = self.deps.get("compound", frozenset())
        complements = [*self._authors(noun), *(c for c in noun.children if c.dep_ in compound)]
        others = self.actors.endpoints_in((t for c in complements for t in c.subtree), roles=True)
        found_in = self._found_in(noun)
        if cue.reading == RECEIVED:
            holder = self._holder_subject(cue.head, sentence, cue)
            sources, targets = others, [holder] if holder else []
        elif found_in is not None:  # "the movement has found a supporter in Pamela Anderson"
            finder = self._holder_subject(_governing_verb(noun), sentence, cue)
            sources, targets = [found_in], [finder] if finder else []
        else:
            holder = self._noun_holder(noun, sentence, cue)
            sources, targets = [holder] if holder else [], others
        yield from self._between(cue.kind, sources, targets, index, cue)

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

    def _holder_subject(self, verb: Token, sentence: Span, cue: _Cue) -> Endpoint | None:
        subject = self._subject_of(verb)
        return self._resolve_subject(subject, sentence, cue) if subject is not None else None

    def _noun_holder(self, noun: Token, sentence: Span, cue: _Cue) -> Endpoint | None:
        """Who a "supporter" noun describes: the name it is apposed to ("David Coppin, an
        EDL supporter"), or the subject it is predicated of ("X est un allié de Y", "John
        Bolton, who is the group's advocate")."""
        if noun.dep_ in self.deps.get("apposition_of", ()):
            return self.actors.endpoint(noun.head)
        copula = self.deps.get("copula", frozenset())
        holder = noun
        if noun.dep_ in self.deps.get("predicate", ()) and noun.head.lemma_ in copula:
            holder = noun.head  # English: "is" -attr-> "ally"
        elif not any(c.dep_ == "cop" for c in noun.children):
            return None
        return self._holder_subject(holder, sentence, cue)

    def _verdict_stances(self, cue: _Cue, sentence: Span, index: int) -> Iterator[Stance]:
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
            targets = authors or self._recent_claimants(sentence, index, cue)
        yield from self._between(cue.kind, [speaker], targets, index, cue)

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

    def _retort_stances(self, cue: _Cue, sentence: Span, index: int) -> Iterator[Stance]:
        """The one named between the opener and the denial verb denies who made the claim
        in the clause before ("X a accusé Y de …, ce que Y dément": Y denies X)."""
        speakers = self.actors.endpoints_in(self.doc[cue.words[0].i : cue.head.i])
        if not speakers:
            return
        before = self.doc[sentence.start : cue.words[0].i]
        targets = self._claims_in(before) or self._recent_claimants(sentence, index, cue)
        yield from self._between(DENIES, speakers[:1], targets, index, cue)

    def _passive_stances(self, cue: _Cue, index: int) -> Iterator[Stance]:
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
        if not targets and cue.head.dep_ in ("acl", "amod"):
            apposed = self.actors.endpoints_in(_apposed_before(cue.head.head))
            targets = [e for e in apposed if self.actors.is_named(e)]
        if not targets and cue.head.dep_ in ("acl", "amod", "advcl"):
            targets = self._doers(cue.head.head)
        yield from self._between(cue.kind, agents, targets, index, cue)

    def _doers(self, thing: Token) -> list[Endpoint]:
        """Who did what a participle judges when it names no one, by an act verb (see
        act_verbs.txt): "les gilets jaunes ont appelé à une grève, soutenue par X" (X
        supports the gilets jaunes)."""
        verb = thing if thing.pos_ in ("VERB", "AUX") else thing.head
        if verb.pos_ != "VERB" or verb.lemma_.casefold() not in self.lexicon.act_verbs:
            return []  # "la police a dispersé la manifestation, soutenue par X": not hers
        subject = self._subject_of(verb)
        if subject is None and verb.dep_ in ("acl", *RELATIVE_CLAUSE):
            subject = verb.head  # "des « gilets jaunes », …, ont appelé" read as their clause
        if subject is None or subject.dep_ in self._passive_subjects or subject.pos_ == "PRON":
            return []
        found = self.actors.endpoint(subject)
        return [found] if found is not None else []

    def _between(
        self,
        kind: str,
        sources: Sequence[Endpoint],
        targets: Sequence[Endpoint],
        index: int,
        cue: _Cue,
    ) -> Iterator[Stance]:
        """Each source's stance towards each target, but never towards itself or the
        country it speaks for."""
        for source in sources:
            for target in targets:
                if self._distinct(source, target):
                    yield Stance(kind, source, target, index, cue.text)

    def _distinct(self, source: Endpoint, target: Endpoint) -> bool:
        if _same_person(source, target):
            return False
        return target.key not in {source.key, self.actors.country_of(source)}

    def _coordinated_with(self, speaker: Endpoint, cue: _Cue) -> list[Endpoint]:
        """ "X, Y et Z ont apporté leur soutien": the other subjects coordinated with X,
        whether the parser made them conjuncts or sibling subjects of the verb."""
        subjects = self._subjects_of(cue.head)
        conjunct = self.deps.get("conjunct", ())
        tokens = [
            c
            for subject in subjects
            for c in [subject, *subject.subtree]
            if c is subject or (c.dep_ in conjunct and c.head.i != cue.head.i)
        ]
        others = [self.actors.endpoint(t) for t in tokens if t.pos_ != "PRON"]
        others += self._listed_before(subjects)
        unique = {o.key: o for o in others if o is not None and o.key != speaker.key}
        return list(unique.values())

    def _listed_before(self, subjects: list[Token]) -> list[Endpoint]:
        """ "dont David Clarinval, Marion Lemesre ou Eric Sax prenant fait et cause": people
        named in a comma list right before the first subject, which the parser hung
        elsewhere."""
        if not subjects:
            return []
        listed: list[Endpoint | None] = []
        openers = self.deps.get("list_openers", frozenset())
        index = min(t.left_edge.i for t in subjects)
        while index >= 2 and self.doc[index - 1].text == ",":
            mention = self.actors.mention_at(self.doc[index - 2])
            if mention is None or mention.type != "PER":
                break
            first = self.actors.tokens_of(mention)[0]
            before = self.doc[first.i - 1] if first.i > 0 else None
            if before is not None and before.text != "," and before.lower_ not in openers:
                break  # "Après avoir rencontré X, Y a …": X is no list item
            listed.append(self.actors.endpoint(first))
            index = first.i
        return [e for e in listed if e is not None]

    def _speaker(self, cue: _Cue, sentence: Span) -> Endpoint | None:
        subject = self._subject_of(cue.head)
        if self._quoted(cue.words[0]):
            # "« the European Council … have backed Spain's position », said Sánchez": a
            # noun subject inside the quotation holds the stance, not who quotes it; "«
            # une manifestation qui fait l'apologie de cet État »" is no one's
            holder = self._quoted_holder(subject, cue)
            if holder is not None:
                return self.actors.endpoint(holder) or self._role_of_last_person(holder)
            quoted = self._reported_speaker(sentence, cue)
            if quoted is not None:
                return quoted
        if subject is not None:
            resolved = self._resolve_subject(subject, sentence, cue)
            if resolved is not None:
                return resolved
            named_before = self._listed_before([subject]) if subject.pos_ == "NOUN" else []
            if len(named_before) == 1:
                return named_before[0]  # "Benjamin Cauchy, une des figures du mouvement, a"
            if subject.pos_ == "NOUN" and not self._speaks_through(subject):
                return self._source_phrase(sentence)  # "des agriculteurs": no one named
        return self._source_phrase(sentence) or self._speaker_before(cue.head, sentence)

    def _quoted_holder(self, subject: Token | None, cue: _Cue) -> Token | None:
        """The noun a quoted cue's subject is, inside the quotation (through a relative
        pronoun to its antecedent); None when the quotation's speaker speaks ("nous")."""
        if subject is not None and _pronoun(subject) in self.relative_pronouns:
            subject = cue.head.head if cue.head.dep_ in RELATIVE_CLAUSE else None
        if subject is None or subject.pos_ not in ("NOUN", "PROPN") or not self._quoted(subject):
            return None
        return subject

    def _speaks_through(self, subject: Token) -> bool:
        """Whether an unresolved common-noun subject may still hide a name the parser hung
        elsewhere (a role noun: "le chef de la majorité … Mitch McConnell")."""
        return self.actors.is_role_noun(subject)

    def _subject_of(self, verb: Token) -> Token | None:
        subjects = self._subjects_of(verb)
        return subjects[0] if subjects else None

    def _subjects_of(self, verb: Token) -> list[Token]:
        """The subjects of a verb (or of the verb whose subject it shares), a role noun
        that only introduces the next one left out ("la présidente de l'Open Vld,
        Gwendolyn Rutten, a apporté", which the parser reads as two subjects)."""
        token = verb
        if verb.dep_ == "acl" and _present_participle(verb) and self._acting_noun(verb.head):
            return [verb.head]  # "son avocat Me Kheops Lara, dénonçant une arrestation"
        if self._carried_participle(verb):
            return self._subjects_of(verb.head.head)  # "gave a speech supporting X"
        for _ in range(3):
            subjects = [c for c in token.children if c.dep_ in self.deps.get("subject", ())]
            if subjects:
                listed = _listed_with_last(subjects)
                return [s for s in listed if not self._introduces_next(s, listed)]
            if not self._shares_subject_with_head(token):
                return []
            if token.dep_ == "advcl" and self._acting_noun(token.head):
                return [token.head]  # "Jacline Mouraud, …, en saluant": a name made the root
            token = _verb_over_phrase(token) if token.dep_ == "pcomp" else token.head
        return []

    def _carried_participle(self, verb: Token) -> bool:
        """ "a speech supporting X", "une vidéo soutenant X": a stance participle on what
        someone gives or posts (carrier_nouns.txt)."""
        carrier = verb.head
        return (
            verb.dep_ == "acl"
            and _present_participle(verb)
            and carrier.head.pos_ == "VERB"
            and carrier.lemma_.casefold() in self.lexicon.carrier_nouns
        )

    def _acting_noun(self, noun: Token) -> bool:
        """Whether a noun an active participle hangs on can be who acts: a person or a role
        not inside a prepositional phrase ("l'enquête sur l'affaire Benalla, dénonçant …"
        is the parser's error, not Benalla denouncing)."""
        mention = self.actors.mention_at(noun)
        person = (mention is not None and mention.type == "PER") or self.actors.is_role_noun(noun)
        return person and not self._in_phrase(noun)

    def _introduces_next(self, subject: Token, subjects: list[Token]) -> bool:
        if not self.actors.is_role_noun(subject):
            return False
        end = max(t.i for t in subject.subtree) + 1
        return any(other.pos_ == "PROPN" and 0 < other.left_edge.i - end <= 1 for other in subjects)

    def _shares_subject_with_head(self, verb: Token) -> bool:
        """A conjoined verb, an infinitive complement, or a participle clause ("Dénonçant
        un acte grave, X a…") has the subject of the verb it depends on."""
        if verb.dep_ in self.deps.get("conjunct", ()) or verb.dep_ == "xcomp":
            return True
        if verb.dep_ == "pcomp" and _verb_over_phrase(verb).pos_ in ("VERB", "AUX"):
            return True  # "X echoed Y in dismissing EU criticism"
        nonfinite = {"Part", "Ger", "Inf"} & set(verb.morph.get("VerbForm", []))
        return verb.dep_ == "advcl" and bool(nonfinite)  # also "pour rallier X"

    def _resolve_subject(self, subject: Token, sentence: Span, cue: _Cue) -> Endpoint | None:
        if subject.pos_ == "PRON":
            if _pronoun(subject) in self.relative_pronouns:
                return self._antecedent(subject)
            if _pronoun(subject) in THIRD_PERSON:
                return self._third_person(subject)
            return self._reported_speaker(sentence, cue) or self._tweet_author(cue.head)
        return self.actors.endpoint(subject) or self._role_of_last_person(subject)

    def _role_of_last_person(self, role: Token) -> Endpoint | None:
        """ "Édouard Philippe a fustigé … Le Premier ministre a mené la riposte": a definite
        role the article never tied to a name, as subject, is the person who was the last
        subject, when gender and the roles that person was introduced with allow."""
        last = self.last_person
        if last is None or not self.actors.is_role_noun(role) or not self._definite(role):
            return None
        gender = self.actors.gender_told_by(role) or next(iter(role.morph.get("Gender", [])), "")
        if not self.actors.may_be(last.key, gender):
            return None
        _, roles = self.actors.introductions.get(last.key, (set(), set()))
        return last if not roles or role.lemma_.casefold() in roles else None

    def _definite(self, noun: Token) -> bool:
        """Whether a noun has a definite article ("le Premier ministre", "the minister")."""
        articles = self.deps.get("definite_articles", frozenset())
        return any(
            c.lower_ in articles or "Def" in c.morph.get("Definite", [])
            for c in noun.children
            if c.dep_ == "det"
        )

    def _third_person(self, pronoun: Token) -> Endpoint | None:
        """Who "il", "elle", "he", "his", "ses" is: the last person the article made a
        subject, else the last one named, of the pronoun's gender when it has one."""
        gender = next(iter(pronoun.morph.get("Gender", [])), "")
        reporter = self._reporter_above(pronoun)
        if reporter is not None and self.actors.may_be(reporter.key, gender):
            return reporter  # "Merkel said she would back Macron"
        last = self.last_person
        if last is not None and self.actors.may_be(last.key, gender):
            return last
        return self.actors.person_before(pronoun, gender)

    def _reporter_above(self, token: Token) -> Endpoint | None:
        """The person whose reporting verb governs the clause a pronoun is in."""
        current = token.head
        while current.head.i != current.i:
            current = current.head
            lemma = current.lemma_.casefold()
            if lemma in self.lexicon.reporting_verbs and current.pos_ == "VERB":
                subject = self._subject_of(current)
                if subject is None or subject.pos_ == "PRON":
                    return None
                found = self.actors.endpoint(subject)
                return found if found is not None and found.type == "PER" else None
        return None

    def _tweet_author(self, token: Token) -> Endpoint | None:
        """An embedded tweet as scraping leaves it ("Je condamne … pic.twitter.com/x— Name
        (@handle) date"): "je", "nous" and a verbless stance in it are the account's."""
        end = min(len(self.doc), token.i + TWEET_REACH)
        for index in range(token.i + 1, end):
            current = self.doc[index]
            if "\n\n" in current.text_with_ws:
                return None  # the tweet ends with its paragraph
            if current.text.endswith("—") or current.text == "—":
                closing = next(
                    (t for t in self.doc[index + 1 : min(end, index + 8)] if t.text == "("), None
                )
                if closing is None or closing.i + 1 >= len(self.doc):
                    return None
                if self.doc[closing.i + 1].text.startswith("@"):
                    named = self.actors.endpoints_in(self.doc[index + 1 : closing.i])
                    return named[0] if named else None
                return None
        return None

    def _antecedent(self, relative: Token) -> Endpoint | None:
        """ "Lienemann, qui a rompu … pour rallier Mélenchon": the noun the clause is about."""
        clause = relative.head
        while clause.dep_ not in (*RELATIVE_CLAUSE, "acl") and clause.head.i != clause.i:
            clause = clause.head
        if clause.dep_ not in (*RELATIVE_CLAUSE, "acl"):
            return None
        noun = clause.head
        member = self._member_of(noun)
        if member is not None:
            return member
        for apposed in (c for c in noun.children if c.dep_ == "appos" and c.i < clause.i):
            person = self.actors.endpoint(apposed)  # "l'Insoumis Jean-Luc Mélenchon qui …"
            if person is not None and person.type == "PER":
                return person
        found = self.actors.endpoint(noun)
        if found is None:  # "Assange is another figure with whom Anderson has formed …"
            subjects = self.deps.get("subject", frozenset())
            holders = [noun.head] if noun.dep_ in self.deps.get("predicate", ()) else [noun]
            named = [c for h in holders for c in h.children if c.dep_ in subjects]
            found = self.actors.endpoint(named[0]) if named else None
        return found

    def _member_of(self, group: Token) -> Endpoint | None:
        """ "Il fait partie de la minorité de Pieds Noirs qui soutient X", "he is one of
        those who backed X": the person said to belong to the group a relative clause is
        about (membership_words.txt) speaks with it."""
        words = self.lexicon.membership_words
        marked = False
        current = group
        for _ in range(5):
            marked = marked or any(c.lower_ in words for c in current.children)
            marked = marked or current.lower_ in words
            if current.pos_ in ("VERB", "AUX") or current.head.i == current.i:
                break
            current = current.head
        if not marked or current.pos_ not in ("VERB", "AUX"):
            return None
        subject = self._subject_of(current)
        if subject is None or subject.i == group.i:
            return None
        if subject.pos_ == "PRON":
            person = self._third_person(subject) if _pronoun(subject) in THIRD_PERSON else None
        else:
            person = self.actors.endpoint(subject)
        return person if person is not None and person.type == "PER" else None

    def _reported_speaker(self, sentence: Span, cue: _Cue) -> Endpoint | None:
        """The subject of a reporting verb outside the quotation (before or after it), in
        the cue's sentence or, for a quotation running over several sentences, in the one
        where it opens or closes."""
        found = self._reporter_in(sentence, cue)
        if found is not None or not self._quoted(cue.words[0]):
            return found
        for outside in self._around_quotation(cue.words[0]):
            if outside.sent.start != sentence.start:
                found = self._reporter_in(outside.sent, cue)
                if found is not None:
                    return found
        return None

    def _around_quotation(self, token: Token) -> list[Token]:
        """The first unquoted tokens before and after the quotation a token is in, within
        its paragraph."""
        around = []
        for step in (-1, 1):
            index = token.i
            while 0 <= index < len(self.doc) and "\n" not in self.doc[index].text:
                current = self.doc[index]
                if not self._quoted(current) and not quote_side(current, self.deps):
                    around.append(current)
                    break
                index += step
        return around

    def _reporter_in(self, sentence: Span, cue: _Cue) -> Endpoint | None:
        for token in sentence:
            if token.i in {w.i for w in cue.words} or self._quoted(token):
                continue
            if token.lemma_.casefold() in self.lexicon.reporting_verbs and token.pos_ == "VERB":
                speaker = self._subject_or_postposed(token, sentence)
                if speaker is not None:
                    return speaker
        return None

    def _subject_or_postposed(self, verb: Token, sentence: Span) -> Endpoint | None:
        subject = self._subject_of(verb)
        if subject is not None and subject.pos_ == "PRON" and not self._quoted(subject):
            if _pronoun(subject) in THIRD_PERSON:  # "He said X's comments were risible"
                return self._third_person(subject)  # is never X
        elif subject is not None and not self._quoted(subject):
            found = self.actors.endpoint(subject)  # not the quotation parsed as subject
            if found is not None:
                return found
        after = [
            t
            for t in self.doc[verb.i + 1 : sentence.end]
            if not _in_prepositional(t, verb, self.deps)
        ]
        named = self.actors.endpoints_in(after[:12], names_first=True)
        return named[0] if named else None

    def _source_phrase(self, sentence: Span) -> Endpoint | None:
        """ "selon X", "d'après X", or a sentence-initial "Pour X, …"."""
        for token in sentence:
            if self._introduces_source(token):
                heads_phrase = token.dep_ in self.deps.get("preposition", ())
                scope = list(token.subtree if heads_phrase else token.head.subtree)
                if any(t.lemma_.casefold() in self.survey_nouns for t in scope):
                    continue  # "selon un sondage OpinionWay": a figure's source, no speaker
                named = self.actors.endpoints_in(scope)
                if named:
                    return named[0]
        return None

    def _in_phrase(self, token: Token) -> bool:
        """Whether a noun is the object of a preposition ("de Moscou", "from Moscow")."""
        objects = self.deps.get("preposition_object", frozenset())
        return bool(self._introducers(token)) or token.dep_ in objects

    def _introduces_source(self, token: Token) -> bool:
        word = token.lower_
        if word in self.lexicon.speaker_prepositions:
            return True
        return word in self.lexicon.initial_speaker_prepositions and token.i == token.sent.start

    def _speaker_before(self, verb: Token, sentence: Span) -> Endpoint | None:
        """The nearest bare (not prepositional) entity before the verb, in its clause."""
        objects = self.deps.get("object", frozenset())
        for token in reversed(list(self.doc[sentence.start : verb.i])):
            if token.pos_ in ("VERB", "SCONJ") or token.text in CLAUSE_BREAKS:
                return None  # "a spokesperson told CNN that … marched in solidarity with"
            if token.pos_ == "PROPN" and not self._in_phrase(token) and token.dep_ not in objects:
                found = self.actors.endpoint(token)
                if found is not None:
                    return found
        return None

    def _targets(self, cue: _Cue, sentence: Span, index: int) -> list[Endpoint]:
        complement = self._complement_tokens(cue, sentence)
        if cue.kind == DENIES and not cue.noun:
            complement = self._without_denied_facts(cue.head, complement)
        named = self.actors.endpoints_in(complement, roles=True)
        if not named:  # "a figure with whom she formed a friendship"
            relatives = [t for t in complement if _pronoun(t) in self.relative_pronouns]
            named = [e for t in relatives if (e := self._antecedent(t)) is not None]
        if not named:  # "saluait le « nouveau prisme » donné par le président"
            named = self._made_by(complement)
        if cue.kind == DENIES and not named:
            claims = [t for t in complement if t.lemma_.casefold() in self.lexicon.claim_nouns]
            stated = [t for c in claims for t in self._authors(c)]
            authors = self.actors.endpoints_in(stated)
            if stated and not authors and not any(t.pos_ == "PRON" for t in stated):
                return []  # "une manipulation des chiffres … du gouvernement": no one named
            owners = [o for c in claims if (o := self._possessive_owner(c)) is not None]
            recent = self._recent_claimants(sentence, index, cue)
            # "a rejeté ce discours" with no claim before: who last announced something
            announced = self._recent_act_author(sentence, index, cue) if claims else []
            return authors or owners or recent or announced
        if not named and self._agrees_with_no_one_named(cue):
            return [self.last_person] if self.last_person is not None else []
        if not named and self._about_an_act(complement):
            return self._recent_act_author(sentence, index, cue)
        if not named and not cue.noun and len(cue.words) == 1:
            return self._quoted_before(cue.head, sentence)
        return named

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

    def _possessive_owner(self, noun: Token) -> Endpoint | None:
        """ "dismissed his claims", "a démenti ses propos": the person the possessive
        pronoun stands for."""
        for child in noun.children:
            possessive = child.dep_ in self.deps.get("possessor", ()) or (
                child.dep_ == "det" and "Yes" in child.morph.get("Poss", [])
            )
            if possessive and child.pos_ in ("PRON", "DET") and _pronoun(child) in POSSESSIVES:
                return self._third_person(child)
        return None

    def _agrees_with_no_one_named(self, cue: _Cue) -> bool:
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

    def _recent_act_author(self, sentence: Span, index: int, cue: _Cue) -> list[Endpoint]:
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
            subject = self._subject_of(token)
            passive = subject is not None and subject.dep_ in self._passive_subjects
            if subject is not None and subject.pos_ != "PRON" and not passive:
                found = self.actors.endpoint(subject)
                if found is not None:
                    authors.append(found)
            elif subject is None or passive:
                authors.extend(self._agent_endpoints(token)[:1])
        return authors

    def _act_owners(self, act: Token) -> list[Endpoint]:
        """ "les annonces d'Emmanuel Macron": the person or body an act noun belongs to.
        Not a place: "l'accord de Paris" was made in Paris, not by it."""
        owners = [
            found
            for t in act.children
            if t.dep_ in self.deps.get("possessor", ()) or self._genitive(t)
            if (found := self.actors.endpoint(t)) is not None
        ]
        return [e for e in owners if e.type in ("PER", "ORG")][:1]

    def _act_verb(self, verb: Token) -> bool:
        # "s'en prendre à" is an attack, not a decision taken
        expletive = any(c.dep_.startswith("expl") for c in verb.children)
        return verb.lemma_.casefold() in self.lexicon.act_verbs and not expletive

    def _makes_an_act(self, participle: Token) -> bool:
        """ "les annonces faites par le président", "the measures made by": a light verb's
        participle on an act noun tells who made the act (not "un geste réclamé par X",
        who asked for it)."""
        return (
            participle.dep_ in ("acl", "amod")
            and _participle(participle)
            and participle.lemma_.casefold() in self.light_verbs
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

    def _quoted_before(self, verb: Token, sentence: Span) -> list[Endpoint]:
        """ "« Macron n'a rien compris », a condamné la CGT": the cue verb reports the
        quotation just before it, whose subject is the target."""
        before = self.doc[sentence.start : verb.i]
        closing = self.deps.get("quote_close", frozenset({"»"}))
        if not any(t.text in closing for t in before[-4:]):
            return []
        quoted = [t for t in before if self._quoted(t)]
        return self.actors.endpoints_in(quoted, names_first=True)[:1]

    def _complement_tokens(self, cue: _Cue, sentence: Span) -> list[Token]:
        if len(cue.words) > 1 and not cue.noun:
            last = cue.words[-1]
            after = last.head.i > last.i and last.head.pos_ not in ("VERB", "AUX")
            introduced = list(last.head.subtree) if after else []
            following = introduced + list(_clause_after(self.doc, last.i + 1, sentence.end))
            return [t for t in following if not self._of_holders(t, sentence.root)]
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

    def _of_holders(self, token: Token, root: Token) -> bool:
        """ "hit back at Macron's opponents": the target is the opponents, not Macron; "a
        défendu la hausse de la CSG": not the CSG either."""
        current = token
        while current.i != root.i and current.head.i != current.i:
            current = current.head
            lemma = current.lemma_.casefold()
            if lemma in self.lexicon.holder_nouns or lemma in self.lexicon.process_nouns:
                return True
            if current.pos_ in ("VERB", "AUX"):
                return False
        return False

    def _names_target(self, cue: _Cue) -> bool:
        """Whether a stance noun's "de"/"of" complement is its target ("l'éloge de X")
        rather than its author ("le soutien de X")."""
        return cue.words[-1].lemma_.casefold() in self.lexicon.genitive_target_nouns

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
        if _preposition_taken_for_a_word(token, targets):
            return True
        oblique = self.deps.get("oblique", frozenset()) | {"acl"}  # a name parsed as a clause
        return token.dep_ in oblique and any(c in targets for c in cases)

    def _genitive(self, token: Token) -> bool:
        """Whether a noun's complement names its author ("les accusations de Washington")."""
        genitive = self.deps.get("genitive", frozenset())
        return any(word in genitive for word in self._introducers(token))

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

    def _is_source_phrase(self, token: Token) -> bool:
        return any(word in self.lexicon.speaker_prepositions for word in self._introducers(token))

    def _recent_claimants(self, sentence: Span, index: int, cue: _Cue) -> list[Endpoint]:
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
                    found = self.actors.endpoint(subject)
                    if found is not None:
                        claimants.append(found)
            elif lemma in self.lexicon.claim_nouns and token.pos_ == "NOUN":
                claimants.extend(self.actors.endpoints_in(self._authors(token)))
        return claimants


def _match_phrase(
    sentence: Span,
    start: int,
    words: tuple[str, ...],
    endings: frozenset[str] = frozenset(),
    gap: int = PHRASE_GAP,
) -> list[Token]:
    matched: list[Token] = []
    position = sentence.start + start
    doc = sentence.doc
    for word in words:
        limit = min(sentence.end, position + (1 if not matched else gap + 1))
        hit = next(
            (
                doc[i]
                for i in range(position, limit)
                if _is_word(doc[i], word, not matched, endings)
            ),
            None,
        )
        if hit is None:
            return []
        matched.append(hit)
        position = hit.i + 1
    return matched


def _same_person(one: Endpoint, other: Endpoint) -> bool:
    """ "M. Di Maio" and "Luigi Di Maio": a person's surname and their full name, which
    the canonical stage merges later, are one person already here."""
    if one.type != "PER" or other.type != "PER":
        return False
    shorter, longer = sorted((one.key, other.key), key=len)
    return shorter == longer or longer.endswith(" " + shorter)


def _participle(verb: Token) -> bool:
    return verb.pos_ == "VERB" and "Part" in verb.morph.get("VerbForm", [])


def _present_participle(verb: Token) -> bool:
    """ "dénonçant", "saying": an active participle, whose noun acts (not "soutenu")."""
    return "Pres" in verb.morph.get("Tense", []) or verb.tag_ == "VBG"


def _when(phrase: Token) -> bool:
    """ "on Tuesday", "last week": a phrase that only dates what it hangs on."""
    if phrase.dep_ not in ("prep", "obl", "obl:mod", "npadvmod"):
        return False
    return any(t.ent_type_ in ("DATE", "TIME") for t in phrase.subtree)


def _verb_above(token: Token) -> Token | None:
    """The nearest verb above a token (the parser may hang a coordinated participle on an
    adverb or noun of the first one's clause)."""
    current = token
    while current.head.i != current.i:
        current = current.head
        if current.pos_ == "VERB":
            return current
    return None


def _listed_with_last(subjects: list[Token]) -> list[Token]:
    """Of sibling subjects the parser gave a verb, the ones listed with the last ("X, Y et Z
    ont …"): plain noun phrases separated by commas or a conjunction, not a title clause
    before a colon ("X suspendue par RTL : …, Francken apporte")."""
    listed = [subjects[-1]]
    for subject in reversed(subjects[:-1]):
        doc = subject.doc
        gap = doc[subject.right_edge.i + 1 : listed[0].left_edge.i]
        plain = not any(t.pos_ in ("VERB", "AUX") or t.text in ":;" for t in subject.subtree)
        if not plain or any(not (t.text == "," or t.pos_ == "CCONJ") for t in gap):
            break
        listed.insert(0, subject)
    return listed


#: Tokens looked back from a noun for the phrase it is apposed to.
APPOSITION_REACH = 12


def _apposed_before(noun: Token) -> list[Token]:
    """ "le Hamas ou le Hezbollah, des organisations soutenues par l'Iran": the phrase
    before the comma that opens the apposition "noun" heads, back to a verb or punctuation."""
    doc = noun.doc
    start = noun.left_edge.i
    if start == 0 or doc[start - 1].text != ",":
        return []
    # "des organisations" has an article the parser calls a case marker: no preposition
    if noun.dep_ == "pobj" or prepositions_of(noun):
        return []  # "…, selon des chiffres contestés par X": a phrase, no apposition
    tokens: list[Token] = []
    for index in range(start - 2, max(noun.sent.start, start - 2 - APPOSITION_REACH) - 1, -1):
        token = doc[index]
        if token.pos_ in ("VERB", "AUX") or (token.is_punct and token.text != "-"):
            break
        if token.pos_ == "ADP" and token.dep_ != "det":
            break  # "interviewé sur Facebook par Brut, un média plébiscité": Brut only
        tokens.append(token)
    return tokens[::-1]


def _verb_over_phrase(gerund: Token) -> Token:
    """The verb a gerund's prepositional phrase hangs on ("X echoed Y in dismissing Z"),
    through prepositions the parser chained or attached to the verb's object."""
    current = gerund.head
    for _ in range(4):
        if current.pos_ in ("VERB", "AUX") or current.head.i == current.i:
            return current
        if current.pos_ != "ADP" and current.dep_ not in ("dobj", "obj"):
            return current
        current = current.head
    return current


def _preposition_taken_for_a_word(token: Token, prepositions: frozenset[str]) -> bool:
    """ "solidarité envers X" where the tagger made "envers" a noun: a target preposition
    right after its head, with no determiner, heads the complement it should introduce."""
    if token.lower_ not in prepositions or token.pos_ not in ("NOUN", "ADJ", "VERB", "PROPN"):
        return False
    return token.i > token.head.i and not any(c.dep_ == "det" for c in token.children)


def _verb_among(verb: Token, words: frozenset[str], endings: frozenset[str]) -> bool:
    """Whether a verb is one of these, by lemma, or by stem where the lemmatiser only
    echoed the written form ("adresse" left as "adresse", not "adresser")."""
    if verb.lemma_.casefold() in words:
        return True
    echoed = verb.lemma_.casefold() == verb.lower_
    return echoed and any(_is_word(verb, w, True, endings) for w in words)


def _is_word(token: Token, word: str, first: bool, endings: frozenset[str]) -> bool:
    """Whether a token is a phrase's word, as written or as lemma; a phrase's first verb
    also by its stem, where the lemmatiser errs ("tire" lemmatised "tire", not "tirer"),
    in a language whose infinitives have endings to strip (not "stand" for "started")."""
    written = token.lower_.replace("’", "'")
    if word in (written, token.lemma_.casefold()):
        return True
    ending = next((e for e in endings if word.endswith(e)), None)
    if not first or ending is None or token.pos_ not in ("VERB", "AUX") or len(word) <= 4:
        return False
    return written.startswith(word[: -len(ending)])


def _phrase_head(matched: list[Token]) -> Token:
    """The verb of a multiword cue: its first word when that is a full verb ("worked
    closely with"), else the verb governing its last word ("est aux côtés de")."""
    if matched[0].pos_ == "VERB":
        return matched[0]
    return _governing_verb(matched[-1])


def _governing_verb(token: Token) -> Token:
    current = token
    for _ in range(6):
        if current.pos_ in ("VERB", "AUX") or current.head.i == current.i:
            return current
        current = current.head
    return current


def _clause_after(doc: Doc, start: int, end: int) -> Iterator[Token]:
    """The words after a cue up to the end of its clause (punctuation or a finite verb)."""
    for token in doc[start:end]:
        if token.text in ",;:." or token.pos_ == "VERB" or (token.pos_ == "AUX" and _finite(token)):
            return
        yield token


def _finite(token: Token) -> bool:
    return "Fin" in token.morph.get("VerbForm", []) or bool(token.morph.get("Mood", []))


def _pronoun(token: Token) -> str:
    """ "-t-il" → "il": inverted subject pronouns carry hyphens."""
    return token.lower_.strip("-").split("-")[-1]


def _in_prepositional(token: Token, verb: Token, deps: dict[str, frozenset[str]]) -> bool:
    """Whether a token after a verb sits in a prepositional phrase ("lors d'une rencontre
    avec son homologue", "during a meeting with his counterpart")."""
    objects = deps.get("preposition_object", frozenset())
    current = token
    while current.i != verb.i and current.head.i != current.i:
        if current.dep_ in objects or any(c.dep_ == "case" for c in current.children):
            return True
        current = current.head
    return False
