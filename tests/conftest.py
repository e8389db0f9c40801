"""Shared fixtures: the real French pipeline (loaded once per session), sample paths, and
the stances a pipeline reads in a text."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from graph.clean import clean_text
from graph.entities import mentions_of
from graph.gazetteer import load_gazetteer
from graph.nlp import Pipelines
from graph.relations.stance import stances_of

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


@pytest.fixture(scope="session")
def en_nlp(pipelines: Pipelines):
    return pipelines.get("en")


def stance_triples(nlp: Language, text: str, lang: str) -> set[tuple[str, str, str]]:
    """(source, kind, target) of every stance read in a cleaned text, by label or name."""
    doc = nlp(clean_text(text, lang))
    gazetteer = load_gazetteer()
    return {
        (s.source.label or s.source.name, s.kind, s.target.label or s.target.name)
        for s in stances_of(doc, mentions_of(doc, lang, gazetteer), lang, gazetteer)
    }
