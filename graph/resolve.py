"""Short names joined to the one full name they can belong to, across the whole corpus.

An article that says only "Macron", "Le Pen" or "Di Maio" leaves the extractor a bare name,
which NER often types LOC or ORG. Across the corpus, that name belongs to a full person name
when exactly one fits:

- a surname, with or without its particle or an initial: "Macron", "Le Pen", "Di Maio",
  "E. Macron" → Emmanuel Macron (stays apart when Marine and Jean-Marie Le Pen both fit);
- a given name alone: "Emmanuel" → Emmanuel Macron, when he is the only Emmanuel and is
  named far more often than the given name alone (GIVEN_NAME_DOMINANCE);
- a full name with a middle initial, or with words glued before it that hold no given
  name ("Donald J. Trump", "Libérez Éric Drouet") → the full name itself;
- any name, and the same name after a definite article, of one type ("Monde" / "Le Monde").

Where several full names fit, the bare name joins one only when it is named DOMINANCE times
as often as all the others together.

The NER type of the short name is not a reason to keep it apart, but a name NER never
called a person joins only a full name named at least a third as often ("Washington" named
fifty times stays the place when the corpus has two "George Washington"s). Works on the key facts
alone (names, type votes, counts), so the store and memory give the same result.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Protocol

from graph.entity_types import GAZETTEER_ID, PERSON, NameKnowledge, key_type

#: A bare name with several full names fitting joins the most mentioned one when it has
#: this many times the mentions of all the others together (Le Pen → Marine Le Pen, 30
#: mentions against Jean-Marie's 2); below that it stays apart.
DOMINANCE = 10
#: A name NER never called a person is not a surname when it is mentioned this many times
#: more often than the full name.
NAME_ONLY_RATIO = 3
LONGER_FORM = "longer form"
GIVEN_NAME = "given name"
#: A given name alone joins a full name only when that one is named this many times as
#: often: on the bench, "Emmanuel" (2 mentions, Emmanuel Macron 597) is the president, but
#: "Eric" (3, Eric Drouet 44) and "Lucie" (2, Lucie Attal 30) are protesters quoted by
#: their first name.
GIVEN_NAME_DOMINANCE = 25
SURNAME = "surname"
#: Longer "full names" are spans NER ran on ("Algunos suenan con conocer Paris").
MAX_NAME_WORDS = 4
_SPELLINGS = (("kh", "h"), ("gue", "ge"), ("gui", "gi"), ("ou", "u"), ("y", "i"), ("j", "i"))


class Facts(Protocol):
    """What resolution reads of a key (graph.canonical.KeyFacts)."""

    type_votes: Counter[str]
    names: set[str]
    mentions: int


@dataclass(frozen=True)
class Join:
    """One short name to merge into one full name, and why."""

    short: str
    full: str
    reason: str


@dataclass(frozen=True)
class _FullName:
    """A full person name: its key, and its words as sounded (compared) and as written
    (looked up among given names)."""

    key: str
    words: tuple[str, ...]

    @property
    def plain(self) -> tuple[str, ...]:
        return tuple(self.key.split())


def sounded(word: str) -> str:
    """A name word spelled one way (Zelenskyy, Zelenski → zelenski)."""
    for written, spoken in _SPELLINGS:
        word = word.replace(written, spoken)
    out = [c for i, c in enumerate(word) if i == 0 or c != word[i - 1]]
    return "".join(out)


def person_names(keys: Mapping[str, Facts], knowledge: NameKnowledge) -> list[str]:
    """The keys that are full person names: two words or more, typed PER by the corpus
    (votes or a given name), not starting with an initial or a particle."""
    return [
        key
        for key, facts in keys.items()
        if 2 <= len(key.split()) <= MAX_NAME_WORDS
        and not GAZETTEER_ID.fullmatch(key)
        and len(key.split()[0]) > 1
        and key.split()[0] not in knowledge.particles
        and key not in knowledge.first_names
        and key_type(key, facts.type_votes, knowledge) == PERSON
    ]


def short_name_joins(
    keys: Mapping[str, Facts], find: Callable[[str], str], knowledge: NameKnowledge
) -> list[Join]:
    """Every short name that fits one full person name (`find` gives the node a key is
    already merged into: two full names merged before are one fit). Longer forms of a full
    name come first, so a bare surname then meets one fit for both."""
    fulls = [
        _FullName(k, tuple(sounded(w) for w in k.split())) for k in person_names(keys, knowledge)
    ]
    joins = _longer_forms(fulls, knowledge)
    merged = {join.short: join.full for join in joins}

    def node(key: str) -> str:
        return find(merged.get(key, key))

    by_last: dict[str, list[_FullName]] = defaultdict(list)
    by_first: dict[str, list[_FullName]] = defaultdict(list)
    for full in fulls:
        by_last[full.words[-1]].append(full)
        by_first[full.words[0]].append(full)
    full_keys = {full.key for full in fulls}
    for key, facts in keys.items():
        if key in full_keys or GAZETTEER_ID.fullmatch(key) or not key.strip():
            continue
        words = tuple(sounded(w) for w in key.split())
        if _initial_unwritten(words, facts):
            continue  # "à Paris" is no initial and surname
        fits, reason = _surname_fits(words, by_last, knowledge), SURNAME
        if not fits and key in knowledge.first_names:
            fits, reason = _first_name_fits(words, by_first), GIVEN_NAME
        chosen = _chosen_fit(fits, node, keys)
        if chosen and _plausible(key, chosen, keys, reason, knowledge):
            joins.append(Join(key, chosen, reason))
    return joins


def _initial_unwritten(words: tuple[str, ...], facts: Facts) -> bool:
    """A one-letter first word never written as a capital initial ("à Paris")."""
    if len(words) < 2 or len(words[0]) != 1:
        return False
    return not any(n[:1].isupper() and len(n.split()[0].rstrip(".")) == 1 for n in facts.names)


def _longer_forms(fulls: list[_FullName], knowledge: NameKnowledge) -> list[Join]:
    """Full names that are another with a middle initial ("donald j trump") or with words
    holding no given name glued before it ("liberez eric drouet", "ric di ingrid
    levavasseur"), joined to it when it is the only one."""
    by_words = {full.words: full.key for full in fulls}
    joins = []
    for full in fulls:
        bare = tuple(w for i, w in enumerate(full.words) if i == 0 or len(w) > 1)
        shorter = {
            by_words[full.words[i:]]
            for i in range(1, len(full.words) - 1)
            if full.words[i:] in by_words
            and not any(w in knowledge.first_names for w in full.plain[:i])
        }
        if bare != full.words and bare in by_words:
            shorter.add(by_words[bare])
        if len(shorter) == 1:
            joins.append(Join(full.key, shorter.pop(), LONGER_FORM))
    return joins


def _chosen_fit(
    fits: list[_FullName], node: Callable[[str], str], keys: Mapping[str, Facts]
) -> str:
    """The one node the fits make, or the dominant one; "" when the name stays apart."""
    mentions: Counter[str] = Counter()
    first: dict[str, str] = {}
    for full in fits:
        root = node(full.key)
        mentions[root] += keys[full.key].mentions
        first.setdefault(root, full.key)
    if len(mentions) == 1:
        return next(iter(first.values()))
    if not mentions:
        return ""
    (best, count), *others = mentions.most_common()
    return first[best] if count >= DOMINANCE * sum(n for _, n in others) else ""


def _surname_fits(
    words: tuple[str, ...], by_last: Mapping[str, list[_FullName]], knowledge: NameKnowledge
) -> list[_FullName]:
    """Full names a surname form abbreviates: "macron", "le pen", "e macron", "di maio"."""
    initial = words[0] if len(words) >= 2 and len(words[0]) == 1 else ""
    surname = words[1:] if initial else words
    if not surname or not _surname_shaped(surname, knowledge):
        return []
    return [
        full
        for full in by_last.get(surname[-1], [])
        if len(full.words) > len(surname)
        and full.words[-len(surname) :] == surname
        and _given_part(full.plain[: -len(surname)], len(surname), knowledge)
        and full.words[0].startswith(initial)
    ]


def _given_part(given: tuple[str, ...], surname_words: int, knowledge: NameKnowledge) -> bool:
    """The words a surname leaves of a full name hold a given name: a one-word or particle
    surname needs any word that is no particle, a longer one given names only
    ("annegret" of Annegret Kramp-Karrenbauer)."""
    if not any(w not in knowledge.particles for w in given):
        return False
    return surname_words == 1 or all(w in knowledge.first_names for w in given[:1])


def _surname_shaped(surname: tuple[str, ...], knowledge: NameKnowledge) -> bool:
    """One word, particles then one word ("le pen", "von der leyen"), or words that are no
    given name ("kramp karrenbauer"): a name starting with a given name is a full name."""
    if surname[-1] in knowledge.particles:
        return False
    if all(w in knowledge.particles for w in surname[:-1]):
        return True
    return surname[0] not in knowledge.first_names and len(surname) <= 3


def _first_name_fits(
    words: tuple[str, ...], by_first: Mapping[str, list[_FullName]]
) -> list[_FullName]:
    """Full names a given name alone starts ("emmanuel" → "emmanuel macron")."""
    return [
        full
        for full in by_first.get(words[0], [])
        if len(full.words) > len(words) and full.words[: len(words)] == words
    ]


def _plausible(
    short: str, full: str, keys: Mapping[str, Facts], reason: str, knowledge: NameKnowledge
) -> bool:
    """Whether the short name may be that person.

    A word a particle stands before in the full name is a place the name derives from
    ("Pierre de Thonon", "Louis-Philippe d'Orléans": Thonon and Orléans are towns). A given
    name alone ("Eric, 40 ans, infographiste") is often someone else quoted by first name:
    it joins only a full name GIVEN_NAME_DOMINANCE times as mentioned. A name NER called a person
    joins its full name; one it never did joins only a full name that starts with a known
    given name and is not NAME_ONLY_RATIO times less mentioned ("Washington" named fifty
    times is not the George Washington named twice)."""
    facts = keys[short]
    words, size = full.split(), len(short.split())
    if reason == SURNAME and len(words) > size + 1 and words[-size - 1] in knowledge.particles:
        return False  # place-derived
    if reason == GIVEN_NAME:
        return keys[full].mentions >= GIVEN_NAME_DOMINANCE * facts.mentions
    if facts.type_votes.get(PERSON, 0) > 0:
        return True
    return (
        knowledge.starts_with_first_name(full)
        and keys[full].mentions * NAME_ONLY_RATIO >= facts.mentions
    )


def article_joins(keys: Mapping[str, Facts], knowledge: NameKnowledge) -> list[Join]:
    """A name and the same name after a definite article, of one type, are one actor:
    "Monde" → Le Monde, "Réunion" → La Réunion ("Verts" typed LOC stays apart from the
    party Les Verts)."""
    joins = []
    for key, facts in keys.items():
        words = key.split()
        if len(words) < 2 or words[0] not in knowledge.articles:
            continue
        bare = " ".join(words[1:])
        if bare in keys and _type_of(keys[bare]) == _type_of(facts):
            joins.append(Join(bare, key, "article"))
    return joins


def _type_of(facts: Facts) -> str:
    return facts.type_votes.most_common(1)[0][0] if facts.type_votes else ""
