"""The CSS and JavaScript inlined into every page: vis-network's bundle and our own files.

Everything is inlined so the report is one file that opens offline, from file:// or inside an
iframe ``srcdoc``. The Content-Security-Policy of the page allows exactly these scripts (by
hash) and no network access at all, so a mistake anywhere else cannot load or run anything.
"""

from __future__ import annotations

import base64
import hashlib
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from importlib.resources.abc import Traversable

VIS_FOLDER = ("lib", "vis-9.1.2")
OUR_SCRIPTS = (
    "data.js",
    "panel.js",
    "focus.js",
    "timeline.js",
    "graph.js",
    "labels.js",
    "camps.js",
    "ego.js",
    "curation.js",
    "tables.js",
)
OUR_STYLES = ("report.css",)

_SOURCE_MAP = re.compile(r"^\s*//# sourceMappingURL=\S*\s*$", re.MULTILINE)
_SCRIPT_END = re.compile(r"</script|<!--", re.IGNORECASE)
_STYLE_END = re.compile(r"</style", re.IGNORECASE)


@dataclass(frozen=True)
class Assets:
    """Inline CSS, inline scripts in load order, and the CSP that admits only those scripts."""

    css: str
    scripts: tuple[str, ...]

    @property
    def content_security_policy(self) -> str:
        """No fetches of any kind; scripts only if they are exactly the ones we inlined."""
        hashes = " ".join(f"'sha256-{_sha256(script)}'" for script in self.scripts)
        return (
            "default-src 'none'; "
            f"script-src {hashes}; "
            "style-src 'unsafe-inline'; "
            "img-src data: blob:; "
            "base-uri 'none'; form-action 'none'"
        )


@lru_cache(maxsize=1)
def load_assets() -> Assets:
    """Read the bundled files once per process (they never change while running)."""
    vis = resources.files("pyvis").joinpath(*VIS_FOLDER)
    static = resources.files("graph.render").joinpath("static")
    css = [_read(vis.joinpath("vis-network.css"))]
    css += [_read(static.joinpath(name)) for name in OUR_STYLES]
    scripts = [_SOURCE_MAP.sub("", _read(vis.joinpath("vis-network.min.js")))]
    scripts += [_read(static.joinpath(name)) for name in OUR_SCRIPTS]
    for script in scripts:
        _refuse(_SCRIPT_END, script, "script")
    joined_css = "\n".join(css)
    _refuse(_STYLE_END, joined_css, "style")
    return Assets(css=joined_css, scripts=tuple(scripts))


def _read(resource: Traversable) -> str:
    # The HTML parser turns CRLF into LF before the browser hashes a script: do it first.
    return resource.read_text(encoding="utf-8").replace("\r\n", "\n").replace("\r", "\n")


def _refuse(pattern: re.Pattern[str], text: str, element: str) -> None:
    if pattern.search(text):
        raise RuntimeError(
            f"an asset contains {pattern.pattern!r}, which would end its <{element}> element "
            "early; check the installed pyvis version (0.3.2 expected) and graph/render/static"
        )


def _sha256(text: str) -> str:
    return base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")
