"""Who a token stands for: the entity mention it is part of, a demonym or national adjective,
a role description ("le ministre russe des Affaires étrangères"), or a pronoun.

Stance extraction asks this for speakers and targets. The knowledge is data: the gazetteer
for countries, `role_words.txt` for role nouns, `syntax.toml` for dependency labels.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from spacy.tokens import Doc, Span, Token

from graph.entities import Mention
from graph.gazetteer import ADJECTIVE, DEMONYM, Gazetteer
from graph.langdata import data_words

#: Tokens looked at before a person's name for a national adjective ("le président
#: ukrainien Volodymyr Zelensky") and after it in an apposition (", porte-parole du
#: ministère russe des Affaires étrangères,").
AFFILIATION_WINDOW = 8
INDEFINITE = frozenset({"un", "une", "des", "a", "an", "some"})
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


class Actors:
    """Resolves tokens of one parsed article to entities."""

    def __init__(
        self, doc: Doc, mentions: Sequence[Mention], lang: str, gazetteer: Gazetteer
    ) -> None:
        self.doc = doc
        self.lang = lang
        self.gazetteer = gazetteer
        self.mentions = list(mentions)
        self._by_token = {
            token.i: mention
            for mention in mentions
            for token in _tokens_in(doc, mention.start, mention.end)
        }
        self._mention_keys = {mention.key for mention in mentions}
        self.roles = data_words(lang, "role_words.txt")
        self.affiliation: dict[str, str] = {}
        for mention in mentions:
            if mention.type == "PER" and not self.affiliation.get(mention.key):
                self.affiliation[mention.key] = self._nationality_near(mention)

    def mention_at(self, token: Token) -> Mention | None:
        """The entity mention covering this token, if any."""
        return self._by_token.get(token.i)

    def endpoint(self, token: Token) -> Endpoint | None:
        """What a head token stands for, looking into its noun phrase if needed."""
        direct = self._direct(token)
        if direct is not None:
            return direct
        if token.pos_ in ("NOUN", "PROPN"):
            return self._noun_phrase(token)
        return None

    def endpoints_in(self, tokens: Iterable[Token], *, names_first: bool = False) -> list[Endpoint]:
        """Every distinct entity named among tokens, in text order; with `names_first`,
        named entities before those only implied by a national adjective or demonym."""
        found: dict[str, Endpoint] = {}
        for token in tokens:
            endpoint = self._direct(token)
            if endpoint is not None:
                found.setdefault(endpoint.key, endpoint)
        endpoints = list(found.values())
        if names_first:
            endpoints.sort(key=lambda e: (e.key not in self._mention_keys, e.type != "PER"))
        return endpoints

    def country_of(self, endpoint: Endpoint) -> str:
        """The country key a person was introduced with ("son homologue russe"), or ""."""
        return self.affiliation.get(endpoint.key, "")

    def person_before(self, token: Token) -> Endpoint | None:
        """The last person named before this token (for "il"/"elle")."""
        people = [m for m in self.mentions if m.type == "PER" and m.end <= token.idx]
        return _from_mention(people[-1]) if people else None

    def _direct(self, token: Token) -> Endpoint | None:
        mention = self.mention_at(token)
        if mention is not None:
            return _from_mention(mention)
        kinds = frozenset({ADJECTIVE}) if token.pos_ == "ADJ" else frozenset({DEMONYM})
        if token.pos_ in ("ADJ", "NOUN", "PROPN") and token.text[:1].isalpha():
            match = self.gazetteer.lookup(token.text, self.lang, kinds)
            if match is not None:
                actor = match.actor
                return Endpoint(actor.id, token.text, actor.type, actor.label(self.lang))
        return None

    def _noun_phrase(self, head: Token) -> Endpoint | None:
        """A role description or a group noun: the entity or nationality it names."""
        modifiers = [t for t in head.subtree if t.i != head.i and not _in_clause(t, head)]
        named = self.endpoints_in(modifiers)
        if not named:
            return None
        if head.lemma_.casefold() in self.roles and not _indefinite(head):
            person = self._affiliated_person(named[0].key, head)
            if person is not None:
                return person
        return named[0]

    def _affiliated_person(self, country: str, before: Token) -> Endpoint | None:
        people = [
            m
            for m in self.mentions
            if m.type == "PER" and self.affiliation.get(m.key) == country and m.start < before.idx
        ]
        return _from_mention(people[-1]) if people else None

    def _nationality_near(self, mention: Mention) -> str:
        tokens = list(_tokens_in(self.doc, mention.start, mention.end))
        if not tokens:
            return ""
        first, last = tokens[0].i, tokens[-1].i
        before = _noun_phrase_before(self.doc, first)
        after = _apposition_after(self.doc, last)
        for token in [*before, *after]:
            if token.pos_ == "ADJ":
                match = self.gazetteer.lookup(token.text, self.lang, frozenset({ADJECTIVE}))
                if match is not None:
                    return match.actor.id
        return ""


def _from_mention(mention: Mention) -> Endpoint:
    return Endpoint(mention.key, mention.name, mention.type, mention.canonical)


def _tokens_in(doc: Doc, start: int, end: int) -> Iterator[Token]:
    span = doc.char_span(start, end, alignment_mode="expand")
    return iter(span) if span is not None else iter(())


def _noun_phrase_before(doc: Doc, first: int) -> list[Token]:
    """ "la ministre nord-coréenne des Affaires étrangères" before a name, nearest first,
    stopping at a verb or punctuation."""
    tokens = []
    for index in range(first - 1, max(-1, first - 1 - AFFILIATION_WINDOW), -1):
        token = doc[index]
        if token.pos_ in ("VERB", "AUX") or (token.is_punct and token.text != "-"):
            break
        tokens.append(token)
    return tokens


def _apposition_after(doc: Doc, last: int) -> Span:
    """ ", porte-parole du ministère russe," : the words after a name, up to the next comma."""
    if last + 1 >= len(doc) or doc[last + 1].text != ",":
        return doc[0:0]
    end = last + 2
    while end < len(doc) and end - last <= AFFILIATION_WINDOW and doc[end].text not in ",;.":
        end += 1
    return doc[last + 2 : end]


def _in_clause(token: Token, head: Token) -> bool:
    """Whether a token of head's subtree belongs to a relative or verbal clause of its own."""
    while token.i != head.i:
        if token.pos_ in ("VERB", "AUX") or token.dep_ in ("acl", "acl:relcl", "relcl"):
            return True
        token = token.head
    return False


def _indefinite(head: Token) -> bool:
    return any(child.dep_ == "det" and child.lower_ in INDEFINITE for child in head.children)
