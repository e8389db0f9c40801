"""The corpus as it was prepared last time (cleaned, its language chosen), kept in the store
so that rebuilding the same inputs neither looks for boilerplate nor cleans again.

Finding boilerplate needs every article of the corpus, and cleaning runs some twenty regular
expressions over every line: on 1,000 bulk articles, about 3 s of CPU, more than the rest of
an unchanged rebuild together. What preparing gives depends only on the articles as read
(in their order, since boilerplate is counted over the corpus) and on the package's code
and language data, so a digest of those names the result: the same digest, the same
preparation. One preparation is kept (the last corpus built), so the table stays the size
of a corpus's cleaned text.

>>> prepared = prepare_corpus(corpus, store)  # doctest: +SKIP
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import astuple
from typing import TYPE_CHECKING

from graph.articles import Article, Corpus, Skipped
from graph.clean import find_boilerplate
from graph.extract import PreparedArticle, package_digest, prepare_article

if TYPE_CHECKING:
    import duckdb

    from graph.store import ExtractionStore

TABLE = "CREATE TABLE IF NOT EXISTS preparations (corpus VARCHAR PRIMARY KEY, data VARCHAR)"


def prepare_corpus(corpus: Corpus, store: ExtractionStore) -> list[PreparedArticle | Skipped]:
    """Each article cleaned and its language chosen, or why not, in corpus order: as `store`
    kept it for the same articles, else prepared now (and kept)."""
    digest = corpus_digest(corpus.articles)
    kept = store.prepared(digest, corpus.articles)
    if kept is not None:
        return kept
    boilerplate = find_boilerplate(article.text for article in corpus.articles)
    outcomes = [prepare_article(article, boilerplate) for article in corpus.articles]
    store.record_prepared(digest, outcomes)
    return outcomes


def corpus_digest(articles: Sequence[Article]) -> str:
    """A digest of the articles as read, in order, and of the package that prepares them."""
    made_of = [package_digest(), [astuple(article) for article in articles]]
    return hashlib.sha256(json.dumps(made_of).encode("ascii")).hexdigest()


def read_prepared(
    db: duckdb.DuckDBPyConnection, digest: str, articles: Sequence[Article]
) -> list[PreparedArticle | Skipped] | None:
    """The preparation of `articles` kept under `digest`, in their order, or None."""
    row = db.execute("SELECT data FROM preparations WHERE corpus = ?", [digest]).fetchone()
    if row is None:
        return None
    rows = json.loads(row[0])
    if len(rows) != len(articles):
        return None
    return [_decode(article, data) for article, data in zip(articles, rows, strict=True)]


def record_prepared(
    db: duckdb.DuckDBPyConnection, digest: str, outcomes: Sequence[PreparedArticle | Skipped]
) -> None:
    """Keep the preparation of a corpus under `digest`, in place of any other."""
    data = json.dumps([_encode(outcome) for outcome in outcomes])
    db.execute("DELETE FROM preparations WHERE corpus <> ?", [digest])
    db.execute("INSERT OR REPLACE INTO preparations VALUES (?, ?)", [digest, data])


def _encode(outcome: PreparedArticle | Skipped) -> list[str]:
    if isinstance(outcome, Skipped):
        return ["skipped", outcome.source, outcome.reason]
    return ["prepared", outcome.lang, outcome.text, outcome.warning]


def _decode(article: Article, data: list[str]) -> PreparedArticle | Skipped:
    if data[0] == "skipped":
        return Skipped(data[1], data[2])
    return PreparedArticle(article, data[1], data[2], data[3])
