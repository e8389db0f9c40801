"""What entity extraction hands on: sentences and mentions as plain values, and the joins
made on them once found (a surname to the full name it abbreviates, one type per key).

Kept apart from graph.entities, which reads them off a spaCy Doc, so that every later stage
(relations, the store, the graph) and the passes of graph.entities itself share the types
without importing the spaCy-facing code.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

from graph.entity_types import GAZETTEER_ID
from graph.names import entity_key


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


def full_person_name(mention: Mention) -> bool:
    """A person's full name, or two capitalised words tagged ORG ("Donald Trump" is an ORG
    for the English model about as often as a PERSON)."""
    words = mention.name.split()
    if mention.type == "PER":
        return len(words) > 1
    return mention.type == "ORG" and len(words) == 2 and all(w[:1].isupper() for w in words)


def join_surnames(mentions: Sequence[Mention]) -> list[Mention]:
    """Give a shorter person name the key of the full name it ends (or starts) in the article.

    The most recent full name before the short one wins; failing that, the only later one.
    "Lavrov" after "Sergueï Lavrov" becomes Sergueï Lavrov; two later "Le Pen"s stay apart.
    """
    full_names = [m for m in mentions if full_person_name(m)]
    tagged_person = {m.key for m in mentions if m.type == "PER"}
    joined = []
    for mention in mentions:
        target = None
        if mention.type == "PER" or _may_be_a_surname(mention):
            target = _full_name_for(mention, full_names)
        if target and mention.type == "ORG":
            # NER called it an organisation: trust the join only when NER also called this
            # word a person elsewhere, or called the full name an organisation too ("Donald
            # Trump", "Trump"); else only after the person (below): a "Hilton" before
            # "Paris Hilton" is the hotel.
            target = target if mention.key in tagged_person or target.type != "PER" else None
        if target is None and _may_be_a_surname(mention):
            target = _person_named_before(mention, full_names)
        if target is None and _one_capitalised_word(mention, "PER"):
            target = _inner_name_of(mention, full_names)
        joined.append(
            replace(mention, key=target.key, type="PER", canonical="") if target else mention
        )
    return joined


def _person_named_before(known: Mention, full_names: Sequence[Mention]) -> Mention | None:
    """ "Michael Bloomberg … Trump called Bloomberg 'Mini Mike'": an organisation's (or an
    unknown place's) one-word name that is the surname of a person the article named in
    full before is that person (the gazetteer's Bloomberg is the news agency)."""
    surname = known.name.casefold()
    people = [
        m
        for m in full_names
        if m.type == "PER" and m.start < known.start and m.name.split()[-1].casefold() == surname
    ]
    return people[-1] if people else None


def _may_be_a_surname(mention: Mention) -> bool:
    """A one-word organisation, known or not ("Bloomberg", "Hobbs": the English model tags
    many a surname ORG), or a one-word place no gazetteer knows ("Lake" after "Kari Lake"):
    the surname of a person named in full before it. A known place stays one ("Washington"
    after "George Washington" is mostly the city)."""
    unknown_place = _one_capitalised_word(mention, "LOC") and not mention.canonical
    return _one_capitalised_word(mention, "ORG") or unknown_place


def _inner_name_of(mention: Mention, full_names: Sequence[Mention]) -> Mention | None:
    """ "Kari is a fighter" after "Kari Lake": a first name alone is the one person named
    before with it, when only one was; so is a surname that does not end the full name
    ("M. Tchiroma" after "Issa Tchiroma Bakary"); failing one before, the one after (a
    headline's "Tchiroma" before the story names him in full)."""
    word = mention.name.casefold()
    named = [
        m
        for m in full_names
        if m.type == "PER" and word in (w.casefold() for w in m.name.split()[:-1])
    ]
    before = {m.key: m for m in named if m.start < mention.start}
    people = before or {m.key: m for m in named}
    return next(iter(people.values())) if len(people) == 1 else None


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


def join_short_organisation_names(mentions: Sequence[Mention]) -> list[Mention]:
    """Give an organisation named by the first or last words of a longer organisation name
    the article used before the key of that organisation: "la Ligue" after "la Ligue de
    football professionnel", "the Commission" after "the European Commission", "Meridian"
    after "Meridian Trust Bank" (the most recent such). A known actor (a gazetteer id)
    keeps its own key."""
    organisations = [m for m in mentions if m.type == "ORG"]
    joined = []
    for mention in mentions:
        target = None
        if mention.type == "ORG" and not GAZETTEER_ID.fullmatch(mention.key):
            words = entity_key(mention.name).split()
            longer = [
                m
                for m in organisations
                if m.start < mention.start
                and m.key != mention.key
                and _first_or_last_words(words, entity_key(m.name).split())
            ]
            target = longer[-1] if longer else None
        joined.append(
            replace(mention, key=target.key, canonical=target.canonical) if target else mention
        )
    return joined


def _first_or_last_words(words: list[str], longer: list[str]) -> bool:
    size = len(words)
    return 0 < size < len(longer) and (longer[:size] == words or longer[-size:] == words)


def canonical_types(mentions: Sequence[Mention]) -> dict[str, str]:
    """The most frequent type of each key (spaCy may tag one actor PER here, ORG there)."""
    votes: dict[str, Counter[str]] = {}
    for mention in mentions:
        votes.setdefault(mention.key, Counter())[mention.type] += 1
    return {key: counter.most_common(1)[0][0] for key, counter in votes.items()}
