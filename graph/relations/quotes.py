"""Quotations: which tokens of a parsed article are inside quotation marks.

Both stance layers need it (the rules to tell the one quoted from the one quoting, the
model's features to tell a quotation's boundary), so it is computed once per article, by
`Actors.quoted`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

#: The marks when a language's syntax.toml names none.
_OPENING = frozenset({"«"})
_CLOSING = frozenset({"»"})


def quoted_tokens(doc: Doc, deps: dict[str, frozenset[str]]) -> frozenset[int]:
    """The tokens inside a quotation, followed across sentences within a paragraph (a quote
    may run over several sentences before "», a réagi X"). A paragraph whose quotation marks
    do not balance is read sentence by sentence instead, so a stray mark cannot quote it
    whole."""
    quoted: set[int] = set()
    for paragraph in _paragraphs(doc):
        inside, balanced = _quoted_in(paragraph, deps)
        if balanced:
            quoted |= inside
            continue
        in_paragraph = {t.i for t in paragraph}
        for sentence in _sentences_of(paragraph):
            quoted |= _quoted_in([t for t in sentence if t.i in in_paragraph], deps)[0]
    return frozenset(quoted)


def _sentences_of(tokens: list[Token]) -> list[Span]:
    """The sentences of tokens in text order, each once: `token.sent` is looked up only
    where a token lies past the sentence before (spaCy searches for a token's sentence on
    each read)."""
    sentences: list[Span] = []
    for token in tokens:
        if not sentences or not sentences[-1].start <= token.i < sentences[-1].end:
            sentences.append(token.sent)
    return list({sentence.start: sentence for sentence in sentences}.values())


def _paragraphs(doc: Doc) -> list[list[Token]]:
    paragraphs: list[list[Token]] = [[]]
    for token in doc:
        if "\n" in token.text:
            paragraphs.append([])
            continue
        paragraphs[-1].append(token)
        if "\n" in token.whitespace_:
            paragraphs.append([])
    return [p for p in paragraphs if p]


def _quoted_in(tokens: list[Token], deps: dict[str, frozenset[str]]) -> tuple[set[int], bool]:
    """The quoted tokens of a run of tokens, and whether its marks balance. A closing mark
    with nothing open before it closes a quotation opened earlier: what precedes it is
    quoted."""
    inside: set[int] = set()
    depth = 0
    straight_open = False
    for token in tokens:
        side = quote_side(token, deps)
        if side == "close" and depth == 0 and not straight_open:
            inside |= {t.i for t in tokens if t.i < token.i}
        if side == "open":
            depth += 1
        elif side == "close":
            depth = max(0, depth - 1)
        elif side == "either":
            straight_open = not straight_open
        elif depth or straight_open:
            inside.add(token.i)
    return inside, depth == 0 and not straight_open


def quote_side(token: Token, deps: dict[str, frozenset[str]]) -> str:
    """ "open", "close", "either" (a straight quote the tagger could not place) or ""."""
    opening = token.text in deps.get("quote_open", _OPENING)
    closing = token.text in deps.get("quote_close", _CLOSING)
    if opening and closing:
        side = token.morph.get("PunctSide", [])
        return "open" if "Ini" in side else "close" if "Fin" in side else "either"
    return "open" if opening else "close" if closing else ""
