"""Shared fixtures: the real French pipeline (loaded once per session) and sample paths."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.nlp import Pipelines

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples" / "articles"
SEED_ARTICLE = EXAMPLES / "000_d995332724150e88.txt"


@pytest.fixture(scope="session")
def pipelines() -> Pipelines:
    """The real spaCy pipelines (fr_core_news_md), loaded on first use and shared."""
    return Pipelines()


@pytest.fixture(scope="session")
def fr_nlp(pipelines: Pipelines):
    return pipelines.get("fr")
