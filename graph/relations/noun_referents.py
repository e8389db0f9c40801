"""Who a role or group noun stands for: the person an article introduced with that role
("le ministre russe" after "Sergueï Lavrov, ministre russe des Affaires étrangères"), the
actor it introduced with a group noun ("le mouvement" after "le mouvement des gilets
jaunes"), or the one it names most ("ce mouvement", "the company"). A mixin of
graph.relations.actors.Actors, which holds the article's state read here (its mentions,
introductions, affiliations and genders).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from graph.entities import Mention
from graph.relations.endpoints import Endpoint, from_mention, syntax
from graph.relations.genders import gender_told_by, only_one_of_gender

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


#: What a noun may carry and still say nothing of which one it is: its article, the
#: possessive mark ("the company's"), punctuation.
BARE_NOUN_CHILDREN = frozenset({"det", "case", "punct"})


class NounReferents:
    """The noun questions of Actors: whether a word is a role, and whom a role or a group
    noun names."""

    doc: Doc
    lang: str
    mentions: list[Mention]
    roles: frozenset[str]
    role_prefixes: frozenset[str]
    #: person key → (entity keys, role words) they were introduced with
    introductions: dict[str, tuple[set[str], set[str]]]
    #: person key → the country key they were introduced with
    affiliation: dict[str, str]
    #: person key → "Masc"/"Fem" when the article tells
    gender: dict[str, str]
    #: anaphora noun → the actors (not people) introduced with it, in text order
    described: dict[str, list[Mention]]
    #: anaphora noun → the type of actor it stands for
    anaphora: dict[str, str]

    def _anaphor(self, token: Token) -> Endpoint | None:
        """ "ce mouvement", "ce pays": the entity of that type most mentioned so far; "le
        mouvement", "the company": the one the article introduced with that noun, or else,
        for a bare singular, the one it clearly names most; "ce dernier", "the latter": the
        actor named last."""
        words = syntax(self.lang)
        if token.lower_ in words.get("latter_words", ()) and token.dep_ != "amod":
            return self._named_last_before(token)
        wanted = self.anaphora.get(token.lemma_.casefold())
        if wanted is None or token.pos_ != "NOUN":
            return None
        determiners = [c.lower_ for c in token.children if c.dep_ in ("det", "case")]
        if not any(word in words.get("demonstratives", ()) for word in determiners):
            if any(word in words.get("definite_articles", ()) for word in determiners):
                if not self._bare(token):
                    return self._introduced_with(token)
                return self._introduced_with(token, later=True) or self._most_named(
                    token, wanted, True
                )
            return None
        return self._most_named(token, wanted, False)

    def _named_last_before(self, token: Token) -> Endpoint | None:
        """ "a réaffirmé son soutien à ce dernier", "thanked the latter": the person or
        organisation named last before the word, when an article or a demonstrative makes
        it a noun; not the subject of its own verb ("Pelosi thanked the latter")."""
        if not any(c.dep_ == "det" for c in token.children):
            return None
        subject = syntax(self.lang).get("subject", frozenset())
        own_subject = {c.idx for c in token.head.children if c.dep_ in subject}
        named = [
            m
            for m in self.mentions
            if m.type != "LOC"
            and m.end <= token.idx
            and not any(m.start <= i < m.end for i in own_subject)
        ]
        return from_mention(named[-1]) if named else None

    @staticmethod
    def _bare(noun: Token) -> bool:
        """A singular noun with nothing but its article to say which one it is ("the
        company", "la fédération"); not "le groupe RTL", "l'alliance rouge-verte", "les
        syndicats policiers": those name or count others."""
        plural = "Plur" in noun.morph.get("Number", [])
        return not plural and all(
            c.dep_ in BARE_NOUN_CHILDREN or _opens_a_clause(c) for c in noun.children
        )

    def _most_named(self, token: Token, wanted: str, clearly: bool) -> Endpoint | None:
        """The actor of type `wanted` named most often before `token` ("ce mouvement"); with
        `clearly`, only one named at least twice and more often than any other ("the
        company" in an article about Thames Water, which names its regulator less)."""
        counts: dict[str, int] = {}
        latest: dict[str, Mention] = {}
        for mention in self.mentions:
            if mention.type == wanted and mention.end <= token.idx:
                counts[mention.key] = counts.get(mention.key, 0) + 1
                latest[mention.key] = mention
        if not counts:
            return None
        ranked = sorted(counts, key=lambda key: (counts[key], latest[key].start), reverse=True)
        best = ranked[0]
        tied = len(ranked) > 1 and counts[ranked[1]] == counts[best]
        if clearly and (counts[best] < 2 or tied):
            return None
        return from_mention(latest[best])

    def is_role_noun(self, token: Token) -> bool:
        return token.pos_ == "NOUN" and token.lemma_.casefold() in self.roles

    def _introduced_with(self, noun: Token, later: bool = False) -> Endpoint | None:
        """ "the movement", "le mouvement": the last actor the article introduced with that
        noun ("the gilets jaunes movement", "le mouvement des gilets jaunes"), if any; with
        `later`, else the only one it describes so further on ("Thames Water, Britain's
        largest water company" at the end of an article that said "the company" before)."""
        described = self.described.get(noun.lemma_.casefold(), [])
        earlier = [m for m in described if m.start <= noun.idx]
        if earlier:
            return from_mention(earlier[-1])
        if later and len({m.key for m in described}) == 1:
            return from_mention(described[0])
        return None

    def _introduced_as(self, role: Token, entity: str) -> Endpoint | None:
        """The person last introduced before `role` with that role and entity ("le ministre
        russe" → the Russian minister named earlier; "la chroniqueuse" → the only person
        introduced as one)."""
        lemma = role.lemma_.casefold()
        prefix = [
            c.lemma_.casefold()
            for c in role.children
            if c.i < role.i and c.lemma_.casefold() in self.role_prefixes
        ]
        lemma = " ".join([*prefix, lemma])  # "the vice president", "le Premier ministre"
        candidates = []
        for mention in self.mentions:
            if mention.type != "PER" or mention.start >= role.idx:
                continue
            entities, roles = self.introductions.get(mention.key, (set(), set()))
            tied = entity and (entity in entities or self.affiliation.get(mention.key) == entity)
            if tied and (lemma in roles or not roles):
                candidates.append((2, mention))
            elif tied:
                candidates.append((1, mention))
            elif not entity and lemma in roles:
                candidates.append((0, mention))
        if not candidates and entity and self._an_organisation(entity):
            # "la polémiste d'RTL-TVI": a woman of that outlet, when only one is named
            person = only_one_of_gender(role, self.lang, self.mentions, self.gender)
            known = self.affiliation.get(person.key, "") if person else ""
            return person if not known or known == entity else None
        if not candidates:
            return (
                None if entity else only_one_of_gender(role, self.lang, self.mentions, self.gender)
            )
        best = max(rank for rank, _ in candidates)
        chosen = [m for rank, m in candidates if rank == best]
        if best == 0 and len({m.key for m in chosen}) > 1:
            return None
        return from_mention(chosen[-1])

    def _an_organisation(self, key: str) -> bool:
        return any(m.key == key and m.type == "ORG" for m in self.mentions)

    def gender_told_by(self, role: Token) -> str:
        """The gender a role noun tells by its form ("la présidente") or its article ("la
        Première ministre"); none when it tells none ("le ministre" may be a woman)."""
        return gender_told_by(role, self.lang)


def _opens_a_clause(child: Token) -> bool:
    """ "accused the alliance of provoking Moscow": English hangs the verb's "of" clause on
    its object; a preposition with a verb under it says nothing of which alliance."""
    return child.dep_ == "prep" and any(c.pos_ == "VERB" for c in child.children)
