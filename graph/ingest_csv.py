"""CSV exports: one article a row, streamed a record at a time, each record judged alone.

Python's csv reader cannot be trusted with a field over its size limit: it raises in the
middle of the field and then reads the field's remaining lines as rows, inventing records
and losing the real row after it. So records are delimited here first, by following the
quotes line by line (a newline inside a quoted field does not end the record); a record
over the size limit is read past without being kept, and the next record starts exactly
where it ended. Only a complete record of bounded size is handed to the csv module.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO

from graph.decoding import ExportEncoding, valid_unicode
from graph.ingest_records import (
    HAS_NUL,
    SKIP_CHUNK,
    LineReader,
    encoding_warning,
    record_article,
)
from graph.inputs import Article, ReadItem, Skipped

_START, _UNQUOTED, _QUOTED, _QUOTE = range(4)


@dataclass
class QuoteScan:
    """Where a CSV record stands after the text fed so far: inside a quoted field or not.

    Follows the csv module's default dialect: `,` between fields, `"` around a field that
    starts with it, `""` for a quote inside one. Fed piece by piece, so a record's end is
    found without holding the record.
    """

    state: int = _START

    def feed(self, text: str) -> None:
        """Advance over `text` (a line, or a piece of one)."""
        i, end = 0, len(text)
        while i < end:
            if self.state == _QUOTED:
                found = text.find('"', i)
                if found < 0:
                    return
                self.state, i = _QUOTE, found + 1
            elif self.state == _QUOTE and text[i] == '"':  # `""`: a quote inside the field
                self.state, i = _QUOTED, i + 1
            elif self.state == _QUOTE:  # anything else closes the field
                self.state = _UNQUOTED
            elif self.state == _START and text[i] == '"':
                self.state, i = _QUOTED, i + 1
            else:
                found = text.find(",", i)
                if found < 0:
                    self.state = _UNQUOTED
                    return
                self.state, i = _START, found + 1

    @property
    def in_quotes(self) -> bool:
        return self.state == _QUOTED


def csv_records(reader: LineReader, max_bytes: int) -> Iterator[str | None]:
    """Each record's text (its lines, newlines kept); None for a record over `max_bytes`,
    read past to its end without being kept."""
    while True:
        scan, size = QuoteScan(), 0
        keep: list[str] | None = []
        while True:
            piece = reader.read(max_bytes + 1 - size if keep is not None else SKIP_CHUNK)
            if not piece.text:
                if size:
                    yield "".join(keep) if keep is not None else None
                return
            size += piece.size
            scan.feed(piece.text)
            if keep is not None and size <= max_bytes:
                keep.append(piece.text)
            else:
                keep = None
            if piece.ends_line and not scan.in_quotes:
                yield "".join(keep) if keep is not None else None
                break


def read_csv(
    handle: IO[bytes], encoding: ExportEncoding, source: str, file_id: str, max_bytes: int
) -> Iterator[ReadItem]:
    """One article a row, with a header naming at least the `text` column."""
    if csv.field_size_limit() < max_bytes:  # its default (128 KiB) is one long article
        csv.field_size_limit(max_bytes)  # process-wide: only ever raised
    rows = _rows(csv_records(LineReader(handle, encoding), max_bytes), max_bytes)
    yield from _articles(rows, source, file_id)
    yield from encoding_warning(source, encoding)


def _rows(records: Iterator[str | None], max_bytes: int) -> Iterator[list[str] | str]:
    """The non-blank rows, and in place of a bad one the reason it cannot be read."""
    for record in records:
        if record is None:
            yield f"record is over the {max_bytes:,}-byte limit for one article"
        elif "\0" in record:
            yield HAS_NUL
        else:
            yield from _parsed(record)


def _parsed(record: str) -> Iterator[list[str] | str]:
    """The rows of one record (one, or none when blank; more only with bare `\\r` line
    ends), or the csv module's complaint about it."""
    try:
        rows = list(csv.reader(io.StringIO(record, newline=""), strict=True))
    except csv.Error as error:
        yield f"malformed CSV row: {error}"
        return
    yield from (row for row in rows if row)


def _articles(rows: Iterator[list[str] | str], source: str, file_id: str) -> Iterator[ReadItem]:
    header = next(rows, None)
    if isinstance(header, str):
        yield Skipped(source, header.replace("row", "header", 1))
        return
    names = [_column_name(name) for name in header or []]
    if not any(names):
        yield Skipped(source, "no CSV header (only blank lines)")
        return
    if "text" not in names:
        yield Skipped(source, f"CSV header has no 'text' column (found: {_preview(names)})")
        return
    number = 0
    for number, row in enumerate(rows, start=1):
        yield _row_article(row, names, f"{source}:{number}", f"{file_id}:{number}")
    if number == 0:
        yield Skipped(source, "CSV has a header but no rows")


def _row_article(
    row: list[str] | str, names: list[str], source: str, row_id: str
) -> Article | Skipped:
    if isinstance(row, str):
        return Skipped(source, row)
    if len(row) > len(names):
        return Skipped(source, "row has more fields than the header")
    record = dict(zip(names, row, strict=False))
    if "text" not in record:
        return Skipped(source, f"row has {len(row)} of the header's {len(names)} fields, no 'text'")
    return record_article(record, source, row_id)


def _preview(names: list[str], count: int = 10, width: int = 40) -> str:
    """A hostile header can be huge: show its first names, shortened."""
    shown_names = [valid_unicode(name)[:width] for name in names[:count]]
    return repr(shown_names) + (f" and {len(names) - count} more" if len(names) > count else "")


def _column_name(name: str) -> str:
    """A header's column name, "Text" and "ID" read as the `text` and `id` they are (the
    metadata columns are matched whatever their case by ingest_records)."""
    name = name.strip()
    return name.casefold() if name.casefold() in ("text", "id") else name
