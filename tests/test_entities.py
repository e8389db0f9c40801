"""Entities: normalised surface forms, junk filtered, surnames joined inside an article."""

from __future__ import annotations

import pytest

from graph.clean import clean_text
from graph.entities import Mention, entity_key, join_surnames, mentions_of
from graph.entity_names import clean_name
from graph.gazetteer import MAX_NAME_TOKENS, SCANNED_KINDS, find_names, load_gazetteer
from graph.missed_mentions import name_after_title


def _mention(name: str, start: int, type_: str = "PER") -> Mention:
    return Mention(name, entity_key(name), type_, 0, start, start + len(name), name)


def test_key_ignores_case_accents_hyphens_and_apostrophes() -> None:
    assert entity_key("Corée du Nord") == entity_key("COREE DU NORD")
    assert entity_key("Nord-Coréen") == entity_key("nord coréen")
    assert entity_key("Côte d’Ivoire") == entity_key("Cote d'Ivoire")


def test_surname_joins_the_full_name_before_it() -> None:
    mentions = [_mention("Sergueï Lavrov", 0), _mention("Lavrov", 100)]
    assert [m.key for m in join_surnames(mentions)] == ["serguei lavrov", "serguei lavrov"]


def test_surname_joins_the_most_recent_full_name() -> None:
    mentions = [
        _mention("Jean-Marie Le Pen", 0),
        _mention("Marine Le Pen", 50),
        _mention("Le Pen", 100),
    ]
    assert join_surnames(mentions)[2].key == "marine le pen"


def test_surname_before_an_ambiguous_pair_stays_alone() -> None:
    mentions = [
        _mention("Le Pen", 0),
        _mention("Jean-Marie Le Pen", 50),
        _mention("Marine Le Pen", 100),
    ]
    assert join_surnames(mentions)[0].key == "le pen"


def test_surname_does_not_join_another_surname_nor_an_organisation_named_first() -> None:
    mentions = [
        _mention("Hilton", 0, "ORG"),
        _mention("Paris Hilton", 20, "PER"),
        _mention("Macron", 40),
    ]
    assert [m.key for m in join_surnames(mentions)] == ["hilton", "paris hilton", "macron"]


def test_a_surname_ner_typed_otherwise_after_the_full_name_is_the_person() -> None:
    # "Kari Lake … Lake thanked Trump", "Katie Hobbs … Hobbs said": en_core_web_md tags
    # such surnames LOC or ORG
    mentions = [
        _mention("Kari Lake", 0, "PER"),
        _mention("Katie Hobbs", 20, "PER"),
        _mention("Lake", 40, "LOC"),
        _mention("Hobbs", 60, "ORG"),
        _mention("Kari", 80, "PER"),
    ]
    joined = join_surnames(mentions)
    assert [m.key for m in joined[2:]] == ["kari lake", "katie hobbs", "kari lake"]
    assert {m.type for m in joined} == {"PER"}


def test_a_surname_that_does_not_end_the_full_name_is_the_person() -> None:
    # "Issa Tchiroma Bakary … M. Tchiroma", "Pedro Sánchez Pérez-Castejón … Sánchez": a
    # double surname; in a headline before the full name too, when only one person fits
    mentions = [
        _mention("Kamto", 0),
        _mention("Maurice Kamto Mbarga", 20),
        _mention("Kamto", 60),
        _mention("Jean Nkuete", 80),
    ]
    assert [m.key for m in join_surnames(mentions)] == [
        "maurice kamto mbarga",
        "maurice kamto mbarga",
        "maurice kamto mbarga",
        "jean nkuete",
    ]


def test_a_known_place_or_a_shared_first_name_stays_apart() -> None:
    city = Mention("Washington", "Q61", "LOC", 1, 40, 50, "Washington", "Washington")
    mentions = [_mention("George Washington", 0), city, _mention("Marine Tondelier", 60)]
    mentions += [_mention("Marine Le Pen", 80), _mention("Marine", 100)]
    assert [m.key for m in join_surnames(mentions)] == [
        "george washington",
        "Q61",
        "marine tondelier",
        "marine le pen",
        "marine",
    ]


def test_a_known_organisation_named_as_a_person_s_surname_is_that_person() -> None:
    agency = Mention("Bloomberg", "ng:bloomberg", "ORG", 1, 100, 109, "Bloomberg", "Bloomberg")
    joined = join_surnames([_mention("Michael Bloomberg", 0), agency])
    assert joined[1].key == "michael bloomberg" and joined[1].type == "PER"
    # named before the person, or with no such person, it is the agency
    earlier = Mention("Bloomberg", "ng:bloomberg", "ORG", 0, 0, 9, "Bloomberg", "Bloomberg")
    assert join_surnames([earlier, _mention("Michael Bloomberg", 50)])[0].key == "ng:bloomberg"
    assert join_surnames([agency])[0].key == "ng:bloomberg"


def _names(nlp, text: str) -> list[str]:
    return [m.name for m in mentions_of(nlp(text), "fr")]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # from the seed article
        ("visant selon Moscou à contrer l'expansionnisme de l'OTAN.", "OTAN"),
        ("Dans une déclaration aux Nations Unies, un représentant a parlé.", "Nations Unies"),
        # fresh sentences
        ("Le porte-parole a critiqué l'ONU pour son silence.", "ONU"),
        ("Les soldats venant de Pyongyang sont arrivés hier.", "Pyongyang"),
        ("Le sommet s'est tenu à Genève la semaine dernière.", "Genève"),
    ],
)
def test_determiners_prepositions_and_elisions_are_stripped(fr_nlp, text, expected) -> None:
    assert expected in _names(fr_nlp, text)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the bulk corpus's kind: a quotation the paper completed in brackets
        (
            "«Tout a changé avec (Nicolas) Sarkozy», raconte un habitant du quartier.",
            "Nicolas Sarkozy",
        ),
        (
            "«Si (le président français Emmanuel) Macron parle de pratique habituelle, "
            "c'est faux», "
            "a dit Matteo Salvini.",
            "Emmanuel Macron",
        ),
    ],
)
def test_an_editors_brackets_inside_a_name_are_dropped(fr_nlp, text, expected) -> None:
    names = _names(fr_nlp, text)
    assert expected in names
    assert not any("(" in name or ")" in name for name in names)


def test_paired_brackets_stay_in_a_name() -> None:
    assert clean_name("Rassemblement national (RN).") == "Rassemblement national (RN)"
    assert clean_name("Emmanuel) Macron") == "Emmanuel Macron"
    assert clean_name("(RN)") == "RN"


@pytest.mark.slow
def test_capitalised_name_particles_are_kept(fr_nlp) -> None:
    names = _names(fr_nlp, "Marine Le Pen a rencontré les dirigeants du parti à Paris.")
    assert any(name.endswith("Le Pen") for name in names)
    assert "Pen" not in names


@pytest.mark.slow
def test_scraping_junk_is_not_an_entity(fr_nlp) -> None:
    names = _names(fr_nlp, "Zelensky a déploré la zéro réaction de ses alliés.\nRelated News :")
    assert not any("Related" in name for name in names)


@pytest.mark.slow
def test_role_description_alone_is_not_an_entity(fr_nlp) -> None:
    text = "Le ministre russe des Affaires étrangères, pour sa part, s'est félicité du contact."
    assert not any(name.startswith("ministre") for name in _names(fr_nlp, text))


@pytest.mark.slow
def test_titles_are_stripped_from_person_names(fr_nlp) -> None:
    mentions = mentions_of(fr_nlp("Selon M. Emmanuel Macron, la réforme est nécessaire."), "fr")
    assert "Emmanuel Macron" in [m.name for m in mentions]


@pytest.mark.slow
def test_surname_later_in_the_article_shares_the_full_name_key(fr_nlp) -> None:
    doc = fr_nlp(
        "Emmanuel Macron a reçu Angela Merkel à l'Élysée.\n"
        "Plus tard, Macron a déclaré que la rencontre était utile."
    )
    keys = {m.name: m.key for m in mentions_of(doc, "fr")}
    assert keys["Macron"] == keys["Emmanuel Macron"] == "emmanuel macron"


def _keys(nlp, text: str, **options) -> dict[str, str]:
    from graph.gazetteer import load_gazetteer

    doc = nlp(text)
    return {m.name: m.key for m in mentions_of(doc, "fr", load_gazetteer(), **options)}


@pytest.mark.slow
def test_capital_as_government_is_its_country_but_a_place_stays_a_place(fr_nlp) -> None:
    governs = _keys(fr_nlp, "Moscou a rejeté ces allégations, selon l'agence.")
    place = _keys(fr_nlp, "Le sommet s'est tenu à Moscou la semaine dernière.")
    assert governs["Moscou"] == "Q159"
    assert place["Moscou"] == "moscou"


@pytest.mark.slow
def test_capitals_as_governments_can_be_switched_off(fr_nlp) -> None:
    keys = _keys(fr_nlp, "Moscou a rejeté ces allégations.", capitals_as_governments=False)
    assert keys["Moscou"] == "moscou"


@pytest.mark.slow
def test_demonyms_and_gazetteer_names_missed_by_ner_are_found(fr_nlp) -> None:
    keys = _keys(
        fr_nlp,
        "Les Américains ont affirmé disposer de preuves. Les gilets jaunes ont défilé en "
        "Belgique et devant les Nations unies.",
    )
    assert keys.get("Américains") == "Q30"
    assert keys.get("gilets jaunes") == "ng:gilets-jaunes"
    assert keys.get("Belgique") == "Q31"


@pytest.mark.slow
def test_the_gazetteer_scan_finds_what_looking_up_every_run_of_tokens_finds(fr_nlp) -> None:
    text = (
        "Les gilets jaunes ont défilé devant l'Organisation des Nations unies, puis les "
        "Nord-Coréens et les Etats-Unis ont répondu. « La Russie » et l'Union européenne\n"
        "Belgique : les ÉTATS-UNIS d'Amérique, l'OTAN."
    )
    doc = fr_nlp(clean_text(text, "fr"))
    gazetteer = load_gazetteer()
    found = [(span.start, span.end, m.actor.id) for span, m in find_names(doc, "fr", gazetteer)]
    assert found == _every_run_looked_up(doc, gazetteer)
    assert ("ng:gilets-jaunes" in {actor for *_, actor in found}) and len(found) >= 5


def _every_run_looked_up(doc, gazetteer) -> list[tuple[int, int, str]]:
    """The scan as specified: at each token, the longest run of up to six tokens whose
    text is a name (a one-word name capitalised), not ending on a space or punctuation."""
    found, start = [], 0
    while start < len(doc):
        hit = None
        if doc[start].text[:1].isalpha():
            for end in range(min(len(doc), start + MAX_NAME_TOKENS), start, -1):
                span, last = doc[start:end], doc[end - 1]
                if (
                    last.is_space
                    or last.is_punct
                    or (end - start == 1 and not span.text[:1].isupper())
                ):
                    continue
                match = gazetteer.lookup(span.text, "fr", SCANNED_KINDS, any_language=False)
                if match is not None:
                    hit = (start, end, match.actor.id)
                    break
        if hit is None:
            start += 1
        else:
            found.append(hit)
            start = hit[1]
    return found


@pytest.mark.slow
def test_sentence_initial_determiner_before_a_country_is_stripped(fr_nlp) -> None:
    keys = _keys(fr_nlp, "La France a salué l'accord.")
    assert "France" in keys and keys["France"] == "Q142"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an organisation and a person glued by NER
        ("Hier, la présidente du RN Marine Le Pen a critiqué le gouvernement.", {"Marine Le Pen"}),
        # a trailing national adjective is not part of an organisation's name
        ("Le Mouvement 5 étoiles italien a salué la décision.", {"Mouvement 5 étoiles"}),
        # a gazetteer name that NER tagged MISC, and one longer than the NER span inside it
        ("Il a publié un message sur Twitter lundi soir.", {"Twitter"}),
        ("Les députés de La France insoumise ont voté contre.", {"La France insoumise"}),
    ],
)
def test_names_are_cut_and_completed_where_ner_errs(fr_nlp, text, expected) -> None:
    from graph.gazetteer import load_gazetteer

    names = {m.name for m in mentions_of(fr_nlp(text), "fr", load_gazetteer())}
    assert expected <= names


@pytest.mark.slow
def test_surname_ner_missed_is_found_after_the_full_name(pipelines) -> None:
    nlp = pipelines.get("en")
    doc = nlp("Donald Trump met Emmanuel Macron. In the tweets, Trump lambasted Macron.")
    surnames = [m for m in mentions_of(doc, "en") if m.name in ("Trump", "Macron")]
    assert {m.name for m in surnames} == {"Trump", "Macron"}


@pytest.mark.slow
def test_a_name_after_an_honorific_is_a_person_even_where_ner_saw_nothing(pipelines) -> None:
    doc = pipelines.get("en")("Mr Di Maio had previously expressed his admiration.")
    assert [(m.name, m.type) for m in mentions_of(doc, "en")] == [("Di Maio", "PER")]
    doc = pipelines.get("en")("Mr. President, the floor is yours.")
    assert ("President", "PER") not in {(m.name, m.type) for m in mentions_of(doc, "en")}


@pytest.mark.slow
def test_a_name_just_after_an_honorific_or_a_title_is_a_person_whatever_ner_said(
    pipelines,
) -> None:
    """Fresh sentences where spaCy types the name after the honorific as ORG or LOC (it
    left the honorific out of the span)."""
    gazetteer = load_gazetteer()
    for lang, text, name in (
        ("en", "Mr Griveaux said on Monday that the talks had failed.", "Griveaux"),
        ("en", "President Ferrand said on Monday that the talks had failed.", "Ferrand"),
        ("fr", "M. Chalençon a répondu aux questions des députés.", "Chalençon"),
    ):
        mentions = mentions_of(pipelines.get(lang)(text), lang, gazetteer)
        assert (name, "PER") in {(m.name, m.type) for m in mentions}, text


@pytest.mark.slow
def test_a_name_after_a_title_is_a_person_even_where_ner_saw_nothing(pipelines) -> None:
    """ "President Trump" (the English model can read the surname as the verb "trump" and
    tag nothing there); a capitalised word after a title that NER saw as a date, or an
    acronym, stays no person."""
    gazetteer = load_gazetteer()
    for lang, text, name in (
        ("en", "President Trump attacked Democrats on Twitter.", "Trump"),
        ("en", "Governor Whitmer signed the order on Friday.", "Whitmer"),
        ("fr", "Le président Trump a attaqué les démocrates.", "Trump"),
    ):
        mentions = mentions_of(pipelines.get(lang)(text), lang, gazetteer)
        assert (name, "PER") in {(m.name, m.type) for m in mentions}, text
    doc = pipelines.get("en")("The minister Tuesday said the talks would go on.")
    assert ("Tuesday", "PER") not in {(m.name, m.type) for m in mentions_of(doc, "en", gazetteer)}
    doc = pipelines.get("fr")("Le député LR et le président Français ont parlé à M. Ruffin.")
    assert not name_after_title(doc[2:3], "fr", gazetteer)  # LR
    assert not name_after_title(doc[6:7], "fr", gazetteer)  # Français
    assert name_after_title(doc[11:12], "fr", gazetteer)  # Ruffin


@pytest.mark.slow
def test_a_surname_the_tagger_took_for_a_noun_is_still_the_person_named_before(pipelines) -> None:
    """en_core_web_md tags a sentence's first "Trump" as the noun "trump" and NER skips it:
    after "Donald Trump" or "President Trump" it is still him; a common noun that is no
    name's surname, or one in no nominal role, stays none."""
    gazetteer = load_gazetteer()
    nlp = pipelines.get("en")
    for text in (
        "President Donald Trump met Xi Jinping on Monday. Trump has repeatedly attacked the FBI.",
        "President Trump met Xi Jinping on Monday. Trump has repeatedly attacked the FBI.",
    ):
        doc = nlp(text)
        second = next(t for t in doc if t.text == "Trump" and t.sent.start > 0)
        found = [m for m in mentions_of(doc, "en", gazetteer) if m.start == second.idx]
        assert [(m.name, m.type) for m in found] == [("Trump", "PER")], text
    doc = nlp("Donald Trump met Xi Jinping on Monday. Trade has repeatedly hurt the Chinese.")
    assert "Trade" not in {m.name for m in mentions_of(doc, "en", gazetteer)}


@pytest.mark.slow
def test_a_us_politician_s_party_and_state_is_no_entity(pipelines) -> None:
    gazetteer = load_gazetteer()
    doc = pipelines.get("en")(
        "House Speaker Nancy Pelosi (D-Calif.) criticised the plan. Senator Lindsey Graham, "
        "R-S.C., praised it."
    )
    names = {m.name for m in mentions_of(doc, "en", gazetteer)}
    assert {"Nancy Pelosi", "Lindsey Graham"} <= names
    assert not {n for n in names if n.startswith(("D-", "R-"))}


@pytest.mark.slow
def test_a_title_before_a_nationality_or_an_acronym_makes_no_person(fr_nlp) -> None:
    """ "le président Français" (bulk corpus) is an adjective NER capitalised; "le
    président LR du Sénat" a party."""
    gazetteer = load_gazetteer()
    for text, name in (
        ("Pour le président Français, le défi est à la fois politique et personnel.", "Français"),
        ("Le président LR du Sénat Gérard Larcher a parlé.", "LR"),
    ):
        mentions = mentions_of(fr_nlp(text), "fr", gazetteer)
        assert (name, "PER") not in {(m.name, m.type) for m in mentions}, text


@pytest.mark.slow
def test_a_person_cut_short_on_a_surname_particle_gets_the_surname(fr_nlp) -> None:
    """ "Luigi Di" + "Maio" (bulk corpus): NER stopped on the particle, and the parser
    even split the sentence there."""
    doc = fr_nlp("Luigi Di Maio a accusé la France d'appauvrir l'Afrique.")
    assert "Luigi Di Maio" in {m.name for m in mentions_of(doc, "fr")}


@pytest.mark.slow
def test_a_lone_capitalised_role_is_no_name(fr_nlp) -> None:
    """ "le Président a désavoué son Premier ministre" (bulk corpus): NER tags "Président"
    as a person; it is a role, for stance to resolve."""
    doc = fr_nlp("Retour sur cet imbroglio au cours duquel le Président a désavoué son ministre.")
    assert "Président" not in {m.name for m in mentions_of(doc, "fr")}


@pytest.mark.slow
def test_portfolios_in_ministry_titles_are_not_organisations(fr_nlp) -> None:
    from graph.gazetteer import load_gazetteer

    text = (
        "Le secrétaire d'Etat à l'Asile et à la Migration a défendu la chroniqueuse. "
        "Le ministre de l'Agriculture et des Indépendants a parlé. Le secrétaire général de "
        "la CGT et le ministre des Affaires étrangères de la Russie ont parlé."
    )
    names = {m.name for m in mentions_of(fr_nlp(text), "fr", load_gazetteer())}
    assert not names & {"Asile", "Migration", "Indépendants", "Agriculture"}
    assert {"CGT", "Russie"} <= names


@pytest.mark.slow
def test_role_descriptions_become_mentions_of_the_person_they_describe(pipelines) -> None:
    from graph.articles import read_articles
    from graph.build import build_graph
    from graph.extract import extract

    from .conftest import SEED_ARTICLE

    extraction = extract(read_articles([SEED_ARTICLE]), pipelines=pipelines)
    graph = build_graph(extraction.articles)
    choe = graph.nodes["choe son hui"]
    assert "Le chef de la diplomatie nord-coréenne" in choe["aliases"]
    assert "Le ministre russe des Affaires étrangères" in graph.nodes["serguei lavrov"]["aliases"]
    labels = {data["label"] for _, data in graph.nodes(data=True)}
    assert not any(label.casefold().startswith(("le chef", "la ministre")) for label in labels)
    fresh = extract(read_articles([_write_fresh_article()]), pipelines=pipelines).articles[0]
    assert any(
        m.key == "angela merkel" and m.name.startswith("La chancelière") for m in fresh.mentions
    )


def test_a_role_cut_short_by_a_name_inside_it_is_no_mention(fr_nlp) -> None:
    """ "le président de l'Assemblée nationale, Richard Ferrand": the role holds a name of
    its own, so what is left of it ("le président de l'") describes no one."""
    from graph.relations.roles import role_mentions

    doc = fr_nlp(
        "Sur Twitter, le président de l'Assemblée nationale, Richard Ferrand a condamné les "
        "violences."
    )
    gazetteer = load_gazetteer()
    mentions = mentions_of(doc, "fr", gazetteer)
    assert "Richard Ferrand" in {m.name for m in mentions}
    roles = [m.name for m in role_mentions(doc, mentions, "fr", gazetteer)]
    assert not [name for name in roles if name.endswith(("de l'", " de", " du", " la"))]


def _write_fresh_article():
    import tempfile
    from pathlib import Path

    folder = Path(tempfile.mkdtemp())
    path = folder / "merkel.txt"
    path.write_text(
        "La chancelière allemande Angela Merkel a rencontré Emmanuel Macron à Paris.\n"
        "La chancelière allemande a ensuite salué les efforts de la France.",
        encoding="utf-8",
    )
    return path


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "lang", "institution", "place"),
    [
        # fr-d039, fr-d043 and en-d032 were written from; the others are fresh.
        ("La mairie de Paris a porté plainte.", "fr", "mairie de Paris", "Paris"),
        ("Le parquet de Paris a ouvert une enquête.", "fr", "parquet de Paris", "Paris"),
        ("Le tribunal de Bobigny a rendu son jugement.", "fr", "tribunal de Bobigny", "Bobigny"),
        ("La mairie de Lyon a interdit le rassemblement.", "fr", "mairie de Lyon", "Lyon"),
        (
            "The Israeli government and the Jerusalem municipality have worked with the group.",
            "en",
            "Jerusalem municipality",
            "Jerusalem",
        ),
        (
            "Officials from the Gaza municipality said the water was unsafe.",
            "en",
            "Gaza municipality",
            "Gaza",
        ),
    ],
)
def test_a_place_joined_to_an_institution_noun_names_the_institution(
    pipelines, text: str, lang: str, institution: str, place: str
) -> None:
    doc = pipelines.get(lang)(clean_text(text, lang))
    found = {(m.name, m.type) for m in mentions_of(doc, lang, load_gazetteer())}
    assert (institution, "ORG") in found
    assert not any(name == place for name, _ in found)


@pytest.mark.slow
def test_a_place_where_an_institution_sits_stays_a_place(pipelines) -> None:
    doc = pipelines.get("fr")(clean_text("Le maire s'est rendu à la mairie, à Paris.", "fr"))
    assert ("Paris", "LOC") in {(m.name, m.type) for m in mentions_of(doc, "fr", load_gazetteer())}


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "lang", "count"),
    [
        # Fresh sentences, none from the stance bank or the dev sets.
        ("Les syndicats reprochent au gouvernement son silence.", "fr", 1),
        ("Le gouvernement a répondu, et l'exécutif maintient sa réforme.", "fr", 2),
        ("Les agriculteurs ont manifesté devant la préfecture contre le gouvernement.", "fr", 1),
        ("The unions say the government ignored them.", "en", 1),
        ("The government has promised to listen, a minister said.", "en", 1),
    ],
)
def test_the_government_named_by_a_bare_noun_is_an_actor(
    pipelines, text: str, lang: str, count: int
) -> None:
    doc = pipelines.get(lang)(clean_text(text, lang))
    found = [m for m in mentions_of(doc, lang, load_gazetteer()) if m.type == "ORG"]
    governments = [m for m in found if m.canonical in ("gouvernement", "government")]
    assert len(governments) == count
    assert len({m.key for m in governments}) == 1


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # whose government it is: a country (graph.relations.actors reads it) or a person
        ("Le gouvernement italien a critiqué Paris.", "fr"),
        ("Le gouvernement de Charles Michel a démissionné.", "fr"),
        ("Les gouvernements européens se sont réunis.", "fr"),
        ("Le pouvoir exécutif reste prudent.", "fr"),
        ("The French government said nothing.", "en"),
        ("The Trump administration and the Macron government disagree.", "en"),
        ("The government of Italy protested.", "en"),
        ("Government officials declined to comment.", "en"),
    ],
)
def test_a_government_said_to_be_someones_is_not_the_bare_government(
    pipelines, text: str, lang: str
) -> None:
    doc = pipelines.get(lang)(clean_text(text, lang))
    mentions = mentions_of(doc, lang, load_gazetteer())
    assert not [m for m in mentions if m.canonical in ("gouvernement", "government")]


@pytest.mark.slow
def test_an_english_sentence_s_opening_article_is_no_part_of_a_name(en_nlp) -> None:
    for text, name in [
        (
            "The American Civil Liberties Union sued the administration on Monday.",
            "American Civil Liberties Union",
        ),
        ("The Justice Department said it would fight the lawsuit.", "Justice Department"),
        # a sentence the parser did not split after a closing quote
        (
            'Barr said it would discourage "meritless claims." The Justice Department said it '
            "would fight the lawsuit.",
            "Justice Department",
        ),
    ]:
        assert name in [m.name for m in mentions_of(en_nlp(text), "en")]


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "Gérald Darmanin a remercié Les Républicains pour leur sens des responsabilités.",
        "Le ministre a salué Les Républicains et le MoDem.",
        "Les Républicains ont voté contre le budget.",
    ],
)
def test_the_article_ner_cut_off_a_known_party_name_is_kept(fr_nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    """NER gives "Républicains" alone; the party's name is "Les Républicains" (LR)."""
    found = {(m.name, m.key) for m in mentions_of(fr_nlp(text), "fr", load_gazetteer())}
    assert ("Les Républicains", "ng:lr") in found
