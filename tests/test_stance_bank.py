"""The stance bank: annotations are checked against their articles, the sample is split by
story and keeps the frozen test split large enough."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from graph.relations.stance.bank import BankError, fold, read_annotations, read_sample

ROOT = Path(__file__).resolve().parent.parent
BANK = ROOT / "training" / "stance_bank"
TEXTS = {
    "a1": "Le Kremlin a démenti les accusations de Washington. « C'est faux », a dit Dmitri "
    "Peskov. Emmanuel Macron a salué l’initiative d’Angela Merkel."
}


def _write(tmp_path: Path, *relations: dict) -> Path:
    path = tmp_path / "h0.jsonl"
    record = {"id": "a1", "lang": "fr", "annotator": "h0", "relations": list(relations)}
    path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def _relation(**changes: object) -> dict:
    relation = {
        "source": ["Emmanuel Macron", "Macron"],
        "kind": "supports",
        "target": ["Angela Merkel"],
        "cue": "a salué",
        "evidence": ["Emmanuel Macron a salué l'initiative d'Angela Merkel"],
    }
    relation.update(changes)
    return relation


def test_an_annotation_quoting_its_article_is_read_with_every_name(tmp_path: Path) -> None:
    (article,) = read_annotations(_write(tmp_path, _relation()), TEXTS)
    (relation,) = article.relations
    assert relation.sources == ("Emmanuel Macron", "Macron")
    assert relation.kind == "supports"


def test_quotes_match_whatever_apostrophes_quotation_marks_and_spaces(tmp_path: Path) -> None:
    quote = '"C\'est   faux", a dit Dmitri Peskov'
    relation = _relation(
        source=["Dmitri Peskov"], kind="denies", target=["Washington"], evidence=[quote]
    )
    assert read_annotations(_write(tmp_path, relation), TEXTS)[0].relations


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ({"target": ["Vladimir Poutine"]}, "no target name"),
        ({"source": ["Olaf Scholz"]}, "no source name"),
        ({"evidence": ["Emmanuel Macron a critiqué Angela Merkel"]}, "not a quote"),
        ({"kind": "praises"}, "is not one of"),
        ({"source": "Emmanuel Macron"}, "non-empty list"),
        ({"target": ["Emmanuel Macron"]}, "towards itself"),
    ],
)
def test_an_annotation_the_article_does_not_bear_out_is_refused_with_file_and_line(
    tmp_path: Path, change: dict, reason: str
) -> None:
    path = _write(tmp_path, _relation(), _relation(**change))
    with pytest.raises(BankError, match=reason) as error:
        read_annotations(path, TEXTS)
    assert error.value.where == f"{path}:1"


def test_an_article_missing_from_the_corpus_is_refused(tmp_path: Path) -> None:
    with pytest.raises(BankError, match="not in the corpus"):
        read_annotations(_write(tmp_path, _relation()), {})


def test_fold_compares_text_as_annotators_copy_it() -> None:
    assert fold("L’OTAN  a dit « non »") == fold('l\'OTAN a dit "non"')


def test_the_sample_keeps_a_frozen_test_split_of_at_least_100_french_and_50_english() -> None:
    sample = read_sample(BANK / "sample.tsv")
    counts = Counter(sample.values())
    assert counts[("fr", "test")] >= 100 and counts[("en", "test")] >= 50
    assert counts[("fr", "dev")] > 0 and counts[("en", "dev")] > 0


def test_no_story_has_articles_in_two_splits() -> None:
    splits_of_story: dict[str, set[str]] = {}
    for line in (BANK / "sample.tsv").read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            continue
        _, _, split, story = line.split("\t")
        splits_of_story.setdefault(story, set()).add(split)
    assert all(len(splits) == 1 for splits in splits_of_story.values())


def test_the_bank_never_draws_an_article_of_the_unseen_precision_audit() -> None:
    audit = set((ROOT / "bench" / "data" / "stance_audit_fr.ids").read_text().split())
    assert not audit & set(read_sample(BANK / "sample.tsv"))
