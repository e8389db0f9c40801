"""The stance bank made ready to learn from: each article parsed, its candidates labelled.

An article of the bank is cleaned and parsed exactly as extraction does it (same cleaning,
same spaCy pipeline, same mentions and rule readings), so the model learns from what it
will see. A candidate is labelled with the kind of the annotated relation whose two sides
it names, when its sentence is one of the relation's evidence quotes; `none` when it names
no annotated pair; and left out of training (None) when it names an annotated pair in a
sentence the annotator did not quote (it may state the relation again, or not).
"""

from __future__ import annotations

import hashlib
import logging
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Doc, DocBin

from graph.articles import Article
from graph.entities import Mention
from graph.extract import ExtractOptions, PreparedArticle, article_mentions, prepare_article
from graph.gazetteer import Gazetteer, load_gazetteer
from graph.names import entity_key
from graph.nlp import Pipelines
from graph.relations.actors import Actors
from graph.relations.stance.bank import (
    BankArticle,
    BankRelation,
    fold,
    read_annotations,
    read_corpus_records,
    read_sample,
)
from graph.relations.stance.candidates import Candidate, candidates_of
from graph.relations.stance.features import ArticleFeatures, cue_words
from graph.relations.stance.model import NONE
from graph.relations.stance.rules import Stance, stances_of

log = logging.getLogger(__name__)

#: Letters a one-word name needs to match the last word of a longer one (a surname).
SURNAME_LETTERS = 4
#: Share of a sentence's (or of a quote's) words the other must hold for the sentence to
#: be that evidence quote (quotes may cut a sentence, or join two).
EVIDENCE_OVERLAP = 0.6
_WORDS = re.compile(r"\w+")


@dataclass(frozen=True)
class LabelledArticle:
    """One bank article, parsed: its candidates, their features and labels, and what the
    rules alone read in it."""

    id: str
    lang: str
    split: str
    annotation: BankArticle
    candidates: tuple[Candidate, ...]
    features: tuple[tuple[str, ...], ...]
    labels: tuple[str | None, ...]
    ruled: tuple[Stance, ...]
    names: dict[str, frozenset[str]]
    sentences: tuple[str, ...]


def load_bank(
    bank: Path, corpus: Path, *, annotations: str = "annotations"
) -> list[tuple[BankArticle, str, Article]]:
    """The annotated articles of the bank with their split and their article as ingested.

    An article annotated in two files is taken from the first file (in name order).
    """
    sample = read_sample(bank / "sample.tsv")
    records = read_corpus_records(corpus, sample)
    texts = {article: record["text"] for article, record in records.items()}
    read: dict[str, BankArticle] = {}
    for path in sorted((bank / annotations).glob("*.jsonl")):
        for annotated in read_annotations(path, texts):
            read.setdefault(annotated.id, annotated)
    return [
        (annotated, sample[article][1], _article(records[article]))
        for article, annotated in read.items()
    ]


def _article(record: dict[str, str]) -> Article:
    return Article(
        id=record["id"],
        text=record["text"],
        title=record.get("title") or "",
        url=record.get("url") or "",
        source=record.get("source") or "",
        lang=record.get("lang") or "",
    )


def label_bank(
    items: Sequence[tuple[BankArticle, str, Article]],
    pipelines: Pipelines,
    cache: Path | None = None,
    progress: Callable[[int], None] | None = None,
) -> list[LabelledArticle]:
    """Parse the bank's articles (docs cached in `cache`) and label their candidates."""
    gazetteer = load_gazetteer()
    options = ExtractOptions()
    prepared = []
    for annotated, split, article in items:
        ready = prepare_article(article, frozenset())
        if isinstance(ready, PreparedArticle):
            prepared.append((annotated, split, ready))
        else:
            log.warning("bank article %s skipped: %s", article.id, ready.reason)
    labelled = []
    for lang in sorted({ready.lang for _, _, ready in prepared}):
        chosen = [entry for entry in prepared if entry[2].lang == lang]
        docs = _parsed(pipelines, lang, [ready.text for _, _, ready in chosen], cache)
        for (annotated, split, ready), doc in zip(chosen, docs, strict=True):
            labelled.append(_labelled(annotated, split, ready, doc, options, gazetteer))
            if progress:
                progress(1)
    return labelled


def _parsed(pipelines: Pipelines, lang: str, texts: list[str], cache: Path | None) -> list[Doc]:
    nlp = pipelines.get(lang)
    digest = hashlib.sha256(pipelines.model_name(lang).encode())
    for text in texts:
        digest.update(text.encode() + b"\0")
    path = cache / f"docs-{lang}-{digest.hexdigest()[:16]}.spacy" if cache else None
    if path is not None and path.is_file():
        return list(DocBin().from_disk(path).get_docs(nlp.vocab))
    docs = list(nlp.pipe(texts, batch_size=16))
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        DocBin(docs=docs, store_user_data=True).to_disk(path)
    return docs


def _labelled(
    annotated: BankArticle,
    split: str,
    ready: PreparedArticle,
    doc: Doc,
    options: ExtractOptions,
    gazetteer: Gazetteer,
) -> LabelledArticle:
    mentions = article_mentions(ready, doc, options, gazetteer)
    actors = Actors(doc, mentions, ready.lang, gazetteer)
    ruled = stances_of(doc, mentions, ready.lang, gazetteer, actors)
    candidates = candidates_of(doc, actors, ruled, cue_words(ready.lang))
    features = ArticleFeatures(doc, ready.lang, actors.quoted, candidates)
    names = names_by_key(mentions, candidates)
    sentences = tuple(s.text for s in doc.sents)
    labels = tuple(
        label_of(c, annotated.relations, names, sentences[c.sentence]) for c in candidates
    )
    return LabelledArticle(
        annotated.id,
        ready.lang,
        split,
        annotated,
        tuple(candidates),
        tuple(tuple(features.of(c)) for c in candidates),
        labels,
        tuple(ruled),
        names,
        sentences,
    )


def names_by_key(
    mentions: Iterable[Mention], candidates: Iterable[Candidate]
) -> dict[str, frozenset[str]]:
    """Every name key an article gives each entity (its mentions, the rules' endpoints)."""
    names: dict[str, set[str]] = {}
    for mention in mentions:
        names.setdefault(mention.key, set()).update(
            name_keys([mention.name, mention.text, mention.canonical, mention.key])
        )
    for candidate in candidates:
        for endpoint in (candidate.source, candidate.target):
            names.setdefault(endpoint.key, set()).update(
                name_keys([endpoint.name, endpoint.label, endpoint.key])
            )
    return {key: frozenset(values) for key, values in names.items()}


def name_keys(names: Iterable[str]) -> set[str]:
    """Names as compared with annotations (graph.names.entity_key), empty ones dropped."""
    return {key for key in (entity_key(name) for name in names if name) if key}


def names_agree(found: Iterable[str], annotated: Iterable[str]) -> bool:
    """Whether an entity's names (keys) and an annotated side's name the same actor: one
    name equal to another, or held whole in another as its words ("Force Ouvrière" in
    "Force Ouvrière (Workers' Force", "Macron" ending "Emmanuel Macron") when the shorter
    has two words or more, or is the longer's last word of four letters or more (a
    surname). The extractor and the annotator rarely cut a name the same way."""
    annotated = set(annotated)
    for name in found:
        if name in annotated:
            return True
        for other in annotated:
            short, long = sorted((name.split(), other.split()), key=len)
            if len(short) == len(long) or not short:
                continue
            if len(short) == 1:
                if len(short[0]) >= SURNAME_LETTERS and long[-1] == short[0]:
                    return True
            elif any(long[i : i + len(short)] == short for i in range(len(long))):
                return True
    return False


def label_of(
    candidate: Candidate,
    relations: Sequence[BankRelation],
    names: dict[str, frozenset[str]],
    sentence: str,
) -> str | None:
    """The candidate's training label (see the module's docstring)."""
    source = names.get(candidate.source.key, frozenset())
    target = names.get(candidate.target.key, frozenset())
    label: str | None = NONE
    for relation in relations:
        if not (
            names_agree(source, name_keys(relation.sources))
            and names_agree(target, name_keys(relation.targets))
        ):
            continue
        if any(same_sentence(sentence, quote) for quote in relation.evidence):
            return relation.kind
        label = None
    return label


def same_sentence(sentence: str, quote: str) -> bool:
    """Whether a parsed sentence is (part of) an evidence quote, or the quote part of it."""
    words = set(_WORDS.findall(fold(sentence)))
    quoted = set(_WORDS.findall(fold(quote)))
    if not words or not quoted:
        return False
    shared = len(words & quoted)
    return max(shared / len(words), shared / len(quoted)) >= EVIDENCE_OVERLAP
