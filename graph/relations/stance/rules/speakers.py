"""Who speaks: the subject of a cue, the one a quotation is reported from, "selon X", the
author of an embedded tweet, the people listed with the speaker."""

from __future__ import annotations

from typing import TYPE_CHECKING

from graph.relations.actors import THIRD_PERSON, Endpoint
from graph.relations.quotes import quote_side
from graph.relations.stance.rules.context import Cue
from graph.relations.stance.rules.subjects import Subjects
from graph.relations.stance.rules.tokens import (
    RELATIVE_CLAUSE,
    _in_prepositional,
    _in_relative_clause,
    _pronoun,
)

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

#: Tokens after a cue in which the "— Name (@handle)" signature of its tweet is looked for.
TWEET_REACH = 80

#: Punctuation that closes a clause for the speaker looked for before a verb (an aside
#: between dashes, a title before a colon).
CLAUSE_BREAKS = frozenset({"–", "—", ":", ";", "(", ")"})


class Speakers(Subjects):
    """Finds the speaker of a cue, inside or outside a quotation."""

    def _resolve_subject(self, subject: Token, sentence: Span, cue: Cue) -> Endpoint | None:
        if subject.pos_ == "PRON" and self.actors.mention_at(subject) is None:
            # not a name the tagger took for a pronoun ("le RN a accusé": RN PRON)
            if _pronoun(subject) in self.relative_pronouns:
                return self._antecedent(subject)
            if _pronoun(subject) in THIRD_PERSON:
                return self._third_person(subject)
            return self._reported_speaker(sentence, cue) or self._tweet_author(cue.head)
        return self.actors.endpoint(subject) or self._role_of_last_person(subject)

    def _speaker(self, cue: Cue, sentence: Span) -> Endpoint | None:
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

    def _quoted_holder(self, subject: Token | None, cue: Cue) -> Token | None:
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

    def _reported_speaker(self, sentence: Span, cue: Cue) -> Endpoint | None:
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

    def _reporter_in(self, sentence: Span, cue: Cue) -> Endpoint | None:
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
                if not heads_phrase and token.head.pos_ in ("VERB", "AUX"):
                    continue  # "Pour protester contre la politique de X, …": a purpose
                scope = list(token.subtree if heads_phrase else token.head.subtree)
                if any(t.lemma_.casefold() in self.survey_nouns for t in scope):
                    continue  # "selon un sondage OpinionWay": a figure's source, no speaker
                named = self.actors.endpoints_in(scope)
                if named:
                    return named[0]
        return None

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

    def _coordinated_with(self, speaker: Endpoint, cue: Cue) -> list[Endpoint]:
        """ "X, Y et Z ont apporté leur soutien": the other subjects coordinated with X,
        whether the parser made them conjuncts or sibling subjects of the verb."""
        subjects = self._subjects_of(cue.head)
        conjunct = self.deps.get("conjunct", ())
        tokens = [
            c
            for subject in subjects
            for c in [subject, *subject.subtree]
            if c is subject
            or (
                c.dep_ in conjunct
                and c.head.i != cue.head.i
                and not _in_relative_clause(c, subject)  # "who chairs the Health, …"
            )
        ]
        others = [self.actors.endpoint(t) for t in tokens if t.pos_ != "PRON"]
        others += self._listed_before(subjects)
        unique = {o.key: o for o in others if o is not None and o.key != speaker.key}
        return list(unique.values())
