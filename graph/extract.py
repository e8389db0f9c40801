"""Articles → per-article extraction results (clean, language, spaCy, entities, relations).

This is the expensive stage (spaCy); everything after it works on the plain dataclasses
it returns, so a store can keep them and a rebuild need not parse again.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import islice

from spacy.tokens import Doc

from graph.articles import Article, Corpus, Skipped
from graph.clean import clean_text, find_boilerplate
from graph.entities import Mention, Sentence, mentions_of, sentences_of
from graph.errors import ModelError
from graph.gazetteer import Gazetteer, load_gazetteer
from graph.nlp import Pipelines, detect_language, entity_labels, parse_texts
from graph.relations.stance import Stance, stances_of
from graph.summary import CorpusSummary, ProcessedArticle

log = logging.getLogger(__name__)

#: Articles parsed together; bounds memory (Docs are dropped after each chunk).
CHUNK_SIZE = 256


@dataclass(frozen=True)
class ArticleExtraction:
    """What one article contributes to the graph; plain data, no spaCy objects."""

    article: ProcessedArticle
    sentences: tuple[Sentence, ...]
    mentions: tuple[Mention, ...]
    stances: tuple[Stance, ...] = ()
    #: spaCy's entity spans as written (text, type), before any cleaning or merging: the
    #: "raw spaCy" baseline of `newsgraph eval`.
    raw_entities: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Extraction:
    """The extraction results of a corpus and the account of every input."""

    articles: tuple[ArticleExtraction, ...]
    summary: CorpusSummary = field(default_factory=CorpusSummary)


@dataclass(frozen=True)
class ExtractOptions:
    """Choices that change what is extracted (and so the cache key of a store)."""

    capitals_as_governments: bool = True
    batch_size: int = 32


@dataclass(frozen=True)
class _Prepared:
    article: Article
    lang: str
    text: str


def extract(
    corpus: Corpus,
    *,
    pipelines: Pipelines | None = None,
    options: ExtractOptions | None = None,
    gazetteer: Gazetteer | None = None,
    progress: Callable[[int], None] | None = None,
) -> Extraction:
    """Run cleaning, language detection, spaCy and entity extraction over a corpus.

    Articles that cannot be processed (no model for their language, nothing left after
    cleaning) are skipped with a reason in the summary; the others are extracted.
    `progress(n)` is called as articles are done.
    """
    pipelines = pipelines or Pipelines()
    options = options or ExtractOptions()
    gazetteer = gazetteer or load_gazetteer()
    boilerplate = find_boilerplate(article.text for article in corpus.articles)
    skipped = list(corpus.skipped)
    results: list[ArticleExtraction] = []
    prepared = _prepare_all(corpus.articles, pipelines, boilerplate, skipped, progress)
    for chunk in _chunks(prepared, CHUNK_SIZE):
        results.extend(_extract_chunk(chunk, pipelines, options, gazetteer))
        if progress:
            progress(len(chunk))
    summary = CorpusSummary(processed=tuple(r.article for r in results), skipped=tuple(skipped))
    return Extraction(articles=tuple(results), summary=summary)


def _prepare_all(
    articles: Iterable[Article],
    pipelines: Pipelines,
    boilerplate: frozenset[str],
    skipped: list[Skipped],
    progress: Callable[[int], None] | None,
) -> Iterator[_Prepared]:
    for article in articles:
        outcome = _prepare(article, pipelines, boilerplate)
        if isinstance(outcome, Skipped):
            log.warning("skipped %s: %s", outcome.source, outcome.reason)
            skipped.append(outcome)
            if progress:
                progress(1)
        else:
            yield outcome


def _prepare(
    article: Article, pipelines: Pipelines, boilerplate: frozenset[str]
) -> _Prepared | Skipped:
    """Clean one article and check that it can be parsed, or say why not."""
    source = article.origin or article.id
    lang = detect_language(article.text, article.lang)
    text = clean_text(article.text, lang, boilerplate)
    if not text:
        return Skipped(source, "no text left after removing scraping junk")
    try:
        nlp = pipelines.get(lang)
    except ModelError as error:
        return Skipped(source, f"language {lang!r}: {error}")
    if len(text) > nlp.max_length:
        return Skipped(
            source, f"{len(text):,} characters, over spaCy's limit of {nlp.max_length:,}"
        )
    return _Prepared(article, lang, text)


def _chunks(items: Iterable[_Prepared], size: int) -> Iterator[list[_Prepared]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def _extract_chunk(
    chunk: Sequence[_Prepared],
    pipelines: Pipelines,
    options: ExtractOptions,
    gazetteer: Gazetteer,
) -> list[ArticleExtraction]:
    """Parse a chunk language by language, and return results in the input order."""
    by_position: dict[int, ArticleExtraction] = {}
    for lang in dict.fromkeys(item.lang for item in chunk):
        positions = [i for i, item in enumerate(chunk) if item.lang == lang]
        texts = (chunk[i].text for i in positions)
        docs = parse_texts(pipelines.get(lang), texts, batch_size=options.batch_size)
        for position, doc in zip(positions, docs, strict=True):
            by_position[position] = extract_doc(chunk[position], doc, options, gazetteer)
    return [by_position[i] for i in range(len(chunk))]


def extract_doc(
    item: _Prepared, doc: Doc, options: ExtractOptions, gazetteer: Gazetteer
) -> ArticleExtraction:
    """Everything the graph needs from one parsed article; the Doc is not kept."""
    mentions = mentions_of(
        doc, item.lang, gazetteer, capitals_as_governments=options.capitals_as_governments
    )
    return ArticleExtraction(
        article=_processed(item),
        sentences=tuple(sentences_of(doc)),
        mentions=tuple(mentions),
        stances=tuple(stances_of(doc, mentions, item.lang, gazetteer)),
        raw_entities=_raw_entities(doc, item.lang),
    )


def _raw_entities(doc: Doc, lang: str) -> tuple[tuple[str, str], ...]:
    labels = entity_labels(lang)
    return tuple((ent.text, labels[ent.label_]) for ent in doc.ents if ent.label_ in labels)


def _processed(item: _Prepared) -> ProcessedArticle:
    article = item.article
    return ProcessedArticle(
        id=article.id,
        lang=item.lang,
        title=article.title,
        url=article.url,
        source=article.source,
        words=len(item.text.split()),
    )
