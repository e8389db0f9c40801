"""Features of a stance candidate: what a reader looks at to tell who stands where.

Each candidate becomes a list of feature strings (hashed into the model's columns by
graph.relations.stance.model): the rule readings' verdict, the actors' types and order, the
dependency path between them and the words on it, the cue words of the language's lexicon
on that path and in the sentence (the current data files), negation, condition and
question markers, and whether either actor is inside a quotation. Features that name words
carry the language ("fr:lemma=soutenir"); the others are shared, so what French teaches
about a subject holding a "supports" cue also serves English. Every feature comes twice:
as it is and under the candidate's placement, which of its sides are in the sentence
(graph.relations.stance.joins).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from graph.langdata import data_table
from graph.relations.lexicon import Lexicon, load_lexicon
from graph.relations.stance.candidates import Candidate, depth
from graph.relations.stance.joins import conjunctions, placement_of
from graph.relations.stance.model import FeatureRow
from graph.relations.stance.salience import Salience, bucket

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

#: Words of the dependency path kept as features; a longer path is summarised.
MAX_PATH = 6
#: Content words between the two actors kept as features (the nearest to each).
BETWEEN_WORDS = 6
#: The words that tell a stance alone, beside the rules' cues (`graph/data/<lang>/`).
CUE_WORDS = "stance_cue_words.tsv"
#: Coarse part-of-speech tags whose lemmas are worth a feature.
CONTENT_POS = frozenset({"VERB", "NOUN", "ADJ", "ADV", "AUX"})


@dataclass(frozen=True)
class Cues:
    """What each lemma of the language's data files says, as one table for features."""

    kinds: dict[str, str]
    roles: dict[str, str]


@lru_cache(maxsize=8)
def cue_table(lang: str) -> Cues:
    """Lemma → stance kind (verbs, nouns, holder nouns) and lemma → role (claim, report,
    negation, block, dismiss, act, approve) for `lang`."""
    lexicon = load_lexicon(lang)
    kinds = {lemma: cue.kind for lemma, cue in lexicon.verbs.items()}
    kinds.update(lexicon.nouns)
    kinds.update(lexicon.holder_nouns)
    # Not the rules' phrases word by word: most open with a verb that tells no stance alone
    # ("être aux côtés de", "se dire solidaire de"); their telling words are listed apart.
    for lemma, kind in data_table(lang, CUE_WORDS):
        kinds.setdefault(lemma, kind)
    return Cues(kinds, _roles(lexicon))


@lru_cache(maxsize=8)
def cue_words(lang: str) -> frozenset[str]:
    """Every lemma of `lang` that may carry or frame a stance (negations aside)."""
    table = cue_table(lang)
    framing = (word for word, role in table.roles.items() if role != "negation")
    return frozenset(table.kinds) | frozenset(framing)


def _roles(lexicon: Lexicon) -> dict[str, str]:
    roles: dict[str, str] = {}
    for role, words in (
        ("claim", lexicon.claim_nouns | lexicon.claim_verbs),
        ("report", lexicon.reporting_verbs),
        ("block", lexicon.blocking_verbs),
        ("dismiss", lexicon.dismissive | lexicon.labelling_verbs),
        ("act", lexicon.act_nouns | lexicon.act_verbs),
        ("approve", lexicon.approving | lexicon.agreement_verbs),
        ("receive", lexicon.receiving_verbs),
        ("negation", lexicon.negations),
    ):
        for word in words:
            roles.setdefault(word, role)
    return roles


class ArticleFeatures:
    """Features of the candidates of one parsed article."""

    def __init__(
        self,
        doc: Doc,
        lang: str,
        quoted: frozenset[int],
        candidates: Sequence[Candidate] = (),
    ) -> None:
        """`quoted`: the article's tokens inside quotations (`Actors.quoted`); `candidates`:
        all of the article's candidates, which tell how much each actor is talked about."""
        self.doc = doc
        self.lang = lang
        self.cues = cue_table(lang)
        self.quoted = quoted
        self.sentences = list(doc.sents)
        self.salience = Salience.of(candidates)
        #: A sentence's own features, shared by all of its candidates.
        self._by_sentence: dict[int, list[str]] = {}
        self._kinds_by_sentence: dict[int, frozenset[str]] = {}
        #: What depends on the tokens alone, shared by the candidates placed at the same
        #: tokens (every pair of a sentence repeats each actor's): anchors by a mention's
        #: tokens, a side's features by (side, anchor), a pair's by its two anchors.
        self._anchors: dict[tuple[int, ...], Token | None] = {}
        self._by_side: dict[tuple[str, int], list[str]] = {}
        self._by_governed: dict[tuple[str, int], list[str]] = {}
        self._by_pair: dict[tuple[int, int], list[str]] = {}
        self._by_head: dict[tuple[str, str, str, str, bool, bool], list[str]] = {}
        self._by_joined: dict[tuple[object, ...], list[str]] = {}

    def of(self, candidate: Candidate) -> list[str]:
        """The feature strings of one candidate (what training hashes; scoring takes
        `row`, the same strings as the shared lists they are made of)."""
        return self.row(candidate).strings()

    def row(self, candidate: Candidate) -> FeatureRow:
        """The features of one candidate as the lists they are made of, most of them shared
        with the other candidates of the article (a sentence's features, a side's, a pair's):
        the model hashes each shared list once, not once per candidate."""
        head = self._head(candidate)
        placed = self._placed(candidate)
        sentence = self._sentence_of(candidate.sentence) if placed else []
        sides, joint = self._core(candidate)
        salience = self.salience.features(candidate)
        # What the conjunctions join is in the head and the sides' lists alone (the
        # pair's, the governors' and the salience features hold none of it); the
        # sentence's features only bring their cue kinds, the same for every candidate
        # of the sentence: worked out once, not scanned again.
        kinds = self._sentence_kinds(candidate.sentence) if placed else frozenset()
        parts = (head, sentence, *sides, *joint, *salience, self._joined(head, sides, kinds))
        return FeatureRow(parts, placement_of(candidate))

    def _joined(self, head: list[str], sides: list[list[str]], kinds: frozenset[str]) -> list[str]:
        """The conjunctions of a candidate, shared with every candidate of the same head,
        sides and sentence cue kinds: they are made of those lists alone, which are shared
        themselves (and alive as long as this object, so their identities stay theirs)."""
        key = (id(head), *map(id, sides), kinds)
        found = self._by_joined.get(key)
        if found is None:
            joined = [feature for part in (head, *sides) for feature in part]
            found = self._by_joined[key] = conjunctions(joined, kinds)
        return found

    def _head(self, candidate: Candidate) -> list[str]:
        """The candidate's own features (types, rule verdict, how it was made), shared
        with the candidates that have the same: few distinct ones in an article."""
        key = (
            candidate.source.type,
            candidate.target.type,
            candidate.rule_kind,
            candidate.reach,
            bool(candidate.source_tokens),
            bool(candidate.target_tokens),
        )
        found = self._by_head.get(key)
        if found is None:
            found = self._by_head[key] = self._head_features(candidate)
        return found

    def _head_features(self, candidate: Candidate) -> list[str]:
        features = ["bias", f"types={candidate.source.type}>{candidate.target.type}"]
        if candidate.rule_kind:
            features += [f"rule={candidate.rule_kind}", "rule"]
        features.append(f"reach={candidate.reach}")
        if not candidate.source_tokens:
            features.append(f"source_unplaced={candidate.reach}")
        if not candidate.target_tokens:
            features.append(f"target_unplaced={candidate.reach}")
        return features

    def _core(self, candidate: Candidate) -> tuple[list[list[str]], list[list[str]]]:
        """The features of the two actors' places: each side's own, then what joins them
        (the pair's path, or the word a lone side hangs on). Each list is shared with the
        candidates placed at the same tokens."""
        sides: list[list[str]] = []
        source = self._anchor(candidate.source_tokens)
        target = self._anchor(candidate.target_tokens)
        if source is not None:
            sides.append(self._side("src", source))
        if target is not None:
            sides.append(self._side("tgt", target))
        if source is not None and target is not None:
            return sides, [self._pair(source, target)]
        if source is not None:
            return sides, [self._governed("src", source)]
        if target is not None:
            return sides, [self._governed("tgt", target)]
        return sides, []

    def _side(self, side: str, token: Token) -> list[str]:
        found = self._by_side.get((side, token.i))
        if found is None:
            found = self._by_side[side, token.i] = self._actor_features(side, token)
        return found

    def _pair(self, source: Token, target: Token) -> list[str]:
        found = self._by_pair.get((source.i, target.i))
        if found is None:
            found = self._by_pair[source.i, target.i] = self._pair_features(source, target)
        return found

    def _governed(self, side: str, token: Token) -> list[str]:
        found = self._by_governed.get((side, token.i))
        if found is None:
            found = self._by_governed[side, token.i] = self._governor_features(side, token)
        return found

    def cue_of(self, candidate: Candidate) -> str:
        """The words that carry the stance, as evidence shows them: the lexicon's cue words
        on the path between the two actors, else the word that joins them."""
        source = self._anchor(candidate.source_tokens)
        target = self._anchor(candidate.target_tokens)
        if source is None:
            return candidate.cue
        if target is None:
            return source.head.text
        up, common, down = _path(source, target)
        on_path = [t for t in [*up[1:], common, *down[1:]] if self._is_cue(t)]
        if not on_path:
            low, high = sorted((source.i, target.i))
            on_path = [t for t in self.doc[low + 1 : high] if self._is_cue(t)]
        return " ".join(t.text for t in sorted(on_path, key=lambda t: t.i)) or common.text

    def _is_cue(self, token: Token) -> bool:
        return token.pos_ in CONTENT_POS and token.lemma_.casefold() in self.cues.kinds

    def _placed(self, candidate: Candidate) -> bool:
        return bool(candidate.source_tokens or candidate.target_tokens)

    def _anchor(self, tokens: tuple[int, ...]) -> Token | None:
        """The token of a mention nearest the root: the one the parser hung the rest on."""
        if not tokens:
            return None
        if tokens not in self._anchors:
            self._anchors[tokens] = min((self.doc[i] for i in tokens), key=depth)
        return self._anchors[tokens]

    def _sentence_of(self, index: int) -> list[str]:
        found = self._by_sentence.get(index)
        if found is None:
            sentence = self.sentences[index]
            found = self._by_sentence[index] = self._sentence_features(sentence.start, sentence.end)
        return found

    def _sentence_kinds(self, index: int) -> frozenset[str]:
        found = self._kinds_by_sentence.get(index)
        if found is None:
            found = self._kinds_by_sentence[index] = frozenset(
                feature.partition("=")[2]
                for feature in self._sentence_of(index)
                if feature.startswith("sent_cue=")
            )
        return found

    def _sentence_features(self, start: int, end: int) -> list[str]:
        words = self.doc[start:end]
        features = []
        if words.text.rstrip().endswith("?"):
            features.append("question")
        for token in words:
            lemma = token.lemma_.casefold()
            kind = self.cues.kinds.get(lemma)
            if kind and token.pos_ in CONTENT_POS:
                features.append(f"sent_cue={kind}")
            role = self.cues.roles.get(lemma) or self.cues.roles.get(token.lower_)
            if role:
                features.append(f"sent_role={role}")
            if "Cnd" in token.morph.get("Mood", []):
                features.append("sent_conditional")
            if token.pos_ in CONTENT_POS:
                features.append(f"{self.lang}:sent_lemma={lemma}")
        return features

    def _actor_features(self, side: str, token: Token) -> list[str]:
        features = [f"{side}_dep={token.dep_}", f"{side}_head_pos={token.head.pos_}"]
        if token.i in self.quoted:
            features.append(f"{side}_quoted")
        if token.pos_ == "PRON":
            features.append(f"{side}_pronoun")
        head = token.head
        head_cue = self.cues.kinds.get(head.lemma_.casefold(), "-")
        features.append(f"{side}_head_cue={head_cue}")
        features.append(f"{side}_dep={token.dep_}|head_cue={head_cue}")
        features.append(f"{self.lang}:{side}_head={head.lemma_.casefold()}")
        for case in (c for c in token.children if c.dep_ in ("case", "mark")):
            features.append(f"{self.lang}:{side}_case={case.lower_}")
            features.append(f"{self.lang}:{side}_case={case.lower_}|head_cue={head_cue}")
        if head.dep_ == "prep":  # English hangs the noun on its preposition
            features.append(f"{self.lang}:{side}_case={head.lower_}")
            features.append(
                f"{self.lang}:{side}_case={head.lower_}|head_cue={_cue_above(head, self.cues)}"
            )
        verb = _verb_above(token)
        if verb is not None:
            verb_cue = self.cues.kinds.get(verb.lemma_.casefold(), "-")
            verb_role = self.cues.roles.get(verb.lemma_.casefold(), "-")
            features.append(f"{side}_verb_cue={verb_cue}|role={verb_role}")
            features.append(f"{self.lang}:{side}_verb={verb.lemma_.casefold()}")
        return features

    def _pair_features(self, source: Token, target: Token) -> list[str]:
        up, common, down = _path(source, target)
        features = [
            "source_first" if source.i < target.i else "target_first",
            f"distance={bucket(abs(source.i - target.i))}",
            f"path_length={bucket(len(up) + len(down))}",
        ]
        labels = [f"{t.dep_}^" for t in up] + [f"{t.dep_}v" for t in reversed(down)]
        if len(labels) <= MAX_PATH:
            features.append("path=" + " ".join(labels))
        features.append(f"up={' '.join(labels[: len(up)][:2])}")
        features.append(f"down={' '.join(labels[len(up) :][-2:])}")
        features += self._word_features("lca", common)
        lca_cue = self.cues.kinds.get(common.lemma_.casefold(), "-")
        features.append(f"up={' '.join(labels[: len(up)][:2])}|lca_cue={lca_cue}")
        features.append(f"down={' '.join(labels[len(up) :][-2:])}|lca_cue={lca_cue}")
        if len(labels) <= MAX_PATH:
            features.append(f"path={' '.join(labels)}|lca_cue={lca_cue}")
        path_cues = {
            self.cues.kinds[t.lemma_.casefold()]
            for t in [*up[1:], common, *down[1:]]
            if t.lemma_.casefold() in self.cues.kinds
        }
        features += [f"path_cue={kind}" for kind in path_cues]
        # "said he would not support Biden's plan": the cue joining the two is denied
        features += sorted(
            {
                f"negated_path_cue={self.cues.kinds[t.lemma_.casefold()]}"
                for t in [*up[1:], common, *down[1:]]
                if t.lemma_.casefold() in self.cues.kinds and self._negated(t)
            }
        )
        for token in [*up[1:], *down[1:]]:
            features += self._word_features("path", token)
        if self._negated(common):
            features.append("lca_negated")
        if "Cnd" in common.morph.get("Mood", []):
            features.append("lca_conditional")
        if (source.i in self.quoted) != (target.i in self.quoted):
            features.append("quote_boundary")
        features += self._between(source, target)
        return features

    def _governor_features(self, side: str, token: Token) -> list[str]:
        """Only one side is in the sentence: the word it hangs on."""
        head = token.head
        features = self._word_features(f"{side}_gov", head)
        if self._negated(head):
            features.append(f"{side}_gov_negated")
        return features

    def _word_features(self, place: str, token: Token) -> list[str]:
        lemma = token.lemma_.casefold()
        features = [f"{place}_pos={token.pos_}", f"{self.lang}:{place}_lemma={lemma}"]
        kind = self.cues.kinds.get(lemma)
        if kind:
            features.append(f"{place}_cue={kind}")
        role = self.cues.roles.get(lemma)
        if role:
            features.append(f"{place}_role={role}")
        return features

    def _negated(self, token: Token) -> bool:
        return any(self.cues.roles.get(c.lower_) == "negation" for c in token.children)

    def _between(self, source: Token, target: Token) -> list[str]:
        low, high = sorted((source.i, target.i))
        words = [t for t in self.doc[low + 1 : high] if t.pos_ in CONTENT_POS]
        kept = words[:BETWEEN_WORDS] + words[-BETWEEN_WORDS:]
        features = [f"{self.lang}:between={t.lemma_.casefold()}" for t in dict.fromkeys(kept)]
        features += [
            f"between_cue={self.cues.kinds[t.lemma_.casefold()]}"
            for t in words
            if t.lemma_.casefold() in self.cues.kinds
        ]
        return features


def _path(source: Token, target: Token) -> tuple[list[Token], Token, list[Token]]:
    """The tokens from `source` up to (not including) the lowest common ancestor, that
    ancestor, and the tokens from `target` up to it."""
    ancestors = {t.i: n for n, t in enumerate([source, *source.ancestors])}
    up: list[Token] = []
    down: list[Token] = []
    current = target
    while current.i not in ancestors:
        down.append(current)
        if current.head.i == current.i:
            break
        current = current.head
    common = current
    for token in [source, *source.ancestors]:
        if token.i == common.i:
            break
        up.append(token)
    return up, common, down


def _verb_above(token: Token) -> Token | None:
    """The nearest verb a token hangs on (itself excluded), if any."""
    for ancestor in token.ancestors:
        if ancestor.pos_ in ("VERB", "AUX"):
            return ancestor
    return None


def _cue_above(token: Token, cues: Cues) -> str:
    return cues.kinds.get(token.head.lemma_.casefold(), "-")
