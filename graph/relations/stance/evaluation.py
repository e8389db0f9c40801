"""Stance figures on the stance bank, per split, as `newsgraph eval --bank` prints them.

Scored like the dev gold sets (graph.evaluate, whose Score counts them): per article, on
distinct (source, kind, target) relations, an actor matching by any of its names. A
predicted relation's confidence is the highest of the sentences stating it. The rules alone
are scored the same way, so each figure has its baseline beside it.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

import numpy as np

from graph.evaluate import Score
from graph.relations.stance.bank import KINDS
from graph.relations.stance.candidates import overruled
from graph.relations.stance.dataset import LabelledArticle, name_keys, names_agree
from graph.relations.stance.model import StanceModel

Relation = tuple[str, str, str]  # source key, kind, target key


def predicted_relations(model: StanceModel, article: LabelledArticle) -> dict[Relation, float]:
    """Each relation the model reads in an article, with its confidence."""
    found: dict[Relation, float] = {}
    decided = model.decide(article.features, [c.rule_kind for c in article.candidates])
    contradicted = overruled(article.candidates)
    for candidate, (kind, confidence), dropped in zip(
        article.candidates, decided, contradicted, strict=True
    ):
        if dropped:
            continue
        relation = (candidate.source.key, kind, candidate.target.key)
        found[relation] = max(found.get(relation, 0.0), confidence)
    return found


def rule_precision(articles: Sequence[LabelledArticle]) -> dict[str, float]:
    """The rules' relation precision per stance kind over `articles` (0 for a kind they
    never read)."""
    table = {}
    for kind in KINDS:
        chosen = [{r: p for r, p in ruled_relations(a).items() if r[1] == kind} for a in articles]
        table[kind] = round(counts(articles, chosen, 0.0).precision, 3)
    return table


def ruled_relations(article: LabelledArticle) -> dict[Relation, float]:
    """The relations the rules alone read, each as if certain."""
    return {(s.source.key, s.kind, s.target.key): 1.0 for s in article.ruled}


def judged(
    article: LabelledArticle, predicted: dict[Relation, float], threshold: float
) -> tuple[list[tuple[float, bool]], int]:
    """Each predicted relation at or above `threshold` with whether it is right, and how
    many annotated relations were found."""
    gold = [
        (name_keys(r.sources), r.kind, name_keys(r.targets)) for r in article.annotation.relations
    ]

    def matches(relation: Relation, wanted: tuple[set[str], str, set[str]]) -> bool:
        source, kind, target = relation
        return (
            kind == wanted[1]
            and names_agree(article.names.get(source, frozenset()), wanted[0])
            and names_agree(article.names.get(target, frozenset()), wanted[2])
        )

    kept = {r: p for r, p in predicted.items() if p >= threshold}
    verdicts = [(p, any(matches(r, g) for g in gold)) for r, p in kept.items()]
    found = sum(1 for g in gold if any(matches(r, g) for r in kept))
    return verdicts, found


def counts(
    articles: Sequence[LabelledArticle],
    predictions: Sequence[dict[Relation, float]],
    threshold: float,
) -> Score:
    right = predicted = found = gold = 0
    for article, predicted_here in zip(articles, predictions, strict=True):
        verdicts, found_here = judged(article, predicted_here, threshold)
        right += sum(1 for _, ok in verdicts if ok)
        predicted += len(verdicts)
        found += found_here
        gold += len(article.annotation.relations)
    return Score(true_predicted=right, predicted=predicted, found_gold=found, gold=gold)


def scores_by_split(
    model: StanceModel, articles: Sequence[LabelledArticle], threshold: float
) -> dict[str, dict[str, dict[str, float | int]]]:
    """Model and rules-alone figures for each split and language."""
    scores: dict[str, dict[str, dict[str, float | int]]] = {}
    for split in ("train", "dev", "test"):
        for lang in ("fr", "en", "all"):
            chosen = [a for a in articles if a.split == split and (lang == "all" or a.lang == lang)]
            if not chosen:
                continue
            name = f"{split}" if lang == "all" else f"{split}_{lang}"
            model_counts = counts(
                chosen, [predicted_relations(model, a) for a in chosen], threshold
            )
            rule_counts = counts(chosen, [ruled_relations(a) for a in chosen], 0.0)
            scores.setdefault(split, {})[f"{name}_model"] = model_counts.as_dict()
            scores[split][f"{name}_rules"] = rule_counts.as_dict()
    return scores


def curve(
    model: StanceModel, articles: Sequence[LabelledArticle], thresholds: Sequence[float]
) -> list[tuple[float, Score]]:
    """Precision and recall of the model at each threshold (a precision–recall curve)."""
    predictions = [predicted_relations(model, a) for a in articles]
    return scores_at(articles, predictions, thresholds)


def scores_at(
    articles: Sequence[LabelledArticle],
    predictions: Sequence[dict[Relation, float]],
    thresholds: Sequence[float],
) -> list[tuple[float, Score]]:
    """Precision and recall of `predictions` of `articles` at each threshold."""
    return [(t, counts(articles, predictions, t)) for t in thresholds]


#: Relations a threshold must keep on the split it is chosen on for its precision to count:
#: three right out of three says little.
MIN_KEPT = 10
#: Share of the annotated relations a threshold must find for its precision to count.
MIN_RECALL = 0.10
#: Precision of the fallback default: more of its stances right than wrong.
MORE_RIGHT_THAN_WRONG = 0.5


def choose_threshold(
    predictions: Sequence[dict[Relation, float]],
    articles: Sequence[LabelledArticle],
    precision: float,
    where: str,
) -> tuple[float, str]:
    """The default confidence threshold and how it was chosen, from `predictions` of
    `articles` (described as `where`): the lowest threshold whose relations reach
    `precision` (the most recall at that precision) while keeping MIN_KEPT relations and
    MIN_RECALL of the annotated ones. When none does (on the train split's out-of-fold
    predictions, precision 0.80 comes only at recall 0.023, fewer stances than the rules
    alone draw), the lowest threshold whose stances are more often right than wrong: a
    default a reader can explain and trust, with the slider for more or fewer. Failing
    that, the best F0.5 (precision counted twice as much as recall)."""
    thresholds = [round(t, 2) for t in np.arange(0.2, 0.96, 0.05)]
    scores = scores_at(articles, predictions, thresholds)
    for threshold, score in scores:
        kept = score.predicted >= MIN_KEPT and score.recall >= MIN_RECALL
        if kept and score.precision >= precision:
            return threshold, f"precision >= {precision} on {where}"
    for threshold, score in scores:
        if score.predicted >= MIN_KEPT and score.precision >= MORE_RIGHT_THAN_WRONG:
            return threshold, (
                f"lowest with precision >= {MORE_RIGHT_THAN_WRONG} on {where} "
                f"(precision {precision} not reached with recall {MIN_RECALL})"
            )
    best = max(scores, key=lambda item: (_f_half(item[1]), -item[0]))[0]
    return best, f"best F0.5 on {where} (precision {MORE_RIGHT_THAN_WRONG} not reached)"


def _f_half(score: Score) -> float:
    p, r = score.precision, score.recall
    return 1.25 * p * r / (0.25 * p + r) if p + r else 0.0


def reliability(
    model: StanceModel, articles: Sequence[LabelledArticle], bins: int = 8
) -> list[tuple[float, float, int, float]]:
    """Per confidence bin of predicted relations: (low, high, count, share right)."""
    verdicts: list[tuple[float, bool]] = []
    for article in articles:
        verdicts += judged(article, predicted_relations(model, article), 0.2)[0]
    edges = np.linspace(0.2, 1.0, bins + 1)
    table = []
    for low, high in pairwise(edges):
        inside = [ok for p, ok in verdicts if low <= p < high or (high == 1.0 and p == 1.0)]
        if inside:
            table.append((float(low), float(high), len(inside), sum(inside) / len(inside)))
    return table


def bank_figures(
    model: StanceModel, articles: Sequence[LabelledArticle], threshold: float
) -> dict[str, object]:
    """Everything `newsgraph eval --bank` reports: per split and language the model's and
    the rules' figures at `threshold`, and the dev split's reliability table."""
    dev = [a for a in articles if a.split == "dev"]
    return {
        "threshold": threshold,
        "scores": scores_by_split(model, articles, threshold),
        "reliability_dev": [
            {"from": round(low, 2), "to": round(high, 2), "relations": n, "right": round(r, 3)}
            for low, high, n, r in reliability(model, dev)
        ],
    }


def format_bank_figures(figures: dict[str, object]) -> str:
    """The figures as a plain-text table."""
    lines = [f"== stance bank (model at confidence >= {figures['threshold']})"]
    scores = figures["scores"]
    assert isinstance(scores, dict)
    for table in scores.values():
        for name, score in table.items():
            lines.append(
                f"   {name:<18} P={score['precision']:.3f} R={score['recall']:.3f} "
                f"(predicted {score['predicted']}, gold {score['gold']})"
            )
    lines.append("   reliability on dev (confidence bin: relations, share right):")
    for row in figures["reliability_dev"]:  # type: ignore[attr-defined]
        lines.append(
            f"     {row['from']:.2f}-{row['to']:.2f}: {row['relations']}, {row['right']:.3f}"
        )
    return "\n".join(lines)
