"""The trained stance model: weights shipped in the package, scored with numpy alone.

A multinomial logistic regression over hashed feature strings (graph.relations.stance.
features), trained by graph.relations.stance.train on the stance bank, then calibrated: its
logits are divided by a temperature fitted on held-out predictions, so that of the
candidates scored 0.8, about 80 % are stances of that kind. The weights live in
`graph/data/models/stance.npz` with their description in `stance.json`; both are package
data, so the model's digest is part of the pipeline version a store files results under.

Scoring needs numpy only (scikit-learn is a training dependency): columns are CRC-32 of the
feature string modulo the table size, a choice the training writes into the description.
"""

from __future__ import annotations

import hashlib
import json
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from graph.errors import ModelError

if TYPE_CHECKING:
    import numpy as np

#: The class of a candidate that is no stance; the others are the stance kinds.
NONE = "none"
TRAIN_COMMAND = ".venv/bin/python -m graph.relations.stance.train"


@dataclass(frozen=True)
class StanceModel:
    """Weights (columns × classes), biases, class names and the calibration temperature."""

    weights: np.ndarray
    bias: np.ndarray
    classes: tuple[str, ...]
    temperature: float
    languages: frozenset[str]
    description: dict[str, object]

    @property
    def columns(self) -> int:
        return int(self.weights.shape[0])

    def probabilities(self, rows: Sequence[Sequence[str]]) -> np.ndarray:
        """Calibrated class probabilities, a row per candidate's feature strings."""
        import numpy as np

        if not rows:
            return np.zeros((0, len(self.classes)), dtype=np.float64)
        logits = self._logits(rows) / self.temperature
        logits -= logits.max(axis=1, keepdims=True)
        exp = np.exp(logits)
        return exp / exp.sum(axis=1, keepdims=True)

    def decide(
        self, rows: Sequence[Sequence[str]], rule_kinds: Sequence[str]
    ) -> list[tuple[str, float]]:
        """Each candidate's stance kind and confidence: the most probable stance kind, or,
        where the rules read one (`rule_kinds[i]`, "" for none), the rules' kind with at
        least the precision the rules have on the bank's train split for that kind. The
        rules are the high-precision layer the model adds to: it never drops their reading,
        it only scores it."""
        kinds = [i for i, name in enumerate(self.classes) if name != NONE]
        floor = self.rule_precision
        decided = []
        for row, ruled in zip(self.probabilities(rows), rule_kinds, strict=True):
            if ruled in self.classes:
                column = self.classes.index(ruled)
                decided.append((ruled, max(float(row[column]), floor.get(ruled, 0.0))))
            else:
                best = max(kinds, key=lambda i: row[i])
                decided.append((self.classes[best], float(row[best])))
        return decided

    @property
    def rule_precision(self) -> dict[str, float]:
        """The rules' relation precision per kind on the train split (see train.py)."""
        table = self.description.get("rule_precision", {})
        return {str(k): float(v) for k, v in table.items()} if isinstance(table, dict) else {}

    def _logits(self, rows: Sequence[Sequence[str]]) -> np.ndarray:
        """Each row's weights summed, plus the bias: every row's columns gathered at once
        and summed row by row by one `reduceat`, the same additions in the same order as
        summing each row alone (an article has hundreds of candidates; numpy's cost per
        call, not the arithmetic, is what scoring them one by one spends)."""
        import numpy as np

        known = _Columns(self.columns)
        columns = [feature_columns(features, self.columns, known) for features in rows]
        filled = [i for i, row in enumerate(columns) if len(row)]  # reduceat needs no empty row
        sums = np.zeros((len(rows), len(self.classes)), dtype=np.float64)
        if filled:
            starts = np.cumsum([0, *(len(columns[i]) for i in filled[:-1])])
            gathered = self.weights[np.concatenate([columns[i] for i in filled])]
            sums[filled] = np.add.reduceat(gathered.astype(np.float64), starts, axis=0)
        return sums + self.bias


def feature_columns(
    features: Sequence[str], size: int, known: _Columns | None = None
) -> np.ndarray:
    """The distinct model columns of feature strings (each counts once: features are 0/1).

    `known` (a `_Columns` of the same size) remembers the columns of strings already seen:
    an article's candidates share most of their features.
    """
    import numpy as np

    columns = known if known is not None else _Columns(size)
    return np.array(sorted({columns[feature] for feature in features}), dtype=np.int64)


class _Columns(dict[str, int]):
    """Feature string → its column (CRC-32 modulo the table size), hashed on first use."""

    def __init__(self, size: int) -> None:
        super().__init__()
        self.size = size

    def __missing__(self, feature: str) -> int:
        column = self[feature] = zlib.crc32(feature.encode("utf-8")) % self.size
        return column


def default_model_path() -> Path:
    """Where the shipped weights are: `graph/data/models/stance.npz`."""
    return Path(str(resources.files("graph") / "data" / "models" / "stance.npz"))


def default_min_confidence(path: Path | None = None) -> float:
    """The `--min-confidence` the model was shipped with (chosen on the bank's dev split)."""
    value = load_model(path).description.get("default_min_confidence", 0.5)
    return float(value) if isinstance(value, (int, float)) else 0.5


@lru_cache(maxsize=4)
def load_model(path: Path | None = None) -> StanceModel:
    """The model at `path` (default: the shipped one), loaded once per process.

    A missing or unreadable file is a ModelError naming it and the command that trains it.
    """
    import numpy as np

    path = path or default_model_path()
    description_path = path.with_suffix(".json")
    try:
        description = json.loads(description_path.read_text(encoding="utf-8"))
        description["sha256"] = hashlib.sha256(path.read_bytes()).hexdigest()
        with np.load(path, allow_pickle=False) as arrays:
            weights = arrays["weights"].astype(np.float32)
            bias = arrays["bias"].astype(np.float64)
    except (OSError, ValueError, KeyError) as error:
        raise ModelError(
            f"the stance model {path} (with {description_path.name}) cannot be read ({error}); "
            f"train it again with `{TRAIN_COMMAND}`"
        ) from error
    classes = tuple(description.get("classes", ()))
    if weights.ndim != 2 or weights.shape[1] != len(classes) or bias.shape != (len(classes),):
        raise ModelError(
            f"the stance model {path} does not match its description {description_path.name}; "
            f"train it again with `{TRAIN_COMMAND}`"
        )
    return StanceModel(
        weights,
        bias,
        classes,
        float(description.get("temperature", 1.0)),
        frozenset(description.get("languages", ())),
        description,
    )
