"""Camps, influence, the ego view, column filters and table rows, in a real browser.

Same harness as test_report_browser.py (headless Chromium, offline, every request refused),
on its press review: Lavrov supports North Korea and denies NATO, Zelensky supports NATO.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import networkx as nx
import pytest

from graph.build import add_sides
from graph.render import render_report

from .offline_browser import Visit, launch_chromium, visited
from .test_report_browser import LAVROV, ZELENSKY, click_node, corpus_summary, press_review

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

pytestmark = pytest.mark.slow

NORTH_KOREA, NATO = "LOC:corée du nord", "ORG:otan"
VISIBLE_NODES = "() => window.newsgraph.nodeView.getIds().sort()"


def sided_review() -> nx.MultiDiGraph:
    graph = press_review()
    add_sides(graph)
    return graph


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    yield from launch_chromium()


@pytest.fixture
def visit(browser: Browser, tmp_path: Path) -> Iterator[Visit]:
    yield from visited(
        browser, render_report(sided_review(), corpus_summary(), tmp_path / "r.html")
    )


def test_the_press_review_splits_into_two_camps() -> None:
    camps = nx.get_node_attributes(sided_review(), "camp")
    assert camps[LAVROV] == camps[NORTH_KOREA] != camps[NATO] == camps[ZELENSKY]
    assert camps["LOC:russie"] == 0  # co-mentions only: no side


def test_colour_by_camp_paints_each_camp_its_own_colour_and_back(visit: Visit) -> None:
    page = visit.page
    fill = "(id) => window.newsgraph.nodes.get(id).color.background"
    by_type = {node: page.evaluate(fill, node) for node in (LAVROV, NORTH_KOREA)}
    assert by_type[LAVROV] != by_type[NORTH_KOREA]  # a person and a place
    page.check('input[name="colour"][value="camp"]')
    assert page.evaluate(fill, LAVROV) == page.evaluate(fill, NORTH_KOREA)
    assert page.evaluate(fill, LAVROV) != page.evaluate(fill, NATO)
    assert page.is_visible("#camp-legend")
    page.check('input[name="colour"][value="type"]')
    assert page.evaluate(fill, LAVROV) == by_type[LAVROV]


def test_the_camps_table_lists_members_and_figures_and_opens_a_member(visit: Visit) -> None:
    page = visit.page
    rows = page.locator("#camps-table tbody tr")
    assert rows.count() == 2
    texts = [rows.nth(i).inner_text() for i in range(2)]
    lavrov_row = next(text for text in texts if "Sergueï Lavrov" in text)
    assert "Corée du Nord" in lavrov_row
    cells = lavrov_row.split("\t")
    assert cells[1:2] == ["2"] and cells[3:6] == ["3", "2", "0"]
    page.click('#camps-table button[data-node-id="ORG:otan"]')
    assert page.inner_text("#panel h2") == "OTAN"
    assert "Influence" in page.inner_text("#panel")


def test_entities_are_ranked_by_influence_in_the_stance_graph(visit: Visit) -> None:
    page = visit.page
    page.click("#entities-table th:has-text('Influence') button")
    first = page.inner_text("#entities-table tbody tr:first-child td:first-child")
    assert first == "OTAN"  # targeted twice; Zelensky is mentioned 105 times


def test_the_ego_view_shows_depth_one_then_two_then_everything(visit: Visit) -> None:
    page = visit.page
    everything = page.evaluate(VISIBLE_NODES)
    click_node(page, ZELENSKY)
    page.click("#panel .ego-open")
    assert page.evaluate(VISIBLE_NODES) == sorted([ZELENSKY, NATO])
    assert page.is_visible("#ego-bar")
    page.click('#ego-bar [data-ego-depth="2"]')
    assert page.evaluate(VISIBLE_NODES) == sorted([ZELENSKY, NATO, LAVROV])
    page.click("#ego-back")
    assert page.evaluate(VISIBLE_NODES) == everything
    assert page.is_hidden("#ego-bar")


def _filter_column(page: Page, table: str, column: int, text: str, rows: int) -> None:
    """Type into a column's filter box and wait for the table to show `rows` rows."""
    page.fill(f"#{table} .column-filter[data-column='{column}']", text)
    page.wait_for_function(
        "([t, n]) => document.querySelectorAll(`#${t} tbody tr`).length === n", arg=[table, rows]
    )


def test_column_filters_combine(visit: Visit) -> None:
    page = visit.page
    _filter_column(page, "relations-table", 1, "supports", 2)
    _filter_column(page, "relations-table", 0, "lavrov", 1)
    row = page.inner_text("#relations-table tbody tr")
    assert "Sergueï Lavrov" in row and "supports" in row and "Corée du Nord" in row
    assert "1 matching of 6" in page.inner_text("#relations-table-status")


def test_a_table_row_opens_its_edge_or_its_entity_in_the_graph(visit: Visit) -> None:
    page = visit.page
    _filter_column(page, "relations-table", 1, "denies", 1)
    page.click("#relations-table tbody tr td.evidence")
    assert page.get_attribute("#panel", "data-showing") == "relation"
    selected = page.evaluate("() => window.newsgraph.network.getSelectedEdges()")
    relation = page.evaluate("(id) => window.newsgraph.index.relations.get(id).kind", selected[0])
    assert relation == "denies"
    page.click("#entities-table tbody tr:first-child td.aliases")
    assert page.get_attribute("#panel", "data-showing") == "entity"
    assert page.evaluate("() => window.newsgraph.focus.current") is not None
