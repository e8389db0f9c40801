"""Untrusted text in a REAL report: French articles that try to inject markup and script go
through the whole pipeline (graph.pipeline.build), and the report they produce is opened in
headless Chromium, offline. Nothing may run, nothing may leave, and the hostile text must be
shown as the text it is.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from graph.pipeline import BuildResult, build

from .offline_browser import Visit, launch_chromium
from .offline_browser import open_offline as open_page_offline

if TYPE_CHECKING:
    from playwright.sync_api import Browser

pytestmark = pytest.mark.slow

BOLD_NAME = "<b>Angela Merkel</b>"
SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"
JS_URL = "javascript:alert(document.cookie)"
SCRIPT_CLOSER = "</script><script>alert(2)</script>"
QUOTE_BREAKER = "Jean \"O'Brien' ><b>x</b>"
FILE_NAME = "\"'><img src=x onerror=alert(3)>.txt"
SKIPPED_NAME = "<svg onload=alert(4)>.pdf"  # a file name cannot hold "/"

ARTICLES = {
    "a1.txt": (
        f"Emmanuel Macron a salué {BOLD_NAME} à Berlin lundi.\n"
        f"Selon {QUOTE_BREAKER}, le président Emmanuel Macron a rencontré Olaf Scholz à Paris.\n"
        f"Angela Merkel a déclaré que {SCRIPT} Emmanuel Macron soutient l'Ukraine.\n"
    ),
    "a2.txt": (
        f"Le ministre {IMG} Gérald Darmanin a critiqué Jean-Luc Mélenchon à Marseille.\n"
        f"Jean-Luc Mélenchon a répondu sur {JS_URL} que Gérald Darmanin mentait.\n"
        f"Olaf Scholz a reçu Emmanuel Macron à Berlin pour parler de l'OTAN {SCRIPT_CLOSER}.\n"
    ),
    FILE_NAME: (
        "Marine Le Pen a dénoncé Emmanuel Macron devant l'Assemblée nationale.\n"
        "Le député Jordan Bardella a soutenu Marine Le Pen à Paris.\n"
    ),
}
EXPORT_ROW = {
    "id": "<iframe src=javascript:alert(5)>",
    "title": IMG,
    "url": "javascript:alert(6)",
    "source": SCRIPT,
    "lang": "fr",
    "text": "Volodymyr Zelensky a remercié Emmanuel Macron pour son soutien à l'Ukraine.",
}
#: Every hostile string must reach the report through the pipeline, in an evidence sentence.
IN_EVIDENCE = [BOLD_NAME, SCRIPT, IMG, JS_URL, SCRIPT_CLOSER, QUOTE_BREAKER]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    inputs = tmp_path_factory.mktemp("articles")
    for name, text in ARTICLES.items():
        (inputs / name).write_text(text, encoding="utf-8")
    (inputs / "export.jsonl").write_text(json.dumps(EXPORT_ROW) + "\n", encoding="utf-8")
    (inputs / SKIPPED_NAME).write_bytes(b"%PDF-1.7\n")
    return build([inputs], tmp_path_factory.mktemp("out"), None)


def hostile_sentences(result: BuildResult) -> dict[str, str]:
    """Evidence sentences carrying markup or a script URL, by the id of an edge showing them."""
    sentences: dict[str, str] = {}
    for source, target, kind, data in result.graph.edges(keys=True, data=True):
        for evidence in data["evidence"]:
            if any(mark in evidence["sentence"] for mark in ("<", ">", "javascript:")):
                sentences[evidence["sentence"]] = f"{source}|{target}|{kind}"
    return sentences


class HostileVisit(Visit):
    """An offline visit that also checks nothing injected became markup or a handler."""

    def assert_inert(self) -> None:
        self.assert_clean()
        injected = self.page.evaluate(
            """() => [...document.querySelectorAll("body *")].flatMap(element =>
                 [...element.attributes].filter(a => a.name.startsWith("on"))
                   .map(a => `${element.tagName} ${a.name}`))"""
        )
        assert injected == [], f"event handler attributes in the page: {injected}"
        # the one svg allowed is the timeline's chart, drawn by timeline.js
        foreign = "img, svg:not(#timeline > svg.timeline-chart), b, iframe, object, embed"
        assert self.page.locator(foreign).count() == 0
        assert self.page.locator('a[href^="javascript" i]').count() == 0


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    yield from launch_chromium()


def open_offline(browser: Browser, path: Path) -> HostileVisit:
    """Open a report offline and give anything injected 300 ms to fire."""
    opened = open_page_offline(browser, path, settle_ms=300)
    return HostileVisit(opened.page, opened.url, opened.left, opened.errors, opened.dialogs)


@pytest.fixture
def visit(browser: Browser, built: BuildResult) -> Iterator[HostileVisit]:
    opened = open_offline(browser, built.report)
    yield opened
    opened.page.close()


def test_hostile_strings_reach_the_report_through_the_pipeline(built: BuildResult) -> None:
    sentences = "\n".join(hostile_sentences(built))
    missing = [hostile for hostile in IN_EVIDENCE if hostile not in sentences]
    assert missing == [], f"not in any evidence sentence: {missing}"
    assert FILE_NAME in {a.id for a in built.summary.processed}
    assert SKIPPED_NAME in {Path(s.source).name for s in built.summary.skipped}


def test_report_opens_without_dialogs_errors_or_requests(visit: HostileVisit) -> None:
    visit.assert_inert()


def test_names_ids_titles_and_urls_show_literally_in_the_tables(
    visit: HostileVisit, built: BuildResult
) -> None:
    text = visit.page.inner_text("body")
    for hostile in (FILE_NAME, SKIPPED_NAME, EXPORT_ROW["id"], IMG, SCRIPT, "javascript:alert(6)"):
        assert hostile in text, hostile
    labels = [data["label"] for _, data in built.graph.nodes(data=True)]
    for label in labels:
        assert label in text, label
    visit.assert_inert()


def test_evidence_sentences_show_literally_in_the_panel(
    visit: HostileVisit, built: BuildResult
) -> None:
    page = visit.page
    relations = page.evaluate(
        "window.newsgraph.data.relations.map(r => [r.id, r.source, r.target, r.kind])"
    )
    edge_ids = {f"{source}|{target}|{kind}": rid for rid, source, target, kind in relations}
    panel = page.locator("#panel")
    for sentence, edge in hostile_sentences(built).items():
        page.locator(f'#relations-table button[data-edge-id="{edge_ids[edge]}"]').click()
        assert sentence in panel.inner_text(), sentence
    visit.assert_inert()


def test_searching_and_opening_hostile_entities_stays_inert(
    visit: HostileVisit, built: BuildResult
) -> None:
    page = visit.page
    hostile = [
        (node, data["label"])
        for node, data in built.graph.nodes(data=True)
        if any(mark in data["label"] for mark in "<>\"'")
    ] or [(node, data["label"]) for node, data in built.graph.nodes(data=True)][:3]
    for node, label in hostile:
        page.fill("#search-input", label)
        page.click("#search-button")
        page.locator("#panel h2").filter(has_text=label).wait_for()
        assert page.evaluate("window.newsgraph.network.getSelectedNodes()") == [node]
    visit.assert_inert()


def test_the_checks_notice_markup_that_escaped(
    browser: Browser, built: BuildResult, tmp_path: Path
) -> None:
    """A control: the same report with one skipped file name left unescaped fails the checks
    (the CSP refuses the inline handler, so it shows as a console error, not a dialog)."""
    escaped = "&lt;svg onload=alert(4)&gt;.pdf"
    page_source = built.report.read_text(encoding="utf-8")
    assert escaped in page_source
    broken = tmp_path / "broken.html"
    broken.write_text(page_source.replace(escaped, SKIPPED_NAME, 1), encoding="utf-8")
    visit = open_offline(browser, broken)
    try:
        with pytest.raises(AssertionError):
            visit.assert_inert()
        assert any("inline event handler" in error for error in visit.errors), visit.errors
        assert visit.page.locator("svg[onload]").count() == 1
    finally:
        visit.page.close()
