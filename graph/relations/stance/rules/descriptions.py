"""Whether a word in a stance's complement only describes or titles someone rather than
naming whom the stance is aimed at: a place before a role ("the Texas governor"), an
institution in a person's title ("Senate Majority Leader Mitch McConnell"), a post ("backs
Dunmore for Labour leader"); and whom an attack noun is aimed at ("les frappes russes
contre l'Ukraine"). Apart from graph.relations.stance.rules.grammar to keep each module
small; every reading inherits both."""

from __future__ import annotations

from typing import TYPE_CHECKING

from graph.relations.stance.rules.grammar import Grammar

if TYPE_CHECKING:
    from spacy.tokens import Token


#: Words between an institution and the name whose title it opens ("Senate Majority Leader
#: Mitch McConnell": four).
TITLE_REACH = 5


class Descriptions(Grammar):
    """Words that describe or title an actor, and the victims of attack nouns."""

    def _describing(self, token: Token) -> bool:
        """ "praised the Texas governor", "the former England and Yorkshire captain": a
        place named before a role says whose role it is; the cue aims at the person."""
        if self.actors.mention_at(token) is None:
            return False
        current = token  # "England and Yorkshire": the first place of a list tells
        while current.dep_ in self.deps.get("conjunct", ()) and current.head.i != current.i:
            current = current.head
        first = self.actors.mention_at(current)
        head = current.head
        return (
            first is not None
            and first.type == "LOC"
            and current.dep_ in ("compound", "amod", "nmod")
            and current.i < head.i
            and self.actors.is_role_noun(head)
            and self.actors.mention_at(head) is None
        )

    def _in_a_post(self, token: Token) -> bool:
        """ "backs Dunmore for Labour leader", "soutient X comme candidat de LR": a role noun
        with no determiner after "for"/"as" names the post, and the body in it whose post
        it is; neither is whom the stance is aimed at."""
        role = token if self.actors.is_role_noun(token) else token.head
        if role.i != token.i and token.dep_ not in ("compound", "amod", "nmod", "flat:name"):
            return False
        if not self.actors.is_role_noun(role):
            return False
        if any(c.dep_.startswith("det") for c in role.children):
            return False
        preposition = role.head if role.head.pos_ == "ADP" else None
        cases = [c.lower_ for c in role.children if c.dep_ == "case"]
        posts = self.deps.get("post_prepositions", frozenset())
        return (preposition is not None and preposition.lower_ in posts) or any(
            c in posts for c in cases
        )

    def _in_a_persons_title(self, token: Token) -> bool:
        """ "breaking with Senate Majority Leader Mitch McConnell", "House Speaker Nancy
        Pelosi": an institution named in the title before a person's name says what the
        person leads; the person is the target, not the Senate."""
        mention = self.actors.mention_at(token)
        if mention is None or mention.type == "PER":
            return False
        current = token
        for _ in range(TITLE_REACH):
            if current.dep_ != "compound" or current.head.i <= current.i:
                return False
            current = current.head
            above = self.actors.mention_at(current)
            if above is not None and above.type == "PER":
                return True
        return False

    def _victim_heads(self, noun: Token) -> list[Token]:
        """The heads of the phrases naming whom an attack noun is aimed at ("contre
        l'Ukraine", "the invasion of Ukraine": attack_nouns.tsv); English hangs the victim on
        its preposition, French hangs the preposition on the victim."""
        wanted = self.lexicon.attack_nouns.get(noun.lemma_.casefold())
        if not wanted or noun.pos_ != "NOUN":
            return []
        objects = self.deps.get("preposition_object", frozenset())
        prepositions = self.deps.get("preposition", frozenset())
        heads: list[Token] = []
        for phrase in noun.children:
            if not set(self._introducers(phrase)) & wanted:
                continue
            if phrase.dep_ in prepositions:
                heads.extend(c for c in phrase.children if c.dep_ in objects)
            else:
                heads.append(phrase)
        return heads
