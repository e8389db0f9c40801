"""The graph built where the results are: DuckDB aggregates the store's rows.

`graph_from_store` gives the graph `build_graph` gives for the same extractions (the same
graph.json), but tallies mentions and co-mentions in SQL over the normalised tables
(graph.store_rows): no article is decoded, and Python only sees one row per entity key,
per (node, name), per edge and per kept evidence sentence. Stances, a few per article,
are read row by row, in corpus order.

Ties are broken as `build_graph` breaks them, by the order things are first met: articles
in corpus order, in each its mentions and then its stances (source before target). `_SEQ`
numbers them in that order.

>>> with open_store(Path("out/newsgraph.duckdb")) as store:  # doctest: +SKIP
...     graph = graph_from_store(store, keys, processed)
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

import duckdb
import networkx as nx

from graph.aliases import AliasRules
from graph.build import (
    CO_MENTION,
    DEFAULT_MAX_EVIDENCE,
    EdgeTally,
    NodeTally,
    Quote,
    assemble_graph,
    co_mention_evidence,
    confident,
    tally_stance_edge,
)
from graph.canonical import Canonical, KeyFacts, canonicalise_keys
from graph.relations.actors import Endpoint
from graph.relations.cooccurrence import EVIDENCE_JOINER, WINDOWS, Window
from graph.relations.stance import Stance
from graph.relations.stance.model import default_min_confidence
from graph.runtime import cyclic_gc_paused
from graph.store import DuckStore, StoreKey
from graph.summary import ProcessedArticle

#: Where a row comes in corpus order: article position, then mentions, then stances' ends.
_ARTICLE_SPAN = 1 << 22
_STANCE_PHASE = 1 << 21
_MENTION_SEQ = f"c.pos::BIGINT * {_ARTICLE_SPAN} + m.ord"
_SOURCE_SEQ = f"c.pos::BIGINT * {_ARTICLE_SPAN} + {_STANCE_PHASE} + 2 * s.ord"
_WINDOW_COLUMN: dict[Window, str] = {
    "sentence": "sentence",
    "paragraph": "paragraph",
    "article": "0",
}
_IN_CORPUS = "JOIN ng_corpus c ON c.content = {t}.content AND c.pipeline = {t}.pipeline"

_KEY_FACTS = f"""
SELECT key, type, sum(n)::BIGINT, min(seq), list(DISTINCT name) FROM (
    SELECT m.key, m.type, m.name, 1 AS n, {_MENTION_SEQ} AS seq
    FROM mentions m {_IN_CORPUS.format(t="m")}
    UNION ALL
    SELECT s.source_key, s.source_type, coalesce(nullif(s.source_label, ''), s.source_name),
        0, {_SOURCE_SEQ}
    FROM stances s {_IN_CORPUS.format(t="s")}
    UNION ALL
    SELECT s.target_key, s.target_type, coalesce(nullif(s.target_label, ''), s.target_name),
        0, {_SOURCE_SEQ} + 1
    FROM stances s {_IN_CORPUS.format(t="s")}
) GROUP BY key, type ORDER BY min(seq)
"""

_NODE_MENTIONS = f"""
CREATE TEMP TABLE ng_mentions AS
SELECT coalesce(n.node, m.key) AS node, m.name, m.type, m.label, c.pos, m.ord, m.sentence,
    m.paragraph, {_MENTION_SEQ} AS seq
FROM mentions m {_IN_CORPUS.format(t="m")} LEFT JOIN ng_node_of n ON n.key = m.key
"""

_PAIRS = """
WITH firsts AS (
    SELECT pos, {window} AS win, node, arg_min(sentence, ord) AS sentence, min(ord) AS first
    FROM ng_mentions GROUP BY pos, win, node
), windows AS (
    SELECT pos, win, min(first) AS first FROM firsts GROUP BY pos, win
), pairs AS (
    SELECT a.pos, a.node AS a, b.node AS b, a.sentence AS sa, b.sentence AS sb, w.first
    FROM firsts a JOIN firsts b ON a.pos = b.pos AND a.win = b.win AND a.node < b.node
    JOIN windows w ON w.pos = a.pos AND w.win = a.win
)
"""

_CO_MENTIONS = (
    _PAIRS
    + """, ranked AS (
    SELECT a, b, pos, least(sa, sb) AS lo, greatest(sa, sb) AS hi,
        count(*) OVER (PARTITION BY a, b) AS weight,
        row_number() OVER (PARTITION BY a, b ORDER BY pos, first) AS rank
    FROM pairs
)
SELECT r.a, r.b, r.weight, r.rank, r.pos,
    CASE WHEN r.lo = r.hi THEN low.text ELSE low.text || $joiner || high.text END,
    coalesce(prev.text, ''), coalesce(next.text, '')
FROM ranked r JOIN ng_corpus c ON c.pos = r.pos
LEFT JOIN sentences low ON low.content = c.content AND low.pipeline = c.pipeline
    AND low.idx = r.lo
LEFT JOIN sentences high ON high.content = c.content AND high.pipeline = c.pipeline
    AND high.idx = r.hi
LEFT JOIN sentences prev ON prev.content = c.content AND prev.pipeline = c.pipeline
    AND prev.idx = r.lo - 1
LEFT JOIN sentences next ON next.content = c.content AND next.pipeline = c.pipeline
    AND next.idx = r.hi + 1
WHERE r.rank <= $keep
ORDER BY r.a, r.b, r.rank
"""
)

#: Each co-mention edge's weight in each article (what a date or outlet filter recounts).
_CO_MENTIONS_BY_ARTICLE = _PAIRS + "SELECT a, b, pos, count(*) FROM pairs GROUP BY a, b, pos"

_STANCES = f"""
SELECT c.pos, s.kind, s.sentence, s.cue, s.source_key, s.source_name, s.source_type,
    s.source_label, s.target_key, s.target_name, s.target_type, s.target_label, t.text,
    {_SOURCE_SEQ}, s.confidence, coalesce(prev.text, ''), coalesce(next.text, '')
FROM stances s {_IN_CORPUS.format(t="s")}
LEFT JOIN sentences t ON t.content = s.content AND t.pipeline = s.pipeline
    AND t.idx = s.sentence
LEFT JOIN sentences prev ON prev.content = s.content AND prev.pipeline = s.pipeline
    AND prev.idx = s.sentence - 1
LEFT JOIN sentences next ON next.content = s.content AND next.pipeline = s.pipeline
    AND next.idx = s.sentence + 1
ORDER BY c.pos, s.ord
"""


@dataclass
class _Types:
    """A node's type votes: count and first place in corpus order of each type."""

    first: dict[str, int]
    count: Counter[str]

    def add(self, type_: str, count: int, seq: int) -> None:
        self.count[type_] += count
        self.first[type_] = min(seq, self.first.get(type_, seq))

    def counter(self) -> Counter[str]:
        """The votes in the order first met, as build_graph's tally holds them."""
        return Counter({t: self.count[t] for t in sorted(self.first, key=self.first.__getitem__)})


def graph_from_store(
    store: DuckStore,
    keys: Sequence[StoreKey],
    articles: Sequence[ProcessedArticle],
    *,
    window: Window = "sentence",
    max_evidence: int = DEFAULT_MAX_EVIDENCE,
    aliases: AliasRules | None = None,
    min_confidence: float | None = None,
) -> nx.MultiDiGraph:
    """The graph of the stored extractions `keys` (of the processed `articles`, in the same
    order), equal to `build_graph` of those extractions."""
    if window not in WINDOWS:
        raise ValueError(f"unknown co-mention window {window!r}; choose one of {WINDOWS}")
    ids = [article.id for article in articles]
    db = store.connection
    with cyclic_gc_paused(), _temporary(db, keys) as corpus:
        canonical = canonicalise_keys(_key_facts(corpus), aliases)
        _map_nodes(corpus, canonical)
        types: dict[str, _Types] = defaultdict(lambda: _Types({}, Counter()))
        nodes = _node_tallies(corpus, ids, types)
        edges = _co_mention_tallies(corpus, ids, window, max_evidence)
        threshold = default_min_confidence() if min_confidence is None else min_confidence
        _stance_tallies(corpus, ids, canonical, nodes, types, edges, threshold)
        for node, tally in nodes.items():
            tally.types = types[node].counter()
    by_id = {article.id: article for article in articles}
    return assemble_graph(nodes, edges, canonical, window, max_evidence, by_id)


@contextmanager
def _temporary(
    db: duckdb.DuckDBPyConnection, keys: Sequence[StoreKey]
) -> Iterator[duckdb.DuckDBPyConnection]:
    """The connection with the corpus (`ng_corpus`: position and key of each article) and
    the tables derived from it, dropped afterwards."""
    db.execute(
        "CREATE OR REPLACE TEMP TABLE ng_corpus AS SELECT unnest(range($3)) AS pos, "
        "unnest($1::VARCHAR[]) AS content, unnest($2::VARCHAR[]) AS pipeline",
        [[k.content for k in keys], [k.pipeline for k in keys], len(keys)],
    )
    try:
        yield db
    finally:
        for table in ("ng_corpus", "ng_node_of", "ng_mentions"):
            db.execute(f"DROP TABLE IF EXISTS {table}")


def _key_facts(db: duckdb.DuckDBPyConnection) -> dict[str, KeyFacts]:
    """Each entity key's types, names and mentions, keys and types in the order first met."""
    facts: dict[str, KeyFacts] = {}
    for key, type_, count, _seq, names in db.execute(_KEY_FACTS).fetchall():
        info = facts.setdefault(key, KeyFacts())
        info.type_votes[type_] += count
        info.names.update(names)
        info.mentions += count
    return facts


def _map_nodes(db: duckdb.DuckDBPyConnection, canonical: Canonical) -> None:
    """`ng_node_of`: the node of every entity key merged into another."""
    moved = {key: node for key, node in canonical.mapping.items() if key != node}
    db.execute(
        "CREATE OR REPLACE TEMP TABLE ng_node_of AS SELECT unnest($1::VARCHAR[]) AS key, "
        "unnest($2::VARCHAR[]) AS node",
        [list(moved), list(moved.values())],
    )
    db.execute(_NODE_MENTIONS)


def _node_tallies(
    db: duckdb.DuckDBPyConnection, ids: Sequence[str], types: dict[str, _Types]
) -> dict[str, NodeTally]:
    """Names, user labels, types and articles of every mentioned node, counted in SQL."""
    nodes: dict[str, NodeTally] = defaultdict(NodeTally)
    query = "SELECT node, name, count(*), list(DISTINCT pos) FROM ng_mentions GROUP BY node, name"
    for node, name, count, positions in db.execute(query).fetchall():
        nodes[node].names[name] += count
        nodes[node].name_articles[name] = set(map(ids.__getitem__, positions))
    query = "SELECT node, label, count(*) FROM ng_mentions WHERE label <> '' GROUP BY node, label"
    for node, label, count in db.execute(query).fetchall():
        nodes[node].labels[label] += count
    query = "SELECT node, type, count(*), min(seq) FROM ng_mentions GROUP BY node, type"
    for node, type_, count, seq in db.execute(query).fetchall():
        types[node].add(type_, count, seq)
    query = "SELECT node, list(DISTINCT pos) FROM ng_mentions GROUP BY node"
    for node, positions in db.execute(query).fetchall():
        nodes[node].articles.update(map(ids.__getitem__, positions))
    return dict(nodes)


def _co_mention_tallies(
    db: duckdb.DuckDBPyConnection, ids: Sequence[str], window: Window, max_evidence: int
) -> dict[tuple[str, str, str], EdgeTally]:
    """Every co-mention edge with its weight and first `max_evidence` sentences."""
    query = _CO_MENTIONS.format(window=_WINDOW_COLUMN[window])
    params = {"joiner": EVIDENCE_JOINER, "keep": max(max_evidence, 1)}
    edges: dict[tuple[str, str, str], EdgeTally] = {}
    tally = EdgeTally()
    for a, b, weight, rank, pos, sentence, before, after in db.execute(query, params).fetchall():
        if rank == 1:  # rows come edge by edge, evidence in order
            tally = edges[(a, b, CO_MENTION)] = EdgeTally(weight)
        if rank <= max_evidence:
            tally.evidence.append(co_mention_evidence(ids[pos], Quote(sentence, before, after)))
    query = _CO_MENTIONS_BY_ARTICLE.format(window=_WINDOW_COLUMN[window])
    for a, b, pos, count in db.execute(query).fetchall():
        edges[(a, b, CO_MENTION)].by_article[ids[pos]] += count
    return edges


def _stance_tallies(
    db: duckdb.DuckDBPyConnection,
    ids: Sequence[str],
    canonical: Canonical,
    nodes: dict[str, NodeTally],
    types: dict[str, _Types],
    edges: dict[tuple[str, str, str], EdgeTally],
    min_confidence: float,
) -> None:
    """Stance edges, in corpus order; an actor only implied still gets its node (its type
    counted once, where build_graph first meets it, if no mention came before)."""
    first_mention = {node: min(t.first.values()) for node, t in types.items()}
    created: set[str] = set()
    seen: set[tuple[str, str, str, int]] = set()
    article = -1
    for row in db.execute(_STANCES).fetchall():
        pos, kind, sentence, cue, text, seq = row[0], row[1], row[2], row[3], row[12], row[13]
        source = Endpoint(canonical(row[4]), row[5], row[6], row[7])
        target = Endpoint(canonical(row[8]), row[9], row[10], row[11])
        if source.key == target.key:
            continue
        if pos != article:
            article, seen = pos, set()
        stance = Stance(kind, source, target, sentence, cue, row[14])
        if not confident(stance, min_confidence):
            continue
        for endpoint, place in ((source, seq), (target, seq + 1)):
            key = endpoint.key
            tally = nodes.get(key) or nodes.setdefault(key, NodeTally())
            if key not in created and first_mention.get(key, place + 1) > place:
                created.add(key)
                types[key].add(endpoint.type, 1, place)
                tally.add_name(endpoint.label or endpoint.name, ids[pos], 0)
            if endpoint.label:
                tally.labels[endpoint.label] += 0
            tally.articles.add(ids[pos])
        tally_stance_edge(edges, stance, ids[pos], Quote(text, row[15], row[16]), seen)
