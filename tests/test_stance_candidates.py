"""Stance candidates: the pairs of actors the model is asked about must include the ones a
reader pairs, across pronouns and neighbouring sentences, and carry the rules' verdict."""

from __future__ import annotations

import numpy as np
import pytest

from graph.clean import clean_text
from graph.entities import mentions_of
from graph.gazetteer import load_gazetteer
from graph.relations.actors import Actors
from graph.relations.stance.candidates import NEARBY, SAME_SENTENCE, candidates_of, overruled
from graph.relations.stance.features import ArticleFeatures, cue_table, cue_words
from graph.relations.stance.model import load_model
from graph.relations.stance.rules import stances_of

pytestmark = pytest.mark.slow


def _candidates(nlp, text: str, lang: str = "fr"):  # type: ignore[no-untyped-def]
    doc = nlp(clean_text(text, lang))
    gazetteer = load_gazetteer()
    mentions = mentions_of(doc, lang, gazetteer)
    actors = Actors(doc, mentions, lang, gazetteer)
    ruled = stances_of(doc, mentions, lang, gazetteer, actors)
    return doc, actors, candidates_of(doc, actors, ruled, cue_words(lang))


def _pairs(candidates) -> set[tuple[str, str, int, str]]:  # type: ignore[no-untyped-def]
    return {(c.source.name, c.target.name, c.sentence, c.reach) for c in candidates}


def test_every_ordered_pair_of_a_sentence_is_a_candidate(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    _, _, candidates = _candidates(fr_nlp, "Jordan Bardella a soutenu Marion Maréchal dimanche.")
    pairs = _pairs(candidates)
    assert ("Jordan Bardella", "Marion Maréchal", 0, SAME_SENTENCE) in pairs
    assert ("Marion Maréchal", "Jordan Bardella", 0, SAME_SENTENCE) in pairs


def test_a_pronoun_subject_is_the_person_it_refers_to(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Valérie Pécresse était à Versailles lundi. Elle a critiqué Gabriel Attal."
    _, _, candidates = _candidates(fr_nlp, text)
    sources = {c.source.name for c in candidates if c.target.name == "Gabriel Attal"}
    assert "Valérie Pécresse" in sources


def test_the_speaker_named_after_a_quotation_is_paired_with_the_sentence_before(
    en_nlp,  # type: ignore[no-untyped-def]
) -> None:
    text = (
        "The mayor said Nigel Farage had lied about the funding. "
        "“That is simply untrue,” said Sadiq Khan."
    )
    _, _, candidates = _candidates(en_nlp, text, "en")
    assert ("Sadiq Khan", "Nigel Farage", 1, NEARBY) in _pairs(candidates)


def test_a_pair_the_rules_read_carries_their_verdict(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    _, _, candidates = _candidates(fr_nlp, "Olaf Scholz a salué la décision de Giorgia Meloni.")
    ruled = {(c.source.name, c.rule_kind, c.target.name) for c in candidates if c.rule_kind}
    assert ("Olaf Scholz", "supports", "Giorgia Meloni") in ruled


def test_features_name_the_rules_verdict_the_path_and_the_cue(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    doc, actors, candidates = _candidates(
        fr_nlp, "Olaf Scholz a salué la décision de Giorgia Meloni."
    )
    (candidate,) = [c for c in candidates if c.source.name == "Olaf Scholz"]
    features = ArticleFeatures(doc, "fr", actors.quoted)
    assert {"rule=supports", "lca_cue=supports", "fr:lca_lemma=saluer"} <= set(
        features.of(candidate)
    )
    assert features.cue_of(candidate) == "salué"


def test_a_verb_that_opens_a_stance_phrase_is_no_stance_cue_alone(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    # "se dire solidaire de", "être aux côtés de": the stance is in "solidaire", not "dire".
    french, english = cue_table("fr").kinds, cue_table("en").kinds
    assert {"être", "dire", "déclarer", "prendre", "faire"}.isdisjoint(french)
    assert {"stand", "take", "come", "speak"}.isdisjoint(english)
    assert (french["solidaire"], french["rétorquer"]) == ("supports", "denies")
    assert (english["vouch"], english["scorn"]) == ("supports", "criticises")
    pair = ("Jean-Luc Mélenchon", "Marine Le Pen")
    said = _pair_features(
        fr_nlp, "Jean-Luc Mélenchon a déclaré jeudi que Marine Le Pen était à Lyon.", pair
    )
    assert not [f for f in said if f.startswith("sent_cue=")]
    sided = _pair_features(fr_nlp, "Jean-Luc Mélenchon s'est dit solidaire de Marine Le Pen.", pair)
    assert "sent_cue=supports" in sided


def _pair_features(nlp, text: str, pair: tuple[str, str]) -> list[str]:  # type: ignore[no-untyped-def]
    """The features of the one candidate from pair[0] to pair[1] in a French text."""
    doc, actors, candidates = _candidates(nlp, text)
    (candidate,) = [c for c in candidates if (c.source.name, c.target.name) == pair]
    return list(ArticleFeatures(doc, "fr", actors.quoted, candidates).of(candidate))


def test_a_denied_cue_between_the_two_is_a_feature_of_its_own(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    pair = ("François Bayrou", "Emmanuel Macron")
    denied = _pair_features(
        fr_nlp, "François Bayrou a dit qu'il ne soutiendrait pas Emmanuel Macron.", pair
    )
    stated = _pair_features(
        fr_nlp, "François Bayrou a dit qu'il soutiendrait Emmanuel Macron.", pair
    )
    assert "negated_path_cue=supports" in denied
    assert "negated_path_cue=supports" not in stated


def test_features_tell_the_actor_an_article_is_about_from_a_passing_name(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Emmanuel Macron a reçu Olaf Scholz à Paris lundi. "
        "Emmanuel Macron a ensuite critiqué Viktor Orban. "
        "Emmanuel Macron a salué Angela Merkel."
    )
    doc, actors, candidates = _candidates(fr_nlp, text)
    features = ArticleFeatures(doc, "fr", actors.quoted, candidates)
    candidate = next(
        c
        for c in candidates
        if (c.source.name, c.target.name, c.reach)
        == ("Emmanuel Macron", "Viktor Orban", "sentence")
    )
    found = set(features.of(candidate))
    assert {"src_rank=first", "src_sentences=<=3", "tgt_sentences=<=1", "tgt_rank=top8"} <= found


def test_features_join_the_sentences_stance_kind_with_the_pair_s_roles(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    doc, actors, candidates = _candidates(fr_nlp, "Olaf Scholz a critiqué Giorgia Meloni.")
    (candidate,) = [c for c in candidates if c.source.name == "Olaf Scholz"]
    found = ArticleFeatures(doc, "fr", actors.quoted, candidates).of(candidate)
    assert "reach=sentence|sent_kind=criticises" in found
    (source_dep,) = [f for f in found if f.startswith("src_dep=") and "|" not in f]
    (target_dep,) = [f for f in found if f.startswith("tgt_dep=") and "|" not in f]
    assert f"{source_dep}|{target_dep}|sent_kind=criticises" in found


def test_every_feature_is_given_again_under_which_sides_are_in_the_sentence(
    fr_nlp,  # type: ignore[no-untyped-def]
) -> None:
    text = (
        "Fabien Roussel a critiqué Marine Tondelier à Lille. "
        "« C'est une honte », a répondu Olivier Faure."
    )
    doc, actors, candidates = _candidates(fr_nlp, text)
    features = ArticleFeatures(doc, "fr", actors.quoted, candidates)
    by_pair = {(c.source.name, c.target.name, c.sentence): c for c in candidates}
    in_sentence = by_pair["Fabien Roussel", "Marine Tondelier", 0]
    speaker_only = by_pair["Olivier Faure", "Fabien Roussel", 1]
    target_only = by_pair["Fabien Roussel", "Olivier Faure", 1]
    placed = ((in_sentence, "pair"), (speaker_only, "src"), (target_only, "tgt"))
    for candidate, placement in placed:
        found = features.of(candidate)
        plain = [f for f in found if not f.startswith(PLACEMENTS)]
        assert len(found) == 2 * len(plain)
        assert {f"{placement}|{f}" for f in plain} == set(found) - set(plain)


PLACEMENTS = ("pair|", "src|", "tgt|", "none|")


def test_an_article_s_rows_score_exactly_as_their_feature_strings(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Fabien Roussel a critiqué Marine Tondelier à Lille. Elle a dénoncé ses propos. "
        "« C'est une honte », a répondu Olivier Faure, qui soutient Marine Tondelier."
    )
    doc, actors, candidates = _candidates(fr_nlp, text)
    features = ArticleFeatures(doc, "fr", actors.quoted, candidates)
    rows = [features.row(candidate) for candidate in candidates]
    strings = [features.of(candidate) for candidate in candidates]
    assert [row.strings() for row in rows] == strings
    model = load_model()
    assert np.array_equal(model.probabilities(rows), model.probabilities(strings))
    kinds = [candidate.rule_kind for candidate in candidates]
    assert model.decide(rows, kinds) == model.decide(strings, kinds)


def test_a_candidate_s_features_do_not_depend_on_the_candidates_read_before_it(
    fr_nlp,  # type: ignore[no-untyped-def]
) -> None:
    """An article's candidates share their lists (a sentence's features, a side's, the
    candidate's head and conjunctions): what one candidate reads first must never leak
    into another's features."""
    text = (
        "Fabien Roussel a critiqué Marine Tondelier à Lille. Elle a dénoncé ses propos. "
        "« C'est une honte », a répondu Olivier Faure, qui soutient Marine Tondelier. "
        "Le gouvernement a rejeté les accusations de la CGT."
    )
    doc, actors, candidates = _candidates(fr_nlp, text)
    assert len({c.rule_kind for c in candidates}) > 1
    assert len({c.reach for c in candidates}) > 1
    shared = ArticleFeatures(doc, "fr", actors.quoted, candidates)
    read_in_reverse = {id(c): shared.of(c) for c in reversed(candidates)}
    for candidate in candidates:
        alone = ArticleFeatures(doc, "fr", actors.quoted, candidates).of(candidate)
        assert read_in_reverse[id(candidate)] == alone


def test_a_pair_the_rules_contradict_is_overruled(en_nlp) -> None:  # type: ignore[no-untyped-def]
    """ "He also blamed Schiff": the rules' "he" (Trump) blames Schiff; the article's
    most-named actor (Pelosi) blaming him, or Schiff blaming Trump, is no reading."""
    text = (
        "Nancy Pelosi accused Donald Trump of abusing his power. Nancy Pelosi spoke again. "
        "Donald Trump lashed out at Nancy Pelosi. He also blamed Adam Schiff for the leaks."
    )
    _, _, candidates = _candidates(en_nlp, text, "en")
    flags = {
        (c.source.name, c.target.name, c.sentence): flag
        for c, flag in zip(candidates, overruled(candidates), strict=True)
    }
    assert flags[("Donald Trump", "Adam Schiff", 3)] is False  # the rules' reading
    assert flags[("Nancy Pelosi", "Adam Schiff", 3)] is True
    assert flags[("Adam Schiff", "Donald Trump", 3)] is True
    # a sentence the rules read nothing in keeps every pair whose target it names
    named_here = [
        flag
        for c, flag in zip(candidates, overruled(candidates), strict=True)
        if c.sentence == 1 and c.target_tokens
    ]
    assert not any(named_here)


def test_a_pair_aimed_outside_is_overruled(en_nlp) -> None:  # type: ignore[no-untyped-def]
    """A pair no rule read whose target the sentence does not name is no reading: "she
    praised the judges' courage" is not aimed at the company named two sentences before,
    whatever the model makes of the sentence's praise."""
    text = (
        "A court in Lyon blocked the pipeline built by Vinci. Greenpeace had sued. "
        "Sophie Martin of Greenpeace praised the courage of the judges."
    )
    _, _, candidates = _candidates(en_nlp, text, "en")
    unruled = [
        (c, flag)
        for c, flag in zip(candidates, overruled(candidates), strict=True)
        if not c.rule_kind
    ]
    aimed_outside = [flag for c, flag in unruled if not c.target_tokens]
    assert aimed_outside and all(aimed_outside)
    named_here = {(c.source.name, c.target.name, c.sentence): flag for c, flag in unruled}
    assert named_here[("Sophie Martin", "Greenpeace", 2)] is False
