"""One node per real-world actor across articles: the corpus-wide merge rules.

Inside an article, graph.entities already joins a surname to the full name before it and
gives known actors their gazetteer id. Across the corpus, in this order:

1. the user's alias file: names in one [[merge]] group are one actor;
2. transliterations: two person names whose every word sounds the same once spelled the
   same way (Zelensky / Zelenskyy / Zelenski, Sergueï / Sergei Lavrov);
3. a surname alone, or an initial and a surname, joins the only full name in the corpus it
   can abbreviate ("Zelensky" → Volodymyr Zelensky; "Le Pen" stays alone when the corpus
   has Marine and Jean-Marie Le Pen);
4. an acronym joins the only organisation whose initials it spells (PS → Parti socialiste).

Names in one [[keep_apart]] group are never merged by rules 2–4. Pairs that look alike but
were not merged are reported as possible duplicates, for the user to confirm in the alias
file.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from graph.aliases import AliasRules
from graph.extract import ArticleExtraction
from graph.names import entity_key

#: Two names of one type this alike (difflib ratio), not merged, are possible duplicates.
DUPLICATE_SIMILARITY = 0.85
_GAZETTEER_ID = re.compile(r"(Q[0-9]+|ng:.+)")
_SPELLINGS = (("kh", "h"), ("gue", "ge"), ("gui", "gi"), ("ou", "u"), ("y", "i"), ("j", "i"))
_DOUBLED = re.compile(r"(.)\1+")
#: Each entity key with the name keys it was written as (itself included).
NameKeys = dict[str, set[str]]
_ACRONYM_FILLERS = frozenset(
    {"de", "du", "des", "la", "le", "les", "l", "d", "et", "pour", "en", "of", "the", "and", "for"}
)


@dataclass
class KeyFacts:
    """What the merge rules need to know of one entity key across the corpus: its types
    (votes in the order first met, which breaks ties), the names it was written as, and
    how many times it was mentioned."""

    type_votes: Counter[str] = field(default_factory=Counter)
    names: set[str] = field(default_factory=set)
    mentions: int = 0


@dataclass(frozen=True)
class Canonical:
    """Where every entity key goes, the labels the user chose, and what might be merged."""

    mapping: dict[str, str]
    labels: dict[str, str]
    possible_duplicates: tuple[tuple[str, str, str], ...]

    def __call__(self, key: str) -> str:
        return self.mapping.get(key, key)


def canonicalise(
    extractions: Sequence[ArticleExtraction], rules: AliasRules | None = None
) -> Canonical:
    """Apply the merge rules to every entity key of a corpus."""
    return canonicalise_keys(key_facts(extractions), rules)


def canonicalise_keys(keys: dict[str, KeyFacts], rules: AliasRules | None = None) -> Canonical:
    """Apply the merge rules to entity keys already tallied (in the order first met): the
    store tallies them in SQL, without reading the articles back."""
    rules = rules or AliasRules()
    names = _name_keys(keys)
    merger = _Merger(keys, rules, names)
    merger.apply_alias_file()
    merger.merge_transliterations()
    merger.merge_short_names()
    merger.merge_acronyms()
    mapping = merger.mapping()
    labels = _user_labels(names, mapping, rules)
    return Canonical(mapping, labels, tuple(_possible_duplicates(keys, mapping)))


def key_facts(extractions: Iterable[ArticleExtraction]) -> dict[str, KeyFacts]:
    """Every entity key of the extractions (mentions, then stance ends, article by
    article), in the order first met."""
    keys: dict[str, KeyFacts] = defaultdict(KeyFacts)
    for extraction in extractions:
        for mention in extraction.mentions:
            info = keys[mention.key]
            info.type_votes[mention.type] += 1
            info.names.add(mention.name)
            info.mentions += 1
        for stance in extraction.stances:
            for endpoint in (stance.source, stance.target):
                keys[endpoint.key].type_votes[endpoint.type] += 0
                keys[endpoint.key].names.add(endpoint.label or endpoint.name)
    return dict(keys)


def _type(info: KeyFacts) -> str:
    return info.type_votes.most_common(1)[0][0] if info.type_votes else ""


def skeleton(name_key: str) -> str:
    """A person's name spelled one way: "zelenskyy" and "zelenski" give the same skeleton.

    >>> skeleton("serguei lavrov") == skeleton("sergei lavrov")
    True
    """
    words = []
    for word in name_key.split():
        for written, spoken in _SPELLINGS:
            word = word.replace(written, spoken)
        words.append(_DOUBLED.sub(r"\1", word))
    return " ".join(words)


class _Merger:
    """Union-find over entity keys, refusing unions the user kept apart.

    Each root knows its members and the [[keep_apart]] groups their names are in, so a
    union costs a set intersection however many groups the alias file has, and merging
    the smaller set into the larger keeps the whole near-linear in the number of names.
    """

    def __init__(self, keys: dict[str, KeyFacts], rules: AliasRules, names: NameKeys) -> None:
        self.keys = keys
        self.rules = rules
        self.names = names
        self.parent = {key: key for key in keys}
        self.members: dict[str, set[str]] = {key: {key} for key in keys}
        self.apart: dict[str, set[int]] = {}
        for key in keys:
            groups = set().union(*(rules.apart_groups(name) for name in names[key]))
            if groups:
                self.apart[key] = groups

    def find(self, key: str) -> str:
        while self.parent[key] != key:
            self.parent[key] = self.parent[self.parent[key]]
            key = self.parent[key]
        return key

    def union(self, a: str, b: str, *, user: bool = False) -> None:
        root_a, root_b = self.find(a), self.find(b)
        if root_a == root_b or (not user and self._apart(root_a, root_b)):
            return
        if len(self.members[root_a]) < len(self.members[root_b]):
            root_a, root_b = root_b, root_a
        self.parent[root_b] = root_a
        self.members[root_a] |= self.members.pop(root_b)
        groups_b = self.apart.pop(root_b, set())
        if groups_b:
            self.apart.setdefault(root_a, set()).update(groups_b)

    def _apart(self, root_a: str, root_b: str) -> bool:
        """Whether a [[keep_apart]] group names someone of each side."""
        groups_a, groups_b = self.apart.get(root_a), self.apart.get(root_b)
        return bool(groups_a and groups_b and not groups_a.isdisjoint(groups_b))

    def apply_alias_file(self) -> None:
        """Join the keys written as any name of one [[merge]] group (found through an
        index of names, not by scanning every key for every group)."""
        holders: dict[str, list[str]] = defaultdict(list)
        for key, names in self.names.items():
            for name in names:
                holders[name].append(key)
        for group, _label in self.rules.merges:
            inside = [key for name in group for key in holders.get(name, ())]
            for other in inside[1:]:
                self.union(inside[0], other, user=True)

    def merge_transliterations(self) -> None:
        by_skeleton: dict[str, list[str]] = defaultdict(list)
        for key, info in self.keys.items():
            if _type(info) == "PER":
                by_skeleton[skeleton(key)].append(key)
        for same in by_skeleton.values():
            for other in same[1:]:
                self.union(same[0], other)

    def merge_short_names(self) -> None:
        """A surname alone (or initial + surname) joins the only full name it fits."""
        people = [k for k, info in self.keys.items() if _type(info) == "PER"]
        # Full names by their last word (as a skeleton): a short name is only compared with
        # those ending like it, so the cost stays linear in the number of names.
        by_surname: dict[str, list[tuple[str, list[str]]]] = defaultdict(list)
        for key in people:
            if len(key.split()) > 1 and len(key.split()[0]) > 1:
                words = skeleton(key).split()
                by_surname[words[-1]].append((key, words))
        for key in people:
            words = skeleton(key).split()
            initial = len(words) == 2 and len(words[0]) == 1
            if len(words) != 1 and not initial:
                continue
            fits = {
                self.find(f)
                for f, full in by_surname.get(words[-1], [])
                if f != key and _abbreviates(words, full)
            }
            if len(fits) == 1:
                self.union(fits.pop(), key)

    def merge_acronyms(self) -> None:
        organisations = [k for k, info in self.keys.items() if _type(info) == "ORG"]
        expansions: dict[str, set[str]] = defaultdict(set)
        for key in organisations:
            initials = _initials(key)
            if len(initials) >= 2:
                expansions[initials].add(key)
        for key in organisations:
            if " " in key or not any(n.isupper() for n in self.keys[key].names):
                continue
            fits = {self.find(k) for k in expansions.get(key, set()) if k != key}
            if len(fits) == 1:
                self.union(fits.pop(), key)

    def mapping(self) -> dict[str, str]:
        """Every key's node: its group's preferred key (keys in the order first met)."""
        chosen = {
            root: min(members, key=self._preference) for root, members in self.members.items()
        }
        return {key: chosen[self.find(key)] for key in self.keys}

    def _preference(self, key: str) -> tuple[bool, int, int, str]:
        """Gazetteer ids first, then the fullest name, then the most mentioned."""
        info = self.keys[key]
        return (not _GAZETTEER_ID.fullmatch(key), -len(key.split()), -info.mentions, key)


def _abbreviates(short: list[str], full: list[str]) -> bool:
    if len(short) == 1:
        return full[-1] == short[0]
    return full[-1] == short[1] and full[0].startswith(short[0])


def _initials(key: str) -> str:
    return "".join(word[0] for word in key.split() if word not in _ACRONYM_FILLERS)


def _name_keys(keys: dict[str, KeyFacts]) -> NameKeys:
    """Each key with the name keys it was written as, worked out once for every rule."""
    return {key: {key} | {entity_key(name) for name in info.names} for key, info in keys.items()}


def _user_labels(names: NameKeys, mapping: dict[str, str], rules: AliasRules) -> dict[str, str]:
    labels: dict[str, str] = {}
    for key, written in names.items():
        group = next((rules.merge_group(n) for n in written if rules.merge_group(n)), None)
        if group and group[1]:
            labels[mapping[key]] = group[1]
        for name in written:
            if name in rules.renames:
                labels[mapping[key]] = rules.renames[name]
    return labels


def _possible_duplicates(
    keys: dict[str, KeyFacts], mapping: dict[str, str]
) -> list[tuple[str, str, str]]:
    """Nodes of one type whose names look alike (same surname, or nearly the same
    spelling) but that the rules did not merge. Compared within buckets of the last word's
    first letters, so the cost stays near linear."""
    nodes = sorted({mapping[k] for k in keys})
    buckets: dict[tuple[str, str], list[str]] = defaultdict(list)
    for node in nodes:
        last = skeleton(node).split()[-1] if node.split() else node
        buckets[(_type(keys[node]), last[:3])].append(node)
    found = []
    for (type_, _), members in sorted(buckets.items()):
        for i, a in enumerate(members):
            for b in members[i + 1 :]:
                reason = _alike(a, b, type_)
                if reason:
                    found.append((a, b, reason))
    return found


def _alike(a: str, b: str, type_: str) -> str:
    if _GAZETTEER_ID.fullmatch(a) or _GAZETTEER_ID.fullmatch(b):
        return ""
    if type_ == "PER" and skeleton(a).split()[-1] == skeleton(b).split()[-1]:
        return "same surname"
    if SequenceMatcher(None, a, b).ratio() >= DUPLICATE_SIMILARITY:
        return "similar spelling"
    return ""
