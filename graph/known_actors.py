"""NER spans put right with the gazetteer and the language's titles: known actors given
their gazetteer id, names the gazetteer knows and NER missed or cut short, a nationality
standing for its country, a person behind an honorific, ministry portfolios and glued spans.

graph.entities asks these of each span; they live apart because they are where spaCy's
labels and boundaries meet our data (gazetteer, honorifics, titles, portfolio words).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from graph.entity_names import not_entity_keys
from graph.entity_types import name_knowledge
from graph.gazetteer import ADJECTIVE, CAPITAL, DEMONYM, NAME_KINDS, Actor, Gazetteer, Match
from graph.langdata import COMMON, data_words
from graph.mentions import Mention
from graph.names import entity_key
from graph.nlp import entity_labels

if TYPE_CHECKING:
    from collections.abc import Sequence

    from spacy.tokens import Doc, Span, Token


def known_as_person(mention: Mention, lang: str, gazetteer: Gazetteer) -> bool:
    """Whether NER took a known actor for a person: a one-word name ("Moscou" as PER), or
    what is left of "Président de l'Assemblée nationale" once the role is trimmed."""
    if " " not in mention.name:
        return True
    return (
        mention.name != mention.text
        and gazetteer.lookup(mention.name, lang, NAME_KINDS) is not None
    )


def with_surname_cut_short(span: Span) -> Span:
    """A person span NER ended before the surname, extended to the capitalised word after
    it: "Luigi Di" + "Maio" (a surname particle, name_particles.txt, even across a sentence
    boundary the parser put there), or "François-Philippe" + "Champagne" (given names alone,
    first_names.tsv, before a proper noun NER left out: a surname that is also a word)."""
    doc = span.doc
    if span.end >= len(doc) or span[-1].whitespace_ != " ":
        return span
    after = doc[span.end]
    if not (after.is_alpha and after.text[:1].isupper()):
        return span
    if span[-1].lower_ in data_words(COMMON, "name_particles.txt"):
        return doc[span.start : span.end + 1]
    if not after.ent_type_ and _surname_named_whole_elsewhere(span, after):
        return doc[span.start : span.end + 1]  # "Delphine Ernotte" + "Cunci"
    given_names_then_a_name = (
        _given_names_only(span) and after.pos_ == "PROPN" and not after.ent_type_
    )
    if given_names_then_a_name and after.sent == span.sent and not title_case(after):
        return doc[span.start : span.end + 1]
    return span


def _surname_named_whole_elsewhere(span: Span, after: Token) -> bool:
    """Whether the article names this person elsewhere with the word after the span as part
    of one name: "Delphine Ernotte" then "Cunci", where "Mme Ernotte Cunci" follows (a
    double surname without a hyphen, which NER cut once and not the other time)."""
    pair = (span[-1].text, after.text)
    return any(
        ent.label_ == span.label_ and (ent[i].text, ent[i + 1].text) == pair
        for ent in span.doc.ents
        if ent.start != span.start
        for i in range(len(ent) - 1)
    )


def with_organisation_cut_short(span: Span, lang: str) -> Span:
    """An organisation span NER ended inside the name, extended over the capitalised proper
    nouns after it that no entity holds, with "of"/"de" between them: "the Canadian" +
    "Chamber of Commerce". Not over a title ("Finance" + "Minister", role_words.txt), nor in
    a headline written in title case, where every word is capitalised."""
    doc = span.doc
    titles = data_words(lang, "role_words.txt")
    end = span.end
    while end < len(doc) and doc[end - 1].whitespace_ == " ":
        word = doc[end]
        if word.lower_ in titles:
            break
        if word.lower_ in _NAME_JOINERS and end + 1 < len(doc) and _bare_proper_noun(doc[end + 1]):
            end += 2
        elif _bare_proper_noun(word):
            end += 1
        else:
            break
    if end == span.end or title_case(span[0]):
        return span
    return doc[span.start : end]


#: The small words a long organisation name holds between capitalised ones.
_NAME_JOINERS = frozenset({"of", "de", "du", "des", "for", "pour"})


def _bare_proper_noun(token: Token) -> bool:
    return (
        token.pos_ == "PROPN"
        and token.is_alpha
        and token.text[:1].isupper()
        and not token.ent_type_
        and not token.is_sent_start
    )


def _given_names_only(span: Span) -> bool:
    key = entity_key(span.text)
    first_names = name_knowledge().first_names
    return bool(key) and all(word in first_names for word in key.split())


def title_case(token: Token) -> bool:
    """Whether a token's line is a headline that capitalises its words ("Trump Slams
    Biden Over Tariffs"): most of its alphabetic words of more than three letters start
    with a capital. The line, not the parser's sentence: it may cut a headline anywhere."""
    line = _line_of(token)
    words = [t for t in line if t.is_alpha and len(t) > 3]
    return len(words) >= 3 and sum(t.text[:1].isupper() for t in words) > 0.6 * len(words)


#: Tokens either side of a token read for its line's case (a headline is short).
LINE_REACH = 15


def _line_of(token: Token) -> list[Token]:
    doc = token.doc
    start = token.i
    while start > 0 and token.i - start < LINE_REACH and "\n" not in doc[start - 1].text_with_ws:
        start -= 1
    end = token.i + 1
    while end < len(doc) and end - token.i < LINE_REACH and "\n" not in doc[end - 1].text_with_ws:
        end += 1
    return list(doc[start:end])


def unglued(
    span: Span, entity_type: str, lang: str, gazetteer: Gazetteer | None
) -> list[tuple[Span, str]]:
    """An organisation and a person spaCy glued into one span ("RN Marine Le Pen", "Sénat
    John James", "Economie Pierre Moscovici"): the known or generic head, then the person.
    Anything else comes back whole."""
    if entity_type == "PER" or len(span) < 3:
        return [(span, entity_type)]
    for cut in range(len(span) - 2, 0, -1):
        head, rest = span[:cut], span[cut:]
        if not all(t.text[:1].isupper() and t.is_alpha for t in rest):
            continue
        known = gazetteer is not None and gazetteer.lookup(head.text, lang, NAME_KINDS)
        generic = entity_key(head.text) in not_entity_keys(lang)
        if known:
            return [(head, entity_type), (rest, "PER")]
        if generic:
            return [(rest, "PER")]
    return [(span, entity_type)]


def group_mention(
    span: Span, lang: str, gazetteer: Gazetteer | None, sentence_of: dict[int, int]
) -> Mention | None:
    """A nationality or group (spaCy's NORP): the country when it stands for one as a noun
    ("the Russians said"); nothing when it is an adjective ("French police", which the stance
    reader resolves in context) or no country ("the Tories")."""
    if gazetteer is None or span.root.pos_ == "ADJ":
        return None
    match = gazetteer.lookup(span.text, lang, frozenset({DEMONYM}))
    return None if match is None else actor_mention(span, match.actor, lang, sentence_of)


def actor_mention(span: Span, actor: Actor, lang: str, sentence_of: dict[int, int]) -> Mention:
    """A mention of a gazetteer actor, written as `span`."""
    return Mention(
        name=span.text,
        key=actor.id,
        type=actor.type,
        sentence=sentence_of[span.sent.start],
        start=span.start_char,
        end=span.end_char,
        text=span.text,
        canonical=actor.label(lang),
    )


#: Tokens looked back from a word for the ministry title it may belong to.
PORTFOLIO_REACH = 8


def is_portfolio(span: Span, lang: str, gazetteer: Gazetteer | None) -> bool:
    """ "secrétaire d'État à l'Asile et à la Migration", "ministre de l'Agriculture et des
    Indépendants": a capitalised portfolio in a ministry title, not an organisation. Only
    a single word, only after a ministry word or just before a minister's title, and never
    a known actor ("ministre de la France" cannot happen, "Affaires étrangères de la
    Russie" keeps Russie)."""
    if len(span) != 1 or span.text.isupper():  # "secrétaire général de la CGT"
        return False
    if gazetteer is not None and gazetteer.lookup(span.text, lang):
        return False
    heads = data_words(lang, "portfolio_heads.txt")
    doc = span.doc
    if span.end < len(doc) and doc[span.end].lower_ in heads & data_words(lang, "role_words.txt"):
        return True  # "Finance Minister", "Defence Secretary": a title, not its ministry
    for token in reversed(doc[max(0, span.start - PORTFOLIO_REACH) : span.start]):
        if token.lower_ in heads:
            return True
        listed = token.text[:1].isupper() and token.pos_ in ("NOUN", "PROPN", "ADJ")
        if not (token.pos_ in ("ADP", "DET", "CCONJ") or token.text in "',’" or listed):
            return False
    return False


def after_honorific(span: Span, lang: str, gazetteer: Gazetteer | None = None) -> bool:
    """ "Mr Assadi", "Mme Le Pen", "M. Macron", "le président Macron": a person, whatever the
    NER label, when an honorific or a title (`person_titles.txt`) opens the span or stands
    just before it. Not a nationality ("le président Français") nor an acronym ("le
    président LR")."""
    if len(span) > 1 and span[0].lower_ in _title_words(lang):
        name = span[1:]
    elif follows_a_title(span, lang):
        name = span
    else:
        return False
    if not name[0].text[:1].isupper() or any(t.is_upper and len(t) > 1 for t in name):
        return False
    kinds = frozenset({DEMONYM, ADJECTIVE})
    return gazetteer is None or gazetteer.lookup(name.text, lang, kinds) is None


def follows_a_title(span: Span, lang: str) -> bool:
    """Whether an honorific or a person's title stands just before a span ("President
    Trump", "M. Macron")."""
    return span.start > 0 and span.doc[span.start - 1].lower_ in _title_words(lang)


def _title_words(lang: str) -> frozenset[str]:
    return data_words(lang, "honorifics.txt") | data_words(lang, "person_titles.txt")


def outgrows_ner(span: Span, ents: Sequence[Span] | None = None) -> bool:
    """A gazetteer name that contains the NER spans it overlaps and is longer than them
    ("La France insoumise" where spaCy saw the place "La France"): the name wins. `ents`
    are the doc's NER spans when the caller has them (spaCy builds them anew on each read
    of `doc.ents`)."""
    ents = span.doc.ents if ents is None else ents
    overlapping = [ent for ent in ents if ent.start < span.end and span.start < ent.end]
    return bool(overlapping) and all(
        span.start <= ent.start and ent.end <= span.end and len(ent) < len(span)
        for ent in overlapping
    )


def names_ner_missed(
    doc: Doc, known: list[tuple[Span, Match]], lang: str, sentence_of: dict[int, int]
) -> list[Mention]:
    """Gazetteer names in the text that no NER span covers ("Belgique", "gilets jaunes"),
    or that outgrow the NER spans inside them."""
    labels = entity_labels(lang)
    ents = doc.ents
    covered = {token.i for ent in ents if ent.label_ in labels for token in ent}
    return [
        actor_mention(span, match.actor, lang, sentence_of)
        for span, match in known
        if not any(token.i in covered for token in span) or outgrows_ner(span, ents)
    ]


def known_actor(
    mention: Mention, span: Span, lang: str, gazetteer: Gazetteer, capitals: bool
) -> Mention:
    """The mention with its gazetteer id, type and label when it names a known actor (a
    one-word "person" that is a country or a capital, like "Washington", is the place)."""
    kinds = NAME_KINDS if mention.type == "PER" else NAME_KINDS | {DEMONYM, ADJECTIVE}
    if capitals and not _is_place_phrase(span, lang):
        kinds |= {CAPITAL}
    match = gazetteer.lookup(mention.name, lang, frozenset(kinds))
    if match is None:
        return mention
    actor = match.actor
    return replace(mention, key=actor.id, type=actor.type, canonical=actor.label(lang))


def _is_place_phrase(span: Span, lang: str) -> bool:
    """ "à Moscou", "vers Kiev", "in Moscow": the capital is where, not who."""
    if span.start == 0:
        return False
    previous = span.doc[span.start - 1].text.casefold().replace("’", "'")
    return previous in data_words(lang, "locative_prepositions.txt")
