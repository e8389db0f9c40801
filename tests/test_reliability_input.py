"""Issue 17, input side: one reproduction per item, on real files, through the real readers.

Each test wrote the hostile input that broke ingest on 4da74ff and asserts what must happen
instead: nothing lost, nothing invented, every input accounted for with a reason.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest

from graph.articles import Article, Skipped, read_articles
from graph.clean import find_boilerplate
from graph.export_files import EXPORT_NAMES
from graph.extract import PreparedArticle, extract, prepare_article
from graph.nlp import Pipelines
from graph.pipeline import BuildOptions, build

S = (
    "Emmanuel Macron a soutenu Angela Merkel à Berlin. "
    "Le Kremlin a démenti les accusations de Washington."
)
MIB = 1024 * 1024


def _jsonl(path: Path, records: list[dict[str, str]]) -> Path:
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n")
    return path


def _reasons(skipped: tuple[Skipped, ...]) -> dict[str, str]:
    return {Path(item.source).name: item.reason for item in skipped}


# --- 1. a record's `lang` is data, never a path ------------------------------------------


def test_a_records_lang_is_validated_and_never_used_as_a_path(
    tmp_path: Path, pipelines: Pipelines
) -> None:
    planted = tmp_path / "planted"
    planted.mkdir()
    (planted / "junk_lines.txt").write_text("(unclosed\n.*\n", encoding="utf-8")
    (planted / "junk_inline.txt").write_text("(unclosed\n", encoding="utf-8")
    export = _jsonl(
        tmp_path / "langs.jsonl",
        [
            {"id": "long", "text": S, "lang": "x" * 300},
            {"id": "absolute", "text": S, "lang": str(planted)},
            {"id": "relative", "text": S, "lang": "../../../tmp"},
            {"id": "declared", "text": S, "lang": "fr-FR"},
        ],
    )
    extraction = extract(read_articles([export]), pipelines=pipelines)
    assert [a.id for a in extraction.summary.processed] == ["declared"]
    reasons = _reasons(extraction.summary.skipped)
    assert set(reasons) == {"langs.jsonl:1", "langs.jsonl:2", "langs.jsonl:3"}
    assert all(r.startswith("'lang' is not a language code") for r in reasons.values())


# --- 2. a CSV field over the size limit: skipped alone, nothing invented -----------------


def test_a_csv_field_over_the_limit_skips_its_record_and_resynchronises(tmp_path: Path) -> None:
    fake_row = "9,inventé,Ligne du champ géant qui ressemble à une ligne du fichier.\r\n"
    path = tmp_path / "export.csv"
    with path.open("wb") as handle:
        handle.write(f'id,title,text\r\n1,avant,"{S}"\r\n2,géant,"'.encode())
        chunk = ("x" * 200 + "\n" + fake_row).encode()
        for _ in range(51 * MIB // len(chunk) + 1):
            handle.write(chunk)
        handle.write(f'"\r\n3,après,"{S}"\r\n'.encode())
    corpus = read_articles([path])
    assert [(a.id, a.title) for a in corpus.articles] == [("1", "avant"), ("3", "après")]
    assert _reasons(corpus.skipped) == {
        "export.csv:2": "record is over the 52,428,800-byte limit for one article"
    }


# --- 3. junk removal never removes a real article ----------------------------------------


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("fr", f"À LIRE AUSSI Le sommet de Berlin. {S * 6}"),
        ("fr", f"Photo : AFP. {S * 6}"),
        ("en", "Related: the summit. " + "Macron backed Merkel on Tuesday. " * 12),
        ("fr", "Photo : AFP. Emmanuel Macron a soutenu Angela Merkel."),
    ],
)
def test_an_article_that_starts_like_junk_is_not_removed_whole(
    tmp_path: Path, lang: str, text: str
) -> None:
    _jsonl(tmp_path / "a.jsonl", [{"id": "un", "text": text, "lang": lang}])
    (article,) = read_articles([tmp_path]).articles
    prepared = prepare_article(article, frozenset())
    assert isinstance(prepared, PreparedArticle), prepared
    assert "Merkel" in prepared.text


@pytest.mark.parametrize("junk", ["Publicité", "Partager sur Facebook", "Lire aussi : le sommet"])
def test_a_file_of_junk_alone_is_still_skipped(junk: str) -> None:
    assert isinstance(prepare_article(Article(id="j", text=junk, lang="fr"), frozenset()), Skipped)


def test_articles_that_repeat_each_other_are_not_removed_as_boilerplate(tmp_path: Path) -> None:
    short = "Macron a soutenu Merkel à Berlin."
    _jsonl(tmp_path / "a.jsonl", [{"text": short, "lang": "fr"} for _ in range(5)])
    corpus = read_articles([tmp_path])
    boilerplate = find_boilerplate(a.text for a in corpus.articles)
    prepared = [prepare_article(a, boilerplate) for a in corpus.articles]
    assert all(isinstance(p, PreparedArticle) and p.text == short for p in prepared), prepared


# --- 4. deep HTML keeps its text ------------------------------------------------------------


def test_deeply_nested_html_keeps_the_text_past_the_parser_depth_limit(tmp_path: Path) -> None:
    depth = 400
    page = (
        f"<html><body><article><p>Premier paragraphe. {S}</p>"
        + "<div>" * depth
        + f"<p>Le paragraphe profond. {S}</p>"
        + "</div>" * depth
        + f"<p>Le dernier paragraphe. {S}</p></article></body></html>"
    )
    (tmp_path / "profond.html").write_text(page, encoding="utf-8")
    (article,) = read_articles([tmp_path]).articles
    assert "Le paragraphe profond." in article.text
    assert "Le dernier paragraphe." in article.text


# --- 5. CSV encoding decided on the whole file ----------------------------------------------


def test_a_windows_1252_csv_with_a_long_ascii_start_is_decoded(tmp_path: Path) -> None:
    long_ascii = "The summit opened in Berlin on Tuesday. " * 3000  # 120 KB of ASCII
    rows = f'id,text\r\n1,"{long_ascii}"\r\n2,"François Hollande a salué la décision."\r\n'
    (tmp_path / "export.csv").write_bytes(rows.encode("cp1252"))
    corpus = read_articles([tmp_path])
    assert corpus.articles[1].text == "François Hollande a salué la décision."
    assert corpus.warnings == ()


def test_a_csv_mixing_utf8_and_windows_1252_is_decoded_and_warned_about(tmp_path: Path) -> None:
    head = 'id,text\r\n1,"Élisabeth Borne à Matignon."\r\n'.encode()
    tail = '2,"François Hollande à l\'Élysée."\r\n'.encode("cp1252")
    (tmp_path / "mixte.csv").write_bytes(head + tail)
    corpus = read_articles([tmp_path])
    assert [a.text for a in corpus.articles] == [
        "Élisabeth Borne à Matignon.",
        "François Hollande à l'Élysée.",
    ]
    (warning,) = corpus.warnings
    assert Path(warning.source).name == "mixte.csv"
    assert "1 record line(s) in UTF-8 and 1 in cp1252" in warning.message


@pytest.mark.parametrize("word", ["café", "Noël", "à"])
def test_a_short_legacy_text_is_read_as_windows_1252_not_a_far_encoding(
    tmp_path: Path, word: str
) -> None:
    (tmp_path / "court.txt").write_bytes(word.encode("cp1252"))
    (tmp_path / "court.jsonl").write_bytes(f'{{"text": "{word}"}}\n'.encode("cp1252"))
    assert [a.text for a in read_articles([tmp_path]).articles] == [word, word]


@pytest.mark.slow
def test_the_mixed_encoding_warning_is_in_the_manifest(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    head = f'id,text\r\n1,"{S}"\r\n'.encode()
    (folder / "mixte.csv").write_bytes(head + f'2,"{S}"\r\n'.encode("cp1252"))
    result = build([folder], tmp_path / "out")
    manifest = json.loads(result.manifest.read_text(encoding="utf-8"))
    assert manifest["counts"]["processed"] == 2
    assert [Path(w["source"]).name for w in manifest["warnings"]] == ["mixte.csv"]
    assert "mixed encodings" in manifest["warnings"][0]["message"]


# --- 6. a NUL byte skips its record, not the export -----------------------------------------


def test_a_nul_byte_skips_only_its_record(tmp_path: Path) -> None:
    (tmp_path / "a.jsonl").write_bytes(
        json.dumps({"id": "j1", "text": S}).encode()
        + b'\n{"id": "j2", "text": "bin\x00aire"}\n'
        + json.dumps({"id": "j3", "text": S}).encode()
        + b"\n"
    )
    (tmp_path / "b.csv").write_bytes(
        f'id,text\r\nc1,"{S}"\r\nc2,"bin\x00aire"\r\nc3,"{S}"\r\n'.encode()
    )
    corpus = read_articles([tmp_path])
    assert [a.id for a in corpus.articles] == ["j1", "j3", "c1", "c3"]
    assert _reasons(corpus.skipped) == {
        "a.jsonl:2": "record contains a NUL byte (binary data, not text)",
        "b.csv:2": "record contains a NUL byte (binary data, not text)",
    }


# --- 10. our own outputs are never read back as inputs --------------------------------------


@pytest.mark.slow
def test_a_build_into_its_input_folder_does_not_read_its_outputs_back(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "article.txt").write_text(S, encoding="utf-8")
    options = BuildOptions(store=folder / "newsgraph.duckdb")
    build([folder], folder, options)
    second = build([folder], folder, options)
    assert [a.id for a in second.summary.processed] == ["article.txt"]
    reasons = _reasons(second.summary.skipped)
    outputs = {"graph.json", "manifest.json", "newsgraph.duckdb", "report.html"}
    assert set(reasons) == outputs | set(EXPORT_NAMES.values())
    assert all("output of newsgraph" in reason for reason in reasons.values())


def test_a_report_written_by_newsgraph_is_not_read_as_an_article(tmp_path: Path) -> None:
    report = (
        '<!doctype html><html><head><meta charset="utf-8">'
        '<meta name="generator" content="newsgraph"><title>newsgraph report</title></head>'
        f"<body><main><p>{S}</p></main></body></html>"
    )
    (tmp_path / "ancien-rapport.html").write_text(report, encoding="utf-8")
    corpus = read_articles([tmp_path])
    assert corpus.articles == ()
    assert "output of newsgraph" in corpus.skipped[0].reason


# --- 12. unique ids stay unique -------------------------------------------------------------


def test_duplicate_ids_never_collide_with_a_declared_id(tmp_path: Path) -> None:
    _jsonl(tmp_path / "ids.jsonl", [{"id": i, "text": S} for i in ("a", "a", "a#2", "a")])
    ids = [a.id for a in read_articles([tmp_path]).articles]
    assert len(set(ids)) == 4, ids
    assert ids[0] == "a" and ids[2] == "a#2"


# --- 13. language detection chooses a language that has a pipeline --------------------------


@pytest.mark.parametrize(
    "text",
    ["Macron à Berlin.", "Olaf Scholz en visite.", "Angela Merkel à Berlin."],
)
def test_short_french_texts_get_a_language_with_a_pipeline_and_a_warning(
    text: str, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING):
        prepared = prepare_article(Article(id="court", text=text), frozenset())
    assert isinstance(prepared, PreparedArticle)
    assert prepared.lang == "fr"
    assert "unsure" in caplog.text and "court" in caplog.text


def test_a_long_text_in_a_language_without_pipeline_is_still_named() -> None:
    german = "Die Bundesregierung hat die Vorwürfe am Montag entschieden zurückgewiesen."
    prepared = prepare_article(Article(id="de", text=german), frozenset())
    assert isinstance(prepared, PreparedArticle) and prepared.lang == "de"
