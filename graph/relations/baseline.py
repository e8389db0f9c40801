"""The simple stance baseline the extractor is measured against: any cue verb in a sentence
links the sentence's first and last entity. Crude on purpose (word-stem matching, no syntax)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from graph.extract import ArticleExtraction
from graph.relations.actors import Endpoint
from graph.relations.lexicon import load_lexicon
from graph.relations.stance import Stance

_WORD = re.compile(r"\w+", re.UNICODE)
#: Letters dropped from a verb's lemma to get the stem its forms start with.
_ENDING = 2
_MIN_STEM = 3


def baseline_stances(extraction: ArticleExtraction) -> Iterator[Stance]:
    """First entity → last entity of every sentence that contains a cue verb's form."""
    stems = _stems(extraction.article.lang)
    for sentence in extraction.sentences:
        mentions = [m for m in extraction.mentions if m.sentence == sentence.index]
        if len({m.key for m in mentions}) < 2:
            continue
        kind = _cue_kind(sentence.text, stems)
        if kind is None:
            continue
        first, last = mentions[0], mentions[-1]
        if first.key != last.key:
            yield Stance(kind, _endpoint(first), _endpoint(last), sentence.index, "")


def _stems(lang: str) -> list[tuple[str, str]]:
    verbs = load_lexicon(lang).verbs
    return [
        (lemma[:-_ENDING].casefold() if len(lemma) - _ENDING >= _MIN_STEM else lemma, cue.kind)
        for lemma, cue in verbs.items()
    ]


def _cue_kind(text: str, stems: list[tuple[str, str]]) -> str | None:
    for word in _WORD.findall(text.casefold()):
        for stem, kind in stems:
            if word.startswith(stem):
                return kind
    return None


def _endpoint(mention) -> Endpoint:  # type: ignore[no-untyped-def]
    return Endpoint(mention.key, mention.name, mention.type, mention.canonical)
