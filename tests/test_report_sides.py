"""Who is on whose side, in a real browser: stance colours, the legend, the sides view, focus.

Same harness as test_report_browser.py (headless Chromium, offline, every request refused).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import networkx as nx
import pytest

from graph.render import render_report
from graph.render.views import SIDES_VIEW_MIN_ENTITIES

from .offline_browser import Visit, launch_chromium, open_offline
from .test_report_browser import (
    A1,
    A3,
    LAVROV,
    ZELENSKY,
    add_entity,
    add_relation,
    click_node,
    corpus_summary,
    press_review,
    said,
)

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

pytestmark = pytest.mark.slow

STANCE_KINDS = ("supports", "denies", "criticises", "accuses")
CRITICISE = "Volodymyr Zelensky a condamné Sergueï Lavrov."
ACCUSE = "L'OTAN accuse la Russie d'ingérence."
VISIBLE = "[window.newsgraph.nodeView.length, window.newsgraph.edgeView.length]"


def all_four_kinds() -> nx.MultiDiGraph:
    """The press review (supports, denies, co-mentions) plus a criticism and an accusation."""
    graph = press_review()
    add_relation(graph, ZELENSKY, LAVROV, "criticises", 1, 1,
                 [said(A3, CRITICISE, "a condamné", "Zelensky", "Lavrov")])  # fmt: skip
    add_relation(graph, "ORG:otan", "LOC:russie", "accuses", 1, 1,
                 [said(A1, ACCUSE, "accuse", "OTAN", "Russie")])  # fmt: skip
    return graph


def crowded(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """`graph` past the sides threshold: organisations co-mentioned with Russia, no stance."""
    for i in range(SIDES_VIEW_MIN_ENTITIES + 20):
        organisation = f"ORG:org {i:03d}"
        add_entity(graph, organisation, f"Organisation {i}", 1 + i % 13, [], [A1])
        sentence = {"article": A1, "sentence": f"Phrase {i} sur la Russie.", "cue": ""}
        add_relation(graph, organisation, "LOC:russie", "co_mention", 1 + i % 7, 1, [sentence])
    return graph


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    yield from launch_chromium()


def open_report(browser: Browser, graph: nx.MultiDiGraph, path: Path) -> Visit:
    return open_offline(browser, render_report(graph, corpus_summary(), path))


def drawn_kinds(page: Page) -> list[str]:
    """The kind of every edge vis-network currently draws."""
    return page.evaluate(
        """() => window.newsgraph.edgeView.getIds()
             .map(id => window.newsgraph.index.relations.get(id).kind)"""
    )


def test_the_four_stance_kinds_are_drawn_in_four_colours_and_co_mentions_in_grey(
    browser: Browser, tmp_path: Path
) -> None:
    visit = open_report(browser, all_four_kinds(), tmp_path / "report.html")
    colours = visit.page.evaluate(
        """() => {
          const ng = window.newsgraph, colours = {};
          for (const id of ng.edgeView.getIds()) {
            const kind = ng.index.relations.get(id).kind;
            const drawn = ng.network.body.edges[id].options.color.color;
            (colours[kind] = colours[kind] || new Set()).add(drawn);
          }
          return Object.fromEntries(Object.entries(colours).map(([k, v]) => [k, [...v]]));
        }"""
    )
    assert sorted(colours) == sorted((*STANCE_KINDS, "co_mention"))
    assert all(len(shades) == 1 for shades in colours.values())  # one colour per kind
    assert len({colours[kind][0] for kind in STANCE_KINDS}) == 4
    red, green, blue = (int(colours["co_mention"][0][i : i + 2], 16) for i in (1, 3, 5))
    assert max(red, green, blue) - min(red, green, blue) < 20  # a grey
    visit.assert_clean()
    visit.page.close()


def test_the_legend_says_what_each_kind_means_within_the_first_view(
    browser: Browser, tmp_path: Path, screenshots: Path
) -> None:
    visit = open_report(browser, crowded(all_four_kinds()), tmp_path / "report.html")
    page = visit.page
    assert page.evaluate("window.scrollY") == 0
    lines = page.locator("#legend .legend-kind")
    assert lines.all_inner_texts() == [
        "A → B supports: A supports, praises, thanks or agrees with B",
        "A → B denies: A rejects a claim or accusation made by B",
        "A → B criticises: A criticises, condemns or opposes B",
        "A → B accuses: A accuses B",
        "A — B co-mention: A and B are named together (no stance)",
    ]
    height = page.viewport_size["height"] if page.viewport_size else 0
    for index in range(lines.count()):
        box = lines.nth(index).bounding_box()
        assert box is not None and box["y"] >= 0 and box["y"] + box["height"] <= height
    page.screenshot(path=screenshots / "sides-first-view.png")
    visit.assert_clean()
    page.close()


def test_a_large_graph_opens_on_the_sides_and_the_toggle_brings_co_mentions_back(
    browser: Browser, tmp_path: Path
) -> None:
    visit = open_report(browser, crowded(all_four_kinds()), tmp_path / "report.html")
    page = visit.page
    assert page.is_checked('#view-choice input[value="sides"]')
    assert sorted(drawn_kinds(page)) == sorted((*STANCE_KINDS, "supports"))
    # Lavrov, Corée du Nord, OTAN, Zelensky, Russie: the stance ends and no one else.
    assert page.evaluate(VISIBLE) == [5, 5]
    page.check('#view-choice input[value="all"]')
    assert "co_mention" in drawn_kinds(page)
    nodes, edges = page.evaluate(VISIBLE)
    assert nodes > SIDES_VIEW_MIN_ENTITIES and edges > 5
    page.check('#view-choice input[value="sides"]')
    assert page.evaluate(VISIBLE) == [5, 5]
    visit.assert_clean()
    page.close()


def test_a_small_graph_opens_with_co_mentions_as_before(browser: Browser, tmp_path: Path) -> None:
    visit = open_report(browser, all_four_kinds(), tmp_path / "report.html")
    assert visit.page.is_checked('#view-choice input[value="all"]')
    assert "co_mention" in drawn_kinds(visit.page)
    visit.assert_clean()
    visit.page.close()


def opacities(page: Page) -> dict[str, float]:
    """Node id → the opacity vis-network draws it with (1 when not faded)."""
    return page.evaluate(
        """() => Object.fromEntries(window.newsgraph.nodeView.get()
             .map(node => [node.id, node.opacity === undefined ? 1 : node.opacity]))"""
    )


def test_clicking_a_node_fades_the_rest_and_its_panel_lists_stances_before_co_mentions(
    browser: Browser, tmp_path: Path, screenshots: Path
) -> None:
    visit = open_report(browser, all_four_kinds(), tmp_path / "report.html")
    page = visit.page
    click_node(page, "ORG:otan")
    page.locator("#panel h2").filter(has_text="OTAN").wait_for()
    # OTAN's neighbours: Zelensky supports it, Lavrov denies it, it accuses Russia.
    faded = {node for node, opacity in opacities(page).items() if opacity < 1}
    assert faded == {"PER:choe son hui", "LOC:corée du nord"}
    assert edge_opacity(page, "LOC:corée du nord", "LOC:russie") < 0.5
    assert edge_opacity(page, "ORG:otan", "LOC:russie") == 1
    headings = page.locator("#panel h3, #panel h4").all_text_contents()
    stances, mentions = headings.index("Stances (3)"), headings.index("Co-mentions (0)")
    assert headings[stances + 1 : mentions] == ["Supported by (1)", "Denied by (1)", "Accuses (1)"]
    page.locator(".graph-area").screenshot(path=screenshots / "focus-panel.png")
    page.mouse.click(*corner(page))
    assert all(opacity == 1 for opacity in opacities(page).values())
    assert edge_opacity(page, "LOC:corée du nord", "LOC:russie") == 0.55  # co-mentions' own
    visit.assert_clean()
    page.close()


def test_an_entity_panel_counts_stances_received_then_sent_then_co_mentions(
    browser: Browser, tmp_path: Path
) -> None:
    visit = open_report(browser, all_four_kinds(), tmp_path / "report.html")
    page = visit.page
    page.fill("#search-input", "Lavrov")
    page.click("#search-button")
    page.locator("#panel h2").filter(has_text="Sergueï Lavrov").wait_for()
    headings = page.locator("#panel h3, #panel h4").all_text_contents()
    stances, mentions = headings.index("Stances (3)"), headings.index("Co-mentions (2)")
    assert headings[stances + 1 : mentions] == ["Criticised by (1)", "Supports (1)", "Denies (1)"]
    assert CRITICISE in page.inner_text("#panel .panel-stances")
    assert page.evaluate("window.newsgraph.focus.current") == LAVROV
    visit.assert_clean()
    page.close()


def edge_opacity(page: Page, source: str, target: str) -> float:
    """The opacity of the drawn edge from `source` to `target` (1 when not set)."""
    return page.evaluate(
        """([source, target]) => {
          const edges = window.newsgraph.edgeView.get();
          const edge = edges.find(e => e.from === source && e.to === target);
          return edge.color.opacity === undefined ? 1 : edge.color.opacity;
        }""",
        [source, target],
    )


def corner(page: Page) -> tuple[float, float]:
    """A point of the canvas with no node or edge: its top-left corner."""
    box = page.locator("#network canvas").bounding_box()
    assert box is not None
    return box["x"] + 5, box["y"] + 5


@pytest.fixture(scope="module")
def screenshots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("screenshots")
    print(f"screenshots in {folder}")
    return folder


def test_searching_a_stance_less_entity_in_the_sides_view_says_how_to_see_it(
    browser: Browser, tmp_path: Path
) -> None:
    visit = open_report(browser, crowded(all_four_kinds()), tmp_path / "report.html")
    page = visit.page
    page.fill("#search-input", "Organisation 160")
    page.click("#search-button")
    assert "choose “Everything” under View" in page.inner_text("#search-status")
    visit.assert_clean()
    page.close()


def test_a_stance_edge_is_clickable_in_the_sides_view(browser: Browser, tmp_path: Path) -> None:
    visit = open_report(browser, crowded(all_four_kinds()), tmp_path / "report.html")
    page = visit.page
    x, y = page.evaluate(
        """([source, target]) => {
          const ng = window.newsgraph, network = ng.network;
          const id = ng.edgeView.getIds().find(e => {
            const r = ng.index.relations.get(e);
            return r.source === source && r.target === target;
          });
          const middle = network.body.edges[id].edgeType.getPoint(0.5);  // on the curve
          const point = network.canvasToDOM(middle);
          const box = document.querySelector("#network canvas").getBoundingClientRect();
          return [box.left + point.x, box.top + point.y];
        }""",
        [ZELENSKY, LAVROV],
    )
    page.mouse.click(x, y)
    page.locator("#panel[data-showing=relation]").wait_for()
    assert CRITICISE in page.inner_text("#panel")
    visit.assert_clean()
    page.close()


def test_with_physics_the_toggle_lets_the_nodes_it_brings_back_settle(
    browser: Browser, tmp_path: Path
) -> None:
    graph = crowded(all_four_kinds())  # past the threshold, but only 100 drawn: physics
    report = render_report(graph, corpus_summary(), tmp_path / "r.html", max_drawn_nodes=100)
    visit = open_offline(browser, report)
    page = visit.page
    assert page.evaluate("window.newsgraph.data.drawing.physics") is True
    page.check('#view-choice input[value="all"]')
    page.wait_for_selector("body[data-graph-ready=true]", state="attached")
    spots = page.evaluate(
        """() => Object.values(window.newsgraph.network.getPositions())
             .map(p => `${Math.round(p.x)},${Math.round(p.y)}`)"""
    )
    assert len(spots) == 100 and len(set(spots)) == 100  # none left piled on another
    visit.assert_clean()
    page.close()
