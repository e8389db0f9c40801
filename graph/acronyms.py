"""Acronyms joined to the organisation they stand for, across the corpus.

An acronym joins a name whose initials it spells only when that is safe:

- an acronym the language data knows (`data/<lang>/acronyms.tsv`) joins its own expansion
  and nothing else: "RIC" stays the referendum, not the "Ralliement d'Initiative
  Citoyenne" that spells it too (the gazetteer gives PS, LR, RN… their ids already);
- another acronym joins the only organisation of the corpus spelling it, unless it is named
  DOMINANCE times as often as that organisation: an acronym that common means something else.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache

from graph.langdata import data_lines
from graph.names import entity_key
from graph.resolve import DOMINANCE, Facts, Join

ORGANISATION = "ORG"
_LANGS = ("fr", "en")
_FILLERS = frozenset(
    {"de", "du", "des", "la", "le", "les", "l", "d", "et", "pour", "en", "of", "the", "and", "for"}
)


@dataclass(frozen=True)
class KnownAcronyms:
    """Acronym keys and the keys of their expansions, every language together."""

    expansions: Mapping[str, frozenset[str]]


@cache
def known_acronyms() -> KnownAcronyms:
    """The acronyms shipped as language data (read once)."""
    expansions: dict[str, set[str]] = defaultdict(set)
    for lang in _LANGS:
        for line in data_lines(lang, "acronyms.tsv"):
            acronym, _, expansion = line.partition("\t")
            if acronym != "acronym" and expansion:
                expansions[entity_key(acronym)].add(entity_key(expansion))
    return KnownAcronyms({k: frozenset(v) for k, v in expansions.items()})


def initials(key: str) -> str:
    """The initials of a name's key, small words left out ("parti socialiste" → "ps")."""
    return "".join(word[0] for word in key.split() if word not in _FILLERS)


def acronym_joins(
    keys: Mapping[str, Facts],
    names: Mapping[str, set[str]],
    types: Mapping[str, str],
    find: Callable[[str], str],
    known: KnownAcronyms,
) -> list[Join]:
    """Every acronym (an organisation written in capitals, one word) and the expansion it
    joins (`types`: each key's corpus type; `find`: the node a key is merged into)."""
    organisations = [k for k in keys if types.get(k) == ORGANISATION]
    spelling: dict[str, set[str]] = defaultdict(set)
    for key in organisations:
        if len(initials(key)) >= 2:
            spelling[initials(key)].add(key)
    joins = []
    for key in organisations:
        if " " in key or not any(n.isupper() for n in names.get(key, ())):
            continue
        if key in known.expansions:
            fits = [k for k in known.expansions[key] if k in keys]
            reason = "known acronym"
        else:
            fits = [k for k in spelling.get(key, ()) if k != key]
            reason = "initials"
        roots = Counter(find(k) for k in fits)
        if len(roots) == 1 and _not_too_common(keys[key], fits, keys, reason):
            joins.append(Join(key, fits[0], reason))
    return joins


def _not_too_common(
    acronym: Facts, fits: list[str], keys: Mapping[str, Facts], reason: str
) -> bool:
    """A known acronym always joins its expansion; one joined by its initials only when it
    is not named DOMINANCE times as often as the organisation it spells."""
    if reason == "known acronym":
        return True
    return acronym.mentions < DOMINANCE * sum(keys[k].mentions for k in fits)
