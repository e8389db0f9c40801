"""Mentions of people, organisations and places, normalised, and merged inside an article.

A mention's `key` says which entity it belongs to: mentions with the same key are the same
actor. Keys are case-, accent-, hyphen- and apostrophe-insensitive; inside one article a
surname alone takes the key of the full name it abbreviates.

This module reads the mentions off a parsed Doc and strings the passes together; the passes
live beside it: graph.entity_names (is a span a name, and which), graph.known_actors (NER
spans put right with the gazetteer and titles), graph.missed_mentions (names NER did not
see), graph.mentions (the Sentence and Mention values and the joins made on them).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from graph.acronyms import expand_defined_acronyms
from graph.entity_names import clean_name, is_name, trim_name
from graph.gazetteer import Gazetteer, find_names
from graph.governments import with_governments
from graph.known_actors import (
    after_honorific,
    group_mention,
    is_portfolio,
    known_actor,
    known_as_person,
    names_ner_missed,
    outgrows_ner,
    unglued,
    with_organisation_cut_short,
    with_surname_cut_short,
)
from graph.mentions import (
    Mention,
    Sentence,
    canonical_types,
    full_person_name,
    join_short_organisation_names,
    join_surnames,
)
from graph.missed_mentions import (
    given_names_ner_missed,
    handles_of_named_actors,
    honoured_names_ner_missed,
    institution_spanned,
    institutions_of_places,
    one_word_names_ner_missed,
    surnames_ner_missed,
    titled_people,
)
from graph.names import entity_key
from graph.nlp import entity_labels
from graph.party_members import party_members

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

__all__ = [
    "Mention",
    "Sentence",
    "canonical_types",
    "entity_key",
    "join_surnames",
    "mentions_of",
    "sentences_of",
]


#: spaCy's label for nationalities and groups, mapped in models.toml.
NORP = "NORP"


def sentences_of(doc: Doc, text: str | None = None) -> list[Sentence]:
    """The doc's sentences with their paragraph number (paragraphs are lines). `text` is
    `doc.text` when the caller has it: spaCy joins every token's text anew on each read."""
    sentences = []
    paragraph = 0
    previous_end = 0
    text = doc.text if text is None else text
    for index, sent in enumerate(doc.sents):
        paragraph += text.count("\n", previous_end, sent.start_char)
        previous_end = sent.start_char
        sentences.append(
            Sentence(index, paragraph, sent.start_char, sent.end_char, sent.text.strip())
        )
    return sentences


def mentions_of(
    doc: Doc,
    lang: str,
    gazetteer: Gazetteer | None = None,
    *,
    capitals_as_governments: bool = True,
    text: str | None = None,
) -> list[Mention]:
    """The doc's entity mentions, normalised, junk dropped, surnames joined to full names,
    acronyms the article defines joined to their expansion ("Parti socialiste (PS)":
    graph.acronyms), and known actors (countries, organisations) given their gazetteer id.

    With `capitals_as_governments`, a capital that is not the place where something happens
    ("Moscou a rejeté", not "à Moscou") stands for its country. `text` is `doc.text` when
    the caller has it (see `sentences_of`).
    """
    text = doc.text if text is None else text
    labels = entity_labels(lang)
    sentence_of = {sent.start: index for index, sent in enumerate(doc.sents)}
    known = find_names(doc, lang, gazetteer) if gazetteer is not None else []
    ents = doc.ents
    inside_known = {t.i for span, _ in known if outgrows_ner(span, ents) for t in span}
    mentions = []
    for span in ents:
        entity_type = labels.get(span.label_)
        if entity_type is None or all(t.i in inside_known for t in span):
            continue
        if entity_type == NORP:
            norp = group_mention(span, lang, gazetteer, sentence_of)
            if norp is not None:
                mentions.append(norp)
            continue
        if entity_type != "PER" and is_portfolio(span, lang, gazetteer):
            continue
        institution = None if entity_type == "PER" else institution_spanned(span, lang, sentence_of)
        if institution is not None:
            mentions.append(institution)
            continue
        if after_honorific(span, lang, gazetteer):
            entity_type = "PER"
        if entity_type == "PER":
            span = with_surname_cut_short(span)
        elif entity_type == "ORG":
            span = with_organisation_cut_short(span, lang)
        for piece, piece_type in unglued(span, entity_type, lang, gazetteer):
            mention = _mention_from(piece, piece_type, lang, gazetteer, sentence_of)
            if (
                mention is not None
                and gazetteer is not None
                and (piece_type != "PER" or known_as_person(mention, lang, gazetteer))
            ):
                mention = known_actor(mention, piece, lang, gazetteer, capitals_as_governments)
            if mention is not None:
                mentions.append(mention)
    if gazetteer is not None:
        mentions.extend(names_ner_missed(doc, known, lang, sentence_of))
    mentions.extend(given_names_ner_missed(doc, mentions, lang, sentence_of))
    mentions.extend(one_word_names_ner_missed(doc, mentions, lang, sentence_of))
    mentions.extend(surnames_ner_missed(doc, mentions, sentence_of))
    honoured = honoured_names_ner_missed(doc, mentions, lang, sentence_of, gazetteer)
    mentions.extend(honoured)
    # the surnames of people named since: in full after an honorific, or after a title
    named = [*(m for m in honoured if full_person_name(m)), *titled_people(doc, mentions, lang)]
    if named:
        mentions.extend(surnames_ner_missed(doc, mentions, sentence_of, named=named))
    mentions.extend(handles_of_named_actors(doc, mentions, sentence_of, text))
    mentions = institutions_of_places(doc, mentions, lang, sentence_of)
    mentions = with_governments(doc, mentions, lang, gazetteer, sentence_of, text)
    mentions = party_members(doc, mentions, lang, gazetteer, sentence_of, text)
    mentions.sort(key=lambda m: m.start)
    joined = join_short_organisation_names(join_surnames(mentions))
    return expand_defined_acronyms(joined, text)


def _mention_from(
    span: Span,
    entity_type: str,
    lang: str,
    gazetteer: Gazetteer | None,
    sentence_of: dict[int, int],
) -> Mention | None:
    """A mention for an entity span, trimmed and cleaned; None when it names no actor."""
    name_span = trim_name(span, lang, entity_type, gazetteer)
    if name_span is None or not is_name(name_span, lang, entity_type, gazetteer):
        return None
    name = clean_name(name_span.text)
    if not name:
        return None
    return Mention(
        name=name,
        key=entity_key(name),
        type=entity_type,
        sentence=sentence_of[span.sent.start],
        start=name_span.start_char,
        end=name_span.end_char,
        text=span.text,
    )
