"""Stance precision on articles no rule was written from, against a judged sample.

    .venv/bin/python bench/stance_audit.py [--audit bench/data/stance_audit_fr.tsv]
                                           [--corpus PATH] [--show]

The dev gold sets measure recall and precision on articles the rules were developed on.
This audit measures precision where they were not: `bench/data/stance_audit_fr.tsv` holds
every stance the extractor once drew from the 300 bulk-corpus articles listed in
`stance_audit_fr.ids`, each judged right or wrong by reading its sentence. The script
extracts those articles again and prints how many judged stances it still draws, the
precision over them, the right ones it lost, and the stances it now draws that nobody
judged yet (to judge and append, with `--show`).
"""

from __future__ import annotations

import argparse
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from graph.articles import Corpus, read_articles
from graph.extract import ArticleExtraction, extract
from graph.relations.stance.model import default_min_confidence

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_AUDIT = ROOT / "bench" / "data" / "stance_audit_fr.tsv"
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "bulk" / "gilets_jaunes.jsonl"

Triple = tuple[str, str, str, str]  # article, source, kind, target


@dataclass(frozen=True)
class Audit:
    """The judged stances: the article ids they come from and each one's verdict."""

    articles: frozenset[str]
    verdicts: dict[Triple, str]


def read_audit(path: Path) -> Audit:
    """The verdicts of `path`, over the sample listed in the `.ids` file beside it."""
    verdicts: dict[Triple, str] = {}
    ids = path.with_suffix(".ids")
    articles = set(ids.read_text(encoding="utf-8").split()) if ids.is_file() else set()
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        article, source, kind, target, verdict = cells[:5]
        articles.add(article)
        verdicts[(article, source, kind, target)] = verdict
    return Audit(frozenset(articles), verdicts)


def drawn(results: Iterable[ArticleExtraction]) -> dict[Triple, str]:
    """Every stance a default build draws (at the model's default confidence), by label or
    name as the audit writes them, with its sentence."""
    found: dict[Triple, str] = {}
    threshold = default_min_confidence()
    for result in results:
        for stance in result.stances:
            if stance.confidence is not None and stance.confidence < threshold:
                continue  # not in the graph a default build draws
            triple = (
                result.article.id,
                stance.source.label or stance.source.name,
                stance.kind,
                stance.target.label or stance.target.name,
            )
            found.setdefault(triple, result.sentences[stance.sentence].text)
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--audit", type=Path, default=DEFAULT_AUDIT)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--show", action="store_true", help="print the unjudged stances")
    args = parser.parse_args()
    audit = read_audit(args.audit)
    corpus = read_articles([args.corpus])
    chosen = tuple(a for a in corpus.articles if a.id in audit.articles)
    found = drawn(extract(Corpus(chosen, ())).articles)

    right = [t for t in found if audit.verdicts.get(t) == "right"]
    wrong = [t for t in found if audit.verdicts.get(t) == "wrong"]
    unjudged = [t for t in found if t not in audit.verdicts]
    lost = [t for t, v in audit.verdicts.items() if v == "right" and t not in found]
    judged = len(right) + len(wrong)
    print(f"articles: {len(chosen)} of {len(audit.articles)} audited")
    print(f"stances drawn: {len(found)}  judged: {judged}  unjudged: {len(unjudged)}")
    if judged:
        print(f"precision over judged stances: {len(right) / judged:.3f} ({len(right)}/{judged})")
    print(f"right stances no longer drawn: {len(lost)}")
    for triple in lost:
        print("   lost: " + " | ".join(triple))
    if args.show:
        for triple in unjudged:
            print("   unjudged: " + "\t".join(triple) + "\t" + found[triple][:200])


if __name__ == "__main__":
    main()
