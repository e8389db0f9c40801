"""The tables' "Download CSV" button, in a real browser: the rows the filters keep, all of
them, as the table shows them, with formula-like cells made text for spreadsheets.

Same harness as test_report_browser.py (headless Chromium, offline, every request refused).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from graph.render import render_report

from .offline_browser import Visit, launch_chromium, visited
from .test_report_browser import A1, add_entity, add_relation, corpus_summary, press_review, seen

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

pytestmark = pytest.mark.slow

FORMULA = '=HYPERLINK("http://evil.example","clic")'
#: More entities than a page of the table shows (tables.js PAGE_ROWS): all are downloaded.
MANY = 620


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    yield from launch_chromium()


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    graph = press_review()
    add_entity(graph, "ORG:formula", FORMULA, 2, [FORMULA, "-2 + 3"], [A1])
    add_relation(graph, "ORG:formula", "LOC:russie", "co_mention", 1, 1,
                 [seen(A1, "@SUM(1+1) et la Russie.")])  # fmt: skip
    for i in range(MANY):
        add_entity(graph, f"PER:person {i:04d}", f"Personne {i:04d}", 1, [], [A1])
    return render_report(graph, corpus_summary(), tmp_path_factory.mktemp("csv") / "r.html")


@pytest.fixture
def visit(browser: Browser, report: Path) -> Iterator[Visit]:
    yield from visited(browser, report)


def download(page: Page, table: str, folder: Path) -> tuple[str, list[list[str]]]:
    """Click the table's CSV button; the file's name and its rows (header first)."""
    with page.expect_download() as event:
        page.click(f"button.table-csv[data-table='{table}']")
    path = folder / event.value.suggested_filename
    event.value.save_as(path)
    text = path.read_text(encoding="utf-8")
    return event.value.suggested_filename, list(csv.reader(io.StringIO(text, newline="")))


def test_the_csv_holds_every_row_the_filters_keep_not_only_the_page_shown(
    visit: Visit, tmp_path: Path
) -> None:
    page = visit.page
    shown = page.locator("#entities-table tbody tr").count()
    name, rows = download(page, "entities-table", tmp_path)
    assert name == "entities.csv"
    assert rows[0] == ["Entity", "Type", "Mentions", "Articles", "Influence",
                       "Stances in / out", "Camp", "Aliases"]  # fmt: skip
    assert shown < len(rows) - 1 == page.evaluate("window.newsgraph.data.entities.length")
    page.fill("#entities-table .column-filter[data-column='0']", "personne 00")
    page.wait_for_function(
        "() => document.querySelectorAll('#entities-table tbody tr').length === 100"
    )
    _, rows = download(page, "entities-table", tmp_path)
    assert [row[0] for row in rows[1:]] == [f"Personne {i:04d}" for i in range(100)]


def test_the_relations_csv_is_the_table_as_shown(visit: Visit, tmp_path: Path) -> None:
    page = visit.page
    page.fill("#relations-table .column-filter[data-column='1']", "denies")
    page.wait_for_function(
        "() => document.querySelectorAll('#relations-table tbody tr').length === 1"
    )
    name, rows = download(page, "relations-table", tmp_path)
    assert name == "relations.csv"
    header, (row,) = rows[0], rows[1:]
    assert dict(zip(header, row, strict=True)) == {
        "Source": "Sergueï Lavrov", "Kind": "denies", "Target": "OTAN", "Weight": "2",
        "Confidence": "", "First evidence": page.inner_text("#relations-table tbody td.evidence"),
    }  # fmt: skip


def test_a_cell_a_spreadsheet_would_run_stays_text(visit: Visit, tmp_path: Path) -> None:
    page = visit.page
    page.fill("#entities-table .column-filter[data-column='0']", "hyperlink")
    page.wait_for_function(
        "() => document.querySelectorAll('#entities-table tbody tr').length === 1"
    )
    _, rows = download(page, "entities-table", tmp_path)
    assert rows[1][0] == "'" + FORMULA
    assert rows[1][7] == f"'-2 + 3 | {FORMULA}"  # the first character is what counts
    page.fill("#relations-table .column-filter[data-column='5']", "sum(")
    page.wait_for_function(
        "() => document.querySelectorAll('#relations-table tbody tr').length === 1"
    )
    _, rows = download(page, "relations-table", tmp_path)
    assert rows[1][0] == "'" + FORMULA and rows[1][5] == "'@SUM(1+1) et la Russie."
