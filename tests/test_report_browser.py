"""The report in a real browser (headless Chromium), offline: it draws, reacts and stays inert.

Every request is routed: anything but the page's own file is recorded and aborted, and the
tests fail if one was made. Screenshots land in a temporary folder (printed with -s).
"""

from __future__ import annotations

import html
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import networkx as nx
import pytest

from graph.articles import Skipped
from graph.render import render_graph_html, render_report
from graph.summary import CorpusSummary, ProcessedArticle

from .offline_browser import Visit, launch_chromium, open_offline

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Frame, Page

pytestmark = pytest.mark.slow

SCRIPT_BREAKER = "</script><script>alert(1)</script>"
IMG_ONERROR = "<img src=x onerror=alert(1)>"
QUOTE_BREAKER = "Quote\"'><b>x</b>"
JS_URL = "javascript:alert(document.domain)"
LAVROV = "PER:sergueï lavrov"
ZELENSKY = "PER:volodymyr zelensky"
LAVROV_SENTENCES = [
    "Sergueï Lavrov a reçu Choe Son Hui à Moscou pour des entretiens sur la coopération.",
    "Sergueï Lavrov a salué le « soutien indéfectible » de la Corée du Nord.",
    "Sergueï Lavrov a dénoncé l'expansion de l'OTAN vers l'est.",
    "Le ministre russe Sergueï Lavrov représente la Russie.",
]


# --- the corpus ---------------------------------------------------------------------------

A1, A2, A3 = "a1.txt", "a2.txt", "a3.txt"
#: Elements only injected markup would make (the timeline's chart is the page's own svg).
INJECTED = "img, svg:not(#timeline > svg.timeline-chart), b"
ENTITIES = [  # id, label, mentions, aliases, articles
    (LAVROV, "Sergueï Lavrov", 14, ["Lavrov", "M. Lavrov", "Sergueï Lavrov"], [A1, A2, A3]),
    ("PER:choe son hui", "Choe Son Hui", 9, ["Choe Son Hui", "Mme Choe"], [A1, A2]),
    ("LOC:russie", "Russie", 20, ["Russie", "la Russie"], [A1, A2, A3]),
    ("LOC:corée du nord", "Corée du Nord", 16, ["Corée du Nord", "Pyongyang"], [A1, A2]),
    ("ORG:otan", "OTAN", 7, ["OTAN", "l'Otan"], [A3]),
    (ZELENSKY, "Volodymyr Zelensky", 105, ["Zelensky"], [A3]),
]


def seen(article: str, sentence: str) -> dict[str, str]:
    """Co-mention evidence: no cue."""
    return {"article": article, "sentence": sentence, "cue": ""}


def said(article: str, sentence: str, cue: str, speaker: str, target: str) -> dict[str, str]:
    """Stance evidence: the cue word and who says what about whom."""
    return {"article": article, "sentence": sentence, "cue": cue, "speaker": speaker,
            "target": target}  # fmt: skip


SIGNED = "Choe Son Hui et Sergueï Lavrov ont signé un communiqué."
TIES = "La Russie et la Corée du Nord renforcent leurs liens."
THANKS = "Volodymyr Zelensky remercie l'OTAN pour son aide."
HOSTILE_SAYS = f"Il a dit {IMG_ONERROR} et <svg onload=alert(2)> soutient."
HOSTILE_SEEN = "javascript:alert(3) \u2028 " + QUOTE_BREAKER
LAVROV_LABEL = "Sergueï Lavrov"
RELATIONS = [  # source, target, kind, weight, evidence_total, evidence
    ("PER:choe son hui", LAVROV, "co_mention", 6, 6,
     [seen(A1, LAVROV_SENTENCES[0]), seen(A2, SIGNED)]),
    (LAVROV, "LOC:corée du nord", "supports", 3, 4,
     [said(A1, LAVROV_SENTENCES[1], "a salué", LAVROV_LABEL, "Corée du Nord")]),
    (LAVROV, "ORG:otan", "denies", 2, 1,
     [said(A3, LAVROV_SENTENCES[2], "a dénoncé", LAVROV_LABEL, "OTAN")]),
    ("LOC:corée du nord", "LOC:russie", "co_mention", 9, 9, [seen(A1, TIES)]),
    ("LOC:russie", LAVROV, "co_mention", 8, 1, [seen(A1, LAVROV_SENTENCES[3])]),
    (ZELENSKY, "ORG:otan", "supports", 1, 1, [said(A3, THANKS, "remercie", "Zelensky", "OTAN")]),
]  # fmt: skip
HOSTILE_ENTITIES = [
    ("PER:" + SCRIPT_BREAKER, SCRIPT_BREAKER, 4, [QUOTE_BREAKER], ["<a1>.txt"]),
    ("ORG:" + QUOTE_BREAKER, IMG_ONERROR, 3, ["javascript:alert(1)"], [A1]),
]
HOSTILE_RELATIONS = [
    ("PER:" + SCRIPT_BREAKER, "ORG:" + QUOTE_BREAKER, "supports", 2, 1,
     [said("<a1>.txt", HOSTILE_SAYS, "soutient", SCRIPT_BREAKER, IMG_ONERROR)]),
    ("PER:" + SCRIPT_BREAKER, "LOC:russie", "co_mention", 1, 1, [seen(A1, HOSTILE_SEEN)]),
]  # fmt: skip


def add_entity(
    graph: nx.MultiDiGraph, node_id: str, label: str, mentions: int, aliases: list, articles: list
) -> None:
    entity_type = node_id.split(":")[0]
    graph.add_node(
        node_id,
        label=label,
        type=entity_type,
        mentions=mentions,
        aliases=sorted(aliases),
        articles=sorted(articles),
        alias_articles={alias: sorted(articles) for alias in aliases},
    )


def add_relation(
    graph: nx.MultiDiGraph,
    source: str,
    target: str,
    kind: str,
    weight: int,
    total: int,
    evidence: list[dict[str, str]],
) -> None:
    graph.add_edge(
        source, target, key=kind, kind=kind, weight=weight, evidence=evidence, evidence_total=total
    )


def press_review(hostile: bool = False) -> nx.MultiDiGraph:
    """A few French articles on Moscow and Pyongyang, as the extraction stages would see them,
    plus (if `hostile`) entities whose names and sentences try to inject markup."""
    graph = nx.MultiDiGraph(schema_version=1, generator="newsgraph 0.1.0", window="sentence")
    for node in ENTITIES + (HOSTILE_ENTITIES if hostile else []):
        add_entity(graph, *node)
    for edge in RELATIONS + (HOSTILE_RELATIONS if hostile else []):
        add_relation(graph, *edge)
    return graph


def corpus_summary() -> CorpusSummary:
    lemonde = "https://www.lemonde.fr/international/lavrov.html"
    return CorpusSummary(
        processed=(
            ProcessedArticle(A1, "fr", "Lavrov reçoit Choe Son Hui", lemonde, "Le Monde", 642),
            ProcessedArticle(A2, "fr", "Accord Moscou–Pyongyang", JS_URL, "RFI", 1210),
            ProcessedArticle(A3, "fr", IMG_ONERROR, "", "Libération", 87),
        ),
        skipped=(
            Skipped("vide.txt", "empty after cleaning"),
            Skipped(SCRIPT_BREAKER + ".html", "unsupported encoding " + IMG_ONERROR),
        ),
    )


# --- the browser --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    yield from launch_chromium()


@pytest.fixture(scope="module")
def report_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("report") / "report.html"
    return render_report(
        press_review(hostile=True),
        corpus_summary(),
        out,
        title="Revue de presse — Moscou et Pyongyang",
    )


@pytest.fixture(scope="module")
def screenshots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("screenshots")
    print(f"screenshots in {folder}")
    return folder


@pytest.fixture
def visit(browser: Browser, report_path: Path) -> Iterator[Visit]:
    opened = open_offline(browser, report_path)
    yield opened
    opened.page.close()


def painted_pixels(page: Page | Frame) -> int:
    return page.evaluate(
        """() => {
          const canvas = document.querySelector("#network canvas");
          const context = canvas.getContext("2d");
          const pixels = context.getImageData(0, 0, canvas.width, canvas.height).data;
          let painted = 0;
          for (let i = 0; i < pixels.length; i += 4) {
            const white = pixels[i] > 245 && pixels[i + 1] > 245 && pixels[i + 2] > 245;
            if (pixels[i + 3] > 0 && !white) painted += 1;
          }
          return painted;
        }"""
    )


def click_node(page: Page, node_id: str, frame: int = 0) -> None:
    """Click where vis-network draws the node, as a reader would."""
    target = page.frames[frame]
    x, y = target.evaluate(
        """(id) => {
          document.getElementById("network").scrollIntoView({ block: "center" });
          const network = window.newsgraph.network;
          const point = network.canvasToDOM(network.getPositions([id])[id]);
          const box = document.querySelector("#network canvas").getBoundingClientRect();
          return [box.left + point.x, box.top + point.y];
        }""",
        node_id,
    )
    if frame:
        box = page.locator("iframe").nth(frame - 1).bounding_box()
        assert box is not None, "the iframe is not displayed"
        x, y = x + box["x"], y + box["y"]
    page.mouse.click(x, y)


def column(page: Page, table: str, index: int) -> list[str]:
    return page.eval_on_selector_all(
        f"#{table} tbody tr", f"rows => rows.map(row => row.cells[{index}].textContent.trim())"
    )


# --- tests --------------------------------------------------------------------------------


def test_report_draws_offline_without_errors_requests_or_dialogs(
    visit: Visit, screenshots: Path
) -> None:
    page = visit.page
    assert page.evaluate("window.newsgraph.network.body.data.nodes.length") == 8
    assert painted_pixels(page) > 2000
    page.screenshot(path=screenshots / "report.png", full_page=True)
    visit.assert_clean()


def test_clicking_a_node_shows_its_evidence_in_the_panel(visit: Visit, screenshots: Path) -> None:
    page = visit.page
    page.locator("#graph").scroll_into_view_if_needed()
    click_node(page, LAVROV)
    panel = page.locator("#panel")
    panel.locator("h2").filter(has_text="Sergueï Lavrov").wait_for()
    assert page.evaluate("window.newsgraph.network.getSelectedNodes()") == [LAVROV]
    text = panel.inner_text()
    assert any(sentence in text for sentence in LAVROV_SENTENCES)
    assert "M. Lavrov" in text and "a1.txt" in text and "14" in text
    chip = panel.locator(".chip", has_text="M. Lavrov")
    assert chip.inner_text() == "M. Lavrov · 3"  # the articles it was matched in
    assert chip.get_attribute("title").startswith("Matched in 3 articles:\na1.txt")
    page.locator(".graph-area").screenshot(path=screenshots / "node-panel.png")
    visit.assert_clean()


def test_edge_panel_highlights_the_cue_and_counts_what_was_left_out(
    visit: Visit, screenshots: Path
) -> None:
    page = visit.page
    edge_id = page.evaluate(
        "window.newsgraph.data.relations.find(r => r.kind === 'supports' && r.weight === 3).id"
    )
    page.locator(f'#relations-table button[data-edge-id="{edge_id}"]').click()
    panel = page.locator("#panel")
    assert panel.locator("mark").all_inner_texts() == ["a salué"]
    text = panel.inner_text()
    assert LAVROV_SENTENCES[1] in text
    assert "Speaker: Sergueï Lavrov → target: Corée du Nord" in text
    assert "and 3 more" in text
    page.locator(".graph-area").screenshot(path=screenshots / "edge-panel.png")
    visit.assert_clean()


def test_search_finds_an_alias_then_focuses_and_selects_the_entity(visit: Visit) -> None:
    page = visit.page
    page.fill("#search-input", "pyongyang")
    page.click("#search-button")
    page.locator("#panel h2").filter(has_text="Corée du Nord").wait_for()
    assert page.evaluate("window.newsgraph.network.getSelectedNodes()") == ["LOC:corée du nord"]
    page.fill("#search-input", "nobody at all")
    page.click("#search-button")
    assert "No entity matches" in page.inner_text("#search-status")
    visit.assert_clean()


def test_filters_hide_types_kinds_and_weak_edges(visit: Visit) -> None:
    page = visit.page
    visible = "[window.newsgraph.nodeView.length, window.newsgraph.edgeView.length]"
    assert page.evaluate(visible) == [8, 8]
    page.locator('#kind-filters input[value="co_mention"]').uncheck()
    assert page.evaluate(visible) == [8, 4]
    page.locator('#kind-filters input[value="co_mention"]').check()
    page.locator('#type-filters input[value="PER"]').uncheck()
    assert page.evaluate(visible) == [4, 1]  # the hostile ORG, Russie, Corée, OTAN; Corée—Russie
    page.locator('#type-filters input[value="PER"]').check()
    page.locator("#min-weight").fill("6")
    assert page.evaluate(visible) == [8, 3]
    assert page.inner_text("#min-weight-value") == "6"
    visit.assert_clean()


def test_clicking_a_header_sorts_the_table(visit: Visit) -> None:
    page = visit.page
    mentions = [int(value) for value in column(page, "entities-table", 2)]
    assert mentions == sorted(mentions, reverse=True)
    page.click("#entities-table th:nth-child(3)")
    mentions = [int(value) for value in column(page, "entities-table", 2)]
    assert mentions == sorted(mentions)  # numerically: 105 comes last, not after 1…
    assert mentions != sorted(mentions, key=str)
    page.click("#entities-table th:nth-child(1)")
    labels = column(page, "entities-table", 0)
    assert labels.index("Choe Son Hui") < labels.index("Corée du Nord") < labels.index("OTAN")
    assert page.get_attribute("#entities-table th:nth-child(1)", "aria-sort") == "ascending"
    page.click("#entities-table th:nth-child(1)")
    assert column(page, "entities-table", 0) == list(reversed(labels))
    visit.assert_clean()


def test_hostile_text_shows_literally_and_stays_inert(visit: Visit, screenshots: Path) -> None:
    page = visit.page
    body = page.inner_text("body")
    for hostile in (SCRIPT_BREAKER, IMG_ONERROR, QUOTE_BREAKER, JS_URL):
        assert hostile in body
    assert page.locator(INJECTED).count() == 0
    assert page.locator('a[href^="javascript" i]').count() == 0
    assert page.locator('a[href="https://www.lemonde.fr/international/lavrov.html"]').count() == 1
    click_node(page, "PER:" + SCRIPT_BREAKER)
    panel = page.locator("#panel")
    panel.locator("h2").filter(has_text=SCRIPT_BREAKER).wait_for()
    panel_text = panel.inner_text()
    assert HOSTILE_SAYS in panel_text
    assert HOSTILE_SEEN in panel_text
    assert page.locator(INJECTED).count() == 0
    page.locator(".graph-area").screenshot(path=screenshots / "hostile-panel.png")
    page.fill("#search-input", IMG_ONERROR)
    page.click("#search-button")
    panel.locator("h2").filter(has_text=IMG_ONERROR).wait_for()
    assert page.locator(INJECTED).count() == 0
    visit.assert_clean()


def test_large_graph_is_pruned_and_drawn_at_once_without_physics(
    browser: Browser, tmp_path: Path, screenshots: Path
) -> None:
    graph = press_review()
    for i in range(400):
        organisation = f"ORG:org {i:03d}"
        add_entity(graph, organisation, f"Organisation {i}", 1 + i % 13, [], [A1])
        sentence = {"article": A1, "sentence": f"Phrase {i} sur la Russie.", "cue": ""}
        add_relation(graph, organisation, "LOC:russie", "co_mention", 1 + i % 7, 1, [sentence])
    out = render_report(graph, CorpusSummary(), tmp_path / "large.html", max_drawn_nodes=200)
    visit = open_offline(browser, out)
    page = visit.page
    assert "Drawing 200 of 406 entities and" in page.inner_text("#pruned-note")
    page.check('#view-choice input[value="all"]')  # past 150 entities it opens on the sides
    assert page.evaluate("window.newsgraph.network.body.data.nodes.length") == 200
    assert page.evaluate("window.newsgraph.data.drawing.physics") is False
    assert painted_pixels(page) > 2000
    assert page.locator("#entities-table tbody tr").count() == 406
    page.screenshot(path=screenshots / "large.png")
    visit.assert_clean()
    page.close()


def test_big_tables_show_a_page_at_a_time_and_sort_and_filter_every_row(
    browser: Browser, tmp_path: Path
) -> None:
    graph = press_review()
    for i in range(1200):
        add_entity(graph, f"ORG:org {i:04d}", f"Organisation {i}", 2 + i % 13, [], [A1])
    out = render_report(graph, CorpusSummary(), tmp_path / "big.html")
    visit = open_offline(browser, out)
    page = visit.page
    rows, status = "#entities-table tbody tr", "#entities-table-status"
    total = page.evaluate("window.newsgraph.data.entities.length")
    assert page.locator(rows).count() == 500
    assert page.inner_text(status) == f"Showing 500 of {total}"
    page.click('button[data-more="entities-table"]')
    assert page.locator(rows).count() == 1000
    page.click("#entities-table th:nth-child(3)")  # fewest mentions first, among all rows
    fewest = page.evaluate("Math.min(...window.newsgraph.data.entities.map(e => e.mentions))")
    assert int(column(page, "entities-table", 2)[0]) == fewest
    assert page.locator(rows).count() == 500
    page.fill('input[data-table="entities-table"]', "ORGANISATION 1199")
    page.locator(status).filter(has_text=f"Showing 1 of 1 matching of {total}").wait_for()
    assert column(page, "entities-table", 0) == ["Organisation 1199"]
    assert page.locator('button[data-more="entities-table"]').is_hidden()
    visit.assert_clean()
    page.close()


def test_graph_document_works_inside_an_iframe_srcdoc(
    browser: Browser, tmp_path: Path, screenshots: Path
) -> None:
    document = render_graph_html(press_review(hostile=True))
    host = tmp_path / "notebook.html"
    host.write_text(
        '<!doctype html><meta charset="utf-8"><body style="margin:0">'
        '<iframe sandbox="allow-scripts" style="width:1100px;height:700px;border:0"'
        f' srcdoc="{html.escape(document, quote=True)}">'
        "</iframe>",
        encoding="utf-8",
    )
    visit = open_offline(browser, host, frame=1)
    frame = visit.page.frames[1]
    assert painted_pixels(frame) > 2000
    click_node(visit.page, LAVROV, frame=1)
    frame.locator("#panel h2").filter(has_text="Sergueï Lavrov").wait_for()
    assert any(sentence in frame.inner_text("#panel") for sentence in LAVROV_SENTENCES)
    visit.page.screenshot(path=screenshots / "iframe.png")
    visit.assert_clean()
    visit.page.close()


def test_the_confidence_slider_hides_stances_the_model_is_less_sure_of(
    browser: Browser, tmp_path: Path
) -> None:
    graph = press_review()
    stances = [(s, t, k) for s, t, k in graph.edges(keys=True) if k != "co_mention"]
    for (source, target, kind), confidence in zip(stances, [0.3, 0.9, 0.6], strict=False):
        graph.edges[source, target, kind]["confidence"] = confidence
        for item in graph.edges[source, target, kind]["evidence"]:
            item["confidence"] = confidence
    report = render_report(graph, corpus_summary(), tmp_path / "report.html")
    visit = open_offline(browser, report)
    page = visit.page
    edges = "window.newsgraph.edgeView.length"
    shown = page.evaluate(edges)
    # it starts at the lowest confidence in the report, not at a 0 that nothing is under
    assert page.inner_text("#min-confidence-value") == "0.30"
    assert page.get_attribute("#min-confidence", "min") == "0.3"
    page.locator("#min-confidence").fill("0.5")
    assert page.inner_text("#min-confidence-value") == "0.50"
    assert page.evaluate(edges) == shown - 1
    page.locator("#min-confidence").fill("0.95")
    assert page.evaluate(edges) == shown - min(3, len(stances))
    assert "Confidence" in page.inner_text("#relations-table thead")
    visit.assert_clean()
    page.close()
