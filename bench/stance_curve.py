"""Precision–recall of the stance model on the stance bank, against the rules alone.

    .venv/bin/python bench/stance_curve.py [--out docs/stance_pr.png] [--json FILE]

Scores the shipped model (graph/data/models/stance.npz) on the dev and test splits of
`training/stance_bank`, French and English apart, at confidence thresholds from 0.05 to
0.95, and the rules alone (one point each), the way `newsgraph eval --bank` does; draws one
panel per language with matplotlib and prints the figures. The test split is only scored
here, never read for errors.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np

from graph.nlp import Pipelines
from graph.relations.stance.dataset import label_bank, load_bank
from graph.relations.stance.evaluation import counts, curve, ruled_relations
from graph.relations.stance.model import default_min_confidence, load_model
from graph.relations.stance.train import BANK, CACHE, CORPUS

ROOT = Path(__file__).resolve().parent.parent
THRESHOLDS = [round(t, 2) for t in np.arange(0.05, 0.96, 0.05)]


def figures() -> dict[str, dict[str, object]]:
    """Per split and language: the model's curve and the rules' point."""
    articles = label_bank(load_bank(BANK, CORPUS), Pipelines(), CACHE)
    model = load_model()
    found: dict[str, dict[str, object]] = {}
    for split in ("dev", "test"):
        for lang in ("fr", "en"):
            chosen = [a for a in articles if a.split == split and a.lang == lang]
            rules = counts(chosen, [ruled_relations(a) for a in chosen], 0.0)
            found[f"{split}_{lang}"] = {
                "model": [
                    (t, c.precision, c.recall, c.predicted)
                    for t, c in curve(model, chosen, THRESHOLDS)
                ],
                "rules": (rules.precision, rules.recall, rules.predicted),
                "gold": rules.gold,
            }
    return found


def draw(found: dict[str, dict[str, object]], out: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    threshold = default_min_confidence()
    figure, axes = plt.subplots(1, 2, figsize=(10, 4.2), sharey=True)
    for axis, lang in zip(axes, ("fr", "en"), strict=True):
        for split, colour in (("dev", "tab:blue"), ("test", "tab:red")):
            entry = found[f"{split}_{lang}"]
            points = [(r, p) for t, p, r, n in entry["model"] if n]  # type: ignore[union-attr]
            axis.plot(*zip(*points, strict=True), "-o", ms=3, color=colour, label=f"model, {split}")
            chosen = [(r, p) for t, p, r, n in entry["model"] if t == threshold and n]  # type: ignore[union-attr]
            if chosen:
                axis.plot(*chosen[0], "*", ms=14, color=colour)
            p, r, _ = entry["rules"]  # type: ignore[misc]
            axis.plot(r, p, "s", ms=8, color=colour, mfc="none", label=f"rules alone, {split}")
        axis.set_title(
            f"{'French' if lang == 'fr' else 'English'} (star: default threshold {threshold})"
        )
        axis.set_xlabel("relation recall")
        axis.set_xlim(0, 1)
        axis.set_ylim(0, 1.02)
        axis.grid(alpha=0.3)
    axes[0].set_ylabel("relation precision")
    axes[1].legend(loc="upper right", fontsize=8)
    figure.tight_layout()
    out.parent.mkdir(parents=True, exist_ok=True)
    figure.savefig(out, dpi=110)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "stance_pr.png")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args()
    found = figures()
    for name, entry in found.items():
        p, r, n = entry["rules"]  # type: ignore[misc]
        print(f"{name}: gold {entry['gold']}; rules P={p:.3f} R={r:.3f} ({n})")
        for t, p, r, n in entry["model"]:  # type: ignore[union-attr]
            print(f"   model >= {t:.2f}: P={p:.3f} R={r:.3f} ({n})")
    draw(found, args.out)
    if args.json:
        args.json.write_text(json.dumps(found, indent=1) + "\n", encoding="utf-8")
    print(f"curve: {args.out}")


if __name__ == "__main__":
    main()
