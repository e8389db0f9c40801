"""Mentions of people, organisations and places, normalised, and merged inside an article.

A mention's `key` says which entity it belongs to: mentions with the same key are the same
actor. Keys are case-, accent-, hyphen- and apostrophe-insensitive; inside one article a
surname alone takes the key of the full name it abbreviates.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TYPE_CHECKING

from graph.acronyms import expand_defined_acronyms
from graph.gazetteer import (
    ADJECTIVE,
    CAPITAL,
    DEMONYM,
    NAME_KINDS,
    Gazetteer,
    Match,
    find_names,
)
from graph.langdata import COMMON, data_words
from graph.names import entity_key
from graph.nlp import entity_labels

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

#: spaCy's label for nationalities and groups, mapped in models.toml.
NORP = "NORP"
_PHRASE_OPENERS = frozenset({"«", "“", '"', "(", ":", "—", "–", "-", ".", "!", "?", "…"})
_PUNCT_EDGES = "«»\"'“”‘’()[]{}.,;:!?…-–—·*/\\|"


@dataclass(frozen=True)
class Sentence:
    """One sentence of a cleaned article: the unit of evidence."""

    index: int
    paragraph: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Mention:
    """One occurrence of an entity in an article.

    `text` is the span as written, `name` the normalised surface form (no determiner,
    preposition, elision or title), `key` the entity it belongs to.
    """

    name: str
    key: str
    type: str
    sentence: int
    start: int
    end: int
    text: str
    canonical: str = ""


def sentences_of(doc: Doc) -> list[Sentence]:
    """The doc's sentences with their paragraph number (paragraphs are lines)."""
    sentences = []
    paragraph = 0
    previous_end = 0
    text = doc.text  # spaCy joins every token's text anew on each `doc.text`
    for index, sent in enumerate(doc.sents):
        paragraph += text.count("\n", previous_end, sent.start_char)
        previous_end = sent.start_char
        sentences.append(
            Sentence(index, paragraph, sent.start_char, sent.end_char, sent.text.strip())
        )
    return sentences


def mentions_of(
    doc: Doc,
    lang: str,
    gazetteer: Gazetteer | None = None,
    *,
    capitals_as_governments: bool = True,
) -> list[Mention]:
    """The doc's entity mentions, normalised, junk dropped, surnames joined to full names,
    acronyms the article defines joined to their expansion ("Parti socialiste (PS)":
    graph.acronyms), and known actors (countries, organisations) given their gazetteer id.

    With `capitals_as_governments`, a capital that is not the place where something happens
    ("Moscou a rejeté", not "à Moscou") stands for its country.
    """
    labels = entity_labels(lang)
    sentence_of = {sent.start: index for index, sent in enumerate(doc.sents)}
    known = find_names(doc, lang, gazetteer) if gazetteer is not None else []
    inside_known = {t.i for span, _ in known if _outgrows_ner(span) for t in span}
    mentions = []
    for span in doc.ents:
        entity_type = labels.get(span.label_)
        if entity_type is None or all(t.i in inside_known for t in span):
            continue
        if entity_type == NORP:
            norp = _group_mention(span, lang, gazetteer, sentence_of)
            if norp is not None:
                mentions.append(norp)
            continue
        if entity_type != "PER" and _is_portfolio(span, lang, gazetteer):
            continue
        if _after_honorific(span, lang, gazetteer):
            entity_type = "PER"
        if entity_type == "PER":
            span = _with_surname_cut_short(span)
        for piece, piece_type in _unglued(span, entity_type, lang, gazetteer):
            mention = _mention_from(piece, piece_type, lang, gazetteer, sentence_of)
            if (
                mention is not None
                and gazetteer is not None
                and (piece_type != "PER" or _known_as_person(mention, lang, gazetteer))
            ):
                mention = _known_actor(mention, piece, lang, gazetteer, capitals_as_governments)
            if mention is not None:
                mentions.append(mention)
    if gazetteer is not None:
        mentions.extend(_names_ner_missed(doc, known, lang, sentence_of))
    mentions.extend(_surnames_ner_missed(doc, mentions, sentence_of))
    mentions.extend(_honoured_names_ner_missed(doc, mentions, lang, sentence_of))
    mentions.extend(_handles_of_named_actors(doc, mentions, sentence_of))
    mentions = _institutions_of_places(doc, mentions, lang, sentence_of)
    mentions.sort(key=lambda m: m.start)
    return expand_defined_acronyms(join_surnames(mentions), doc.text)


def _known_as_person(mention: Mention, lang: str, gazetteer: Gazetteer) -> bool:
    """Whether NER took a known actor for a person: a one-word name ("Moscou" as PER), or
    what is left of "Président de l'Assemblée nationale" once the role is trimmed."""
    if " " not in mention.name:
        return True
    return (
        mention.name != mention.text
        and gazetteer.lookup(mention.name, lang, NAME_KINDS) is not None
    )


def _mention_from(
    span: Span,
    entity_type: str,
    lang: str,
    gazetteer: Gazetteer | None,
    sentence_of: dict[int, int],
) -> Mention | None:
    """A mention for an entity span, trimmed and cleaned; None when it names no actor."""
    name_span = _trim(span, lang, entity_type, gazetteer)
    if name_span is None or not _is_name(name_span, lang, entity_type, gazetteer):
        return None
    name = _clean_name(name_span.text)
    if not name:
        return None
    return Mention(
        name=name,
        key=entity_key(name),
        type=entity_type,
        sentence=sentence_of[span.sent.start],
        start=name_span.start_char,
        end=name_span.end_char,
        text=span.text,
    )


def _with_surname_cut_short(span: Span) -> Span:
    """ "Luigi Di" + "Maio": a person span NER ended on a surname particle, extended to
    the capitalised word after it (name_particles.txt), even across a sentence boundary
    the parser put there."""
    doc = span.doc
    if span.end >= len(doc) or span[-1].lower_ not in data_words(COMMON, "name_particles.txt"):
        return span
    after = doc[span.end]
    if after.is_alpha and after.text[:1].isupper() and span[-1].whitespace_ == " ":
        return doc[span.start : span.end + 1]
    return span


def _unglued(
    span: Span, entity_type: str, lang: str, gazetteer: Gazetteer | None
) -> list[tuple[Span, str]]:
    """An organisation and a person spaCy glued into one span ("RN Marine Le Pen", "Sénat
    John James", "Economie Pierre Moscovici"): the known or generic head, then the person.
    Anything else comes back whole."""
    if entity_type == "PER" or len(span) < 3:
        return [(span, entity_type)]
    for cut in range(len(span) - 2, 0, -1):
        head, rest = span[:cut], span[cut:]
        if not all(t.text[:1].isupper() and t.is_alpha for t in rest):
            continue
        known = gazetteer is not None and gazetteer.lookup(head.text, lang, NAME_KINDS)
        generic = entity_key(head.text) in _not_entity_keys(lang)
        if known:
            return [(head, entity_type), (rest, "PER")]
        if generic:
            return [(rest, "PER")]
    return [(span, entity_type)]


def _full_person_name(mention: Mention) -> bool:
    """A person's full name, or two capitalised words tagged ORG ("Donald Trump" is an ORG
    for the English model about as often as a PERSON)."""
    words = mention.name.split()
    if mention.type == "PER":
        return len(words) > 1
    return mention.type == "ORG" and len(words) == 2 and all(w[:1].isupper() for w in words)


def _surnames_ner_missed(
    doc: Doc, mentions: Sequence[Mention], sentence_of: dict[int, int]
) -> list[Mention]:
    """The surname of a person named in full elsewhere in the article, where NER saw no
    entity ("Trump lambasted Macron" after "Donald Trump" and "Emmanuel Macron")."""
    surnames = {m.name.split()[-1]: m for m in mentions if _full_person_name(m)}
    covered = _covered(doc, mentions)
    found = []
    for token in doc:
        full = surnames.get(token.text)
        if full is None or token.i in covered or token.pos_ != "PROPN":
            continue
        found.append(_person_mention(doc[token.i : token.i + 1], sentence_of))
    return found


#: Most capitalised words an honorific's name runs to ("Mr Di Maio", "Mme Von der Leyen").
HONOURED_NAME_WORDS = 3


def _honoured_names_ner_missed(
    doc: Doc, mentions: Sequence[Mention], lang: str, sentence_of: dict[int, int]
) -> list[Mention]:
    """ "Mr Di Maio", "M. Assadi" where NER saw nothing: an honorific is followed by a
    person's name, so the capitalised words after it are one."""
    honorifics = data_words(lang, "honorifics.txt")
    not_names = data_words(lang, "role_words.txt") | data_words(lang, "titles.txt")
    covered = _covered(doc, mentions)
    found = []
    for token in doc:
        if token.lower_ not in honorifics or token.i + 1 >= len(doc):
            continue
        words = []
        for word in doc[token.i + 1 : token.i + 1 + HONOURED_NAME_WORDS]:
            if word.i in covered or not word.text[:1].isupper() or not word.is_alpha:
                break
            words.append(word)
        if not words or words[0].sent.start != token.sent.start or words[0].lower_ in not_names:
            continue  # "Mr. President" is a form of address, not a name
        found.append(_person_mention(doc[words[0].i : words[-1].i + 1], sentence_of))
    return found


def _handles_of_named_actors(
    doc: Doc, mentions: Sequence[Mention], sentence_of: dict[int, int]
) -> list[Mention]:
    """ "Soutien à @RichardFerrand", "Bravo aux #GiletsJaunes": a handle that spells, letter
    for letter, the full name of a person the article names is that person; a hashtag
    spelling the name of an actor it names, that actor."""
    people = {m.key.replace(" ", ""): m for m in mentions if m.type == "PER" and " " in m.key}
    actors = {entity_key(m.name).replace(" ", ""): m for m in mentions if " " in m.name}
    found = []
    for token in doc:
        text = token.text
        if text in ("@", "#") and not token.whitespace_ and token.i + 1 < len(doc):
            text += doc[token.i + 1].text  # "#", "GiletsJaunes" as the tokeniser splits it
        if text[:1] not in ("@", "#") or len(text) < 4:
            continue
        spelled = entity_key(text[1:]).replace(" ", "")
        person = (people if text[0] == "@" else actors).get(spelled)
        if person is not None:
            found.append(
                replace(
                    person,
                    sentence=sentence_of[token.sent.start],
                    start=token.idx,
                    end=token.idx + len(text),
                    text=text,
                )
            )
    return found


def _institutions_of_places(
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
        name = _clean_name(institution.text)
        kept.append(
            Mention(
                name=name,
                key=entity_key(name),
                type="ORG",
                sentence=sentence_of[institution.sent.start],
                start=institution.start_char,
                end=institution.end_char,
                text=institution.text,
            )
        )
    return kept


def _institution_around(place: Span, heads: frozenset[str]) -> Span | None:
    """The institution phrase a place is part of: its noun right after it ("the Jerusalem
    municipality") or before it with only a preposition between ("la mairie de Paris")."""
    doc = place.doc
    root = place.root
    head = root.head
    if head.i == root.i or head.pos_ != "NOUN" or head.lemma_.casefold() not in heads:
        return None
    if head.i == place.end:
        return doc[place.start : head.i + 1]
    between = doc[head.i + 1 : place.start]
    if head.i < place.start and len(between) == 1 and between[0].pos_ == "ADP":
        return doc[head.i : place.end]
    return None


def _covered(doc: Doc, mentions: Sequence[Mention]) -> set[int]:
    """The tokens an NER span or a mention already covers: names found another way must not
    overlap them."""
    return {t.i for ent in doc.ents for t in ent} | {
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


def _group_mention(
    span: Span, lang: str, gazetteer: Gazetteer | None, sentence_of: dict[int, int]
) -> Mention | None:
    """A nationality or group (spaCy's NORP): the country when it stands for one as a noun
    ("the Russians said"); nothing when it is an adjective ("French police", which the stance
    reader resolves in context) or no country ("the Tories")."""
    if gazetteer is None or span.root.pos_ == "ADJ":
        return None
    match = gazetteer.lookup(span.text, lang, frozenset({DEMONYM}))
    return None if match is None else _actor_mention(span, match, lang, sentence_of)


def _actor_mention(span: Span, match: Match, lang: str, sentence_of: dict[int, int]) -> Mention:
    """A mention of a gazetteer actor, written as `span`."""
    actor = match.actor
    return Mention(
        name=span.text,
        key=actor.id,
        type=actor.type,
        sentence=sentence_of[span.sent.start],
        start=span.start_char,
        end=span.end_char,
        text=span.text,
        canonical=actor.label(lang),
    )


#: Tokens looked back from a word for the ministry title it may belong to.
PORTFOLIO_REACH = 8


def _is_portfolio(span: Span, lang: str, gazetteer: Gazetteer | None) -> bool:
    """ "secrétaire d'État à l'Asile et à la Migration", "ministre de l'Agriculture et des
    Indépendants": a capitalised portfolio in a ministry title, not an organisation. Only
    a single word, only after a ministry word, and never a known actor ("ministre de la
    France" cannot happen, "Affaires étrangères de la Russie" keeps Russie)."""
    if len(span) != 1 or span.text.isupper():  # "secrétaire général de la CGT"
        return False
    if gazetteer is not None and gazetteer.lookup(span.text, lang):
        return False
    heads = data_words(lang, "portfolio_heads.txt")
    doc = span.doc
    for token in reversed(doc[max(0, span.start - PORTFOLIO_REACH) : span.start]):
        if token.lower_ in heads:
            return True
        listed = token.text[:1].isupper() and token.pos_ in ("NOUN", "PROPN", "ADJ")
        if not (token.pos_ in ("ADP", "DET", "CCONJ") or token.text in "',’" or listed):
            return False
    return False


def _after_honorific(span: Span, lang: str, gazetteer: Gazetteer | None = None) -> bool:
    """ "Mr Assadi", "Mme Le Pen", "M. Macron", "le président Macron": a person, whatever the
    NER label, when an honorific or a title (`person_titles.txt`) opens the span or stands
    just before it. Not a nationality ("le président Français") nor an acronym ("le
    président LR")."""
    honorifics = data_words(lang, "honorifics.txt")
    cues = honorifics | data_words(lang, "person_titles.txt")
    if len(span) > 1 and span[0].lower_ in cues:
        name = span[1:]
    elif span.start > 0 and span.doc[span.start - 1].lower_ in cues:
        name = span
    else:
        return False
    if not name[0].text[:1].isupper() or any(t.is_upper and len(t) > 1 for t in name):
        return False
    kinds = frozenset({DEMONYM, ADJECTIVE})
    return gazetteer is None or gazetteer.lookup(name.text, lang, kinds) is None


def _outgrows_ner(span: Span) -> bool:
    """A gazetteer name that contains the NER spans it overlaps and is longer than them
    ("La France insoumise" where spaCy saw the place "La France"): the name wins."""
    overlapping = [ent for ent in span.doc.ents if ent.start < span.end and span.start < ent.end]
    return bool(overlapping) and all(
        span.start <= ent.start and ent.end <= span.end and len(ent) < len(span)
        for ent in overlapping
    )


def _names_ner_missed(
    doc: Doc, known: list[tuple[Span, Match]], lang: str, sentence_of: dict[int, int]
) -> list[Mention]:
    """Gazetteer names in the text that no NER span covers ("Belgique", "gilets jaunes"),
    or that outgrow the NER spans inside them."""
    labels = entity_labels(lang)
    covered = {token.i for ent in doc.ents if ent.label_ in labels for token in ent}
    return [
        _actor_mention(span, match, lang, sentence_of)
        for span, match in known
        if not any(token.i in covered for token in span) or _outgrows_ner(span)
    ]


def _known_actor(
    mention: Mention, span: Span, lang: str, gazetteer: Gazetteer, capitals: bool
) -> Mention:
    """The mention with its gazetteer id, type and label when it names a known actor (a
    one-word "person" that is a country or a capital, like "Washington", is the place)."""
    kinds = NAME_KINDS if mention.type == "PER" else NAME_KINDS | {DEMONYM, ADJECTIVE}
    if capitals and not _is_place_phrase(span, lang):
        kinds |= {CAPITAL}
    match = gazetteer.lookup(mention.name, lang, frozenset(kinds))
    if match is None:
        return mention
    actor = match.actor
    return replace(mention, key=actor.id, type=actor.type, canonical=actor.label(lang))


def _is_place_phrase(span: Span, lang: str) -> bool:
    """ "à Moscou", "vers Kiev", "in Moscow": the capital is where, not who."""
    if span.start == 0:
        return False
    previous = span.doc[span.start - 1].text.casefold().replace("’", "'")
    return previous in data_words(lang, "locative_prepositions.txt")


def _trim(span: Span, lang: str, entity_type: str, gazetteer: Gazetteer | None) -> Span | None:
    """The span without leading determiners/prepositions/titles and edge punctuation.

    A capitalised determiner is kept ("Le Pen", "Les Républicains") unless what follows is
    a known actor ("La France" at the start of a sentence).
    """
    strip = data_words(lang, "strip_words.txt")
    titles: frozenset[str] = frozenset()
    if entity_type == "PER":
        titles = data_words(lang, "titles.txt") | data_words(lang, "role_words.txt")
    start, end = span.start, span.end
    doc = span.doc
    while end - start > 1 and (
        _strippable(doc[start], strip, titles)
        or _determiner_before_known(doc[start], doc[start + 1 : end], strip, lang, gazetteer)
    ):
        start += 1
    while end > start and doc[start].text in _PUNCT_EDGES:
        start += 1
    while end > start and (doc[end - 1].text in _PUNCT_EDGES or doc[end - 1].lower_ == "'s"):
        end -= 1
    while end - start > 1 and _trailing_nationality(doc[end - 1], lang, gazetteer):
        end -= 1  # "Hezbollah libanais", "Mouvement 5 étoiles italien"
    return doc[start:end] if end > start else None


def _trailing_nationality(token: Token, lang: str, gazetteer: Gazetteer | None) -> bool:
    if gazetteer is None or not token.text[:1].islower():
        return False
    return gazetteer.lookup(token.text, lang, frozenset({ADJECTIVE})) is not None


def _determiner_before_known(
    token: Token, rest: Span, strip: frozenset[str], lang: str, gazetteer: Gazetteer | None
) -> bool:
    if gazetteer is None or token.text.casefold() not in strip:
        return False
    return gazetteer.lookup(rest.text, lang, NAME_KINDS) is not None


def _strippable(token: Token, strip: frozenset[str], titles: frozenset[str]) -> bool:
    lowered = token.text.casefold().replace("’", "'")
    if lowered in titles:
        return True
    elided = lowered.endswith("'")
    return lowered in strip and (elided or token.text[:1].islower())


def _is_name(span: Span, lang: str, entity_type: str, gazetteer: Gazetteer | None) -> bool:
    """Whether a trimmed span names an actor: not junk, not a handle or hashtag, not a bare
    role description ("Premier ministre"), not a common word that opens a sentence."""
    text = span.text
    if sum(ch.isalpha() for ch in text) < 2 or text[:1] in "@#":
        return False
    if entity_key(text) in _not_entity_keys(lang):
        return False
    if gazetteer is not None and gazetteer.lookup(text, lang, NAME_KINDS | {DEMONYM}):
        return True
    first = span[0].text
    roles = data_words(lang, "role_words.txt")
    if first.casefold() in roles and (entity_type != "PER" or len(span) == 1):
        return False  # "le Président a désavoué …" is a role, resolved as one, not a name
    if first[:1].islower():
        return entity_type == "ORG" and any(ch.isupper() for ch in text)
    return _looks_like_a_name(span)


def _looks_like_a_name(span: Span) -> bool:
    """A proper noun, a capital letter not explained by the start of a sentence, or an
    acronym. What spaCy tags at the start of a sentence ("Approche", "Agriculture") has none
    of these, unless the same word is capitalised mid-sentence elsewhere in the article."""
    if any(token.pos_ in ("PROPN", "X") for token in span):
        return True
    if any(token.text[:1].isupper() for token in span[1:]):
        return True
    if any(token.text.isupper() and len(token.text) > 1 for token in span):
        return True
    first = span[0]
    if not _opens_a_phrase(first):
        return True
    return any(
        token.text == first.text and not _opens_a_phrase(token)
        for token in span.doc
        if token.i != first.i
    )


def _opens_a_phrase(token: Token) -> bool:
    """Where a capital letter says nothing: a sentence's or a quotation's first word."""
    if token.is_sent_start or token.i == 0:
        return True
    return token.doc[token.i - 1].text in _PHRASE_OPENERS


@lru_cache(maxsize=8)
def _not_entity_keys(lang: str) -> frozenset[str]:
    words = data_words(COMMON, "not_entities.txt") | data_words(lang, "not_entities.txt")
    return frozenset(entity_key(word) for word in words)


def _clean_name(text: str) -> str:
    """The surface form with quotes cut off and spaces collapsed."""
    for quote in '«»"“”':
        text = text.split(quote)[0] if text.find(quote) > 0 else text.replace(quote, "")
    return " ".join(text.split()).strip(_PUNCT_EDGES + " ")


def join_surnames(mentions: Sequence[Mention]) -> list[Mention]:
    """Give a shorter person name the key of the full name it ends (or starts) in the article.

    The most recent full name before the short one wins; failing that, the only later one.
    "Lavrov" after "Sergueï Lavrov" becomes Sergueï Lavrov; two later "Le Pen"s stay apart.
    """
    full_names = [m for m in mentions if _full_person_name(m)]
    tagged_person = {m.key for m in mentions if m.type == "PER"}
    joined = []
    for mention in mentions:
        target = None
        if mention.type == "PER" or _one_capitalised_word(mention, "ORG"):
            target = _full_name_for(mention, full_names)
        if target and mention.type != "PER":
            # NER called it an organisation: trust the join only when NER also called this
            # word a person elsewhere, or called the full name an organisation too ("Donald
            # Trump", "Trump"); "Hilton" the hotel stays apart from Paris Hilton.
            target = target if mention.key in tagged_person or target.type != "PER" else None
        joined.append(replace(mention, key=target.key, type="PER") if target else mention)
    return joined


def _one_capitalised_word(mention: Mention, type_: str) -> bool:
    return mention.type == type_ and " " not in mention.name and mention.name[:1].isupper()


def _full_name_for(mention: Mention, full_names: Sequence[Mention]) -> Mention | None:
    words = mention.key.split()
    matches = [
        full
        for full in full_names
        if full.key != mention.key
        and len(full.key.split()) > len(words)
        and full.key.split()[-len(words) :] == words
    ]
    before = [m for m in matches if m.start < mention.start]
    if before:
        return before[-1]
    after_keys = {m.key for m in matches}
    return matches[0] if len(after_keys) == 1 else None


def canonical_types(mentions: Sequence[Mention]) -> dict[str, str]:
    """The most frequent type of each key (spaCy may tag one actor PER here, ORG there)."""
    votes: dict[str, Counter[str]] = {}
    for mention in mentions:
        votes.setdefault(mention.key, Counter())[mention.type] += 1
    return {key: counter.most_common(1)[0][0] for key, counter in votes.items()}
