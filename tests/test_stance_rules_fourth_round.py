"""Stance rules of the fourth round, written from short news stories made up for the
purpose (Canadian, UN, Paris municipal, French–Algerian and farming news, not the corpus):
each construction on fresh sentences it was not written from, and what it must leave
alone."""

from __future__ import annotations

import pytest
from spacy.language import Language

from .conftest import stance_triples

pytestmark = pytest.mark.slow

Triple = tuple[str, str, str]

ENGLISH = [
    # Whoever is praised, thanked or blamed for doing something did it.
    (
        "Mitt Romney praised Liz Cheney for standing up to Donald Trump.",
        {("Mitt Romney", "supports", "Liz Cheney"), ("Liz Cheney", "criticises", "Donald Trump")},
    ),
    (
        "Nancy Pelosi thanked Chuck Schumer for backing Kamala Harris.",
        {("Chuck Schumer", "supports", "Kamala Harris")},
    ),
    (
        "Gavin Newsom blamed Ron DeSantis for attacking Disney.",
        {("Ron DeSantis", "criticises", "Disney")},
    ),
    (
        "Keir Starmer criticised Rishi Sunak for supporting Liz Truss.",
        {("Keir Starmer", "criticises", "Rishi Sunak"), ("Rishi Sunak", "supports", "Liz Truss")},
    ),
    # "stand up to" opposes.
    (
        "Olaf Scholz stood up to Viktor Orban over the sanctions.",
        {("Olaf Scholz", "criticises", "Viktor Orban")},
    ),
    # Calling an act bad criticises its author, named by the participle on it.
    (
        'Bernie Sanders called the budget unveiled by Mike Johnson "an insult to working '
        'families."',
        {("Bernie Sanders", "criticises", "Mike Johnson")},
    ),
    (
        "Elizabeth Warren called the plan approved by Lina Khan a betrayal of consumers.",
        {("Elizabeth Warren", "criticises", "Lina Khan")},
    ),
    # Calling what an actor owns bad criticises the owner, and is no denial.
    (
        'Senator Susan Collins called Pete Hegseth\'s remarks "inadequate."',
        {("Susan Collins", "criticises", "Pete Hegseth")},
    ),
    # Deploring a decision criticises whoever the decision is by.
    (
        "Anthony Albanese deplored the decision by Xi Jinping to impose tariffs.",
        {("Anthony Albanese", "criticises", "Xi Jinping")},
    ),
    # "these attacks": whoever charged someone just before.
    (
        "Jim Jordan accused Merrick Garland of bias. Jamie Raskin condemned these attacks on "
        "Sunday.",
        {("Jamie Raskin", "criticises", "Jim Jordan")},
    ),
]

ENGLISH += [
    # A surname with a lower-case particle first is still the person's name.
    (
        "Ursula von der Leyen arrived in Rome on Monday. Giorgia Meloni praised von der Leyen "
        "for her patience.",
        {("Giorgia Meloni", "supports", "von der Leyen")},
    ),
    # Whom a person is a critic or ally of is no role of theirs: "the Hungarian leader"
    # is the Hungarian named before, not the critic.
    (
        "Hungarian Prime Minister Viktor Orban spoke on Thursday. Polish Prime Minister Donald "
        "Tusk, a longtime critic of the Hungarian leader, welcomed the move.",
        {("Donald Tusk", "criticises", "Viktor Orban")},
    ),
    (
        "French President Emmanuel Macron spoke on Tuesday. German Chancellor Olaf Scholz, a "
        "close ally of the French leader, praised the plan.",
        {("Olaf Scholz", "supports", "Emmanuel Macron")},
    ),
]

ENGLISH += [
    # Cue phrases of political news.
    (
        "Steve Bannon turned on Elon Musk over the visa program.",
        {("Steve Bannon", "criticises", "Elon Musk")},
    ),
    (
        "Nancy Pelosi lavished praise on Joe Biden after the speech.",
        {("Nancy Pelosi", "supports", "Joe Biden")},
    ),
    (
        "Ron DeSantis traded barbs with Nikki Haley in Iowa.",
        {("Ron DeSantis", "criticises", "Nikki Haley")},
    ),
]

ENGLISH += [
    # A one-word organisation NER missed this time is the one it found elsewhere, and "the
    # union" is the union named so, not the country whose union it is ("Britain's").
    (
        "Unite backs Dunmore for Labour leader. Britain's Unite union on Wednesday endorsed "
        "Rachel Dunmore. Daniel Okafor accused the union of trying to buy the leadership.",
        {("Daniel Okafor", "accuses", "Unite")},
    ),
]

ENGLISH += [
    # "the nominee" is the one the article introduced as a nominee.
    (
        "Pete Hegseth, Donald Trump's nominee for defense secretary, met senators on Monday. "
        "Roger Wicker defended the nominee on Tuesday.",
        {("Roger Wicker", "supports", "Pete Hegseth")},
    ),
    (
        "Bill Cassidy, the Louisiana Republican who chairs the Health, Education, Labor and "
        "Pensions Committee, brushed off Elizabeth Warren's claims as a fishing expedition.",
        {("Bill Cassidy", "denies", "Elizabeth Warren")},
    ),
]

ENGLISH_LEFT_ALONE = [
    # Conjuncts inside a relative clause on the subject are no speakers.
    (
        "Bill Cassidy, the Louisiana Republican who chairs the Health, Education, Labor and "
        "Pensions Committee, brushed off Elizabeth Warren's claims as a fishing expedition.",
        ("Pensions Committee", "denies", "Elizabeth Warren"),
    ),
    # A role noun with no determiner after "for" names a post: the party is no target.
    ("The GMB backed Daniel Okafor for Labour leader.", ("GMB", "supports", "Labour Party")),
    ("The GMB backed Daniel Okafor for Labour leader.", ("GMB", "supports", "Labour")),
    (
        "Unite backs Dunmore for Labour leader. Britain's Unite union on Wednesday endorsed "
        "Rachel Dunmore. Daniel Okafor accused the union of trying to buy the leadership.",
        ("Daniel Okafor", "accuses", "United Kingdom"),
    ),
    # The praise goes to the one praised, not to whom they stood up to.
    (
        "Mitt Romney praised Liz Cheney for standing up to Donald Trump.",
        ("Mitt Romney", "criticises", "Donald Trump"),
    ),
    (
        "Nancy Pelosi thanked Chuck Schumer for backing Kamala Harris.",
        ("Nancy Pelosi", "supports", "Kamala Harris"),
    ),
    # Deploring a death sides with the one who died.
    (
        "Joe Biden deplored the death of Alexei Navalny.",
        ("Joe Biden", "criticises", "Alexei Navalny"),
    ),
    # The approver of the thing called a betrayal supports no one in the sentence.
    (
        "Elizabeth Warren called the merger approved by Lina Khan a betrayal of consumers.",
        ("Lina Khan", "supports", "Elizabeth Warren"),
    ),
]

FRENCH = [
    (
        "François Bayrou a félicité Gabriel Attal d'avoir tenu tête à Marine Le Pen.",
        {
            ("François Bayrou", "supports", "Gabriel Attal"),
            ("Gabriel Attal", "criticises", "Marine Le Pen"),
        },
    ),
    (
        "Olivier Faure a remercié Raphaël Glucksmann pour avoir soutenu Boris Vallaud.",
        {("Raphaël Glucksmann", "supports", "Boris Vallaud")},
    ),
    # A perfect infinitive tells a deed: the indirect object did it.
    (
        "Manuel Bompard a reproché à Fabien Roussel d'avoir soutenu Emmanuel Macron.",
        {("Fabien Roussel", "supports", "Emmanuel Macron")},
    ),
    (
        "Gabriel Attal a tenu tête à Jordan Bardella lors du débat.",
        {("Gabriel Attal", "criticises", "Jordan Bardella")},
    ),
    (
        "Marine Tondelier a déploré la décision de Bruno Retailleau.",
        {("Marine Tondelier", "criticises", "Bruno Retailleau")},
    ),
    (
        "Jordan Bardella a accusé Emmanuel Macron d'avoir menti. Édouard Philippe a dénoncé "
        "cette attaque lundi.",
        {("Édouard Philippe", "criticises", "Jordan Bardella")},
    ),
    # A name just before ", qui" is what the clause is about, however the parser hung it.
    (
        "Une position saluée par Marine Le Pen, qui a toutefois accusé Emmanuel Macron "
        "d'avoir « trahi » les agriculteurs à Bruxelles.",
        {("Marine Le Pen", "accuses", "Emmanuel Macron")},
    ),
    # A position welcomed by someone is the position of whoever just claimed something.
    (
        "Valérie Pécresse a assuré que la région ne céderait pas. Une position saluée par "
        "Xavier Bertrand.",
        {("Xavier Bertrand", "supports", "Valérie Pécresse")},
    ),
    # Acts judged insufficient, or labelled a betrayal, with their author after "par".
    (
        "Fabien Roussel a jugé « insuffisantes » les mesures annoncées par Michel Barnier.",
        {("Fabien Roussel", "criticises", "Michel Barnier")},
    ),
    (
        "Manon Aubry a qualifié l'accord conclu par Ursula von der Leyen de « trahison ».",
        {("Manon Aubry", "criticises", "Ursula von der Leyen")},
    ),
    # A second subject after a verb whose subject came first is its object.
    (
        "Clémentine Autain, députée de Seine-Saint-Denis, a critiqué Jean-Luc Mélenchon.",
        {("Clémentine Autain", "criticises", "Jean-Luc Mélenchon")},
    ),
    # A role described before a name is that name.
    (
        "Le ministre des Armées, Sébastien Lecornu, a répondu à Marine Le Pen. Le "
        "Rassemblement national a critiqué le ministre de l'Économie, Éric Lombard.",
        {("Rassemblement national", "criticises", "Éric Lombard")},
    ),
]

FRENCH += [
    (
        "Emmanuel Macron a recadré Gérald Darmanin après ses propos.",
        {("Emmanuel Macron", "criticises", "Gérald Darmanin")},
    ),
    (
        "Olivier Faure a fait bloc derrière Boris Vallaud pendant le congrès.",
        {("Olivier Faure", "supports", "Boris Vallaud")},
    ),
]

FRENCH += [
    # "reprocher à X de …" accuses (the stance bank's guidelines).
    (
        "Olivier Faure a reproché à François Hollande d'avoir trahi la gauche.",
        {("Olivier Faure", "accuses", "François Hollande")},
    ),
    # "a rétorqué" reports what is quoted before it, its speaker after it.
    (
        "Laurent Wauquiez a accusé Bruno Retailleau de mentir. « Ces accusations sont "
        "ridicules », a rétorqué lundi soir Bruno Retailleau sur France 2.",
        {("Bruno Retailleau", "denies", "Laurent Wauquiez")},
    ),
    # The "de" phrase the parser hung on a quoted adjective is the noun's.
    (
        "Hélène Carsalade a fustigé les réquisitions « disproportionnées » de Louis Ferrand.",
        {("Hélène Carsalade", "criticises", "Louis Ferrand")},
    ),
]

FRENCH_LEFT_ALONE = [
    # Taking up a text's defence takes a stance; it makes no act a later "le budget" means.
    (
        "Le gouvernement a présenté un budget lundi. Maxime Prévot a pris la défense du texte. "
        "Le MR a salué le budget.",
        ("MR", "supports", "Maxime Prévot"),
    ),
    (
        "François Bayrou a félicité Gabriel Attal d'avoir tenu tête à Marine Le Pen.",
        ("François Bayrou", "criticises", "Marine Le Pen"),
    ),
    (
        "Jean-Luc Mélenchon a dénoncé la mort de Nahel Merzouk.",
        ("Jean-Luc Mélenchon", "criticises", "Nahel Merzouk"),
    ),
    (
        "Le ministre des Armées, Sébastien Lecornu, a répondu à Marine Le Pen. Le "
        "Rassemblement national a critiqué le ministre de l'Économie, Éric Lombard.",
        ("Rassemblement national", "criticises", "Sébastien Lecornu"),
    ),
    # On whose behalf one speaks, between commas, is not whom one denounces.
    (
        "Sophia Chikirou, investie par La France insoumise, a accusé la gauche d'avoir "
        "« abandonné les quartiers populaires ». Ian Brossat, pour le Parti communiste, a "
        "dénoncé cette attaque.",
        ("Ian Brossat", "criticises", "Parti communiste"),
    ),
    # A reporter after the verb, past a long clause, stays its subject.
    (
        "Et pourtant, le MR aura gouverné avec la N-VA, le Premier ministre Charles Michel "
        "allant jusqu'à les remercier, a dénoncé M. Laaouej.",
        ("Charles Michel", "criticises", "Laaouej"),
    ),
]


@pytest.mark.parametrize(("text", "expected"), ENGLISH)
def test_english_rules(en_nlp: Language, text: str, expected: set[Triple]) -> None:
    assert expected <= stance_triples(en_nlp, text, "en")


@pytest.mark.parametrize(("text", "wrong"), ENGLISH_LEFT_ALONE)
def test_english_rules_leave_these_alone(en_nlp: Language, text: str, wrong: Triple) -> None:
    assert wrong not in stance_triples(en_nlp, text, "en")


@pytest.mark.parametrize(("text", "expected"), FRENCH)
def test_french_rules(fr_nlp: Language, text: str, expected: set[Triple]) -> None:
    assert expected <= stance_triples(fr_nlp, text, "fr")


@pytest.mark.parametrize(("text", "wrong"), FRENCH_LEFT_ALONE)
def test_french_rules_leave_these_alone(fr_nlp: Language, text: str, wrong: Triple) -> None:
    assert wrong not in stance_triples(fr_nlp, text, "fr")
