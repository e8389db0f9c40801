"""Stance rules of the fifth round, written from short news stories made up for the purpose
(a water company fined, a NATO summit, a National Guard deployment, a motorway annulled by a
court, a UN vote on Western Sahara; not the corpus): each construction on fresh sentences it
was not written from, and what it must leave alone."""

from __future__ import annotations

import pytest

from graph.nlp import Pipelines

from .conftest import stance_triples

pytestmark = pytest.mark.slow

Triple = tuple[str, str, str]

ENGLISH = [
    # "the company", "the alliance": the actor the article describes with that noun, even
    # further on, or else the one it names clearly most.
    (
        "Workers walked out at Tata Steel on Monday. The GMB accused the company of "
        "breaking its promises. Tata Steel, Britain's largest steel company, declined to "
        "comment.",
        {("GMB", "accuses", "Tata Steel")},
    ),
    (
        "NATO defence ministers met in Brussels. NATO said it would add troops in Poland. "
        "The Kremlin accused the alliance of provoking Moscow.",
        {("Russia", "accuses", "NATO")},
    ),
    # An actor said or quoted to have failed, lied or betrayed is criticised.
    (
        '"Shell has failed the people of the Niger Delta," said Amnesty International.',
        {("Amnesty International", "criticises", "Shell")},
    ),
    (
        "Bernie Sanders said Boeing had misled its workers about the pension plan.",
        {("Bernie Sanders", "criticises", "Boeing")},
    ),
    # "the latter": the one named last before it, not its own verb's subject.
    (
        "Bernie Sanders met Joe Biden in Delaware. Alexandria Ocasio-Cortez later praised "
        "the latter for his climate law.",
        {("Alexandria Ocasio-Cortez", "supports", "Joe Biden")},
    ),
    # "Her remarks", condemned: the woman named before, told by her given name.
    (
        "Rachel Reeves defended the budget on Wednesday. Keir Starmer stayed silent. Her "
        "remarks were condemned by Kemi Badenoch.",
        {("Kemi Badenoch", "criticises", "Rachel Reeves")},
    ),
    # "X did not…, but he…": the pronoun subject of the second verb is the first's.
    (
        "Ursula von der Leyen did not name Hungary, but she took aim at Viktor Orban's veto.",
        {("Ursula von der Leyen", "criticises", "Viktor Orban")},
    ),
    # A warning is a claim: dismissing it as absurd denies its author.
    (
        "Jens Stoltenberg warned that Russia could attack NATO within five years. Sergei "
        "Lavrov dismissed the warning as absurd.",
        {("Sergei Lavrov", "denies", "Jens Stoltenberg")},
    ),
    # Rejecting a decision or a proposal criticises its author.
    (
        "The European Parliament rejected Ursula von der Leyen's proposal on Tuesday.",
        {("European Parliament", "criticises", "Ursula von der Leyen")},
    ),
]

ENGLISH_LEFT_ALONE = [
    # a failure denied is none
    (
        '"Shell has not failed anyone," said Amnesty International.',
        ("Amnesty International", "criticises", "Shell"),
    ),
    # "the unions" (plural, several of them) is not the one named most
    (
        "Unite called a strike at Tata Steel. Unite said the talks had collapsed. "
        "Tata Steel accused the unions of blocking a deal.",
        ("Tata Steel", "accuses", "Unite"),
    ),
]

FRENCH = [
    # An institution NER tags as a place is an organisation, and "le tribunal" is it.
    (
        "Saisi par plusieurs associations, le tribunal administratif de Marseille a annulé "
        "mardi le permis de construire. Le maire, Benoît Payan, a fustigé la décision du "
        "tribunal.",
        {("Benoît Payan", "criticises", "tribunal administratif de Marseille")},
    ),
    # Said or quoted to have lied, betrayed, failed: criticised.
    (
        "La CGT a affirmé que Renault avait trahi ses salariés.",
        {("CGT", "criticises", "Renault")},
    ),
    # "rejeter" a decision criticises its author; "repousser" a reform postpones it.
    (
        "Le Sénat a rejeté mardi la proposition de Gabriel Attal.",
        {("Sénat", "criticises", "Gabriel Attal")},
    ),
    # "ce dernier": the one named last before it.
    (
        "Raphaël Glucksmann, qui s'est désisté au profit de François Ruffin, a apporté son "
        "soutien à ce dernier.",
        {("Raphaël Glucksmann", "supports", "François Ruffin")},
    ),
    # A second object joined by "et", hung on the verb by the parser, is aimed at too.
    (
        "Le Hamas a accusé Israël et les États-Unis d'avoir saboté les négociations.",
        {("Hamas", "accuses", "Israël"), ("Hamas", "accuses", "États-Unis")},
    ),
    # A role, then the name after its comma, even where the parser took the first name
    # for a verb: the person speaks, not the country of the role's adjective (a guard: most
    # such sentences parse well).
    (
        "Le ministre algérien des Affaires étrangères, Ahmed Attaf, a rejeté les "
        "accusations de Paris.",
        {("Ahmed Attaf", "denies", "France")},
    ),
]

FRENCH_LEFT_ALONE = [
    (
        "La commission des lois a repoussé la réforme de Gérald Darmanin à l'automne.",
        ("commission des lois", "criticises", "Gérald Darmanin"),
    ),
    (
        "Le ministre algérien des Affaires étrangères, Ahmed Attaf, a rejeté les "
        "accusations de Paris.",
        ("Algérie", "denies", "France"),
    ),
]


READ = [("en", text, expected) for text, expected in ENGLISH]
READ += [("fr", text, expected) for text, expected in FRENCH]
LEFT_ALONE = [("en", text, wrong) for text, wrong in ENGLISH_LEFT_ALONE]
LEFT_ALONE += [("fr", text, wrong) for text, wrong in FRENCH_LEFT_ALONE]


@pytest.mark.parametrize(("lang", "text", "expected"), READ)
def test_the_rules_read(pipelines: Pipelines, lang: str, text: str, expected: set[Triple]) -> None:
    assert expected <= stance_triples(pipelines.get(lang), text, lang)


@pytest.mark.parametrize(("lang", "text", "wrong"), LEFT_ALONE)
def test_the_rules_leave_alone(pipelines: Pipelines, lang: str, text: str, wrong: Triple) -> None:
    assert wrong not in stance_triples(pipelines.get(lang), text, lang)
