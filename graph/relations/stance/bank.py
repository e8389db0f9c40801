"""The stance bank: hand annotations the stance model learns from and is measured on.

The bank lives in `training/stance_bank/` (guidelines in its GUIDELINES.md): `sample.tsv`
lists the drawn bulk-corpus articles with their split (train / dev / test, by story), and
`annotations/*.jsonl` hold one line per article read. Article texts stay in the corpus; an
annotation only quotes its evidence. This module reads and checks annotations against the
texts: an annotation naming an actor or quoting a sentence absent from its article is an
error naming the file and line, so a model is never trained on what the article does not say.
It uses the standard library only (annotators run its checker before anything is installed).
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

KINDS = ("supports", "denies", "criticises", "accuses")
SPLITS = ("train", "dev", "test")
_APOSTROPHES = str.maketrans(
    {"’": "'", "‘": "'", "ʼ": "'", "`": "'", "\u00a0": " ", "«": '"', "»": '"', "“": '"', "”": '"'}
)
_SPACE = re.compile(r"\s+")
#: Spaces around a quotation mark: French puts them inside « », annotators often do not.
_QUOTE_SPACE = re.compile(r'\s*"\s*')


class BankError(ValueError):
    """An annotation line that cannot be used, with the file and line it comes from."""

    def __init__(self, where: str, reason: str) -> None:
        super().__init__(f"{where}: {reason}")
        self.where = where
        self.reason = reason


@dataclass(frozen=True)
class BankRelation:
    """One annotated stance: every name of each side, the cue and the sentences stating it."""

    sources: tuple[str, ...]
    kind: str
    targets: tuple[str, ...]
    cue: str
    evidence: tuple[str, ...]


@dataclass(frozen=True)
class BankArticle:
    """One article as read by one annotator."""

    id: str
    lang: str
    annotator: str
    relations: tuple[BankRelation, ...]


def fold(text: str) -> str:
    """Text as compared: NFC, one kind of apostrophe and of quotation mark, no space
    around a quotation mark, single spaces, case-folded."""
    text = unicodedata.normalize("NFC", text).translate(_APOSTROPHES)
    return _QUOTE_SPACE.sub('"', _SPACE.sub(" ", text)).strip().casefold()


def read_sample(path: Path) -> dict[str, tuple[str, str]]:
    """`sample.tsv`: article id → (language, split)."""
    sample = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            article, lang, split, _story = line.split("\t")
            sample[article] = (lang, split)
    return sample


def read_annotations(path: Path, texts: Mapping[str, str]) -> list[BankArticle]:
    """The articles of one annotation file, each checked against its text in `texts`; the
    first line that fails is a BankError."""
    articles = []
    for item in _checked_lines(path, texts):
        if isinstance(item, BankError):
            raise item
        articles.append(item)
    return articles


def _checked_lines(path: Path, texts: Mapping[str, str]) -> Iterator[BankArticle | BankError]:
    """Each non-blank line of an annotation file, read and checked, or why it cannot be."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            yield _article(json.loads(line), texts, where)
        except BankError as error:
            yield error
        except ValueError as error:
            yield BankError(where, f"not JSON: {error}")


def _article(record: object, texts: Mapping[str, str], where: str) -> BankArticle:
    if not isinstance(record, dict) or not isinstance(record.get("relations"), list):
        raise BankError(where, 'an article line is an object with "id" and "relations"')
    article = str(record.get("id", ""))
    if article not in texts:
        raise BankError(where, f"article {article!r} is not in the corpus")
    text = fold(texts[article])
    relations = tuple(_relation(item, text, where) for item in record["relations"])
    return BankArticle(
        article, str(record.get("lang", "")), str(record.get("annotator", "")), relations
    )


def _relation(item: object, text: str, where: str) -> BankRelation:
    if not isinstance(item, dict):
        raise BankError(where, "a relation is an object")
    kind = item.get("kind")
    if kind not in KINDS:
        raise BankError(where, f"kind {kind!r} is not one of {', '.join(KINDS)}")
    sides = []
    for side in ("source", "target"):
        names = _strings(item.get(side), where, side)
        if not any(fold(name) in text for name in names):
            raise BankError(where, f"no {side} name of {names} appears in the article")
        sides.append(names)
    evidence = _strings(item.get("evidence"), where, "evidence")
    for quote in evidence:
        if fold(quote) not in text:
            raise BankError(where, f"evidence is not a quote of the article: {quote[:80]!r}")
    if fold(sides[0][0]) == fold(sides[1][0]):
        raise BankError(where, f"{sides[0][0]!r} cannot take a stance towards itself")
    return BankRelation(sides[0], kind, sides[1], str(item.get("cue", "")), evidence)


def _strings(value: object, where: str, field: str) -> tuple[str, ...]:
    if isinstance(value, str) or not isinstance(value, list) or not value:
        raise BankError(where, f'"{field}" must be a non-empty list of strings')
    strings = tuple(str(v).strip() for v in value if str(v).strip())
    if not strings:
        raise BankError(where, f'"{field}" must be a non-empty list of strings')
    return strings


def read_corpus_records(path: Path, ids: Iterable[str]) -> dict[str, dict[str, str]]:
    """The records (id, lang, title, url, source, text) of the articles `ids` from a bulk
    JSONL export."""
    wanted = set(ids)
    records = {}
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            if record.get("id") in wanted:
                records[record["id"]] = record
    return records


def main(argv: list[str] | None = None) -> int:
    """Check annotation files: `python3 training/check_bank.py FILE...`."""
    import argparse

    root = Path(__file__).resolve().parents[3]
    parser = argparse.ArgumentParser(description="Check stance-bank annotation files.")
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument(
        "--corpus", type=Path, default=root.parent / "shared/corpus/bulk/gilets_jaunes.jsonl"
    )
    args = parser.parse_args(argv)
    sample = read_sample(root / "training" / "stance_bank" / "sample.tsv")
    records = read_corpus_records(args.corpus, sample)
    texts = {article: record.get("text", "") for article, record in records.items()}
    failures = 0
    for path in args.files:
        failures += _check_file(path, texts)
    return 1 if failures else 0


def _check_file(path: Path, texts: Mapping[str, str]) -> int:
    """Check one file line by line, printing every problem; the count of bad lines."""
    if not path.is_file():
        print(f"{path}: no such file")
        return 1
    bad = articles = relations = 0
    for item in _checked_lines(path, texts):
        if isinstance(item, BankError):
            print(item)
            bad += 1
        else:
            articles, relations = articles + 1, relations + len(item.relations)
    print(f"{path}: {articles} articles, {relations} relations, {bad} bad lines")
    return bad
