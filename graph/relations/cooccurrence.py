"""Co-mention: two entities named in the same window (sentence, paragraph or article)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import combinations
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from graph.entities import Mention, Sentence

Window = Literal["sentence", "paragraph", "article"]
WINDOWS: tuple[Window, ...] = ("sentence", "paragraph", "article")
#: Joins the two sentences quoted as evidence when a window is wider than a sentence.
EVIDENCE_JOINER = " … "


@dataclass(frozen=True)
class CoMention:
    """Entities `a` < `b` (keys) share one window of `article`; `sentence` shows it, made of
    the sentences `first` to `last` (indices; equal when one sentence names both)."""

    a: str
    b: str
    article: str
    sentence: str
    first: int = 0
    last: int = 0


def co_mentions(
    article: str,
    sentences: Sequence[Sentence],
    mentions: Sequence[Mention],
    window: Window = "sentence",
) -> Iterator[CoMention]:
    """Each pair of distinct entities once per window in which both are mentioned.

    >>> from graph.entities import Mention, Sentence
    >>> s = [Sentence(0, 0, 0, 30, "Lavrov a rencontré Choe Son Hui.")]
    >>> m = [Mention("Lavrov", "lavrov", "PER", 0, 0, 6, "Lavrov"),
    ...      Mention("Choe Son Hui", "choe son hui", "PER", 0, 19, 31, "Choe Son Hui")]
    >>> [(c.a, c.b) for c in co_mentions("a.txt", s, m)]
    [('choe son hui', 'lavrov')]
    """
    if window not in WINDOWS:
        raise ValueError(f"unknown co-mention window {window!r}; choose one of {WINDOWS}")
    for group in _windows(sentences, mentions, window).values():
        first_sentence: dict[str, int] = {}
        for mention in group:
            first_sentence.setdefault(mention.key, mention.sentence)
        for a, b in combinations(sorted(first_sentence), 2):
            low, high = sorted((first_sentence[a], first_sentence[b]))
            yield CoMention(a, b, article, _evidence(sentences, low, high), low, high)


def _windows(
    sentences: Sequence[Sentence], mentions: Sequence[Mention], window: Window
) -> dict[int, list[Mention]]:
    groups: dict[int, list[Mention]] = {}
    for mention in mentions:
        if window == "sentence":
            group = mention.sentence
        elif window == "paragraph":
            group = sentences[mention.sentence].paragraph
        else:
            group = 0
        groups.setdefault(group, []).append(mention)
    return groups


def _evidence(sentences: Sequence[Sentence], first: int, second: int) -> str:
    if first == second:
        return sentences[first].text
    low, high = sorted((first, second))
    return sentences[low].text + EVIDENCE_JOINER + sentences[high].text
