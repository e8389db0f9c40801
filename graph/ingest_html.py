"""HTML pages: the main text and metadata (trafilatura), whatever the nesting depth or size.

libxml2, which parses the page for trafilatura, stops building the tree past 256 nested
elements and silently drops the rest of the page. A page nested that deeply is first
rewritten with every element past MAX_DEPTH dropped and its text kept where it was (a
streaming, non-recursive pass), so the whole text reaches the extractor. If the parser
still gives up, the loss is reported, never silent.

trafilatura's time and memory grow with the page (about 7 s and 30 MB a megabyte: a 45 MB
page took 276 s and 1.35 GB), and no article's page is that large. A page over
MAX_EXTRACTED_CHARS gets a streaming pass instead (html.parser: memory bounded by the text
it keeps) that keeps all its visible text, with a warning saying so.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from html import escape
from html.parser import HTMLParser

import lxml.html

#: Nesting depth kept as elements (libxml2 stops at 256; headroom for its own counting).
MAX_DEPTH = 200
DEPTH_LOSS = (
    "HTML nested too deeply for the parser even after flattening: text past "
    "the 256th nested element may be missing"
)
#: Characters of HTML above which trafilatura is not used (see the module docstring).
MAX_EXTRACTED_CHARS = 5 * 1024 * 1024
#: Elements whose content is never visible text.
_INVISIBLE = frozenset({"script", "style", "noscript", "template", "svg"})
#: `<meta name="generator" content="newsgraph">`: the head of our own report.
_OUR_REPORT = re.compile(
    r"<meta\s+name=[\"']?generator[\"']?\s+content=[\"']?newsgraph\b", re.IGNORECASE
)
_VOID = frozenset(
    "area base br col embed hr img input link meta param source track wbr".split()  # noqa: SIM905
)
#: Elements whose end is a line break in the text: kept as <br> when flattened away.
_BLOCKS = frozenset(
    "address article aside blockquote dd div dl dt figcaption figure footer h1 h2 h3 h4 h5 "  # noqa: SIM905
    "h6 header li main nav ol p pre section table td th tr ul".split()
)


@dataclass(frozen=True)
class PageText:
    """The main text of a page, its metadata, and what was lost reading it ("" if none)."""

    text: str
    meta: dict[str, str] = field(default_factory=dict)
    loss: str = ""


def is_our_report(html: str) -> bool:
    """Whether the page is a report written by newsgraph (an output, not an article)."""
    return bool(_OUR_REPORT.search(html[:4096]))


def page_text(html: str) -> PageText:
    """The article body and metadata of an HTML page, boilerplate removed by trafilatura.

    trafilatura rejects a fragment that does not say `html` near its start (a bare
    `<p>…</p>` saved from a scraper), so such soup is wrapped in a page first.
    """
    if len(html) > MAX_EXTRACTED_CHARS:
        return visible_text(html)
    if "html" not in html[:50].lower():
        html = f"<html><body>{html}</body></html>"
    loss = ""
    if _too_deep(html):
        html = flatten(html, MAX_DEPTH)
        loss = DEPTH_LOSS if _too_deep(html) else ""
    import trafilatura  # imported by the first page read: commands that read none skip it

    document = trafilatura.bare_extraction(html, include_comments=False, with_metadata=True)
    if document is None:
        return PageText("", loss=loss)
    values = document.as_dict() if hasattr(document, "as_dict") else dict(document)
    meta = {key: str(values.get(key) or "") for key in ("title", "date", "url")}
    # The outlet: the site's own name when the page gives one, else its host name
    # (trafilatura reads it from the canonical URL or og:url).
    meta["source"] = str(values.get("sitename") or values.get("hostname") or "")
    return PageText(str(values.get("text") or ""), meta, loss)


def visible_text(html: str) -> PageText:
    """All the visible text of a page too large for trafilatura, and its `<title>`, in one
    streaming pass; the warning says that boilerplate was kept with it.

    >>> visible_text("<title>T</title><p>a</p><script>x()</script><p>b</p>").text
    'a\\nb'
    """
    reader = _VisibleText()
    for start in range(0, len(html), _FEED_CHARS):
        reader.feed(html[start : start + _FEED_CHARS])
    reader.close()
    lines = (" ".join(line.split()) for line in "".join(reader.parts).split("\n"))
    warning = (
        f"page of {len(html):,} characters, over the {MAX_EXTRACTED_CHARS:,} the main-text "
        "extractor reads in reasonable time: all its visible text was kept, menus and "
        "other boilerplate included"
    )
    meta = {"title": " ".join("".join(reader.title).split())}
    return PageText("\n".join(line for line in lines if line), meta, warning)


#: Characters handed to html.parser at a time.
_FEED_CHARS = 1024 * 1024


class _VisibleText(HTMLParser):
    """The text of a page in document order, a line break at each block, without what is
    never shown (scripts, styles); event-driven, so neither depth nor size can stop it."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title: list[str] = []
        self._hidden = 0
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _INVISIBLE:
            self._hidden += 1
        elif tag == "title":
            self._in_title = True
        elif tag in _BLOCKS or tag == "br":
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _INVISIBLE:
            self._hidden = max(0, self._hidden - 1)
        elif tag == "title":
            self._in_title = False
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title.append(data)
        elif not self._hidden:
            self.parts.append(data)


def _too_deep(html: str) -> bool:
    """Whether libxml2 gives up on the page's depth (it says so in its error log)."""
    if html.count("<") < 256:
        return False
    parser = lxml.html.HTMLParser()
    try:
        lxml.html.document_fromstring(html, parser=parser)
    except (ValueError, lxml.etree.ParserError):  # not ours to judge: trafilatura will
        return False
    return any("Excessive depth" in entry.message for entry in parser.error_log)


def flatten(html: str, max_depth: int) -> str:
    """The page with elements nested deeper than `max_depth` dropped, their text kept.

    >>> flatten("<div><div><p>a</p></div></div>", 2)
    '<div><div><br>a<br></div></div>'
    """
    flattener = _Flattener(max_depth)
    flattener.feed(html)
    flattener.close()
    return "".join(flattener.parts)


class _Flattener(HTMLParser):
    """Re-emits a page as it streams by, keeping at most `max_depth` open elements.

    html.parser is event-driven (no recursion, no depth limit). An end tag closes the
    nearest open element of its name, as browsers do; a stray one is ignored.
    """

    def __init__(self, max_depth: int) -> None:
        super().__init__(convert_charrefs=True)
        self.max_depth = max_depth
        self.parts: list[str] = []
        self._open: list[tuple[str, bool]] = []
        self._names: Counter[str] = Counter()
        self._depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _VOID:
            self.handle_startendtag(tag, attrs)
            return
        kept = self._depth < self.max_depth
        self._open.append((tag, kept))
        self._names[tag] += 1
        if kept:
            self._depth += 1
            self.parts.append(_start_tag(tag, attrs))
        elif tag in _BLOCKS:
            self._break()

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.parts.append(_start_tag(tag, attrs) if self._depth < self.max_depth else " ")

    def handle_endtag(self, tag: str) -> None:
        if not self._names[tag]:
            return
        while self._open:
            name, kept = self._open.pop()
            self._names[name] -= 1
            if kept:
                self._depth -= 1
                self.parts.append(f"</{name}>")
            elif name in _BLOCKS:
                self._break()
            if name == tag:
                return

    def _break(self) -> None:
        """A line break where a block was dropped; one for a run of them (a page nested
        thousands deep would otherwise give the extractor thousands of empty lines)."""
        if not self.parts or self.parts[-1] != "<br>":
            self.parts.append("<br>")

    def handle_data(self, data: str) -> None:
        self.parts.append(escape(data, quote=False))


def _start_tag(tag: str, attrs: list[tuple[str, str | None]]) -> str:
    shown = "".join(
        f" {name}" if value is None else f' {name}="{escape(value)}"' for name, value in attrs
    )
    return f"<{tag}{shown}>"
