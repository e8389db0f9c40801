"""Fourth round of stance rules: who made the act a speaker welcomes. An act noun's
participle names its author ("les annonces faites par X"); a role in an agent phrase the
article never tied to a name is the last person subject ("annoncées par le président de la
République"); a participle the quotation marks cut off from its noun still describes it;
an article's last act stays its topic however far back it was told. Each rule on the text
it was written from (article named), on fresh text, and with what it must leave alone."""

from __future__ import annotations

import pytest
from spacy.language import Language

from .conftest import stance_triples

pytestmark = pytest.mark.slow

Triple = tuple[str, str, str]

#: Seventeen sentences that tell of no act: what sits between a decision and its welcome.
RALLY = (
    "Une réunion s'est tenue à Rennes. Les agriculteurs sont venus nombreux. Les routes "
    "étaient bloquées dans la matinée. La préfecture a compté 2000 personnes. Il faisait "
    "froid. Des tracteurs ont défilé devant la mairie. Un agriculteur a pris la parole. La "
    "foule a chanté. Les élus locaux étaient présents. La police est restée discrète. Un café "
    "a été servi. Les jeunes agriculteurs ont distribué des tracts. La manifestation s'est "
    "dispersée vers midi. Les routes ont été rouvertes. Aucun incident n'a été signalé. Le "
    "calme est revenu en fin de journée. "
)

FRENCH = [
    # A participle cut off from its noun by quotation marks; "le président" is the last
    # person subject (fr-d031).
    (
        "Emmanuel Macron a confirmé que la part du nucléaire serait ramenée à 50%.\n\nCôté "
        'politique, seul le MoDem saluait le "nouveau prisme" donné par le président "pour '
        'regarder notre avenir".',
        {("MoDem", "supports", "Emmanuel Macron")},
    ),
    (
        "Olaf Scholz a reçu les syndicats mardi. La DGB a salué le « pacte » proposé par le "
        "chancelier lors de la rencontre.",
        {("DGB", "supports", "Olaf Scholz")},
    ),
    (
        "La ministre Élisabeth Borne a présenté son texte. La CFDT a salué la « méthode » "
        "choisie par la Première ministre.",
        {("CFDT", "supports", "Élisabeth Borne")},
    ),
    # "les annonces faites par X" names who made them; "des mesures" later are theirs
    # (fr-d044).
    (
        "« L'impact des annonces faites par le président » Macron sur le déficit français "
        "sera suivi « avec attention », a averti Pierre Moscovici.\n\nSatisfait, le MEDEF a "
        "applaudi des mesures qui « répondent aux attentes sans pénaliser la compétitivité "
        "des entreprises ».",
        {("MEDEF", "supports", "Macron")},
    ),
    (
        "L'impact des annonces faites par Joe Biden sera suivi de près. Satisfaite, la Chambre "
        "de commerce a applaudi des mesures jugées utiles.",
        {("Chambre de commerce", "supports", "Joe Biden")},
    ),
    # A gerund the parser hung on the name it made the root is that person's; a gerund is
    # no complement of the verb it follows (fr-d044).
    (
        "Emmanuel Macron a annoncé des mesures. Jacline Mouraud, porte-parole réputée modérée, "
        "a elle appelé à « une trêve », en saluant « des avancées ».",
        {("Jacline Mouraud", "supports", "Emmanuel Macron")},
    ),
    (
        "Giorgia Meloni a annoncé un décret. Luca Rossi, maire de Turin, a lui appelé au "
        "calme, en saluant « une décision courageuse ».",
        {("Luca Rossi", "supports", "Giorgia Meloni")},
    ),
    # The person an act noun belongs to made it (a copy of fr-d044 in the bulk corpus).
    (
        "D'autres accueillaient plus positivement les annonces d'Emmanuel Macron. Jacline "
        "Mouraud, une porte-parole des « gilets jaunes » réputée modérée, a appelé à « une "
        "trêve », en saluant « des avancées, une porte ouverte » du pouvoir.",
        {("Jacline Mouraud", "supports", "Emmanuel Macron")},
    ),
    (
        "Le plan de Pedro Sánchez a été publié lundi. Le syndicat UGT a salué des mesures "
        "« utiles ».",
        {("UGT", "supports", "Pedro Sánchez")},
    ),
    # The last act told, however many sentences back.
    (
        "Emmanuel Macron a annoncé un plan pour les agriculteurs. " + RALLY + "Satisfait, le "
        "MEDEF a applaudi des mesures qui « vont dans le bon sens ».",
        {("MEDEF", "supports", "Emmanuel Macron")},
    ),
]

ENGLISH = [
    (
        "Joe Biden met union leaders on Monday. The AFL-CIO welcomed the measures unveiled by "
        "the president.",
        {("AFL-CIO", "supports", "Joe Biden")},
    ),
    (
        "The impact of the announcements made by Joe Biden will be closely watched. The "
        "AFL-CIO welcomed the measures.",
        {("AFL-CIO", "supports", "Joe Biden")},
    ),
    (
        'Senator Mark Kelly praised the "new approach" taken by Governor Katie Hobbs on the '
        "border.",
        {("Mark Kelly", "supports", "Katie Hobbs")},
    ),
]


@pytest.mark.parametrize(("text", "expected"), FRENCH)
def test_french_authors_of_acts(fr_nlp: Language, text: str, expected: set[Triple]) -> None:
    assert expected <= stance_triples(fr_nlp, text, "fr")


@pytest.mark.parametrize(("text", "expected"), ENGLISH)
def test_english_authors_of_acts(en_nlp: Language, text: str, expected: set[Triple]) -> None:
    assert expected <= stance_triples(en_nlp, text, "en")


def test_a_role_of_another_gender_is_not_the_last_person(fr_nlp: Language) -> None:
    text = (
        "Emmanuel Macron a reçu les syndicats. La CFDT a salué les mesures annoncées par la "
        "Première ministre."
    )
    assert ("CFDT", "supports", "Emmanuel Macron") not in stance_triples(fr_nlp, text, "fr")


def test_a_participle_after_a_comma_is_not_the_acts(fr_nlp: Language) -> None:
    """ "interrogé par l'AFP" tells who questioned the speaker, not who made the decision."""
    text = (
        "Le Sénat a adopté la loi. Le ministre Jean Dupont a salué la décision, interrogé par "
        "l'AFP."
    )
    assert stance_triples(fr_nlp, text, "fr") == {("Jean Dupont", "supports", "Sénat")}


def test_calling_to_support_is_still_no_support(fr_nlp: Language) -> None:
    text = "Emmanuel Macron a annoncé des mesures. La CGT a appelé à soutenir Jean Dupont."
    assert not stance_triples(fr_nlp, text, "fr")


def test_the_speakers_own_group_is_not_the_author_of_what_she_welcomes(fr_nlp: Language) -> None:
    """The spokesperson's own call, beside her welcome, is no act she welcomes."""
    text = (
        "Jacline Mouraud, une porte-parole des « gilets jaunes » réputée modérée, a appelé à "
        "« une trêve », en saluant « des avancées, une porte ouverte » du pouvoir."
    )
    assert not stance_triples(fr_nlp, text, "fr")


@pytest.mark.parametrize(
    "text",
    [
        # who asked for a gesture did not make it
        "Le gouvernement prépare un geste réclamé par les gilets jaunes. La CFDT a salué "
        "cette décision.",
        # a place after an act noun is where it was made
        "L'accord de Paris a été signé en 2015. Greenpeace a salué cette décision.",
    ],
)
def test_no_author_where_the_text_names_none(fr_nlp: Language, text: str) -> None:
    assert not stance_triples(fr_nlp, text, "fr")


def test_a_surname_and_the_full_name_are_one_person(fr_nlp: Language) -> None:
    """ "M. Di Maio a nié": the claim he denies is his own; no stance towards himself
    (bulk corpus, the Di Maio article)."""
    text = (
        "Luigi Di Maio a accusé la France d'appauvrir l'Afrique. M. Di Maio a toutefois nié "
        "être à l'origine d'un incident diplomatique."
    )
    assert stance_triples(fr_nlp, text, "fr") == {("Luigi Di Maio", "accuses", "France")}


@pytest.mark.parametrize(
    "text",
    [
        # A participle coordinated with a passive one is passive too: its subject was
        # sentenced, it condemns no one (bulk corpus).
        "José Osvaldo Ribeiro avait été jugé et condamné en France en 2010 à 35 ans de prison "
        "pour l'enlèvement et la disparition de Jean-Yves Claudet, citoyen franco-chilien, le "
        "31 octobre 1976.",
        "Carlos Mendes avait été jugé et condamné en Espagne en 2012 à 20 ans de prison pour "
        "l'assassinat de Pablo Ruiz, journaliste basque, le 3 mai 1990.",
        # The name after the agent's role is that role's, not what was condemned (bulk).
        "Le maire a tenu des propos racistes. Des propos fermement condamnés par le préfet "
        "Jean-Luc Marx et le maire de Strasbourg, Roland Ries.",
        "Le député a tenu des propos racistes. Des propos vivement condamnés par le préfet "
        "Michel Cadot et la maire de Lille, Martine Aubry.",
        # "selon des chiffres contestés par X": a phrase, not an apposition to the place
        # before the comma (bulk).
        "Le 15 décembre, le mouvement avait rassemblé 66.000 personnes partout en France, "
        'selon des chiffres officiels régulièrement contestés par les "gilets jaunes".',
        "Le cortège a réuni 5000 personnes à Lyon, selon des chiffres contestés par la CGT.",
    ],
)
def test_no_stance_in_what_only_looks_like_one(fr_nlp: Language, text: str) -> None:
    assert not stance_triples(fr_nlp, text, "fr")


def test_a_name_inside_a_quotation_holds_its_stance_not_the_quoter(en_nlp: Language) -> None:
    """en-d010: Sánchez reports that the European Council backed Spain."""
    text = (
        "“Spain will be a pillar,” Mr Sanchez said. “When it comes to the future political "
        "declaration, the European Council and the Commission have backed Spain's position, "
        "and backed it as never before.”"
    )
    assert ("Sanchez", "supports", "Spain") not in stance_triples(en_nlp, text, "en")
    assert ("European Council", "supports", "Spain") in stance_triples(en_nlp, text, "en")


def test_a_sentence_glued_after_a_year_is_read_on_its_own(fr_nlp: Language) -> None:
    """Bulk corpus: "… depuis son élection en 2017.Les « gilets jaunes » sont soutenus par
    73% des Français" made Macron the one the French support."""
    text = (
        "La cote de popularité de M. Macron est la plus basse depuis son élection en 2017.Les "
        "« gilets jaunes » sont en revanche soutenus par 73% des Français, selon le sondeur "
        "Elabe."
    )
    assert ("France", "supports", "Macron") not in stance_triples(fr_nlp, text, "fr")


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        # A profession with a national adjective is no state speaking (bulk corpus)...
        (
            "Acclamée par le public, l'ancienne actrice américaine, enceinte, a salué la "
            '"vision" de Clare Waight Keller.',
            ("États-Unis", "supports", "Clare Waight Keller"),
        ),
        (
            "Le chanteur britannique a salué le courage de Greta Thunberg.",
            ("Royaume-Uni", "supports", "Greta Thunberg"),
        ),
        # ... a poll is no speaker, and a share of a people is not its country (bulk).
        (
            '68% des Français soutiennent la mobilisation des "gilets jaunes", selon un sondage '
            "OpinionWay pour LCI publié vendredi.",
            ("France", "supports", "gilets jaunes"),
        ),
        (
            "Selon l'institut Ifop, 60 % des Britanniques soutiennent Keir Starmer.",
            ("institut Ifop", "supports", "Keir Starmer"),
        ),
        # A phrase after a name that another preposition opens does not introduce the
        # person: Di Maio is not French, so not "le président français" (bulk).
        (
            "Luigi Di Maio, contre la France « colonialiste », a parlé. Matteo Salvini a déjà "
            "accusé le président français de gouverner « contre son peuple ».",
            ("Matteo Salvini", "accuses", "Luigi Di Maio"),
        ),
    ],
)
def test_who_does_not_speak_for_a_country(fr_nlp: Language, text: str, wrong: Triple) -> None:
    assert wrong not in stance_triples(fr_nlp, text, "fr")


def test_a_state_role_still_speaks_for_its_country(fr_nlp: Language) -> None:
    text = "L'ambassadeur américain a salué le courage de Greta Thunberg."
    assert ("États-Unis", "supports", "Greta Thunberg") in stance_triples(fr_nlp, text, "fr")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A name the parser hung elsewhere, before an unnamed subject in apposition, is the
        # subject (bulk corpus); the movement is not who speaks.
        (
            "Le premier ministre Édouard Philippe a annoncé un moratoire. De son côté, Benjamin "
            "Cauchy, une des figures du mouvement, a salué une « première étape ».",
            {("Benjamin Cauchy", "supports", "Édouard Philippe")},
        ),
        (
            "Jeudi, Marie Martin, une des voix du collectif, a salué le courage de Greta Thunberg.",
            {("Marie Martin", "supports", "Greta Thunberg")},
        ),
    ],
)
def test_a_name_before_an_apposed_subject_speaks(
    fr_nlp: Language, text: str, expected: set[Triple]
) -> None:
    assert stance_triples(fr_nlp, text, "fr") == expected


@pytest.mark.parametrize(
    "text",
    [
        # A claim whose author the text states, but names no one we know, is not the last
        # claimant's (bulk corpus; "du gouvernement" there, now an actor, made "des autorités").
        "Christophe Castaner a affirmé que 136.000 personnes avaient manifesté. Leur leader "
        "Jean-Luc Mélenchon a critiqué sur Twitter une « manipulation des chiffres de "
        "participation » et une « dramatisation » de la part des autorités.",
        "Le ministre Gérald Darmanin a affirmé que la manifestation était un échec. Le député "
        "François Ruffin a dénoncé une « manipulation des chiffres de la préfecture ».",
        # A stance noun two steps below a light verb only through another noun ("faire part
        # de sa solidarité"), not through a verb: "s'adresse … pour exposer les grands axes"
        # (bulk corpus).
        "Pour Emmanuel Macron, le rendez-vous est d'autant plus important qu'il s'adresse mardi "
        "à 200 ambassadeurs français réunis à Paris pour exposer les grands axes de sa "
        "politique étrangère.",
    ],
)
def test_no_target_or_cue_the_text_does_not_give(fr_nlp: Language, text: str) -> None:
    assert not stance_triples(fr_nlp, text, "fr")


def test_a_stance_noun_under_a_noun_under_a_light_verb_is_given(fr_nlp: Language) -> None:
    text = "Le ministre Jean Dupont a fait part de sa solidarité avec la Grèce."
    assert stance_triples(fr_nlp, text, "fr") == {("Jean Dupont", "supports", "Grèce")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Inside a quotation, those a relative clause is about hold its stance, not the one
        # quoted (bulk corpus: "« … une manifestation qui fait l'apologie de cet État »").
        (
            "« Nous voulons montrer aux gens qui soutiennent les gilets jaunes que la presse est "
            "libre », a expliqué le journaliste Jean Dupont.",
            set(),
        ),
        # "nous" is the one quoted.
        (
            "« Nous soutenons les gilets jaunes », a déclaré le député Jean Dupont.",
            {("Jean Dupont", "supports", "gilets jaunes")},
        ),
        # A body named inside the quotation holds its stance.
        (
            "« Le gouvernement italien soutient les gilets jaunes », a déploré le député Jean "
            "Dupont.",
            {("gouvernement (Italie)", "supports", "gilets jaunes")},
        ),
    ],
)
def test_who_holds_a_stance_inside_a_quotation(
    fr_nlp: Language, text: str, expected: set[Triple]
) -> None:
    assert stance_triples(fr_nlp, text, "fr") == expected


def test_an_english_verb_is_no_phrase_by_a_shared_stem(en_nlp: Language) -> None:
    """ "started … with" is not "stand with" (bulk corpus): English phrases match their
    verbs by lemma only."""
    text = (
        "Sully, the former service dog of George H.W. Bush, has started a new job with the US Navy."
    )
    assert not stance_triples(en_nlp, text, "en")


def test_a_french_phrase_verb_still_matches_by_its_stem(fr_nlp: Language) -> None:
    """The lemmatiser left "tire" as written; the stem of "tirer" still finds it."""
    text = "Michel Houellebecq tire à boulets rouges sur la politique de l'Union européenne."
    assert ("Michel Houellebecq", "criticises", "Union européenne") in stance_triples(
        fr_nlp, text, "fr"
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The apposition the parser made a verb took the subject of "nécessaire" (fr-d022).
        (
            "Édouard Philippe va annoncer cette mesure. Le nouveau délégué général de La "
            "République en marche Stanislas Guerini a estimé qu'un moratoire, souvent prélude "
            "dans le passé d'un abandon pur et simple, était nécessaire pour « apaiser le pays ».",
            {("Stanislas Guerini", "supports", "Édouard Philippe")},
        ),
        (
            "Olaf Scholz a présenté un plan d'aide. Le patron de la DGB Yasmin Fahimi a jugé "
            "qu'une réforme, longtemps promise aux salariés, était nécessaire pour sortir de la "
            "crise.",
            {("Yasmin Fahimi", "supports", "Olaf Scholz")},
        ),
        # Not a word of approval.
        (
            "Olaf Scholz a présenté un plan d'aide. Le patron de la DGB Yasmin Fahimi a jugé "
            "qu'une réforme, longtemps promise aux salariés, était impossible.",
            set(),
        ),
    ],
)
def test_a_decision_called_necessary_through_a_misparsed_apposition(
    fr_nlp: Language, text: str, expected: set[Triple]
) -> None:
    assert stance_triples(fr_nlp, text, "fr") == expected


@pytest.mark.parametrize(
    ("text", "lang", "wrong"),
    [
        # What a denied fact is with is not who claimed it (bulk corpus).
        (
            "The leader of Germany's governing party has denied a rift with France after she "
            "replied to Emmanuel Macron's plans.",
            "en",
            ("Germany", "denies", "France"),
        ),
        (
            "Mr Trump has long denied any relationship with Russia and describes the Mueller "
            "investigation as a witch hunt.",
            "en",
            ("Trump", "denies", "Russia"),
        ),
        (
            "Le ministre Jean Dupont a nié tout lien avec la Russie.",
            "fr",
            ("Jean Dupont", "denies", "Russie"),
        ),
    ],
)
def test_a_denied_fact_is_no_claim_of_what_it_is_with(
    fr_nlp: Language, en_nlp: Language, text: str, lang: str, wrong: Triple
) -> None:
    nlp = fr_nlp if lang == "fr" else en_nlp
    assert wrong not in stance_triples(nlp, text, lang)


def test_the_claims_of_someone_are_still_theirs_to_deny(fr_nlp: Language, en_nlp: Language) -> None:
    assert ("Russie", "denies", "États-Unis") in stance_triples(
        fr_nlp, "Le Kremlin a démenti les accusations de Washington.", "fr"
    )
    assert ("Russia", "denies", "United States") in stance_triples(
        en_nlp, "Moscow denied the claims of the United States.", "en"
    )


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # Welcoming a decline is no support for what declines (bulk corpus).
        (
            "Richard Ferrand, the head of the National Assembly, welcomed the “necessary” "
            "weakening of gilets jaunes rallies on Saturday.",
            "en",
        ),
        (
            "Le ministre Christophe Castaner a salué l'essoufflement du mouvement des gilets "
            "jaunes.",
            "fr",
        ),
    ],
)
def test_welcoming_a_decline_supports_no_one(
    fr_nlp: Language, en_nlp: Language, text: str, lang: str
) -> None:
    assert not stance_triples(fr_nlp if lang == "fr" else en_nlp, text, lang)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The apposition is about the phrase right before its comma, not what a
        # preposition before that introduces (bulk corpus).
        (
            "Le ministre Christophe Castaner était interviewé sur Facebook par Brut, un média "
            'plébiscité par les "gilets jaunes".',
            {("gilets jaunes", "supports", "Brut")},
        ),
        (
            "Il a cité le Hamas ou le Hezbollah, des organisations soutenues par l'Iran.",
            {("Iran", "supports", "Hamas"), ("Iran", "supports", "Hezbollah")},
        ),
    ],
)
def test_an_apposition_is_about_the_phrase_before_its_comma(
    fr_nlp: Language, text: str, expected: set[Triple]
) -> None:
    assert stance_triples(fr_nlp, text, "fr") == expected


def test_a_capitalised_role_ner_took_for_a_name_is_the_last_person(fr_nlp: Language) -> None:
    text = (
        "Emmanuel Macron a parlé. Retour sur cet imbroglio au cours duquel le Président a "
        "désavoué son Premier ministre Édouard Philippe."
    )
    assert stance_triples(fr_nlp, text, "fr") == {
        ("Emmanuel Macron", "criticises", "Édouard Philippe")
    }
