"""Third round of stance rules: quotations that run over several sentences, handles, roles
NER took for names, lemmatiser slips, agents qualified by their party, authors of acts
named as agents. Each rule on the text it was written from (article named) and on fresh
text, with what it must leave alone."""

from __future__ import annotations

import pytest
from spacy.language import Language

from .conftest import stance_triples

pytestmark = pytest.mark.slow

Triple = tuple[str, str, str]

FERRAND = (
    "Dénonçant un acte grave, le président LREM de l'Assemblée nationale, Richard Ferrand, a "
    "dit porter plainte vendredi soir.\n\n"
)

FRENCH = [
    # The speaker named after a quotation of two sentences; a role NER took for a name is
    # the person introduced with it (fr-d009).
    (
        FERRAND + '"Honte à ceux qui commettent de tels actes. Et soutien amical au Président '
        "de l'Assemblée nationale et à sa famille\", a aussitôt réagi le Premier ministre "
        "Edouard Philippe.",
        {("Edouard Philippe", "supports", "Richard Ferrand")},
    ),
    (
        "« Nous condamnons ces frappes. Et tout notre soutien au président ukrainien Volodymyr "
        "Zelensky », a déclaré jeudi le ministre Jean-Noël Barrot.",
        {("Jean-Noël Barrot", "supports", "Volodymyr Zelensky")},
    ),
    # The speaker named before a quotation that opens in an earlier sentence; a handle that
    # spells a person's name is that person; "envers" the tagger took for a noun (fr-d009).
    (
        FERRAND + "Le ministre de l'Intérieur, Christophe Castaner, a également fait part de sa "
        'solidarité en tweetant peu avant minuit: "Intimidations, menaces, incendies... Des '
        'actes indignes et odieux. Soutien à @RichardFerrand que je sais solide".',
        {("Christophe Castaner", "supports", "Richard Ferrand")},
    ),
    (
        FERRAND + '"Rien ne légitime la violence. Toute ma solidarité envers @RichardFerrand et '
        'ses proches", a réagi le président Emmanuel Macron.',
        {("Emmanuel Macron", "supports", "Richard Ferrand")},
    ),
    (
        "La maire de Paris, Anne Hidalgo, a reçu des menaces de mort.\n\nLe ministre Gérald "
        "Darmanin a réagi dans la soirée : « Des menaces inacceptables. Tout mon soutien à "
        "@AnneHidalgo. »",
        {("Gérald Darmanin", "supports", "Anne Hidalgo")},
    ),
    # A light verb the lemmatiser left as written ("adresse", fr-d014).
    (
        'Arnaud Ducret adresse son soutien aux gilets jaunes: "On en a marre de casquer".',
        {("Arnaud Ducret", "supports", "gilets jaunes")},
    ),
    (
        "Le chanteur Renaud adresse son soutien à Ingrid Betancourt.",
        {("Renaud", "supports", "Ingrid Betancourt")},
    ),
]


FRENCH += [
    # An agent qualified by a party word is the person (fr-d031).
    (
        "Le discours très attendu d'Emmanuel Macron avait été rejeté plus tôt dans la journée "
        "par l'opposition, et jugé \"hors-sol\" par l'Insoumis Jean-Luc Mélenchon qui a "
        'dénoncé la "totale soumission au lobby nucléaire" du président.',
        {("Jean-Luc Mélenchon", "denies", "Emmanuel Macron")},
    ),
    (
        "Les propos d'Ursula von der Leyen ont été rejetés par le socialiste Olivier Faure.",
        {("Olivier Faure", "denies", "Ursula von der Leyen")},
    ),
    # "le mouvement", "le parti": the actor introduced with that noun.
    (
        "Le mouvement des gilets jaunes a manifesté samedi. Le député Éric Coquerel a apporté "
        "son soutien au mouvement.",
        {("Éric Coquerel", "supports", "gilets jaunes")},
    ),
    (
        "Le parti Les Républicains a voté contre. Le député Éric Ciotti a critiqué le parti.",
        {("Éric Ciotti", "criticises", "LR")},
    ),
    # Who announced the measures someone welcomes, named as the agent of "annoncées".
    (
        "Les mesures annoncées lundi par le Premier ministre Édouard Philippe ont été "
        "détaillées mardi. Le MEDEF a salué les mesures.",
        {("MEDEF", "supports", "Édouard Philippe")},
    ),
]

FRENCH += [
    # A bond told by one of its parties is that party's support (fr-d051).
    (
        "Le président Emmanuel Macron a reçu le premier ministre israélien, Benjamin "
        "Nétanyahou. En français, M. Nétanyahou a tenu à saluer l'invitation de M. Macron "
        "comme un « geste très, très fort » qui « témoigne de l'amitié ancienne et profonde "
        "entre la France et Israël ».",
        {("Nétanyahou", "supports", "France")},
    ),
    # Told by someone else, each party's support for the other (fr-d055).
    (
        "Cela «représente une avancée majeure et un jalon important dans la coopération "
        "franco-allemande», a de son côté affirmé Dirk Hoke, directeur général d'Airbus.",
        {("France", "supports", "Allemagne"), ("Allemagne", "supports", "France")},
    ),
    (
        "La coopération sino-russe inquiète Washington.",
        {("Chine", "supports", "Russie"), ("Russie", "supports", "Chine")},
    ),
    (
        "Le chancelier a vanté l'amitié entre l'Allemagne et la Pologne.",
        {("Allemagne", "supports", "Pologne"), ("Pologne", "supports", "Allemagne")},
    ),
]

FRENCH += [
    # A participle judging what someone did, after a comma, judges the doer (fr-d048).
    (
        "Des «gilets jaunes», dont l'une de ses figures Eric Drouet, ont également appelé à une "
        "«grève générale» le 5 février avec la CGT et le NPA, soutenue par le leader de La "
        "France insoumise Jean-Luc Mélenchon.",
        {("Jean-Luc Mélenchon", "supports", "gilets jaunes")},
    ),
    (
        "La CGT a lancé une grève reconductible, soutenue par le député François Ruffin.",
        {("François Ruffin", "supports", "CGT")},
    ),
]

FRENCH += [
    (
        "Le président Emmanuel Macron a noué une amitié avec Angela Merkel.",
        {("Emmanuel Macron", "supports", "Angela Merkel")},
    ),
]

FRENCH += [
    # A definite role never tied to a name is the last person subject (fr-d060).
    (
        "« Incompréhensibles et injustes »: Édouard Philippe a fustigé jeudi les conclusions "
        "de l'enquête du Sénat. Le Premier ministre a particulièrement pris la défense du "
        "secrétaire général de l'Élysée Alexis Kohler.",
        {("Édouard Philippe", "supports", "Alexis Kohler")},
    ),
    (
        "Gabriel Attal s'est rendu à Kiev lundi. Le Premier ministre a salué la décision de "
        "l'Ukraine.",
        {("Gabriel Attal", "supports", "Ukraine")},
    ),
]

FRENCH += [
    # What carries a stance noun: whoever publishes or signs it takes it; "la polémiste
    # d'RTL-TVI" is the one woman of that outlet named (fr-d028).
    (
        "Emmanuelle Praet a été suspendue par RTL. Theo Francken a publié des tweets et un "
        "hashtag de soutien à la polémiste d'RTL-TVI.",
        {("Theo Francken", "supports", "Emmanuelle Praet")},
    ),
    (
        "Le député François Ruffin a signé une lettre de soutien à Julian Assange.",
        {("François Ruffin", "supports", "Julian Assange")},
    ),
]

FRENCH += [
    # A bare denial answers who voiced a concern or accused as agent just before (fr-d041).
    (
        "Face à eux: près de 1200 policiers, accusés de violences récurrentes par un rapport "
        "récent d'Amnesty International. Le ministère de l'Intérieur a démenti.",
        {("ministère de l'Intérieur", "denies", "Amnesty International")},
    ),
    (
        "Amnesty International s'inquiète des expulsions. Le gouvernement hongrois a démenti.",
        {("gouvernement (Hongrie)", "denies", "Amnesty International")},
    ),
]

FRENCH += [
    # Who belongs to the group a relative clause is about speaks with it; the demonym of a
    # named organisation's members is not their country; "Maurice" is no feminine role
    # ending (fr-d027).
    (
        "Maurice Audin est un mathématicien déjà reconnu. Il fait partie de la minorité de "
        "«Pieds Noirs» qui soutient les Algériens du Front de Libération Nationale dans la "
        "guerre d'indépendance.",
        {("Maurice Audin", "supports", "Front de Libération Nationale")},
    ),
    (
        "Le député Éric Ciotti figure parmi les élus qui ont soutenu Israël.",
        {("Éric Ciotti", "supports", "Israël")},
    ),
]

FRENCH += [
    # A labelling participle after a passive denial shares it, each agent apart, also when
    # repeated without its verb (fr-d031).
    (
        "Le discours très attendu d'Emmanuel Macron avait été rejeté plus tôt dans la journée "
        'par l\'opposition, qualifié de "vide absolu" par Marine Le Pen, de "désespérant" '
        'par les Républicains, et jugé "hors-sol" par l\'Insoumis Jean-Luc Mélenchon.',
        {
            ("Marine Le Pen", "denies", "Emmanuel Macron"),
            ("Républicains", "denies", "Emmanuel Macron"),
            ("Jean-Luc Mélenchon", "denies", "Emmanuel Macron"),
        },
    ),
    (
        "Le discours de Gabriel Attal a été rejeté par la gauche, qualifié de « vide » par "
        "Marine Le Pen, de « décevant » par Éric Ciotti.",
        {
            ("Marine Le Pen", "denies", "Gabriel Attal"),
            ("Éric Ciotti", "denies", "Gabriel Attal"),
        },
    ),
]

FRENCH += [
    # A welcomed step answers the last decision announced, several paragraphs up (fr-d022).
    (
        "Édouard Philippe va annoncer un moratoire sur la hausse des taxes. "
        + " ".join(
            f"Les manifestants étaient {n} mille samedi."
            for n in ("deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf")
        )
        + " "
        "Benjamin Cauchy, une des figures du mouvement, a salué une première étape.",
        {("Benjamin Cauchy", "supports", "Édouard Philippe")},
    ),
]

FRENCH += [
    # A decision called necessary is support for its author (written from fr-d022, whose
    # own sentence the parser breaks: "un moratoire, souvent prélude d'un abandon, était
    # nécessaire").
    (
        "Édouard Philippe va annoncer un moratoire. Stanislas Guerini a estimé que le "
        "moratoire était nécessaire.",
        {("Stanislas Guerini", "supports", "Édouard Philippe")},
    ),
]

FRENCH += [
    # A subject the parser marked passive beside an object is active; what is rejected was
    # confirmed by someone before (fr-d031).
    (
        "Emmanuel Macron a confirmé que la part du nucléaire serait ramenée à 50%. Des "
        '"gilets jaunes" ont immédiatement rejeté ce discours.',
        {("gilets jaunes", "denies", "Emmanuel Macron")},
    ),
    # Rejecting what was announced, with no claim before, denies who announced it.
    (
        "Le chancelier Olaf Scholz a annoncé un plan de relance. Friedrich Merz a rejeté ces "
        "annonces.",
        {("Friedrich Merz", "denies", "Olaf Scholz")},
    ),
]

FRENCH += [
    (
        "Le discours a été jugé « hors-sol » par l'Insoumis Jean-Luc Mélenchon qui a salué la "
        "décision de l'Ukraine.",
        {("Jean-Luc Mélenchon", "supports", "Ukraine")},
    ),
]

FRENCH += [
    # A quotation a colon opens is the one person named before the colon's; a hashtag that
    # spells a named actor is that actor; the phrase after "Bravo aux" the parser lost
    # (fr-d023).
    (
        "Les gilets jaunes ont manifesté samedi. La scène a inspiré le commentaire suivant sur "
        'Twitter à Marine Le Pen, présidente du Rassemblement national: "Bravo aux '
        '#GiletsJaunes qui ont fait rempart de leurs corps."',
        {("Marine Le Pen", "supports", "gilets jaunes")},
    ),
    (
        "Les Jeunes Agriculteurs ont bloqué l'autoroute. Le message suivant est venu de Jordan "
        "Bardella : « Bravo aux #JeunesAgriculteurs ! »",
        {("Jordan Bardella", "supports", "Jeunes Agriculteurs")},
    ),
    (
        "La Ligue des droits de l'homme a porté plainte. Réaction de François Ruffin sur X : « "
        "Soutien à la #LigueDesDroitsDeLHomme. »",
        {("François Ruffin", "supports", "Ligue des droits de l'homme")},
    ),
]

FRENCH += [
    # People listed before the subject the parser found speak with it (fr-d056).
    (
        "D'autres élus MR sont montés au créneau, dont David Clarinval, Marion Lemesre ou Eric "
        "Sax prenant fait et cause pour la chroniqueuse Emmanuelle Praet.",
        {
            ("David Clarinval", "supports", "Emmanuelle Praet"),
            ("Marion Lemesre", "supports", "Emmanuelle Praet"),
            ("Eric Sax", "supports", "Emmanuelle Praet"),
        },
    ),
]

FRENCH += [
    # Condemning the arrest of "ce diplomate" sides with the diplomat introduced so (fr-d012).
    (
        "Les deux hommes ciblés par les gels sont Assadollah Assadi, le diplomate qui avait été "
        "arrêté, et Saeid Hashemi Moghadam. «Une fois encore, nous démentons avec véhémence ces "
        "accusations, nous condamnons l'arrestation de ce diplomate et nous appelons à sa "
        "libération immédiate», a réagi un porte-parole des Affaires étrangères iranien, "
        "Bahram Ghassemi.",
        {("Bahram Ghassemi", "supports", "Assadollah Assadi")},
    ),
    (
        "Sergueï Ivanov, le diplomate russe, a été expulsé lundi. Le Kremlin a dénoncé "
        "l'expulsion de ce diplomate.",
        {("Russie", "supports", "Sergueï Ivanov")},
    ),
]

FRENCH += [
    # Support aimed at no one, in a sentence telling who was arrested, goes to them (fr-d049).
    (
        "Il n'aura fallu attendre que quelques minutes après l'arrestation mercredi à Paris "
        "d'Éric Drouet, l'un des chefs de file des «gilets jaunes», pour que Jean-Luc "
        "Mélenchon se fende d'un tweet de soutien.",
        {("Jean-Luc Mélenchon", "supports", "Éric Drouet")},
    ),
    (
        "Quelques minutes après l'arrestation d'Alexeï Navalny, Emmanuel Macron a publié un "
        "message de soutien.",
        {("Emmanuel Macron", "supports", "Alexeï Navalny")},
    ),
]

ENGLISH = [
    (
        "Evan Gershkovich, the diplomat, was detained on Monday. Joe Biden condemned the "
        "detention of this diplomat.",
        {("Joe Biden", "supports", "Evan Gershkovich")},
    ),
    # Echoing "those sentiments" agrees with the one who spoke before (en-d020).
    (
        "EU chief negotiator Michel Barnier expressed regret at the vote. “The EU has done "
        "everything it can,” he said. A spokesman for European Council president Donald Tusk "
        "echoed those sentiments and reminded Britain that any extension would have to be "
        "approved.",
        {("Donald Tusk", "supports", "Michel Barnier")},
    ),
    (
        "Keir Starmer echoed Joe Biden's remarks on Ukraine.",
        {("Keir Starmer", "supports", "Joe Biden")},
    ),
    # What carries a stance participle ("a speech supporting X") is its giver's (en-d024).
    (
        "James Goddard posted messages on Gab. He also gave a speech at a rally in the summer "
        "supporting the far-right activist Tommy Robinson, whose real name is Stephen "
        "Yaxley-Lennon.",
        {("James Goddard", "supports", "Tommy Robinson")},
    ),
    (
        "Marine Le Pen posted a video supporting Viktor Orbán.",
        {("Marine Le Pen", "supports", "Viktor Orbán")},
    ),
    # Claims called unacceptable are rejected.
    (
        "Russia accused Kyiv of shelling the plant. Zelensky said the accusations were "
        "unacceptable.",
        {("Zelensky", "denies", "Russia")},
    ),
    # A gerund after a preposition has the subject of the verb the phrase hangs on, even
    # chained through the object by the parser (en-d003, whose names scraping removed).
    (
        "The government's rhetoric has done nothing to soothe Brussels, as Mr Dragnea and "
        "allies echoed the leaders of  and  in dismissing EU criticism and suggesting liberal "
        "philanthropist  was funding Romania's protests.",
        {("Dragnea", "denies", "European Union")},
    ),
    (
        "Viktor Orbán joined Poland in rejecting the claims of the European Commission.",
        {("Viktor Orbán", "denies", "European Commission")},
    ),
    (
        "Nigel Farage made headlines by dismissing the claims of the European Commission.",
        {("Nigel Farage", "denies", "European Commission")},
    ),
    (
        "Joe Biden announced a new plan on Monday. Donald Trump dismissed the announcement.",
        {("Donald Trump", "denies", "Joe Biden")},
    ),
    (
        "Keir Starmer announced a moratorium on new oil licences. Ed Miliband said the "
        "moratorium was necessary.",
        {("Ed Miliband", "supports", "Keir Starmer")},
    ),
    (
        "Donald Trump's remarks were rejected by Democrats, described as reckless by Nancy Pelosi.",
        {("Nancy Pelosi", "denies", "Donald Trump")},
    ),
    (
        "Nigel Farage was among the politicians who backed Donald Trump.",
        {("Nigel Farage", "supports", "Donald Trump")},
    ),
    (
        "Boris Johnson is one of those who praised Volodymyr Zelensky.",
        {("Boris Johnson", "supports", "Volodymyr Zelensky")},
    ),
    (
        "Human Rights Watch warned of torture in the camps. China denied the allegations.",
        {("China", "denies", "Human Rights Watch")},
    ),
    (
        "Jeremy Corbyn posted a message of support for Julian Assange.",
        {("Jeremy Corbyn", "supports", "Julian Assange")},
    ),
    # A friendship formed "with whom": the one the relative clause is about (en-d001).
    (
        "The WikiLeaks founder Julian Assange is another controversial figure with whom "
        "Anderson has formed a friendship.",
        {("Anderson", "supports", "Julian Assange")},
    ),
    (
        "Viktor Orbán is a leader with whom Salvini has forged an alliance.",
        {("Salvini", "supports", "Viktor Orbán")},
    ),
    # "He said" is the person before, never the names after the verb (en-d012); English
    # quotation marks are kept as the English model knows them.
    (
        "Roland Marchal, an Africa specialist at the National Centre for Scientific Research, "
        "agreed.\n\nHe said Di Maio’s and Salvini’s comments were “utterly risible”.",
        {
            ("Roland Marchal", "denies", "Di Maio"),
            ("Roland Marchal", "denies", "Salvini"),
        },
    ),
    (
        "Angela Rayner spoke in Manchester on Monday.\n\nShe said Boris Johnson's claims were "
        "“total nonsense”.",
        {("Angela Rayner", "denies", "Boris Johnson")},
    ),
    # A government supports its own nationals too.
    (
        "The Israeli government has worked closely with Ateret Cohanim, a Jewish settler group.",
        {("government (Israel)", "supports", "Ateret Cohanim")},
    ),
    (
        "The TUC organised a march in London, supported by Jeremy Corbyn.",
        {("Jeremy Corbyn", "supports", "TUC")},
    ),
    (
        "Franco-German cooperation is at the heart of the plan, the report said.",
        {("France", "supports", "Germany"), ("Germany", "supports", "France")},
    ),
    (
        "The friendship between India and Japan is strong, the Indian prime minister "
        "Narendra Modi said.",
        {("Narendra Modi", "supports", "Japan")},
    ),
    # A supporter found in someone, however the parser hung the noun (en-d001).
    (
        "Following protests that have taken place in France over the past few weeks, the "
        "gilets jaunes or yellow vests movement has found a vocal, and to some, surprising "
        "supporter in Pamela Anderson.",
        {("Pamela Anderson", "supports", "yellow vests")},
    ),
    (
        "The Five Star Movement has found an unlikely supporter in Steve Bannon.",
        {("Steve Bannon", "supports", "Five Star Movement")},
    ),
    # "the group" is the actor the article introduced as one.
    (
        "Hamas, the militant group, fired rockets on Monday. Iran praised the group on Tuesday.",
        {("Iran", "supports", "Hamas")},
    ),
    (
        "The remarks of Boris Johnson were dismissed by the Democrat Nancy Pelosi.",
        {("Nancy Pelosi", "denies", "Boris Johnson")},
    ),
    (
        "The measures announced on Monday by Prime Minister Keir Starmer were detailed on "
        "Tuesday. The CBI welcomed the measures.",
        {("CBI", "supports", "Keir Starmer")},
    ),
]


@pytest.mark.parametrize(("text", "expected"), ENGLISH)
def test_english_agents_and_acts(en_nlp: Language, text: str, expected: set[Triple]) -> None:
    assert expected <= stance_triples(en_nlp, text, "en")


@pytest.mark.parametrize(("text", "expected"), FRENCH)
def test_french_quotes_handles_and_roles(
    fr_nlp: Language, text: str, expected: set[Triple]
) -> None:
    assert expected <= stance_triples(fr_nlp, text, "fr")


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        # A role that only names an institution is not the institution supported.
        (
            FERRAND + '"Soutien amical au Président de l\'Assemblée nationale", a réagi le '
            "Premier ministre Edouard Philippe.",
            ("Edouard Philippe", "supports", "Assemblée nationale"),
        ),
        # Members of a named organisation are not their country (fr-d027).
        (
            "Maurice Audin est un mathématicien. Il fait partie de la minorité qui soutient les "
            "Algériens du Front de Libération Nationale.",
            ("Maurice Audin", "supports", "Algérie"),
        ),
        # A group of a people is not that people's entity speaking.
        (
            "Maurice Audin est un mathématicien. Il fait partie de la minorité de «Pieds Noirs» "
            "qui soutient le Front de Libération Nationale.",
            ("Pieds Noirs", "supports", "Front de Libération Nationale"),
        ),
        # A relative clause on a party word before a name is the person's (fr-d031).
        (
            "Le discours a été jugé « hors-sol » par l'Insoumis Jean-Luc Mélenchon qui a salué "
            "la décision de l'Ukraine.",
            ("La France insoumise", "supports", "Ukraine"),
        ),
        # The party word before a person's name does not act in the person's place.
        (
            "Le discours d'Emmanuel Macron a été rejeté par l'Insoumis Jean-Luc Mélenchon.",
            ("La France insoumise", "denies", "Emmanuel Macron"),
        ),
        # A handle that spells nobody named is no one.
        (
            "Le ministre Gérald Darmanin a réagi : « Tout mon soutien à @MaireDeParis. »",
            ("Gérald Darmanin", "supports", "MaireDeParis"),
        ),
        # A quotation in another paragraph does not borrow this one's speaker.
        (
            "Le ministre Gérald Darmanin s'est exprimé lundi.\n\n« Tout notre soutien à Anne "
            "Hidalgo. »",
            ("Gérald Darmanin", "supports", "Anne Hidalgo"),
        ),
    ],
)
def test_french_quotes_leave_these_alone(fr_nlp: Language, text: str, wrong: Triple) -> None:
    assert wrong not in stance_triples(fr_nlp, text, "fr")


def test_a_definite_noun_nobody_was_introduced_with_is_no_one(
    fr_nlp: Language, en_nlp: Language
) -> None:
    assert not stance_triples(
        fr_nlp, "Le député Éric Coquerel a apporté son soutien au mouvement.", "fr"
    )
    # "group" near Paris does not make Paris the group.
    text = (
        "The attack targeted a rally organised by an opposition group near Paris. John Bolton "
        "is the group's most powerful advocate."
    )
    assert ("John Bolton", "supports", "Paris") not in stance_triples(en_nlp, text, "en")


@pytest.mark.parametrize(
    "text",
    [
        "Il n'y a aucune alliance entre la France et la Russie.",
        "Le conflit israélo-palestinien a fait des milliers de morts.",
        "L'alliance entre la France et ses voisins reste à construire.",
    ],
)
def test_no_bond_without_two_parties_or_when_denied(fr_nlp: Language, text: str) -> None:
    assert not stance_triples(fr_nlp, text, "fr")


def test_only_the_doer_of_an_act_verb_is_judged(fr_nlp: Language) -> None:
    """Whoever dispersed a march did not organise it."""
    text = (
        "Le ministère de l'Intérieur a interdit la manifestation, soutenue par Jean-Luc Mélenchon."
    )
    assert not stance_triples(fr_nlp, text, "fr")


def test_a_quoted_stance_noun_inside_a_clause_is_no_statement(en_nlp: Language) -> None:
    """ "he wrote, that prompts “a form of denial”" describes, it denies nothing (en-d012)."""
    text = (
        "Luigi Di Maio accused France of impoverishing Africa. Historian Gilles Manceron noted "
        "that colonialism haunts France. “It's an embarrassing question”, he wrote, that "
        "prompts “a form of denial” as well as “nostalgia in certain regions”."
    )
    assert not {t for t in stance_triples(en_nlp, text, "en") if t[1] == "denies"}


@pytest.mark.parametrize(
    "text",
    [
        # Introduced as president, he is not "le Premier ministre".
        "Le président Emmanuel Macron s'est rendu à Kiev. Le Premier ministre a salué la "
        "décision de l'Ukraine.",
        # "le chanteur" is a man; the last subject is a woman.
        "Mme Angela Merkel s'est rendue à Kiev. Le chanteur a salué la décision de l'Ukraine.",
    ],
)
def test_a_role_is_not_a_last_subject_it_cannot_be(fr_nlp: Language, text: str) -> None:
    assert not stance_triples(fr_nlp, text, "fr")


def test_a_role_of_a_country_is_not_the_one_woman_named(fr_nlp: Language) -> None:
    """Only an outlet's or party's role falls back to the one person of its gender."""
    text = (
        "Mme Anne Hidalgo a reçu Donald Trump. Le ministre Bruno Le Maire a critiqué la "
        "présidente américaine."
    )
    assert ("Bruno Le Maire", "criticises", "Anne Hidalgo") not in stance_triples(
        fr_nlp, text, "fr"
    )


def test_attacking_someone_is_no_decision_to_welcome(fr_nlp: Language) -> None:
    """ "s'en prendre à" is not "prendre une décision" (fr-d043)."""
    text = (
        "Le quotidien Le Monde a révélé qu'un collaborateur a voulu s'en prendre à un "
        "manifestant. Le député Christian Jacob a salué « une bonne décision »."
    )
    assert ("Christian Jacob", "supports", "Le Monde") not in stance_triples(fr_nlp, text, "fr")


@pytest.mark.parametrize(
    "text",
    [
        "Keir Starmer announced a moratorium. Kemi Badenoch said the moratorium was not necessary.",
        "Russia accused Kyiv of the attack. Zelensky said the claims were not baseless.",
    ],
)
def test_a_negated_english_verdict_is_none(en_nlp: Language, text: str) -> None:
    """English hangs "not" on the copula, not on the adjective."""
    found = stance_triples(en_nlp, text, "en")
    assert not {t for t in found if t[1] in ("supports", "denies")}


def test_a_negated_french_approval_is_none(fr_nlp: Language) -> None:
    text = (
        "Édouard Philippe va annoncer un moratoire. Marine Le Pen a estimé que le moratoire "
        "n'était pas nécessaire."
    )
    assert not stance_triples(fr_nlp, text, "fr")


def test_rejecting_what_nobody_announced_names_no_one(fr_nlp: Language) -> None:
    text = "Il pleuvait sur Paris lundi. Friedrich Merz a rejeté ces annonces."
    assert not stance_triples(fr_nlp, text, "fr")


def test_a_crowd_is_no_carrier_of_its_dispersers_stance(en_nlp: Language) -> None:
    text = "The Metropolitan Police dispersed a crowd supporting Tommy Robinson."
    assert not stance_triples(en_nlp, text, "en")


def test_echoing_sounds_is_no_agreement(en_nlp: Language) -> None:
    text = "Joe Biden spoke on Monday. The hall echoed with applause."
    assert not stance_triples(en_nlp, text, "en")


def test_a_colon_with_two_people_before_it_names_no_speaker(fr_nlp: Language) -> None:
    text = "Jordan Bardella et Marine Le Pen ont manifesté : « Bravo à Gabriel Attal ! »"
    assert not stance_triples(fr_nlp, text, "fr")


def test_a_name_in_a_phrase_before_the_subject_is_no_list_item(fr_nlp: Language) -> None:
    text = "Reçue par Olaf Scholz, Marine Le Pen a apporté son soutien à l'Ukraine."
    assert ("Olaf Scholz", "supports", "Ukraine") not in stance_triples(fr_nlp, text, "fr")


def test_support_aimed_at_someone_is_not_redirected(fr_nlp: Language) -> None:
    text = (
        "Après l'arrestation d'Alexeï Navalny, Emmanuel Macron a apporté son soutien à l'Ukraine."
    )
    assert ("Emmanuel Macron", "supports", "Alexeï Navalny") not in stance_triples(
        fr_nlp, text, "fr"
    )
