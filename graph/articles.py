"""Articles and the readers that turn input files into them (the ingest stage)."""

from __future__ import annotations

import codecs
import csv
import io
import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import charset_normalizer
import trafilatura


@dataclass(frozen=True)
class Article:
    """One news article as read from the input, before any cleaning.

    `id` is the path relative to the folder given (the file name for a single file), or the
    row's `id` (else `FILE:ROW`) for JSONL and CSV exports.
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


SUPPORTED_SUFFIXES = (".txt", ".html", ".htm", ".jsonl", ".csv")
DEFAULT_MAX_BYTES = 50 * 1024 * 1024
METADATA_FIELDS = ("title", "date", "url", "source", "lang")


@dataclass(frozen=True)
class Corpus:
    """What the readers found: the articles, and every input that could not be used."""

    articles: tuple[Article, ...]
    skipped: tuple[Skipped, ...]


def read_articles(paths: Iterable[str | Path], *, max_bytes: int = DEFAULT_MAX_BYTES) -> Corpus:
    """Read every article from files and folders; skip (with a reason) what cannot be read.

    >>> corpus = read_articles(["examples/articles"])  # doctest: +SKIP
    >>> len(corpus.articles), corpus.skipped  # doctest: +SKIP
    """
    articles: list[Article] = []
    skipped: list[Skipped] = []
    for item in iter_inputs(paths, max_bytes=max_bytes):
        (articles if isinstance(item, Article) else skipped).append(item)  # type: ignore[arg-type]
    return Corpus(tuple(_unique_ids(articles)), tuple(skipped))


def iter_inputs(
    paths: Iterable[str | Path], *, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[Article | Skipped]:
    """Yield an Article or a Skipped for every input, in a stable (sorted) order."""
    for given in paths:
        root = Path(given)
        if root.is_dir():
            for path in _walk(root):
                yield from _read_file(path, _relative_id(path, root), max_bytes)
        elif root.is_file():
            yield from _read_file(root, root.name, max_bytes)
        elif root.exists():
            yield Skipped(str(root), "not a regular file or folder")
        else:
            yield Skipped(str(root), "no such file or folder")


def _walk(root: Path) -> Iterator[Path]:
    """Every file below root, sorted, without following symlinked folders (no loops)."""
    for folder, dirs, files in os.walk(root, followlinks=False):
        dirs.sort()
        for name in sorted(files):
            yield Path(folder) / name


def _relative_id(path: Path, root: Path) -> str:
    return path.relative_to(root).as_posix()


def _read_file(path: Path, article_id: str, max_bytes: int) -> Iterator[Article | Skipped]:
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        yield Skipped(
            str(path),
            f"unsupported file type {suffix or '(none)'!r}; "
            f"expected one of {', '.join(SUPPORTED_SUFFIXES)}",
        )
        return
    try:
        size = path.stat().st_size
        if size > max_bytes and suffix not in (".jsonl", ".csv"):
            yield Skipped(str(path), f"file is {size:,} bytes, over the {max_bytes:,}-byte limit")
            return
        if suffix in (".jsonl", ".csv"):
            yield from (_read_jsonl if suffix == ".jsonl" else _read_csv)(path, article_id)
            return
        text = decode_bytes(path.read_bytes())
    except OSError as error:
        yield Skipped(str(path), f"cannot read file: {error.strerror or error}")
        return
    except UnreadableTextError as error:
        yield Skipped(str(path), str(error))
        return
    yield from _article_from_text(path, article_id, text, html=suffix in (".html", ".htm"))


def _unique_ids(articles: list[Article]) -> list[Article]:
    """Make ids unique (a later duplicate gets `#2`, `#3`…) so nothing is silently merged."""
    seen: dict[str, int] = {}
    unique = []
    for article in articles:
        count = seen.get(article.id, 0) + 1
        seen[article.id] = count
        unique.append(article if count == 1 else replace(article, id=f"{article.id}#{count}"))
    return unique


class UnreadableTextError(ValueError):
    """Bytes that are not text in any encoding we can recognise."""


_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_MAX_CONTROL_SHARE = 0.05


def decode_bytes(data: bytes) -> str:
    """Decode a text file: BOM first, then strict UTF-8, then a detected legacy encoding.

    Raises UnreadableTextError for binary content (PDF, images, archives named `.txt`).
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = _decode_legacy(data)
    if _looks_binary(text):
        raise UnreadableTextError("binary content, not text (is it a PDF, an image or an archive?)")
    return text


#: Single-byte Latin encodings that charset detection confuses with one another on short
#: texts; French and English legacy text is almost always Windows-1252, so it wins among them.
_LATIN_FAMILY = ("cp125", "iso8859", "latin", "mac_", "cp437", "cp850", "ascii")


def _decode_legacy(data: bytes) -> str:
    """Legacy 8-bit text: Windows-1252 unless detection finds a non-Latin encoding."""
    if b"\x00" in data[:4096]:
        raise UnreadableTextError("binary content, not text (NUL bytes and no UTF-16 BOM)")
    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        raise UnreadableTextError("binary content, not text (no known encoding fits)")
    if best.encoding.startswith(_LATIN_FAMILY):
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError:
            return data.decode("latin-1")
    return str(best)


def _looks_binary(text: str) -> bool:
    sample = text[:8192]
    if not sample:
        return False
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\n\r\f")
    return "\x00" in sample or controls / len(sample) > _MAX_CONTROL_SHARE


def _article_from_text(
    path: Path, article_id: str, text: str, *, html: bool
) -> Iterator[Article | Skipped]:
    if html:
        text, meta = _html_main_text(text)
    else:
        meta = {}
    if not text.strip():
        reason = "no main text found in the HTML page" if html else "empty file (no text)"
        yield Skipped(str(path), reason)
        return
    yield Article(id=article_id, text=text, origin=str(path), **meta)


def _html_main_text(html: str) -> tuple[str, dict[str, str]]:
    """The article body and metadata of an HTML page, boilerplate removed by trafilatura."""
    document = trafilatura.bare_extraction(html, include_comments=False, with_metadata=True)
    if document is None:
        return "", {}
    values = document.as_dict() if hasattr(document, "as_dict") else dict(document)
    meta = {key: str(values.get(key) or "") for key in ("title", "date", "url")}
    meta["source"] = str(values.get("sitename") or "")
    return str(values.get("text") or ""), meta


def _record_article(record: dict[str, Any], source: str, fallback_id: str) -> Article | Skipped:
    """An Article from one JSONL object or CSV row, which must have a non-empty `text`."""
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        return Skipped(source, "no non-empty 'text' field")
    meta = {key: _as_text(record.get(key)) for key in METADATA_FIELDS}
    article_id = _as_text(record.get("id")) or fallback_id
    return Article(id=article_id, text=text, origin=source, **meta)


def _as_text(value: object) -> str:
    return "" if value is None else str(value).strip()


def _read_jsonl(path: Path, file_id: str) -> Iterator[Article | Skipped]:
    """One article a line; a bad line is skipped with its line number, the rest go on."""
    with path.open("rb") as handle:
        for number, raw in enumerate(handle, start=1):
            source = f"{path}:{number}"
            if not raw.strip():
                continue
            try:
                record = json.loads(decode_bytes(raw))
            except (ValueError, UnreadableTextError) as error:
                yield Skipped(source, f"not valid JSON: {error}")
                continue
            if not isinstance(record, dict):
                yield Skipped(source, "a JSON line must be an object with a 'text' field")
                continue
            yield _record_article(record, source, f"{file_id}:{number}")


def _read_csv(path: Path, file_id: str) -> Iterator[Article | Skipped]:
    """One article a row, with a header naming at least the `text` column."""
    text = decode_bytes(path.read_bytes())
    reader = csv.DictReader(io.StringIO(text, newline=""))
    if not reader.fieldnames or "text" not in reader.fieldnames:
        yield Skipped(str(path), f"CSV header has no 'text' column (found: {reader.fieldnames})")
        return
    for number, row in enumerate(reader, start=1):
        source = f"{path}:{number}"
        if None in row:
            yield Skipped(source, "row has more fields than the header")
            continue
        yield _record_article(row, source, f"{file_id}:{number}")
