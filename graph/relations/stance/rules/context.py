"""What every reading shares: the `Stance` and `Cue` records, the names of the readings,
and the state of the article being read."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from graph.langdata import data_words
from graph.relations.actors import Actors, Endpoint, syntax
from graph.relations.lexicon import Lexicon
from graph.relations.stance.rules.tokens import _same_person

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

#: Sentences before a denial in which the claims it answers are looked for.
CLAIM_LOOKBACK = 3


@dataclass(frozen=True)
class Stance:
    """`source` takes stance `kind` towards `target` in sentence `sentence`, by `cue`."""

    kind: str
    source: Endpoint
    target: Endpoint
    sentence: int
    cue: str
    #: Calibrated probability that this is a stance of this kind (graph.relations.stance.
    #: model); None when only the rules read it (no trained model for the language).
    confidence: float | None = None


#: How a cue is read (`Cue.reading`): its speaker and target are found differently.
SPOKEN = "spoken"  # the subject (or the one quoted) towards the object or complement
PASSIVE = "passive"  # "rejeté par X": the agents towards the subject
VERDICT = "verdict"  # "ces accusations sont infondées": the one quoted denies the claim
RETORT = "retort"  # "…, ce que Téhéran dément": denies who made the claim before
NOMINAL = "nominal"  # "la solidarité de la France avec l'Ukraine": the noun's author
VERBLESS = "verbless"  # "« Toute ma solidarité à X », a réagi Y": the one quoted
RECEIVED = "received"  # "a reçu le soutien de X": X towards the subject
HELD = "held"  # "X, un partisan de Y", "X is an ally of Y": X towards Y
MUTUAL = "mutual"  # "l'amitié entre la France et Israël": each party towards the others
APPROVAL = "approval"  # "X a estimé que le moratoire était nécessaire": X towards its author
JUDGED = "judged"  # "X said Y was unhinged": X towards the one the insult is said of


@dataclass(frozen=True)
class Cue:
    """Words that signal a stance of `kind`, headed by `head`, and the reading that finds
    its speaker and target (one of the reading names above)."""

    kind: str
    head: Token
    words: tuple[Token, ...]
    #: Whether the cue is a stance noun given by a light verb ("apporter son soutien").
    noun: bool = False
    reading: str = SPOKEN

    @property
    def text(self) -> str:
        return " ".join(token.text for token in self.words)


class ReadingContext:
    """One article as the readings see it (its parse, actors, lexicon and syntax) and what
    the sentences read so far leave to remember: who claimed, who acted, who was the
    subject. Each reading is a mixin over this state, composed into `reader.Reader`; the
    state is made anew for each article and never shared."""

    def __init__(self, doc: Doc, actors: Actors, lexicon: Lexicon, lang: str) -> None:
        self.doc = doc
        self.actors = actors
        self.lexicon = lexicon
        self.deps = syntax(lang)
        self.light_verbs = data_words(lang, "light_verbs.txt")
        self.survey_nouns = data_words(lang, "survey_nouns.txt")
        self.position_nouns = data_words(lang, "position_nouns.txt")
        self._infinitive_endings = self.deps.get("infinitive_endings", frozenset())
        self.relative_pronouns = self.deps.get("relative_pronouns", frozenset())
        self._passive_subjects = self.deps.get("passive_subject", frozenset({"nsubj:pass"}))
        self.sentences = list(doc.sents)
        self._quoted_indices = actors.quoted
        #: first word of each multiword cue → the cues' places in the lexicon
        self._phrase_index: dict[str, list[int]] = {}
        for order, (words, _) in enumerate(lexicon.phrases):
            self._phrase_index.setdefault(words[0], []).append(order)
        #: stem of each first word a conjugated verb may open a cue with → the cues
        self._phrase_stems = [
            (first[:-2], orders) for first, orders in self._phrase_index.items() if len(first) > 4
        ]
        self._any_phrase_stem = tuple(stem for stem, _ in self._phrase_stems)
        self.claimants: list[list[Endpoint]] = []
        #: Per sentence, who decided or announced something (see act_verbs.txt).
        self.acts: list[list[Endpoint]] = []
        #: The claims the last denial answered, and where: a later "a également rejeté ces
        #: allégations" answers the same ones.
        self.disputed: tuple[int, list[Endpoint]] = (-CLAIM_LOOKBACK - 1, [])
        #: The last person who was the subject of a sentence: who "il"/"elle" most likely is.
        self.last_person: Endpoint | None = None

    def _quoted(self, token: Token) -> bool:
        return token.i in self._quoted_indices

    def _between(
        self,
        kind: str,
        sources: Sequence[Endpoint],
        targets: Sequence[Endpoint],
        index: int,
        cue: Cue,
    ) -> Iterator[Stance]:
        """Each source's stance towards each target, but never towards itself or the
        country it speaks for."""
        for source in sources:
            for target in targets:
                if self._distinct(source, target):
                    yield Stance(kind, source, target, index, cue.text)

    def _distinct(self, source: Endpoint, target: Endpoint) -> bool:
        if _same_person(source, target):
            return False
        return target.key not in {source.key, self.actors.country_of(source)}
