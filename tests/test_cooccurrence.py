"""Co-mentions: counted once per window, with evidence."""

from __future__ import annotations

import pytest

from graph.entities import Mention, Sentence, entity_key
from graph.relations.cooccurrence import EVIDENCE_JOINER, co_mentions

SENTENCES = [
    Sentence(0, 0, 0, 40, "Lavrov a rencontré Choe Son Hui à Moscou."),
    Sentence(1, 0, 41, 80, "Lavrov a remercié Pyongyang."),
    Sentence(2, 1, 81, 120, "Zelensky a déploré la zéro réaction."),
]


def _m(name: str, sentence: int) -> Mention:
    return Mention(name, entity_key(name), "PER", sentence, 0, len(name), name)


MENTIONS = [
    _m("Lavrov", 0),
    _m("Choe Son Hui", 0),
    _m("Moscou", 0),
    _m("Lavrov", 0),
    _m("Lavrov", 1),
    _m("Pyongyang", 1),
    _m("Zelensky", 2),
]


def _pairs(window: str) -> list[tuple[str, str]]:
    return [(c.a, c.b) for c in co_mentions("a.txt", SENTENCES, MENTIONS, window)]  # type: ignore[arg-type]


def test_sentence_window_pairs_each_entity_once_per_sentence() -> None:
    assert _pairs("sentence") == [
        ("choe son hui", "lavrov"),
        ("choe son hui", "moscou"),
        ("lavrov", "moscou"),
        ("lavrov", "pyongyang"),
    ]


def test_paragraph_window_pairs_across_sentences_of_a_paragraph() -> None:
    pairs = _pairs("paragraph")
    assert ("choe son hui", "pyongyang") in pairs
    assert not any("zelensky" in pair for pair in pairs)
    assert len(pairs) == len(set(pairs)) == 6


def test_article_window_pairs_everything_once() -> None:
    assert len(_pairs("article")) == 10  # 5 distinct entities → 5·4/2 pairs


def test_evidence_is_the_sentence_or_both_sentences() -> None:
    by_pair = {
        (c.a, c.b): c.sentence for c in co_mentions("a.txt", SENTENCES, MENTIONS, "paragraph")
    }
    assert by_pair[("choe son hui", "lavrov")] == SENTENCES[0].text
    assert (
        by_pair[("choe son hui", "pyongyang")]
        == SENTENCES[0].text + EVIDENCE_JOINER + SENTENCES[1].text
    )


def test_unknown_window_is_refused() -> None:
    with pytest.raises(ValueError, match="window"):
        list(co_mentions("a.txt", SENTENCES, MENTIONS, "page"))  # type: ignore[arg-type]
