"""Who a token stands for: the entity mention it is part of, a demonym or national adjective,
a role description ("le ministre russe des Affaires étrangères"), or a pronoun.

Stance extraction asks this for speakers and targets. This module holds the resolver, the
state it reads once per article and the questions asked of any token; beside it:
graph.relations.endpoints (the Endpoint value, the syntax table), graph.relations.phrases
(tree walks), graph.relations.genders, graph.relations.introductions (how an article
introduces an actor), graph.relations.noun_referents (whom a role or group noun names) and
graph.relations.roles (role descriptions as mentions).

The knowledge is data: the gazetteer for countries, `role_words.txt` for role nouns,
`syntax.toml` for dependency labels.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import cached_property
from typing import TYPE_CHECKING

from graph.entities import Mention
from graph.gazetteer import ADJECTIVE, DEMONYM, Gazetteer
from graph.langdata import data_keys, data_table, data_words
from graph.relations.endpoints import (
    THIRD_PERSON,
    Endpoint,
    countries_joined,
    from_mention,
    syntax,
    tokens_in,
)
from graph.relations.genders import (
    gender_votes,
    genders_of,
)
from graph.relations.introductions import described_by, introduction_words, nationality_near
from graph.relations.noun_referents import NounReferents
from graph.relations.phrases import (
    apposition_after,
    in_clause,
    indefinite,
    own_phrase,
    prepositions_of,
    under_a_preposition,
)
from graph.relations.quotes import quoted_tokens

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["THIRD_PERSON", "Actors", "Endpoint", "in_clause", "prepositions_of", "syntax"]


#: The parts of speech of a word outside any mention that may still name an actor: a
#: national adjective, a demonym, an anaphoric noun ("ce mouvement").
MAY_NAME = frozenset({"ADJ", "NOUN", "PROPN"})
#: How UD French hangs a name on the honorific before it ("M." -flat:name-> "Maillard").
FLAT_NAME = frozenset({"flat:name", "flat"})


class Actors(NounReferents):
    """Resolves tokens of one parsed article to entities."""

    def __init__(
        self, doc: Doc, mentions: Sequence[Mention], lang: str, gazetteer: Gazetteer
    ) -> None:
        self.doc = doc
        self.lang = lang
        self.gazetteer = gazetteer
        self.mentions = list(mentions)
        self._by_token = {
            token.i: mention
            for mention in mentions
            for token in tokens_in(doc, mention.start, mention.end)
        }
        self._mention_keys = {mention.key for mention in mentions}
        self._read_tokens: dict[int, tuple[bool, Endpoint | None]] = {}
        self.roles = data_words(lang, "role_words.txt")
        self.role_prefixes = data_words(lang, "role_prefixes.txt")
        self.bodies = data_words(lang, "national_bodies.txt")
        #: "les frappes russes", "the Russian invasion": the country attacking (the nouns
        #: of attack_nouns.tsv, whose victims the stance rules read)
        self.bodies |= data_keys(lang, "attack_nouns.tsv")
        self.state_roles = data_words(lang, "state_roles.txt")
        rows = data_table(lang, "anaphora_nouns.tsv")
        self.anaphora = {row[0].casefold(): row[1] for row in rows if len(row) == 2}
        self.affiliation: dict[str, str] = {}
        #: person key → "Masc"/"Fem" when the article tells (see `_gender_votes`).
        self.gender = genders_of(mentions, self._gender_votes)
        #: person key → (entity keys, role words) they were introduced with ("le président
        #: LREM de l'Assemblée nationale, Richard Ferrand").
        self.introductions: dict[str, tuple[set[str], set[str]]] = {}
        #: anaphora noun → the actors (not people) introduced with it, in text order
        self.described: dict[str, list[Mention]] = {}
        for mention in mentions:
            if mention.type != "PER":
                for noun in described_by(self.tokens_of(mention)) & self.anaphora.keys():
                    self.described.setdefault(noun, []).append(mention)
        for mention in mentions:
            if mention.type != "PER":
                continue
            if not self.affiliation.get(mention.key):
                self.affiliation[mention.key] = nationality_near(
                    self.doc, self.lang, self.gazetteer, self.tokens_of(mention)
                )
            entities, roles = self.introductions.setdefault(mention.key, (set(), set()))
            words = introduction_words(self.doc, self.lang, self.tokens_of(mention))
            roles.update(self._roles_among(words))
            for token in words:
                named = self._direct(token)
                if named is not None and named.key != mention.key:
                    entities.add(named.key)

    def _roles_among(self, words: Sequence[Token]) -> set[str]:
        """The role words a name is introduced with: "le ministre russe", and the capitalised
        title of English ("President Donald Trump", "House Speaker Nancy Pelosi"); not a role
        that a word before it in the same title makes another ("Vice President Mike Pence"
        is the vice president, "le Premier ministre" no other minister: role_prefixes.txt)."""
        prefixes = self.role_prefixes
        roles: set[str] = set()
        prefix: list[str] = []
        words = sorted(words, key=lambda token: token.i)
        for index, token in enumerate(words):
            if index == 0 or words[index - 1].i != token.i - 1:
                prefix = []  # a title ends where its words stop running on
            lemma = token.lemma_.casefold()
            if lemma in prefixes:
                prefix.append(lemma)
            elif lemma in self.roles and token.pos_ in ("NOUN", "PROPN"):
                roles.add(" ".join([*prefix, lemma]))  # "vice president", "premier ministre"
        return roles

    @cached_property
    def quoted(self) -> frozenset[int]:
        """The indices of the tokens inside a quotation (graph.relations.quotes), worked
        out once for every reader of the article."""
        return quoted_tokens(self.doc, syntax(self.lang))

    def tokens_of(self, mention: Mention) -> list[Token]:
        """The tokens a mention covers."""
        return list(tokens_in(self.doc, mention.start, mention.end))

    def mention_at(self, token: Token) -> Mention | None:
        """The entity mention covering this token, if any."""
        return self._by_token.get(token.i)

    def endpoint(self, token: Token) -> Endpoint | None:
        """What a head token stands for, looking into its noun phrase if needed."""
        direct = self._direct(token)
        if direct is not None:
            return direct
        if token.pos_ in ("NOUN", "PROPN"):
            return self._noun_phrase(token)
        return None

    def endpoints_in(
        self, tokens: Iterable[Token], *, names_first: bool = False, roles: bool = False
    ) -> list[Endpoint]:
        """Every distinct entity named among tokens, in text order; with `names_first`,
        named entities before those only implied by a national adjective or demonym; with
        `roles`, role descriptions ("au président de l'Assemblée nationale") resolved to the
        person they describe."""
        found: dict[str, Endpoint] = {}
        consumed: set[int] = set()
        for token in tokens:
            if token.i in consumed:
                continue
            skipped, endpoint = self._read_token(token)
            if skipped:
                continue
            if roles and self.is_role_noun(token) and (endpoint is None or endpoint.type != "PER"):
                # "au Président de l'Assemblée nationale", even where NER made it a name
                person = self._noun_phrase(token)
                if person is not None and person.type == "PER":
                    endpoint = person
                    consumed.update(own_phrase(token))
            if endpoint is not None:
                found.setdefault(endpoint.key, endpoint)
        endpoints = list(found.values())
        if names_first:
            endpoints.sort(key=lambda e: (e.key not in self._mention_keys, e.type != "PER"))
        return endpoints

    def endpoint_at(self, token: Token) -> Endpoint | None:
        """What `endpoints_in([token])` finds, without building its list for one token."""
        skipped, endpoint = self._read_token(token)
        return None if skipped else endpoint

    def _read_token(self, token: Token) -> tuple[bool, Endpoint | None]:
        """Whether `endpoints_in` passes over a token (it only qualifies an actor), else the
        entity it names directly or as an anaphor: worked out once per token, since the
        candidates and each reading ask again about the same words."""
        read = self._read_tokens.get(token.i)
        if read is None and token.pos_ not in MAY_NAME and self.mention_at(token) is None:
            # What each test below needs: a mention, or an adjective or noun to look up.
            read = self._read_tokens[token.i] = (False, None)
        if read is None:
            skipped = (
                self._qualifies_a_name(token)
                or self._origin_of_people(token)
                or self._members_of_a_named_body(token)
            )
            endpoint = None if skipped else self._direct(token) or self._anaphor(token)
            read = self._read_tokens[token.i] = (skipped, endpoint)
        return read

    def _speaks_for_a_country(self, noun: Token) -> bool:
        """Whether a noun with a national adjective stands for that country: its bodies
        and people ("les autorités françaises", "nos camarades russes", see
        national_bodies.txt) or a state role ("le ministre russe", "a British spokesman",
        see state_roles.txt), or its attacks ("les frappes russes", attack_nouns.tsv); not
        "un héros français", "une actrice américaine", "les élections américaines"."""
        words = {noun.lemma_.casefold(), noun.lower_}
        return bool(words & (self.state_roles | self.bodies))

    def _origin_of_people(self, token: Token) -> bool:
        """ "des élus des Yvelines", "the mayor of Nice": a place that is no country or
        capital, said of people (a plural or a role noun), tells where they are from; it
        does not act."""
        mention = self.mention_at(token)
        if mention is None or mention.type != "LOC" or self.gazetteer.actor(mention.key):
            return False
        genitive = syntax(self.lang).get("genitive", frozenset())
        words = [c.lower_ for c in token.children if c.dep_ == "case"]
        if token.head.dep_ == "prep":  # English: "of" -pobj-> "Nice"
            words.append(token.head.lower_)
            owner = token.head.head
        else:
            owner = token.head
        people = self.is_role_noun(owner) or "Plur" in owner.morph.get("Number", [])
        return (
            any(word in genitive for word in words)
            and owner.pos_ == "NOUN"
            and people
            and self.mention_at(owner) is None
        )

    def _some_of_a_people(self, token: Token) -> bool:
        """ "des Français", "plusieurs de ces Français en colère", "some Americans", "3,000
        Palestinians": some people of a nation, not the nation or its state acting."""
        group = syntax(self.lang).get("group_determiners", frozenset())
        if self.gazetteer.lookup(token.text, self.lang, frozenset({DEMONYM})) is None:
            return False
        if any(
            (c.dep_ == "det" and c.lower_ in group) or c.dep_ == "nummod" for c in token.children
        ):
            return True
        heads = syntax(self.lang).get("group_heads", frozenset())
        owner = token.head.head if token.head.dep_ == "prep" else token.head
        return owner.lemma_.casefold() in heads or owner.lower_ in heads  # "une majorité de"

    def _qualifies_a_name(self, token: Token) -> bool:
        """ "le Hezbollah libanais", "the Lebanese Hezbollah": a national adjective on a named
        actor says where the actor is from; it does not name a second actor."""
        return (
            token.pos_ == "ADJ"
            and self.mention_at(token) is None
            and self.mention_at(token.head) is not None
        )

    def _members_of_a_named_body(self, token: Token) -> bool:
        """ "les Algériens du Front de Libération Nationale": a demonym qualified by a named
        organisation is that organisation's members, not their country."""
        if token.pos_ not in ("NOUN", "PROPN"):
            return False
        if self.gazetteer.lookup(token.text, self.lang, frozenset({DEMONYM})) is None:
            return False
        return any(
            (m := self.mention_at(t)) is not None and m.type == "ORG"
            for child in token.children
            if child.dep_ not in ("det", "amod")
            for t in child.subtree
        )

    def is_named(self, endpoint: Endpoint) -> bool:
        """Whether the article names this actor (not only implies it by an adjective)."""
        return endpoint.key in self._mention_keys

    def country_of(self, endpoint: Endpoint) -> str:
        """The country key a person was introduced with ("son homologue russe"), or ""."""
        return self.affiliation.get(endpoint.key, "")

    def person_before(self, token: Token, gender: str = "") -> Endpoint | None:
        """The last person named before this token who may be "il"/"elle" (of `gender`, or
        of a gender the article does not tell)."""
        people = [
            m
            for m in self.mentions
            if m.type == "PER" and m.end <= token.idx and self.may_be(m.key, gender)
        ]
        return from_mention(people[-1]) if people else None

    def may_be(self, key: str, gender: str) -> bool:
        """Whether a person may be referred to by a pronoun of `gender` ("" fits anyone)."""
        known = self.gender.get(key, "")
        return not gender or not known or known == gender

    def _gender_votes(self, mention: Mention) -> list[str]:
        """What the words at a mention say of a person's gender (graph.relations.genders)."""
        return gender_votes(self.doc, self.lang, self.tokens_of(mention))

    def _direct(self, token: Token) -> Endpoint | None:
        if token.pos_ != "ADJ" and self._some_of_a_people(token):
            return None
        mention = self.mention_at(token)
        if mention is not None:
            return from_mention(mention)
        kinds = frozenset({ADJECTIVE}) if token.pos_ == "ADJ" else frozenset({DEMONYM})
        if token.pos_ == "ADJ" and not self._speaks_for_a_country(token.head):
            return None  # "un héros français", "l'esprit français": not France acting
        if token.pos_ in ("ADJ", "NOUN", "PROPN") and token.text[:1].isalpha():
            match = self.gazetteer.lookup(token.text, self.lang, kinds)
            if match is not None:
                actor = match.actor
                return Endpoint(actor.id, token.text, actor.type, actor.label(self.lang))
        return None

    def countries_joined(self, token: Token) -> list[Endpoint]:
        """ "franco-allemande", "Franco-German": the countries a hyphenated national
        adjective joins (none unless every half names one)."""
        return countries_joined(token, self.lang, self.gazetteer)

    def _noun_phrase(self, head: Token) -> Endpoint | None:
        """A role description or a group noun: the person it describes when the article
        introduced someone that way, else the entity or nationality it names."""
        modifiers = [
            t
            for t in head.subtree
            if t.i != head.i and not in_clause(t, head) and not self._a_place_in(t, head)
        ]
        titled = self.endpoints_in(c for c in head.children if c.dep_ in FLAT_NAME)
        if titled:
            return titled[0]  # "M. Maillard, député de Paris": the parser hangs him on "M."
        if head.lemma_.casefold() in data_words(self.lang, "quantity_nouns.txt"):
            counted = self.endpoints_in(modifiers)  # "des milliers de gilets jaunes"
            return counted[0] if counted else None
        apposed = [c for c in head.children if c.dep_ == "appos"]
        named_in_apposition = [
            endpoint
            for c in apposed
            for endpoint in self.endpoints_in(c.subtree)
            if not (c.pos_ == "NOUN" and endpoint.type == "LOC")  # "député de Paris"
        ]
        if named_in_apposition:
            return named_in_apposition[0]  # "Macron's former nemesis, Marine Le Pen"
        if self.is_role_noun(head):  # "le ministre de l'Intérieur, Bruno Retailleau", apart
            person = self._named_after_comma(head)
            if person is not None:
                return person
        described = self.is_role_noun(head) or self._speaks_for_a_country(head)
        if not described:
            # "ce proche du premier ministre Édouard Philippe": someone else than Philippe
            modifiers = [t for t in modifiers if not under_a_preposition(t, head)]
        named = self.endpoints_in(modifiers)
        if not described:
            # "la grande mosquée de Paris", "l'université de Lyon": where it is, not who
            named = [e for e in named if e.type != "LOC"]
        people = [e for e in named if e.type == "PER"]
        if people and self.is_role_noun(head):
            return people[0]  # "le secrétaire général de l'Élysée Alexis Kohler"
        if self.is_role_noun(head) and not indefinite(head):
            person = self._introduced_as(head, named[0].key if named else "")
            if person is not None:
                return person
        return named[0] if named else None

    def _named_after_comma(self, role: Token) -> Endpoint | None:
        """The person named after a comma that ends a role's phrase ("le ministre de
        l'Intérieur, Bruno Retailleau"), also where the parser hung the name inside the
        phrase, taking its first name for a verb ("…, Nasser Bourita, a rejeté")."""
        commas = [t.i for t in role.subtree if t.i > role.i and t.text == ","]
        last = commas[0] - 1 if commas else role.right_edge.i
        after = self.doc[last + 2] if last + 2 < len(self.doc) else None
        if after is not None and self.doc[last + 1].text == ",":
            mention = self.mention_at(after)
            if mention is not None and mention.type == "PER":
                return from_mention(mention)
        following = apposition_after(self.doc, last)
        person = self.endpoint(following[0]) if len(following) else None
        return person if person is not None and person.type == "PER" else None

    def _a_place_in(self, token: Token, head: Token) -> bool:
        """Whether a token of a noun phrase names a place that only says where ("une
        rencontre à l'Élysée", "the ambassador in Washington"): not who the phrase is.
        People and organisations stay ("le chef de la majorité au Sénat Mitch McConnell")."""
        mention = self.mention_at(token)
        if mention is not None and mention.type != "LOC":
            return False
        locatives = data_words(self.lang, "locative_prepositions.txt")
        current = token
        while current.i != head.i:
            cases = [c.lower_ for c in current.children if c.dep_ == "case"]
            if current.dep_ == "prep":
                cases.append(current.lower_)
            if any(case in locatives for case in cases):
                return True
            current = current.head
        return False
