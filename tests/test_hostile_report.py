"""Untrusted text in a REAL report: French articles that try to inject markup and script go
through the whole pipeline (graph.pipeline.build), and the report they produce is opened in
headless Chromium, offline. Nothing may run, nothing may leave, and the hostile text must be
shown as the text it is.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from graph.pipeline import BuildResult, build

if TYPE_CHECKING:
    from playwright.sync_api import Browser, ConsoleMessage, Dialog, Page, Route

pytestmark = pytest.mark.slow

sync_api = pytest.importorskip("playwright.sync_api")

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]

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


@dataclass
class Visit:
    """A page opened offline, with everything it tried to do behind our back."""

    page: Page
    url: str
    left: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def assert_inert(self) -> None:
        assert self.dialogs == [], f"dialogs opened: {self.dialogs}"
        assert self.errors == [], f"errors in the page: {self.errors}"
        assert self.left == [], f"requests left the page: {self.left}"
        injected = self.page.evaluate(
            """() => [...document.querySelectorAll("body *")].flatMap(element =>
                 [...element.attributes].filter(a => a.name.startsWith("on"))
                   .map(a => `${element.tagName} ${a.name}`))"""
        )
        assert injected == [], f"event handler attributes in the page: {injected}"
        assert self.page.locator("img, svg, b, iframe, object, embed").count() == 0
        assert self.page.locator('a[href^="javascript" i]').count() == 0


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if not CHROMIUM.exists():
        pytest.skip("Debian chromium is not installed at /usr/bin/chromium")
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


def open_offline(browser: Browser, path: Path) -> Visit:
    """Open `path` with every request but its own file recorded and aborted, and wait for
    the page's script to be ready."""
    page = browser.new_page(viewport={"width": 1400, "height": 950})
    opened = Visit(page=page, url=path.resolve().as_uri())

    def route(handled: Route) -> None:
        url = handled.request.url
        if url == opened.url or url.startswith(("data:", "blob:")):
            handled.continue_()
        else:
            opened.left.append(url)
            handled.abort()

    def on_dialog(dialog: Dialog) -> None:
        opened.dialogs.append(dialog.message)
        dialog.dismiss()

    def on_console(message: ConsoleMessage) -> None:
        if message.type == "error":
            opened.errors.append(message.text)

    page.route("**/*", route)
    page.on("dialog", on_dialog)
    page.on("console", on_console)
    page.on("pageerror", lambda error: opened.errors.append(str(error)))
    page.goto(opened.url)
    page.wait_for_function("window.newsgraph && window.newsgraph.ready === true", timeout=20_000)
    page.wait_for_timeout(300)  # let anything injected fire
    return opened


@pytest.fixture
def visit(browser: Browser, built: BuildResult) -> Iterator[Visit]:
    opened = open_offline(browser, built.report)
    yield opened
    opened.page.close()


def test_hostile_strings_reach_the_report_through_the_pipeline(built: BuildResult) -> None:
    sentences = "\n".join(hostile_sentences(built))
    missing = [hostile for hostile in IN_EVIDENCE if hostile not in sentences]
    assert missing == [], f"not in any evidence sentence: {missing}"
    assert FILE_NAME in {a.id for a in built.summary.processed}
    assert SKIPPED_NAME in {Path(s.source).name for s in built.summary.skipped}


def test_report_opens_without_dialogs_errors_or_requests(visit: Visit) -> None:
    visit.assert_inert()


def test_names_ids_titles_and_urls_show_literally_in_the_tables(
    visit: Visit, built: BuildResult
) -> None:
    text = visit.page.inner_text("body")
    for hostile in (FILE_NAME, SKIPPED_NAME, EXPORT_ROW["id"], IMG, SCRIPT, "javascript:alert(6)"):
        assert hostile in text, hostile
    labels = [data["label"] for _, data in built.graph.nodes(data=True)]
    for label in labels:
        assert label in text, label
    visit.assert_inert()


def test_evidence_sentences_show_literally_in_the_panel(visit: Visit, built: BuildResult) -> None:
    page = visit.page
    relations = page.evaluate(
        "window.newsgraph.data.relations.map(r => [r.id, r.source, r.target, r.kind])"
    )
    edge_ids = {f"{source}|{target}|{kind}": rid for rid, source, target, kind in relations}
    panel = page.locator("#panel")
    for sentence, edge in hostile_sentences(built).items():
        page.locator(f'#relations-table [data-edge-id="{edge_ids[edge]}"]').click()
        assert sentence in panel.inner_text(), sentence
    visit.assert_inert()


def test_searching_and_opening_hostile_entities_stays_inert(
    visit: Visit, built: BuildResult
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
    """A control: the same report with one title left unescaped fails the checks (the CSP
    refuses the inline handler, so it shows as a console error, not a dialog)."""
    escaped = "&lt;img src=x onerror=alert(1)&gt;"
    page_source = built.report.read_text(encoding="utf-8")
    assert escaped in page_source
    broken = tmp_path / "broken.html"
    broken.write_text(page_source.replace(escaped, IMG, 1), encoding="utf-8")
    visit = open_offline(browser, broken)
    try:
        with pytest.raises(AssertionError):
            visit.assert_inert()
        assert any("inline event handler" in error for error in visit.errors), visit.errors
        assert visit.page.locator("img[onerror]").count() == 1
    finally:
        visit.page.close()
