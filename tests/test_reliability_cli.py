"""The command line refuses bad options and inputs at once, with a message, never a traceback
(issue 17, item 11). Each test runs `python -m graph` as a user would, in a real process."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from .conftest import ROOT, SEED_ARTICLE

#: What the log says when a spaCy pipeline is loaded: work the refusals must come before.
MODEL_LOADED = "loading spaCy pipeline"


def _newsgraph(*arguments: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "graph", *map(str, arguments)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


def _build(out: Path, *options: str | Path) -> subprocess.CompletedProcess[str]:
    return _newsgraph("build", SEED_ARTICLE, "-o", out, *options)


def _refused_before_any_work(run: subprocess.CompletedProcess[str], out: Path) -> None:
    assert "Traceback" not in run.stderr
    assert MODEL_LOADED not in run.stderr
    assert "report:" not in run.stdout
    assert not out.exists()


def test_a_negative_max_drawn_nodes_is_a_usage_error_before_any_work(tmp_path: Path) -> None:
    run = _build(tmp_path / "out", "--max-drawn-nodes", "-1")
    assert run.returncode == 2
    assert "--max-drawn-nodes: expected a whole number of at least 0, got '-1'" in run.stderr
    _refused_before_any_work(run, tmp_path / "out")


def test_a_negative_max_evidence_is_a_usage_error(tmp_path: Path) -> None:
    run = _build(tmp_path / "out", "--max-evidence", "-1")
    assert run.returncode == 2
    assert "--max-evidence: expected a whole number of at least 0, got '-1'" in run.stderr
    _refused_before_any_work(run, tmp_path / "out")


def test_a_model_without_its_language_is_a_usage_error(tmp_path: Path) -> None:
    run = _build(tmp_path / "out", "--model", "fr")
    assert run.returncode == 2
    assert "--model: expected LANG=NAME" in run.stderr
    assert "got 'fr'" in run.stderr
    _refused_before_any_work(run, tmp_path / "out")


def test_a_latin1_alias_file_is_refused_naming_the_file(tmp_path: Path) -> None:
    aliases = tmp_path / "aliases.toml"
    aliases.write_bytes('[[merge]]\nnames = ["François Hollande", "Hollande"]\n'.encode("latin-1"))
    run = _build(tmp_path / "out", "--aliases", aliases)
    assert run.returncode == 1
    assert f"{aliases}: alias file is not UTF-8 (byte 0xe7 on line 2)" in run.stderr
    _refused_before_any_work(run, tmp_path / "out")


def test_a_string_where_the_names_list_belongs_is_refused_naming_file_and_group(
    tmp_path: Path,
) -> None:
    aliases = tmp_path / "aliases.toml"
    aliases.write_text(
        '[[merge]]\nnames = ["Volodymyr Zelensky", "Zelenskyy"]\n\n'
        '[[merge]]\nnames = "Emmanuel Macron"\n',
        encoding="utf-8",
    )
    run = _build(tmp_path / "out", "--aliases", aliases)
    assert run.returncode == 1
    assert str(aliases) in run.stderr
    assert "[[merge]] group 2: names must be a list of strings" in run.stderr
    _refused_before_any_work(run, tmp_path / "out")


def test_an_unwritable_output_folder_without_a_store_fails_before_extraction(
    tmp_path: Path,
) -> None:
    # Root may write anywhere whatever the permissions: a folder below a file is unwritable
    # for every user.
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    run = _build(blocker / "out", "--no-store")
    assert run.returncode == 1
    assert f"cannot write {blocker / 'out'}: Not a directory" in run.stderr
    _refused_before_any_work(run, blocker / "out")


def test_a_wrong_input_path_is_an_error_with_no_outputs_and_no_success_line(
    tmp_path: Path,
) -> None:
    missing = tmp_path / "artciles"
    run = _newsgraph("build", missing, "-o", tmp_path / "out")
    assert run.returncode != 0
    assert f"no such file or folder: '{missing}'" in run.stderr
    _refused_before_any_work(run, tmp_path / "out")
