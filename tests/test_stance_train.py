"""Training on a small bank: the documented command writes a model the extractor loads,
the same data give the same weights, and annotations the articles do not bear out are
refused before anything is parsed."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from graph.relations.stance.bank import BankError
from graph.relations.stance.dataset import load_bank
from graph.relations.stance.model import load_model
from graph.relations.stance.train import calibrated, calibration_for, log_loss, main

ARTICLES = {
    "t1": (
        "train",
        "Édouard Philippe a défendu Christophe Castaner mardi. "
        "Marine Le Pen a dénoncé Édouard Philippe.",
        [
            ("Édouard Philippe", "supports", "Christophe Castaner", "a défendu Christophe"),
            ("Marine Le Pen", "criticises", "Édouard Philippe", "Marine Le Pen a dénoncé"),
        ],
    ),
    "t2": (
        "train",
        "Jean-Luc Mélenchon a critiqué Emmanuel Macron. François Bayrou a salué Emmanuel Macron.",
        [
            ("Jean-Luc Mélenchon", "criticises", "Emmanuel Macron", "Mélenchon a critiqué"),
            ("François Bayrou", "supports", "Emmanuel Macron", "Bayrou a salué"),
        ],
    ),
    "t3": (
        "train",
        "Laurent Wauquiez accuse Emmanuel Macron de mentir aux Français.",
        [("Laurent Wauquiez", "accuses", "Emmanuel Macron", "Wauquiez accuse")],
    ),
    "t4": (
        "train",
        "Olivier Faure a soutenu Anne Hidalgo. Yannick Jadot a critiqué Anne Hidalgo.",
        [
            ("Olivier Faure", "supports", "Anne Hidalgo", "Faure a soutenu"),
            ("Yannick Jadot", "criticises", "Anne Hidalgo", "Jadot a critiqué"),
        ],
    ),
    "t5": (
        "train",
        "Nicolas Dupont-Aignan a félicité Marine Le Pen. Benoît Hamon a dénoncé Marine Le Pen.",
        [
            ("Nicolas Dupont-Aignan", "supports", "Marine Le Pen", "Dupont-Aignan a félicité"),
            ("Benoît Hamon", "criticises", "Marine Le Pen", "Hamon a dénoncé"),
        ],
    ),
    "t6": (
        "train",
        "Xavier Bertrand a remercié Gérard Larcher. Gérard Larcher a rencontré Xavier Bertrand.",
        [("Xavier Bertrand", "supports", "Gérard Larcher", "Bertrand a remercié")],
    ),
    "d1": (
        "dev",
        "Valérie Pécresse a critiqué Éric Zemmour jeudi.",
        [("Valérie Pécresse", "criticises", "Éric Zemmour", "Pécresse a critiqué")],
    ),
    "d2": (
        "dev",
        "Rachida Dati a soutenu Nicolas Sarkozy.",
        [("Rachida Dati", "supports", "Nicolas Sarkozy", "Dati a soutenu")],
    ),
}


def _bank(tmp_path: Path, articles: dict = ARTICLES) -> tuple[Path, Path]:  # type: ignore[type-arg]
    bank = tmp_path / "bank"
    (bank / "annotations").mkdir(parents=True)
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(
        "".join(
            json.dumps({"id": key, "lang": "fr", "text": text}, ensure_ascii=False) + "\n"
            for key, (_, text, _) in articles.items()
        ),
        encoding="utf-8",
    )
    (bank / "sample.tsv").write_text(
        "".join(f"{key}\tfr\t{split}\ts{key}\n" for key, (split, _, _) in articles.items()),
        encoding="utf-8",
    )
    lines = [
        {
            "id": key,
            "lang": "fr",
            "annotator": "test",
            "relations": [
                {"source": [s], "kind": k, "target": [t], "cue": "", "evidence": [quote]}
                for s, k, t, quote in relations
            ],
        }
        for key, (_, _, relations) in articles.items()
    ]
    (bank / "annotations" / "a.jsonl").write_text(
        "".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines), encoding="utf-8"
    )
    return bank, corpus


@pytest.mark.slow
def test_training_writes_a_model_the_extractor_loads_and_the_same_twice(tmp_path: Path) -> None:
    bank, corpus = _bank(tmp_path)
    outputs = []
    for run in ("one", "two"):
        out = tmp_path / run / "stance.npz"
        arguments = ["--bank", str(bank), "--corpus", str(corpus), "--out", str(out)]
        assert main([*arguments, "--cache", str(tmp_path / "cache")]) == 0
        outputs.append(out)
    model = load_model(outputs[0])
    assert model.languages == {"fr"} and model.description["train_articles"] == 6
    # the default threshold comes from predictions on train articles no fold model saw
    assert "out of fold" in str(model.description["default_min_confidence_chosen_for"])
    assert model.description["train_out_of_fold"]["gold"] == 10  # type: ignore[index]
    with np.load(outputs[0]) as first, np.load(outputs[1]) as second:
        assert np.array_equal(first["weights"], second["weights"])
        assert np.array_equal(first["bias"], second["bias"])


def test_an_annotation_naming_an_actor_absent_from_its_article_stops_training(
    tmp_path: Path,
) -> None:
    articles = dict(ARTICLES)
    articles["t3"] = ("train", "Laurent Wauquiez a parlé.", ARTICLES["t3"][2])
    bank, corpus = _bank(tmp_path, articles)
    with pytest.raises(BankError, match=r"a\.jsonl:3: no target name"):
        load_bank(bank, corpus)


def test_calibration_undoes_over_confident_logits() -> None:
    rng = np.random.default_rng(0)
    truth = rng.integers(0, 2, 4000)
    honest = np.where(truth[:, None] == np.arange(2), 1.0, -1.0) + rng.normal(0, 1.5, (4000, 2))
    over_confident = honest * 4
    temperature, offset = calibration_for(over_confident, truth)
    assert temperature > 2.0
    assert log_loss(calibrated(over_confident, temperature, offset), truth) < log_loss(
        over_confident, truth
    )
