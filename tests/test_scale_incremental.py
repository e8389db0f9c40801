"""Incremental builds: what the store has is never parsed again, what it lacks is parsed,
and the graph is always the one a clean run would build."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from spacy.language import Language

from graph.articles import read_articles
from graph.cli import EXIT_SKIPPED, main
from graph.export import graph_to_json
from graph.extract import ExtractOptions, extract
from graph.nlp import Pipelines
from graph.parallel import extract_incremental
from graph.pipeline import BuildOptions, build
from graph.store import open_store

from .test_scale_corpus import write_french_articles

pytestmark = pytest.mark.slow


class NoModels(Pipelines):
    """Pipelines that fail the test if any model is asked for."""

    def get(self, lang: str) -> Language:
        raise AssertionError(f"a spaCy model was asked for ({lang!r}) on a rebuild")


class Counting(Pipelines):
    """The real pipelines, counting the texts each one parses."""

    def __init__(self, real: Pipelines) -> None:
        super().__init__()
        self.real = real
        self.parsed = 0

    def get(self, lang: str) -> Language:
        nlp = self.real.get(lang)
        counter = self

        class Spy:
            max_length = nlp.max_length
            meta = nlp.meta

            def pipe(self, texts, **kwargs):  # type: ignore[no-untyped-def]
                for doc in nlp.pipe(texts, **kwargs):
                    counter.parsed += 1
                    yield doc

        return Spy()  # type: ignore[return-value]


def _graph_text(result_graph: object) -> str:
    return json.dumps(graph_to_json(result_graph), sort_keys=True)  # type: ignore[arg-type]


def test_an_unchanged_corpus_is_rebuilt_without_loading_any_model(
    tmp_path: Path, pipelines: Pipelines
) -> None:
    write_french_articles(tmp_path / "in", range(8))
    corpus = read_articles([tmp_path / "in"])
    with open_store(tmp_path / "s.duckdb") as store:
        first = extract_incremental(corpus, store, pipelines=pipelines)
    with open_store(tmp_path / "s.duckdb") as store:
        again = extract_incremental(corpus, store, pipelines=NoModels())
    assert (first.extracted, first.reused) == (8, 0)
    assert (again.extracted, again.reused) == (0, 8)
    assert again.extraction == first.extraction
    assert first.extraction == extract(corpus, pipelines=pipelines)


def test_adding_ten_articles_parses_only_those_ten(tmp_path: Path, pipelines: Pipelines) -> None:
    write_french_articles(tmp_path / "in", range(12))
    with open_store(tmp_path / "s.duckdb") as store:
        extract_incremental(read_articles([tmp_path / "in"]), store, pipelines=pipelines)
    write_french_articles(tmp_path / "in", range(12, 22))
    corpus = read_articles([tmp_path / "in"])
    counting = Counting(pipelines)
    with open_store(tmp_path / "s.duckdb") as store:
        grown = extract_incremental(corpus, store, pipelines=counting)
    assert (grown.extracted, grown.reused, counting.parsed) == (10, 12, 10)
    assert grown.extraction == extract(corpus, pipelines=pipelines)


def test_an_edited_article_is_parsed_again_and_its_old_result_not_used(
    tmp_path: Path, pipelines: Pipelines
) -> None:
    (path, *_) = write_french_articles(tmp_path / "in", range(4))
    with open_store(tmp_path / "s.duckdb") as store:
        extract_incremental(read_articles([tmp_path / "in"]), store, pipelines=pipelines)
    path.write_text("Angela Merkel a félicité Joe Biden à Berlin.", encoding="utf-8")
    corpus = read_articles([tmp_path / "in"])
    with open_store(tmp_path / "s.duckdb") as store:
        edited = extract_incremental(corpus, store, pipelines=pipelines)
    assert (edited.extracted, edited.reused) == (1, 3)
    assert edited.extraction == extract(corpus, pipelines=pipelines)


def test_changing_an_extraction_option_parses_everything_again(
    tmp_path: Path, pipelines: Pipelines
) -> None:
    write_french_articles(tmp_path / "in", range(3))
    corpus = read_articles([tmp_path / "in"])
    places_only = ExtractOptions(capitals_as_governments=False)
    with open_store(tmp_path / "s.duckdb") as store:
        extract_incremental(corpus, store, pipelines=pipelines)
        other = extract_incremental(corpus, store, options=places_only, pipelines=pipelines)
        same = extract_incremental(corpus, store, options=places_only, pipelines=NoModels())
    assert (other.extracted, same.reused) == (3, 3)


def test_a_new_alias_file_re_merges_from_the_store_without_parsing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_french_articles(tmp_path / "in", range(6))
    options = BuildOptions(store=tmp_path / "s.duckdb")
    first = build([tmp_path / "in"], tmp_path / "out", options)
    assert "ursula von der leyen" in first.graph and "emmanuel macron" in first.graph
    aliases = tmp_path / "aliases.toml"
    aliases.write_text(
        '[[merge]]\nnames = ["Emmanuel Macron", "Ursula von der Leyen"]\nlabel = "Duo"\n',
        encoding="utf-8",
    )

    def no_model(*args: object, **kwargs: object) -> None:
        raise AssertionError("spaCy model loaded on a rebuild")

    monkeypatch.setattr("spacy.load", no_model)
    merged = build(
        [tmp_path / "in"], tmp_path / "out", BuildOptions(store=options.store, aliases=aliases)
    )
    assert (merged.extracted, merged.reused) == (0, 6)
    labels = {data["label"] for _, data in merged.graph.nodes(data=True)}
    assert "Duo" in labels and len(merged.graph) < len(first.graph)
    monkeypatch.undo()
    clean = build([tmp_path / "in"], tmp_path / "clean", BuildOptions(aliases=aliases))
    assert _graph_text(merged.graph) == _graph_text(clean.graph)


def test_skipped_inputs_are_accounted_for_on_a_rebuild_from_the_store(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    write_french_articles(inputs, range(3))
    (inputs / "vide.txt").write_text("", encoding="utf-8")
    (inputs / "junk.txt").write_text("Publicité\n", encoding="utf-8")
    (inputs / "de.txt").write_text(
        "Die Bundesregierung hat die Vorwürfe am Montag entschieden zurückgewiesen und "
        "erklärt, dass sie keine weiteren Stellungnahmen abgeben werde.",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    manifests = []
    for _ in range(2):
        assert main(["build", str(inputs), "-o", str(out), "--store", "-q"]) == EXIT_SKIPPED
        manifests.append((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifests[0] == manifests[1]
    manifest = json.loads(manifests[1])
    assert manifest["counts"] == {"processed": 3, "skipped": 3, "total": 6}
    assert (out / "newsgraph.duckdb").is_file()
    with open_store(out / "newsgraph.duckdb") as store:
        assert store.count() == 3  # type: ignore[union-attr]


def test_a_build_with_nothing_new_leaves_the_outputs_as_they_are(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_french_articles(tmp_path / "in", range(4))
    out, options = tmp_path / "out", BuildOptions(store=tmp_path / "s.duckdb")
    first = build([tmp_path / "in"], out, options)
    written = {p.name: p.stat().st_mtime_ns for p in out.iterdir()}

    def no_writes(*args: object, **kwargs: object) -> None:
        raise AssertionError("an output was rewritten")

    monkeypatch.setattr("graph.pipeline._write_outputs", no_writes)
    again = build([tmp_path / "in"], out, options)
    assert {p.name: p.stat().st_mtime_ns for p in out.iterdir()} == written
    assert _graph_text(again.graph) == _graph_text(first.graph)
    assert (again.summary, again.reused) == (first.summary, 4)


@pytest.mark.parametrize("change", ["report edited", "title", "article added"])
def test_outputs_are_written_again_when_anything_they_show_changed(
    tmp_path: Path, change: str
) -> None:
    write_french_articles(tmp_path / "in", range(3))
    out, options = tmp_path / "out", BuildOptions(store=tmp_path / "s.duckdb")
    build([tmp_path / "in"], out, options)
    if change == "report edited":
        (out / "report.html").write_text("<p>mine</p>", encoding="utf-8")
    elif change == "title":
        options = BuildOptions(store=options.store, title="Revue de presse")
    else:
        write_french_articles(tmp_path / "in", range(3, 4))
    result = build([tmp_path / "in"], out, options)
    report = (out / "report.html").read_text(encoding="utf-8")
    assert "<p>mine</p>" not in report
    assert options.title in report
    assert len(result.summary.processed) == (4 if change == "article added" else 3)
