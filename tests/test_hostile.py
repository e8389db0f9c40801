"""Hostile input: every file becomes articles or a skip with a precise reason, the run goes
on, every input is accounted for, and outputs are written whole and only where they belong.
"""

from __future__ import annotations

import codecs
import gzip
import io
import json
import logging
import os
import pwd
import re
import signal
import subprocess
import sys
import tempfile
import time
import tracemalloc
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import asdict
from pathlib import Path

import networkx as nx
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from graph.articles import (
    DEFAULT_MAX_BYTES,
    Article,
    Corpus,
    InputWarning,
    Skipped,
    UnreadableTextError,
    decode_bytes,
    iter_inputs,
    read_articles,
)
from graph.clean import clean_text, normalise_text
from graph.cli import EXIT_FAILED, EXIT_OK, EXIT_SKIPPED, main
from graph.export_files import EXPORT_NAMES
from graph.extract import extract
from graph.fsutil import write_text_atomic
from graph.nlp import Pipelines
from graph.pipeline import BuildResult, build, manifest_data, write_manifest
from graph.summary import CorpusSummary, ProcessedArticle

FRENCH = "Le ministre Sergueï Lavrov a reçu Choe Son Hui à Moscou pour parler de coopération."
HUNDRED_MB = 100 * 1024 * 1024


def reasons(corpus: Corpus) -> dict[str, str]:
    """Skip reasons by the source's path relative to nothing: its last part (with `:row`)."""
    return {Path(item.source).name: item.reason for item in corpus.skipped}


def only_reason(corpus: Corpus) -> str:
    assert corpus.articles == (), corpus.articles
    assert len(corpus.skipped) == 1, corpus.skipped
    return corpus.skipped[0].reason


def sparse_file(path: Path, size: int, head: bytes = b"", tail: bytes = b"") -> Path:
    """`head`, then `size` NUL bytes that take no disk space or time to create, then `tail`."""
    with path.open("wb") as handle:
        handle.write(head)
        handle.truncate(len(head) + size)
        handle.seek(len(head) + size)
        handle.write(tail)
    return path


# --- empty, blank and binary files --------------------------------------------------------


def test_empty_file_is_skipped_as_empty(tmp_path: Path) -> None:
    (tmp_path / "vide.txt").write_bytes(b"")
    assert only_reason(read_articles([tmp_path])) == "empty file (0 bytes)"


@pytest.mark.parametrize("name", ["blanc.txt", "blanc.jsonl", "blanc.csv"])
def test_whitespace_only_file_is_skipped_not_lost(tmp_path: Path, name: str) -> None:
    (tmp_path / name).write_text("  \n\t \r\n\n", encoding="utf-8")
    reason = only_reason(read_articles([tmp_path]))
    assert reason in {
        "empty file (only whitespace)",
        "no JSON lines (only blank lines)",
        "no CSV header (only blank lines)",
    }


def _zip_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("article.txt", FRENCH * 20)
    return buffer.getvalue()


BINARIES = {
    "a PDF document": b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n",
    "a PNG image": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(range(256)),
    "a JPEG image": b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01" + bytes(range(256)),
    "a ZIP archive": _zip_bytes(),
    "a gzip archive": gzip.compress(FRENCH.encode() * 20),
}


@pytest.mark.parametrize("suffix", [".txt", ".jsonl", ".csv", ".html"])
@pytest.mark.parametrize("kind", sorted(BINARIES))
def test_binary_file_named_as_text_is_skipped_once_naming_its_format(
    tmp_path: Path, kind: str, suffix: str
) -> None:
    (tmp_path / f"article{suffix}").write_bytes(BINARIES[kind] * 100)
    reason = only_reason(read_articles([tmp_path]))
    assert reason.startswith(f"binary content, not text: this is {kind}")


def test_binary_without_a_known_signature_is_skipped_as_binary(tmp_path: Path) -> None:
    (tmp_path / "dump.txt").write_bytes(bytes(range(256)) * 64)
    assert "binary content" in only_reason(read_articles([tmp_path]))


# --- huge files: skipped from their size, exports streamed ---------------------------------


def test_hundred_megabyte_txt_is_skipped_by_size_without_being_opened(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    huge = sparse_file(tmp_path / "huge.txt", HUNDRED_MB)
    opened: list[Path] = []
    real_open = Path.open

    def spying_open(self: Path, *args: object, **kwargs: object) -> object:
        opened.append(self)
        return real_open(self, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(Path, "open", spying_open)
    reason = only_reason(read_articles([tmp_path]))
    assert reason == (
        f"file is {HUNDRED_MB:,} bytes, over the {DEFAULT_MAX_BYTES:,}-byte limit for one article"
    )
    assert huge not in opened


def test_hundred_megabyte_jsonl_line_is_skipped_and_the_next_line_is_read(tmp_path: Path) -> None:
    long_first = json.dumps({"id": "premier", "text": FRENCH * 1000}).encode() + b"\n"
    tail = b"\n" + json.dumps({"id": "suivant", "text": FRENCH}).encode() + b"\n"
    sparse_file(tmp_path / "export.jsonl", HUNDRED_MB, long_first, tail)
    corpus = read_articles([tmp_path])
    assert [a.id for a in corpus.articles] == ["premier", "suivant"]
    assert reasons(corpus) == {
        "export.jsonl:2": f"line is over the {DEFAULT_MAX_BYTES:,}-byte limit for one article"
    }


def _write_repeated(path: Path, head: str, record: str, size: int) -> Path:
    chunk = (record * (1024 * 1024 // len(record) + 1)).encode("utf-8")
    with path.open("wb") as handle:
        handle.write(head.encode("utf-8"))
        for _ in range(size // len(chunk) + 1):
            handle.write(chunk)
    return path


@pytest.mark.parametrize("suffix", [".jsonl", ".csv"])
def test_hundred_megabyte_export_is_streamed_a_record_at_a_time(
    tmp_path: Path, suffix: str
) -> None:
    record = {"title": "Moscou", "text": FRENCH * 20}
    if suffix == ".jsonl":
        path = _write_repeated(tmp_path / "big.jsonl", "", json.dumps(record) + "\n", HUNDRED_MB)
    else:
        row = f'Moscou,"{record["text"]}"\r\n'
        path = _write_repeated(tmp_path / "big.csv", "title,text\r\n", row, HUNDRED_MB)
    assert path.stat().st_size > HUNDRED_MB
    tracemalloc.start()
    try:
        items = iter_inputs([path])
        first, second = next(items), next(items)
        peak = tracemalloc.get_traced_memory()[1]
        items.close()  # type: ignore[attr-defined]
    finally:
        tracemalloc.stop()
    assert isinstance(first, Article) and isinstance(second, Article)
    assert first.text == FRENCH * 20 and first.title == "Moscou"
    assert peak < 5 * 1024 * 1024, f"{peak:,} bytes allocated to read two records"


def test_one_record_over_the_limit_is_skipped_alone(tmp_path: Path) -> None:
    long_text = "Le Kremlin a démenti. " * 50
    lines = [{"text": FRENCH}, {"text": long_text}, {"text": FRENCH}]
    (tmp_path / "a.jsonl").write_text("\n".join(json.dumps(r) for r in lines), encoding="utf-8")
    csv_rows = f'text\n"{FRENCH}"\n"{long_text}"\n"{FRENCH}"\n'
    (tmp_path / "b.csv").write_text(csv_rows, encoding="utf-8")
    corpus = read_articles([tmp_path], max_bytes=500)
    assert [a.id for a in corpus.articles] == ["a.jsonl:1", "a.jsonl:3", "b.csv:1", "b.csv:3"]
    assert reasons(corpus) == {
        "a.jsonl:2": "line is over the 500-byte limit for one article",
        "b.csv:2": "record is over the 500-byte limit for one article",
    }


def test_csv_text_longer_than_the_csv_module_default_is_read(tmp_path: Path) -> None:
    long_text = "Le Kremlin a démenti toute implication. " * 5000  # 200 000 characters
    (tmp_path / "long.csv").write_text(f'text\n"{long_text}"\n', encoding="utf-8")
    assert read_articles([tmp_path]).articles[0].text == long_text


# --- encodings ------------------------------------------------------------------------------

LEGACY_FRENCH = "« L’été 2024 », a déclaré Élisabeth Borne : 5 € pour l’œuvre de Noël. " * 3
LATIN1_FRENCH = "Le président a salué la décision de l'Assemblée nationale à Genève. " * 3


@pytest.mark.parametrize(
    ("text", "encoded"),
    [
        (LEGACY_FRENCH, codecs.BOM_UTF8 + LEGACY_FRENCH.encode("utf-8")),
        (LEGACY_FRENCH, LEGACY_FRENCH.encode("cp1252")),
        (LATIN1_FRENCH, LATIN1_FRENCH.encode("latin-1")),
        (LEGACY_FRENCH, LEGACY_FRENCH.encode("utf-16")),
        (LEGACY_FRENCH, codecs.BOM_UTF16_BE + LEGACY_FRENCH.encode("utf-16-be")),
        (LEGACY_FRENCH, LEGACY_FRENCH.encode("utf-32")),
    ],
    ids=["utf-8-bom", "windows-1252", "latin-1", "utf-16-le", "utf-16-be", "utf-32"],
)
def test_mixed_encodings_decode_to_the_same_text(tmp_path: Path, text: str, encoded: bytes) -> None:
    (tmp_path / "article.txt").write_bytes(encoded)
    assert read_articles([tmp_path]).articles[0].text == text


def test_csv_in_windows_1252_with_a_bom_free_header_is_decoded(tmp_path: Path) -> None:
    (tmp_path / "export.csv").write_bytes(f'id,text\r\n1,"{LEGACY_FRENCH}"\r\n'.encode("cp1252"))
    assert read_articles([tmp_path]).articles[0].text == LEGACY_FRENCH


def test_utf16_without_a_byte_order_mark_is_skipped_with_the_fix(tmp_path: Path) -> None:
    (tmp_path / "export.txt").write_bytes(LEGACY_FRENCH.encode("utf-16-le"))
    reason = only_reason(read_articles([tmp_path]))
    assert "no byte-order mark" in reason and "save it as UTF-8" in reason


def test_mojibake_is_repaired() -> None:
    mangled = LEGACY_FRENCH.encode("utf-8").decode("cp1252")  # "Ã‰lisabeth", "lâ€™Ã©tÃ©"
    assert "Ã‰lisabeth" in mangled
    assert decode_bytes(mangled.encode("utf-8")) == LEGACY_FRENCH


@pytest.mark.parametrize(
    "text",
    ["C'est l'été\u00a0», dit-il.", "château, âge, Ãtre", "SÃO PAULO", "Ärger über Ägypten"],
)
def test_real_accented_text_is_not_taken_for_mojibake(text: str) -> None:
    assert decode_bytes(text.encode("utf-8")) == text


# --- malformed exports --------------------------------------------------------------------


def test_every_malformed_jsonl_line_is_skipped_with_its_own_reason(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "ok-1", "text": FRENCH}),
        "{not json",
        "[1, 2]",
        json.dumps({"text": 5}),
        json.dumps({"title": "sans texte"}),
        json.dumps({"text": "   "}),
        "[" * 100_000,
        "",
        '{"id": "café", "text": "une ligne en Windows-1252"}',
        json.dumps({"id": "ok-2", "text": FRENCH}),
    ]
    data = b"\n".join(line.encode("cp1252" if "café" in line else "utf-8") for line in lines)
    (tmp_path / "x.jsonl").write_bytes(data)
    corpus = read_articles([tmp_path])
    assert [a.id for a in corpus.articles] == ["ok-1", "café", "ok-2"]
    assert reasons(corpus) == {
        "x.jsonl:2": "not valid JSON: Expecting property name enclosed in double quotes: "
        "line 1 column 2 (char 1)",
        "x.jsonl:3": "a JSON line must be an object with a 'text' field",
        "x.jsonl:4": "'text' must be a string, not int",
        "x.jsonl:5": "no 'text' field",
        "x.jsonl:6": "'text' is empty",
        "x.jsonl:7": "not valid JSON: nested too deeply to read",
    }


def test_lone_surrogates_in_json_become_replacement_characters(tmp_path: Path) -> None:
    (tmp_path / "x.jsonl").write_text('{"id": "a\\ud800", "text": "Paris \\udfff"}\n')
    article = read_articles([tmp_path]).articles[0]
    assert (article.id, article.text) == ("a\ufffd", "Paris \ufffd")
    summary = CorpusSummary(processed=(ProcessedArticle(article.id, "fr"),))
    write_manifest(summary, tmp_path / "out" / "manifest.json")  # UTF-8 can write it


def test_csv_rows_with_missing_extra_and_multiline_fields(tmp_path: Path) -> None:
    content = (
        "\ufeffid, title ,text\r\n"
        '1,Un,"Première ligne.\nDeuxième ligne, avec ""guillemets""."\r\n'
        "\r\n"
        "2,Deux\r\n"
        "3,Trois,texte,en trop\r\n"
        '4,Quatre,"fermé"puis du texte\r\n'
        '5,Cinq,"' + FRENCH + '"\r\n'
        '6,Six,"jamais fermé\r\n'
    )
    (tmp_path / "export.csv").write_text(content, encoding="utf-8")
    corpus = read_articles([tmp_path])
    assert [(a.id, a.title) for a in corpus.articles] == [("1", "Un"), ("5", "Cinq")]
    assert corpus.articles[0].text == 'Première ligne.\nDeuxième ligne, avec "guillemets".'
    assert reasons(corpus) == {
        "export.csv:2": "row has 2 of the header's 3 fields, no 'text'",
        "export.csv:3": "row has more fields than the header",
        "export.csv:4": "malformed CSV row: ',' expected after '\"'",
        "export.csv:6": "malformed CSV row: unexpected end of data",
    }


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("id,text\r\n", "CSV has a header but no rows"),
        ("a,b\r\n1,2\r\n", "CSV header has no 'text' column (found: ['a', 'b'])"),
        ('"text\r\n', "malformed CSV header: unexpected end of data"),
        (",".join(f"c{i}" for i in range(500)) + "\r\n", "and 490 more"),
    ],
)
def test_csv_without_usable_header_or_rows_is_skipped_as_a_whole(
    tmp_path: Path, content: str, reason: str
) -> None:
    (tmp_path / "export.csv").write_text(content, encoding="utf-8")
    assert reason in only_reason(read_articles([tmp_path]))


# --- HTML soup ------------------------------------------------------------------------------


def test_html_fragment_without_a_page_around_it_is_read(tmp_path: Path) -> None:
    soup = (
        "<p>Emmanuel Macron a salué <b>Angela Merkel</b> à Berlin.<p>Il a aussi reçu "
        "Olaf Scholz<script>alert(1)</script><style>p{}</style> au palais de l'Élysée."
    )
    (tmp_path / "soup.html").write_text(soup, encoding="utf-8")
    text = read_articles([tmp_path]).articles[0].text
    assert "Emmanuel Macron a salué Angela Merkel à Berlin." in text
    assert "alert" not in text and "p{}" not in text


@pytest.mark.parametrize(
    "page",
    [
        "<div>" * 100_000,
        "<html><body><script>alert(1)</script><style>p{}</style></body></html>",
        "<!-- un commentaire -->",
    ],
    ids=["nested-too-deep", "only-scripts", "only-a-comment"],
)
def test_html_without_main_text_is_skipped(tmp_path: Path, page: str) -> None:
    (tmp_path / "page.html").write_text(page, encoding="utf-8")
    assert only_reason(read_articles([tmp_path])) == "no main text found in the HTML page"


# --- the file system: links, loops, depth, special and unreadable files ---------------------


def test_symlink_loop_to_a_parent_folder_is_reported_not_followed(tmp_path: Path) -> None:
    (tmp_path / "monde").mkdir()
    (tmp_path / "monde" / "a.txt").write_text(FRENCH, encoding="utf-8")
    (tmp_path / "monde" / "boucle").symlink_to(tmp_path, target_is_directory=True)
    corpus = read_articles([tmp_path])
    assert [a.id for a in corpus.articles] == ["monde/a.txt"]
    assert reasons(corpus) == {
        "boucle": "symbolic link to a folder, not followed (links can loop); give its target"
    }


def test_a_symlinked_folder_given_directly_is_read(tmp_path: Path) -> None:
    (tmp_path / "real").mkdir()
    (tmp_path / "real" / "a.txt").write_text(FRENCH, encoding="utf-8")
    (tmp_path / "link").symlink_to(tmp_path / "real", target_is_directory=True)
    assert [a.id for a in read_articles([tmp_path / "link"]).articles] == ["a.txt"]


def test_symlinked_file_is_read_once_like_its_target(tmp_path: Path) -> None:
    (tmp_path / "b_original.txt").write_text(FRENCH, encoding="utf-8")
    (tmp_path / "a_lien.txt").symlink_to(tmp_path / "b_original.txt")
    (tmp_path / "c_casse.txt").symlink_to(tmp_path / "absent.txt")
    (tmp_path / "d_boucle.txt").symlink_to(tmp_path / "d_boucle.txt")
    corpus = read_articles([tmp_path])
    assert [(a.id, a.text) for a in corpus.articles] == [("a_lien.txt", FRENCH)]
    assert reasons(corpus) == {
        "b_original.txt": f"same file as {tmp_path / 'a_lien.txt'}, already read",
        "c_casse.txt": "broken symbolic link",
        "d_boucle.txt": "symbolic link loop (the link leads back to itself)",
    }


def test_a_file_given_twice_is_read_once(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(FRENCH, encoding="utf-8")
    corpus = read_articles([tmp_path, tmp_path / "a.txt"])
    assert [a.id for a in corpus.articles] == ["a.txt"]
    assert corpus.skipped == (
        Skipped(str(tmp_path / "a.txt"), f"same file as {tmp_path / 'a.txt'}, already read"),
    )


@pytest.fixture
def deep_tree(tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[tuple[Path, int]]:
    """A chain of `request.param` nested folders with an article at the bottom, removed
    iteratively afterwards (shutil.rmtree recurses and would fail on it in Python 3.11)."""
    folders = [tmp_path / "racine"]
    folders[0].mkdir()
    for _ in range(request.param):
        folders.append(folders[-1] / "d")
        folders[-1].mkdir()
    bottom = folders[-1] / "fond.txt"
    bottom.write_text(FRENCH, encoding="utf-8")
    yield folders[0], request.param
    bottom.unlink()
    for folder in reversed(folders):
        folder.rmdir()


@pytest.mark.parametrize("deep_tree", [200, 1500], indirect=True)
def test_deep_folder_tree_is_walked_without_recursion(deep_tree: tuple[Path, int]) -> None:
    root, depth = deep_tree  # 1500 levels: os.walk of Python 3.11 raises RecursionError
    corpus = read_articles([root])
    assert corpus.skipped == ()
    assert [(a.id, a.text) for a in corpus.articles] == [("d/" * depth + "fond.txt", FRENCH)]


def test_named_pipe_is_skipped_without_blocking(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "tube.txt")

    def blocked(signum: int, frame: object) -> None:
        raise TimeoutError("reading the named pipe blocked")

    previous = signal.signal(signal.SIGALRM, blocked)
    signal.alarm(5)
    try:
        reason = only_reason(read_articles([tmp_path]))
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    assert reason == "not a regular file (a named pipe)"


def _as_ordinary_user(function: Callable[[], list[list[str]]]) -> list[list[str]]:
    """Run `function` as an ordinary user and return its (JSON) result.

    Root reads files whatever their mode, so as root the call runs in a forked child that
    first drops to the `nobody` user; the test is skipped only if that is not allowed.
    """
    if os.geteuid() != 0:
        return function()
    try:
        nobody = pwd.getpwnam("nobody")
        uid, gid = nobody.pw_uid, nobody.pw_gid
    except KeyError:
        uid = gid = 65534
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns into pytest
        code = 1
        try:
            os.close(read_end)
            try:
                os.setgid(gid)
                os.setuid(uid)
            except PermissionError:
                os._exit(3)
            with os.fdopen(write_end, "w") as stream:
                json.dump(function(), stream)
            code = 0
        finally:
            os._exit(code)
    os.close(write_end)
    with os.fdopen(read_end) as stream:
        payload = stream.read()
    _, status = os.waitpid(pid, 0)
    if os.waitstatus_to_exitcode(status) == 3:
        pytest.skip("running as root and not allowed to drop privileges to test unreadability")
    assert os.waitstatus_to_exitcode(status) == 0, "the unprivileged child failed"
    return json.loads(payload)


def test_unreadable_file_and_folder_are_skipped_with_permission_denied() -> None:
    with tempfile.TemporaryDirectory() as name:  # pytest's tmp_path is closed to others
        root = Path(name)
        root.chmod(0o755)
        (root / "lisible.txt").write_text(FRENCH, encoding="utf-8")
        (root / "secret.txt").write_text(FRENCH, encoding="utf-8")
        (root / "secret.txt").chmod(0o000)
        (root / "ferme").mkdir()
        (root / "ferme" / "b.txt").write_text(FRENCH, encoding="utf-8")
        (root / "ferme").chmod(0o000)

        def read() -> list[list[str]]:
            corpus = read_articles([root])
            return [
                [a.id for a in corpus.articles],
                [f"{s.source} {s.reason}" for s in corpus.skipped],
            ]

        try:
            ids, skipped = _as_ordinary_user(read)
        finally:
            (root / "ferme").chmod(0o755)
    assert ids == ["lisible.txt"]
    assert skipped == [
        f"{root / 'secret.txt'} cannot read file: Permission denied",
        f"{root / 'ferme'} cannot read folder: Permission denied",
    ]


def test_undecodable_file_name_becomes_an_escaped_id(tmp_path: Path) -> None:
    folder = os.fsencode(tmp_path)
    with open(os.path.join(folder, b"caf\xe9 \x1b[2J.txt"), "wb") as handle:
        handle.write(FRENCH.encode())
    article = read_articles([tmp_path]).articles[0]
    assert article.id == "caf\\xe9 \x1b[2J.txt"
    json.dumps(asdict(article), ensure_ascii=False).encode("utf-8")


# --- every input accounted for ------------------------------------------------------------


def hostile_folder(root: Path) -> Path:
    """One of each hostile input beside two good French articles."""
    root.mkdir(parents=True)
    (root / "bon.txt").write_text(FRENCH, encoding="utf-8")
    (root / "vide.txt").write_bytes(b"")
    (root / "blanc.txt").write_text(" \n\t", encoding="utf-8")
    (root / "scan.txt").write_bytes(BINARIES["a PDF document"])
    (root / "photo.txt").write_bytes(BINARIES["a PNG image"])
    (root / "archive.txt").write_bytes(BINARIES["a ZIP archive"])
    sparse_file(root / "enorme.txt", HUNDRED_MB)
    (root / "bom.txt").write_bytes(codecs.BOM_UTF8 + FRENCH.encode())
    (root / "windows.txt").write_bytes(LEGACY_FRENCH.encode("cp1252"))
    (root / "utf16.txt").write_bytes(FRENCH.encode("utf-16"))
    (root / "mojibake.txt").write_text(FRENCH.encode().decode("cp1252"), encoding="utf-8")
    (root / "soupe.html").write_text("<p>" + FRENCH + "<b>Moscou</b><script>x</script>")
    (root / "mot.txt").write_text("Moscou", encoding="utf-8")
    (root / "allemand.txt").write_text(
        "Die Bundesregierung hat die Vorwürfe am Montag entschieden zurückgewiesen.",
        encoding="utf-8",
    )
    (root / "export.jsonl").write_text(
        "\n".join([json.dumps({"id": "../../etc/passwd", "text": FRENCH}), "{oops", "[]"]),
        encoding="utf-8",
    )
    (root / "export.csv").write_text(f'id,text\n1,"{FRENCH}"\n2\n3,a,b\n', encoding="utf-8")
    (root / "notes.pdf").write_bytes(BINARIES["a PDF document"])
    os.mkfifo(root / "tube.txt")
    (root / "boucle").symlink_to(root, target_is_directory=True)
    (root / "lien.txt").symlink_to(root / "bon.txt")
    (root / "casse.txt").symlink_to(root / "absent.txt")
    deep = root.joinpath(*["d"] * 30)
    deep.mkdir(parents=True)
    (deep / "profond.txt").write_text(FRENCH, encoding="utf-8")
    return root


def every_entry(root: Path) -> set[str]:
    """Every file and link below root, as the reader should account for them."""
    found: set[str] = set()
    for folder, dirs, files in os.walk(root):
        found.update(str(Path(folder) / name) for name in files)
        found.update(
            str(Path(folder) / name) for name in dirs if (Path(folder) / name).is_symlink()
        )
    return found


def accounted(corpus: Corpus) -> list[str]:
    """The input each article and skip comes from (export rows → their file)."""
    sources = [a.origin for a in corpus.articles] + [s.source for s in corpus.skipped]
    return [re.sub(r"(\.jsonl|\.csv):\d+$", r"\1", source) for source in sources]


def test_every_input_of_a_hostile_folder_is_accounted_for(tmp_path: Path) -> None:
    root = hostile_folder(tmp_path / "entrees")
    corpus = read_articles([root])
    sources = accounted(corpus)
    assert set(sources) == every_entry(root)
    documents = [s for s in sources if not s.endswith((".jsonl", ".csv"))]
    assert len(documents) == len(set(documents)), "a file was counted twice"
    assert all(item.reason for item in corpus.skipped)
    # bon (lien.txt is the same file), bom, windows, utf16, mojibake, soupe, mot, allemand,
    # one JSONL row, one CSV row and profond; language is for the later stages to judge
    assert len(corpus.articles) == 11


def test_manifest_counts_add_up_and_list_every_skip(tmp_path: Path) -> None:
    summary = CorpusSummary(
        processed=(ProcessedArticle("a.txt", "fr", words=12),),
        skipped=(Skipped("b.txt", "empty file (0 bytes)"), Skipped("c.csv:2", "no 'text' field")),
    )
    data = json.loads(write_manifest(summary, tmp_path / "manifest.json").read_text("utf-8"))
    assert data == json.loads(json.dumps(manifest_data(summary)))
    counts = data["counts"]
    assert counts == {"processed": 1, "skipped": 2, "total": 3}
    assert [s["reason"] for s in data["skipped"]] == ["empty file (0 bytes)", "no 'text' field"]


# --- property-based: no byte string or text crashes ingest --------------------------------


def _writable(item: Article | Skipped) -> None:
    json.dumps(asdict(item), ensure_ascii=False).encode("utf-8")


@settings(deadline=None)
@given(st.binary(max_size=4096))
def test_decode_bytes_returns_writable_text_or_says_binary(data: bytes) -> None:
    try:
        text = decode_bytes(data)
    except UnreadableTextError as error:
        assert "binary content" in str(error)
        return
    text.encode("utf-8")  # no lone surrogate can reach an output file


@settings(deadline=None)
@given(st.binary(max_size=4096))
def test_decoding_is_idempotent(data: bytes) -> None:
    try:
        text = decode_bytes(data)
    except UnreadableTextError:
        return
    assert decode_bytes(text.encode("utf-8")) == text


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("scratch")


@settings(deadline=None, max_examples=150)
@given(
    data=st.binary(max_size=2048)
    | st.text(max_size=512).map(lambda t: t.encode("utf-8", "replace")),
    suffix=st.sampled_from([".txt", ".jsonl", ".csv", ".html"]),
)
def test_any_bytes_in_any_supported_file_are_read_or_skipped(
    scratch: Path, data: bytes, suffix: str
) -> None:
    path = scratch / f"sample{suffix}"
    path.write_bytes(data)
    items = list(iter_inputs([path]))
    warnings = [item for item in items if isinstance(item, InputWarning)]
    read = [item for item in items if not isinstance(item, InputWarning)]
    assert read, "the file was not accounted for"
    assert all(w.message and w.source == str(path) for w in warnings)  # said, not lost
    for item in read:
        assert isinstance(item, Article | Skipped)
        _writable(item)
        assert item.text.strip() if isinstance(item, Article) else item.reason


RECORDS = st.lists(
    st.dictionaries(st.sampled_from(["id", "text", "lang", "url"]), st.text()), max_size=5
)


@settings(deadline=None)
@given(RECORDS, st.booleans())
def test_jsonl_records_are_read_exactly_or_skipped_one_for_one(
    scratch: Path, rows: list[dict[str, str]], ascii_only: bool
) -> None:
    path = scratch / "rows.jsonl"
    lines = [json.dumps(row, ensure_ascii=ascii_only) for row in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = list(iter_inputs([path]))
    assert len(items) == max(len(rows), 1)
    for number, (row, item) in enumerate(zip(rows, items, strict=False), start=1):
        if "text" not in row:
            assert item == Skipped(f"{path}:{number}", "no 'text' field")
        elif not row["text"].strip():
            assert item == Skipped(f"{path}:{number}", "'text' is empty")
        else:
            assert isinstance(item, Article)
            assert item.text == row["text"]
            assert item.id == (row.get("id", "").strip() or f"rows.jsonl:{number}")


PLAIN_TEXT = st.text(
    alphabet=st.characters(categories=["L", "M", "N", "P", "S", "Zs"], exclude_characters="ÂÃÄÅâ"),
    max_size=400,
)


@settings(deadline=None)
@given(PLAIN_TEXT)
def test_ingest_never_changes_plain_utf8_text(scratch: Path, text: str) -> None:
    path = scratch / "plain.txt"
    path.write_text(text, encoding="utf-8")
    corpus = read_articles([path])
    if text.strip():
        assert corpus.articles[0].text == text
    else:
        assert corpus.skipped[0].reason.startswith("empty file")


@settings(deadline=None)
@given(st.binary(max_size=2048) | st.text(max_size=512).map(str.encode))
@example(b"\xf7A")  # a capital glued after a sign: no word before the cut (found by hypothesis)
def test_ingest_then_cleaning_never_invents_words_and_is_idempotent(
    scratch: Path, data: bytes
) -> None:
    path = scratch / "any.txt"
    path.write_bytes(data)
    for article in read_articles([path]).articles:
        again = scratch / "again.txt"
        again.write_text(article.text, encoding="utf-8")
        assert read_articles([again]).articles[0].text == article.text
        cleaned = clean_text(article.text, "fr")
        assert set(cleaned.split()) <= set(normalise_text(article.text).split()) | {"«", "»"}
        assert clean_text(cleaned, "fr") == cleaned


# --- outputs: whole files, only where told ------------------------------------------------


def test_failed_rename_leaves_the_previous_file_and_no_temp_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = write_text_atomic(tmp_path / "report.html", "previous")

    def killed(*args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", killed)
    with pytest.raises(KeyboardInterrupt):
        write_text_atomic(target, "new " * 1000)
    assert target.read_text(encoding="utf-8") == "previous"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.html"]


KILLED_WRITER = """
import sys
from pathlib import Path
from graph.fsutil import write_text_atomic
from graph.render.report import write_atomically
write = write_text_atomic if sys.argv[1] == "fsutil" else write_atomically
write(Path(sys.argv[2]), "<p>new</p>" * 10_000_000)
"""


@pytest.mark.parametrize("writer", ["fsutil", "render"])
def test_a_writer_killed_mid_write_leaves_the_previous_file_whole(
    tmp_path: Path, writer: str
) -> None:
    target = tmp_path / "report.html"
    target.write_text("<p>previous</p>", encoding="utf-8")
    child = subprocess.Popen([sys.executable, "-c", KILLED_WRITER, writer, str(target)])
    try:
        deadline = time.monotonic() + 60
        while not _writing_started(tmp_path):
            assert child.poll() is None, "the writer finished before it could be killed"
            assert time.monotonic() < deadline, "the writer never started writing"
            time.sleep(0.001)
    finally:
        child.kill()
        child.wait()
    assert target.read_text(encoding="utf-8") == "<p>previous</p>"


def _writing_started(folder: Path) -> bool:
    """A temp file beside the target has data in it (it may vanish as we look)."""
    for path in folder.glob(".*.tmp"):
        try:
            if path.stat().st_size:
                return True
        except FileNotFoundError:
            continue
    return False


def test_a_symlink_planted_at_an_output_is_replaced_not_written_through(tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("untouched", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    (out / "manifest.json").symlink_to(victim)
    write_manifest(CorpusSummary(), out / "manifest.json")
    assert victim.read_text(encoding="utf-8") == "untouched"
    assert not (out / "manifest.json").is_symlink()


def test_outputs_get_the_usual_permissions(tmp_path: Path) -> None:
    previous = os.umask(0o022)
    try:
        path = write_text_atomic(tmp_path / "graph.json", "{}")
    finally:
        os.umask(previous)
    assert path.stat().st_mode & 0o777 == 0o644


# --- the command line -------------------------------------------------------------------


def fake_build(summary: CorpusSummary) -> Callable[..., BuildResult]:
    def build(inputs: object, outdir: str, *args: object, **kwargs: object) -> BuildResult:
        out = Path(outdir)
        return BuildResult(
            nx.MultiDiGraph(),
            summary,
            out / "report.html",
            out / "graph.json",
            out / "manifest.json",
        )

    return build


PROCESSED = (ProcessedArticle("a.txt", "fr"),)
SKIPPED = (Skipped("evil\x1b]0;pwned\x07\u202e.txt", "empty file (0 bytes)\r\nFAKE"),)


@pytest.mark.parametrize(
    ("summary", "code"),
    [
        (CorpusSummary(PROCESSED, ()), EXIT_OK),
        (CorpusSummary(PROCESSED, SKIPPED), EXIT_SKIPPED),
        (CorpusSummary((), SKIPPED), EXIT_FAILED),
        (CorpusSummary((), ()), EXIT_FAILED),
    ],
    ids=["all-processed", "some-skipped", "all-skipped", "no-input"],
)
def test_exit_code_says_whether_anything_was_skipped(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    summary: CorpusSummary,
    code: int,
) -> None:
    monkeypatch.setattr("graph.cli.build", fake_build(summary))
    assert main(["build", str(tmp_path), "-o", str(tmp_path / "out"), "-q"]) == code
    errors = capsys.readouterr().err
    if summary.skipped:
        assert "skipped evil\\x1b]0;pwned\\x07\\u202e.txt: empty file (0 bytes)\\r\\nFAKE" in errors
    assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202e]", errors)
    if not summary.processed:
        assert "nothing could be processed" in errors


def test_an_unwritable_output_folder_fails_with_a_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def build(*args: object, **kwargs: object) -> BuildResult:
        raise NotADirectoryError(20, "Not a directory", str(tmp_path / "out" / "graph.json"))

    monkeypatch.setattr("graph.cli.build", build)
    assert main(["build", str(tmp_path), "-o", str(tmp_path / "out"), "-q"]) == EXIT_FAILED
    assert f"cannot write {tmp_path / 'out' / 'graph.json'}: Not a directory" in caplog.text


# --- through the real French pipeline (slow) ---------------------------------------------


@pytest.mark.slow
def test_one_million_word_article_is_skipped_before_parsing(
    tmp_path: Path, pipelines: Pipelines
) -> None:
    words = "Le président a parlé. " * 250_000  # 1 000 000 words, 5 500 000 characters
    (tmp_path / "fleuve.txt").write_text(words, encoding="utf-8")
    corpus = read_articles([tmp_path])
    assert [len(a.text.split()) for a in corpus.articles] == [1_000_000]
    extraction = extract(corpus, pipelines=pipelines)
    assert extraction.articles == ()
    assert extraction.summary.skipped == (
        Skipped(
            str(tmp_path / "fleuve.txt"), "5,499,999 characters, over spaCy's limit of 1,000,000"
        ),
    )


@pytest.mark.slow
def test_one_word_and_unmodelled_language_articles_are_accounted_for(
    tmp_path: Path, pipelines: Pipelines, caplog: pytest.LogCaptureFixture
) -> None:
    (tmp_path / "mot.txt").write_text("Moscou", encoding="utf-8")
    (tmp_path / "allemand.txt").write_text(
        "Die Bundesregierung hat die Vorwürfe am Montag entschieden zurückgewiesen.",
        encoding="utf-8",
    )
    (tmp_path / "declare.jsonl").write_text(json.dumps({"text": "Moscou", "lang": "fr"}))
    with caplog.at_level(logging.WARNING):
        summary = extract(read_articles([tmp_path]), pipelines=pipelines).summary
    processed = [(a.id, a.lang, a.words) for a in summary.processed]
    # One word: detection is a guess among the languages that have a pipeline, and says so.
    assert processed in (
        [("declare.jsonl:1", "fr", 1), ("mot.txt", lang, 1)] for lang in ("fr", "en")
    )
    assert "mot.txt: language unsure" in caplog.text
    skipped = {Path(s.source).name: s.reason for s in summary.skipped}
    assert set(skipped) == {"allemand.txt"}
    assert skipped["allemand.txt"].startswith("language 'de': no spaCy pipeline")


def _files_below(root: Path) -> set[str]:
    return {str(p.relative_to(root)) for p in root.rglob("*")}


HOSTILE_IDS = ["../../etc/passwd", "/tmp/newsgraph-escape", "..\\..\\win.ini", "report.html", ""]


@pytest.mark.slow
def test_hostile_build_accounts_for_every_input_and_writes_only_its_own_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    inputs = hostile_folder(tmp_path / "work" / "entrees")
    rows = [json.dumps({"id": article_id, "text": FRENCH}) for article_id in HOSTILE_IDS]
    (inputs / "ids.jsonl").write_text("\n".join(rows), encoding="utf-8")
    before = _files_below(tmp_path)
    renamed: list[tuple[str, str]] = []
    real_replace = os.replace

    def recording_replace(source: str | Path, target: str | Path) -> None:
        renamed.append((Path(source).name, str(target)))
        real_replace(source, target)

    monkeypatch.setattr(os, "replace", recording_replace)
    out = tmp_path / "work" / "sortie"
    # --no-store: this test is about the outputs; the store has its own tests.
    assert main(["build", str(inputs), "-o", str(out), "-q", "--no-store"]) == EXIT_SKIPPED

    outputs = {"graph.json", "manifest.json", "report.html", *EXPORT_NAMES.values()}
    assert _files_below(tmp_path) - before == {"work/sortie"} | {
        f"work/sortie/{n}" for n in outputs
    }
    assert not Path("/tmp/newsgraph-escape").exists()
    assert {Path(target).name for _, target in renamed} == outputs
    assert all(
        re.fullmatch(rf"\.({'|'.join(map(re.escape, outputs))})\..+\.tmp", t) for t, _ in renamed
    )

    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    counts = manifest["counts"]
    assert counts["total"] == counts["processed"] + counts["skipped"]
    assert counts["processed"] == len(manifest["processed"]) > 0
    assert counts["skipped"] == len(manifest["skipped"]) > 0
    assert all(item["reason"] for item in manifest["skipped"])
    ingested = read_articles([inputs])
    assert counts["total"] == len(ingested.articles) + len(ingested.skipped)
    processed_ids = {article["id"] for article in manifest["processed"]}
    assert {
        "../../etc/passwd",
        "/tmp/newsgraph-escape",
        "report.html",
        "ids.jsonl:5",
    } <= processed_ids

    report = (out / "report.html").read_text(encoding="utf-8")
    stats = re.findall(r'stat-value">(\d+)</span> (articles processed|inputs skipped)', report)
    assert {label: int(number) for number, label in stats} == {
        "articles processed": counts["processed"],
        "inputs skipped": counts["skipped"],
    }


@pytest.mark.slow
def test_a_build_killed_before_the_report_is_renamed_leaves_the_previous_report(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(FRENCH, encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    for name in ("report.html", "manifest.json"):
        (out / name).write_text("previous", encoding="utf-8")
    real_replace = os.replace

    def killed_at_the_report(source: str | Path, target: str | Path) -> None:
        if Path(target).name == "report.html":
            raise KeyboardInterrupt
        real_replace(source, target)

    monkeypatch.setattr(os, "replace", killed_at_the_report)
    with pytest.raises(KeyboardInterrupt):
        build([tmp_path / "in"], out)
    assert (out / "report.html").read_text(encoding="utf-8") == "previous"
    assert (out / "manifest.json").read_text(encoding="utf-8") == "previous"  # written last
    written = {"graph.json", "manifest.json", "report.html", *EXPORT_NAMES.values()}
    assert {p.name for p in out.iterdir()} == written
