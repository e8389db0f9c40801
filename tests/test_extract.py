"""Extraction batches: how articles are grouped for spaCy, and that grouping changes nothing."""

from __future__ import annotations

import pytest

from graph.articles import Article
from graph.extract import (
    PARSE_BATCH_CHARS,
    ExtractOptions,
    PreparedArticle,
    extract_batch,
    parse_groups,
    prepare_article,
)
from graph.gazetteer import load_gazetteer
from graph.nlp import Pipelines

from .test_scale_corpus import french_article


def test_a_group_holds_at_most_the_batch_size_in_articles() -> None:
    assert parse_groups(["court"] * 5, 2) == [[0, 1], [2, 3], [4]]


def test_a_group_holds_at_most_the_character_budget() -> None:
    texts = ["a" * 400, "b" * 400, "c" * 400]
    assert parse_groups(texts, 32, max_chars=1000) == [[0, 1], [2]]


def test_an_article_longer_than_the_budget_is_parsed_alone() -> None:
    texts = ["a" * 10, "b" * (PARSE_BATCH_CHARS + 1), "c" * 10]
    assert parse_groups(texts, 32) == [[0], [1], [2]]


def test_no_text_no_group() -> None:
    assert parse_groups([], 32) == []


@pytest.mark.slow
def test_the_extraction_is_the_same_whatever_the_batch(pipelines: Pipelines) -> None:
    items = []
    for number in range(12):
        prepared = prepare_article(Article(f"{number}.txt", french_article(number)), frozenset())
        assert isinstance(prepared, PreparedArticle)
        items.append(prepared)
    gazetteer = load_gazetteer()
    one_by_one = extract_batch(items, pipelines, ExtractOptions(batch_size=1), gazetteer)
    together = extract_batch(items, pipelines, ExtractOptions(batch_size=32), gazetteer)
    assert together == one_by_one
