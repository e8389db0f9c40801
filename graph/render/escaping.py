"""Putting untrusted article text into the page without letting it become markup or code.

Labels, aliases, sentences, titles and URLs all come from scraped articles. HTML text and
attributes are escaped by Jinja's autoescape; the two places it cannot help are handled here:
data handed to JavaScript (a JSON block) and URLs turned into links.
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import urlsplit

from markupsafe import Markup

#: Replaced one after the other (str.replace is far faster than str.translate on the
#: hundreds of megabytes of a large report).
_SCRIPT_UNSAFE = (
    ("<", "\\u003c"),  # no "</script>" or "<!--" can close or confuse the script element
    (">", "\\u003e"),
    ("&", "\\u0026"),
    ("\u2028", "\\u2028"),  # line separators end a JavaScript string in older engines
    ("\u2029", "\\u2029"),
)


def script_json(value: Any) -> Markup:
    """JSON for a ``<script type="application/json">`` block, read back with ``JSON.parse``.

    The characters that could end the element are written as ``\\u`` escapes, which JSON
    decodes back to the same text, so the data round-trips exactly.

    >>> str(script_json({"label": "</script>"}))
    '{"label":"\\\\u003c/script\\\\u003e"}'
    """
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    for unsafe, escape in _SCRIPT_UNSAFE:
        text = text.replace(unsafe, escape)
    return Markup(text)


def is_web_url(url: str) -> bool:
    """True for an absolute http(s) URL with a host: the only URLs the report turns into links.

    >>> is_web_url("https://www.lemonde.fr/a.html"), is_web_url("javascript:alert(1)")
    (True, False)
    """
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return False
    return parts.scheme.lower() in {"http", "https"} and bool(parts.netloc)
