"""Name normalisation shared by every stage that compares names."""

from __future__ import annotations

import re
import unicodedata

_KEY_SEPARATORS = re.compile(r"[\s\-‐‑‒–—_'’`´.]+")


def entity_key(name: str) -> str:
    """The identity of a name: case-folded, accents removed, separators unified.

    >>> entity_key("Sergueï Lavrov") == entity_key("SERGUEI  LAVROV")
    True
    >>> entity_key("Nord-Coréen")
    'nord coreen'
    """
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _KEY_SEPARATORS.sub(" ", plain).strip()
