"""How long the report takes to draw in headless Chromium, for 200, 2,000 and 10,000 nodes.

    .venv/bin/python bench/bench_browser.py [--sizes 200 2000 10000] [--edges-per-node 2]

For each size, a made-up graph following the graph.json contract (Zipf-like degrees, every
node drawn: `max_drawn_nodes` is the size) is rendered with `render_report`, then opened
offline from disk in headless Chromium (/usr/bin/chromium). Prints the rendering time in
Python, the report's size, and in the browser: DOMContentLoaded, and the first stable
draw, the moment the report sets `data-graph-ready` (vis-network's `afterDrawing`, or
`stabilizationIterationsDone` when physics runs), each in ms from the navigation's start.
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from pathlib import Path

import networkx as nx
from playwright.sync_api import Browser, sync_playwright

from graph.render import render_report
from graph.render.headless import CHROMIUM, CHROMIUM_ARGS
from graph.summary import CorpusSummary, ProcessedArticle

TYPES = ("PER", "ORG", "LOC")
KINDS = ("co_mention", "co_mention", "co_mention", "supports", "denies")
#: Records when the report says its graph is drawn and settled (body[data-graph-ready]).
READY_PROBE = """
new MutationObserver((changes, observer) => {
  if (document.body && document.body.dataset.graphReady === "true") {
    window.__graphReadyAt = performance.now();
    observer.disconnect();
  }
}).observe(document, {attributes: true, subtree: true, attributeFilter: ["data-graph-ready"]});
"""


def synthetic_graph(nodes: int, edges_per_node: int, seed: int = 0) -> nx.MultiDiGraph:
    """A graph with `nodes` entities and about `nodes * edges_per_node` relations."""
    rng = random.Random(seed)
    graph = nx.MultiDiGraph(schema_version=1, generator="bench", window="sentence")
    graph.graph["possible_duplicates"] = []
    ids = [f"ent {i:05d}" for i in range(nodes)]
    weights = [1 / (rank + 1) for rank in range(nodes)]
    for i, node in enumerate(ids):
        graph.add_node(
            node,
            qid="",
            label=f"Entité {i}",
            type=TYPES[i % 3],
            aliases=[f"Entité {i}"],
            articles=[f"a{i % 500}.txt"],
            mentions=1 + int(1000 * weights[i]),
        )
    for _ in range(nodes * edges_per_node):
        source = rng.choice(ids)
        target = rng.choices(ids, weights=weights)[0]
        kind = rng.choice(KINDS)
        if source == target or graph.has_edge(source, target, key=kind):
            continue
        evidence = [{"article": "a1.txt", "sentence": "Une phrase de preuve.", "cue": ""}]
        graph.add_edge(
            source,
            target,
            key=kind,
            kind=kind,
            weight=rng.randint(1, 9),
            evidence=evidence,
            evidence_total=1,
        )
    return graph


def time_to_draw(browser: Browser, report: Path, timeout_ms: int) -> tuple[float, float, int]:
    """DOMContentLoaded and first stable draw in ms, and the nodes vis-network holds."""
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    page.add_init_script(READY_PROBE)
    page.goto(report.as_uri(), wait_until="domcontentloaded", timeout=timeout_ms)
    page.wait_for_function("window.__graphReadyAt !== undefined", timeout=timeout_ms)
    loaded = page.evaluate("performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd")
    ready = page.evaluate("window.__graphReadyAt")
    drawn = page.evaluate("window.newsgraph.network.body.data.nodes.length")
    page.close()
    return float(loaded), float(ready), int(drawn)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[200, 2000, 10_000])
    parser.add_argument("--edges-per-node", type=int, default=2)
    parser.add_argument("--timeout", type=int, default=600, help="seconds per page at most")
    args = parser.parse_args()
    summary = CorpusSummary(processed=(ProcessedArticle("a1.txt", "fr"),))
    with tempfile.TemporaryDirectory() as folder, sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=list(CHROMIUM_ARGS)
        )
        for size in args.sizes:
            graph = synthetic_graph(size, args.edges_per_node)
            report = Path(folder) / f"report-{size}.html"
            start = time.perf_counter()
            render_report(
                graph,
                summary,
                report,
                max_drawn_nodes=size,
                max_drawn_edges=graph.number_of_edges(),
            )
            rendered = time.perf_counter() - start
            loaded, ready, drawn = time_to_draw(browser, report, args.timeout * 1000)
            print(
                f"{size:>6} nodes {graph.number_of_edges():>6} edges  drawn {drawn:>6}  "
                f"render {rendered:6.2f} s  report {report.stat().st_size / 1e6:6.1f} MB  "
                f"DOMContentLoaded {loaded:8.0f} ms  first stable draw {ready:8.0f} ms",
                flush=True,
            )
        browser.close()


if __name__ == "__main__":
    main()
