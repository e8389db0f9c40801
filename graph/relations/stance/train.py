"""Train the stance model on the stance bank's train split (deterministic).

    .venv/bin/python -m graph.relations.stance.train [--bank training/stance_bank]
        [--corpus ../shared/corpus/bulk/gilets_jaunes.jsonl] [--out graph/data/models/stance.npz]

Parses the bank's articles (docs cached in `training/.cache/`, not committed), labels their
candidates (graph.relations.stance.dataset), and fits a multinomial logistic regression
(scikit-learn, lbfgs: the same data give the same weights) on the train split. The
regularisation is chosen, the temperature fitted and the default `--min-confidence` chosen
by cross-validation over the train split's articles (each third predicted by a model fitted
on the other two), so the dev split stays for measuring and the test split is only ever
scored. Writes the weights
(`stance.npz`, float16) and their description (`stance.json`: classes, languages,
temperature, default threshold, training figures).

Why logistic regression over hashed features rather than a spaCy trainable component: a
few thousand labelled candidates are too few for a neural network to beat a linear model
on strong hand-made features (the rules' verdict, the dependency path, the cue lexicons);
the linear model trains in seconds on 2 cores, is deterministic, scores with numpy alone at
no cost next to parsing, and its probabilities calibrate with one temperature.
"""

from __future__ import annotations

import argparse
import json
import logging
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from scipy.sparse import csr_matrix

from graph.nlp import Pipelines
from graph.relations.stance.dataset import LabelledArticle, label_bank, load_bank
from graph.relations.stance.evaluation import (
    Relation,
    choose_threshold,
    counts,
    predicted_relations,
    rule_precision,
    scores_at,
    scores_by_split,
)
from graph.relations.stance.model import NONE, StanceModel, feature_columns

log = logging.getLogger(__name__)

ROOT = Path(__file__).resolve().parents[3]
BANK = ROOT / "training" / "stance_bank"
CORPUS = ROOT.parent / "shared" / "corpus" / "bulk" / "gilets_jaunes.jsonl"
CACHE = ROOT / "training" / ".cache"
OUT = ROOT / "graph" / "data" / "models" / "stance.npz"
CLASSES = (NONE, "supports", "denies", "criticises", "accuses")
#: Hashed feature columns: collisions are rare for the ~50k distinct features seen.
COLUMNS = 2**18
#: Inverse regularisation strengths tried by cross-validation.
STRENGTHS = (0.03, 0.1)
FOLDS = 3
#: Weight of a stance candidate against a `none` one in training: stances are ~1 % of
#: candidates; the calibration's offset takes the weighting back out of the probabilities.
STANCE_WEIGHT = 4.0
#: Precision the default `--min-confidence` is chosen for, out of fold on the train split.
TARGET_PRECISION = 0.80
#: Thresholds at which the description records the out-of-fold precision and recall.
CURVE_THRESHOLDS = (0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8)


def matrix(articles: Sequence[LabelledArticle]) -> tuple[csr_matrix, np.ndarray, np.ndarray]:
    """The labelled candidates of `articles` as a 0/1 matrix, class indices and groups
    (the article's position), leaving out the candidates labelled None."""
    rows, columns, labels, groups = [], [], [], []
    count = 0
    for position, article in enumerate(articles):
        for features, label in zip(article.features, article.labels, strict=True):
            if label is None:
                continue
            cells = feature_columns(features, COLUMNS)
            rows.append(np.full(len(cells), count))
            columns.append(cells)
            labels.append(CLASSES.index(label))
            groups.append(position)
            count += 1
    data = np.ones(sum(len(c) for c in columns), dtype=np.float32)
    shape = (count, COLUMNS)
    if not count:
        return csr_matrix(shape, dtype=np.float32), np.zeros(0, int), np.zeros(0, int)
    sparse = csr_matrix((data, (np.concatenate(rows), np.concatenate(columns))), shape=shape)
    return sparse, np.array(labels), np.array(groups)


def fit(x: csr_matrix, y: np.ndarray, strength: float) -> tuple[np.ndarray, np.ndarray]:
    """Weights (columns × classes) and biases of a logistic regression, every class kept
    even when the data lack one (its weights stay zero and its bias very low)."""
    from sklearn.linear_model import LogisticRegression

    present = np.unique(y)
    weights = np.zeros((x.shape[1], len(CLASSES)), dtype=np.float32)
    bias = np.full(len(CLASSES), -20.0)
    if len(present) < 2:
        bias[present] = 0.0
        return weights, bias
    model = LogisticRegression(C=strength, max_iter=3000, tol=1e-6)
    model.fit(x, y, sample_weight=np.where(y == 0, 1.0, STANCE_WEIGHT))
    coefficients = model.coef_ if len(present) > 2 else np.vstack([-model.coef_, model.coef_])
    intercepts = model.intercept_ if len(present) > 2 else np.array([-1, 1]) * model.intercept_[0]
    weights[:, present] = coefficients.T
    bias[present] = intercepts
    return weights, bias


FoldModel = tuple[np.ndarray, np.ndarray]


def out_of_fold_logits(
    x: csr_matrix, y: np.ndarray, groups: np.ndarray, strength: float
) -> tuple[np.ndarray, dict[int, FoldModel]]:
    """Each candidate's logits from a model fitted without its article's fold, and each
    fold's model (weights, biases) for predicting the rest of that fold's articles."""
    logits = np.zeros((x.shape[0], len(CLASSES)))
    models: dict[int, FoldModel] = {}
    fold_of = groups % FOLDS
    for fold in range(FOLDS):
        held = fold_of == fold
        if not held.any() or held.all():
            continue
        weights, bias = fit(x[~held], y[~held], strength)
        logits[held] = x[held] @ weights + bias
        models[fold] = (weights, bias)
    return logits, models


def out_of_fold_relations(
    training: Sequence[LabelledArticle],
    models: dict[int, FoldModel],
    temperature: float,
    offset: float,
    description: dict[str, object],
) -> tuple[list[LabelledArticle], list[dict[Relation, float]]]:
    """The relations each train article's fold model reads in it (calibrated like the
    shipped model), for the articles whose fold has a model: predictions on 1,285 articles
    no model saw choose the default threshold more steadily than the dev split's 78."""
    chosen, predictions = [], []
    for position, article in enumerate(training):
        if position % FOLDS not in models:
            continue
        weights, bias = models[position % FOLDS]
        bias = bias.copy()
        bias[1:] += offset * temperature
        model = StanceModel(weights, bias, CLASSES, temperature, frozenset(), description)
        chosen.append(article)
        predictions.append(predicted_relations(model, article))
    return chosen, predictions


def calibration_for(logits: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    """The temperature T and stance offset d that make softmax(logits / T + d·[stance])
    most likely on held-out labels: T undoes over-confidence, d the training's weighting."""
    best, best_loss = (1.0, 0.0), float("inf")
    for temperature in np.arange(0.5, 3.01, 0.1):
        for offset in np.arange(-4.0, 1.01, 0.25):
            loss = log_loss(calibrated(logits, float(temperature), float(offset)), y)
            if loss < best_loss - 1e-9:
                best, best_loss = (round(float(temperature), 2), round(float(offset), 2)), loss
    return best


def calibrated(logits: np.ndarray, temperature: float, offset: float) -> np.ndarray:
    scaled = logits / temperature
    scaled[:, 1:] += offset
    return scaled


def log_loss(logits: np.ndarray, y: np.ndarray) -> float:
    scaled = logits - logits.max(axis=1, keepdims=True)
    log_probability = scaled - np.log(np.exp(scaled).sum(axis=1, keepdims=True))
    return float(-log_probability[np.arange(len(y)), y].mean())


def train(articles: Sequence[LabelledArticle]) -> StanceModel:
    """The calibrated model of the train split of `articles`, and its description."""
    training = [a for a in articles if a.split == "train"]
    x, y, groups = matrix(training)
    losses: dict[float, float] = {}
    calibrations: dict[float, tuple[float, float]] = {}
    fold_models: dict[float, dict[int, FoldModel]] = {}
    for strength in STRENGTHS:
        held_out, fold_models[strength] = out_of_fold_logits(x, y, groups, strength)
        calibrations[strength] = calibration_for(held_out, y)
        losses[strength] = log_loss(calibrated(held_out, *calibrations[strength]), y)
        log.info("C=%s: calibrated held-out log loss %.4f", strength, losses[strength])
    strength = min(STRENGTHS, key=lambda s: losses[s])
    temperature, offset = calibrations[strength]
    weights, bias = fit(x, y, strength)
    bias[1:] += offset * temperature  # the model divides the whole logit by T
    precision_of_rules = rule_precision(training)
    languages = sorted({a.lang for a in training})
    description: dict[str, object] = {
        "classes": list(CLASSES),
        "languages": languages,
        "columns": COLUMNS,
        "hash": "crc32",
        "temperature": temperature,
        "stance_offset": offset,
        "regularisation_C": strength,
        "train_articles": len(training),
        "train_candidates": int(x.shape[0]),
        "train_positives": int((y != 0).sum()),
        "rule_precision": precision_of_rules,
    }
    held, predictions = out_of_fold_relations(
        training, fold_models[strength], temperature, offset, description
    )
    model = StanceModel(
        weights.astype(np.float16).astype(np.float32),
        bias,
        CLASSES,
        temperature,
        frozenset(languages),
        description,
    )
    if held:
        threshold, how = choose_threshold(
            predictions, held, TARGET_PRECISION, "the train split, out of fold"
        )
    else:  # too few train articles for folds: the shipped model on dev
        dev = [a for a in articles if a.split == "dev"]
        threshold, how = choose_threshold(
            [predicted_relations(model, a) for a in dev], dev, TARGET_PRECISION, "dev"
        )
    description["default_min_confidence"] = threshold
    description["default_min_confidence_chosen_for"] = how
    if held:
        description["train_out_of_fold"] = counts(held, predictions, threshold).as_dict()
        description["train_out_of_fold_curve"] = {
            str(t): score.as_dict() for t, score in scores_at(held, predictions, CURVE_THRESHOLDS)
        }
    return model


def save(model: StanceModel, path: Path) -> None:
    """Write the weights (float16, compressed) and the description beside them."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as handle:
        np.savez_compressed(handle, weights=model.weights.astype(np.float16), bias=model.bias)
    path.with_suffix(".json").write_text(
        json.dumps(model.description, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Train the stance model on the stance bank.")
    parser.add_argument("--bank", type=Path, default=BANK)
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--cache", type=Path, default=CACHE)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    articles = label_bank(load_bank(args.bank, args.corpus), Pipelines(), args.cache)
    model = train(articles)
    threshold = float(model.description["default_min_confidence"])  # type: ignore[arg-type]
    model.description["dev"] = scores_by_split(model, articles, threshold)["dev"]
    save(model, args.out)
    print(json.dumps(model.description, indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
