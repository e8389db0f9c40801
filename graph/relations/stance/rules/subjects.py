"""Who a verb's subject is: the parser's subjects, the ones it shares with the verb it
depends on, and what a pronoun, a relative pronoun or a bare role stands for; also whom
an object pronoun ("accused him", "lui a apporté") stands for."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from graph.relations.actors import THIRD_PERSON, Endpoint
from graph.relations.stance.rules.context import Cue
from graph.relations.stance.rules.descriptions import Descriptions
from graph.relations.stance.rules.tokens import (
    RELATIVE_CLAUSE,
    _listed_with_last,
    _present_participle,
    _pronoun,
    _verb_over_phrase,
)

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


class Subjects(Descriptions):
    """Subjects of verbs and what pronouns and roles stand for, from the article so far."""

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
            taken = {t.i for t in self._objects_taken_for_subjects(token)}
            subjects = [
                c
                for c in token.children
                if c.dep_ in self.deps.get("subject", ()) and c.i not in taken
            ]
            if subjects:
                listed = _listed_with_last(subjects)
                return [s for s in listed if not self._introduces_next(s, listed)]
            fronted = self._fronted_subject(token)
            if fronted is not None:
                return [fronted]
            controller = self._object_controller(token)
            if controller is not None:
                return [controller]
            if not self._shares_subject_with_head(token):
                return []
            if token.dep_ == "advcl" and self._acting_noun(token.head):
                return [token.head]  # "Jacline Mouraud, …, en saluant": a name made the root
            token = _verb_over_phrase(token) if token.dep_ == "pcomp" else self._shared(token)
        return []

    def _object_controller(self, verb: Token) -> Token | None:
        """ "praised Carney for standing up to Trump", "a félicité X d'avoir tenu tête à
        Y", "a reproché à X d'avoir soutenu Y": whoever is praised, thanked or blamed for
        doing something did it. The subject of a gerund or infinitive opened by "for", "de"
        or "pour" (syntax.toml `control_marks`) is the actor object of the verb above it:
        a direct object, or, for a perfect infinitive (a deed, not a request: "a demandé à
        X de soutenir Y" asks), an indirect one."""
        marks = self.deps.get("control_marks", frozenset())
        if verb.dep_ == "pcomp" and verb.head.lower_ in marks:
            over = _verb_over_phrase(verb)
        elif verb.dep_ in self.deps.get("clause", ()) and any(
            c.lower_ in marks for c in verb.children if c.dep_ in self.deps.get("case", ())
        ):
            over = verb.head
        else:
            return None
        if over.i == verb.i or over.pos_ not in ("VERB", "AUX"):
            return None
        objects = self._direct_objects(over)
        if not objects and self._perfect(verb):
            objects = self._objects(over)
        return next((o for o in objects if o.i < verb.i and self.actors.endpoint(o)), None)

    def _perfect(self, verb: Token) -> bool:
        """ "d'avoir soutenu": a past participle under an infinitive auxiliary."""
        return any(
            c.pos_ == "AUX" and "Inf" in c.morph.get("VerbForm", []) for c in verb.children
        ) and "Part" in verb.morph.get("VerbForm", [])

    def _shared(self, verb: Token) -> Token:
        """The verb whose subject a verb shares: its head, or, for a verb after a quotation
        the parser joined to a verb inside it ("a critiqué une réforme « qui s'attaque aux
        plus fragiles » et accusé X"), the verb outside the quotation that governs it."""
        head = verb.head
        if self._reported_thing_before(verb):
            return head.head
        if self._quoted(verb) or not self._quoted(head):
            return head
        while (self._quoted(head) or head.pos_ not in ("VERB", "AUX")) and head.head.i != head.i:
            head = head.head  # past the quoted clause and the noun it qualifies
        return head

    def _reported_thing_before(self, verb: Token) -> bool:
        """ "insisted the reforms were fair and thanked Reeves": the parser joins the second
        verb to the reported clause, whose subject is a thing; the reporter thanks."""
        head = verb.head
        if verb.dep_ not in self.deps.get("conjunct", ()) or head.dep_ != "ccomp":
            return False
        if head.head.lemma_.casefold() not in self.lexicon.reporting_verbs:
            return False
        subjects = [c for c in head.children if c.dep_ in self.deps.get("subject", ())]
        return bool(subjects) and all(
            s.pos_ == "NOUN" and self.actors.endpoint(s) is None and not self.actors.is_role_noun(s)
            for s in subjects
        )

    def _fronted_subject(self, verb: Token) -> Token | None:
        """ "Hobbs, asked about the race, said …": the parser hangs the name on the
        participle before the verb, whose clause it then makes; the name set off by a comma
        before that clause is the verb's subject."""
        clauses = self.deps.get("clause", frozenset())
        subjects = self.deps.get("subject", frozenset())
        for clause in (c for c in verb.children if c.dep_ in clauses and c.i < verb.i):
            for subject in (s for s in clause.children if s.dep_ in subjects and s.i < clause.i):
                after = max((t.i for t in subject.subtree if not t.is_punct), default=subject.i) + 1
                if after < clause.i and self.doc[after].text == "," and not self._quoted(subject):
                    return subject
        return None

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
        end = max(t.i for t in subject.subtree) + 1  # a comma between, or nothing ("(LR) X")
        gaps = [other.left_edge.i - end for other in subjects if other.pos_ == "PROPN"]
        return any(0 <= gap <= 1 for gap in gaps)

    def _shares_subject_with_head(self, verb: Token) -> bool:
        """A conjoined verb, an infinitive complement, or a participle clause ("Dénonçant
        un acte grave, X a…") has the subject of the verb it depends on."""
        if verb.dep_ in self.deps.get("conjunct", ()) or verb.dep_ == "xcomp":
            return True
        if verb.dep_ == "pcomp" and _verb_over_phrase(verb).pos_ in ("VERB", "AUX"):
            return True  # "X echoed Y in dismissing EU criticism"
        nonfinite = {"Part", "Ger", "Inf"} & set(verb.morph.get("VerbForm", []))
        return verb.dep_ == "advcl" and bool(nonfinite)  # also "pour rallier X"

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
        reporter = (
            self._reporter_above(pronoun)
            or self._subject_over_relative(pronoun)
            or self._subject_of_first_conjunct(pronoun)
        )
        if reporter is not None and self.actors.may_be(reporter.key, gender):
            return reporter  # "Merkel said she would back Macron"
        last = self.last_person
        if last is not None and self.actors.may_be(last.key, gender):
            return last
        return self.actors.person_before(pronoun, gender)

    def _subject_of_first_conjunct(self, pronoun: Token) -> Endpoint | None:
        """ "Macron did not single out Spain, but he took aim at Trump", "X a salué…, mais
        il a critiqué…": the subject pronoun of a verb coordinated with an earlier one is
        the person subject of that verb."""
        subject = self.deps.get("subject", frozenset())
        verb = pronoun.head
        if pronoun.dep_ not in subject or verb.dep_ not in self.deps.get("conjunct", ()):
            return None
        for earlier in verb.head.children:
            if earlier.dep_ in subject and earlier.i < pronoun.i and earlier.pos_ != "PRON":
                person = self.actors.endpoint(earlier)
                if person is not None and person.type == "PER":
                    return person
        return None

    def _subject_over_relative(self, pronoun: Token) -> Endpoint | None:
        """ "X a attaqué Y, qu'il accuse de …", "X attacked Y, whom he accused of …": the
        subject pronoun of a relative clause on the verb's object is that verb's subject."""
        clause = pronoun.head
        if clause.dep_ not in RELATIVE_CLAUSE or pronoun.dep_ not in self.deps.get("subject", ()):
            return None
        verb = clause.head.head
        if verb.pos_ not in ("VERB", "AUX") or clause.head.dep_ not in self.deps.get("object", ()):
            return None
        return self._person_subject(verb)

    def _person_subject(self, verb: Token) -> Endpoint | None:
        """A verb's subject, when it is a person."""
        subject = self._subject_of(verb)
        found = self.actors.endpoint(subject) if subject is not None else None
        return found if found is not None and found.type == "PER" else None

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
        before_comma = self._named_before_comma(relative, noun)
        if before_comma is not None:
            return before_comma
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

    def _named_before_comma(self, relative: Token, noun: Token) -> Endpoint | None:
        """ "Une position saluée par Marine Le Pen, qui a accusé X": the name just before
        ", qui" is what the clause is about when the parser hung the clause on a noun
        further back that is no actor, through a verb ("position … saluée par"). Not "la
        réforme de Macron, qui a été adoptée", where the name qualifies the noun."""
        if relative.i < 2 or self.doc[relative.i - 1].text != "," or self.actors.endpoint(noun):
            return None
        name = self.doc[relative.i - 2]
        found = self.actors.endpoint(name)
        if found is None:
            return None
        for above in name.ancestors:
            if above.i == noun.i:
                return None  # the noun's own modifier
            if above.pos_ in ("VERB", "AUX"):
                return found  # reached through a verb first
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

    def _pronoun_targets(self, cue: Cue, complement: Sequence[Token]) -> list[Endpoint]:
        """Whom an object pronoun (syntax.toml `object_pronouns`: "him", "her", "lui") stands
        for: the person subject of the clause the cue's clause hangs on ("Trump renewed his
        demand, as Democrats accused him"), else the person the article last made a subject
        or named, of the pronoun's gender; never the cue's own speaker."""
        wanted = self.deps.get("object_pronouns", frozenset())
        pronouns = [t for t in complement if t.pos_ == "PRON" and t.lower_ in wanted]
        auxiliaries = [c.i for c in cue.head.children if c.pos_ == "AUX"]
        # "X a lui apporté son soutien": a pronoun after the auxiliary is emphatic
        pronouns = [p for p in pronouns if not (auxiliaries and min(auxiliaries) < p.i)]
        if not pronouns or any(t.pos_ in ("NOUN", "PROPN") for t in complement):
            return []  # "lui a apporté son soutien à un « acte V »": the phrase names it
        gender = next(iter(pronouns[0].morph.get("Gender", [])), "")
        speaker = self._subject_of(cue.head)
        said_by = self.actors.endpoint(speaker) if speaker is not None else None

        def is_speaker(person: Endpoint | None) -> bool:
            return person is not None and said_by is not None and person.key == said_by.key

        person = self._subject_above(cue.head) or self._third_person(pronouns[0])
        if is_speaker(person) and speaker is not None:
            # "Harris spoke in Atlanta, where Obama praised her": not Obama himself
            person = self.actors.person_before(speaker.left_edge, gender)
        if person is None or is_speaker(person) or not self.actors.may_be(person.key, gender):
            return []
        return [person]

    def _subject_above(self, verb: Token) -> Endpoint | None:
        """The person subject of the verb a cue's clause hangs on."""
        if verb.head.i == verb.i or verb.dep_ not in self.deps.get("clause", ()):
            return None
        return self._person_subject(verb.head)

    def _object_relative(self, cue: Cue) -> list[Token]:
        """ "Gérald Darmanin, qu'il accuse de diviser": the relative pronoun of a relative
        clause the cue verb heads, not its subject, which the parser may call a mark."""
        if cue.noun or cue.head.dep_ not in RELATIVE_CLAUSE:
            return []
        subjects = self.deps.get("subject", frozenset())
        return [
            c
            for c in cue.head.children
            if _pronoun(c) in self.relative_pronouns and c.dep_ not in subjects and c.i < cue.head.i
        ][:1]
