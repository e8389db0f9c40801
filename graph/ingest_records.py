"""Exports (JSONL and CSV): one article a record, streamed, each record judged alone.

A record that is malformed, over the size limit or holds a NUL byte is skipped with its
line or row number, and reading goes on with the next record. Lines are decoded one by
one with the encoding chosen from the whole file (graph.decoding.export_encoding).
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO, Any

from graph.decoding import ExportEncoding, valid_unicode
from graph.inputs import Article, InputWarning, ReadItem, Skipped

METADATA_FIELDS = ("title", "date", "url", "source", "lang")
#: Other names exports give a metadata field (the first one a record fills wins, our own
#: name first): an outlet column named "outlet" must not be dropped for not being "source".
FIELD_NAMES = {
    "title": ("title", "headline"),
    "date": ("date", "published", "published_at", "publication_date", "pubdate"),
    "url": ("url", "link"),
    "source": ("source", "outlet", "publisher", "site_name", "media"),
    "lang": ("lang", "language"),
}
#: Piece of an over-long line read at a time while moving past it.
SKIP_CHUNK = 1024 * 1024
HAS_NUL = "record contains a NUL byte (binary data, not text)"


@dataclass(frozen=True)
class Piece:
    """A physical line of an export, or a piece of one that is too long to read whole."""

    text: str
    size: int
    ends_line: bool


class LineReader:
    """An export's physical lines as text, decoded line by line, read in bounded pieces."""

    def __init__(self, handle: IO[bytes], encoding: ExportEncoding) -> None:
        self._handle = handle
        self._encoding = encoding
        self._text = (
            io.TextIOWrapper(handle, encoding=encoding.bom, errors="replace", newline="")
            if encoding.wide
            else None
        )

    def read(self, limit: int) -> Piece:
        """The rest of the current line, at most `limit` bytes (characters when UTF-16 or
        UTF-32) of it; an empty piece at the end of the file."""
        if self._text is not None:
            text = self._text.readline(limit)
            ends = text.endswith(("\n", "\r")) or len(text) < limit
            return Piece(text, len(text), ends)
        raw = self._handle.readline(limit)
        return Piece(self._encoding.decode(raw), len(raw), raw.endswith(b"\n") or len(raw) < limit)

    def lines(self, max_bytes: int) -> Iterator[str | None]:
        """Whole lines; None for a line over `max_bytes`, read past without keeping it."""
        while (piece := self.read(max_bytes + 1)).text:
            if piece.ends_line:
                yield piece.text
                continue
            while not piece.ends_line and (piece := self.read(SKIP_CHUNK)).text:
                continue
            yield None


def record_article(record: dict[str, Any], source: str, fallback_id: str) -> Article | Skipped:
    """An Article from one JSONL object or CSV row, which must have a non-empty `text`."""
    text = record.get("text")
    if text is None:
        return Skipped(source, "no 'text' field")
    if not isinstance(text, str):
        return Skipped(source, f"'text' must be a string, not {type(text).__name__}")
    if not text.strip():
        return Skipped(source, "'text' is empty")
    by_name = {name.casefold(): value for name, value in record.items() if isinstance(name, str)}
    meta = {key: _field(by_name, key) for key in METADATA_FIELDS}
    article_id = _as_text(record.get("id")) or fallback_id
    return Article(id=article_id, text=valid_unicode(text), origin=source, **meta)


def _as_text(value: object) -> str:
    return "" if value is None else valid_unicode(str(value)).strip()


def encoding_warning(source: str, encoding: ExportEncoding) -> Iterator[InputWarning]:
    """The warnings about an export's decoding: mixed encodings, a guessed one."""
    for message in encoding.warnings():
        yield InputWarning(source, message)


def read_jsonl(
    handle: IO[bytes], encoding: ExportEncoding, source: str, file_id: str, max_bytes: int
) -> Iterator[ReadItem]:
    """One article a line, streamed; a bad line is skipped with its line number."""
    found = False
    lines = LineReader(handle, encoding).lines(max_bytes)
    for number, line in enumerate(lines, start=1):
        if line is not None and not line.strip():
            continue
        found = True
        where = f"{source}:{number}"
        if line is None:
            yield Skipped(where, f"line is over the {max_bytes:,}-byte limit for one article")
        else:
            yield _json_line(line, where, f"{file_id}:{number}")
    if not found:
        yield Skipped(source, "no JSON lines (only blank lines)")
    yield from encoding_warning(source, encoding)


def _json_line(line: str, source: str, fallback_id: str) -> Article | Skipped:
    if "\0" in line:
        return Skipped(source, HAS_NUL)
    try:
        record = json.loads(line)
    except RecursionError:
        return Skipped(source, "not valid JSON: nested too deeply to read")
    except ValueError as error:
        return Skipped(source, f"not valid JSON: {error}")
    if not isinstance(record, dict):
        return Skipped(source, "a JSON line must be an object with a 'text' field")
    return record_article(record, source, fallback_id)


def _field(by_name: dict[str, Any], key: str) -> str:
    """A metadata field by its first name that the record fills (`FIELD_NAMES`; `by_name`:
    the record by case-folded field name, as CSV headers write "Title" or "URL")."""
    for name in FIELD_NAMES.get(key, (key,)):
        value = _as_text(by_name.get(name))
        if value:
            return value
    return ""
