"""Time and outlets in a real browser: the timeline, the date range, the outlet choice, and
evidence that says where, when and amid what it was read.

Same harness as test_report_browser.py (headless Chromium, offline, every request refused).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import networkx as nx
import pytest

from graph.render import render_report
from graph.summary import CorpusSummary, ProcessedArticle

from .offline_browser import Visit, launch_chromium, open_offline, visited
from .test_report_browser import IMG_ONERROR, add_entity

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

pytestmark = pytest.mark.slow

ZELENSKY, OTAN, LAVROV = "PER:volodymyr zelensky", "ORG:otan", "PER:serguei lavrov"
#: Three articles: two dated a week apart, one with no date (counted apart, not lost).
DECEMBER_1, DECEMBER_8, UNDATED = "lemonde-1.html", "rfi-8.html", "liberation.html"
ARTICLES = (
    ProcessedArticle(DECEMBER_1, "fr", "Kiev remercie l'Alliance",
                     "https://www.lemonde.fr/a.html", "Le Monde", 300, "2018-12-01"),
    ProcessedArticle(DECEMBER_8, "fr", "", "https://www.rfi.fr/b.html", "RFI", 200,
                     "2018-12-08T09:30:00+01:00"),
    ProcessedArticle(UNDATED, "fr", "Sans date", "", IMG_ONERROR, 100, ""),
)  # fmt: skip
THANKS = "Volodymyr Zelensky remercie l'OTAN pour son aide."
BEFORE = "Le président ukrainien s'est exprimé à Kiev."
AFTER = "Il a aussi demandé de nouvelles livraisons."
DENIES = "Sergueï Lavrov a démenti les affirmations de Zelensky."
MET = "Zelensky et Lavrov étaient tous deux cités."


def _item(article: ProcessedArticle, sentence: str, **more: str) -> dict[str, str]:
    return {
        "article": article.id,
        "sentence": sentence,
        "cue": more.pop("cue", ""),
        "outlet": article.source,
        "date": article.date,
        "title": article.title,
        "url": article.url,
        **more,
    }


def dated_review() -> nx.MultiDiGraph:
    graph = nx.MultiDiGraph(schema_version=1, generator="newsgraph test", window="sentence")
    for node, label, articles in (
        (ZELENSKY, "Volodymyr Zelensky", [DECEMBER_1, DECEMBER_8, UNDATED]),
        (OTAN, "OTAN", [DECEMBER_1]),
        (LAVROV, "Sergueï Lavrov", [DECEMBER_8, UNDATED]),
    ):
        add_entity(graph, node, label, len(articles), [label], articles)
    first, second, undated = ARTICLES
    thanks = _item(first, THANKS, cue="remercie", before=BEFORE, after=AFTER)
    denies = _item(second, DENIES, cue="a démenti")
    met = _item(undated, MET)
    for source, target, kind, evidence, by_article in (
        (ZELENSKY, OTAN, "supports", [thanks], {DECEMBER_1: 1}),
        (LAVROV, ZELENSKY, "denies", [denies], {DECEMBER_8: 1}),
        (LAVROV, ZELENSKY, "co_mention", [met], {UNDATED: 2}),
    ):
        weight = sum(by_article.values())
        graph.add_edge(source, target, key=kind, kind=kind, weight=weight, evidence=evidence,
                       evidence_total=len(evidence), by_article=by_article)  # fmt: skip
    return graph


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    yield from launch_chromium()


@pytest.fixture
def visit(browser: Browser, tmp_path: Path) -> Iterator[Visit]:
    path = render_report(dated_review(), CorpusSummary(ARTICLES), tmp_path / "report.html")
    yield from visited(browser, path)


def shown(page: Page) -> dict[str, int]:
    """What the graph draws now, as the count under the canvas says it."""
    count = page.locator("#drawn-count")
    return {name: int(count.get_attribute(f"data-{name}") or -1) for name in ("entities", "edges")}


def drawn_kinds(page: Page) -> list[str]:
    return sorted(
        page.evaluate(
            """() => window.newsgraph.edgeView.getIds()
                 .map(id => window.newsgraph.index.relations.get(id).kind)"""
        )
    )


def set_slider(page: Page, selector: str, value: int) -> None:
    page.eval_on_selector(
        selector,
        """(input, value) => { input.value = String(value);
             input.dispatchEvent(new Event("input", { bubbles: true })); }""",
        value,
    )


def test_the_timeline_counts_articles_and_stances_per_day_and_the_undated_apart(
    visit: Visit,
) -> None:
    page = visit.page
    bars = page.locator("#timeline svg .bin")
    titles = [bars.nth(i).locator("title").text_content() for i in range(bars.count())]
    assert len(titles) == 8 + 1  # December 1st to 8th, a bar a day, then "no date"
    assert titles[0] == "2018-12-01: 1 articles, 1 stances"
    assert titles[7] == "2018-12-08: 1 articles, 1 stances"
    assert titles[8] == "no date: 1 articles, 0 stances"
    assert "Articles with no date (1)" in page.locator("#timeline").inner_text()
    assert page.locator("#scope-status").get_attribute("data-articles") == "3"


def test_a_date_range_redraws_the_graph_from_the_articles_in_it(visit: Visit) -> None:
    page = visit.page
    page.check('input[name="view"][value="all"]')
    assert drawn_kinds(page) == ["co_mention", "denies", "supports"]
    before = shown(page)
    set_slider(page, "#date-to", 3)  # December 1st to 4th: the denial of the 8th goes
    assert drawn_kinds(page) == ["co_mention", "supports"]
    page.uncheck("#include-no-date")  # and the co-mention, read only in the undated article
    assert drawn_kinds(page) == ["supports"]
    after = shown(page)
    assert after == {"entities": 2, "edges": 1} and after != before
    assert "1 of 3 articles" in page.locator("#scope-status").inner_text()
    page.click("#all-dates")
    assert drawn_kinds(page) == ["co_mention", "denies", "supports"]


def test_dragging_across_the_chart_chooses_the_dates(visit: Visit) -> None:
    page = visit.page
    box = page.locator("#timeline svg").bounding_box()
    assert box is not None
    slot = box["width"] / 9
    y = box["y"] + box["height"] / 2
    page.mouse.move(box["x"] + 7.5 * slot, y)  # the 8th alone
    page.mouse.down()
    page.mouse.up()
    assert page.locator("#date-from").input_value() == "7"
    assert page.locator("#date-to").input_value() == "7"
    assert page.locator("#timeline .bin.out").count() == 7


def test_unticking_an_outlet_hides_what_only_it_reported(visit: Visit) -> None:
    page = visit.page
    outlets = page.locator('#outlet-filters input[name="outlet"]')
    assert sorted(outlets.nth(i).get_attribute("value") or "" for i in range(3)) == sorted(
        [IMG_ONERROR, "Le Monde", "RFI"]
    )
    page.uncheck('#outlet-filters input[value="Le Monde"]')
    assert "supports" not in drawn_kinds(page)
    assert "denies" in drawn_kinds(page)


def test_evidence_shows_outlet_date_title_and_the_sentences_around_it(visit: Visit) -> None:
    page = visit.page
    page.evaluate(
        """() => { const r = window.newsgraph.data.relations.find(r => r.kind === "supports");
                   window.newsgraph.selectRelation(r.id); }"""
    )
    item = page.locator("#panel .evidence-item").first
    source = item.locator(".evidence-source")
    assert source.locator(".outlet").inner_text() == "Le Monde"
    assert source.locator(".date").inner_text() == "2018-12-01"
    link = source.locator("a")
    assert link.inner_text() == "Kiev remercie l'Alliance"
    assert link.get_attribute("href") == "https://www.lemonde.fr/a.html"
    assert item.locator(".context.before").inner_text() == BEFORE
    assert item.locator(".sentence mark").inner_text() == "remercie"
    assert item.locator(".context.after").inner_text() == AFTER


def test_evidence_without_a_title_names_its_url_and_a_hostile_outlet_stays_text(
    visit: Visit,
) -> None:
    page = visit.page
    page.evaluate(
        """() => { const r = window.newsgraph.data.relations.find(r => r.kind === "denies");
                   window.newsgraph.selectRelation(r.id); }"""
    )
    assert page.locator("#panel .evidence-source a").inner_text() == "https://www.rfi.fr/b.html"
    page.evaluate(
        """() => { const r = window.newsgraph.data.relations.find(r => r.kind === "co_mention");
                   window.newsgraph.selectRelation(r.id); }"""
    )
    source = page.locator("#panel .evidence-source")
    assert source.locator(".outlet").inner_text() == IMG_ONERROR
    assert source.locator(".date").inner_text() == "no date"
    assert page.locator("#panel img").count() == 0


def edge_width(page: Page, kind: str) -> float:
    return page.evaluate(
        """(kind) => {
          const ng = window.newsgraph;
          const id = ng.edgeView.getIds().find(e => ng.index.relations.get(e).kind === kind);
          return ng.network.body.edges[id].options.width;
        }""",
        kind,
    )


def test_an_edge_thins_as_the_articles_stating_it_leave_the_scope(
    browser: Browser, tmp_path: Path
) -> None:
    graph = dated_review()
    thanks = graph.edges[ZELENSKY, OTAN, "supports"]
    thanks.update(weight=4, by_article={DECEMBER_1: 1, DECEMBER_8: 3})  # RFI said it 3 times
    visit = open_offline(
        browser, render_report(graph, CorpusSummary(ARTICLES), tmp_path / "r.html")
    )
    page = visit.page
    built = edge_width(page, "supports")
    page.uncheck('#outlet-filters input[value="RFI"]')
    assert 0 < edge_width(page, "supports") < built  # still drawn, from Le Monde's one sentence
    page.click("#outlet-filters button:has-text('all')")
    assert edge_width(page, "supports") == built
    visit.assert_clean()
    page.close()
