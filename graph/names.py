"""Name normalisation shared by every stage that compares names."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_KEY_SEPARATORS = re.compile(r"[\s\-‐‑‒–—_'’`´.]+")
#: Distinct texts whose key (and fold) is remembered: the gazetteer scan folds every
#: token and the stance readings look most words up, and words recur across articles.
_KEYS_REMEMBERED = 1 << 16


@lru_cache(maxsize=_KEYS_REMEMBERED)
def entity_key(name: str) -> str:
    """The identity of a name: case-folded, accents removed, separators unified.

    >>> entity_key("Sergueï Lavrov") == entity_key("SERGUEI  LAVROV")
    True
    >>> entity_key("Nord-Coréen")
    'nord coreen'
    """
    return key_of_folded(fold(name))


@lru_cache(maxsize=_KEYS_REMEMBERED)
def fold(text: str) -> str:
    """The character-by-character half of `entity_key`: case-folded, accents removed.

    It maps each character on its own (combining marks, the only characters Unicode
    reorders, are all dropped), so the fold of a text is the fold of its pieces joined:
    a scan can fold each token once and key any run of tokens with `key_of_folded`.

    >>> fold("Nord-Coréen") == fold("Nord") + fold("-") + fold("Coréen")
    True
    """
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def key_of_folded(folded: str) -> str:
    """The `entity_key` of a text whose `fold` is `folded`: separators unified and trimmed."""
    return _KEY_SEPARATORS.sub(" ", folded).strip()
