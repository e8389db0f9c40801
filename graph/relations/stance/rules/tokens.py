"""Small token helpers the readings share: pure functions of a token or two, with no
article state (how a multiword cue is matched, whether a verb is a participle, …)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from graph.relations.actors import Endpoint, prepositions_of

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

#: Tokens a multiword cue may skip between its words (auxiliaries, adverbs).
PHRASE_GAP = 3
#: Dependency labels of a relative clause on a noun (UD French, then spaCy's English).
RELATIVE_CLAUSE = ("acl:relcl", "relcl")


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


def _in_relative_clause(token: Token, top: Token) -> bool:
    """Whether a token of `top`'s phrase sits in a relative clause of it ("…, who said …",
    "the Louisiana Republican who chairs the Health, Education, Labor and Pensions
    Committee")."""
    current = token
    while current.i != top.i and current.head.i != current.i:
        if current.dep_ in RELATIVE_CLAUSE:
            return True
        current = current.head
    return False
