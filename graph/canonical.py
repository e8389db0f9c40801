"""One node per real-world actor across articles: the corpus-wide merge rules.

Inside an article, graph.entities already joins a surname to the full name before it and
gives known actors their gazetteer id. Across the corpus, in this order:

1. the user's alias file: names in one [[merge]] group are one actor;
2. transliterations: two person names whose every word sounds the same once spelled the
   same way (Zelensky / Zelenskyy / Zelenski, Sergueï / Sergei Lavrov);
3. a surname alone (with its particle or an initial), a given name alone, or a longer form
   of a full name joins the only full name in the corpus it fits, whatever type NER gave
   it ("Macron" typed LOC → Emmanuel Macron; "Le Pen" stays alone when Marine and
   Jean-Marie Le Pen are named about as often: graph.resolve);
4. an acronym joins its known expansion, or the only organisation whose initials it spells
   (PS → Parti socialiste; RIC stays the referendum: graph.acronyms).

Names in one [[keep_apart]] group are never merged by rules 2–4. A person's type is
decided by all the keys of its node (graph.entity_types). Look-alikes left apart are ranked
as possible duplicates on the assembled graph (graph.duplicates), for the user to confirm
in the alias file.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from graph.acronyms import acronym_joins, known_acronyms
from graph.aliases import AliasRules, Reject
from graph.entity_types import NameKnowledge, group_type, key_type, name_knowledge
from graph.extract import ArticleExtraction
from graph.names import entity_key
from graph.resolve import LONGER_FORM, article_joins, short_name_joins, sounded

#: Two names of one type this alike (difflib ratio), not merged, are possible duplicates.
DUPLICATE_SIMILARITY = 0.85
_GAZETTEER_ID = re.compile(r"(Q[0-9]+|ng:.+)")
#: Each entity key with the name keys it was written as (itself included).
NameKeys = dict[str, set[str]]


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
    """Where every entity key goes, the labels the user chose (or the plain name of a node
    that absorbed longer forms of it), and the type of every merged node decided by all its
    keys (graph.entity_types). Possible duplicates are ranked on the graph
    (graph.duplicates), where shared neighbours and articles are known."""

    mapping: dict[str, str]
    labels: dict[str, str]
    types: dict[str, str] = field(default_factory=dict)
    #: The edges the user marked wrong ([[reject]] in the alias file), dropped by build.
    rejects: tuple[Reject, ...] = ()

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
    labels = {**merger.plain_labels(), **_user_labels(names, mapping, rules)}
    return Canonical(mapping, labels, merger.node_types(), rules.rejects)


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
    return " ".join(sounded(word) for word in name_key.split())


class _Merger:
    """Union-find over entity keys, refusing unions the user kept apart.

    Each root knows its members and the [[keep_apart]] groups their names are in, so a
    union costs a set intersection however many groups the alias file has, and merging
    the smaller set into the larger keeps the whole near-linear in the number of names.
    """

    def __init__(
        self,
        keys: dict[str, KeyFacts],
        rules: AliasRules,
        names: NameKeys,
        knowledge: NameKnowledge | None = None,
    ) -> None:
        self.keys = keys
        self.rules = rules
        self.names = names
        self.knowledge = knowledge or name_knowledge()
        self.longer_forms: set[str] = set()
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
            if key_type(key, info.type_votes, self.knowledge) == "PER":
                by_skeleton[skeleton(key)].append(key)
        for same in by_skeleton.values():
            for other in same[1:]:
                self.union(same[0], other)

    def merge_short_names(self) -> None:
        """A surname or a given name alone joins the only full name it fits, whatever
        type NER gave it (graph.resolve)."""
        for join in article_joins(self.keys, self.knowledge):
            self.union(join.full, join.short)
        for join in short_name_joins(self.keys, self.find, self.knowledge):
            self.union(join.full, join.short)
            if join.reason == LONGER_FORM:
                self.longer_forms.add(join.short)

    def merge_acronyms(self) -> None:
        """An acronym joins its known expansion, or the only organisation spelling it
        (graph.acronyms)."""
        types = {key: _type(info) for key, info in self.keys.items()}
        names = {key: info.names for key, info in self.keys.items()}
        for join in acronym_joins(self.keys, names, types, self.find, known_acronyms()):
            self.union(join.full, join.short)

    def mapping(self) -> dict[str, str]:
        """Every key's node: its group's preferred key (keys in the order first met)."""
        chosen = {
            root: min(members, key=self._preference) for root, members in self.members.items()
        }
        return {key: chosen[self.find(key)] for key in self.keys}

    def node_types(self) -> dict[str, str]:
        """Each merged node's type, decided by all its keys (graph.entity_types)."""
        votes = {key: info.type_votes for key, info in self.keys.items()}
        types = {}
        for members in self.members.values():
            if len(members) > 1 or self.knowledge.starts_with_first_name(next(iter(members))):
                # In the order of preference, not the set's: its order follows the string
                # hash, which changes from run to run, and decided ties between types.
                ordered = sorted(members, key=self._preference)
                types[ordered[0]] = group_type(ordered, votes, self.knowledge)
        return types

    def plain_labels(self) -> dict[str, str]:
        """The node's own name as label where longer forms of it were merged in (the
        most-words rule of the label would pick "RIC di Ingrid Levavasseur")."""
        labels = {}
        for form in self.longer_forms:
            node = min(self.members[self.find(form)], key=self._preference)
            names = sorted(n for n in self.keys[node].names if entity_key(n) == node)
            if names:
                labels[node] = names[-1]
        return labels

    def _preference(self, key: str) -> tuple[bool, bool, int, int, str]:
        """Gazetteer ids first, then the fullest name (not one with words glued before
        it: "RIC di Ingrid Levavasseur"), then the most mentioned."""
        info = self.keys[key]
        return (
            not _GAZETTEER_ID.fullmatch(key),
            key in self.longer_forms,
            -len(key.split()),
            -info.mentions,
            key,
        )


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
