"""The corpus as prepared last time, kept in the store: the same articles are not cleaned
again, and what comes back is what preparing gives."""

from __future__ import annotations

from pathlib import Path

from graph.articles import Article, Corpus, Skipped
from graph.clean import find_boilerplate
from graph.extract import PreparedArticle, prepare_article
from graph.store import MemoryStore, open_store
from graph.store_prepared import corpus_digest, prepare_corpus

ARTICLES = (
    Article("a.txt", "Emmanuel Macron a soutenu Angela Merkel à Berlin.\nPublicité", lang="fr"),
    Article("b.txt", "Le Kremlin a démenti les accusations de Washington.", lang="fr"),
    Article("c.txt", "Publicité"),  # nothing left after cleaning: skipped
    Article("d.txt", "Merci Paris"),  # short, no lang: language unsure
)


def _fresh(articles: tuple[Article, ...]) -> list[PreparedArticle | Skipped]:
    boilerplate = find_boilerplate(article.text for article in articles)
    return [prepare_article(article, boilerplate) for article in articles]


def _kept_digests(path: Path) -> list[str]:
    with open_store(path) as store:
        rows = store.connection.execute("SELECT corpus FROM preparations").fetchall()
    return [row[0] for row in rows]


def test_a_kept_preparation_is_what_preparing_gives(tmp_path: Path) -> None:
    corpus = Corpus(ARTICLES, ())
    with open_store(tmp_path / "s.duckdb") as store:
        first = prepare_corpus(corpus, store)
    with open_store(tmp_path / "s.duckdb") as store:
        assert store.prepared(corpus_digest(ARTICLES), ARTICLES) == first
        again = prepare_corpus(corpus, store)
    assert first == again == _fresh(ARTICLES)
    assert isinstance(again[2], Skipped)
    assert isinstance(again[3], PreparedArticle) and "language unsure" in again[3].warning


def test_a_changed_article_makes_the_corpus_prepared_again_and_only_it_kept(
    tmp_path: Path,
) -> None:
    changed = (*ARTICLES[:3], Article("d.txt", "Moscou a rejeté ces allégations.", lang="fr"))
    with open_store(tmp_path / "s.duckdb") as store:
        prepare_corpus(Corpus(ARTICLES, ()), store)
        assert store.prepared(corpus_digest(changed), changed) is None
        assert prepare_corpus(Corpus(changed, ()), store) == _fresh(changed)
    assert _kept_digests(tmp_path / "s.duckdb") == [corpus_digest(changed)]


def test_the_order_of_the_articles_is_part_of_the_digest() -> None:
    assert corpus_digest(ARTICLES) != corpus_digest(ARTICLES[::-1])


def test_a_build_without_store_prepares_every_time() -> None:
    store = MemoryStore()
    assert prepare_corpus(Corpus(ARTICLES, ()), store) == _fresh(ARTICLES)
    assert store.prepared(corpus_digest(ARTICLES), ARTICLES) is None
