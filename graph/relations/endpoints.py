"""What a stance's sides are made of: the Endpoint value, the language's dependency-label
groups (`syntax.toml`), and the lookups that make an Endpoint from a mention or a word
without the article's other mentions (a hyphenated national adjective's countries).

Apart from graph.relations.actors so that the stance readings, the store and the graph can
share the Endpoint type and the syntax table without the resolver that uses them.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

from graph.entities import Mention
from graph.gazetteer import ADJECTIVE, NAME_KINDS, Gazetteer
from graph.langdata import data_lines

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


THIRD_PERSON = frozenset({"il", "elle", "he", "she"})


@dataclass(frozen=True)
class Endpoint:
    """One side of a stance: the entity key, the words that named it, its type and label."""

    key: str
    name: str
    type: str
    label: str = ""


@lru_cache(maxsize=8)
def syntax(lang: str) -> dict[str, frozenset[str]]:
    """The dependency-label groups of `graph/data/<lang>/syntax.toml`."""
    path = resources.files("graph") / "data" / lang / "syntax.toml"
    if not path.is_file():
        return {}
    table = tomllib.loads(path.read_text(encoding="utf-8"))
    return {name: frozenset(values) for name, values in table.items()}


def from_mention(mention: Mention) -> Endpoint:
    return Endpoint(mention.key, mention.name, mention.type, mention.canonical)


def tokens_in(doc: Doc, start: int, end: int) -> Iterator[Token]:
    span = doc.char_span(start, end, alignment_mode="expand")
    return iter(span) if span is not None else iter(())


@lru_cache(maxsize=8)
def _combining_forms(lang: str) -> dict[str, str]:
    """First half of a hyphenated national adjective → the country's name (data)."""
    rows = data_lines(lang, "combining_forms.tsv")[1:]  # after the header
    return dict(row.split("\t", 1) for row in rows)


def hyphenated_word(token: Token) -> list[str]:
    """The halves of a hyphenated word, whether the tokeniser kept it whole
    ("franco-allemande") or split it ("Franco", "-", "German")."""
    if "-" in token.text.strip("-"):
        return token.text.split("-")
    doc = token.doc
    start = end = token.i
    while start >= 2 and doc[start - 1].text == "-" and not doc[start - 2].whitespace_:
        if doc[start - 1].whitespace_:
            break
        start -= 2
    while end + 2 < len(doc) and doc[end + 1].text == "-" and not token.doc[end].whitespace_:
        if doc[end + 1].whitespace_:
            break
        end += 2
    return [doc[i].text for i in range(start, end + 1, 2)]


def countries_joined(token: Token, lang: str, gazetteer: Gazetteer) -> list[Endpoint]:
    """ "franco-allemande", "Franco-German": the countries a hyphenated national
    adjective joins (none unless every half names one)."""
    parts = hyphenated_word(token)
    if len(parts) < 2:
        return []
    forms = _combining_forms(lang)
    found: dict[str, Endpoint] = {}
    for part in parts:
        country = forms.get(part.casefold())
        match = (
            gazetteer.lookup(country, lang, NAME_KINDS)
            if country
            else gazetteer.lookup(part, lang, frozenset({ADJECTIVE}))
        )
        if match is None:
            return []
        actor = match.actor
        found[actor.id] = Endpoint(actor.id, part, actor.type, actor.label(lang))
    return list(found.values())
