"""One node per actor across a corpus (issue 14): short names whatever their NER type, the
type of a node, role descriptions as aliases, acronyms, and the possible duplicates.

The names, types and sentences of the "corpus" tests are those the extractor gave in the
300-article bench (`bench/bench_merge.py`, first lines of gilets_jaunes.jsonl); the
"fresh" tests use sentences written for them."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from graph.articles import Article, Corpus
from graph.build import build_graph
from graph.canonical import KeyFacts, canonicalise_keys
from graph.entities import Mention, Sentence
from graph.export import graph_to_json
from graph.extract import ArticleExtraction, PipelineVersion, PreparedArticle, extract
from graph.names import entity_key
from graph.nlp import Pipelines
from graph.store import StoredExtraction, StoreKey, open_store
from graph.store_graph import graph_from_store
from graph.summary import ProcessedArticle

Named = tuple[str, str]  # (name as written, NER type)


def _article(article: str, sentence: str, *names: Named, canonical: str = "") -> ArticleExtraction:
    """One article of one sentence whose mentions are `names` (a description mention
    carries the person's key and label, as graph.relations.actors makes them)."""
    mentions = tuple(
        Mention(
            name,
            entity_key(canonical if canonical and name[:1].islower() else name),
            type_,
            0,
            i,
            i + 1,
            name,
            canonical if canonical and name[:1].islower() else "",
        )
        for i, (name, type_) in enumerate(names)
    )
    sentences = (Sentence(0, 0, 0, len(sentence), sentence),)
    return ArticleExtraction(ProcessedArticle(article, "fr"), sentences, mentions)


def _repeated(article: str, name: str, type_: str, times: int) -> ArticleExtraction:
    return _article(article, f"{name}.", *[(name, type_)] * times)


def _node_of(graph, name: str) -> str:
    return next(n for n, data in graph.nodes(data=True) if name in data["aliases"])


# --- corpus cases: a short name typed LOC or ORG joins its full name -----------------------


def test_macron_typed_loc_joins_emmanuel_macron_and_the_node_is_a_person() -> None:
    graph = build_graph(
        [
            _article(
                "strasbourg",
                "Valentin Wimmer, un mécanicien retraité de Molsheim venu manifester devant le "
                "Parlement européen à Strasbourg pour faire « barrage à Macron », estime avec "
                "regret que « le mouvement commence à s'effriter ».",
                ("Valentin Wimmer", "PER"),
                ("Macron", "LOC"),
                ("Macron", "LOC"),
            ),
            _article("elysee", "Emmanuel Macron a parlé.", ("Emmanuel Macron", "PER")),
        ]
    )
    node = _node_of(graph, "Macron")
    assert node == _node_of(graph, "Emmanuel Macron") == "emmanuel macron"
    assert graph.nodes[node]["type"] == "PER"  # two LOC votes against one PER


def test_di_maio_typed_org_joins_luigi_di_maio() -> None:
    graph = build_graph(
        [
            _article(
                "guardian",
                "Di Maio had previously expressed his admiration for the gilets jaunes.",
                ("Di Maio", "ORG"),
            ),
            _article("afp", "a ajouté Luigi Di Maio.", ("Luigi Di Maio", "PER")),
        ]
    )
    assert graph.number_of_nodes() == 1
    assert graph.nodes["luigi di maio"]["type"] == "PER"


def test_melenchon_typed_loc_joins_jean_luc_melenchon() -> None:
    graph = build_graph(
        [
            _article(
                "guardian",
                "knocking three points off the score of Le Pen's National Rally and 1.5 off "
                "that of Mélenchon's France Unbowed",
                ("Mélenchon", "LOC"),
            ),
            _repeated("lemonde", "Jean-Luc Mélenchon", "PER", 30),
            _article("tweet", "Jean-Luc", ("Jean-luc", "PER")),
        ]
    )
    assert list(graph.nodes) == ["jean luc melenchon"]


def test_a_given_name_alone_stays_apart_from_a_full_name_not_far_more_named() -> None:
    # protesters quoted by their first name, in the bench's articles (Eric Drouet: 44 mentions)
    eric = [
        "Pour Eric, 40 ans, infographiste et maraîcher, « la revendication que je soutiens le "
        "plus, c'est le RIC ».",
        "Eric était ce mercredi sur la place des Nations à Genève pour dénoncer devant l'ONU les "
        "violences policières en France.",
        "Eric a manifesté.",
    ]
    lucie = [
        "Sur son gilet, Lucie a écrit: « Contre le système économique. »",
        "Lucie, caissière dans un supermarché Lidl exceptionnellement fermé, est arrivée à l'aube.",
    ]
    graph = build_graph(
        [
            *[_article(f"e{i}", text, ("Eric", "PER")) for i, text in enumerate(eric)],
            _repeated("drouet", "Eric Drouet", "PER", 44),
            *[_article(f"l{i}", text, ("Lucie", "PER")) for i, text in enumerate(lucie)],
            _repeated("attal", "Lucie Attal", "PER", 30),
        ]
    )
    assert {"eric", "lucie"} <= set(graph.nodes)


def test_levavasseur_and_a_glued_longer_form_join_ingrid_levavasseur_labelled_plainly() -> None:
    graph = build_graph(
        [
            _article(
                "guardian",
                "Levavasseur accused the French president, Emmanuel Macron, of ignoring them.",
                ("Levavasseur", "ORG"),
            ),
            _article("a", "Ingrid Levavasseur, aide-soignante.", ("Ingrid Levavasseur", "PER")),
            _article(
                "b", "la liste RIC di Ingrid Levavasseur", ("RIC di Ingrid Levavasseur", "PER")
            ),
        ]
    )
    assert list(graph.nodes) == ["ingrid levavasseur"]
    assert graph.nodes["ingrid levavasseur"]["label"] == "Ingrid Levavasseur"


def test_a_full_name_with_words_glued_before_it_joins_it() -> None:
    graph = build_graph(
        [
            _article("a", "« Libérez Éric Drouet. »", ("Libérez Éric Drouet", "PER")),
            _article("b", "Eric Drouet, chauffeur routier.", ("Eric Drouet", "PER")),
            _article("c", "Donald J. Trump a tweeté.", ("Donald J. Trump", "PER")),
            _article("d", "Donald Trump a tweeté.", ("Donald Trump", "PER")),
            _article("e", "Peripheral America brought Trump to the White House.", ("Trump", "ORG")),
        ]
    )
    assert sorted(graph.nodes) == ["donald trump", "eric drouet"]


def test_a_given_name_alone_joins_the_only_full_name_it_starts_named_far_more() -> None:
    sentence = (
        "« Le gouvernement de (Emmanuel) Macron n'est pas à la hauteur », a ajouté Luigi Di Maio."
    )
    articles = [
        _article("a", sentence, ("Emmanuel", "PER"), ("Luigi Di Maio", "PER")),
        _repeated("b", "Emmanuel Macron", "PER", 50),
    ]
    assert "emmanuel" not in build_graph(articles)
    todd = _repeated("c", "Emmanuel Todd", "PER", 50)
    assert "emmanuel" in build_graph([*articles, todd])


def test_le_pen_stays_apart_when_two_le_pens_are_named_about_as_often() -> None:
    graph = build_graph(
        [
            _article(
                "a",
                "Le Pen et le ministre de l'Intérieur Christophe Castaner se sont mutuellement "
                "accusés d'être responsables des violences.",
                ("Le Pen", "ORG"),
                ("Christophe Castaner", "PER"),
            ),
            _repeated("b", "Marine Le Pen", "PER", 2),
            _repeated("c", "Jean-Marie Le Pen", "PER", 1),
        ]
    )
    assert "le pen" in graph
    flagged = {(d["a"], d["b"]) for d in graph.graph["possible_duplicates"]}
    assert ("le pen", "marine le pen") in flagged


def test_le_pen_joins_marine_le_pen_when_she_is_named_ten_times_as_often() -> None:
    graph = build_graph(
        [
            _article("a", "Le Pen a accusé le gouvernement.", ("Le Pen", "ORG")),
            _repeated("b", "Marine Le Pen", "PER", 30),
            _repeated("c", "Jean-Marie Le Pen", "PER", 2),
        ]
    )
    assert sorted(graph.nodes) == ["jean marie le pen", "marine le pen"]


# --- fresh cases -------------------------------------------------------------------------


def test_a_place_named_far_more_often_than_a_person_of_that_name_stays_a_place() -> None:
    graph = build_graph(
        [
            _repeated("a", "Washington", "LOC", 12),
            _article("b", "George Washington traversa le fleuve.", ("George Washington", "PER")),
        ]
    )
    assert sorted(graph.nodes) == ["george washington", "washington"]
    assert graph.nodes["washington"]["type"] == "LOC"


def test_a_name_starting_with_a_given_name_is_a_person_whatever_ner_said() -> None:
    graph = build_graph([_repeated("a", "Priscillia Ludosky", "ORG", 3)])
    assert graph.nodes["priscillia ludosky"]["type"] == "PER"


def test_a_hyphenated_surname_typed_org_joins_the_full_name() -> None:
    graph = build_graph(
        [
            _article(
                "a",
                "Kramp-Karrenbauer on Monday tried to squash any rumours.",
                ("Kramp-Karrenbauer", "ORG"),
            ),
            _article(
                "b", "Annegret Kramp-Karrenbauer a répondu.", ("Annegret Kramp-Karrenbauer", "PER")
            ),
        ]
    )
    assert list(graph.nodes) == ["annegret kramp karrenbauer"]


def test_the_store_resolves_like_memory(tmp_path: Path) -> None:
    articles = [
        _article("a", "pour faire « barrage à Macron »", ("Macron", "LOC")),
        _article("b", "Emmanuel Macron a parlé.", ("Emmanuel Macron", "PER")),
        _article("c", "Di Maio had expressed his admiration.", ("Di Maio", "ORG")),
        _article("d", "a ajouté Luigi Di Maio.", ("Luigi Di Maio", "PER")),
    ]
    version = PipelineVersion("v-test", "{}")
    rows = [
        StoredExtraction(
            StoreKey(f"content-{e.article.id}", version.id),
            e,
            PreparedArticle(Article(e.article.id, ""), "fr", ""),
            version,
        )
        for e in articles
    ]
    with open_store(tmp_path / "s.duckdb") as store:
        store.put(rows)
        built = graph_from_store(store, [r.key for r in rows], [e.article for e in articles])  # type: ignore[arg-type]
    expected = build_graph(articles)
    assert json.dumps(graph_to_json(built), sort_keys=True) == json.dumps(
        graph_to_json(expected), sort_keys=True
    )
    assert sorted(built.nodes) == ["emmanuel macron", "luigi di maio"]


def test_resolution_needs_only_the_key_facts() -> None:
    keys = {
        "macron": KeyFacts(Counter({"LOC": 47}), {"Macron"}, 47),
        "emmanuel macron": KeyFacts(Counter({"PER": 597}), {"Emmanuel Macron"}, 597),
        "brigitte macron": KeyFacts(Counter({"PER": 3}), {"Brigitte Macron"}, 3),
    }
    canonical = canonicalise_keys(keys)
    assert canonical("macron") == "emmanuel macron"
    assert canonical("brigitte macron") == "brigitte macron"
    assert canonical.types["emmanuel macron"] == "PER"


# --- role descriptions -------------------------------------------------------------------


def test_a_description_of_the_other_gender_is_not_an_alias() -> None:
    graph = build_graph(
        [
            _article(
                "reunion",
                "reste particulièrement vive à la Réunion où la ministre des Outre-mer Annick "
                "Girardin a dû être exfiltrée par son service d'ordre vendredi.",
                ("Christophe Castaner", "PER"),
                ("la ministre des Outre-mer", "PER"),
                canonical="Christophe Castaner",
            ),
            _article(
                "ps",
                "l'ancienne ministre socialiste, qui a pris ses distances avec le PS",
                ("Edouard Philippe", "PER"),
                ("l'ancienne ministre socialiste", "PER"),
                canonical="Edouard Philippe",
            ),
        ]
    )
    assert graph.nodes["christophe castaner"]["aliases"] == ["Christophe Castaner"]
    assert graph.nodes["edouard philippe"]["aliases"] == ["Edouard Philippe"]


def test_a_description_matched_less_often_than_it_contradicts_is_dropped() -> None:
    macron = [
        _article(
            f"m{i}",
            "Le président français ne peut pas faire l'économie d'annonces fortes.",
            ("Emmanuel Macron", "PER"),
            ("le président français", "PER"),
            canonical="Emmanuel Macron",
        )
        for i in range(3)
    ]
    trump = _article(
        "t",
        "a tweeté Donald Trump, dont les relations avec le président français se sont tendues",
        ("Donald Trump", "PER"),
        ("avec le président français", "PER"),
        canonical="Donald Trump",
    )
    graph = build_graph([*macron, trump])
    assert "avec le président français" not in graph.nodes["donald trump"]["aliases"]
    assert "le président français" in graph.nodes["emmanuel macron"]["aliases"]


def test_a_description_repeated_in_one_article_is_outvoted_by_more_articles() -> None:
    """Articles are counted, not mentions: a wrong resolution repeated five times in one
    article does not outweigh two articles where the description is someone else."""
    wrong = _article(
        "t",
        "a tweeté Donald Trump, dont les relations avec le président français se sont tendues",
        ("Donald Trump", "PER"),
        *[("avec le président français", "PER")] * 5,
        canonical="Donald Trump",
    )
    right = [
        _article(
            f"m{i}",
            "Le président français ne peut pas faire l'économie d'annonces fortes.",
            ("Emmanuel Macron", "PER"),
            ("le président français", "PER"),
            canonical="Emmanuel Macron",
        )
        for i in range(2)
    ]
    graph = build_graph([wrong, *right])
    assert "avec le président français" not in graph.nodes["donald trump"]["aliases"]


def test_an_english_plural_description_is_no_persons_alias() -> None:
    """Bench corpus: "the leaders of the yellow vest movement" was resolved to Eric
    Drouet."""
    graph = build_graph(
        [
            _article(
                "a",
                "A politicised police targeting and harassing the leaders of the yellow vest "
                "movement.",
                ("Eric Drouet", "PER"),
                ("the leaders of the", "PER"),
                canonical="Eric Drouet",
            )
        ]
    )
    assert graph.nodes["eric drouet"]["aliases"] == ["Eric Drouet"]


def test_each_alias_keeps_the_articles_it_was_matched_in() -> None:
    """A role description kept as an alias says which articles resolved it to the person
    (graph.json `alias_articles`), so a reader can check it."""
    graph = build_graph(
        [
            _article(
                f"m{i}",
                "Le président français ne peut pas faire l'économie d'annonces fortes.",
                ("Emmanuel Macron", "PER"),
                ("le président français", "PER"),
                canonical="Emmanuel Macron",
            )
            for i in range(2)
        ]
        + [_article("x", "Macron a parlé.", ("Macron", "PER"))]
    )
    provenance = graph.nodes["emmanuel macron"]["alias_articles"]
    assert provenance == {
        "Emmanuel Macron": ["m0", "m1"],
        "Macron": ["x"],
        "le président français": ["m0", "m1"],
    }
    assert sorted(provenance) == graph.nodes["emmanuel macron"]["aliases"]


def test_a_bare_role_noun_is_each_articles_own_and_a_plural_never_one_person() -> None:
    graph = build_graph(
        [
            _article(
                "a",
                "le président a parlé",
                ("Donald Trump", "PER"),
                ("le président", "PER"),
                canonical="Donald Trump",
            ),
            _article(
                "b",
                "le président a parlé",
                ("Emmanuel Macron", "PER"),
                ("le président", "PER"),
                canonical="Emmanuel Macron",
            ),
            _article(
                "c",
                "le président a parlé",
                ("Emmanuel Macron", "PER"),
                ("le président", "PER"),
                canonical="Emmanuel Macron",
            ),
            _article(
                "d",
                "les maires ont parlé",
                ("Emmanuel Macron", "PER"),
                ("les maires", "PER"),
                canonical="Emmanuel Macron",
            ),
        ]
    )
    assert "le président" in graph.nodes["donald trump"]["aliases"]
    assert "les maires" not in graph.nodes["emmanuel macron"]["aliases"]


# --- acronyms ----------------------------------------------------------------------------


def test_ric_stays_the_referendum_not_an_organisation_spelling_it() -> None:
    graph = build_graph(
        [
            _article(
                "a",
                "Samedi, les manifestants étaient nombreux à réclamer l'organisation d'un « RIC », "
                "un référendum d'initiative citoyenne.",
                ("RIC", "ORG"),
            ),
            _article(
                "b",
                "le Ralliement d'Initiative Citoyenne",
                ("Ralliement d'Initiative Citoyenne", "ORG"),
            ),
        ]
    )
    assert sorted(graph.nodes) == ["ralliement d initiative citoyenne", "ric"]


def test_an_unknown_acronym_joins_the_only_organisation_it_spells() -> None:
    graph = build_graph(
        [
            _article("a", "La FNSEA appelle au calme.", ("FNSEA", "ORG")),
            _article(
                "b",
                "La Fédération nationale des syndicats d'exploitants agricoles appelle au calme.",
                ("Fédération nationale des syndicats d'exploitants agricoles", "ORG"),
            ),
        ]
    )
    assert graph.number_of_nodes() == 1


# --- possible duplicates -----------------------------------------------------------------


def test_duplicates_say_why_and_leave_spelling_only_and_junk_pairs_out() -> None:
    graph = build_graph(
        [
            _article("a", "Mâcon, en Saône-et-Loire.", ("Macon", "LOC")),
            _article(
                "b", "Emmanuel Macron a parlé.", ("Emmanuel Macron", "PER"), ("Macron", "PER")
            ),
            _article(
                "c",
                "Damian Penaud 4, Damian Penaud.",
                ("Damian Penaud 4", "PER"),
                ("Damian Penaud", "PER"),
            ),
            _article(
                "d", "expliquait-il au Parisien", ("Parisien", "LOC"), ("Benjamin Griveaux", "PER")
            ),
            _article(
                "e", "selon Le Parisien", ("Le Parisien", "ORG"), ("Benjamin Griveaux", "PER")
            ),
        ]
    )
    pairs = {(d["a"], d["b"]): d for d in graph.graph["possible_duplicates"]}
    assert ("macon", "macron") not in pairs and ("macon", "emmanuel macron") not in pairs
    assert not any("4" in a + b for a, b in pairs)
    reason = pairs[("le parisien", "parisien")]["reason"]
    assert reason.startswith("same name but a determiner") and "1 shared neighbours" in reason


def test_a_name_and_the_same_name_after_an_article_are_one_actor_when_types_agree() -> None:
    graph = build_graph(
        [
            _article("a", "dans un entretien au Monde", ("Monde", "ORG")),
            _article("b", "selon le journal Le Monde", ("Le Monde", "ORG")),
            _article("c", "Adèle Thorens (Verts/VD)", ("Verts", "LOC")),
            _article("d", "derrière Les Verts", ("Les Verts", "ORG")),
        ]
    )
    assert sorted(graph.nodes) == ["le monde", "les verts", "verts"]


def test_a_surname_fitting_two_people_ranks_the_one_it_shares_more_with_first() -> None:
    rugby = "when Horne kicked deeply, Ramos gathered and left Sean Maitland for dead."
    graph = build_graph(
        [
            _article("a", rugby, ("Horne", "ORG"), ("Ramos", "PER"), ("Sean Maitland", "PER")),
            _article(
                "b", "Peter Horne, Sean Maitland.", ("Peter Horne", "PER"), ("Sean Maitland", "PER")
            ),
            _article(
                "c", "Matt Horne, of the NCA.", ("Matt Horne", "PER"), ("Robert Dawes", "PER")
            ),
        ]
    )
    ranked = [(d["a"], d["b"]) for d in graph.graph["possible_duplicates"]]
    assert ranked.index(("horne", "peter horne")) < ranked.index(("horne", "matt horne"))


# --- real sentences through the French pipeline ------------------------------------------


@pytest.mark.slow
def test_real_articles_give_one_macron_node(pipelines: Pipelines) -> None:
    corpus = Corpus(
        (
            Article(
                "a",
                "Valentin Wimmer, un mécanicien retraité de Molsheim (Bas-Rhin) venu manifester "
                "devant le Parlement européen à Strasbourg pour faire « barrage à Macron », "
                "estime avec regret que « le mouvement commence à s'effriter ».",
                lang="fr",
            ),
            Article(
                "b",
                "Le président Emmanuel Macron a reçu les maires à l'Elysée lundi. "
                "Emmanuel Macron leur a promis un grand débat.",
                lang="fr",
            ),
        ),
        (),
    )
    graph = build_graph(extract(corpus, pipelines=pipelines).articles)
    macron = [n for n in graph if "macron" in n]
    assert macron == ["emmanuel macron"]
    assert graph.nodes["emmanuel macron"]["type"] == "PER"
    assert graph.nodes["emmanuel macron"]["articles"] == ["a", "b"]


def test_a_town_a_name_derives_from_stays_the_town() -> None:
    graph = build_graph(
        [
            _repeated("a", "Orléans", "LOC", 2),
            _article("b", "le roi Louis-Philippe d'Orléans", ("Louis-Philippe d'Orléans", "PER")),
            _repeated("c", "Thonon", "LOC", 3),
            _article("d", "Pierre de Thonon, gilet jaune", ("Pierre de Thonon", "PER")),
        ]
    )
    assert {"orleans", "thonon"} <= set(graph.nodes)
    pairs = {(d["a"], d["b"]) for d in graph.graph["possible_duplicates"]}
    assert ("pierre de thonon", "thonon") not in pairs
