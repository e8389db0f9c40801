"""Role descriptions kept as a person's aliases only when they can be that person.

Inside an article, "la ministre des Outre-mer" or "le président français" is resolved to a
person named before it; the resolution is sometimes wrong (Castaner ← "la ministre des
Outre-mer", Donald Trump ← "le président français"). Across the corpus, a description stays
an alias of a person only when

- its gender agrees with the person's given name (`data/<lang>/description_gender.tsv`,
  `data/common/first_names.tsv`) and it is not plural ("les ministres");
- it is matched to that person in at least as many articles as to everyone else together:
  a description matched in fewer articles than it contradicts is a wrong resolution. This
  holds for a qualified role ("le président français"), one person at a time, not a bare
  role noun ("le président"), which each article's president may be. Articles are counted
  (graph.build passes each name's articles): a resolution repeated in one article is one
  piece of evidence.

The mention still counts for the article's co-mentions; the alias, and its count in the
node's mentions, are dropped.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache

from graph.entity_types import FEMININE, MASCULINE, NameKnowledge
from graph.langdata import data_lines, data_words
from graph.names import entity_key

PLURAL = "p"
_LANGS = ("fr", "en")


@dataclass(frozen=True)
class DescriptionWords:
    """Words of a description that tell the gender or the plural of who it describes."""

    gender_of: Mapping[str, str]
    #: Determiners and prepositions a description may open with, capitalised at the start
    #: of a sentence ("Le président français").
    openers: frozenset[str] = frozenset()

    def core(self, description: str) -> str:
        """The description without the determiners and prepositions before it, as a key:
        "avec le président français" and "Le président français" are one description."""
        parts = entity_key(description).split()
        while parts and parts[0] in self.openers:
            parts.pop(0)
        return " ".join(parts)

    def agreement(self, description: str) -> str:
        """m, f, p (plural) or "" (unknown) for a description's words, the first that
        tells winning ("l'ancienne ministre" → f)."""
        for word in entity_key(description).split():
            if word in self.gender_of:
                return self.gender_of[word]
        return ""


@cache
def description_words() -> DescriptionWords:
    """The gendered words of every language shipped (read once)."""
    gender_of: dict[str, str] = {}
    for lang in _LANGS:
        for line in data_lines(lang, "description_gender.tsv"):
            word, _, gender = line.partition("\t")
            if word != "word" and gender in (MASCULINE, FEMININE, PLURAL):
                gender_of.setdefault(entity_key(word), gender)
    openers = frozenset(
        w.rstrip("'") for lang in _LANGS for w in data_words(lang, "strip_words.txt")
    )
    return DescriptionWords(gender_of, openers)


def is_description(name: str, knowledge: NameKnowledge, words: DescriptionWords) -> bool:
    """A role description, not a name: its first word that is no name particle is in
    lower case ("la ministre des Outre-mer", not "von der Leyen"), or it opens with a
    capitalised
    determiner before a lower-case word ("Le président français", not "Le Pen")."""
    parts = name.split()
    if not parts:
        return False
    if parts[0][:1].islower():
        head = next((p for p in parts if entity_key(p) not in knowledge.particles), "")
        return head[:1].islower()
    opener = parts[0].casefold().split("'")[0].split("’")[0]
    rest = parts[0].split("'", 1)[1:] + parts[1:] if "'" in parts[0] else parts[1:]
    return opener in words.openers and bool(rest) and rest[0][:1].islower()


def wrong_descriptions(
    names: Mapping[str, Counter[str]],
    persons: set[str],
    knowledge: NameKnowledge,
    words: DescriptionWords,
) -> dict[str, set[str]]:
    """Per person node, the descriptions among its `names` (name → articles it was
    matched in, or mentions) to drop.

    >>> from graph.entity_types import name_knowledge
    >>> names = {"christophe castaner": Counter({"la ministre des Outre-mer": 1})}
    >>> wrong_descriptions(names, {"christophe castaner"}, name_knowledge(), description_words())
    {'christophe castaner': {'la ministre des Outre-mer'}}
    """
    matched: Counter[str] = Counter()
    for node in persons:
        for name, count in names.get(node, Counter()).items():
            if is_description(name, knowledge, words):
                matched[words.core(name)] += count
    dropped: dict[str, set[str]] = defaultdict(set)
    for node in persons:
        gender = knowledge.gender(node)
        for name, count in names.get(node, Counter()).items():
            if not is_description(name, knowledge, words):
                continue
            core = words.core(name)
            outvoted = len(core.split()) > 1 and count < matched[core] - count
            if _disagrees(gender, words.agreement(name)) or outvoted:
                dropped[node].add(name)
    return dict(dropped)


def _disagrees(gender: str, agreement: str) -> bool:
    """A plural description, or one of the other gender than the person's given name."""
    if agreement == PLURAL:
        return True
    genders = (MASCULINE, FEMININE)
    return gender in genders and agreement in genders and agreement != gender
