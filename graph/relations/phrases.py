"""Walks of the dependency tree that actor resolution and the stance readings share: the
clause a token belongs to, the prepositions marking it, a mention's root, the noun phrase
before a name and the apposition after it.

Pure functions of the parse, no article state: kept apart from graph.relations.actors,
which holds what an article says about its actors.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from graph.relations.endpoints import syntax

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token


#: Tokens looked at before a person's name for a national adjective ("le président
#: ukrainien Volodymyr Zelensky") and after it in an apposition (", porte-parole du
#: ministère russe des Affaires étrangères,").
AFFILIATION_WINDOW = 8


INDEFINITE = frozenset({"un", "une", "des", "a", "an", "some"})


def in_clause(token: Token, head: Token) -> bool:
    """Whether a token of head's subtree belongs to a relative or verbal clause of its own."""
    while token.i != head.i:
        if token.pos_ in ("VERB", "AUX") or token.dep_ in ("acl", "acl:relcl", "relcl"):
            return True
        token = token.head
    return False


def prepositions_of(token: Token) -> list[Token]:
    """The prepositions marking a token ("selon", "de"), not the articles the French model
    also calls case markers ("des organisations")."""
    return [
        c for c in token.children if c.dep_ == "case" and "Art" not in c.morph.get("PronType", [])
    ]


def root_of(tokens: list[Token]) -> Token:
    """The token of a mention the rest hangs on (its last one when the parse says none)."""
    inside = {t.i for t in tokens}
    return next((t for t in tokens if t.head.i not in inside), tokens[-1])


def indefinite(head: Token) -> bool:
    return any(child.dep_ == "det" and child.lower_ in INDEFINITE for child in head.children)


def own_phrase(head: Token) -> set[int]:
    """A role description's tokens, without the phrases coordinated with it ("du secrétaire
    d'État Mike Pompeo et du conseiller …, John Bolton")."""
    conjunct = syntax(head.doc.lang_).get("conjunct", frozenset({"conj"}))
    others = {t.i for c in head.subtree if c.dep_ in conjunct and c.i != head.i for t in c.subtree}
    return {t.i for t in head.subtree} - others


def noun_phrase_before(doc: Doc, first: int) -> list[Token]:
    """ "la ministre nord-coréenne des Affaires étrangères" before a name, nearest first,
    stopping at a verb or punctuation."""
    tokens: list[Token] = []
    if first > 0 and doc[first - 1].text == ",":
        first -= 1  # "le président de l'Assemblée nationale, Richard Ferrand"
    for index in range(first - 1, max(-1, first - 1 - AFFILIATION_WINDOW), -1):
        token = doc[index]
        if token.pos_ in ("VERB", "AUX") or (token.is_punct and token.text != "-"):
            break
        tokens.append(token)
    return tokens


def apposition_after(doc: Doc, last: int) -> Span:
    """ ", porte-parole du ministère russe," : the words after a name, up to the next comma;
    none when a relative clause or a verb opens there (", whose book contradicts the
    president's account", ", qui a critiqué le président", ", a accusé le Premier ministre":
    the role words there are someone else's)."""
    if last + 2 >= len(doc) or doc[last + 1].text != "," or _relative(doc[last + 2]):
        return doc[0:0]
    if doc[last + 2].pos_ in ("VERB", "AUX"):
        return doc[0:0]  # "Bart De Wever, a accusé le Premier ministre": what he did
    end = last + 2
    while end < len(doc) and end - last <= AFFILIATION_WINDOW and doc[end].text not in ",;.":
        end += 1
    return doc[last + 2 : end]


def _relative(token: Token) -> bool:
    return "Rel" in token.morph.get("PronType", []) or token.tag_ in ("WP", "WP$", "WDT")


def under_a_preposition(token: Token, head: Token) -> bool:
    """Whether a token of a noun phrase sits in a prepositional complement of it."""
    current = token
    while current.i != head.i and current.head.i != current.i:
        # "du", "des" are tagged articles, and are prepositions on a noun's complement
        on_a_noun = current.dep_ == "nmod" and any(c.dep_ == "case" for c in current.children)
        if current.dep_ == "pobj" or on_a_noun or prepositions_of(current):
            return True
        current = current.head
    return False
