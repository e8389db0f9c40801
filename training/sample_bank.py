"""Draw the stance-bank sample from the bulk corpus and split it by story (deterministic).

    python3 training/sample_bank.py [--corpus ../shared/corpus/bulk/gilets_jaunes.jsonl]

Writes `training/stance_bank/sample.tsv`: one line per drawn article (`id lang split story`).
Articles of the dev gold sets (`../shared/corpus/fr`, `../shared/corpus/en`, matched by
text) and of the unseen-precision audit (`bench/data/stance_audit_fr.ids`) are never drawn:
the first were read to write rules, the second must stay unseen by the model.

A *story* is a group of articles that tell the same news: copies of one wire text, or
articles sharing most of their vocabulary (TF-IDF cosine ≥ STORY_COSINE). Splits are made by
story, so the test split never holds a rewrite of a training article.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import re
import unicodedata
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
OUT = ROOT / "training" / "stance_bank" / "sample.tsv"
SEED = 20261203
SIZES = {"fr": 300, "en": 150}
#: Train-only draws (`--extra N`: 1 the second draw, 2 the third): more articles to learn
#: from, none of a story of the dev or test split. The third draw takes what is left of
#: the pool (the English pool is nearly empty after the second).
EXTRA_DRAWS = {
    1: (20261204, {"fr": 560, "en": 160}),
    2: (20261205, {"fr": 300, "en": 48}),
}
TEST_SHARE, DEV_SHARE = 0.34, 0.17
STORY_COSINE = 0.5
VOCABULARY = 30000
WORD = re.compile(r"\w{3,}")
#: Words an article needs to be drawn (shorter ones are briefs with no stance to read).
MIN_WORDS = 80


def _key(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text).casefold()
    return " ".join(WORD.findall(folded))[:300]


def dev_keys() -> set[str]:
    keys = set()
    for folder in ("fr", "en"):
        for path in sorted((CORPUS / folder).glob("*.txt")):
            keys.add(_key(path.read_text(encoding="utf-8", errors="replace")))
    return keys


def stories(records: list[dict]) -> list[int]:
    """Connected components of the TF-IDF cosine ≥ STORY_COSINE graph, one id per record."""
    counts = [Counter(WORD.findall(r["text"].casefold())) for r in records]
    frequency = Counter(word for c in counts for word in c)
    vocabulary = {w: i for i, (w, _) in enumerate(frequency.most_common(VOCABULARY))}
    matrix = np.zeros((len(records), len(vocabulary)), dtype=np.float32)
    for row, c in enumerate(counts):
        for word, n in c.items():
            if word in vocabulary:
                matrix[row, vocabulary[word]] = (1 + math.log(n)) * math.log(
                    len(records) / frequency[word]
                )
    matrix /= np.linalg.norm(matrix, axis=1, keepdims=True) + 1e-9
    similar = matrix @ matrix.T >= STORY_COSINE
    parent = list(range(len(records)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in zip(*np.nonzero(similar), strict=True):
        if i < j:
            parent[find(int(i))] = find(int(j))
    return [find(i) for i in range(len(records))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS / "bulk" / "gilets_jaunes.jsonl")
    parser.add_argument(
        "--extra",
        type=int,
        choices=sorted(EXTRA_DRAWS),
        help="append train-only draw N to sample.tsv (1: the second draw, 2: the third)",
    )
    args = parser.parse_args()
    if args.extra:
        extra_draw(args.corpus, *EXTRA_DRAWS[args.extra])
        return
    records = [json.loads(line) for line in args.corpus.read_text(encoding="utf-8").splitlines()]
    story_of = stories(records)
    excluded = dev_keys()
    rng = random.Random(SEED)
    rows = []
    for lang, size in SIZES.items():
        pool = _pool(records, lang, excluded, _audit_ids(), story_of, set())
        drawn = rng.sample(pool, size)
        by_story: dict[int, list[int]] = {}
        for i in drawn:
            by_story.setdefault(story_of[i], []).append(i)
        order = sorted(by_story)
        rng.shuffle(order)
        split_of, test, dev = {}, 0, 0
        for story in order:
            if test < TEST_SHARE * size:
                split_of[story], test = "test", test + len(by_story[story])
            elif dev < DEV_SHARE * size:
                split_of[story], dev = "dev", dev + len(by_story[story])
            else:
                split_of[story] = "train"
        rows += [(records[i]["id"], lang, split_of[story_of[i]], story_of[i]) for i in drawn]
    OUT.write_text(
        "# id\tlang\tsplit\tstory (written by training/sample_bank.py; do not edit)\n"
        + "".join(f"{i}\t{lang}\t{split}\ts{story}\n" for i, lang, split, story in rows),
        encoding="utf-8",
    )
    print(Counter((lang, split) for _, lang, split, _ in rows))


def extra_draw(corpus: Path, seed: int, sizes: dict[str, int]) -> None:
    """Append `sizes` train articles drawn (with `seed`) from what earlier draws left,
    outside the stories of their dev and test articles."""
    records = [json.loads(line) for line in corpus.read_text(encoding="utf-8").splitlines()]
    story_of = stories(records)
    drawn = {line.split("\t")[0]: line.split("\t")[2] for line in _sample_lines()}
    held_stories = {
        story_of[i] for i, r in enumerate(records) if drawn.get(r["id"]) in ("dev", "test")
    }
    excluded = dev_keys()
    rng = random.Random(seed)
    rows = []
    for lang, size in sizes.items():
        never = _audit_ids() | drawn.keys()
        pool = _pool(records, lang, excluded, never, story_of, held_stories)
        rows += [
            (records[i]["id"], lang, story_of[i]) for i in rng.sample(pool, min(size, len(pool)))
        ]
    with OUT.open("a", encoding="utf-8") as out:
        out.writelines(f"{i}\t{lang}\ttrain\ts{story}\n" for i, lang, story in rows)
    print(Counter(lang for _, lang, _ in rows), "train articles added")


def _pool(
    records: list[dict],
    lang: str,
    excluded: set[str],
    never: set[str],
    story_of: list[int],
    held_stories: set[int],
) -> list[int]:
    """The positions of the `lang` articles a draw may take: of MIN_WORDS or more, no dev-gold
    article (`excluded` text keys), no id in `never`, no story in `held_stories`."""
    return [
        i
        for i, r in enumerate(records)
        if r["lang"] == lang
        and r["id"] not in never
        and story_of[i] not in held_stories
        and _key(r["text"]) not in excluded
        and len(r["text"].split()) >= MIN_WORDS
    ]


def _audit_ids() -> set[str]:
    """The unseen-precision audit's articles (bench/data/stance_audit_fr.ids): never drawn."""
    return set((ROOT / "bench" / "data" / "stance_audit_fr.ids").read_text().split())


def _sample_lines() -> list[str]:
    return [
        line
        for line in OUT.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]


if __name__ == "__main__":
    main()
