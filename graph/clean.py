"""Scraping junk removal and text normalisation: pure functions from text to text.

The junk patterns are data (`graph/data/<lang>/junk_lines.txt`, `junk_inline.txt`); this module
only knows how to apply them. Cleaning never invents words: it drops lines and phrases, and it
changes spacing and quote characters.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable

from graph.langdata import data_lines, data_patterns
from graph.unglue import unglue_words

_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_INVISIBLE = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_QUOTES = str.maketrans(
    {"“": "«", "„": "«", "‟": "«", "”": "»", "‘": "'", "’": "'", "‚": "'", "‛": "'", "′": "'"}
)
_DOUBLED_CLOSING = re.compile(r"»(\s*»)+")
_DOUBLED_OPENING = re.compile(r"«(\s*«)+")
_GLUED_AFTER_CLOSING = re.compile(r"»(?=\w)")
_GLUED_BEFORE_OPENING = re.compile(r"(?<=[\w.!?;:,])«")
#: An embedded tweet's signature glued to its text: "… pic.twitter.com/x— Name (@handle)".
_GLUED_SIGNATURE = re.compile(r"(?<=\S)—\s*(?=[^\n—(]{1,60}\(@\w+\))")
_GLUED_SENTENCE = re.compile(
    r"(?:(?<=[a-zà-ÿ]{2}[.!?])|(?<=\b\d{4}[.!?])|(?<=[»\")][.!?]))(?=[A-ZÀ-Ý][a-zà-ÿ])"
)

#: A line that comes back in this share of a corpus's articles (and in at least
#: MIN_REPEATS of them) is site boilerplate, not news.
REPEATED_LINE_SHARE = 0.2
MIN_REPEATS = 4
#: Longer lines that repeat are shared wire copy: content, kept.
MAX_BOILERPLATE_WORDS = 12
#: A junk line is a teaser, a credit or a widget: a longer line is a paragraph, and a
#: paragraph that starts like junk ("À LIRE AUSSI …", "Photo : AFP. …") is content, kept.
MAX_JUNK_LINE_CHARS = 320
#: When every line of an article would go, those of at least this many words stay: a
#: one-line article that starts like a caption is news, a lone "Publicité" is not.
MIN_KEPT_WORDS = 6


def normalise_text(text: str) -> str:
    """Unicode NFC, one kind of space, `«»` quotes and `'` apostrophes, glued punctuation split.

    >>> normalise_text("“Victoire”a déclaré l’AFP")
    "« Victoire » a déclaré l'AFP"
    """
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROLS.sub(" ", _INVISIBLE.sub("", text)).translate(_QUOTES)
    text = _DOUBLED_CLOSING.sub("»", _DOUBLED_OPENING.sub("«", text))
    text = _GLUED_AFTER_CLOSING.sub("» ", _GLUED_BEFORE_OPENING.sub(" «", text))
    text = re.sub(r"«(?=\S)", "« ", text)
    text = re.sub(r"(?<=\S)»", " »", text)
    text = _GLUED_SENTENCE.sub(" ", text)
    text = _GLUED_SIGNATURE.sub(" — ", text)
    lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(lines)


def is_junk_line(line: str, lang: str) -> bool:
    """Whether a whole line is scraping junk for this language (or for any language).

    Only a line up to MAX_JUNK_LINE_CHARS long can be: a paragraph never is.
    """
    stripped = line.strip()
    if len(stripped) > MAX_JUNK_LINE_CHARS:
        return False
    return any(pattern.fullmatch(stripped) for pattern in data_patterns(lang, "junk_lines.txt"))


def remove_inline_junk(line: str, lang: str) -> str:
    """Drop the junk phrases (agency tags, glued ad breaks) found inside a line."""
    for pattern in data_patterns(lang, "junk_inline.txt"):
        line = pattern.sub(" ", line)
    return _SPACES.sub(" ", line).strip()


def clean_text(text: str, lang: str, boilerplate: frozenset[str] = frozenset()) -> str:
    """The article's text without junk lines, junk phrases or corpus boilerplate.

    Paragraphs stay one a line; empty lines are dropped; words scraping glued together
    are split again (graph.unglue: "d'AnnecyEmmanuel Macron"). Idempotent. Cleaning never removes
    a whole article: when every line would go as junk or boilerplate (a one-line article
    that starts like a caption, or the same short dispatch in many files), the lines of
    at least MIN_KEPT_WORDS words stay.

    >>> clean_text("Moscou a rejeté ces allégations.\\nLa suite après cette annonce\\n", "fr")
    'Moscou a rejeté ces allégations.'
    """
    lines = [remove_inline_junk(line, lang) for line in normalise_text(text).split("\n")]
    lines = [line for line in lines if line]
    kept = [line for line in lines if line not in boilerplate and not is_junk_line(line, lang)]
    if not kept:
        kept = [line for line in lines if len(line.split()) >= MIN_KEPT_WORDS]
    return _in_model_quotes(unglue_words("\n".join(kept), lang), lang)


def _in_model_quotes(text: str, lang: str) -> str:
    """Quotations in the marks the language's model reads best (`quotation_marks.txt`):
    English pipelines take « » for nouns and misparse the sentence, “ ” they know."""
    marks = data_lines(lang, "quotation_marks.txt")
    if len(marks) != 2:
        return text
    opening, closing = marks
    text = text.replace("« ", opening).replace(" »", closing)
    return text.replace("«", opening).replace("»", closing)


def find_boilerplate(texts: Iterable[str]) -> frozenset[str]:
    """Short lines repeated across many articles of one corpus (site furniture).

    A line counts once per article. It is boilerplate when it is at most
    MAX_BOILERPLATE_WORDS words long and appears in at least MIN_REPEATS articles and in at
    least REPEATED_LINE_SHARE of them.
    """
    counts: Counter[str] = Counter()
    total = 0
    for text in texts:
        total += 1
        lines = {line for line in normalise_text(text).split("\n") if line}
        counts.update(line for line in lines if len(line.split()) <= MAX_BOILERPLATE_WORDS)
    threshold = max(MIN_REPEATS, math.ceil(REPEATED_LINE_SHARE * total))
    return frozenset(line for line, count in counts.items() if count >= threshold)
