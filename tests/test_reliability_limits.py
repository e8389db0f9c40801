"""Issue 17, what session 6 left: bounded memory per record, huge pages, legacy Cyrillic and
Greek text, and a language guessed on little text said in the manifest.

Memory is measured as the peak RSS of a real subprocess reading a generated file, relative
to the file's size (never a time).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from graph.articles import read_articles
from graph.ingest_html import MAX_EXTRACTED_CHARS
from graph.pipeline import build

ROOT = Path(__file__).resolve().parent.parent
MIB = 1024 * 1024
S = (
    "Emmanuel Macron a soutenu Angela Merkel à Berlin. "
    "Le Kremlin a démenti les accusations de Washington."
)
#: Peak RSS (MiB) of a process that imports the readers and reads `path`.
_PEAK_RSS = """
import resource, sys
from graph.articles import read_articles
corpus = read_articles([sys.argv[1]])
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, len(corpus.skipped))
"""


def _peak_rss_mib(path: Path) -> tuple[float, int]:
    done = subprocess.run(
        [sys.executable, "-c", _PEAK_RSS, str(path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    peak, skipped = done.stdout.split()
    return float(peak), int(skipped)


# --- memory bounded per record ----------------------------------------------------------


@pytest.mark.slow
def test_reading_a_large_export_of_skipped_records_takes_memory_per_record_not_per_file(
    tmp_path: Path,
) -> None:
    small = tmp_path / "small.jsonl"
    small.write_text(json.dumps({"id": "a", "body": S}) + "\n", encoding="utf-8")
    large = tmp_path / "large.jsonl"
    with large.open("w", encoding="utf-8") as out:
        number = 0
        while out.tell() < 96 * MIB:
            # no 'text' field, a NUL byte, malformed JSON: each record skipped alone
            out.write(json.dumps({"id": number, "body": S * 20}, ensure_ascii=False) + "\n")
            out.write('{"id": "nul", "text": "bin\\u0000aire"}\n'.replace("\\u0000", "\0"))
            out.write('{"id": "cut", "text": "' + S * 20 + "\n")
            number += 1
    base, _ = _peak_rss_mib(small)
    peak, skipped = _peak_rss_mib(large)
    assert skipped == 3 * number
    # the skip reasons are kept (a few dozen bytes each), never the records
    assert peak - base < 0.25 * large.stat().st_size / MIB, (base, peak)


# --- a huge HTML page: bounded, and said ----------------------------------------------------


def test_a_page_too_large_for_the_extractor_keeps_its_visible_text_and_says_so(
    tmp_path: Path,
) -> None:
    paragraph = "<p>{i}. " + S + "</p>\n"
    parts = ["<html><head><title>Très grande page</title><style>p{color:red}</style></head>"]
    parts.append("<body><script>var x = '<p>pas du texte</p>';</script>")
    size, number = 0, 0
    while size <= MAX_EXTRACTED_CHARS:
        parts.append(paragraph.format(i=number))
        size += len(parts[-1])
        number += 1
    (tmp_path / "page.html").write_text("".join(parts) + "</body></html>", encoding="utf-8")
    corpus = read_articles([tmp_path])
    (article,) = corpus.articles
    lines = article.text.split("\n")
    assert lines[0] == f"0. {S}" and lines[-1] == f"{number - 1}. {S}"
    assert len(lines) == number  # every paragraph, nothing from the script or the style
    assert article.title == "Très grande page"
    (warning,) = corpus.warnings
    assert "all its visible text was kept" in warning.message


# --- legacy Cyrillic and Greek text ---------------------------------------------------------

RUSSIAN = (
    "Министр иностранных дел России Сергей Лавров отверг обвинения Вашингтона "
    "и заявил, что Москва не вмешивалась в выборы."
)
GREEK = (
    "Ο πρωθυπουργός της Ελλάδας Κυριάκος Μητσοτάκης συναντήθηκε με τον πρόεδρο "
    "της Γαλλίας Εμανουέλ Μακρόν στην Αθήνα."
)


@pytest.mark.parametrize(
    ("encoding", "text"),
    [("cp1251", RUSSIAN), ("koi8_r", RUSSIAN), ("cp1253", GREEK)],
)
def test_cyrillic_and_greek_legacy_text_files_are_decoded(
    tmp_path: Path, encoding: str, text: str
) -> None:
    (tmp_path / "article.txt").write_bytes(text.encode(encoding))
    corpus = read_articles([tmp_path])
    assert corpus.articles[0].text == text
    assert corpus.warnings == ()


@pytest.mark.parametrize(
    ("encoding", "text"),
    [
        ("cp1251", "Президент России"),
        ("koi8_r", "Министр иностранных"),
        ("cp1253", "Ο πρωθυπουργός"),
        ("cp1253", "Αθήνα"),
    ],
)
def test_a_few_cyrillic_or_greek_words_are_decoded_or_said_to_be_a_guess(
    tmp_path: Path, encoding: str, text: str
) -> None:
    (tmp_path / "court.txt").write_bytes(text.encode(encoding))
    corpus = read_articles([tmp_path])
    if corpus.articles[0].text != text:
        (warning,) = corpus.warnings
        assert "encoding guessed" in warning.message
        assert Path(warning.source).name == "court.txt"


def test_a_cyrillic_export_is_decoded_line_by_line(tmp_path: Path) -> None:
    rows = f'id,text\r\n1,"{RUSSIAN}"\r\n2,"{RUSSIAN}"\r\n'
    (tmp_path / "export.csv").write_bytes(rows.encode("cp1251"))
    assert [a.text for a in read_articles([tmp_path]).articles] == [RUSSIAN, RUSSIAN]


@pytest.mark.parametrize("text", ["Ça été déjà", "Noël à Évry", "déjà"])
def test_short_french_legacy_text_is_still_windows_1252(tmp_path: Path, text: str) -> None:
    (tmp_path / "court.txt").write_bytes(text.encode("cp1252"))
    corpus = read_articles([tmp_path])
    assert corpus.articles[0].text == text and corpus.warnings == ()


# --- a language guessed on little text is in the manifest -----------------------------------


@pytest.mark.slow
def test_an_unsure_language_is_a_manifest_warning_for_that_article(tmp_path: Path) -> None:
    export = tmp_path / "in" / "court.jsonl"
    export.parent.mkdir()
    records = [{"id": "court", "text": "Macron à Berlin."}, {"id": "long", "text": S}]
    export.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n")
    result = build([export.parent], tmp_path / "out")
    manifest = json.loads(result.manifest.read_text(encoding="utf-8"))
    assert manifest["counts"]["processed"] == 2
    (warning,) = manifest["warnings"]
    assert Path(warning["source"]).name == "court.jsonl:1"
    assert warning["message"].startswith("language unsure: read as 'fr'")
