"""One node per actor across a corpus: the targets of issue 14 on 300 bulk articles.

    .venv/bin/python bench/bench_merge.py [--store /tmp/ng-merge/store.duckdb] [--graph G.json]

The corpus is the first 200 French and the first 100 English lines of
`../shared/corpus/bulk/gilets_jaunes.jsonl`. The first run parses them into the store (a
few minutes); every later run merges the stored extractions again, with no parsing, even
after the extraction code or data changed (the merge is what is measured: it takes each
article's stored result, whatever pipeline version made it). The graph is built twice, from
the store (DuckDB aggregation) and in memory, and the two must agree. `--graph` reads a
graph.json instead (to score an older build).

Prints: whether each target actor is one node (its nodes otherwise), the persons typed LOC
or ORG among the 50 most-mentioned nodes, whether the wrong aliases the issue named are
gone (and RIC the referendum's own node, the list's alias only where an article defines it
so), nodes per actor named in two articles or more
(actors: nodes grouped by the pairs judged real in `bench/data/duplicates_judged.tsv`
and by the target actors' fragments), and
the top 20 possible duplicates with their judgement from `bench/data/duplicates_judged.tsv`.
"""

from __future__ import annotations

import argparse
import csv
import json
from pathlib import Path

import networkx as nx

from graph.entity_types import GAZETTEER_ID, name_knowledge
from graph.export import graph_from_json
from graph.names import entity_key
from graph.pipeline import BuildOptions, build
from graph.store import StoreKey, open_store
from graph.store_graph import graph_from_store

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "bulk" / "gilets_jaunes.jsonl"
JUDGED = ROOT / "bench" / "data" / "duplicates_judged.tsv"
TARGETS = (
    "Emmanuel Macron",
    "Marine Le Pen",
    "Luigi Di Maio",
    "Jean-Luc Mélenchon",
    "Ingrid Levavasseur",
    "Eric Drouet",
)
TOP = 50
#: Wrong role aliases and acronym merges the issue measured: (node label, alias).
WRONG_ALIASES = (
    ("Donald Trump", "avec le président français"),
    ("Christophe Castaner", "la ministre des Outre-mer"),
    ("Edouard Philippe", "l'ancienne ministre socialiste"),
)
#: The gilets jaunes' list, whose acronym is RIC only in the articles that define it so.
RALLIEMENT = "ralliement d initiative citoyenne"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path, default=Path("/tmp/ng-merge/store.duckdb"))
    parser.add_argument("--graph", type=Path, help="score this graph.json instead")
    args = parser.parse_args()
    graph = graph_from_json(json.loads(args.graph.read_text())) if args.graph else None
    if graph is None:
        graph = _graph_from_store(args.store)
    report(graph)


def _graph_from_store(store_path: Path) -> nx.MultiDiGraph:
    """The corpus's graph merged again from the stored extractions (parsed first if the
    store is missing), checked against the in-memory build of the same extractions."""
    work = store_path.parent
    inputs = work / "articles.jsonl"
    if not store_path.exists():
        work.mkdir(parents=True, exist_ok=True)
        inputs.write_text("".join(_corpus_lines()), encoding="utf-8")
        build([inputs], work / "out", BuildOptions(store=store_path))
    order = [json.loads(line)["id"] for line in _corpus_lines()]
    with open_store(store_path) as store:
        rows = store.connection.execute("SELECT content, pipeline FROM extractions").fetchall()
        keys = [StoreKey(content, pipeline) for content, pipeline in rows]
        processed = store.processed(keys)
        position = {article_id: i for i, article_id in enumerate(order)}
        chosen = sorted(
            (p for p in zip(keys, processed, strict=True) if p[1].id in position),
            key=lambda p: position[p[1].id],
        )
        keys, articles = [k for k, _ in chosen], [a for _, a in chosen]
        from_store = graph_from_store(store, keys, articles)
        from graph.build import build_graph

        in_memory = build_graph(store.get(keys))
    same = dict(from_store.nodes(data=True)) == dict(in_memory.nodes(data=True))
    print(f"articles: {len(keys)}; store and memory give the same nodes: {same}")
    return from_store


def _corpus_lines() -> list[str]:
    french, english = [], []
    with CORPUS.open(encoding="utf-8") as handle:
        for line in handle:
            lang = json.loads(line).get("lang")
            if lang == "fr" and len(french) < 200:
                french.append(line)
            elif lang == "en" and len(english) < 100:
                english.append(line)
    return french + english


def report(graph: nx.MultiDiGraph) -> None:
    """Print the targets of issue 14 for `graph`."""
    print(f"nodes: {graph.number_of_nodes()}")
    for actor in TARGETS:
        nodes = _nodes_of(graph, actor)
        verdict = "one node" if len(nodes) == 1 else f"{len(nodes)} nodes"
        print(f"  {actor:<20} {verdict}: {', '.join(_describe(graph, n) for n in nodes)}")
    wrong = _persons_mistyped(graph)
    print(f"persons typed LOC/ORG among the {TOP} most mentioned: {len(wrong)}")
    for node in wrong:
        print(f"  {_describe(graph, node)}")
    for label, alias in WRONG_ALIASES:
        holders = [n for n, d in graph.nodes(data=True) if d["label"] == label]
        wrong = any(alias in graph.nodes[n]["aliases"] for n in holders)
        print(f"  {label} <- {alias!r}: {'still an alias' if wrong else 'gone'}")
    _print_ric(graph)
    actors, nodes = _nodes_per_actor(graph)
    print(f"nodes per actor named in >= 2 articles: {nodes}/{actors} = {nodes / actors:.3f}")
    _print_duplicates(graph)


def _print_ric(graph: nx.MultiDiGraph) -> None:
    """RIC is the referendum (its own node) except where an article defines it as the
    Ralliement d'initiative citoyenne: there, and only there, it is the list's alias."""
    print(f"  RIC (the referendum) is its own node: {'ric' in graph}")
    if RALLIEMENT not in graph:
        return
    provenance = graph.nodes[RALLIEMENT].get("alias_articles", {})
    as_ric = set(provenance.get("RIC", ()))
    named = {a for alias, ids in provenance.items() if alias != "RIC" for a in ids}
    verdict = "yes" if as_ric <= named else f"no ({sorted(as_ric - named)})"
    print(
        f"  Ralliement d'initiative citoyenne <- 'RIC' in {len(as_ric)} articles, "
        f"each naming the list: {verdict}"
    )


def _nodes_of(graph: nx.MultiDiGraph, actor: str) -> list[str]:
    """Nodes that are this actor: its full name, its surname, its full name after other
    words ("Libérez Éric Drouet"), or its given name alone where judged to be the actor
    (`bench/data/duplicates_judged.tsv`: "Emmanuel" is the president, "Eric" a protester)."""
    full = entity_key(actor)
    given = "jean luc" if full.startswith("jean luc") else full.split()[0]
    surname = full.removeprefix(given).strip()
    same = {(a, b) for a, b, verdict, _ in _judged() if verdict == "same"}
    names = {full, surname} | ({given} if (given, full) in same else set())
    return sorted(
        n
        for n, data in graph.nodes(data=True)
        if n in names or (n.endswith(" " + full) and data["type"] == "PER")
    )


def _describe(graph: nx.MultiDiGraph, node: str) -> str:
    data = graph.nodes[node]
    return f"{data['label']!r} {data['type']} ({data['mentions']} mentions)"


def _persons_mistyped(graph: nx.MultiDiGraph) -> list[str]:
    """Nodes among the most mentioned typed LOC/ORG whose label is a person's name (a
    given name first), or the surname of a person node named at least as often."""
    knowledge = name_knowledge()
    surnames: dict[str, int] = {}
    for _, d in graph.nodes(data=True):
        if d["type"] == "PER" and len(d["label"].split()) > 1:
            surname = entity_key(d["label"]).split()[-1]
            surnames[surname] = max(surnames.get(surname, 0), d["mentions"])
    top = sorted(graph.nodes, key=lambda n: -graph.nodes[n]["mentions"])[:TOP]
    wrong = []
    for node in top:
        data = graph.nodes[node]
        key = entity_key(data["label"])
        if GAZETTEER_ID.fullmatch(node):
            continue
        if data["type"] in ("LOC", "ORG") and (
            knowledge.starts_with_first_name(key) or surnames.get(key, 0) >= data["mentions"]
        ):
            wrong.append(node)
    return wrong


def _nodes_per_actor(graph: nx.MultiDiGraph) -> tuple[int, int]:
    """Actors named in two articles or more, and the nodes they make: nodes are grouped
    by the duplicates judged real (`bench/data/duplicates_judged.tsv`) and by the target
    actors' fragments (`_nodes_of`). A lower bound: splits nobody judged are not seen."""
    judged = {(a, b) for a, b, verdict, _ in _judged() if verdict == "same"}
    parent = {n: n for n in graph}

    def find(n: str) -> str:
        while parent[n] != n:
            n = parent[n]
        return n

    for a, b in judged:
        if a in parent and b in parent:
            parent[find(a)] = find(b)
    for actor in TARGETS:
        nodes = _nodes_of(graph, actor)
        for node in nodes[1:]:
            parent[find(node)] = find(nodes[0])
    groups: dict[str, set[str]] = {}
    articles: dict[str, set[str]] = {}
    for node, data in graph.nodes(data=True):
        root = find(node)
        groups.setdefault(root, set()).add(node)
        articles.setdefault(root, set()).update(data.get("articles", []))
    named = [root for root in groups if len(articles[root]) >= 2]
    return len(named), sum(len(groups[root]) for root in named)


def _judged() -> list[tuple[str, str, str, str]]:
    if not JUDGED.exists():
        return []
    with JUDGED.open(encoding="utf-8") as handle:
        rows = csv.reader((line for line in handle if not line.startswith("#")), delimiter="\t")
        return [(r[0], r[1], r[2], r[3]) for r in rows if len(r) >= 4 and r[0] != "a"]


def _print_duplicates(graph: nx.MultiDiGraph) -> None:
    duplicates = graph.graph.get("possible_duplicates", [])
    verdicts = {(a, b): verdict for a, b, verdict, _ in _judged()}
    top = duplicates[:20]
    same = sum(verdicts.get((d["a"], d["b"])) == "same" for d in top)
    unjudged = sum((d["a"], d["b"]) not in verdicts for d in top)
    print(
        f"possible duplicates: {len(duplicates)}; top 20 judged real: {same}/{len(top)}"
        f" ({unjudged} not judged)"
    )
    for item in top:
        verdict = verdicts.get((item["a"], item["b"]), "?")
        print(f"  [{verdict}] {item['a']!r} / {item['b']!r}: {item['reason']}")


if __name__ == "__main__":
    main()
