"""What reading the inputs produces: articles, skipped inputs and warnings (plain data).

Kept apart from the readers (graph.articles and the ingest_* modules) so that each reader
can build them; `graph.articles` is where users import them from.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Article:
    """One news article as read from the input, before any cleaning.

    `id` is the path relative to the folder given (the file name for a single file), or the
    row's `id` (else `FILE:ROW`) for JSONL and CSV exports. It is only ever data.
    """

    id: str
    text: str
    title: str = ""
    date: str = ""
    url: str = ""
    source: str = ""
    lang: str = ""
    origin: str = ""


@dataclass(frozen=True)
class Skipped:
    """An input that was not processed, and why: every input is accounted for."""

    source: str
    reason: str


@dataclass(frozen=True)
class InputWarning:
    """Something to know about an input that was read: its articles are kept, but the
    reader had to choose or repair (mixed encodings, a page nested too deeply)."""

    source: str
    message: str


#: What a reader yields for each input: an article, why an input was skipped, a warning.
ReadItem = Article | Skipped | InputWarning
