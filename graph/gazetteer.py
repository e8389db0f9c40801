"""Known actors shipped as data: countries, capitals, demonyms, international organisations.

The table is `graph/data/gazetteer/gazetteer.tsv` (its README documents it). A name found
there gives a mention a stable id (a Wikidata QID where known), so "Russie", "Russia",
"Moscou a rejeté" and "les Russes" are one node whatever the article's language.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from graph.names import entity_key, fold, key_of_folded

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

ANY_LANGUAGE = "*"
#: Kinds of names that designate the actor itself, whatever the context.
NAME_KINDS = frozenset({"name", "alias"})
#: A capital (or seat, "le Kremlin") stands for the government only outside a place phrase.
CAPITAL = "capital"
DEMONYM = "demonym"
ADJECTIVE = "adjective"
KINDS = NAME_KINDS | {CAPITAL, DEMONYM, ADJECTIVE}
#: When one written form is several kinds ("Suisse" the country, "suisse" the adjective),
#: a lookup that accepts several returns the first of these.
_KIND_PRIORITY = ("name", "alias", CAPITAL, DEMONYM, ADJECTIVE)


@dataclass(frozen=True)
class Actor:
    """A gazetteer entry: stable id, type and display name per language."""

    id: str
    type: str
    names: dict[str, str] = field(default_factory=dict, compare=False, hash=False)

    @property
    def qid(self) -> str:
        """The Wikidata QID, or "" for entries with a project-local id."""
        return self.id if self.id.startswith("Q") else ""

    def label(self, lang: str) -> str:
        """The display name in `lang`, else in French, else in any language."""
        return self.names.get(lang) or self.names.get("fr") or next(iter(self.names.values()))


@dataclass(frozen=True)
class Match:
    """A name found in the gazetteer, and as what (name, alias, capital, demonym…)."""

    actor: Actor
    kind: str


class Gazetteer:
    """Look names up by language; built once from the shipped table (see `load_gazetteer`)."""

    def __init__(self, rows: Iterable[tuple[str, str, str, str, str]]) -> None:
        self._actors: dict[str, Actor] = {}
        self._index: dict[tuple[str, str], list[Match]] = {}
        for actor_id, type_, lang, kind, name in rows:
            actor = self._actors.setdefault(actor_id, Actor(actor_id, type_))
            if kind == "name":
                langs = ("fr", "en") if lang == ANY_LANGUAGE else (lang,)
                for each in langs:
                    actor.names.setdefault(each, name)
            matches = self._index.setdefault((lang, entity_key(name)), [])
            if all(m.kind != kind for m in matches):
                matches.append(Match(actor, kind))
        for matches in self._index.values():
            matches.sort(key=lambda m: _KIND_PRIORITY.index(m.kind))

    def __len__(self) -> int:
        return len(self._actors)

    def actor(self, actor_id: str) -> Actor | None:
        """The entry with this id, if any."""
        return self._actors.get(actor_id)

    def lookup(
        self, name: str, lang: str, kinds: frozenset[str] = KINDS, *, any_language: bool = True
    ) -> Match | None:
        """The entry a name designates in `lang` (or in any language), if its kind is wanted.

        >>> gazetteer = load_gazetteer()
        >>> gazetteer.lookup("Moscou", "fr").actor.label("fr")
        'Russie'
        """
        return self.lookup_key(entity_key(name), lang, kinds, any_language=any_language)

    def lookup_key(
        self, key: str, lang: str, kinds: frozenset[str] = KINDS, *, any_language: bool = True
    ) -> Match | None:
        """`lookup` of a name already turned into its `entity_key`."""
        if key not in self._keys:
            return None  # most words asked about: no language need be tried
        others = self._other_languages(lang) if any_language else ()
        for each in (lang, ANY_LANGUAGE, *others):
            for match in self._index.get((each, key), ()):
                if match.kind in kinds:
                    return match
        return None

    def may_begin(self, key: str) -> bool:
        """Whether some name's key starts with `key`: a scan stops lengthening a run of
        tokens once its key begins no name (a longer run's key starts with the shorter's)."""
        return key in self._key_prefixes

    @cached_property
    def _keys(self) -> frozenset[str]:
        return frozenset(key for _, key in self._index)

    @cached_property
    def _key_prefixes(self) -> frozenset[str]:
        return frozenset(key[:length] for key in self._keys for length in range(len(key) + 1))

    @staticmethod
    def _other_languages(lang: str) -> tuple[str, ...]:
        return tuple(each for each in ("fr", "en") if each != lang)


def read_rows(path: Path) -> list[tuple[str, str, str, str, str]]:
    """The rows of a gazetteer TSV file (header `id type lang kind name`, `#` comments)."""
    with path.open(encoding="utf-8", newline="") as handle:
        lines = (line for line in handle if line.strip() and not line.startswith("#"))
        reader = csv.reader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
        header = next(reader)
        if header != ["id", "type", "lang", "kind", "name"]:
            raise ValueError(f"{path}: unexpected gazetteer header {header}")
        return [
            (row[0], row[1], row[2], row[3], row[4].strip())
            for row in reader
            if len(row) == 5 and row[3] in KINDS
        ]


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The gazetteer shipped with the package (read once)."""
    path = resources.files("graph") / "data" / "gazetteer" / "gazetteer.tsv"
    return Gazetteer(read_rows(Path(str(path))))


#: Longest name, in tokens, looked for when scanning a text for gazetteer names.
MAX_NAME_TOKENS = 6
#: What a text scan looks for: names standing for the actor, not capitals or adjectives
#: (those need context, and NER or the stance reader handles them).
SCANNED_KINDS = NAME_KINDS | {DEMONYM}


def find_names(doc: Doc, lang: str, gazetteer: Gazetteer) -> list[tuple[Span, Match]]:
    """Gazetteer names written in a parsed text, longest first, not overlapping.

    A one-word name must be capitalised ("Belgique", not "us"); longer names match in any
    case ("Nations unies", "gilets jaunes").
    """
    tokens = _ScannedTokens(doc)
    found: list[tuple[Span, Match]] = []
    position = 0
    while position < len(doc):
        hit = _longest_name_at(doc, tokens, position, lang, gazetteer)
        if hit is None:
            position += 1
            continue
        found.append(hit)
        position = hit[0].end
    return found


class _ScannedTokens:
    """What the scan reads of each token, read once per doc: a spaCy `Span` or `Token`
    is built anew on every access, and folding a name's text is most of `entity_key`."""

    def __init__(self, doc: Doc) -> None:
        self.texts: list[str] = []
        self.spaces: list[str] = []
        self.ends_no_name: list[bool] = []
        for token in doc:
            self.texts.append(token.text)
            self.spaces.append(token.whitespace_)
            self.ends_no_name.append(token.is_space or token.is_punct)
        self.folded = [fold(text) for text in self.texts]

    def keys_from(self, start: int, stop: int, gazetteer: Gazetteer) -> list[str]:
        """The `entity_key` of the text of doc[start:end] for end = start + 1, … up to
        `stop`, as long as some gazetteer name begins with it."""
        keys: list[str] = []
        folded = ""
        for end in range(start + 1, stop + 1):
            folded += self.folded[end - 1]  # a span's text: the last token's space left out
            key = key_of_folded(folded)
            if not gazetteer.may_begin(key):
                break
            keys.append(key)
            folded += self.spaces[end - 1]
        return keys


def _longest_name_at(
    doc: Doc, tokens: _ScannedTokens, start: int, lang: str, gazetteer: Gazetteer
) -> tuple[Span, Match] | None:
    first = tokens.texts[start][:1]
    if not first.isalpha():
        return None
    keys = tokens.keys_from(start, min(len(doc), start + MAX_NAME_TOKENS), gazetteer)
    for end in range(start + len(keys), start, -1):
        if tokens.ends_no_name[end - 1]:
            continue  # "gilets jaunes\n" is "gilets jaunes"
        if end - start == 1 and not first.isupper():
            continue
        key = keys[end - start - 1]
        match = gazetteer.lookup_key(key, lang, SCANNED_KINDS, any_language=False)
        if match is not None:
            return doc[start:end], match
    return None
