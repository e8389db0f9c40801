"""Ingest: every input becomes an Article or a Skipped with a reason."""

from __future__ import annotations

import json
from pathlib import Path

from graph.articles import Article, Skipped, decode_bytes, read_articles

FRENCH = "Moscou a rejeté ces allégations, a déclaré Maria Zakharova."


def test_txt_in_folder_gets_relative_path_as_id(tmp_path: Path) -> None:
    (tmp_path / "monde").mkdir()
    (tmp_path / "monde" / "a.txt").write_text(FRENCH, encoding="utf-8")
    corpus = read_articles([tmp_path])
    assert [a.id for a in corpus.articles] == ["monde/a.txt"]
    assert corpus.articles[0].text == FRENCH


def test_single_file_gets_its_name_as_id(tmp_path: Path) -> None:
    path = tmp_path / "article.txt"
    path.write_text(FRENCH, encoding="utf-8")
    assert read_articles([path]).articles[0].id == "article.txt"


def test_legacy_encodings_are_detected(tmp_path: Path) -> None:
    text = "Le président a salué la décision de l'Assemblée nationale à Genève. " * 5
    (tmp_path / "latin.txt").write_bytes(text.encode("cp1252"))
    (tmp_path / "bom.txt").write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    (tmp_path / "utf16.txt").write_bytes(text.encode("utf-16"))
    corpus = read_articles([tmp_path])
    assert [a.text for a in corpus.articles] == [text, text, text]


def test_binary_file_named_txt_is_skipped_with_reason(tmp_path: Path) -> None:
    (tmp_path / "scan.txt").write_bytes(b"%PDF-1.7\n\x00\x01\x02\xff\xfe" * 50)
    corpus = read_articles([tmp_path])
    assert corpus.articles == ()
    assert "binary" in corpus.skipped[0].reason


def test_empty_and_unsupported_files_are_accounted_for(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("  \n\t ", encoding="utf-8")
    (tmp_path / "photo.png").write_bytes(b"\x89PNG")
    corpus = read_articles([tmp_path, tmp_path / "missing"])
    reasons = {Path(s.source).name: s.reason for s in corpus.skipped}
    assert "empty" in reasons["empty.txt"]
    assert "unsupported" in reasons["photo.png"]
    assert "no such file" in reasons["missing"]


def test_jsonl_rows_use_id_or_file_and_row(tmp_path: Path) -> None:
    rows = [
        {"id": "x1", "text": FRENCH, "title": "Titre", "lang": "fr", "url": "https://e.org"},
        {"text": FRENCH},
        {"title": "sans texte"},
    ]
    lines = [json.dumps(row) for row in rows] + ["{not json"]
    (tmp_path / "export.jsonl").write_text("\n".join(lines), encoding="utf-8")
    corpus = read_articles([tmp_path])
    assert [a.id for a in corpus.articles] == ["x1", "export.jsonl:2"]
    assert corpus.articles[0] == Article(
        id="x1",
        text=FRENCH,
        title="Titre",
        lang="fr",
        url="https://e.org",
        origin=str(tmp_path / "export.jsonl") + ":1",
    )
    assert [s.source.rsplit(":", 1)[1] for s in corpus.skipped] == ["3", "4"]
    assert "text" in corpus.skipped[0].reason and "JSON" in corpus.skipped[1].reason


def test_csv_with_embedded_newlines_and_extra_fields(tmp_path: Path) -> None:
    content = 'id,title,text\n1,Un,"Première ligne.\nDeuxième ligne."\n2,Deux,texte,en trop\n'
    (tmp_path / "export.csv").write_text(content, encoding="utf-8")
    corpus = read_articles([tmp_path])
    assert corpus.articles[0].text == "Première ligne.\nDeuxième ligne."
    assert corpus.skipped == (
        Skipped(str(tmp_path / "export.csv") + ":2", "row has more fields than the header"),
    )


def test_csv_without_text_column_is_skipped(tmp_path: Path) -> None:
    (tmp_path / "index.csv").write_text("file,url\na.txt,https://e.org\n", encoding="utf-8")
    corpus = read_articles([tmp_path])
    assert "no 'text' column" in corpus.skipped[0].reason


def test_html_main_text_is_extracted_without_boilerplate(tmp_path: Path) -> None:
    paragraph = (
        "Le ministre russe des Affaires étrangères Sergueï Lavrov a reçu son homologue "
        "nord-coréenne Choe Son Hui à Moscou pour parler de coopération militaire. "
    )
    html = (
        "<html><head><title>Rencontre à Moscou</title></head><body>"
        "<nav><a href='/'>Accueil</a> <a href='/monde'>Monde</a></nav>"
        f"<article><h1>Rencontre à Moscou</h1><p>{paragraph * 3}</p><p>{paragraph}</p></article>"
        "<footer>Tous droits réservés - Politique de cookies</footer></body></html>"
    )
    (tmp_path / "page.html").write_text(html, encoding="utf-8")
    article = read_articles([tmp_path]).articles[0]
    assert "Sergueï Lavrov" in article.text
    assert "Accueil" not in article.text and "droits réservés" not in article.text
    assert article.title == "Rencontre à Moscou"


def _page(head: str) -> str:
    body = (
        "Emmanuel Macron a reçu les représentants des gilets jaunes à l'Élysée samedi, "
        "après trois semaines de manifestations dans toute la France. "
    )
    return f"<html><head>{head}</head><body><article><p>{body * 3}</p></article></body></html>"


def test_an_html_page_gives_its_date_and_outlet_its_site_name_first(tmp_path: Path) -> None:
    (tmp_path / "named.html").write_text(
        _page(
            '<meta property="og:site_name" content="Le Temps">'
            '<meta property="article:published_time" content="2018-12-08T10:00:00+01:00">'
            '<link rel="canonical" href="https://www.letemps.ch/monde/gilets-jaunes">'
        ),
        encoding="utf-8",
    )
    (tmp_path / "unnamed.html").write_text(
        _page('<link rel="canonical" href="https://www.tdg.ch/monde/gilets-jaunes.html">'),
        encoding="utf-8",
    )
    named, unnamed = read_articles([tmp_path]).articles
    assert (named.source, named.date) == ("Le Temps", "2018-12-08")
    assert named.url == "https://www.letemps.ch/monde/gilets-jaunes"
    assert (unnamed.source, unnamed.date) == ("tdg.ch", "")  # no site name: the host


def test_duplicate_ids_are_made_unique(tmp_path: Path) -> None:
    (tmp_path / "a.jsonl").write_text(
        json.dumps({"id": "same", "text": "Un."})
        + "\n"
        + json.dumps({"id": "same", "text": "Deux."}),
        encoding="utf-8",
    )
    assert [a.id for a in read_articles([tmp_path]).articles] == ["same", "same#2"]


def test_decode_prefers_utf8() -> None:
    assert decode_bytes("Zelensky à Kyiv".encode()) == "Zelensky à Kyiv"


def test_an_export_s_outlet_date_and_title_are_read_under_their_usual_names(
    tmp_path: Path,
) -> None:
    """Nothing a user gave is dropped for its column name: "outlet", "published",
    "headline", "link", "language", in any case; our own names win where both are given."""
    rows = [
        {"id": "a", "text": FRENCH, "outlet": "Le Monde", "published": "2019-01-05"},
        {"id": "b", "text": FRENCH, "source": "AFP", "outlet": "Le Monde", "Headline": "Titre"},
    ]
    (tmp_path / "export.jsonl").write_text("\n".join(json.dumps(r) for r in rows), "utf-8")
    content = f'Text,Outlet,Link,Language\n"{FRENCH}",La Croix,https://e.org/c,fr\n'
    (tmp_path / "export.csv").write_text(content, encoding="utf-8")
    by_id = {a.id: a for a in read_articles([tmp_path]).articles}
    assert (by_id["a"].source, by_id["a"].date) == ("Le Monde", "2019-01-05")
    assert (by_id["b"].source, by_id["b"].title) == ("AFP", "Titre")
    (from_csv,) = [a for a in by_id.values() if a.origin.startswith(str(tmp_path / "export.csv"))]
    assert (from_csv.source, from_csv.url, from_csv.lang) == ("La Croix", "https://e.org/c", "fr")
