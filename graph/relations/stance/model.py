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
from dataclasses import dataclass, field
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
class FeatureRow:
    """A candidate's features as the lists they were built from, and its placement.

    Every feature counts twice: as it is and prefixed by the placement ("pair|…", see
    graph.relations.stance.joins). Most lists are shared by many candidates of an article
    (a sentence's features, a side's), so scoring hashes each list once; `strings` gives
    the same features as one list, what training hashes.
    """

    parts: tuple[Sequence[str], ...]
    placement: str

    def strings(self) -> list[str]:
        plain = [feature for part in self.parts for feature in part]
        return plain + [f"{self.placement}|{feature}" for feature in plain]


#: What the model scores for a candidate: its feature strings, or its FeatureRow.
Row = Sequence[str] | FeatureRow


class ColumnMemory:
    """The columns of the feature strings a model has scored, by placement ("" for none),
    kept from one scoring call to the next.

    A placement's table is emptied when it holds `limit` strings: the features that recur
    (most of an article's) are hashed again once, and rare words never pile up over a
    build of thousands of articles."""

    def __init__(self, limit: int = 200_000) -> None:
        self.limit = limit
        self.size = 0
        self.hashed: dict[str, _Columns] = {}

    def of_size(self, size: int) -> ColumnMemory:
        """This memory for a table of `size` columns (a new size forgets what it held)."""
        if size != self.size:
            self.size, self.hashed = size, {}
        for placement, columns in list(self.hashed.items()):
            if len(columns) >= self.limit:
                del self.hashed[placement]
        return self

    def columns(self, placement: str) -> _Columns:
        """The table of `placement`, made on first use."""
        found = self.hashed.get(placement)
        if found is None:
            prefix = f"{placement}|" if placement else ""
            found = self.hashed[placement] = _Columns(self.size, prefix)
        return found


@dataclass(frozen=True)
class StanceModel:
    """Weights (columns × classes), biases, class names and the calibration temperature."""

    weights: np.ndarray
    bias: np.ndarray
    classes: tuple[str, ...]
    temperature: float
    languages: frozenset[str]
    description: dict[str, object]
    #: The columns of feature strings already hashed, by placement, kept between calls:
    #: articles share most of their features (dependency labels, cue kinds, common words),
    #: so a build hashes each about once rather than once per article. Bounded (see
    #: `ColumnMemory`), so a long build's memory stays flat.
    memory: ColumnMemory = field(default_factory=ColumnMemory, compare=False, repr=False)

    @property
    def columns(self) -> int:
        return int(self.weights.shape[0])

    def probabilities(self, rows: Sequence[Row]) -> np.ndarray:
        """Calibrated class probabilities, a row per candidate's feature strings (or its
        FeatureRow: the same columns)."""
        import numpy as np

        if not rows:
            return np.zeros((0, len(self.classes)), dtype=np.float64)
        logits = self._logits(rows) / self.temperature
        logits -= logits.max(axis=1, keepdims=True)
        exp = np.exp(logits)
        return exp / exp.sum(axis=1, keepdims=True)

    def decide(self, rows: Sequence[Row], rule_kinds: Sequence[str]) -> list[tuple[str, float]]:
        """Each candidate's stance kind and confidence: the most probable stance kind, or,
        where the rules read one (`rule_kinds[i]`, "" for none), the rules' kind with at
        least the precision the rules have on the bank's train split for that kind, unless
        the model is more confident of another kind. The rules are the layer the model adds
        to: it never drops their reading, but it may name its kind better ("a condamné les
        propos de Y", which the rules read as a denial, right a quarter of the time on the
        train split, is a criticism). Out of fold on the train split this found more
        stances at a higher precision at every threshold (0.35: P 0.517 R 0.119, against
        0.510 / 0.114 keeping the rules' kind)."""
        import numpy as np

        probabilities = self.probabilities(rows)
        kinds = np.array([i for i, name in enumerate(self.classes) if name != NONE])
        # argmax keeps the first of equal probabilities, in the classes' order
        best = kinds[probabilities[:, kinds].argmax(axis=1)].tolist()
        floor = self.rule_precision
        decided = []
        for row, ruled, column in zip(probabilities.tolist(), rule_kinds, best, strict=True):
            best_kind = (self.classes[column], row[column])
            if ruled in self.classes:
                probability = max(row[self.classes.index(ruled)], floor.get(ruled, 0.0))
                decided.append((ruled, probability) if probability >= row[column] else best_kind)
            else:
                decided.append(best_kind)
        return decided

    @property
    def rule_precision(self) -> dict[str, float]:
        """The rules' relation precision per kind on the train split (see train.py)."""
        table = self.description.get("rule_precision", {})
        return {str(k): float(v) for k, v in table.items()} if isinstance(table, dict) else {}

    def _logits(self, rows: Sequence[Row]) -> np.ndarray:
        """Each row's weights summed, plus the bias: every row's columns gathered at once
        and summed row by row by one `reduceat`, the same additions in the same order as
        summing each row alone (an article has hundreds of candidates; numpy's cost per
        call, not the arithmetic, is what scoring them one by one spends)."""
        import numpy as np

        row_of, columns = _distinct_cells(rows, self.memory.of_size(self.columns))
        sums = np.zeros((len(rows), len(self.classes)), dtype=np.float64)
        if len(columns):
            counts = np.bincount(row_of, minlength=len(rows))
            filled = np.flatnonzero(counts)  # reduceat needs no empty row
            starts = np.concatenate(([0], np.cumsum(counts[filled])[:-1]))
            gathered = self.weights[columns].astype(np.float64)
            sums[filled] = np.add.reduceat(gathered, starts, axis=0)
        return sums + self.bias


def _distinct_cells(rows: Sequence[Row], memory: ColumnMemory) -> tuple[np.ndarray, np.ndarray]:
    """Every row's distinct columns, row after row and ascending within a row: the row of
    each cell and its column.

    A row's columns are gathered with repeats (its lists may share a feature, or two
    features a column) and the repeats dropped for all rows at once, by one sort of
    (row, column) keys, rather than a set and a sort per row."""
    import numpy as np

    size = memory.size
    hashed = _ListColumns(memory)
    cells: list[int] = []
    lengths: list[int] = []
    for row in rows:
        before = len(cells)
        if isinstance(row, FeatureRow):
            for part in row.parts:
                cells += hashed.both(part, row.placement)
        else:
            cells.extend(hashed.of(row, None))
        lengths.append(len(cells) - before)
    rows_index = np.repeat(np.arange(len(rows), dtype=np.int64), lengths)
    keys = np.sort(rows_index * size + np.array(cells, dtype=np.int64))
    keys = keys[np.concatenate(([True], keys[1:] != keys[:-1]))] if len(keys) else keys
    return keys // size, keys % size


class _ListColumns:
    """The columns of lists of features, each list's worked out once per scoring call.

    Most lists of a FeatureRow are shared by many candidates of an article (a sentence's
    features, a side's). Lists are told apart by identity: every row of the call, and so
    every list, is alive until the call ends, so no identity is reused meanwhile."""

    def __init__(self, memory: ColumnMemory) -> None:
        self.memory = memory
        #: By (list identity, placement): the columns of "placement|feature", of each list.
        self.lists: dict[tuple[int, str], list[int]] = {}
        #: By (list identity, placement): the list's plain columns, then its placed ones.
        self.pairs: dict[tuple[int, str], list[int]] = {}

    def both(self, features: Sequence[str], placement: str) -> list[int]:
        """The columns of `features` as they are, then under `placement`: what a row's
        list counts for, looked up once per list and placement (a scoring call asks for
        the same shared lists hundreds of thousands of times)."""
        key = (id(features), placement)
        found = self.pairs.get(key)
        if found is None:
            found = self.pairs[key] = self.of(features, "") + self.of(features, placement)
        return found

    def of(self, features: Sequence[str], placement: str | None) -> list[int]:
        """The columns of `features` under `placement` (None: a list seen once, not kept)."""
        if placement is None:
            plain = self.memory.columns("")
            return [plain[feature] for feature in features]
        found = self.lists.get((id(features), placement))
        if found is None:
            columns = self.memory.columns(placement)
            found = self.lists[id(features), placement] = [columns[f] for f in features]
        return found


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
    """Feature string → its column (CRC-32 modulo the table size), hashed on first use.

    With a `prefix`, the column of the prefix followed by the string, without building it:
    a CRC-32 goes on from the CRC of what came before."""

    def __init__(self, size: int, prefix: str = "") -> None:
        super().__init__()
        self.size = size
        self.start = zlib.crc32(prefix.encode("utf-8"))

    def __missing__(self, feature: str) -> int:
        column = self[feature] = zlib.crc32(feature.encode("utf-8"), self.start) % self.size
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
