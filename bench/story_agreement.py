"""Agreement between two readings of the fresh stories: the writers' gold and a blind second
reading, matched by story, kind and both sides' names.

    .venv/bin/python bench/story_agreement.py [--stories FOLDER]

Reads `gold.tsv` and `second_reading.tsv` of the folder (default `bench/data/fresh_heldout/`)
and prints, over the stories the second reading covers, how many stances each reading has,
how many find a match in the other, and the F1 of the two. Names match as the scoring of
`bench/fresh_stories.py` matches a node (folded, a name ending or starting the other at a
word boundary), and an acronym matches the name it abbreviates ("DGAC", "Direction générale
de l'aviation civile"): annotators write either.
"""

from __future__ import annotations

import argparse
import csv
import re
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STORIES = ROOT / "bench" / "data" / "fresh_heldout"
#: Words an acronym leaves out ("Direction générale de l'aviation civile" → DGAC).
SMALL_WORDS = frozenset({"of", "the", "de", "du", "des", "la", "le", "l", "d", "et", "and", "for"})

Stance = tuple[str, str, str, str]  # story, source, kind, target


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stories", type=Path, default=STORIES, help="gold and second reading")
    arguments = parser.parse_args()
    second = _read(arguments.stories / "second_reading.tsv")
    covered = {stance[0] for stance in second}
    first = [stance for stance in _read(arguments.stories / "gold.tsv") if stance[0] in covered]
    first_matched = sum(1 for a in first if any(_same(a, b) for b in second))
    second_matched = sum(1 for b in second if any(_same(a, b) for a in first))
    precision = second_matched / max(len(second), 1)
    recall = first_matched / max(len(first), 1)
    f1 = 2 * precision * recall / max(precision + recall, 1e-9)
    print(
        f"{len(covered)} stories: gold {len(first)} stances ({first_matched} matched), "
        f"second reading {len(second)} ({second_matched} matched): agreement F1 {f1:.3f}"
    )


def _read(path: Path) -> list[Stance]:
    with path.open(encoding="utf-8") as table:
        return [
            (row["story"], row["source"], row["kind"], row["target"])
            for row in csv.DictReader(table, delimiter="\t")
        ]


def _same(a: Stance, b: Stance) -> bool:
    return a[0] == b[0] and a[2] == b[2] and _agree(a[1], b[1]) and _agree(a[3], b[3])


def _agree(one: str, other: str) -> bool:
    a, b = _key(one), _key(other)
    if _abbreviates(a, b) or _abbreviates(b, a):
        return True
    inside = a.endswith(f" {b}") or b.endswith(f" {a}")
    inside = inside or a.startswith(f"{b} ") or b.startswith(f"{a} ")
    return a == b or (len(a) > 3 and len(b) > 3 and inside)


def _abbreviates(acronym: str, name: str) -> bool:
    initials = "".join(word[0] for word in name.split() if word not in SMALL_WORDS)
    return " " not in acronym and len(acronym) > 1 and initials == acronym


def _key(name: str) -> str:
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", " ", folded).strip()


if __name__ == "__main__":
    main()
