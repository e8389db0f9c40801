"""The data the page's JavaScript reads: every entity, edge (with its evidence) and processed
article, plus the drawing.

The side panel can show any entity or edge (the search and the tables reach entities that are
not drawn), so the payload carries the whole graph; the vis lists carry only what is drawn.
The tables are built from it in the browser (static/tables.js), so the data is in the page once.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict
from datetime import date
from typing import Any

from graph.render.layout import Drawing
from graph.render.model import Entity, Evidence, GraphData, Relation
from graph.render.network import EDGE_WIDTH_MAX, EDGE_WIDTH_MIN, VisNetwork
from graph.render.palette import OTHER_CAMP_COLOUR, camp_colour, kind_legend, type_legend
from graph.render.timeline import date_note, day_of, main_span
from graph.render.views import Views
from graph.summary import ProcessedArticle

#: Articles named in an alias chip's tooltip (the count says how many in all).
ALIAS_ARTICLES_SHOWN = 3


def page_payload(
    data: GraphData,
    drawing: Drawing,
    network: VisNetwork,
    views: Views,
    articles: Iterable[ProcessedArticle] = (),
    today: date | None = None,
) -> dict[str, Any]:
    """Everything `static/*.js` needs, as JSON-ready values (see `data.js` for the reader).

    `today` (the day the report is made, by default the clock's) tells a date in the future,
    which no article read today can rightly have."""
    drawn_nodes, drawn_edges = set(drawing.nodes), set(drawing.edges)
    articles = list(articles)
    listed = {article.id for article in articles}
    today = today or date.today()
    span = main_span((day_of(article.date) for article in articles), today)
    return {
        "entities": [_entity(entity, entity.id in drawn_nodes) for entity in data.entities],
        "relations": [
            _relation(relation, relation.id in drawn_edges, listed) for relation in data.relations
        ],
        "articles": [_article(article, today) for article in articles],
        # the days the timeline draws bar by bar (timeline.py); the rest in "earlier"/"later"
        "timeline": {
            "first": span.first if span else "",
            "last": span.last if span else "",
            "today": today.isoformat(),
        },
        "types": [asdict(item) for item in type_legend(e.type for e in data.entities)],
        "kinds": [asdict(item) for item in kind_legend(r.kind for r in data.relations)],
        # an entity alone in its camp is an isolated quarrel, not a side: grey
        "campColours": {
            str(camp["camp"]): camp_colour(camp["camp"]) if camp["size"] > 1 else OTHER_CAMP_COLOUR
            for camp in data.camps
        },
        "drawing": {
            "nodes": len(drawing.nodes),
            "edges": len(drawing.edges),
            "totalNodes": drawing.total_nodes,
            "totalEdges": drawing.total_edges,
            "physics": drawing.uses_physics,
            # network.py's scale, for static/graph.js to redraw widths from the evidence in scope
            "edgeWidth": {
                "min": EDGE_WIDTH_MIN,
                "max": EDGE_WIDTH_MAX,
                "top": max((r.weight for r in data.relations if r.id in drawn_edges), default=0),
            },
        },
        "view": {
            "default": views.default,
            "sidesNodes": views.sides_nodes,
            "sidesEdges": views.sides_edges,
            "sidesPositions": {node: list(xy) for node, xy in views.sides_positions.items()},
        },
        "vis": {"nodes": network.nodes, "edges": network.edges, "options": network.options},
    }


def _article(article: ProcessedArticle, today: date) -> dict[str, Any]:
    return {
        "id": article.id,
        "title": article.title,
        "lang": article.lang,
        "words": article.words,
        "source": article.source,
        "url": article.url,
        "date": article.date,
        "day": day_of(article.date),
        "dateNote": date_note(article.date, today),
    }


def _entity(entity: Entity, drawn: bool) -> dict[str, Any]:
    return {
        "id": entity.id,
        "label": entity.label,
        "type": entity.type,
        "aliases": list(entity.aliases),
        "aliasArticles": [_provenance(ids) for ids in entity.alias_articles],
        "articles": list(entity.articles),
        "mentions": entity.mentions,
        "camp": entity.camp,
        "influence": entity.influence,
        "stancesIn": entity.stances_in,
        "stancesOut": entity.stances_out,
        "drawn": drawn,
    }


def _provenance(ids: tuple[str, ...]) -> dict[str, Any]:
    """An alias's provenance as the panel shows it: how many articles, and the first few."""
    return {"count": len(ids), "first": list(ids[:ALIAS_ARTICLES_SHOWN])}


def _relation(relation: Relation, drawn: bool, listed: set[str]) -> dict[str, Any]:
    return {
        "id": relation.id,
        "source": relation.source,
        "target": relation.target,
        "kind": relation.kind,
        "directed": relation.directed,
        "weight": relation.weight,
        "evidence": [_evidence(item, item.article in listed) for item in relation.evidence],
        "evidenceTotal": relation.evidence_total,
        "confidence": relation.confidence,
        "byArticle": dict(relation.by_article),
        "drawn": drawn,
    }


def _evidence(item: Evidence, listed: bool) -> dict[str, str | float | None]:
    """Written out field by field: dataclasses.asdict deep-copies, and a large graph has
    hundreds of thousands of these. Where the article was read (outlet, date, title, url) is
    written once per article in `articles` (panel.js looks it up there), here only for an
    article not listed (the notebook's page lists none)."""
    written: dict[str, str | float | None] = {
        "article": item.article,
        "sentence": item.sentence,
        "cue": item.cue,
        "speaker": item.speaker,
        "target": item.target,
        "confidence": item.confidence,
        "before": item.before,
        "after": item.after,
    }
    if not listed:
        written.update(outlet=item.outlet, date=item.date, title=item.title, url=item.url)
    return written
