"""The timeline of a real build whose dates are not all right: one article dated years before
the rest, one in the future, one with a date that cannot be read, one with none.

The bars cover the weeks most articles fall in; the others are gathered in "earlier" and
"later" bars, counted, in the default range and choosable like any other bar; the date range
can still select every article. Built from a small JSONL of French news sentences written
here (real spaCy models), opened in headless Chromium offline (tests/offline_browser.py).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from graph.pipeline import BuildOptions, build

from .offline_browser import Visit, launch_chromium, visited
from .test_report_timeline import set_slider

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

pytestmark = pytest.mark.slow

TEXTS = (
    "Emmanuel Macron a critiqué Jean-Luc Mélenchon lors de son discours à Paris.",
    "Marine Le Pen soutient les revendications des gilets jaunes, selon Jordan Bardella.",
    "Édouard Philippe a dénoncé les violences commises samedi sur les Champs-Élysées.",
    "Laurent Wauquiez accuse Emmanuel Macron de mépriser les classes moyennes.",
    "Christophe Castaner a salué le travail des forces de l'ordre à Bordeaux.",
    "Benjamin Griveaux a démenti les propos prêtés à Édouard Philippe.",
)
#: Six articles across three weeks of December 2018, then the odd ones.
BULK = ("2018-12-01", "2018-12-04", "2018-12-08", "2018-12-12", "2018-12-15", "2018-12-19")
YEARS_BEFORE, FUTURE, UNREADABLE = "2014-07-01", "2091-05-01T08:00:00+02:00", "samedi matin"
ARTICLES = len(BULK) + 4  # and one with no date at all


def records() -> list[dict[str, str]]:
    dates = [*BULK, YEARS_BEFORE, FUTURE, UNREADABLE, ""]
    return [
        {
            "id": f"article-{number}",
            "lang": "fr",
            "title": f"Article {number}",
            "source": "Le Monde" if number % 2 else "Libération",
            "date": day,
            "text": f"{TEXTS[number % len(TEXTS)]} {TEXTS[(number + 1) % len(TEXTS)]}",
        }
        for number, day in enumerate(dates)
    ]


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("outliers")
    inputs = folder / "articles.jsonl"
    lines = (json.dumps(record, ensure_ascii=False) for record in records())
    inputs.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = build([inputs], folder / "out", BuildOptions())
    assert result.extracted == ARTICLES
    return result.report


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    yield from launch_chromium()


@pytest.fixture
def visit(browser: Browser, report: Path) -> Iterator[Visit]:
    yield from visited(browser, report)


def bar_titles(page: Page) -> list[str]:
    bars = page.locator("#timeline svg .bin")
    return [bars.nth(i).locator("title").text_content() or "" for i in range(bars.count())]


def in_scope(page: Page) -> int:
    return int(page.get_attribute("#scope-status", "data-articles") or -1)


def test_the_bars_cover_the_bulk_and_the_odd_dates_are_set_apart_and_counted(
    visit: Visit,
) -> None:
    titles = bar_titles(visit.page)
    assert titles[0].startswith("earlier, 2014-07-01 to ")
    assert ": 1 articles, " in titles[0]
    assert titles[1].startswith("2018-12-01: 1 articles")  # a bar a day from the bulk's start
    assert titles[-3].startswith("2018-12-19: 1 articles")
    assert titles[-2].startswith("later, 2018-12-20 to 2091-05-01: 1 articles")
    assert "1 dated after the day the report was made" in titles[-2]
    assert titles[-1].startswith("no date: 2 articles")
    assert titles[-1].endswith("(1 with a date that cannot be read)")
    assert len(titles) == 1 + 19 + 1 + 1
    assert in_scope(visit.page) == ARTICLES  # nothing left out by default


def test_the_earlier_bar_alone_can_be_chosen_and_every_article_selected_again(
    visit: Visit,
) -> None:
    page = visit.page
    earlier = page.locator("#timeline svg .bin.earlier rect.bar-articles").bounding_box()
    assert earlier is not None
    page.mouse.click(earlier["x"] + earlier["width"] / 2, earlier["y"] + earlier["height"] / 2)
    page.uncheck("#include-no-date")
    assert in_scope(page) == 1
    assert "2014-07-01 to 2018-11-30" in page.inner_text("#scope-status")
    assert page.locator("#timeline .bin.out").count() == 19 + 1 + 1
    last = int(page.get_attribute("#date-to", "max") or 0)
    set_slider(page, "#date-from", 0)
    set_slider(page, "#date-to", last)
    page.check("#include-no-date")
    assert in_scope(page) == ARTICLES


def test_wrong_dates_are_named_in_the_corpus_summary_and_the_articles_table(
    visit: Visit,
) -> None:
    page = visit.page
    account = page.locator("#date-account")
    assert account.get_attribute("data-unreadable") == "1"
    assert account.get_attribute("data-future") == "1"
    assert account.get_attribute("data-missing") == "1"
    notes = page.locator("#articles-table td.date .date-note").all_inner_texts()
    assert sorted(notes) == [" (after the report's day)", " (cannot be read)"]
    assert "samedi matin" in page.locator("#articles-table").inner_text()
