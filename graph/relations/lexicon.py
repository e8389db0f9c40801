"""The stance cue lexicons of one language, read from `graph/data/<lang>/` (see its README)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from graph.langdata import data_lines, data_table, data_words

SUPPORTS, DENIES, CRITICISES, ACCUSES = "supports", "denies", "criticises", "accuses"
STANCE_KINDS = (SUPPORTS, DENIES, CRITICISES, ACCUSES)
#: A verb that is a cue only when its object is a claim ("rejeter ces allégations").
NEEDS_CLAIM = "claim"
#: A stance noun whose "de"/"of" complement is its target ("l'éloge de X"), not its author.
GENITIVE_TARGET = "target"
#: A verb that is a cue only with a direct object ("appuyer Mme Craft", not "appuyer sur").
NEEDS_OBJECT = "object"
#: A denial of a claim that, aimed at a decision instead, criticises its author ("rejeter").
CLAIM_OR_ACT = "claim|act"


@dataclass(frozen=True)
class VerbCue:
    kind: str
    needs_claim: bool
    needs_object: bool = False
    #: With no claim for object, a decision or plan makes it a criticism of its author.
    rejects_acts: bool = False
    #: Prepositions whose phrase makes the verb mean something else ("condamner à").
    unless: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Lexicon:
    """Everything the stance extractor knows about one language's words."""

    verbs: dict[str, VerbCue]
    nouns: dict[str, str]
    phrases: tuple[tuple[tuple[str, ...], str], ...]
    claim_nouns: frozenset[str]
    claim_verbs: frozenset[str]
    dismissive: frozenset[str]
    labelling_verbs: frozenset[str]
    reporting_verbs: frozenset[str]
    negations: frozenset[str]
    blocking_verbs: frozenset[str]
    speaker_prepositions: frozenset[str]
    initial_speaker_prepositions: frozenset[str]
    act_nouns: frozenset[str]
    act_verbs: frozenset[str]
    receiving_verbs: frozenset[str] = frozenset()
    agreement_verbs: frozenset[str] = frozenset()
    patient_nouns: frozenset[str] = frozenset()
    #: attack noun → the prepositions whose phrase on it names its victim (attack_nouns.tsv)
    attack_nouns: dict[str, frozenset[str]] = field(default_factory=dict)
    process_nouns: frozenset[str] = frozenset()
    genitive_target_nouns: frozenset[str] = frozenset()
    finding_verbs: frozenset[str] = frozenset()
    holder_nouns: dict[str, str] = field(default_factory=dict)
    retort_openers: tuple[tuple[str, ...], ...] = ()
    denial_forms: frozenset[str] = frozenset()
    mutual_nouns: frozenset[str] = frozenset()
    carrier_nouns: frozenset[str] = frozenset()
    membership_words: frozenset[str] = frozenset()
    approving: frozenset[str] = frozenset()
    #: words that criticise a person they are said of ("called X a disgrace")
    insults: frozenset[str] = frozenset()
    #: verbs that blame their subject when someone says it did so ("said Ofwat had failed")
    wrongdoing_verbs: frozenset[str] = frozenset()

    @property
    def empty(self) -> bool:
        return not (self.verbs or self.nouns or self.phrases)

    @cached_property
    def one_word_cues(self) -> frozenset[str]:
        """Every word (lemma or as written) a one-word cue of the readings can be, but the
        dismissive words (read with their plural and feminine forms too): what the reader
        asks of every token before any of its tests. Worked out once per language (the
        lexicon is loaded once), not per article."""
        return frozenset([*self.verbs, *self.nouns, *self.holder_nouns]) | (
            self.labelling_verbs
            | self.approving
            | self.mutual_nouns
            | self.insults
            | self.wrongdoing_verbs
        )


def phrase_words(phrase: str) -> tuple[str, ...]:
    """A phrase's words as spaCy tokenises them: an elided article or pronoun is a word of
    its own ("s'en prendre à" → s', en, prendre, à; "l'éloge" → l', éloge)."""
    return tuple(re.findall(r"\w+['’]|[^\s'’]+", phrase.casefold()))


def _contractions(lang: str) -> dict[str, tuple[str, ...]]:
    """contractions.tsv: a word → the forms it takes glued to an article ("à" → "au",
    "aux"), which spaCy's lemmatiser leaves as they are."""
    forms: dict[str, tuple[str, ...]] = {}
    for word, contracted in data_table(lang, "contractions.tsv"):
        forms[word] = (*forms.get(word, ()), contracted)
    return forms


def _written_forms(
    words: tuple[str, ...], contracted: dict[str, tuple[str, ...]]
) -> list[tuple[str, ...]]:
    """A phrase's words, then the same with its last word contracted ("s'en prendre à",
    then "s'en prendre au" and "s'en prendre aux"): the phrase is matched word by word."""
    if not words:
        return [words]
    return [words, *((*words[:-1], form) for form in contracted.get(words[-1], ()))]


@lru_cache(maxsize=8)
def load_lexicon(lang: str) -> Lexicon:
    """The lexicon of `lang` (empty for a language without stance data)."""
    verbs = {
        row[0]: VerbCue(
            row[1],
            row[2] in (NEEDS_CLAIM, CLAIM_OR_ACT),
            row[2] == NEEDS_OBJECT,
            row[2] == CLAIM_OR_ACT,
            frozenset(row[3].split(",")) if len(row) > 3 and row[3] else frozenset(),
        )
        for row in data_table(lang, "stance_verbs.tsv")
    }
    noun_rows = data_table(lang, "stance_nouns.tsv")
    nouns = {row[0]: row[1] for row in noun_rows}
    contracted = _contractions(lang)
    phrases = tuple(
        (words, row[1])
        for row in data_table(lang, "stance_phrases.tsv")
        for words in _written_forms(phrase_words(row[0]), contracted)
    )
    return Lexicon(
        verbs=verbs,
        nouns=nouns,
        phrases=phrases,
        claim_nouns=data_words(lang, "claim_nouns.txt"),
        claim_verbs=data_words(lang, "claim_verbs.txt"),
        dismissive=data_words(lang, "dismissive_words.txt"),
        labelling_verbs=data_words(lang, "labelling_verbs.txt"),
        reporting_verbs=data_words(lang, "reporting_verbs.txt"),
        negations=data_words(lang, "negation_words.txt"),
        blocking_verbs=data_words(lang, "blocking_verbs.txt"),
        speaker_prepositions=data_words(lang, "speaker_prepositions.txt"),
        initial_speaker_prepositions=data_words(lang, "speaker_prepositions_initial.txt"),
        act_nouns=data_words(lang, "act_nouns.txt"),
        act_verbs=data_words(lang, "act_verbs.txt"),
        receiving_verbs=data_words(lang, "receiving_verbs.txt"),
        agreement_verbs=data_words(lang, "agreement_verbs.txt"),
        patient_nouns=data_words(lang, "patient_nouns.txt"),
        attack_nouns={
            row[0]: frozenset(row[1].split(","))
            for row in data_table(lang, "attack_nouns.tsv")
            if len(row) == 2
        },
        process_nouns=data_words(lang, "process_nouns.txt"),
        finding_verbs=data_words(lang, "finding_verbs.txt"),
        mutual_nouns=data_words(lang, "mutual_nouns.txt"),
        carrier_nouns=data_words(lang, "carrier_nouns.txt"),
        membership_words=data_words(lang, "membership_words.txt"),
        approving=data_words(lang, "approving_words.txt"),
        insults=data_words(lang, "insult_words.txt"),
        wrongdoing_verbs=data_words(lang, "wrongdoing_verbs.txt"),
        genitive_target_nouns=frozenset(
            row[0] for row in noun_rows if len(row) > 2 and row[2] == GENITIVE_TARGET
        ),
        holder_nouns={row[0]: row[1] for row in data_table(lang, "holder_nouns.tsv")},
        retort_openers=tuple(
            tuple(line.casefold().split()) for line in data_lines(lang, "retort_openers.txt")
        ),
        denial_forms=data_words(lang, "denial_forms.txt"),
    )
