"""The type of an actor decided by the whole corpus, not by one NER guess.

spaCy calls "Macron" a place in one sentence and an organisation in the next; across a
corpus the evidence is clearer: a name that starts with a known given name is a person, a
surname that ends a person's full name is that person, and what is left is decided by the
votes of all the mentions. The given names (with their usual gender) are language data:
`graph/data/common/first_names.tsv`.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache

from graph.langdata import COMMON, data_lines

PERSON = "PER"
#: Node ids given by the gazetteer: their type is the gazetteer's, never re-decided here.
GAZETTEER_ID = re.compile(r"(Q[0-9]+|ng:.+)")
MASCULINE, FEMININE, EITHER = "m", "f", "x"


@dataclass(frozen=True)
class NameKnowledge:
    """What the corpus-level rules know of names: given names and their gender, and the
    particles that belong to surnames ("le" of Le Pen, "di" of Di Maio)."""

    first_names: Mapping[str, str]
    particles: frozenset[str]
    #: Articles a name may be written with or without ("le monde" / "monde").
    articles: frozenset[str] = frozenset()

    def is_first_name(self, word: str) -> bool:
        """Whether a key word is a given name ("emmanuel"; "jean luc" is two words)."""
        return word in self.first_names

    def gender(self, key: str) -> str:
        """The usual gender of the person a full-name key names ("" when unknown): the
        gender of its first word, or of its first two ("marie france")."""
        words = key.split()
        if len(words) < 2:
            return ""
        two = " ".join(words[:2])
        if len(words) > 2 and two in self.first_names:
            return self.first_names[two]
        return self.first_names.get(words[0], "")

    def starts_with_first_name(self, key: str) -> bool:
        """A name of two words or more whose first word is a given name: a person's name
        ("emmanuel macron"), whatever NER made of it."""
        words = key.split()
        return len(words) >= 2 and words[0] in self.first_names and key not in self.first_names


@cache
def name_knowledge() -> NameKnowledge:
    """The name data shipped with the package (read once)."""
    first_names: dict[str, str] = {}
    for line in data_lines(COMMON, "first_names.tsv"):
        name, _, gender = line.partition("\t")
        if name != "name" and gender in (MASCULINE, FEMININE, EITHER):
            first_names[name] = gender
    particles = frozenset(
        data_lines(COMMON, "name_particles.txt") + data_lines(COMMON, "elided_particles.txt")
    )
    articles = frozenset(data_lines(COMMON, "leading_articles.txt"))
    return NameKnowledge(first_names, particles, articles)


def key_type(key: str, votes: Counter[str], knowledge: NameKnowledge) -> str:
    """One key's type: PER when it starts with a given name, else its most voted type
    (the first met among equals).

    >>> key_type("emmanuel macron", Counter({"LOC": 2, "PER": 1}), name_knowledge())
    'PER'
    """
    if not GAZETTEER_ID.fullmatch(key) and knowledge.starts_with_first_name(key):
        return PERSON
    return votes.most_common(1)[0][0] if votes else ""


def group_type(
    members: Iterable[str], votes: Mapping[str, Counter[str]], knowledge: NameKnowledge
) -> str:
    """The type of a node merged from `members`: a person as soon as one member is a full
    person name (a surname typed LOC joined to it does not make the person a place),
    else the type most voted over all the members.

    >>> votes = {"macron": Counter({"LOC": 40}), "emmanuel macron": Counter({"PER": 9})}
    >>> group_type(["macron", "emmanuel macron"], votes, name_knowledge())
    'PER'
    """
    members = list(members)
    gazetteer = [m for m in members if GAZETTEER_ID.fullmatch(m)]
    if gazetteer:
        return key_type(gazetteer[0], votes.get(gazetteer[0], Counter()), knowledge)
    if any(_full_person_name(m, votes.get(m, Counter()), knowledge) for m in members):
        return PERSON
    total: Counter[str] = Counter()
    for member in members:
        total.update(votes.get(member, Counter()))
    return total.most_common(1)[0][0] if total else ""


def _full_person_name(key: str, votes: Counter[str], knowledge: NameKnowledge) -> bool:
    """A key of two words or more that the corpus types PER."""
    return len(key.split()) >= 2 and key_type(key, votes, knowledge) == PERSON
