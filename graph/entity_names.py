"""Whether an entity span names an actor, and the name it gives: the span trimmed of
determiners, prepositions, titles and edge punctuation, checked against junk and role words,
cleaned of quotes.

One question asked of every NER span and of the pieces graph.known_actors cuts them into;
apart because it is about the words of a name, not about which actor it is.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from graph.gazetteer import ADJECTIVE, CAPITAL, DEMONYM, NAME_KINDS, Gazetteer
from graph.langdata import COMMON, data_patterns, data_words
from graph.names import entity_key

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


_PHRASE_OPENERS = frozenset({"«", "“", '"', "(", ":", "—", "–", "-", ".", "!", "?", "…"})


_PUNCT_EDGES = "«»\"'“”‘’()[]{}.,;:!?…-–—·*/\\|"


def trim_name(span: Span, lang: str, entity_type: str, gazetteer: Gazetteer | None) -> Span | None:
    """The span without leading determiners/prepositions/titles and edge punctuation.

    A capitalised determiner is kept ("Le Pen", "Les Républicains") unless what follows is
    a known actor ("La France" at the start of a sentence).
    """
    strip = data_words(lang, "strip_words.txt")
    titles: frozenset[str] = frozenset()
    if entity_type == "PER":
        titles = data_words(lang, "titles.txt") | data_words(lang, "role_words.txt")
    start, end = span.start, span.end
    doc = span.doc
    if _article_of_known_name(span, strip, lang, gazetteer):
        start -= 1  # "a remercié Les Républicains": NER left the name's article out
    while end - start > 1 and (
        _strippable(doc[start], strip, titles)
        or _determiner_before_known(doc[start], doc[start + 1 : end], strip, lang, gazetteer)
        or _sentence_article(doc[start], end - start - 1, lang)
    ):
        start += 1
    while end > start and doc[start].text in _PUNCT_EDGES:
        start += 1
    while end > start and (doc[end - 1].text in _PUNCT_EDGES or doc[end - 1].lower_ == "'s"):
        end -= 1
    while end - start > 1 and _trailing_nationality(doc[end - 1], lang, gazetteer):
        end -= 1  # "Hezbollah libanais", "Mouvement 5 étoiles italien"
    return doc[start:end] if end > start else None


def _trailing_nationality(token: Token, lang: str, gazetteer: Gazetteer | None) -> bool:
    if gazetteer is None or not token.text[:1].islower():
        return False
    return gazetteer.lookup(token.text, lang, frozenset({ADJECTIVE})) is not None


def _article_of_known_name(
    span: Span, strip: frozenset[str], lang: str, gazetteer: Gazetteer | None
) -> bool:
    """Whether the capitalised article just before a span is the first word of a name the
    gazetteer knows with it ("Les Républicains", "La République en marche"), which NER cut
    off. ("La France" is trimmed again: "France" is known without it.)"""
    if gazetteer is None or span.start == 0:
        return False
    article = span.doc[span.start - 1]
    if not article.text[:1].isupper() or article.lower_ not in strip:
        return False
    return gazetteer.lookup(f"{article.text} {span.text}", lang, NAME_KINDS) is not None


def _determiner_before_known(
    token: Token, rest: Span, strip: frozenset[str], lang: str, gazetteer: Gazetteer | None
) -> bool:
    if gazetteer is None or token.text.casefold() not in strip:
        return False
    # "The White House said", "Le Kremlin a démenti": a seat is written with its article
    return gazetteer.lookup(rest.text, lang, NAME_KINDS | {CAPITAL}) is not None


def _sentence_article(token: Token, rest: int, lang: str) -> bool:
    """ "The American Civil Liberties Union sued…": an article a sentence opens with, before
    a name of two words or more, is no part of it in a language whose names seldom take one
    (sentence_articles.txt: English; "The Hague", "The Guardian" keep theirs). French
    names do ("Les Républicains", "La France insoumise", "Le Pen")."""
    return (
        rest >= 2
        and token.text[:1].isupper()
        and _opens_a_sentence(token)
        and token.lower_ in data_words(lang, "sentence_articles.txt")
    )


#: What a sentence may end with before the next one opens (the parser does not always split
#: after a closing quote: '…"meritless claims." The Justice Department said').
_SENTENCE_ENDS = frozenset({".", "!", "?", '"', "”", "»", "'", "’", ":"})


def _opens_a_sentence(token: Token) -> bool:
    if token.i == 0 or token.is_sent_start:
        return True
    previous = token.doc[token.i - 1]
    return previous.is_space or previous.text in _SENTENCE_ENDS


def _strippable(token: Token, strip: frozenset[str], titles: frozenset[str]) -> bool:
    lowered = token.text.casefold().replace("’", "'")
    if lowered in titles:
        return True
    elided = lowered.endswith("'")
    return lowered in strip and (elided or token.text[:1].islower())


def is_name(span: Span, lang: str, entity_type: str, gazetteer: Gazetteer | None) -> bool:
    """Whether a trimmed span names an actor: not junk, not a handle or hashtag, not a bare
    role description ("Premier ministre"), not a common word that opens a sentence."""
    text = span.text
    if sum(ch.isalpha() for ch in text) < 2 or text[:1] in "@#":
        return False
    if entity_key(text) in not_entity_keys(lang):
        return False
    if any(p.fullmatch(text) for p in data_patterns(lang, "not_entity_patterns.txt")):
        return False  # "D-Calif." after a US politician's name
    if gazetteer is not None and gazetteer.lookup(text, lang, NAME_KINDS | {DEMONYM}):
        return True
    first = span[0].text
    roles = data_words(lang, "role_words.txt")
    if first.casefold() in roles and (entity_type != "PER" or len(span) == 1):
        return False  # "le Président a désavoué …" is a role, resolved as one, not a name
    if first[:1].islower():
        if entity_type == "PER" and first.casefold() in data_words(COMMON, "name_particles.txt"):
            return any(t.text[:1].isupper() for t in span[1:])  # "von der Leyen", "de Villepin"
        return entity_type == "ORG" and any(ch.isupper() for ch in text)
    return _looks_like_a_name(span)


def _looks_like_a_name(span: Span) -> bool:
    """A proper noun, a capital letter not explained by the start of a sentence, or an
    acronym. What spaCy tags at the start of a sentence ("Approche", "Agriculture") has none
    of these, unless the same word is capitalised mid-sentence elsewhere in the article."""
    if any(token.pos_ in ("PROPN", "X") for token in span):
        return True
    if any(token.text[:1].isupper() for token in span[1:]):
        return True
    if any(token.text.isupper() and len(token.text) > 1 for token in span):
        return True
    first = span[0]
    if not _opens_a_phrase(first):
        return True
    return any(
        token.text == first.text and not _opens_a_phrase(token)
        for token in span.doc
        if token.i != first.i
    )


def _opens_a_phrase(token: Token) -> bool:
    """Where a capital letter says nothing: a sentence's or a quotation's first word."""
    if token.is_sent_start or token.i == 0:
        return True
    return token.doc[token.i - 1].text in _PHRASE_OPENERS


@lru_cache(maxsize=8)
def not_entity_keys(lang: str) -> frozenset[str]:
    words = data_words(COMMON, "not_entities.txt") | data_words(lang, "not_entities.txt")
    return frozenset(entity_key(word) for word in words)


def clean_name(text: str) -> str:
    """The surface form with quotes cut off, an editor's brackets dropped, spaces collapsed.

    A quotation completed by the paper ("Si (le président français Emmanuel) Macron parle",
    "avec (François) Hollande") leaves a bracket inside the name NER finds; the name is the
    same person's, so an unpaired bracket goes and "Emmanuel) Macron" is "Emmanuel Macron".
    A paired one stays: "Rassemblement national (RN)"."""
    for quote in '«»"“”':
        text = text.split(quote)[0] if text.find(quote) > 0 else text.replace(quote, "")
    name = " ".join(_without_unpaired_brackets(text).split()).lstrip(_PUNCT_EDGES + " ")
    paired = "(" in name and name.count("(") == name.count(")")
    return name.rstrip(_PUNCT_EDGES.replace(")", "") + " " if paired else _PUNCT_EDGES + " ")


def _without_unpaired_brackets(text: str) -> str:
    for opening, closing in ("()", "[]"):
        if text.count(opening) != text.count(closing):
            text = text.replace(opening, " ").replace(closing, " ")
    return text
