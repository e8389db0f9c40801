"""Stance extraction (French): each rule on the sentences it was written from (the seed
article) and on fresh sentences it was not; negation, modality and questions yield nothing."""

from __future__ import annotations

import pytest

from .conftest import SEED_ARTICLE, stance_triples

pytestmark = pytest.mark.slow


def _stances(nlp, text: str) -> set[tuple[str, str, str]]:
    return stance_triples(nlp, text, "fr")


@pytest.fixture(scope="module")
def seed(fr_nlp) -> set[tuple[str, str, str]]:
    return _stances(fr_nlp, SEED_ARTICLE.read_text(encoding="utf-8"))


# -- the seed article (rules written from it) ---------------------------------------------
def test_quoted_support_belongs_to_the_postposed_speaker(seed) -> None:
    assert ("Choe Son Hui", "supports", "Russie") in seed


def test_role_description_resolves_to_the_person_introduced_with_that_nationality(seed) -> None:
    assert ("Sergueï Lavrov", "supports", "Corée du Nord") in seed


def test_denial_targets_the_authors_of_the_preceding_claims(seed) -> None:
    assert ("Corée du Nord", "denies", "États-Unis") in seed
    assert ("Corée du Nord", "denies", "Corée du Sud") in seed


def test_capital_as_subject_stands_for_its_country(seed) -> None:
    assert ("Russie", "denies", "États-Unis") in seed


def test_nobody_supports_or_denies_themselves(seed) -> None:
    assert all(source != target for source, _, target in seed)
    assert ("Sergueï Lavrov", "supports", "Russie") not in seed


# -- fresh sentences -----------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Le président Emmanuel Macron a salué mardi la décision de l'Allemagne.",
            ("Emmanuel Macron", "supports", "Allemagne"),
        ),
        (
            "Angela Merkel a apporté son soutien à l'Ukraine lors du sommet de Bruxelles.",
            ("Angela Merkel", "supports", "Ukraine"),
        ),
        (
            "« Nous soutenons pleinement le peuple ukrainien », a déclaré Olaf Scholz.",
            ("Olaf Scholz", "supports", "Ukraine"),
        ),
        (
            "Emmanuel Macron a remercié Joe Biden pour son aide.",
            ("Emmanuel Macron", "supports", "Joe Biden"),
        ),
        (
            "Le Kremlin a rejeté jeudi les accusations de Londres.",
            ("Russie", "denies", "Royaume-Uni"),
        ),
        (
            "Les États-Unis accusent l'Iran d'avoir fourni des drones. "
            "Téhéran a catégoriquement démenti ces informations.",
            ("Iran", "denies", "États-Unis"),
        ),
        (
            "Selon Josep Borrell, l'Union européenne se tient aux côtés de la Moldavie.",
            ("Union européenne", "supports", "Moldavie"),
        ),
        (
            "Les déclarations de Donald Trump ont été démenties jeudi par le Kremlin.",
            ("Russie", "denies", "Donald Trump"),
        ),
        (
            "Jean-Luc Mélenchon a fustigé mardi le discours d'Emmanuel Macron.",
            ("Jean-Luc Mélenchon", "criticises", "Emmanuel Macron"),
        ),
        (
            "Les gilets jaunes ont manifesté samedi à Paris. "
            "L'acteur Franck Dubosc a apporté son soutien à ce mouvement.",
            ("Franck Dubosc", "supports", "gilets jaunes"),
        ),
        (
            "Emmanuel Macron a annoncé lundi une hausse du salaire minimum. "
            "Laurent Berger a salué ces mesures.",
            ("Laurent Berger", "supports", "Emmanuel Macron"),
        ),
        (
            "« Emmanuel Macron n'a rien compris à la colère », a dénoncé Philippe Martinez.",
            ("Philippe Martinez", "criticises", "Emmanuel Macron"),
        ),
        (
            "Brigitte Bardot et Michel Polnareff ont apporté leur soutien aux gilets jaunes.",
            ("Michel Polnareff", "supports", "gilets jaunes"),
        ),
        (
            "Le président de l'Assemblée nationale, Richard Ferrand, a porté plainte. "
            "Mardi, Marine Le Pen a exprimé son soutien au président de l'Assemblée nationale.",
            ("Marine Le Pen", "supports", "Richard Ferrand"),
        ),
        (
            "Hier, Ségolène Royal, qui a quitté son parti pour soutenir Emmanuel Macron, "
            "a parlé devant les militants.",
            ("Ségolène Royal", "supports", "Emmanuel Macron"),
        ),
        (
            "Selon Moscou, les accusations de Washington sont infondées.",
            ("Russie", "denies", "États-Unis"),
        ),
    ],
)
def test_fresh_sentences(fr_nlp, text, expected) -> None:
    assert expected in _stances(fr_nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "Berlin n'a pas soutenu la proposition de la France.",
        "Le gouvernement italien refuse de soutenir Emmanuel Macron.",
        "Matteo Salvini pourrait soutenir Marine Le Pen aux prochaines élections.",
        "Vladimir Poutine a-t-il soutenu Donald Trump ?",
        "Angela Merkel n'a jamais salué la politique de Viktor Orbán.",
        "Le ministre assistait à la cérémonie aux côtés d'Angela Merkel à Berlin.",
    ],
)
def test_negated_refused_conditional_or_questioned_support_is_not_support(fr_nlp, text) -> None:
    assert not [s for s in _stances(fr_nlp, text) if s[1] == "supports"]


def test_denial_with_no_claim_to_answer_has_no_target(fr_nlp) -> None:
    text = "Le ministère de la Défense a démenti toute implication dans l'incident."
    assert not [s for s in _stances(fr_nlp, text) if s[1] == "denies"]


def test_a_sentence_passed_on_someone_is_not_a_stance(fr_nlp) -> None:
    text = "Le rappeur Kaaris, condamné à 18 mois de prison, a retrouvé Booba à Orly."
    assert not _stances(fr_nlp, text)
