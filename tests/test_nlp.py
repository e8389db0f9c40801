"""The spaCy pipelines as newsgraph loads them: sentence boundaries set before the parser
where it gets news text wrong, and the rule lemmatizer's word index held as sets (a hash
lookup instead of a scan of a 66,000-word list), which gives the very lemmas of the pipeline
as spaCy ships it."""

from __future__ import annotations

import spacy
from spacy.language import Language

from graph.nlp import Pipelines, first_installed, model_choices, paragraph_boundaries
from tests.conftest import EXAMPLES

#: English news sentences with words the lemmatizer has rules for (plurals, past tenses,
#: comparatives) and words it has never seen, so every branch of its rules is taken.
ENGLISH = (
    "Protesters wearing yellow vests blocked roundabouts across France on Saturday, and "
    "the interior ministry said police had arrested 1,723 people. The unions criticised "
    "the government's handling of the demonstrations, calling the fuel taxes the "
    "unfairest yet. Mr Macron's spokesmen denied the accusations; the gilets jaunes "
    "kept chanting outside the Élysée while riot officers fired tear-gas canisters."
)


def _bare(lang: str) -> Language:
    """The same model as `Pipelines` loads, straight from spaCy, with nothing changed."""
    target = first_installed(model_choices()[lang].candidates)
    assert target is not None, lang
    return spacy.load(target)


def _both_lemmatizers(
    nlp: Language, lang: str, texts: list[str]
) -> list[tuple[list[str], list[str]]]:
    """Each text's lemmas from our lemmatizer and from spaCy's unchanged one, each applied to
    its own copy of one parse (paragraph boundaries are ours, so the parses must be shared;
    a lemmatizer leaves a lemma already set alone, so the copies must be apart)."""
    with nlp.select_pipes(disable=["lemmatizer"]):
        docs = list(nlp.pipe(texts))
    ours = nlp.get_pipe("lemmatizer")
    theirs = _bare(lang).get_pipe("lemmatizer")
    return [
        ([t.lemma_ for t in ours(doc.copy())], [t.lemma_ for t in theirs(doc.copy())])
        for doc in docs
    ]


def test_the_lemmatizer_index_is_held_as_sets(pipelines: Pipelines) -> None:
    for lang in ("fr", "en"):
        lemmatizer = pipelines.get(lang).get_pipe("lemmatizer")
        index = lemmatizer.lookups.get_table("lemma_index")
        assert index, lang
        assert all(isinstance(words, frozenset) for words in index.values()), lang


def test_french_lemmas_are_those_of_the_unchanged_pipeline(fr_nlp: Language) -> None:
    texts = [path.read_text(encoding="utf-8") for path in sorted(EXAMPLES.glob("*.txt"))]
    compared = 0
    for ours, theirs in _both_lemmatizers(fr_nlp, "fr", texts):
        assert ours == theirs
        assert all(ours)
        compared += len(ours)
    assert compared > 2_000


def test_english_lemmas_are_those_of_the_unchanged_pipeline(en_nlp: Language) -> None:
    [(ours, theirs)] = _both_lemmatizers(en_nlp, "en", [ENGLISH])
    assert ours == theirs
    assert {"protester", "block", "arrest", "criticise", "deny", "chant"} <= set(ours)


def _starts(nlp: Language, text: str) -> dict[str, bool | None]:
    """Each word's boundary as `paragraph_boundaries` leaves it, before any parse."""
    doc = paragraph_boundaries(nlp.make_doc(text))
    return {token.text: token.is_sent_start for token in doc if not token.is_space}


def test_a_line_break_starts_a_sentence(fr_nlp: Language) -> None:
    text = "Gilets jaunes : un nouvel acte samedi\nLes manifestants se sont rassemblés à Paris."
    assert _starts(fr_nlp, text)["Les"] is True
    first, second = list(fr_nlp(text).sents)
    assert first.text.strip() == "Gilets jaunes : un nouvel acte samedi"
    assert second.text.startswith("Les manifestants")


def test_a_comma_a_closing_quote_or_a_lower_case_word_never_starts_one(
    fr_nlp: Language,
) -> None:
    starts = _starts(fr_nlp, "« Nous irons jusqu'au bout [...] », a déclaré Priscillia Ludosky.")
    assert starts["»"] is starts[","] is starts["a"] is starts["déclaré"] is False
    # A capitalised word inside the sentence is left to the parser.
    assert starts["Priscillia"] is None


def test_an_opening_quote_after_a_full_stop_starts_one_and_its_first_word_does_not(
    fr_nlp: Language,
) -> None:
    starts = _starts(fr_nlp, "Il a quitté la salle. « Nous ne céderons pas », a-t-il dit.")
    assert starts["«"] is True
    assert starts["Nous"] is False
    assert starts["Il"] is True  # the first word of a text always starts one


def test_boundaries_are_set_on_a_text_too_short_to_have_any(fr_nlp: Language) -> None:
    for text in ("", "Oui", "\n"):
        doc = paragraph_boundaries(fr_nlp.make_doc(text))
        assert len(list(fr_nlp.get_pipe("parser")(doc).sents)) <= 1
