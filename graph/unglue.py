"""Words scraping glued together, split again: "d'AnnecyEmmanuel Macron" → "d'Annecy Emmanuel
Macron".

A heading, a dateline or a photo credit written on its own line often reaches us glued to
the paragraph after it, with no space: "AnnecyEmmanuel Macron a choisi…", "ParisFabrice est
un gilet jaune", "MacronIci…", "Getty ImagesThe…". NER then reads "AnnecyEmmanuel Macron" as
one name. Such a token has a lower-case letter followed by a capital, and both halves are
words we know:

- the left half is a capitalised word (at least MIN_LEFT letters) the text also writes on its
  own ("Annecy" in "les gilets jaunes d'Annecy"), or a given name; it is no name beginning
  written with an inner capital ("MacArthur", "DeShawn": `common/glued_name_prefixes.txt`,
  `common/name_particles.txt`);
- the right half is a given name (`common/first_names.tsv`), or a word the text writes in
  lower case elsewhere ("MacronAvertissement": "avertissement").

Three glues are told by their shape alone, whatever the rest of the text says: a word that
only opens sentences after any capitalised word ("PerpignanLa ville", "FranceC'est":
`<lang>/sentence_openers.txt`, function words no brand ends with), a given name
starting a full name ("AnnecyEmmanuel Macron", "SursisEmmanuel Macron": the right half is a
given name and a capitalised word follows the token), and a capitalised word after the end
of a photo credit ("Getty ImagesThousands of protesters", "Video: ReutersFirefighters":
`common/credit_words.txt`).

The halves are parted by a space, not the line break the page had: on seven glued names of
the bulk corpus, spaCy's NER found five after a space and three after a line break
(it misses "Dominique Reynié" and "Thomas Barnouin" opening a line after a fragment), and
the two a space lets it glue ("Paris Fabrice") are one-article nodes.

Brand names stay whole: in "YouTube", "WhatsApp" or "OpinionWay" one half is never a word
of the text on its own. Handles, hashtags and addresses (a token with #, @, "www", "http" or a
dot inside) are never split: "#GiletsJaunes" names a movement.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from graph.langdata import COMMON, data_lines, data_words
from graph.names import entity_key

#: Shorter left halves are name beginnings ("Mc", "De", "Di") or abbreviations.
MIN_LEFT = 3
#: A right half counts as a word of the text when written in lower case elsewhere only from
#: this length ("Way" of OpinionWay and "way" in an English sentence are no proof).
MIN_LOWER_RIGHT = 4
_TOKEN = re.compile(r"\S+")
_WORDS = re.compile(r"[^\W\d_]+")
_TRANSITION = re.compile(r"(?<=[a-zà-ÿ])(?=[A-ZÀ-Þ])")
_NOT_PROSE = re.compile(r"[#@]|www|http|\.[^\W\d_]{2,}")
_NAME_AFTER = re.compile(r" [A-ZÀ-Þ][a-zà-ÿ]")


@dataclass(frozen=True)
class GlueWords:
    """The word lists the rule reads: given names, sentence openers, name beginnings."""

    first_names: frozenset[str]
    openers: frozenset[str]
    prefixes: frozenset[str]
    credits: frozenset[str] = frozenset()


@cache
def glue_words(lang: str) -> GlueWords:
    """The shipped lists for one language (read once)."""
    names = (line.partition("\t")[0] for line in data_lines(COMMON, "first_names.tsv"))
    prefixes = data_words(COMMON, "glued_name_prefixes.txt") | data_words(
        COMMON, "name_particles.txt"
    )
    return GlueWords(
        frozenset(n for n in names if n != "name"),
        data_words(lang, "sentence_openers.txt"),
        prefixes,
        data_words(COMMON, "credit_words.txt"),
    )


def unglue_words(text: str, lang: str) -> str:
    """The text with every glued token split where both halves are known words.

    >>> unglue_words("Les gilets jaunes d'Annecy. d'AnnecyEmmanuel Macron a parlé.", "fr")
    "Les gilets jaunes d'Annecy. d'Annecy Emmanuel Macron a parlé."
    >>> unglue_words("Une vidéo sur YouTube.", "fr")
    'Une vidéo sur YouTube.'
    """
    if not _TRANSITION.search(text):
        return text
    words = glue_words(lang)
    plain = _WORDS.findall(text)
    known = {w.casefold() for w in plain}
    lower = {w for w in plain if w.islower()}

    def split(match: re.Match[str]) -> str:
        token = match.group()
        if _NOT_PROSE.search(token):
            return token
        before_name = _NAME_AFTER.match(text, match.end()) is not None
        cuts = [
            cut.start()
            for cut in _TRANSITION.finditer(token)
            if _glued_at(token, cut.start(), before_name, words, known, lower)
        ]
        for cut in reversed(cuts):
            token = token[:cut] + " " + token[cut:]
        return token

    return _TOKEN.sub(split, text)


def _glued_at(
    token: str,
    cut: int,
    before_name: bool,
    words: GlueWords,
    known: set[str],
    lower: set[str],
) -> bool:
    """Whether the token is two known words glued at `cut` (`before_name`: a capitalised
    word follows the token)."""
    lefts = _WORDS.findall(token[:cut])
    right_run = token[cut:]
    right = _WORDS.match(right_run)
    if not lefts or right is None:
        return False  # "÷A": no word before the cut
    left = lefts[-1]
    if not _plain_word(left) or left.casefold() in words.prefixes:
        return False
    right_word = right.group()
    elided = right_run[len(right_word) : len(right_word) + 1] in ("'", "’")
    if left.casefold() in words.credits:
        return elided or right_word[1:].islower()
    given = entity_key(right_word) in words.first_names and right_word[1:].islower()
    if before_name and given and len(right_word) == len(right_run):
        return True  # "AnnecyEmmanuel Macron"
    if _opener(right_word, elided, words):
        return True
    known_left = entity_key(left) in words.first_names or left.casefold() in known
    return known_left and _known_right(right_word, words, lower)


def _plain_word(left: str) -> bool:
    """A capitalised word of at least MIN_LEFT letters, the rest in lower case."""
    return len(left) >= MIN_LEFT and left[0].isupper() and left[1:].islower()


def _opener(right: str, elided: bool, words: GlueWords) -> bool:
    """A word that opens sentences: "Les", "L'" (of "L'augmentation"), "C'est"."""
    if elided:
        return right.casefold() + "'" in words.openers
    return (len(right) == 1 or right[1:].islower()) and right.casefold() in words.openers


def _known_right(right: str, words: GlueWords, lower: set[str]) -> bool:
    """A given name, or a word written in lower case elsewhere ("Avertissement")."""
    if not right[1:].islower():
        return False
    if entity_key(right) in words.first_names:
        return True
    return len(right) >= MIN_LOWER_RIGHT and right.casefold() in lower
