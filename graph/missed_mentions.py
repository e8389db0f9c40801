"""Mentions NER did not see, found from those it did: a surname alone after the full name,
a name after an honorific, a handle or hashtag spelling a named actor, and a place that is
part of an institution's name ("la mairie de Paris" is an organisation). The government an
article names by a bare noun is graph.governments'.

Second passes over the whole article once the NER mentions are known; apart from
graph.entities because each reads the article's other mentions, not one span.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from graph.entity_names import clean_name
from graph.entity_types import name_knowledge
from graph.gazetteer import Gazetteer
from graph.known_actors import follows_a_title, title_case
from graph.langdata import data_keys, data_words
from graph.mentions import Mention, full_person_name
from graph.names import entity_key

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token


def surnames_ner_missed(
    doc: Doc,
    mentions: Sequence[Mention],
    sentence_of: dict[int, int],
    named: Sequence[Mention] | None = None,
) -> list[Mention]:
    """The surname of a person named elsewhere in the article, where NER saw no entity
    ("Trump lambasted Macron" after "Donald Trump" and "Emmanuel Macron"). `named`: the
    people whose surnames to look for (by default those named in full among `mentions`;
    also those named after a title, "President Trump", see `titled_people`)."""
    people = [m for m in mentions if full_person_name(m)] if named is None else named
    surnames = {m.name.split()[-1]: m for m in people}
    if not surnames:
        return []
    # NER's one-word spans that are a surname named in full are its mistakes when no
    # mention came of them ("Zelenskiy thanked Germany": DATE)
    covered = mention_tokens(doc, mentions) | {
        t.i for ent in doc.ents if len(ent) > 1 or ent.text not in surnames for t in ent
    }
    found = []
    for token in doc:
        full = surnames.get(token.text)
        if full is None or token.i in covered or not _a_name_here(token):
            continue
        found.append(_person_mention(doc[token.i : token.i + 1], sentence_of))
    return found


#: Where a surname the tagger took for a common noun still acts as a name: "Trump has
#: attacked the FBI" (en_core_web_md tags a sentence's first "Trump" NOUN, lemma "trump").
NOMINAL_ROLES = frozenset(
    {"nsubj", "nsubjpass", "nsubj:pass", "dobj", "obj", "pobj", "poss", "iobj", "obl:arg"}
)


def _a_name_here(token: Token) -> bool:
    return token.pos_ == "PROPN" or (token.pos_ == "NOUN" and token.dep_ in NOMINAL_ROLES)


#: Most capitalised words an honorific's name runs to ("Mr Di Maio", "Mme Von der Leyen").
HONOURED_NAME_WORDS = 3


def honoured_names_ner_missed(
    doc: Doc,
    mentions: Sequence[Mention],
    lang: str,
    sentence_of: dict[int, int],
    gazetteer: Gazetteer | None = None,
) -> list[Mention]:
    """ "Mr Di Maio", "M. Assadi", "President Trump", "le ministre Castaner" where NER saw
    nothing: an honorific or a person's title (person_titles.txt) is followed by a
    person's name, so the capitalised words after it are one. After a title, not an
    acronym ("le député LR") nor a name the gazetteer knows ("le président Français",
    "the Senate"): a title also stands before a party, a nationality or an institution.
    An NER span that holds the title too ("Le Premier ministre Gabriel Attal" as MISC) hides
    no name: NER took the title and the name for one thing."""
    honorifics = data_words(lang, "honorifics.txt")
    titles = data_words(lang, "person_titles.txt") - honorifics
    not_names = data_words(lang, "role_words.txt") | data_words(lang, "titles.txt")
    covered = covered_tokens(doc, mentions)
    found = []
    for token in doc:
        titled = token.lower_ in titles
        if not (titled or token.lower_ in honorifics) or token.i + 1 >= len(doc):
            continue
        around = _span_holding(token, mentions)
        taken = covered if around is None else covered - set(range(around.start, around.end))
        words = []
        for word in doc[token.i + 1 : token.i + 1 + HONOURED_NAME_WORDS]:
            if word.i in taken or not word.text[:1].isupper() or not word.is_alpha:
                break
            words.append(word)
        if not words or words[0].sent.start != token.sent.start or words[0].lower_ in not_names:
            continue  # "Mr. President" is a form of address, not a name
        name = doc[words[0].i : words[-1].i + 1]
        if titled and not name_after_title(name, lang, gazetteer):
            continue
        found.append(_person_mention(name, sentence_of))
    return found


def given_names_ner_missed(
    doc: Doc, mentions: Sequence[Mention], lang: str, sentence_of: dict[int, int]
) -> list[Mention]:
    """ "Sophia Chikirou, investie par…", where NER saw "Sophia" (MISC) and nothing of
    "Chikirou": a capitalised given name (first_names.tsv) before capitalised proper nouns
    no mention holds is a person's name. Not a title or a role after the given name, not
    in a headline written in title case."""
    first_names = name_knowledge().first_names
    not_names = data_words(lang, "role_words.txt") | data_words(lang, "titles.txt")
    covered = mention_tokens(doc, mentions)
    found = []
    for token in doc:
        if token.i in covered or token.pos_ != "PROPN" or not token.text[:1].isupper():
            continue
        if entity_key(token.text) not in first_names:
            continue
        words = []
        for word in doc[token.i + 1 : token.i + 1 + HONOURED_NAME_WORDS]:
            if word.i in covered or not (word.is_alpha and word.text[:1].isupper()):
                break
            if word.lower_ in not_names or doc[word.i - 1].whitespace_ != " ":
                break  # (a sentence boundary the parser put inside the name is no end)
            words.append(word)
        while words and words[-1].pos_ != "PROPN":
            words.pop()
        if not words or title_case(token):
            continue
        name = doc[token.i : words[-1].i + 1]
        covered.update(range(name.start, name.end))
        found.append(_person_mention(name, sentence_of))
    return found


def one_word_names_ner_missed(
    doc: Doc, mentions: Sequence[Mention], lang: str, sentence_of: dict[int, int]
) -> list[Mention]:
    """A one-word organisation named elsewhere in the article, where NER saw nothing this
    time ("Unite backs Dunmore" … "Britain's Unite union endorsed"): the same capitalised
    proper noun, as a subject or object or before a noun naming what it is (anaphora_nouns.tsv),
    is the same actor. People are `surnames_ner_missed`'s."""
    named = {m.name: m for m in mentions if m.type == "ORG" and " " not in m.name}
    if not named:
        return []
    covered = mention_tokens(doc, mentions)  # a span NER typed NORP and nothing came of
    group_nouns = data_keys(lang, "anaphora_nouns.tsv")
    found = []
    for token in doc:
        known = named.get(token.text)
        if known is None or token.i in covered or token.pos_ != "PROPN":
            continue
        if not (token.dep_ in NOMINAL_ROLES or token.head.lemma_.casefold() in group_nouns):
            continue  # "the Holocaust denier": a word of another name, not the actor
        span = doc[token.i : token.i + 1]
        found.append(
            replace(
                known,
                sentence=sentence_of[span.sent.start],
                start=span.start_char,
                end=span.end_char,
                text=span.text,
            )
        )
    return found


def titled_people(doc: Doc, mentions: Sequence[Mention], lang: str) -> list[Mention]:
    """People named by one word right after an honorific or a title ("President Trump",
    "Speaker Pelosi"), whoever found them: a surname that may stand alone later."""
    found = []
    for mention in mentions:
        if mention.type != "PER" or " " in mention.name:
            continue
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is not None and follows_a_title(span, lang):
            found.append(mention)
    return found


def name_after_title(name: Span, lang: str, gazetteer: Gazetteer | None) -> bool:
    """Whether capitalised words after a person's title can be the person's name: not an
    acronym ("le député LR") nor a name the gazetteer knows ("le président Français", "the
    senator Democrats"), which NER usually types itself, but not always."""
    if any(word.is_upper for word in name):
        return False  # "le député LR", "President FW de Klerk" is rare enough to lose
    return gazetteer is None or gazetteer.lookup(name.text, lang) is None


def handles_of_named_actors(
    doc: Doc, mentions: Sequence[Mention], sentence_of: dict[int, int], text: str | None = None
) -> list[Mention]:
    """ "Soutien à @RichardFerrand", "Bravo aux #GiletsJaunes": a handle that spells, letter
    for letter, the full name of a person the article names is that person; a hashtag
    spelling the name of an actor it names, that actor."""
    people = {m.key.replace(" ", ""): m for m in mentions if m.type == "PER" and " " in m.key}
    actors = {entity_key(m.name).replace(" ", ""): m for m in mentions if " " in m.name}
    found: list[Mention] = []
    whole = doc.text if text is None else text
    if not (people or actors) or ("@" not in whole and "#" not in whole):
        return found  # no handle can match: spare a pass over every token
    for token in doc:
        handle = token.text
        if handle in ("@", "#") and not token.whitespace_ and token.i + 1 < len(doc):
            handle += doc[token.i + 1].text  # "#", "GiletsJaunes" as the tokeniser splits it
        if handle[:1] not in ("@", "#") or len(handle) < 4:
            continue
        spelled = entity_key(handle[1:]).replace(" ", "")
        person = (people if handle[0] == "@" else actors).get(spelled)
        if person is not None:
            found.append(
                replace(
                    person,
                    sentence=sentence_of[token.sent.start],
                    start=token.idx,
                    end=token.idx + len(handle),
                    text=handle,
                )
            )
    return found


def institutions_of_places(
    doc: Doc, mentions: list[Mention], lang: str, sentence_of: dict[int, int]
) -> list[Mention]:
    """ "la mairie de Paris", "the Jerusalem municipality": a place joined to an institution
    noun (institution_heads.txt) names the institution, an organisation, not the place."""
    heads = data_words(lang, "institution_heads.txt")
    if not heads:
        return mentions
    kept = []
    for mention in mentions:
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        institution = _institution_around(span, heads) if mention.type == "LOC" and span else None
        if institution is None:
            kept.append(mention)
            continue
        kept.append(_institution_mention(institution, sentence_of))
    return kept


def institution_spanned(span: Span, lang: str, sentence_of: dict[int, int]) -> Mention | None:
    """ "tribunal administratif de Toulouse" tagged as a whole, a place: an institution of
    that place (its first word an institution noun, a proper noun in it), an organisation
    that the name checks, made for capitalised names, would drop."""
    heads = data_words(lang, "institution_heads.txt")
    first = span[0]
    if first.is_title or first.lemma_.casefold() not in heads:
        return None
    if not any(t.pos_ == "PROPN" for t in span[1:]):
        return None
    return _institution_mention(span, sentence_of)


def _institution_mention(span: Span, sentence_of: dict[int, int]) -> Mention:
    """An organisation mention for the whole of an institution's phrase."""
    name = clean_name(span.text)
    return Mention(
        name=name,
        key=entity_key(name),
        type="ORG",
        sentence=sentence_of[span.sent.start],
        start=span.start_char,
        end=span.end_char,
        text=span.text,
    )


def _institution_around(place: Span, heads: frozenset[str]) -> Span | None:
    """The institution phrase a place is part of: its noun right after it ("the Jerusalem
    municipality") or before it with only a preposition between ("la mairie de Paris"),
    maybe after the noun's adjectives ("le tribunal administratif de Toulouse", "le
    conseil départemental du Tarn")."""
    doc = place.doc
    root = place.root
    head = root.head
    if head.i == root.i or head.pos_ != "NOUN" or head.lemma_.casefold() not in heads:
        return None
    if head.i == place.end:
        return doc[place.start : head.i + 1]
    between = [t.pos_ for t in doc[head.i + 1 : place.start]]
    while between and between[-1] == "DET":
        between.pop()  # "de la", "de l'"
    if head.i < place.start and between[-1:] == ["ADP"] and set(between[:-1]) <= {"ADJ"}:
        return doc[head.i : place.end]
    return None


def covered_tokens(doc: Doc, mentions: Sequence[Mention]) -> set[int]:
    """The tokens an NER span or a mention already covers: names found another way must not
    overlap them."""
    return {t.i for ent in doc.ents for t in ent} | mention_tokens(doc, mentions)


def _span_holding(token: Token, mentions: Sequence[Mention]) -> Span | None:
    """The NER span that holds a title, unless it is a mention's own: a span NER typed
    as a whole ("Le Premier ministre Gabriel Attal", MISC) and no entity came from."""
    if not token.ent_type_:
        return None
    span = next((ent for ent in token.doc.ents if ent.start <= token.i < ent.end), None)
    if span is None or any(m.start < span.end_char and span.start_char < m.end for m in mentions):
        return None
    return span


def mention_tokens(doc: Doc, mentions: Sequence[Mention]) -> set[int]:
    """The tokens the mentions cover."""
    return {
        t.i for m in mentions for t in doc.char_span(m.start, m.end, alignment_mode="expand") or ()
    }


def _person_mention(span: Span, sentence_of: dict[int, int]) -> Mention:
    """A person's name NER missed, as a mention keyed by its own words."""
    return Mention(
        name=span.text,
        key=entity_key(span.text),
        type="PER",
        sentence=sentence_of[span.sent.start],
        start=span.start_char,
        end=span.end_char,
        text=span.text,
    )
