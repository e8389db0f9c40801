"""Articles → per-article extraction results (clean, language, spaCy, entities, relations).

This is the expensive stage (spaCy); everything after it works on the plain dataclasses
it returns, so a store can keep them and a rebuild need not parse again.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import islice
from typing import TYPE_CHECKING

from graph.articles import Article, Corpus, InputWarning, Skipped
from graph.clean import clean_text, find_boilerplate
from graph.entities import Mention, Sentence, mentions_of, sentences_of
from graph.errors import ModelError
from graph.fingerprint import PipelineVersion, model_identity, package_digest, pipeline_version
from graph.gazetteer import Gazetteer, load_gazetteer
from graph.language import LanguageError, choose_language
from graph.nlp import (
    Pipelines,
    entity_labels,
    parse_texts,
)
from graph.relations.roles import role_mentions
from graph.relations.stance import Stance, stances_in
from graph.summary import CorpusSummary, ProcessedArticle

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = [
    "ArticleExtraction",
    "ExtractOptions",
    "Extraction",
    "PipelineVersion",
    "PreparedArticle",
    "article_mentions",
    "extract",
    "extract_batch",
    "extract_doc",
    "model_identity",
    "package_digest",
    "pipeline_version",
    "preparation_warnings",
    "prepare_article",
    "unparsable",
]

log = logging.getLogger(__name__)

#: Articles parsed together; bounds memory (Docs are dropped after each chunk).
CHUNK_SIZE = 256
#: Characters spaCy parses at once, at most (an article longer than this alone): its working
#: memory follows the text of a `nlp.pipe` batch, about 4 MB per 1,000 characters with
#: fr_core_news_md, so 32 long articles at once took 0.5 GiB above the loaded model, and a
#: worker's peak grew with the corpus as longer batches turned up. The parses are the same
#: whatever the batch (spaCy parses each text alone; checked on the bulk corpus).
PARSE_BATCH_CHARS = 25_000


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
    #: What the manifest says about articles extracted with a doubt (language unsure).
    warnings: tuple[InputWarning, ...] = ()


@dataclass(frozen=True)
class ExtractOptions:
    """Choices that change what is extracted (and so the cache key of a store)."""

    capitals_as_governments: bool = True
    batch_size: int = 32
    #: Read stances with the trained model (False: the rule readings alone).
    stance_model: bool = True


@dataclass(frozen=True)
class PreparedArticle:
    """An article cleaned and its language known: all a parser needs (plain, picklable)."""

    article: Article
    lang: str
    text: str
    #: What the manifest should say about how it was prepared ("" if nothing): a language
    #: detected on too little text to be sure.
    warning: str = ""


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
    warnings: list[InputWarning] = []
    prepared = _prepare_all(corpus.articles, pipelines, boilerplate, skipped, progress)
    for chunk in _chunks(prepared, CHUNK_SIZE):
        results.extend(_extract_chunk(chunk, pipelines, options, gazetteer))
        warnings.extend(preparation_warnings(chunk))
        if progress:
            progress(len(chunk))
    summary = CorpusSummary(processed=tuple(r.article for r in results), skipped=tuple(skipped))
    return Extraction(articles=tuple(results), summary=summary, warnings=tuple(warnings))


def _prepare_all(
    articles: Iterable[Article],
    pipelines: Pipelines,
    boilerplate: frozenset[str],
    skipped: list[Skipped],
    progress: Callable[[int], None] | None,
) -> Iterator[PreparedArticle]:
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
) -> PreparedArticle | Skipped:
    """Clean one article and check that it can be parsed, or say why not."""
    prepared = prepare_article(article, boilerplate)
    if isinstance(prepared, Skipped):
        return prepared
    return unparsable(prepared, pipelines) or prepared


def prepare_article(
    article: Article, boilerplate: frozenset[str], languages: Collection[str] | None = None
) -> PreparedArticle | Skipped:
    """Language detection and cleaning, no spaCy model: the cheap half of preparing.

    `languages` are those with a pipeline (default: `graph/data/models.toml`); a declared
    language that is not a language code skips the article.
    """
    source = article.origin or article.id
    try:
        choice = choose_language(article.text, article.lang, languages)
    except LanguageError as error:
        return Skipped(source, str(error))
    warning = ""
    if not choice.sure:
        warning = (
            f"language unsure: read as {choice.lang!r} (confidence {choice.confidence:.2f}); "
            "give it a 'lang' to be sure"
        )
        log.warning("%s: %s", source, warning)
    text = clean_text(article.text, choice.lang, boilerplate)
    if not text:
        return Skipped(source, "no text left after removing scraping junk")
    return PreparedArticle(article, choice.lang, text, warning)


def preparation_warnings(items: Iterable[PreparedArticle]) -> tuple[InputWarning, ...]:
    """The manifest's warnings about articles that were prepared with a doubt."""
    return tuple(
        InputWarning(item.article.origin or item.article.id, item.warning)
        for item in items
        if item.warning
    )


def unparsable(item: PreparedArticle, pipelines: Pipelines) -> Skipped | None:
    """Why the article's language pipeline cannot parse it (loading the model), or None."""
    source = item.article.origin or item.article.id
    try:
        nlp = pipelines.get(item.lang)
    except ModelError as error:
        return Skipped(source, f"language {item.lang!r}: {error}")
    if len(item.text) > nlp.max_length:
        return Skipped(
            source, f"{len(item.text):,} characters, over spaCy's limit of {nlp.max_length:,}"
        )
    return None


def extract_batch(
    items: Sequence[PreparedArticle],
    pipelines: Pipelines,
    options: ExtractOptions,
    gazetteer: Gazetteer,
) -> list[ArticleExtraction | Skipped]:
    """Parse and extract a batch of prepared articles; in input order, each article's
    extraction or why it was skipped (no model for its language, too long for spaCy).

    The unit of work of the store and of the workers: it needs nothing but its arguments.
    """
    outcomes: list[ArticleExtraction | Skipped | None] = [
        unparsable(item, pipelines) for item in items
    ]
    positions = [i for i, outcome in enumerate(outcomes) if outcome is None]
    parsed = _extract_chunk([items[i] for i in positions], pipelines, options, gazetteer)
    for position, extraction in zip(positions, parsed, strict=True):
        outcomes[position] = extraction
    return [outcome for outcome in outcomes if outcome is not None]


def _chunks(items: Iterable[PreparedArticle], size: int) -> Iterator[list[PreparedArticle]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def _extract_chunk(
    chunk: Sequence[PreparedArticle],
    pipelines: Pipelines,
    options: ExtractOptions,
    gazetteer: Gazetteer,
) -> list[ArticleExtraction]:
    """Parse a chunk language by language, and return results in the input order."""
    by_position: dict[int, ArticleExtraction] = {}
    for lang in dict.fromkeys(item.lang for item in chunk):
        nlp = pipelines.get(lang)
        same_lang = [i for i, item in enumerate(chunk) if item.lang == lang]
        for group in parse_groups([chunk[i].text for i in same_lang], options.batch_size):
            items = [chunk[same_lang[i]] for i in group]
            docs = parse_texts(nlp, [item.text for item in items], batch_size=len(items))
            for i, item, doc in zip(group, items, docs, strict=True):
                by_position[same_lang[i]] = extract_doc(item, doc, options, gazetteer)
    return [by_position[i] for i in range(len(chunk))]


def parse_groups(
    texts: Sequence[str], batch_size: int, max_chars: int = PARSE_BATCH_CHARS
) -> list[list[int]]:
    """The positions of `texts` in consecutive groups of at most `batch_size` texts and
    `max_chars` characters (a longer text alone), each group one spaCy batch.

    >>> parse_groups(["a" * 10, "b" * 10, "c" * 30, "d"], 32, max_chars=25)
    [[0, 1], [2], [3]]
    """
    groups: list[list[int]] = []
    size = 0
    for position, text in enumerate(texts):
        if not groups or len(groups[-1]) >= batch_size or size + len(text) > max_chars:
            groups.append([])
            size = 0
        groups[-1].append(position)
        size += len(text)
    return groups


def extract_doc(
    item: PreparedArticle, doc: Doc, options: ExtractOptions, gazetteer: Gazetteer
) -> ArticleExtraction:
    """Everything the graph needs from one parsed article; the Doc is not kept."""
    text = doc.text  # read once: spaCy joins every token's text anew on each read
    mentions = article_mentions(item, doc, options, gazetteer, text)
    return ArticleExtraction(
        article=_processed(item),
        sentences=tuple(sentences_of(doc, text)),
        mentions=tuple(mentions),
        stances=tuple(
            stances_in(doc, mentions, item.lang, gazetteer, use_model=options.stance_model)
        ),
        raw_entities=_raw_entities(doc, item.lang),
    )


def article_mentions(
    item: PreparedArticle,
    doc: Doc,
    options: ExtractOptions,
    gazetteer: Gazetteer,
    text: str | None = None,
) -> list[Mention]:
    """The actor mentions of a parsed article: named entities, then the role descriptions
    that stand for one of them, in text order (`text`: `doc.text`, if already read)."""
    mentions = mentions_of(
        doc,
        item.lang,
        gazetteer,
        capitals_as_governments=options.capitals_as_governments,
        text=text,
    )
    described = role_mentions(doc, mentions, item.lang, gazetteer)
    return sorted([*mentions, *described], key=lambda mention: mention.start)


def _raw_entities(doc: Doc, lang: str) -> tuple[tuple[str, str], ...]:
    labels = entity_labels(lang)
    return tuple((ent.text, labels[ent.label_]) for ent in doc.ents if ent.label_ in labels)


def _processed(item: PreparedArticle) -> ProcessedArticle:
    article = item.article
    return ProcessedArticle(
        id=article.id,
        lang=item.lang,
        title=article.title,
        url=article.url,
        source=article.source,
        words=len(item.text.split()),
        date=article.date,
    )
