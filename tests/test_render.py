"""The rendering stage without a browser: escaping, offline output, pruning, layout, writing."""

from __future__ import annotations

import base64
import hashlib
import json
import math
import os
import re
from html.parser import HTMLParser
from importlib import resources
from pathlib import Path

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from graph.articles import Skipped
from graph.render import render_graph_html, render_report
from graph.render.assets import OUR_SCRIPTS
from graph.render.layout import DOT_GAP, PHYSICS_MAX_NODES, select_drawn, static_positions
from graph.render.model import read_graph
from graph.render.palette import KIND_COLOURS, OTHER_KIND_COLOUR, OTHER_TYPE_COLOUR, TYPE_COLOURS
from graph.render.sizes import node_sizes
from graph.render.views import SIDES_VIEW_MIN_ENTITIES, choose_views
from graph.summary import CorpusSummary, ProcessedArticle

SCRIPT_BREAKER = "</script><script>alert(1)</script>"
IMG_ONERROR = "<img src=x onerror=alert(1)>"
QUOTE_BREAKER = "\"'><b>x</b>"
DATA_BLOCK = re.compile(
    r'<script type="application/json" id="newsgraph-data">(.*?)</script>', re.DOTALL
)


# --- graphs -------------------------------------------------------------------------------


def add_entity(graph: nx.MultiDiGraph, node_id: str, label: str, mentions: int) -> None:
    entity_type = node_id.split(":", 1)[0]
    graph.add_node(
        node_id, label=label, type=entity_type, aliases=[label], articles=["a1"], mentions=mentions
    )


def add_relation(graph: nx.MultiDiGraph, source: str, target: str, kind: str, weight: int) -> None:
    evidence = [{"article": "a1", "sentence": f"{source} et {target}, phrase {weight}.", "cue": ""}]
    graph.add_edge(
        source, target, key=kind, kind=kind, weight=weight, evidence=evidence, evidence_total=1
    )


def small_graph() -> nx.MultiDiGraph:
    graph = nx.MultiDiGraph()
    add_entity(graph, "PER:sergueï lavrov", "Sergueï Lavrov", 14)
    add_entity(graph, "LOC:russie", "Russie", 20)
    add_entity(graph, "ORG:otan", "OTAN", 7)
    add_relation(graph, "LOC:russie", "PER:sergueï lavrov", "co_mention", 8)
    add_relation(graph, "PER:sergueï lavrov", "ORG:otan", "denies", 2)
    return graph


def hostile_graph() -> nx.MultiDiGraph:
    graph = small_graph()
    add_entity(graph, "PER:" + SCRIPT_BREAKER, SCRIPT_BREAKER, 3)
    add_entity(graph, "ORG:" + QUOTE_BREAKER, IMG_ONERROR, 2)
    graph.nodes["ORG:" + QUOTE_BREAKER]["aliases"] = [QUOTE_BREAKER, "url(https://evil.test/x)"]
    add_relation(graph, "PER:" + SCRIPT_BREAKER, "ORG:" + QUOTE_BREAKER, "supports", 2)
    graph.edges["PER:" + SCRIPT_BREAKER, "ORG:" + QUOTE_BREAKER, "supports"]["evidence"] = [
        {"article": "<a1>", "sentence": f"Il dit {IMG_ONERROR} \u2028 fin.", "cue": "<b>"}
    ]
    return graph


def hostile_summary() -> CorpusSummary:
    return CorpusSummary(
        processed=(
            ProcessedArticle("a1", "fr", IMG_ONERROR, "javascript:alert(1)", "<b>src</b>", 120),
            ProcessedArticle("a2", "fr", "Lavrov à Pyongyang", "https://www.lemonde.fr/a2", "", 80),
            ProcessedArticle("b1", "en", "Lavrov meets Choe", "", "AP", 50),
        ),
        skipped=(Skipped(SCRIPT_BREAKER + ".html", "empty after cleaning " + IMG_ONERROR),),
    )


def star_graph(leaves: int) -> nx.MultiDiGraph:
    """A hub with `leaves` entities around it; leaf i has i+1 mentions and an edge of weight i+1."""
    graph = nx.MultiDiGraph()
    add_entity(graph, "LOC:hub", "Hub", 10_000)
    for i in range(leaves):
        add_entity(graph, f"PER:leaf {i:04d}", f"Leaf {i}", i + 1)
        add_relation(graph, "LOC:hub", f"PER:leaf {i:04d}", "co_mention", i + 1)
    return graph


# --- reading the output -------------------------------------------------------------------


class Tags(HTMLParser):
    """Every start tag with its attributes, and the text inside <style> and <script>."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.styles: list[str] = []
        self.scripts: list[tuple[dict[str, str], str]] = []
        self._raw: tuple[str, dict[str, str], list[str]] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {name: value or "" for name, value in attrs}
        self.tags.append((tag, attributes))
        if tag in {"style", "script"}:
            self._raw = (tag, attributes, [])

    def handle_data(self, data: str) -> None:
        if self._raw:
            self._raw[2].append(data)

    def handle_endtag(self, tag: str) -> None:
        if self._raw and self._raw[0] == tag:
            text = "".join(self._raw[2])
            if tag == "style":
                self.styles.append(text)
            else:
                self.scripts.append((self._raw[1], text))
            self._raw = None


def parse(html: str) -> Tags:
    tags = Tags()
    tags.feed(html)
    tags.close()
    return tags


def payload(html: str) -> dict:
    match = DATA_BLOCK.search(html)
    assert match, "no JSON data block in the page"
    return json.loads(match.group(1))


@pytest.fixture(scope="module")
def hostile_report(tmp_path_factory: pytest.TempPathFactory) -> str:
    out = tmp_path_factory.mktemp("report") / "report.html"
    render_report(hostile_graph(), hostile_summary(), out)
    return out.read_text(encoding="utf-8")


# --- escaping -----------------------------------------------------------------------------


@pytest.mark.parametrize("hostile", [SCRIPT_BREAKER, IMG_ONERROR, QUOTE_BREAKER])
def test_hostile_text_never_appears_unescaped(hostile_report: str, hostile: str) -> None:
    assert hostile not in hostile_report
    assert hostile not in render_graph_html(hostile_graph())


def test_hostile_text_is_shown_as_escaped_text(hostile_report: str) -> None:
    assert "&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;" in hostile_report
    assert "&lt;img src=x onerror=alert(1)&gt;" in hostile_report


def test_json_block_parses_and_round_trips_hostile_labels(hostile_report: str) -> None:
    labels = {entity["id"]: entity["label"] for entity in payload(hostile_report)["entities"]}
    assert labels["PER:" + SCRIPT_BREAKER] == SCRIPT_BREAKER
    assert labels["ORG:" + QUOTE_BREAKER] == IMG_ONERROR
    sentences = [e["sentence"] for r in payload(hostile_report)["relations"] for e in r["evidence"]]
    assert f"Il dit {IMG_ONERROR} \u2028 fin." in sentences


def test_json_block_escapes_characters_that_could_end_the_script() -> None:
    block = DATA_BLOCK.search(render_graph_html(hostile_graph()))
    assert block
    for raw in ("<", ">", "&", "\u2028", "\u2029"):
        assert raw not in block.group(1)


def test_injected_markup_creates_no_elements(hostile_report: str) -> None:
    tags = parse(hostile_report)
    assert not [tag for tag, _ in tags.tags if tag in {"img", "b", "svg", "iframe"}]
    script_kinds = [attrs.get("type", "") for tag, attrs in tags.tags if tag == "script"]
    assert script_kinds.count("application/json") == 1
    assert all(not attrs.get("src") for tag, attrs in tags.tags if tag == "script")


def test_quote_breaking_id_reaches_the_tables_as_data_not_markup(hostile_report: str) -> None:
    """The tables' rows are built by the script from the data block (browser tests check
    what they show): the id is a JSON string there, in no attribute of the page."""
    assert "ORG:" + QUOTE_BREAKER in [
        entity["id"] for entity in payload(hostile_report)["entities"]
    ]
    tags = parse(hostile_report).tags
    assert not [attrs for _, attrs in tags if any(QUOTE_BREAKER in v for v in attrs.values())]


def test_no_script_url_becomes_a_link(hostile_report: str) -> None:
    hrefs = [attrs["href"] for tag, attrs in parse(hostile_report).tags if tag == "a"]
    assert not [href for href in hrefs if href.lower().startswith("javascript")]
    urls = [article["url"] for article in payload(hostile_report)["articles"]]
    assert "https://www.lemonde.fr/a2" in urls and "javascript:alert(1)" in urls  # data only


@settings(max_examples=60, deadline=None)
@given(label=st.text(min_size=1, max_size=40))
def test_any_label_round_trips_through_the_page(label: str) -> None:
    graph = nx.MultiDiGraph()
    add_entity(graph, "PER:x", label, 1)
    html = render_graph_html(graph)
    assert payload(html)["entities"][0]["label"] == label
    scripts = [tag for tag, _ in parse(html).tags if tag == "script"]
    # the data block, vis-network and our own scripts
    assert len(scripts) == html.count("</script>") == 2 + len(OUR_SCRIPTS)


# --- offline ------------------------------------------------------------------------------


def is_external(url: str) -> bool:
    return bool(re.match(r"\s*(https?:)?//", url, re.IGNORECASE))


@pytest.mark.parametrize("page", ["report", "graph"])
def test_no_external_resource_is_referenced(hostile_report: str, page: str) -> None:
    html = hostile_report if page == "report" else render_graph_html(hostile_graph())
    tags = parse(html)
    for tag, attrs in tags.tags:
        for name in ("src", "srcset", "data", "poster", "action", "formaction"):
            assert not is_external(attrs.get(name, "")), (tag, attrs)
        if tag != "a":  # a link the reader follows is not a resource the page loads
            assert not is_external(attrs.get("href", "")), (tag, attrs)
    assert not [attrs for tag, attrs in tags.tags if tag == "link" and attrs.get("rel") != "icon"]
    for css in tags.styles:
        assert "@import" not in css
        assert not re.search(r"url\(\s*['\"]?\s*(https?:)?//", css, re.IGNORECASE)
    code = [text for attrs, text in tags.scripts if attrs.get("type") != "application/json"]
    assert not [text for text in code if "sourceMappingURL" in text]


def test_vis_network_is_inlined_from_pyvis() -> None:
    bundle = resources.files("pyvis").joinpath("lib", "vis-9.1.2", "vis-network.min.js")
    code = bundle.read_text(encoding="utf-8").replace("\r\n", "\n")
    html = render_graph_html(small_graph())
    assert code[:5000] in html and code[-5000:-200] in html


def test_content_security_policy_blocks_the_network_and_admits_our_scripts() -> None:
    tags = parse(render_graph_html(small_graph()))
    metas = [attrs for tag, attrs in tags.tags if tag == "meta"]
    csp = next(a["content"] for a in metas if a.get("http-equiv") == "Content-Security-Policy")
    assert "default-src 'none'" in csp
    code = [text for attrs, text in tags.scripts if attrs.get("type") != "application/json"]
    assert len(code) == 1 + len(OUR_SCRIPTS)  # vis-network and ours
    for text in code:
        digest = base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode()
        assert f"'sha256-{digest}'" in csp


# --- drawing ------------------------------------------------------------------------------


def test_nodes_are_coloured_by_type_and_edges_by_kind() -> None:
    graph = small_graph()
    add_entity(graph, "MISC:conseil", "Conseil de sécurité", 1)
    add_relation(graph, "PER:sergueï lavrov", "LOC:russie", "supports", 3)
    add_relation(graph, "ORG:otan", "MISC:conseil", "condemns", 1)
    vis = payload(render_graph_html(graph))["vis"]
    colours = {node["id"]: node["color"]["background"] for node in vis["nodes"]}
    assert colours["PER:sergueï lavrov"] == TYPE_COLOURS["PER"]
    assert colours["LOC:russie"] == TYPE_COLOURS["LOC"]
    assert colours["MISC:conseil"] == OTHER_TYPE_COLOUR
    edges = {edge["color"]["color"]: edge for edge in vis["edges"]}
    assert edges[KIND_COLOURS["co_mention"]]["arrows"]["to"]["enabled"] is False
    for colour in (KIND_COLOURS["supports"], KIND_COLOURS["denies"], OTHER_KIND_COLOUR):
        assert edges[colour]["arrows"]["to"]["enabled"] is True


def test_nodes_grow_with_mentions_and_edges_with_weight() -> None:
    vis = payload(render_graph_html(star_graph(5)))["vis"]
    sizes = {node["id"]: node["size"] for node in vis["nodes"]}
    assert sizes["LOC:hub"] > sizes["PER:leaf 0004"] > sizes["PER:leaf 0000"]
    widths = {edge["to"]: edge["width"] for edge in vis["edges"]}
    assert widths["PER:leaf 0004"] > widths["PER:leaf 0000"]


def test_two_stances_from_one_speaker_to_one_target_bend_apart() -> None:
    """On one curve only one of them could be clicked; the reverse stance bends its own way."""
    graph = small_graph()
    add_relation(graph, "PER:sergueï lavrov", "ORG:otan", "accuses", 1)
    add_relation(graph, "ORG:otan", "PER:sergueï lavrov", "criticises", 1)
    vis = payload(render_graph_html(graph))["vis"]
    bends = {(e["from"], e["to"], e["color"]["color"]): e.get("smooth") for e in vis["edges"]}
    lavrov, otan = "PER:sergueï lavrov", "ORG:otan"
    denies = bends[lavrov, otan, KIND_COLOURS["denies"]]["roundness"]
    accuses = bends[lavrov, otan, KIND_COLOURS["accuses"]]["roundness"]
    assert denies != accuses
    assert bends[otan, lavrov, KIND_COLOURS["criticises"]]["roundness"] == min(denies, accuses)
    assert bends["LOC:russie", lavrov, KIND_COLOURS["co_mention"]] is None


def test_pruning_keeps_the_most_mentioned_entities_and_strongest_edges() -> None:
    drawing = select_drawn(read_graph(star_graph(40)), max_nodes=6, max_edges=3)
    assert drawing.nodes == ("LOC:hub", *(f"PER:leaf {i:04d}" for i in (39, 38, 37, 36, 35)))
    relations = {r.id: r for r in read_graph(star_graph(40)).relations}
    assert [relations[rid].weight for rid in drawing.edges] == [40, 39, 38]
    assert (drawing.total_nodes, drawing.total_edges) == (41, 40)


def test_pruning_keeps_weak_stances_and_their_ends_before_strong_co_mentions() -> None:
    graph = star_graph(40)
    add_relation(graph, "PER:leaf 0000", "PER:leaf 0001", "criticises", 1)
    drawing = select_drawn(read_graph(graph), max_nodes=6, max_edges=3)
    assert {"PER:leaf 0000", "PER:leaf 0001"} <= set(drawing.nodes)
    relations = {r.id: r for r in read_graph(graph).relations}
    assert relations[drawing.edges[0]].kind == "criticises"


def test_only_a_graph_past_the_threshold_with_a_stance_opens_on_the_sides() -> None:
    def default_view(graph: nx.MultiDiGraph) -> str:
        data = read_graph(graph)
        return choose_views(data, select_drawn(data, 300, 1500)).default

    graph = star_graph(SIDES_VIEW_MIN_ENTITIES)  # one more entity than the threshold
    assert default_view(graph) == "all"  # co-mentions only: nothing to take sides on
    add_relation(graph, "PER:leaf 0000", "PER:leaf 0001", "supports", 1)
    assert default_view(graph) == "sides"
    graph.remove_node("PER:leaf 0002")
    assert default_view(graph) == "all"


def test_the_legend_gives_every_kind_a_colour_and_a_meaning() -> None:
    graph = small_graph()
    for kind in ("supports", "criticises", "accuses"):
        add_relation(graph, "ORG:otan", "LOC:russie", kind, 1)
    kinds = {item["value"]: item for item in payload(render_graph_html(graph))["kinds"]}
    assert list(kinds) == ["supports", "denies", "criticises", "accuses", "co_mention"]
    assert len({item["colour"] for item in kinds.values()}) == 5
    assert kinds["criticises"]["meaning"] == "A criticises, condemns or opposes B"
    assert (kinds["accuses"]["active"], kinds["accuses"]["passive"]) == ("Accuses", "Accused by")


def test_pruned_page_notes_the_counts_and_keeps_everything_in_the_tables(tmp_path: Path) -> None:
    out = render_report(
        star_graph(40), CorpusSummary(), tmp_path / "r.html", max_drawn_nodes=6, max_drawn_edges=3
    )
    html = out.read_text(encoding="utf-8")
    assert "Drawing 6 of 41 entities and 3 of 40 edges (stances and" in html
    data = payload(html)
    assert len(data["vis"]["nodes"]) == 6 and len(data["vis"]["edges"]) == 3
    assert len(data["entities"]) == 41 and len(data["relations"]) == 40
    assert {f"PER:leaf {i:04d}" for i in range(40)} <= {e["id"] for e in data["entities"]}


def test_unpruned_page_has_no_note() -> None:
    assert "pruned-note" not in render_graph_html(small_graph())


def test_negative_limits_are_refused_with_the_fix() -> None:
    with pytest.raises(ValueError, match="must be >= 0"):
        render_graph_html(small_graph(), max_drawn_nodes=-1)


def test_small_drawings_use_physics_and_large_ones_fixed_positions() -> None:
    small = payload(render_graph_html(star_graph(10)))["vis"]
    assert small["options"]["physics"]["enabled"] is True
    assert "x" not in small["nodes"][0]
    large = payload(render_graph_html(star_graph(PHYSICS_MAX_NODES + 10)))["vis"]
    assert large["options"]["physics"]["enabled"] is False
    assert all("x" in node and "y" in node for node in large["nodes"])


def test_layout_is_deterministic_whatever_the_insertion_order() -> None:
    forward = star_graph(PHYSICS_MAX_NODES + 20)
    backward = nx.MultiDiGraph()
    backward.add_nodes_from(reversed(list(forward.nodes(data=True))))
    backward.add_edges_from(reversed(list(forward.edges(keys=True, data=True))))
    first, second = read_graph(forward), read_graph(backward)
    positions = static_positions(first, select_drawn(first, 300, 1500))
    assert len(positions) == PHYSICS_MAX_NODES + 21
    assert positions == static_positions(second, select_drawn(second, 300, 1500))
    assert len(set(positions.values())) == len(positions)  # no two nodes on top of each other
    assert render_graph_html(forward) == render_graph_html(backward)


def test_in_a_large_drawing_no_dot_covers_another() -> None:
    # Two much-cited entities stated against each other many times, among many small ones:
    # the layout pulls the pair together, and their big dots would hide the edges between them.
    graph = star_graph(PHYSICS_MAX_NODES + 40)
    add_entity(graph, "PER:rival", "Rival", 9_000)
    for kind in ("co_mention", "criticises", "supports"):
        add_relation(graph, "LOC:hub", "PER:rival", kind, 5_000)
    for i in range(0, PHYSICS_MAX_NODES, 3):
        add_relation(graph, "PER:rival", f"PER:leaf {i:04d}", "co_mention", 1)
    data = read_graph(graph)
    drawing = select_drawn(data, 300, 1500)
    positions = static_positions(data, drawing)
    radii = node_sizes(data, drawing.nodes)
    assert min(radii["LOC:hub"], radii["PER:rival"]) > 30  # both drawn big
    ids = sorted(positions)
    for i, first in enumerate(ids):
        for second in ids[i + 1 :]:
            (x1, y1), (x2, y2) = positions[first], positions[second]
            room = radii[first] + radii[second] + DOT_GAP
            assert math.hypot(x2 - x1, y2 - y1) >= room - 1, (first, second)


def test_missing_attributes_get_defaults() -> None:
    graph = nx.MultiDiGraph()
    graph.add_edge("PER:a", "GPE:b", key="co_mention")
    data = payload(render_graph_html(graph))
    entities = {entity["id"]: entity for entity in data["entities"]}
    assert entities["PER:a"]["label"] == "PER:a" and entities["PER:a"]["type"] == "UNKNOWN"
    assert data["relations"][0]["evidence"] == []
    assert data["relations"][0]["weight"] == 1 and data["relations"][0]["kind"] == "co_mention"


# --- report -------------------------------------------------------------------------------


def test_report_summarises_the_corpus(hostile_report: str) -> None:
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", hostile_report))
    assert "3 articles processed" in text
    assert "fr 2 en 1" in text
    assert "empty after cleaning &lt;img" in text
    assert "Lavrov à Pyongyang" in text and "https://www.lemonde.fr/a2" in text


def test_tables_get_every_entity_edge_and_article_from_the_data_once(hostile_report: str) -> None:
    """The page holds the tables' headers and the data; the rows are built in the browser
    (a large corpus has hundreds of thousands), so no row is written here."""
    tags = parse(hostile_report).tags
    tables = {a["id"] for t, a in tags if t == "table" and "id" in a}
    assert {"entities-table", "relations-table", "articles-table"} <= tables
    assert not [a for _, a in tags if "data-node-id" in a or "data-edge-id" in a]
    sortable = [a for t, a in tags if t == "th" and "data-sort" in a]
    assert {"number", "text"} == {a["data-sort"] for a in sortable}
    data = payload(hostile_report)
    assert (len(data["entities"]), len(data["relations"]), len(data["articles"])) == (5, 3, 3)


# --- writing ------------------------------------------------------------------------------


def test_report_is_written_atomically_without_leftovers(tmp_path: Path) -> None:
    out = tmp_path / "out" / "report.html"
    assert render_report(small_graph(), CorpusSummary(), out) == out
    render_report(small_graph(), CorpusSummary(), out, title="second run")
    assert [p.name for p in out.parent.iterdir()] == ["report.html"]
    assert "second run" in out.read_text(encoding="utf-8")
    assert out.stat().st_mode & 0o777 == 0o644


def test_failed_write_keeps_the_previous_report(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "report.html"
    render_report(small_graph(), CorpusSummary(), out, title="first run")

    def interrupted(source: str, target: str) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        render_report(small_graph(), CorpusSummary(), out, title="second run")
    assert [p.name for p in tmp_path.iterdir()] == ["report.html"]
    assert "first run" in out.read_text(encoding="utf-8")
