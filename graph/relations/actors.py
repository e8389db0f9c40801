"""Who a token stands for: the entity mention it is part of, a demonym or national adjective,
a role description ("le ministre russe des Affaires étrangères"), or a pronoun.

Stance extraction asks this for speakers and targets. The knowledge is data: the gazetteer
for countries, `role_words.txt` for role nouns, `syntax.toml` for dependency labels.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib import resources
from typing import TYPE_CHECKING

from graph.entities import Mention
from graph.gazetteer import ADJECTIVE, DEMONYM, NAME_KINDS, Gazetteer
from graph.langdata import data_lines, data_words
from graph.relations.quotes import quoted_tokens

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

#: Tokens looked at before a person's name for a national adjective ("le président
#: ukrainien Volodymyr Zelensky") and after it in an apposition (", porte-parole du
#: ministère russe des Affaires étrangères,").
AFFILIATION_WINDOW = 8
INDEFINITE = frozenset({"un", "une", "des", "a", "an", "some"})
THIRD_PERSON = frozenset({"il", "elle", "he", "she"})


@dataclass(frozen=True)
class Endpoint:
    """One side of a stance: the entity key, the words that named it, its type and label."""

    key: str
    name: str
    type: str
    label: str = ""


@lru_cache(maxsize=8)
def syntax(lang: str) -> dict[str, frozenset[str]]:
    """The dependency-label groups of `graph/data/<lang>/syntax.toml`."""
    path = resources.files("graph") / "data" / lang / "syntax.toml"
    if not path.is_file():
        return {}
    table = tomllib.loads(path.read_text(encoding="utf-8"))
    return {name: frozenset(values) for name, values in table.items()}


class Actors:
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
            for token in _tokens_in(doc, mention.start, mention.end)
        }
        self._mention_keys = {mention.key for mention in mentions}
        self._read_tokens: dict[int, tuple[bool, Endpoint | None]] = {}
        self.roles = data_words(lang, "role_words.txt")
        self.bodies = data_words(lang, "national_bodies.txt")
        self.state_roles = data_words(lang, "state_roles.txt")
        rows = [line.split("\t") for line in data_lines(lang, "anaphora_nouns.tsv")[1:]]
        self.anaphora = {row[0].casefold(): row[1] for row in rows if len(row) == 2}
        self.affiliation: dict[str, str] = {}
        #: person key → "Masc"/"Fem" when the article tells (see `_gender_votes`).
        self.gender = _genders(mentions, self._gender_votes)
        #: person key → (entity keys, role words) they were introduced with ("le président
        #: LREM de l'Assemblée nationale, Richard Ferrand").
        self.introductions: dict[str, tuple[set[str], set[str]]] = {}
        #: anaphora noun → the actors (not people) introduced with it, in text order
        self.described: dict[str, list[Mention]] = {}
        for mention in mentions:
            if mention.type != "PER":
                for noun in self._described_by(mention) & self.anaphora.keys():
                    self.described.setdefault(noun, []).append(mention)
        for mention in mentions:
            if mention.type != "PER":
                continue
            if not self.affiliation.get(mention.key):
                self.affiliation[mention.key] = self._nationality_near(mention)
            entities, roles = self.introductions.setdefault(mention.key, (set(), set()))
            for token in self._introduction_words(mention):
                if token.lemma_.casefold() in self.roles and token.pos_ == "NOUN":
                    roles.add(token.lemma_.casefold())
                named = self._direct(token)
                if named is not None and named.key != mention.key:
                    entities.add(named.key)

    @cached_property
    def quoted(self) -> frozenset[int]:
        """The indices of the tokens inside a quotation (graph.relations.quotes), worked
        out once for every reader of the article."""
        return quoted_tokens(self.doc, syntax(self.lang))

    def tokens_of(self, mention: Mention) -> list[Token]:
        """The tokens a mention covers."""
        return list(_tokens_in(self.doc, mention.start, mention.end))

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
                    consumed.update(_own_phrase(token))
            if endpoint is not None:
                found.setdefault(endpoint.key, endpoint)
        endpoints = list(found.values())
        if names_first:
            endpoints.sort(key=lambda e: (e.key not in self._mention_keys, e.type != "PER"))
        return endpoints

    def _read_token(self, token: Token) -> tuple[bool, Endpoint | None]:
        """Whether `endpoints_in` passes over a token (it only qualifies an actor), else the
        entity it names directly or as an anaphor: worked out once per token, since the
        candidates and each reading ask again about the same words."""
        read = self._read_tokens.get(token.i)
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
        see state_roles.txt); not "un héros français", "une actrice américaine", "les
        élections américaines"."""
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
        return _from_mention(people[-1]) if people else None

    def may_be(self, key: str, gender: str) -> bool:
        """Whether a person may be referred to by a pronoun of `gender` ("" fits anyone)."""
        known = self.gender.get(key, "")
        return not gender or not known or known == gender

    def _gender_votes(self, mention: Mention) -> list[str]:
        """What the words at a mention say, the surest twice: an honorific or a gendered
        role noun before or opening the name ("Mme Craft", "l'ambassadrice Kelly Craft",
        "Mrs May"), then spaCy's guess on the first name ("Emmanuelle")."""
        tokens = self.tokens_of(mention)
        if not tokens:
            return []
        words = _gendered_words(self.lang)
        first = tokens[0]
        before = self.doc[first.i - 1] if first.i > 0 else None
        votes: list[str] = []
        for token in (first, before):
            if token is None:
                continue
            # a role's feminine ending says nothing of a first name ("Maurice", "Béatrice")
            told = (
                words.get(token.lower_, "")
                if token.pos_ == "PROPN"
                else _told_gender(token.lower_, words)
            )
            if told:
                votes += [told, told]
            elif token is before and token.pos_ in ("NOUN", "DET"):
                votes += token.morph.get("Gender", [])
        if first.pos_ == "PROPN" and not words.get(first.lower_):
            votes += first.morph.get("Gender", [])
        return votes + _predicated_gender(tokens) * 2

    def _direct(self, token: Token) -> Endpoint | None:
        if token.pos_ != "ADJ" and self._some_of_a_people(token):
            return None
        mention = self.mention_at(token)
        if mention is not None:
            return _from_mention(mention)
        kinds = frozenset({ADJECTIVE}) if token.pos_ == "ADJ" else frozenset({DEMONYM})
        if token.pos_ == "ADJ" and not self._speaks_for_a_country(token.head):
            return None  # "un héros français", "l'esprit français": not France acting
        if token.pos_ in ("ADJ", "NOUN", "PROPN") and token.text[:1].isalpha():
            match = self.gazetteer.lookup(token.text, self.lang, kinds)
            if match is not None:
                actor = match.actor
                return Endpoint(actor.id, token.text, actor.type, actor.label(self.lang))
        return None

    def _anaphor(self, token: Token) -> Endpoint | None:
        """ "ce mouvement", "ce pays": the entity of that type most mentioned so far."""
        wanted = self.anaphora.get(token.lemma_.casefold())
        if wanted is None or token.pos_ != "NOUN":
            return None
        words = syntax(self.lang)
        determiners = [c.lower_ for c in token.children if c.dep_ in ("det", "case")]
        if not any(word in words.get("demonstratives", ()) for word in determiners):
            if any(word in words.get("definite_articles", ()) for word in determiners):
                return self._introduced_with(token)
            return None
        counts: dict[str, int] = {}
        latest: dict[str, Mention] = {}
        for mention in self.mentions:
            if mention.type == wanted and mention.end <= token.idx:
                counts[mention.key] = counts.get(mention.key, 0) + 1
                latest[mention.key] = mention
        if not counts:
            return None
        best = max(counts, key=lambda key: (counts[key], latest[key].start))
        return _from_mention(latest[best])

    def _introduced_with(self, noun: Token) -> Endpoint | None:
        """ "the movement", "le mouvement": the last actor the article introduced with that
        noun ("the gilets jaunes movement", "le mouvement des gilets jaunes"), if any."""
        lemma = noun.lemma_.casefold()
        earlier = [m for m in self.described.get(lemma, []) if m.start <= noun.idx]
        return _from_mention(earlier[-1]) if earlier else None

    def _described_by(self, mention: Mention) -> set[str]:
        """The common nouns an actor is introduced with: in its name ("le mouvement des
        gilets jaunes", "Parti socialiste"), in apposition ("Hamas, the militant group") or
        heading it ("the gilets jaunes movement", "le parti Les Républicains")."""
        tokens = self.tokens_of(mention)
        if not tokens:
            return set()
        inside = {t.i for t in tokens}
        root = _root_of(tokens)
        nouns = [c for c in root.children if c.dep_ == "appos" and c.i not in inside]
        if root.head.i != root.i:
            nouns.append(root.head)
        own = {word for t in tokens for word in (t.lower_, t.lemma_.casefold())}
        return own | {t.lemma_.casefold() for t in nouns if t.pos_ == "NOUN"}

    def countries_joined(self, token: Token) -> list[Endpoint]:
        """ "franco-allemande", "Franco-German": the countries a hyphenated national
        adjective joins (none unless every half names one)."""
        parts = _hyphenated_word(token)
        if len(parts) < 2:
            return []
        forms = _combining_forms(self.lang)
        found: dict[str, Endpoint] = {}
        for part in parts:
            country = forms.get(part.casefold())
            match = (
                self.gazetteer.lookup(country, self.lang, NAME_KINDS)
                if country
                else self.gazetteer.lookup(part, self.lang, frozenset({ADJECTIVE}))
            )
            if match is None:
                return []
            actor = match.actor
            found[actor.id] = Endpoint(actor.id, part, actor.type, actor.label(self.lang))
        return list(found.values())

    def is_role_noun(self, token: Token) -> bool:
        return token.pos_ == "NOUN" and token.lemma_.casefold() in self.roles

    def _noun_phrase(self, head: Token) -> Endpoint | None:
        """A role description or a group noun: the person it describes when the article
        introduced someone that way, else the entity or nationality it names."""
        modifiers = [
            t
            for t in head.subtree
            if t.i != head.i and not in_clause(t, head) and not self._a_place_in(t, head)
        ]
        apposed = [c for c in head.children if c.dep_ == "appos"]
        named_in_apposition = self.endpoints_in(t for c in apposed for t in c.subtree)
        if named_in_apposition:
            return named_in_apposition[0]  # "Macron's former nemesis, Marine Le Pen"
        described = self.is_role_noun(head) or self._speaks_for_a_country(head)
        if not described:
            # "ce proche du premier ministre Édouard Philippe": someone else than Philippe
            modifiers = [t for t in modifiers if not self._under_a_preposition(t, head)]
        named = self.endpoints_in(modifiers)
        if not described:
            # "la grande mosquée de Paris", "l'université de Lyon": where it is, not who
            named = [e for e in named if e.type != "LOC"]
        people = [e for e in named if e.type == "PER"]
        if people and self.is_role_noun(head):
            return people[0]  # "le secrétaire général de l'Élysée Alexis Kohler"
        if self.is_role_noun(head) and not _indefinite(head):
            person = self._introduced_as(head, named[0].key if named else "")
            if person is not None:
                return person
        return named[0] if named else None

    @staticmethod
    def _under_a_preposition(token: Token, head: Token) -> bool:
        """Whether a token of a noun phrase sits in a prepositional complement of it."""
        current = token
        while current.i != head.i and current.head.i != current.i:
            # "du", "des" are tagged articles, and are prepositions on a noun's complement
            on_a_noun = current.dep_ == "nmod" and any(c.dep_ == "case" for c in current.children)
            if current.dep_ == "pobj" or on_a_noun or prepositions_of(current):
                return True
            current = current.head
        return False

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

    def _introduced_as(self, role: Token, entity: str) -> Endpoint | None:
        """The person last introduced before `role` with that role and entity ("le ministre
        russe" → the Russian minister named earlier; "la chroniqueuse" → the only person
        introduced as one)."""
        lemma = role.lemma_.casefold()
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
            person = self._only_one_of_gender(role)
            known = self.affiliation.get(person.key, "") if person else ""
            return person if not known or known == entity else None
        if not candidates:
            return None if entity else self._only_one_of_gender(role)
        best = max(rank for rank, _ in candidates)
        chosen = [m for rank, m in candidates if rank == best]
        if best == 0 and len({m.key for m in chosen}) > 1:
            return None
        return _from_mention(chosen[-1])

    def _an_organisation(self, key: str) -> bool:
        return any(m.key == key and m.type == "ORG" for m in self.mentions)

    def gender_told_by(self, role: Token) -> str:
        """The gender a role noun tells by its form ("la présidente") or its article ("la
        Première ministre"); none when it tells none ("le ministre" may be a woman)."""
        return _told_gender(role.lower_, _gendered_words(self.lang)) or _feminine_article(role)

    def _only_one_of_gender(self, role: Token) -> Endpoint | None:
        """ "Praet suspendue …, Francken apporte son soutien à la chroniqueuse": when nobody
        was introduced with that role, the person of its gender named most often before it
        (none on a tie)."""
        gender = self.gender_told_by(role)
        if not gender:
            return None
        counts: dict[str, int] = {}
        latest: dict[str, Mention] = {}
        for m in self.mentions:
            if m.type == "PER" and m.start < role.idx and self.gender.get(m.key) == gender:
                counts[m.key] = counts.get(m.key, 0) + 1
                latest[m.key] = m
        ranked = sorted(counts, key=lambda key: -counts[key])
        if not ranked or (len(ranked) > 1 and counts[ranked[0]] == counts[ranked[1]]):
            return None
        return _from_mention(latest[ranked[0]])

    def _introduction_words(self, mention: Mention) -> list[Token]:
        tokens = self.tokens_of(mention)
        if not tokens:
            return []
        return [*self._introduced_before(tokens), *self._apposed_after(tokens)]

    def _introduced_before(self, tokens: list[Token]) -> list[Token]:
        """The noun phrase that introduces a name from before it ("le ministre russe
        Sergueï Lavrov"); none when a preposition makes the name its complement ("au
        ministère français … après les propos de M. Di Maio" says nothing of him)."""
        root = _root_of(tokens)
        heads = [root]
        if root.head.i == tokens[0].i - 1:  # "de M. Di Maio": the honorific heads the name
            heads.append(root.head)
        governed = any(
            head.dep_ == "pobj" or any(c.i < tokens[0].i for c in prepositions_of(head))
            for head in heads
        )
        return [] if governed else _noun_phrase_before(self.doc, tokens[0].i)

    def _apposed_after(self, tokens: list[Token]) -> Span:
        """ ", porte-parole du ministère russe," after a name; not a phrase another
        preposition opens (", contre la France « colonialiste »" is no affiliation)."""
        after = _apposition_after(self.doc, tokens[-1].i)
        genitive = syntax(self.lang).get("genitive", frozenset())
        if len(after) and after[0].pos_ == "ADP" and after[0].lower_ not in genitive:
            return self.doc[0:0]
        return after

    def _nationality_near(self, mention: Mention) -> str:
        tokens = self.tokens_of(mention)
        if not tokens:
            return ""
        before = self._introduced_before(tokens)
        after = self._apposed_after(tokens)
        for token in [*before, *after]:
            if token.pos_ == "ADJ":
                match = self.gazetteer.lookup(token.text, self.lang, frozenset({ADJECTIVE}))
                if match is not None:
                    return match.actor.id
        return ""


@lru_cache(maxsize=8)
def _combining_forms(lang: str) -> dict[str, str]:
    """First half of a hyphenated national adjective → the country's name (data)."""
    rows = data_lines(lang, "combining_forms.tsv")[1:]  # after the header
    return dict(row.split("\t", 1) for row in rows)


@lru_cache(maxsize=8)
def _gendered_words(lang: str) -> dict[str, str]:
    rows = [line.split("\t") for line in data_lines(lang, "gendered_words.tsv")[1:]]
    return {row[0].casefold(): row[1] for row in rows if len(row) == 2}


def _feminine_article(noun: Token) -> str:
    """ "la polémiste": a feminine article tells a woman where the noun does not. (A
    masculine one does not tell a man: "le ministre" may be a woman.)"""
    feminine = any("Fem" in c.morph.get("Gender", []) for c in noun.children if c.dep_ == "det")
    return "Fem" if feminine else ""


def _told_gender(word: str, words: dict[str, str]) -> str:
    if word in words:
        return words[word]
    endings = (key for key in words if key.startswith("*") and word.endswith(key[1:]))
    return next((words[key] for key in endings if len(word) > len(key) + 1), "")


def _genders(
    mentions: Sequence[Mention], votes_of: Callable[[Mention], list[str]]
) -> dict[str, str]:
    """Each person's gender by majority of the clues at their mentions; none on a tie."""
    tally: dict[str, dict[str, int]] = {}
    for mention in mentions:
        if mention.type != "PER":
            continue
        counts = tally.setdefault(mention.key, {})
        for vote in votes_of(mention):
            counts[vote] = counts.get(vote, 0) + 1
    genders = {}
    for key, counts in tally.items():
        ranked = sorted(counts.items(), key=lambda item: -item[1])
        if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
            genders[key] = ranked[0][0]
    return genders


def _own_phrase(head: Token) -> set[int]:
    """A role description's tokens, without the phrases coordinated with it ("du secrétaire
    d'État Mike Pompeo et du conseiller …, John Bolton")."""
    conjunct = syntax(head.doc.lang_).get("conjunct", frozenset({"conj"}))
    others = {t.i for c in head.subtree if c.dep_ in conjunct and c.i != head.i for t in c.subtree}
    return {t.i for t in head.subtree} - others


def _from_mention(mention: Mention) -> Endpoint:
    return Endpoint(mention.key, mention.name, mention.type, mention.canonical)


def _tokens_in(doc: Doc, start: int, end: int) -> Iterator[Token]:
    span = doc.char_span(start, end, alignment_mode="expand")
    return iter(span) if span is not None else iter(())


def _hyphenated_word(token: Token) -> list[str]:
    """The halves of a hyphenated word, whether the tokeniser kept it whole
    ("franco-allemande") or split it ("Franco", "-", "German")."""
    if "-" in token.text.strip("-"):
        return token.text.split("-")
    doc = token.doc
    start = end = token.i
    while start >= 2 and doc[start - 1].text == "-" and not doc[start - 2].whitespace_:
        if doc[start - 1].whitespace_:
            break
        start -= 2
    while end + 2 < len(doc) and doc[end + 1].text == "-" and not token.doc[end].whitespace_:
        if doc[end + 1].whitespace_:
            break
        end += 2
    return [doc[i].text for i in range(start, end + 1, 2)]


def _noun_phrase_before(doc: Doc, first: int) -> list[Token]:
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


def _apposition_after(doc: Doc, last: int) -> Span:
    """ ", porte-parole du ministère russe," : the words after a name, up to the next comma."""
    if last + 1 >= len(doc) or doc[last + 1].text != ",":
        return doc[0:0]
    end = last + 2
    while end < len(doc) and end - last <= AFFILIATION_WINDOW and doc[end].text not in ",;.":
        end += 1
    return doc[last + 2 : end]


def in_clause(token: Token, head: Token) -> bool:
    """Whether a token of head's subtree belongs to a relative or verbal clause of its own."""
    while token.i != head.i:
        if token.pos_ in ("VERB", "AUX") or token.dep_ in ("acl", "acl:relcl", "relcl"):
            return True
        token = token.head
    return False


def _indefinite(head: Token) -> bool:
    return any(child.dep_ == "det" and child.lower_ in INDEFINITE for child in head.children)


#: Longest role description taken as a mention of the person it describes, in tokens.
MAX_ROLE_TOKENS = 10
#: Tokens between a role description and the name it introduces ("…étrangères, Choe").
INTRODUCTION_GAP = 2


def _introduces(doc: Doc, start: int, end: int, key: str, actors: Actors) -> bool:
    near = [*doc[max(0, start - INTRODUCTION_GAP) : start], *doc[end : end + INTRODUCTION_GAP]]
    return any((m := actors.mention_at(t)) is not None and m.key == key for t in near)


def role_mentions(
    doc: Doc, mentions: Sequence[Mention], lang: str, gazetteer: Gazetteer
) -> list[Mention]:
    """Definite role descriptions of people named earlier in the article, as mentions of
    them ("le chef de la diplomatie nord-coréenne" → Choe Son Hui), so the person's node
    gets the sentence's co-mentions and the description as an alias."""
    actors = Actors(doc, mentions, lang, gazetteer)
    covered = set(actors._by_token)
    full_names: dict[str, str] = {}
    for mention in mentions:
        if len(mention.name) > len(full_names.get(mention.key, "")):
            full_names[mention.key] = mention.canonical or mention.name
    sentence_of = {sent.start: index for index, sent in enumerate(doc.sents)}
    found = []
    for token in doc:
        if token.i in covered or not actors.is_role_noun(token) or _indefinite(token):
            continue
        if not any(c.dep_ == "det" for c in token.children):
            continue
        person = actors._noun_phrase(token)
        if person is None or person.type != "PER":
            continue
        words = [
            t
            for t in token.subtree
            if not in_clause(t, token) and t.i not in covered and not t.is_punct
        ]
        start, end = min(t.i for t in words), max(t.i for t in words) + 1
        if end - start > MAX_ROLE_TOKENS or any(t.i in covered for t in doc[start:end]):
            continue
        if _introduces(doc, start, end, person.key, actors):
            continue  # "le président ukrainien Volodymyr Zelensky": the name is right there
        span = doc[start:end]
        found.append(
            Mention(
                name=span.text,
                key=person.key,
                type="PER",
                sentence=sentence_of[token.sent.start],
                start=span.start_char,
                end=span.end_char,
                text=span.text,
                canonical=full_names.get(person.key, person.name),  # the label stays a name
            )
        )
    return found


def prepositions_of(token: Token) -> list[Token]:
    """The prepositions marking a token ("selon", "de"), not the articles the French model
    also calls case markers ("des organisations")."""
    return [
        c for c in token.children if c.dep_ == "case" and "Art" not in c.morph.get("PronType", [])
    ]


def _root_of(tokens: list[Token]) -> Token:
    """The token of a mention the rest hangs on (its last one when the parse says none)."""
    inside = {t.i for t in tokens}
    return next((t for t in tokens if t.head.i not in inside), tokens[-1])


def _predicated_gender(tokens: list[Token]) -> list[str]:
    """ "Maurice Audin est un mathématicien": the article of a noun predicated of the name
    tells its gender more surely than spaCy's guess on the first name."""
    root = _root_of(tokens)
    predicate = root.head
    if root.dep_ != "nsubj" or predicate.pos_ != "NOUN":
        return []
    if not any(c.dep_ == "cop" for c in predicate.children):
        return []
    articles = [c for c in predicate.children if c.dep_ == "det"]
    return [g for c in articles for g in c.morph.get("Gender", [])][:1]
