"""Acronyms joined to the organisation they stand for, in an article and across the corpus.

An article that defines an acronym, "le Ralliement d'initiative citoyenne (RIC)" or "RIC
(Ralliement d'initiative citoyenne)", says what it stands for in that article: its mentions
there take the key of the expansion (`expand_defined_acronyms`), so an acronym expanded
differently in two articles is two actors, and the acronym becomes an alias of each. Words
NER did not tag count too when they contradict the acronym's known meaning: « le
ralliement d'initiative citoyenne » (RIC) is the list in that article, while "le référendum
d'initiative citoyenne (RIC)" leaves RIC the referendum it is everywhere else.

Across the corpus, a bare acronym joins a name whose initials it spells only when that is
safe:

- an acronym the language data knows (`data/<lang>/acronyms.tsv`) joins its own expansion
  and nothing else: "RIC" stays the referendum, not the "Ralliement d'Initiative
  Citoyenne" that spells it too (the gazetteer gives PS, LR, RN… their ids already);
- another acronym joins the only organisation of the corpus spelling it, unless it is named
  DOMINANCE times as often as that organisation: an acronym that common means something else.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cache
from typing import Protocol, TypeVar

from graph.langdata import data_lines
from graph.names import entity_key
from graph.resolve import DOMINANCE, Facts, Join

ORGANISATION = "ORG"
#: An acronym is one word of capitals (digits allowed after the first letter: "M5S").
ACRONYM = re.compile(r"[A-ZÀ-Þ][A-ZÀ-Þ0-9]{1,7}")
#: Initials with dots ("B.C.", "L.A."), the last dot maybe cut off by the tokenizer.
DOTTED_INITIALS = re.compile(r"(?:[A-Z]\.){1,3}[A-Z]\.?")
_BRACKETED_AFTER = re.compile(r"\s*[»\"”]?\s*[(\[]\s*([A-ZÀ-Þ][A-ZÀ-Þ0-9]{1,7})\s*[)\]]")
_BRACKETS_BEFORE = re.compile(r"\b([A-ZÀ-Þ][A-ZÀ-Þ0-9]{1,7})\s*[(\[]\s*$")
#: How far before a mention its acronym and bracket may start.
_REACH = 14
#: How far before "(ACR)" the words an article defines it as may start.
_WORDS_REACH = 80
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
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
    """The initials of a name's key, small words left out ("parti socialiste" → "ps").
    Across the corpus, where no article defines it, an acronym must spell exactly these:
    counting small words in would read "RDV" (rendez-vous) as "rue de Vaucouleurs"."""
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


class _Mentioned(Protocol):
    """What a definition reads of a mention (graph.entities.Mention)."""

    @property
    def name(self) -> str: ...
    @property
    def key(self) -> str: ...
    @property
    def type(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def canonical(self) -> str: ...


M = TypeVar("M", bound=_Mentioned)


def expand_defined_acronyms(mentions: Sequence[M], text: str) -> list[M]:
    """The article's mentions, those of an acronym the article defines with the key, type
    and label of its expansion: "Ralliement d'initiative citoyenne (RIC)" or "RIC
    (Ralliement d'initiative citoyenne)", where the acronym spells the expansion's
    initials (small words may be skipped). An acronym the article defines two ways, or
    already a known actor (a gazetteer id), keeps its key."""
    expansions: dict[str, dict[str, M]] = defaultdict(dict)
    for mention in mentions:
        for acronym in _written_beside(mention, text):
            if spells(acronym, mention.key):
                expansions[entity_key(acronym)][mention.key] = mention
    chosen = {
        key: (found.key, found.type, found.canonical)
        for key, found in (
            (k, next(iter(f.values()))) for k, f in expansions.items() if len(f) == 1
        )
    }
    for mention in mentions:
        if _is_acronym(mention) and mention.key not in chosen:
            written = _contradicting_words(mention.name, text, known_acronyms())
            if written:
                label = written[:1].upper() + written[1:]
                chosen[mention.key] = (entity_key(written), ORGANISATION, label)
    chosen.update(_dotted_places(mentions))
    expanded = []
    for mention in mentions:
        expansion = chosen.get(mention.key)
        if expansion is not None and (
            _is_acronym(mention) or DOTTED_INITIALS.fullmatch(mention.name)
        ):
            key, type_, label = expansion
            mention = replace(mention, key=key, type=type_, canonical=label)  # type: ignore[type-var]
        expanded.append(mention)
    return expanded


def _dotted_places(mentions: Sequence[M]) -> dict[str, tuple[str, str, str]]:
    """ "B.C." in an article that names British Columbia: initials with dots that spell,
    one initial a word, the one place of the article they fit, are that place."""
    places = {m.key: m for m in mentions if m.type == "LOC"}
    found = {}
    for mention in mentions:
        if DOTTED_INITIALS.fullmatch(mention.name) is None:
            continue
        letters = mention.name.replace(".", "").lower()
        fits = [
            place
            for key, place in places.items()
            if key != mention.key and "".join(w[0] for w in key.split()) == letters
        ]
        if len(fits) == 1:
            found[mention.key] = (fits[0].key, fits[0].type, fits[0].canonical)
    return found


def _contradicting_words(acronym: str, text: str, known: KnownAcronyms) -> str:
    """The words no entity that an article defines a known acronym as, when they are not
    its known meaning: « le ralliement d'initiative citoyenne » (RIC) is the gilets jaunes'
    list, not the referendum the data knows RIC for; "" otherwise."""
    meanings = known.expansions.get(entity_key(acronym))
    if not meanings:
        return ""
    for match in re.finditer(rf"[(\[]\s*{re.escape(acronym)}\s*[)\]]", text):
        words = _WORD.findall(text, max(0, match.start() - _WORDS_REACH), match.start())
        for size in range(len(acronym), len(words) + 1):
            written = " ".join(words[-size:])
            if spells(acronym, entity_key(written)):
                return "" if entity_key(written) in meanings else written
    return ""


def _written_beside(mention: _Mentioned, text: str) -> list[str]:
    """The acronyms in brackets right after the mention ("Parti socialiste (PS)"), or
    right before the brackets the mention opens ("PS (Parti socialiste)")."""
    found = []
    after = _BRACKETED_AFTER.match(text, mention.end)
    if after:
        found.append(after.group(1))
    before = _BRACKETS_BEFORE.search(text, max(0, mention.start - _REACH), mention.start)
    if before:
        found.append(before.group(1))
    return found


def _is_acronym(mention: _Mentioned) -> bool:
    return ACRONYM.fullmatch(mention.name) is not None and entity_key(mention.name) == mention.key


def spells(acronym: str, key: str) -> bool:
    """Whether an acronym spells the initials of a name's key, in order, small words
    skipped or not ("LFI" and "FI" both spell "la france insoumise").

    >>> spells("CGT", "confederation generale du travail")
    True
    """
    letters = entity_key(acronym).replace(" ", "")
    words = key.split()
    if len(words) < 2:
        return False

    def match(i: int, j: int) -> bool:
        if i == len(letters):
            return all(w in _FILLERS for w in words[j:])
        if j == len(words):
            return False
        if words[j][0] == letters[i] and match(i + 1, j + 1):
            return True
        return words[j] in _FILLERS and match(i, j + 1)

    return match(0, 0)
