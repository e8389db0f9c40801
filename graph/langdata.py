"""Read the per-language data files shipped under `graph/data/` (see its README)."""

from __future__ import annotations

import re
from functools import cache, lru_cache
from importlib import resources

COMMON = "common"


@cache
def data_languages() -> frozenset[str]:
    """The folders of `graph/data/`: the only `lang` values a data file is read for.

    A language code comes from untrusted input (a record's `lang`); it selects one of these
    names and is never joined into a path itself.
    """
    folder = resources.files("graph") / "data"
    return frozenset(entry.name for entry in folder.iterdir() if entry.is_dir())


#: Data files are few and fixed by the package: every one read stays cached (a bound below
#: their number made the cache evict and re-read files during extraction).
@cache
def data_lines(lang: str, name: str) -> tuple[str, ...]:
    """The entries of `data/<lang>/<name>`: one a line, comments and blanks dropped.

    A language without that file has no entries (an empty tuple), so adding a language is
    adding files, not code. Any other `lang` (not a folder of `graph/data/`) has none either.
    """
    if lang not in data_languages():
        return ()
    path = resources.files("graph") / "data" / lang / name
    if not path.is_file():
        return ()
    lines = (line.strip() for line in path.read_text(encoding="utf-8").splitlines())
    return tuple(line for line in lines if line and not line.startswith("#"))


def data_table(lang: str, name: str) -> list[list[str]]:
    """The rows of a tab-separated file of `data/<lang>/`, its header row left out."""
    return [line.split("\t") for line in data_lines(lang, name)[1:]]


@lru_cache(maxsize=64)
def data_patterns(lang: str, name: str) -> tuple[re.Pattern[str], ...]:
    """The regular expressions of `data/<lang>/<name>` and `data/common/<name>`, compiled."""
    sources = data_lines(COMMON, name) + (data_lines(lang, name) if lang != COMMON else ())
    return tuple(re.compile(source, re.IGNORECASE) for source in sources)


@cache
def data_keys(lang: str, name: str) -> frozenset[str]:
    """The first column of a tab-separated file of `data/<lang>/` (its header row left
    out), for membership tests: read once, not on every call."""
    return frozenset(row[0] for row in data_table(lang, name))


@cache
def data_words(lang: str, name: str) -> frozenset[str]:
    """The entries of a word-list file, case-folded, for membership tests."""
    return frozenset(word.casefold() for word in data_lines(lang, name))
