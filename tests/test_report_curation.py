"""Curation in the page: corrections collected, reviewed, downloaded as the alias file, and
read back by `build --aliases` (a rebuild from the store, parsing nothing).

Headless Chromium, offline (tests/offline_browser.py).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import networkx as nx
import pytest

from graph.aliases import Reject, read_aliases
from graph.build import add_sides
from graph.names import entity_key
from graph.pipeline import BuildOptions, build
from graph.render import render_report

from .offline_browser import Visit, launch_chromium, open_offline, visited
from .test_report_browser import LAVROV, ZELENSKY, click_node, corpus_summary, press_review

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

pytestmark = pytest.mark.slow

ARTICLE = (
    "Marine Le Pen a accusé Emmanuel Macron de mépriser les Français.\n\n"
    "Édouard Philippe a salué Emmanuel Macron pour son courage.\n\n"
    "Le président Macron s'est rendu à Bruxelles.\n"
)
AWKWARD = 'Le "vrai" Zelensky \\ Зеленський\u007f'


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    yield from launch_chromium()


@pytest.fixture
def visit(browser: Browser, tmp_path: Path) -> Iterator[Visit]:
    graph = press_review()
    add_sides(graph)
    yield from visited(browser, render_report(graph, corpus_summary(), tmp_path / "r.html"))


def _entity_action(page: Page, text: str, verb: str) -> None:
    page.fill("#panel .curate input", text)
    page.click(f"#panel .curate button:has-text('{verb}')")


def _mark_edge_wrong(page: Page, source: str, kind: str) -> None:
    """Find the edge in the relations table by its source and kind, open it, mark it."""
    page.fill("#relations-table .column-filter[data-column='0']", source)
    page.fill("#relations-table .column-filter[data-column='1']", kind)
    page.wait_for_function(
        "() => document.querySelectorAll('#relations-table tbody tr').length === 1"
    )
    page.click("#relations-table tbody tr td.evidence")
    page.click("#panel button:has-text('Mark this edge wrong')")


def test_corrections_collect_for_review_and_can_be_removed(visit: Visit) -> None:
    page = visit.page
    _mark_edge_wrong(page, "lavrov", "denies")
    click_node(page, ZELENSKY)
    _entity_action(page, "Lavrov", "Keep apart from")
    assert page.inner_text("#curation-count") == "(2)"
    items = page.locator("#curation-list li")
    assert "Wrong edge: Sergueï Lavrov denies OTAN" in items.nth(0).inner_text()
    assert "Keep Volodymyr Zelensky apart from Sergueï Lavrov" in items.nth(1).inner_text()
    items.nth(0).locator("button.remove").click()
    assert page.inner_text("#curation-count") == "(1)"
    assert "[[reject]]" not in page.text_content("#curation-preview")


def test_the_download_is_an_alias_file_newsgraph_reads(visit: Visit, tmp_path: Path) -> None:
    page = visit.page
    _mark_edge_wrong(page, "lavrov", "denies")
    click_node(page, ZELENSKY)
    _entity_action(page, "OTAN", "Merge with")
    _entity_action(page, AWKWARD, "Rename to")
    click_node(page, LAVROV)
    _entity_action(page, "Choe", "Keep apart from")
    with page.expect_download() as download:
        page.click("#curation-download")
    assert download.value.suggested_filename == "aliases.toml"
    path = tmp_path / "aliases.toml"
    download.value.save_as(path)
    rules = read_aliases(path)
    assert rules.rejects == (Reject(entity_key("Sergueï Lavrov"), "denies", "otan"),)
    assert [label for _group, label in rules.merges] == ["Volodymyr Zelensky"]
    assert rules.kept_apart(entity_key("Sergueï Lavrov"), entity_key("Choe Son Hui"))
    assert rules.renames == {entity_key("Zelensky"): AWKWARD}


def _labelled(graph: nx.MultiDiGraph) -> set[tuple[str, str, str]]:
    label = nx.get_node_attributes(graph, "label")
    return {(label[a], kind, label[b]) for a, b, kind in graph.edges(keys=True)}


def test_the_downloaded_corrections_rebuild_from_the_store_without_parsing(
    browser: Browser, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    store = tmp_path / "s.duckdb"
    first = build([tmp_path / "in"], tmp_path / "out", BuildOptions(store=store))
    assert ("Le Pen", "accuses", "Emmanuel Macron") in _labelled(first.graph)
    visit = open_offline(browser, first.report)
    page = visit.page
    _mark_edge_wrong(page, "le pen", "accuses")
    page.click("#entities-table tbody tr:has-text('Édouard Philippe') td.aliases")
    _entity_action(page, "Le Pen", "Merge with")
    with page.expect_download() as download:
        page.click("#curation-download")
    aliases = tmp_path / "aliases.toml"
    download.value.save_as(aliases)
    visit.assert_clean()

    def no_model(*args: object, **kwargs: object) -> None:
        raise AssertionError("spaCy model loaded on a rebuild")

    monkeypatch.setattr("spacy.load", no_model)
    again = build([tmp_path / "in"], tmp_path / "out", BuildOptions(store=store, aliases=aliases))
    assert (again.extracted, again.reused) == (0, 1)
    edges = _labelled(again.graph)
    assert not any(kind == "accuses" for _, kind, _ in edges)
    labels = set(nx.get_node_attributes(again.graph, "label").values())
    assert "Édouard Philippe" in labels and "Le Pen" not in labels
    assert len(again.graph) == len(first.graph) - 1
