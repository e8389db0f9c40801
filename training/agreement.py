"""Inter-annotator agreement on the stance bank (standard library only).

    python3 training/agreement.py

`training/stance_bank/agreement/*.jsonl` holds blind second readings of articles whose
first reading is in `annotations/`. Prints, over those articles, the F1 of one reading
against the other on relations (source, kind, target), on pairs whatever the kind, and the
agreement on kind among the pairs both found. Sides match when they share a name.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BANK_DIR = ROOT / "training" / "stance_bank"


def _bank():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location(
        "bank", ROOT / "graph" / "relations" / "stance" / "bank.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["bank"] = module
    spec.loader.exec_module(module)
    return module


def _matches(one, other, with_kind: bool) -> bool:  # type: ignore[no-untyped-def]
    bank = _bank_module
    names = lambda side: {bank.fold(n) for n in side}  # noqa: E731
    return (
        (not with_kind or one.kind == other.kind)
        and bool(names(one.sources) & names(other.sources))
        and bool(names(one.targets) & names(other.targets))
    )


def _f1(first, second, with_kind: bool) -> tuple[int, int, int]:  # type: ignore[no-untyped-def]
    found_first = sum(1 for r in first if any(_matches(r, s, with_kind) for s in second))
    found_second = sum(1 for s in second if any(_matches(s, r, with_kind) for r in first))
    return found_first + found_second, len(first), len(second)


def _f1_value(matched: int, first: int, second: int) -> float:
    """F1 of two readings from the relations each found in the other (counted from both
    sides, so twice the matches over both totals)."""
    return matched / (first + second) if first + second else 0.0


def main() -> int:
    sample = _bank_module.read_sample(BANK_DIR / "sample.tsv")
    corpus = ROOT.parent / "shared" / "corpus" / "bulk" / "gilets_jaunes.jsonl"
    records = _bank_module.read_corpus_records(corpus, sample)
    texts = {k: r.get("text", "") for k, r in records.items()}
    primary = {}
    for path in sorted((BANK_DIR / "annotations").glob("*.jsonl")):
        for article in _bank_module.read_annotations(path, texts):
            primary.setdefault(article.id, article)
    totals = {True: [0, 0, 0], False: [0, 0, 0]}
    same_kind = both = articles = 0
    for path in sorted((BANK_DIR / "agreement").glob("*.jsonl")):
        here = [0, 0, 0]
        for second in _bank_module.read_annotations(path, texts):
            first = primary.get(second.id)
            if first is None:
                continue
            articles += 1
            for with_kind in (True, False):
                counts = _f1(first.relations, second.relations, with_kind)
                totals[with_kind] = [a + b for a, b in zip(totals[with_kind], counts, strict=True)]
                if with_kind:
                    here = [a + b for a, b in zip(here, counts, strict=True)]
            for r in first.relations:
                paired = [s for s in second.relations if _matches(r, s, False)]
                if paired:
                    both += 1
                    same_kind += any(s.kind == r.kind for s in paired)
        if here[1] + here[2]:
            print(f"{path.name}: relation F1 {_f1_value(*here):.3f}")
    print(f"articles read twice: {articles}")
    for with_kind, label in ((True, "relations (source, kind, target)"), (False, "pairs")):
        matched, first, second = totals[with_kind]
        f1 = _f1_value(matched, first, second)
        print(f"{label}: F1 {f1:.3f} ({first} and {second} relations)")
    if both:
        print(f"same kind among pairs both readings found: {same_kind / both:.3f} ({both})")
    return 0


_bank_module = _bank()

if __name__ == "__main__":
    raise SystemExit(main())
