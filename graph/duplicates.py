"""Possible duplicates worth reading: look-alike nodes ranked by the evidence they share.

The merge rules leave apart what they cannot prove one actor ("Le Pen" when two Le Pens fit).
Such pairs are listed for the user to confirm in an alias file, most likely first, each with
the evidence that makes it likely:

- name containment: one name is the other's surname or given name ("Le Pen" / "Marine Le
  Pen"), or the same surname under compatible given names ("E. Macron" / "Emmanuel Macron");
  two people's full names under different given names are never listed (the Sandler
  brothers are three people);
- shared neighbours: the two are mentioned with the same actors;
- shared articles;
- a type conflict: a name NER typed LOC or ORG beside a person of the same name is one of
  NER's usual mistakes, not a second actor.

A pair whose likeness is not a part of a person's name (the spelling: "Macon" / "Macron",
or a part of another organisation's name) needs shared neighbours or articles to be
listed, and to be of one type; names carrying digits ("Damian Penaud 4") or of more than
MAX_WORDS words (scraping junk) never are.
Works on the assembled graph, so the store and memory give the same list.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

import networkx as nx

from graph.entity_types import GAZETTEER_ID, PERSON, NameKnowledge, name_knowledge
from graph.resolve import sounded

#: Two names this alike (difflib ratio) are compared for shared evidence.
SIMILAR_SPELLING = 0.85
#: Evidence weights: a name contained in another counts most, then the type conflict,
#: then the share of neighbours in common (0–1) and each shared article (up to a cap).
CONTAINMENT_WEIGHT = 3.0
OTHER_CONTAINMENT_WEIGHT = 0.5
TYPE_CONFLICT_WEIGHT = 1.5
NEIGHBOUR_WEIGHT = 4.0
ARTICLE_WEIGHT = 0.25
#: Neighbours added to every union, so that one shared neighbour of two barely connected
#: nodes does not count as much as fifty of two hubs.
NEIGHBOUR_PRIOR = 5
ARTICLE_CAP = 8
#: Nodes compared within one bucket at most (the most mentioned): bounds the cost.
BUCKET_CAP = 200
#: Longer "names" are scraping junk (a tweet glued to a name), never listed.
MAX_WORDS = 6
SURNAME_OF = "surname of the other"
_DIGIT = re.compile(r"[0-9]")


@dataclass(frozen=True)
class Duplicate:
    """Two nodes that may be one actor, how likely (`score`) and why."""

    a: str
    b: str
    score: float
    reason: str

    def as_dict(self) -> dict[str, object]:
        """The graph.json form: `{a, b, reason, score}`."""
        return {"a": self.a, "b": self.b, "reason": self.reason, "score": round(self.score, 2)}


def ranked_duplicates(graph: nx.MultiDiGraph) -> list[Duplicate]:
    """Look-alike node pairs of `graph`, most likely duplicates first.

    >>> g = nx.MultiDiGraph()
    >>> g.add_node("macron", type="LOC", articles=["a"], mentions=3)
    >>> g.add_node("emmanuel macron", type="PER", articles=["b"], mentions=9)
    >>> [d.reason for d in ranked_duplicates(g)]
    ['surname of the other; types LOC/PER']
    """
    knowledge = name_knowledge()
    neighbours = {node: set(nx.all_neighbors(graph, node)) for node in graph}
    words_of = {
        node: tuple(sounded(w) for w in node.split())
        for node in graph
        if _comparable(node, knowledge)
    }
    found = []
    for a, b in _candidates(graph, words_of):
        duplicate = _judged(graph, neighbours, (a, words_of[a]), (b, words_of[b]), knowledge)
        if duplicate is not None:
            found.append(duplicate)
    return sorted(_shared_surnames(found), key=lambda d: (-d.score, d.a, d.b))


def _shared_surnames(found: list[Duplicate]) -> list[Duplicate]:
    """A surname that fits several full names is one of them at most: the containment
    counts for each in proportion ("Horne" / Peter Horne, "Horne" / Matt Horne)."""
    fits: Counter[str] = Counter()
    for duplicate in found:
        if duplicate.reason.startswith(SURNAME_OF):
            fits[min(duplicate.a, duplicate.b, key=len)] += 1
    shared = []
    for duplicate in found:
        count = fits[min(duplicate.a, duplicate.b, key=len)]
        if duplicate.reason.startswith(SURNAME_OF) and count > 1:
            score = duplicate.score - CONTAINMENT_WEIGHT * (1 - 1 / count)
            duplicate = Duplicate(duplicate.a, duplicate.b, score, duplicate.reason)
        shared.append(duplicate)
    return shared


def _candidates(
    graph: nx.MultiDiGraph, words_of: dict[str, tuple[str, ...]]
) -> Iterable[tuple[str, str]]:
    """Pairs worth comparing, found without comparing all pairs: one name's words (as
    sounded) start or end the other's (looked up, linear), or the two share their last word
    or, of one type, its first letters (compared within buckets of at most BUCKET_CAP)."""
    by_words: dict[tuple[str, ...], list[str]] = defaultdict(list)
    buckets: dict[tuple[str, str], list[str]] = defaultdict(list)
    for node, words in words_of.items():
        by_words[words].append(node)
        buckets[("", words[-1])].append(node)
        buckets[(graph.nodes[node].get("type", "") or "?", words[-1][:3])].append(node)
    seen: set[tuple[str, str]] = set()
    for node, words in words_of.items():
        parts = [words[k:] for k in range(1, len(words))] + [
            words[:k] for k in range(1, len(words))
        ]
        for other in (o for part in parts for o in by_words.get(part, ())):
            yield from _new_pair(node, other, seen)
    for members in buckets.values():
        members = sorted(members, key=lambda n: (-graph.nodes[n].get("mentions", 0), n))
        members = members[:BUCKET_CAP]
        for i, a in enumerate(members):
            for b in members[i + 1 :]:
                yield from _new_pair(a, b, seen)


def _comparable(node: str, knowledge: NameKnowledge) -> bool:
    """Not a gazetteer id, nor junk: digits, too many words, names glued together."""
    words = node.split()
    if GAZETTEER_ID.fullmatch(node) or _DIGIT.search(node) or not 0 < len(words) <= MAX_WORDS:
        return False
    return not _glued(words, knowledge)


def _new_pair(a: str, b: str, seen: set[tuple[str, str]]) -> Iterable[tuple[str, str]]:
    pair = (min(a, b), max(a, b))
    if a != b and pair not in seen:
        seen.add(pair)
        yield pair


def _judged(
    graph: nx.MultiDiGraph,
    neighbours: dict[str, set[str]],
    first: tuple[str, tuple[str, ...]],
    second: tuple[str, tuple[str, ...]],
    knowledge: NameKnowledge,
) -> Duplicate | None:
    """The pair (each node with its sounded words) with its evidence, or None when the
    names are not alike enough."""
    (a, sounded_a), (b, sounded_b) = first, second
    types = sorted({graph.nodes[a].get("type", ""), graph.nodes[b].get("type", "")})
    likeness, score = _name_likeness((a.split(), sounded_a), (b.split(), sounded_b), knowledge)
    if not likeness:
        return None
    shared = (neighbours[a] & neighbours[b]) - {a, b}
    union = (neighbours[a] | neighbours[b]) - {a, b}
    articles = set(graph.nodes[a].get("articles", ())) & set(graph.nodes[b].get("articles", ()))
    if score < CONTAINMENT_WEIGHT and ((not shared and not articles) or len(types) == 2):
        return None  # "Paris" / "parquet de Paris": a place and an institution in it
    reasons = [likeness]
    if shared:
        score += NEIGHBOUR_WEIGHT * len(shared) / (len(union) + NEIGHBOUR_PRIOR)
        reasons.append(f"{len(shared)} shared neighbours")
    if articles:
        score += ARTICLE_WEIGHT * min(len(articles), ARTICLE_CAP)
        reasons.append(f"{len(articles)} shared articles")
    if len(types) == 2 and PERSON in types and score >= CONTAINMENT_WEIGHT:
        score += TYPE_CONFLICT_WEIGHT
        reasons.append("types " + "/".join(types))
    return Duplicate(a, b, score, "; ".join(reasons))


def _name_likeness(
    first: tuple[list[str], tuple[str, ...]],
    second: tuple[list[str], tuple[str, ...]],
    knowledge: NameKnowledge,
) -> tuple[str, float]:
    """How two names (key words) are alike, and what that alone is worth. A part of a
    person's name (the longer name starts with a given name) counts most; two full names
    under different given names are two people ("Marine Le Pen" / "Jean-Marie Le Pen"), not
    alike at all; other containments and spellings count only with shared evidence."""
    (short, sa), (long, sl) = (
        (first, second) if len(first[0]) <= len(second[0]) else (second, first)
    )
    a, b = first[0], second[0]
    person = knowledge.starts_with_first_name(" ".join(long))
    if _without_determiner(short, knowledge) == _without_determiner(long, knowledge):
        return "same name but a determiner", CONTAINMENT_WEIGHT
    if len(sa) < len(sl) and sl[-len(sa) :] == sa:
        place_derived = long[-len(short) - 1] in knowledge.particles  # "Pierre de Thonon"
        if person and " ".join(short) not in knowledge.first_names and not place_derived:
            return SURNAME_OF, CONTAINMENT_WEIGHT
        return "end of the other", OTHER_CONTAINMENT_WEIGHT
    if len(sa) < len(sl) and sl[: len(sa)] == sa:
        if person and " ".join(short) in knowledge.first_names:
            # a given name fits many people: it needs shared evidence, like a spelling
            return "given name of the other", OTHER_CONTAINMENT_WEIGHT
        return "start of the other", OTHER_CONTAINMENT_WEIGHT
    if person and len(sa) > 1 and sa[-1] == sl[-1]:
        if _compatible_given(sa[:-1], sl[:-1]):
            return "same surname, compatible given names", CONTAINMENT_WEIGHT
        return "", 0.0
    if _similar(" ".join(a), " ".join(b)):
        return "similar spelling", 0.0
    return "", 0.0


def _similar(a: str, b: str) -> bool:
    """difflib's ratio ≥ SIMILAR_SPELLING, its cheap upper bounds tried first."""
    matcher = SequenceMatcher(None, a, b)
    return (
        matcher.real_quick_ratio() >= SIMILAR_SPELLING
        and matcher.quick_ratio() >= SIMILAR_SPELLING
        and matcher.ratio() >= SIMILAR_SPELLING
    )


def _without_determiner(words: list[str], knowledge: NameKnowledge) -> list[str]:
    """A name's words without a leading article ("le journal du dimanche")."""
    return words[1:] if len(words) > 1 and words[0] in knowledge.articles else words


def _glued(words: list[str], knowledge: NameKnowledge) -> bool:
    """Two names glued into one span ("Paul Pogba-Antoine Griezmann", "Briton Nathan
    Wheat"): a given name after a word that is no given name."""
    return any(
        w in knowledge.first_names and words[i - 1] not in knowledge.first_names
        for i, w in enumerate(words)
        if i > 0
    )


def _compatible_given(a: Sequence[str], b: Sequence[str]) -> bool:
    """Given names that may be one person's: "e" / "emmanuel", "jean" / "jean marie"."""
    if not a or not b:
        return False
    return all(x.startswith(y) or y.startswith(x) for x, y in zip(a, b, strict=False))
