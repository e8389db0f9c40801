"""Articles and the readers that turn input files into them (the ingest stage).

Inputs are untrusted. Every file given, or found below a folder given, becomes Articles or a
Skipped with a precise reason, and nothing a file contains can stop the run:

- folders are walked without following symlinked sub-folders (reported as skipped: links can
  loop); a symlinked *file* is read like the file it points to, and any file reached twice
  (given twice, or through a link) is read once;
- only regular files are opened (a named pipe or a device would block or never end);
- a .txt or .html file over `max_bytes` is skipped from its size alone, unread; JSONL and CSV
  exports are streamed a record at a time, and a record over `max_bytes` is skipped;
- bytes are decoded from a BOM, strict UTF-8 or a detected legacy encoding; binary files
  (PDF, images, archives named `.txt`) are recognised and skipped;
- ids and metadata are data only: nothing read from an input ever names an output file.
"""

from __future__ import annotations

import csv
import errno
import io
import json
import os
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import IO, Any

from graph.decoding import (
    CONTROLS_AT_START,
    UnreadableTextError,
    decode_bytes,
    encoding_of,
    looks_binary,
    valid_unicode,
)


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


SUPPORTED_SUFFIXES = (".txt", ".html", ".htm", ".jsonl", ".csv")
RECORD_SUFFIXES = (".jsonl", ".csv")
#: The largest article read: a .txt/.html file, one JSONL line or one CSV field.
DEFAULT_MAX_BYTES = 50 * 1024 * 1024
METADATA_FIELDS = ("title", "date", "url", "source", "lang")
#: Start of a CSV export from which its encoding is chosen before it is streamed.
ENCODING_SAMPLE_BYTES = 64 * 1024
LINKED_FOLDER = "symbolic link to a folder, not followed (links can loop); give its target"


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
        if isinstance(item, Article):
            articles.append(item)
        else:
            skipped.append(item)
    return Corpus(tuple(_unique_ids(articles)), tuple(skipped))


def iter_inputs(
    paths: Iterable[str | Path], *, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[Article | Skipped]:
    """Yield an Article or a Skipped for every input, in a stable (sorted) order, lazily."""
    seen: dict[tuple[int, int], str] = {}
    for given in paths:
        for item in _files_of(Path(given)):
            if isinstance(item, Skipped):
                yield item
            else:
                yield from _read_file(*item, max_bytes, seen)


def _files_of(root: Path) -> Iterator[tuple[Path, str] | Skipped]:
    """The files of one input given (with their ids), or why it cannot be used."""
    try:
        is_folder = stat.S_ISDIR(root.stat().st_mode)
    except OSError as error:
        yield Skipped(_shown(root), _access_reason(root, error))
        return
    if not is_folder:
        yield root, _shown(root.name)
        return
    for entry in _walk(root):
        yield entry if isinstance(entry, Skipped) else (entry, _relative_id(entry, root))


def _walk(root: Path) -> Iterator[Path | Skipped]:
    """Every file below root in sorted order (a folder's files, then its sub-folders).

    A stack rather than `os.walk`, which recurses in Python 3.11 (a tree ~1000 levels deep
    raises RecursionError) and silently drops the folders it cannot list. Symlinked folders
    are reported, never entered, so a link cannot make the walk loop.
    """
    stack = [root]
    while stack:
        folder = stack.pop()
        try:
            with os.scandir(folder) as listing:
                entries = sorted(listing, key=lambda entry: entry.name)
        except OSError as error:
            yield Skipped(_shown(folder), f"cannot read folder: {error.strerror or error}")
            continue
        subfolders = []
        for entry in entries:
            if _is_folder(entry, follow_symlinks=False):
                subfolders.append(Path(entry.path))
            elif entry.is_symlink() and _is_folder(entry, follow_symlinks=True):
                yield Skipped(_shown(entry.path), LINKED_FOLDER)
            else:
                yield Path(entry.path)
        stack.extend(reversed(subfolders))


def _is_folder(entry: os.DirEntry[str], *, follow_symlinks: bool) -> bool:
    try:
        return entry.is_dir(follow_symlinks=follow_symlinks)
    except OSError:  # reading it as a file then says precisely what is wrong
        return False


def _relative_id(path: Path, root: Path) -> str:
    return _shown(path.relative_to(root).as_posix())


def _shown(path: str | os.PathLike[str]) -> str:
    """A path as text that can always be written out: undecodable bytes become `\\xNN`.

    >>> _shown("caf\\udce9.txt")
    'caf\\\\xe9.txt'
    """
    text = os.fspath(path)
    try:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:
        return valid_unicode(text)


def _access_reason(path: Path, error: OSError) -> str:
    if error.errno == errno.ENOENT:
        return "broken symbolic link" if path.is_symlink() else "no such file or folder"
    if error.errno == errno.ELOOP:
        return "symbolic link loop (the link leads back to itself)"
    return f"cannot access: {error.strerror or error}"


def _read_file(
    path: Path, article_id: str, max_bytes: int, seen: dict[tuple[int, int], str]
) -> Iterator[Article | Skipped]:
    source = _shown(path)
    try:
        info = path.stat()
    except OSError as error:
        yield Skipped(source, _access_reason(path, error))
        return
    problem = _unusable(path, info, max_bytes, seen)
    if problem:
        yield Skipped(source, problem)
        return
    seen[(info.st_dev, info.st_ino)] = source
    try:
        if info.st_size == 0:
            yield Skipped(source, "empty file (0 bytes)")
        elif path.suffix.lower() == ".jsonl":
            yield from _read_jsonl(path, source, article_id, max_bytes)
        elif path.suffix.lower() == ".csv":
            yield from _read_csv(path, source, article_id, max_bytes)
        else:
            yield _read_document(path, source, article_id, max_bytes)
    except OSError as error:
        yield Skipped(source, f"cannot read file: {error.strerror or error}")
    except UnreadableTextError as error:
        yield Skipped(source, str(error))


def _unusable(
    path: Path, info: os.stat_result, max_bytes: int, seen: dict[tuple[int, int], str]
) -> str:
    """Why a file is not read at all (from its metadata only), or "" when it is."""
    suffix = path.suffix.lower()
    if not stat.S_ISREG(info.st_mode):
        return f"not a regular file ({_special_kind(info.st_mode)})"
    if suffix not in SUPPORTED_SUFFIXES:
        return (
            f"unsupported file type {suffix or '(none)'!r}; "
            f"expected one of {', '.join(SUPPORTED_SUFFIXES)}"
        )
    if (info.st_dev, info.st_ino) in seen:
        return f"same file as {seen[(info.st_dev, info.st_ino)]}, already read"
    if info.st_size > max_bytes and suffix not in RECORD_SUFFIXES:
        return f"file is {info.st_size:,} bytes, over the {max_bytes:,}-byte limit for one article"
    return ""


def _special_kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "a special file"


def _unique_ids(articles: list[Article]) -> list[Article]:
    """Make ids unique (a later duplicate gets `#2`, `#3`…) so nothing is silently merged."""
    seen: dict[str, int] = {}
    unique = []
    for article in articles:
        count = seen.get(article.id, 0) + 1
        seen[article.id] = count
        unique.append(article if count == 1 else replace(article, id=f"{article.id}#{count}"))
    return unique


# --- bytes → text ------------------------------------------------------------------------


def _read_document(path: Path, source: str, article_id: str, max_bytes: int) -> Article | Skipped:
    """A .txt or .html file as one article; read with a bound even if it grows meanwhile."""
    with path.open("rb") as handle:
        data = handle.read(max_bytes + 1)
    if len(data) > max_bytes:
        return Skipped(source, f"file grew over the {max_bytes:,}-byte limit while being read")
    text = decode_bytes(data)
    if path.suffix.lower() in (".html", ".htm"):
        return _html_article(source, article_id, text)
    if not text.strip():
        return Skipped(source, "empty file (only whitespace)")
    return Article(id=article_id, text=text, origin=source)


def _html_article(source: str, article_id: str, html: str) -> Article | Skipped:
    text, meta = _html_main_text(html)
    if not text.strip():
        return Skipped(source, "no main text found in the HTML page")
    return Article(id=article_id, text=text, origin=source, **meta)


def _html_main_text(html: str) -> tuple[str, dict[str, str]]:
    """The article body and metadata of an HTML page, boilerplate removed by trafilatura.

    trafilatura rejects a fragment that does not say `html` near its start (a bare
    `<p>…</p>` saved from a scraper), so such soup is wrapped in a page first.
    """
    import trafilatura

    if "html" not in html[:50].lower():
        html = f"<html><body>{html}</body></html>"
    document = trafilatura.bare_extraction(html, include_comments=False, with_metadata=True)
    if document is None:
        return "", {}
    values = document.as_dict() if hasattr(document, "as_dict") else dict(document)
    meta = {key: str(values.get(key) or "") for key in ("title", "date", "url")}
    meta["source"] = str(values.get("sitename") or "")
    return str(values.get("text") or ""), meta


# --- exports: one article a record --------------------------------------------------------


def _record_article(record: dict[str, Any], source: str, fallback_id: str) -> Article | Skipped:
    """An Article from one JSONL object or CSV row, which must have a non-empty `text`."""
    text = record.get("text")
    if text is None:
        return Skipped(source, "no 'text' field")
    if not isinstance(text, str):
        return Skipped(source, f"'text' must be a string, not {type(text).__name__}")
    if not text.strip():
        return Skipped(source, "'text' is empty")
    meta = {key: _as_text(record.get(key)) for key in METADATA_FIELDS}
    article_id = _as_text(record.get("id")) or fallback_id
    return Article(id=article_id, text=valid_unicode(text), origin=source, **meta)


def _as_text(value: object) -> str:
    return "" if value is None else valid_unicode(str(value)).strip()


def _read_jsonl(
    path: Path, source: str, file_id: str, max_bytes: int
) -> Iterator[Article | Skipped]:
    """One article a line, streamed; a bad line is skipped with its line number."""
    found = False
    with path.open("rb") as handle:
        _text_encoding(handle)  # a binary file named .jsonl is one skip, not one per "line"
        for number, line in enumerate(_lines(handle, max_bytes), start=1):
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


def _lines(handle: IO[bytes], max_bytes: int) -> Iterator[bytes | None]:
    """The file's lines; None for a line over `max_bytes`, which is read past in chunks."""
    while line := handle.readline(max_bytes + 1):
        if len(line) <= max_bytes or line.endswith(b"\n"):
            yield line
        else:
            _read_past_line(handle)
            yield None


def _read_past_line(handle: IO[bytes], chunk: int = 1024 * 1024) -> None:
    """Move past the rest of the current line without holding it in memory."""
    while (rest := handle.readline(chunk)) and not rest.endswith(b"\n"):
        continue


def _json_line(line: bytes, source: str, fallback_id: str) -> Article | Skipped:
    try:
        record = json.loads(decode_bytes(line, repair=False))
    except UnreadableTextError as error:
        return Skipped(source, str(error))
    except RecursionError:
        return Skipped(source, "not valid JSON: nested too deeply to read")
    except ValueError as error:
        return Skipped(source, f"not valid JSON: {error}")
    if not isinstance(record, dict):
        return Skipped(source, "a JSON line must be an object with a 'text' field")
    return _record_article(record, source, fallback_id)


def _read_csv(path: Path, source: str, file_id: str, max_bytes: int) -> Iterator[Article | Skipped]:
    """One article a row, streamed, with a header naming at least the `text` column.

    The encoding is chosen from the file's start; later undecodable bytes become U+FFFD.
    """
    if csv.field_size_limit() < max_bytes:  # its default (128 KiB) is one long article
        csv.field_size_limit(max_bytes)  # process-wide: only ever raised, and checked per row
    with path.open("rb") as raw:
        encoding = _text_encoding(raw)
        text = io.TextIOWrapper(raw, encoding=encoding, errors="replace", newline="")
        yield from _csv_articles(csv.reader(text, strict=True), source, file_id, max_bytes)


def _text_encoding(handle: IO[bytes]) -> str:
    """The encoding of a streamed export, from its start; raises UnreadableTextError if that
    start is binary. The handle is left at the beginning."""
    head = handle.read(ENCODING_SAMPLE_BYTES)
    handle.seek(0)
    encoding = encoding_of(head, complete=len(head) < ENCODING_SAMPLE_BYTES)
    if looks_binary(head.decode(encoding, errors="replace")):
        raise UnreadableTextError(CONTROLS_AT_START)
    return encoding


def _csv_articles(
    reader: Iterator[list[str]], source: str, file_id: str, max_bytes: int
) -> Iterator[Article | Skipped]:
    rows = _csv_rows(reader)
    header = next(rows, None)
    if isinstance(header, csv.Error):
        yield Skipped(source, f"malformed CSV header: {header}")
        return
    names = [name.strip() for name in header or []]
    if not any(names):
        yield Skipped(source, "no CSV header (only blank lines)")
        return
    if "text" not in names:
        yield Skipped(source, f"CSV header has no 'text' column (found: {_preview(names)})")
        return
    number = 0
    for number, row in enumerate(rows, start=1):
        yield _csv_row(row, names, f"{source}:{number}", f"{file_id}:{number}", max_bytes)
    if number == 0:
        yield Skipped(source, "CSV has a header but no rows")


def _csv_rows(reader: Iterator[list[str]]) -> Iterator[list[str] | csv.Error]:
    """Non-blank rows, and the error for each malformed one: the reader goes on after it."""
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            yield error
            continue
        if row:
            yield row


def _csv_row(
    row: list[str] | csv.Error, names: list[str], source: str, row_id: str, max_bytes: int
) -> Article | Skipped:
    too_long = f"a field is over the {max_bytes:,}-byte limit for one article"
    if isinstance(row, csv.Error):
        # The csv module's own limit is process-wide and may be above ours; both mean this.
        too_big = "field larger than field limit" in str(row)
        return Skipped(source, too_long if too_big else f"malformed CSV row: {row}")
    if len(row) > len(names):
        return Skipped(source, "row has more fields than the header")
    if any(len(field) > max_bytes // 4 and len(field.encode()) > max_bytes for field in row):
        return Skipped(source, too_long)
    record = dict(zip(names, row, strict=False))
    if "text" not in record:
        return Skipped(source, f"row has {len(row)} of the header's {len(names)} fields, no 'text'")
    return _record_article(record, source, row_id)


def _preview(names: list[str], count: int = 10, width: int = 40) -> str:
    """A hostile header can be huge: show its first names, shortened."""
    shown_names = [valid_unicode(name)[:width] for name in names[:count]]
    return repr(shown_names) + (f" and {len(names) - count} more" if len(names) > count else "")
