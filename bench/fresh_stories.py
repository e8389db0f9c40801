"""Stances on held-out fresh stories: what a user building them gets, against their gold.

    .venv/bin/python bench/fresh_stories.py [--checkout FOLDER] [--stories FOLDER] [--show]

Each story of `bench/data/fresh_heldout/` is built as a user builds one (`newsgraph build`,
a whole process, default threshold) and its stance edges are matched to the story's gold
(`gold.tsv`) by kind and by the names of their two sides. Prints per story and in all how
many stances were drawn, how many of them are right, and how many gold stances were found.
Scored, never read for errors (see the folder's README). `--checkout FOLDER` builds with the
`graph` package of another checkout instead (``git worktree add /tmp/before <commit>``).
`--thresholds T…` also scores the edges at least that confident (a precision-recall curve
from one build per story; the build keeps its default threshold, so only higher ones tell).
`--stories FOLDER` scores another folder of stories and gold (`bench/data/fresh_dev/`, the
development stories), and `--show`, for such a folder only, lists each story's stances missed
and drawn wrongly: what to read when developing, never on the held-out folder.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import re
import subprocess
import sys
import tempfile
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STORIES = ROOT / "bench" / "data" / "fresh_heldout"

Stance = tuple[str, str, str]  # source, kind, target


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--checkout", type=Path, help="build with this checkout's graph package")
    parser.add_argument("--stories", type=Path, default=STORIES, help="stories and gold.tsv")
    parser.add_argument("--show", action="store_true", help="list misses (not on held-out)")
    parser.add_argument(
        "--thresholds",
        type=float,
        nargs="*",
        default=[],
        help="also score only the stance edges of at least each of these confidences",
    )
    arguments = parser.parse_args()
    stories = arguments.stories
    if arguments.show and stories.resolve() == STORIES.resolve():
        parser.error("the held-out stories are scored, never read for errors")
    gold = _gold(stories / "gold.tsv")
    totals = [0, 0, 0, 0]  # drawn, right, gold, found
    swept = {threshold: [0, 0, 0] for threshold in arguments.thresholds}  # drawn, right, found
    with tempfile.TemporaryDirectory() as work:
        for story in sorted(gold):
            graph = _build(stories / f"{story}.txt", Path(work) / story, arguments.checkout)
            drawn, right, found = _score(graph, gold[story])
            if arguments.show:
                _show(graph, gold[story])
            print(
                f"{story:18} drawn {drawn:2}, right {right:2}; gold {len(gold[story]):2}, "
                f"found {found:2}"
            )
            for position, count in enumerate((drawn, right, len(gold[story]), found)):
                totals[position] += count
            for threshold, counts in swept.items():
                for position, count in enumerate(_score(graph, gold[story], threshold)):
                    counts[position] += count
    drawn, right, wanted, found = totals
    print(
        f"all: precision {right}/{drawn} = {right / max(drawn, 1):.2f}, "
        f"recall {found}/{wanted} = {found / max(wanted, 1):.2f}"
    )
    for threshold, (drawn, right, found) in swept.items():
        print(
            f"at {threshold:.2f}: precision {right}/{drawn} = {right / max(drawn, 1):.2f}, "
            f"recall {found}/{wanted} = {found / max(wanted, 1):.2f}"
        )


def _gold(path: Path) -> dict[str, list[Stance]]:
    stories: dict[str, list[Stance]] = {}
    with path.open(encoding="utf-8") as table:
        for row in csv.DictReader(table, delimiter="\t"):
            stories.setdefault(row["story"], []).append((row["source"], row["kind"], row["target"]))
    return stories


def _build(story: Path, out: Path, checkout: Path | None) -> dict[str, object]:
    """The graph.json of one story built in a process of its own."""
    inputs = out / "in"
    inputs.mkdir(parents=True)
    (inputs / story.name).write_text(story.read_text(encoding="utf-8"), encoding="utf-8")
    environment = dict(os.environ)
    if checkout is not None:
        environment["PYTHONPATH"] = str(checkout.resolve())
    command = [sys.executable, "-m", "graph", "build", str(inputs), "--out", str(out / "out")]
    subprocess.run(command, check=True, capture_output=True, env=environment, cwd=checkout or ROOT)
    loaded: dict[str, object] = json.loads((out / "out" / "graph.json").read_text())
    return loaded


Drawn = tuple[set[str], str, set[str], str]  # source names, kind, target names, shown


def _score(
    graph: dict[str, object], gold: list[Stance], threshold: float = 0.0
) -> tuple[int, int, int]:
    """Drawn, right and found; with a threshold, of the edges at least that confident
    (an edge the rules read alone has no confidence and always counts)."""
    drawn = _drawn(graph, threshold)
    right = sum(1 for edge in drawn if any(_matches(edge, g) for g in gold))
    found = sum(1 for g in gold if any(_matches(edge, g) for edge in drawn))
    return len(drawn), right, found


def _show(graph: dict[str, object], gold: list[Stance]) -> None:
    drawn = _drawn(graph)
    for wanted in gold:
        if not any(_matches(edge, wanted) for edge in drawn):
            print("    missed  ", " ".join(wanted))
    for edge in drawn:
        if not any(_matches(edge, g) for g in gold):
            print("    wrong   ", edge[3])


def _drawn(graph: dict[str, object], threshold: float = 0.0) -> list[Drawn]:
    nodes = {node["id"]: node for node in graph["nodes"]}  # type: ignore[attr-defined]
    edges = graph.get("links", graph.get("edges", []))  # type: ignore[attr-defined]
    return [
        (
            _names(nodes[e["source"]]),
            e["kind"],
            _names(nodes[e["target"]]),
            f"{nodes[e['source']].get('label')} {e['kind']} {nodes[e['target']].get('label')}",
        )
        for e in edges
        if e["kind"] != "co_mention" and e.get("confidence", 1.0) >= threshold
    ]


def _matches(edge: Drawn, wanted: Stance) -> bool:
    return edge[1] == wanted[1] and _agree(wanted[0], edge[0]) and _agree(wanted[2], edge[2])


def _names(node: dict[str, object]) -> set[str]:
    names = {str(node.get("label", node["id"])), str(node["id"])}
    names |= {str(alias) for alias in node.get("aliases", [])}  # type: ignore[attr-defined]
    return {_key(name) for name in names}


def _agree(wanted: str, names: set[str]) -> bool:
    key = _key(wanted)
    return any(
        key == name or (len(key) > 3 and (name.endswith(f" {key}") or key.endswith(f" {name}")))
        for name in names
    )


def _key(name: str) -> str:
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", " ", folded).strip()


if __name__ == "__main__":
    main()
