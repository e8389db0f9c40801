"""The shipped stance model: loaded once, refused clearly when broken, and reading stances
in fresh sentences (written for these tests, in no annotated article) with calibrated
confidences."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from graph.articles import Article
from graph.clean import clean_text
from graph.errors import ModelError
from graph.extract import ExtractOptions, PreparedArticle, article_mentions
from graph.gazetteer import load_gazetteer
from graph.relations.stance import stances_in
from graph.relations.stance.model import (
    TRAIN_COMMAND,
    ColumnMemory,
    FeatureRow,
    StanceModel,
    default_min_confidence,
    default_model_path,
    feature_columns,
    load_model,
)


def test_the_shipped_model_knows_french_and_english_and_is_small() -> None:
    model = load_model()
    assert model.languages == {"fr", "en"}
    assert model.classes[0] == "none" and len(model.classes) == 5
    assert default_model_path().stat().st_size <= 20 * 2**20
    assert 0.2 <= default_min_confidence() < 1.0


def test_probabilities_are_a_distribution_over_the_classes() -> None:
    rows = load_model().probabilities([["bias", "rule=supports"], ["bias"]])
    assert rows.shape == (2, 5)
    assert np.allclose(rows.sum(axis=1), 1.0) and (rows >= 0).all()


def test_scoring_candidates_together_gives_each_exactly_its_score_alone() -> None:
    model = load_model()
    rows = [["bias", "rule=supports", "src_dep=nsubj"], [], ["bias"], ["a", "b", "a", "c"]]
    together = model.probabilities(rows)
    for row, probabilities in zip(rows, together, strict=True):
        columns = feature_columns(row, model.columns)
        logits = model.weights[columns].sum(axis=0, dtype=np.float64) + model.bias
        logits = logits / model.temperature
        exp = np.exp(logits - logits.max())
        assert np.array_equal(probabilities, exp / exp.sum())


def test_a_feature_counts_once_however_often_it_fires() -> None:
    assert len(feature_columns(["a", "a", "b"], 2**18)) == 2


def test_a_missing_model_file_names_itself_and_the_command_that_trains_it(tmp_path: Path) -> None:
    missing = tmp_path / "stance.npz"
    with pytest.raises(ModelError, match=r"stance\.npz") as error:
        load_model(missing)
    assert TRAIN_COMMAND in str(error.value)


def test_a_corrupt_model_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "stance.npz"
    path.write_bytes(b"not a numpy archive")
    path.with_suffix(".json").write_text('{"classes": ["none", "supports"]}', encoding="utf-8")
    with pytest.raises(ModelError, match="cannot be read"):
        load_model(path)


def test_weights_that_do_not_match_their_description_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "stance.npz"
    np.savez(path, weights=np.zeros((8, 3)), bias=np.zeros(3))
    path.with_suffix(".json").write_text('{"classes": ["none", "supports"]}', encoding="utf-8")
    with pytest.raises(ModelError, match="does not match"):
        load_model(path)


def _stances(pipelines, text: str, lang: str):  # type: ignore[no-untyped-def]
    cleaned = clean_text(text, lang)
    item = PreparedArticle(Article("t", cleaned), lang, cleaned)
    doc = pipelines.get(lang)(cleaned)
    gazetteer = load_gazetteer()
    mentions = article_mentions(item, doc, ExtractOptions(), gazetteer)
    return stances_in(doc, mentions, lang, gazetteer)


def _kept(stances) -> set[tuple[str, str, str]]:  # type: ignore[no-untyped-def]
    threshold = default_min_confidence()
    return {
        (s.source.name, s.kind, s.target.name)
        for s in stances
        if s.confidence is not None and s.confidence >= threshold
    }


@pytest.mark.slow
@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "fr",
            "Bruno Retailleau a critiqué Emmanuel Macron mardi.",
            ("Bruno Retailleau", "criticises", "Emmanuel Macron"),
        ),
        (
            "fr",
            "Olaf Scholz a salué la décision de Giorgia Meloni.",
            ("Olaf Scholz", "supports", "Giorgia Meloni"),
        ),
        (
            "en",
            "Keir Starmer accused Rishi Sunak of misleading voters.",
            ("Keir Starmer", "accuses", "Rishi Sunak"),
        ),
    ],
)
def test_a_plain_stance_in_a_fresh_sentence_is_read_with_confidence(
    pipelines,
    lang: str,
    text: str,
    expected: tuple[str, str, str],  # type: ignore[no-untyped-def]
) -> None:
    assert expected in _kept(_stances(pipelines, text, lang))


@pytest.mark.slow
def test_every_stance_the_model_reads_has_a_confidence_and_a_cue(pipelines) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Marine Le Pen a dénoncé la politique de Gabriel Attal. "
        "« Ce gouvernement ment », a-t-elle ajouté."
    )
    stances = _stances(pipelines, text, "fr")
    assert stances
    assert all(0.0 < (s.confidence or 0.0) <= 1.0 and s.cue for s in stances)


@pytest.mark.slow
def test_a_negated_stance_scores_lower_than_the_same_stance_stated(pipelines) -> None:  # type: ignore[no-untyped-def]
    def best(text: str) -> float:
        scores = [
            s.confidence or 0.0
            for s in _stances(pipelines, text, "fr")
            if s.source.name == "Bruno Retailleau" and s.target.name == "Emmanuel Macron"
        ]
        return max(scores, default=0.0)

    stated = best("Bruno Retailleau a soutenu Emmanuel Macron mardi.")
    negated = best("Bruno Retailleau n'a jamais soutenu Emmanuel Macron.")
    assert negated < stated


def test_a_row_of_shared_lists_scores_as_its_strings_under_its_placement() -> None:
    model = load_model()
    shared = ["sent_cue=criticises", "fr:sent_lemma=critiquer"]
    rows = [
        FeatureRow((["bias", "reach=sentence"], shared, ["src_dep=nsubj"]), "pair"),
        FeatureRow((["bias"], shared, shared, []), "src"),
        FeatureRow((), "none"),
    ]
    assert rows[1].strings() == [
        "bias",
        *shared,
        *shared,
        "src|bias",
        *(f"src|{f}" for f in shared * 2),
    ]
    strings = [row.strings() for row in rows]
    assert np.array_equal(model.probabilities(rows), model.probabilities(strings))
    assert model.decide(rows, ["", "supports", ""]) == model.decide(strings, ["", "supports", ""])


def test_columns_remembered_from_earlier_calls_give_the_same_scores() -> None:
    model = load_model()
    rows = [FeatureRow((["bias", "rule=supports"], ["fr:sent_lemma=soutenir"]), "pair")]
    first = model.probabilities(rows)
    assert model.memory.hashed["pair"]["bias"] == feature_columns(["pair|bias"], model.columns)
    fresh = StanceModel(
        model.weights,
        model.bias,
        model.classes,
        model.temperature,
        model.languages,
        model.description,
    )
    assert np.array_equal(first, model.probabilities(rows))
    assert np.array_equal(first, fresh.probabilities(rows))


def test_the_column_memory_forgets_a_placement_once_it_holds_its_limit() -> None:
    memory = ColumnMemory(limit=3).of_size(2**18)
    for word in ("a", "b", "c"):
        assert memory.columns("pair")[word] == feature_columns([f"pair|{word}"], 2**18)[0]
    memory.columns("")["a"]
    memory.of_size(2**18)
    assert "pair" not in memory.hashed and len(memory.hashed[""]) == 1
    assert memory.of_size(2**10).hashed == {}


def _tiny_model(floors: dict[str, float]) -> StanceModel:
    """A model of 8 columns whose every feature votes for one class: "crit" (hashed to
    whichever column) for criticises, "deny" for denies, each with weight 2."""
    classes = ("none", "supports", "denies", "criticises", "accuses")
    weights = np.zeros((8, 5), dtype=np.float32)
    for feature, kind in (("crit", "criticises"), ("deny", "denies")):
        (column,) = feature_columns([feature], 8)
        weights[column, classes.index(kind)] += 2.0  # probability e²/(e² + 4) = 0.65
    description: dict[str, object] = {"rule_precision": floors}
    return StanceModel(weights, np.zeros(5), classes, 1.0, frozenset({"fr"}), description)


def test_a_rule_reading_keeps_its_kind_unless_the_model_is_surer_of_another() -> None:
    model = _tiny_model({"denies": 0.24, "supports": 0.9})
    ((kind, confidence),) = model.decide([["crit"]], ["denies"])
    assert kind == "criticises" and confidence > 0.6  # the model names the kind better
    ((kind, confidence),) = model.decide([["crit"]], ["supports"])
    assert (kind, confidence) == ("supports", 0.9)  # the rules' precision is higher
    ((kind, confidence),) = model.decide([["deny"]], ["denies"])
    assert kind == "denies" and confidence > 0.6
    ((kind, confidence),) = model.decide([[]], ["denies"])
    assert (kind, confidence) == ("denies", 0.24)  # never dropped: at least its precision
