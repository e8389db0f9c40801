"""Articles and the readers that turn input files into them (the ingest stage).

Inputs are untrusted. Every file given, or found below a folder given, becomes Articles or a
Skipped with a precise reason, and nothing a file contains can stop the run:

- folders are walked without following symlinked sub-folders (reported as skipped: links can
  loop); a symlinked *file* is read like the file it points to, and any file reached twice
  (given twice, or through a link) is read once;
- only regular files are opened (a named pipe or a device would block or never end);
- a .txt or .html file over `max_bytes` is skipped from its size alone, unread; JSONL and CSV
  exports are streamed a record at a time (graph.ingest_records, graph.ingest_csv), and a
  record over `max_bytes`, malformed or holding a NUL byte is skipped alone;
- bytes are decoded from a BOM, strict UTF-8 or a detected legacy encoding (for an export,
  line by line, with the encoding chosen from the whole file); binary files (PDF, images,
  archives named `.txt`) are recognised and skipped;
- an HTML page keeps its text however deeply it is nested (graph.ingest_html);
- newsgraph's own outputs (the build's files, or any report it wrote) are never read back;
- ids and metadata are data only: nothing read from an input ever names an output file, and
  ids are made unique without ever taking an id another article declared.
"""

from __future__ import annotations

import errno
import logging
import os
import stat
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from graph.decoding import (
    UnreadableTextError,
    decode_text,
    export_encoding,
    valid_unicode,
)
from graph.decoding import decode_bytes as decode_bytes
from graph.ingest_csv import read_csv
from graph.ingest_html import is_our_report, page_text
from graph.ingest_records import read_jsonl
from graph.inputs import Article as Article
from graph.inputs import InputWarning as InputWarning
from graph.inputs import ReadItem
from graph.inputs import Skipped as Skipped

log = logging.getLogger(__name__)

SUPPORTED_SUFFIXES = (".txt", ".html", ".htm", ".jsonl", ".csv")
RECORD_SUFFIXES = (".jsonl", ".csv")
#: The largest article read: a .txt/.html file, one JSONL line or one CSV record.
DEFAULT_MAX_BYTES = 50 * 1024 * 1024
LINKED_FOLDER = "symbolic link to a folder, not followed (links can loop); give its target"
OUR_OUTPUT = "an output of newsgraph, not an article"


@dataclass(frozen=True)
class Corpus:
    """What the readers found: the articles, every input that could not be used, and what
    to know about inputs that were read (`warnings`, listed in the manifest)."""

    articles: tuple[Article, ...]
    skipped: tuple[Skipped, ...]
    warnings: tuple[InputWarning, ...] = ()


def read_articles(
    paths: Iterable[str | Path],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    outputs: Collection[str | Path] = (),
) -> Corpus:
    """Read every article from files and folders; skip (with a reason) what cannot be read.

    `outputs` are the files the build writes (its report, graph.json, manifest.json, the
    store): found among the inputs, they are skipped as outputs, never read.

    >>> corpus = read_articles(["examples/articles"])  # doctest: +SKIP
    >>> len(corpus.articles), corpus.skipped  # doctest: +SKIP
    """
    articles: list[Article] = []
    skipped: list[Skipped] = []
    warnings: list[InputWarning] = []
    for item in iter_inputs(paths, max_bytes=max_bytes, outputs=outputs):
        if isinstance(item, Article):
            articles.append(item)
        elif isinstance(item, Skipped):
            skipped.append(item)
        else:
            log.warning("%s: %s", item.source, item.message)
            warnings.append(item)
    return Corpus(tuple(_unique_ids(articles)), tuple(skipped), tuple(warnings))


@dataclass(frozen=True)
class _Reading:
    """What reading one file depends on: the size limit, the files already read (by
    device and inode, with their name) and the build's own outputs."""

    max_bytes: int
    seen: dict[tuple[int, int], str]
    outputs: dict[tuple[int, int], str]


def iter_inputs(
    paths: Iterable[str | Path],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    outputs: Collection[str | Path] = (),
) -> Iterator[ReadItem]:
    """Yield an Article, a Skipped or an InputWarning for every input, in a stable (sorted)
    order, lazily."""
    reading = _Reading(max_bytes, {}, _existing(outputs))
    for given in paths:
        for item in _files_of(Path(given)):
            if isinstance(item, Skipped):
                yield item
            else:
                yield from _read_file(*item, reading)


def _existing(paths: Collection[str | Path]) -> dict[tuple[int, int], str]:
    """The files among `paths` that exist, by device and inode (a link to one is one)."""
    found = {}
    for path in paths:
        try:
            info = os.stat(path)
        except OSError:
            continue
        found[(info.st_dev, info.st_ino)] = Path(path).name
    return found


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


def _read_file(path: Path, article_id: str, reading: _Reading) -> Iterator[ReadItem]:
    source = _shown(path)
    max_bytes = reading.max_bytes
    try:
        info = path.stat()
    except OSError as error:
        yield Skipped(source, _access_reason(path, error))
        return
    problem = _unusable(path, info, reading)
    if problem:
        yield Skipped(source, problem)
        return
    reading.seen[(info.st_dev, info.st_ino)] = source
    try:
        if info.st_size == 0:
            yield Skipped(source, "empty file (0 bytes)")
        elif path.suffix.lower() in RECORD_SUFFIXES:
            yield from _read_export(path, source, article_id, max_bytes)
        else:
            yield from _read_document(path, source, article_id, max_bytes)
    except OSError as error:
        yield Skipped(source, f"cannot read file: {error.strerror or error}")
    except UnreadableTextError as error:
        yield Skipped(source, str(error))


def _unusable(path: Path, info: os.stat_result, reading: _Reading) -> str:
    """Why a file is not read at all (from its metadata only), or "" when it is."""
    suffix = path.suffix.lower()
    seen, max_bytes, key = reading.seen, reading.max_bytes, (info.st_dev, info.st_ino)
    if key in reading.outputs:
        return f"{OUR_OUTPUT}: this build writes {reading.outputs[key]}"
    if not stat.S_ISREG(info.st_mode):
        return f"not a regular file ({_special_kind(info.st_mode)})"
    if suffix not in SUPPORTED_SUFFIXES:
        return (
            f"unsupported file type {suffix or '(none)'!r}; "
            f"expected one of {', '.join(SUPPORTED_SUFFIXES)}"
        )
    if key in seen:
        return f"same file as {seen[key]}, already read"
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
    """Make ids unique so nothing is silently merged: the first article with an id keeps
    it, a later duplicate gets `#2`, `#3`… skipping every id an article declared itself
    (ids `a`, `a`, `a#2` become `a`, `a#3`, `a#2`)."""
    declared = {article.id for article in articles}
    used: set[str] = set()
    next_number: dict[str, int] = {}
    unique = []
    for article in articles:
        article_id = article.id
        if article_id in used:
            number = next_number.get(article.id, 2)
            while f"{article.id}#{number}" in declared or f"{article.id}#{number}" in used:
                number += 1
            next_number[article.id] = number + 1
            article_id = f"{article.id}#{number}"
            article = replace(article, id=article_id)
        used.add(article_id)
        unique.append(article)
    return unique


# --- bytes → text ------------------------------------------------------------------------


def _read_document(path: Path, source: str, article_id: str, max_bytes: int) -> Iterator[ReadItem]:
    """A .txt or .html file as one article; read with a bound even if it grows meanwhile."""
    with path.open("rb") as handle:
        data = handle.read(max_bytes + 1)
    if len(data) > max_bytes:
        yield Skipped(source, f"file grew over the {max_bytes:,}-byte limit while being read")
        return
    decoded = decode_text(data)
    if decoded.warning:
        yield InputWarning(source, decoded.warning)
    text = decoded.text
    if path.suffix.lower() in (".html", ".htm"):
        yield from _html_article(source, article_id, text)
    elif not text.strip():
        yield Skipped(source, "empty file (only whitespace)")
    else:
        yield Article(id=article_id, text=text, origin=source)


def _html_article(source: str, article_id: str, html: str) -> Iterator[ReadItem]:
    if is_our_report(html):
        yield Skipped(source, f"{OUR_OUTPUT}: a report it wrote")
        return
    page = page_text(html)
    if page.loss:
        yield InputWarning(source, page.loss)
    if not page.text.strip():
        yield Skipped(source, "no main text found in the HTML page")
    else:
        yield Article(id=article_id, text=page.text, origin=source, **page.meta)


def _read_export(path: Path, source: str, file_id: str, max_bytes: int) -> Iterator[ReadItem]:
    """A JSONL or CSV export, one article a record, its encoding chosen from the whole file."""
    with path.open("rb") as handle:
        encoding = export_encoding(handle)
        read = read_jsonl if path.suffix.lower() == ".jsonl" else read_csv
        yield from read(handle, encoding, source, file_id, max_bytes)
