"""An extraction as the store's normalised rows, so the graph can be tallied in SQL.

The store keeps each ArticleExtraction whole (as JSON, for `get`), and also what the graph
is made of, one row each: every mention (`mentions`), every stance (`stances`) and every
sentence evidence can quote (`sentences`: those holding a mention or a stance, and the
sentences just before and after them, shown around the evidence). Building from the store
aggregates these rows (graph.store_graph) and never decodes an article.

Rows are handed to DuckDB as one compact JSON array per article and table, expanded by
SQL inside the database (`EXPAND`): a batch of 256 articles is one statement per table,
not thousands of Python values converted one by one.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass

from graph.decoding import valid_unicode
from graph.extract import ArticleExtraction
from graph.relations.actors import Endpoint

#: The normalised tables; (content, pipeline) is the extraction's key, `ord` the row's
#: position in its article (mentions and stances are tallied in that order).
TABLES: tuple[str, ...] = (
    """CREATE TABLE IF NOT EXISTS mentions (
        content VARCHAR, pipeline VARCHAR, ord INTEGER, sentence INTEGER, paragraph INTEGER,
        key VARCHAR, name VARCHAR, type VARCHAR, label VARCHAR)""",
    """CREATE TABLE IF NOT EXISTS stances (
        content VARCHAR, pipeline VARCHAR, ord INTEGER, kind VARCHAR, sentence INTEGER,
        cue VARCHAR, source_key VARCHAR, source_name VARCHAR, source_type VARCHAR,
        source_label VARCHAR, target_key VARCHAR, target_name VARCHAR, target_type VARCHAR,
        target_label VARCHAR, confidence DOUBLE)""",
    """CREATE TABLE IF NOT EXISTS sentences (
        content VARCHAR, pipeline VARCHAR, idx INTEGER, text VARCHAR)""",
)

#: Column casts of each table's JSON arrays, in the order `article_rows` writes them.
_COLUMNS = {
    "mentions": ("INTEGER", "INTEGER", "VARCHAR", "VARCHAR", "VARCHAR", "VARCHAR"),
    "stances": ("VARCHAR", "INTEGER", "VARCHAR") + ("VARCHAR",) * 8 + ("DOUBLE",),
    "sentences": ("INTEGER", "VARCHAR"),
}


@dataclass(frozen=True)
class ArticleRows:
    """One article's rows for each normalised table, as JSON arrays of arrays."""

    mentions: str
    stances: str
    sentences: str


def article_rows(extraction: ArticleExtraction) -> ArticleRows:
    """The rows `extraction` adds to the normalised tables.

    Text is written as valid UTF-8: a lone surrogate (only a malformed `\\ud800` escape in a
    JSON input makes one) becomes U+FFFD here, while the whole extraction keeps it exactly.
    """
    sentences = extraction.sentences
    mentions = [
        [m.sentence, sentences[m.sentence].paragraph, m.key, m.name, m.type, m.canonical]
        for m in extraction.mentions
    ]
    stances = [
        [s.kind, s.sentence, s.cue, *_endpoint(s.source), *_endpoint(s.target), s.confidence]
        for s in extraction.stances
    ]
    texts = [[index, sentences[index].text] for index in quoted_sentences(extraction)]
    return ArticleRows(_json(mentions), _json(stances), _json(texts))


def quoted_sentences(extraction: ArticleExtraction) -> list[int]:
    """The sentences evidence can quote: those holding a mention or a stance, and the one
    before and after each (shown around the evidence), in order."""
    said = {m.sentence for m in extraction.mentions} | {s.sentence for s in extraction.stances}
    around = {i + step for i in said for step in (-1, 1)}
    return sorted(i for i in said | around if 0 <= i < len(extraction.sentences))


def _endpoint(endpoint: Endpoint) -> tuple[str, str, str, str]:
    return endpoint.key, endpoint.name, endpoint.type, endpoint.label


def _json(rows: Sequence[Sequence[object]]) -> str:
    return valid_unicode(json.dumps(rows, ensure_ascii=False, separators=(",", ":")))


def expand_statement(table: str) -> str:
    """SQL inserting into `table` the rows of the JSON arrays in $3, one per key ($1, $2)."""
    casts = ", ".join(
        f"r[{i + 1}]::{kind}" if kind != "VARCHAR" else f"r[{i + 1}]"
        for i, kind in enumerate(_COLUMNS[table])
    )
    ordinal = "" if table == "sentences" else "ord - 1, "
    return (
        f"INSERT INTO {table} SELECT content, pipeline, {ordinal}{casts} FROM ("
        "SELECT content, pipeline, unnest(generate_series(1, len(rows))) AS ord, "
        "unnest(rows) AS r FROM ("
        "SELECT unnest($1::VARCHAR[]) AS content, unnest($2::VARCHAR[]) AS pipeline, "
        """json_transform(unnest($3::VARCHAR[]), '[["VARCHAR"]]') AS rows))"""
    )


def table_columns(rows: Sequence[ArticleRows], table: str) -> list[str]:
    """The JSON arrays of one table, article by article."""
    return [getattr(row, table) for row in rows]
