"""Features joined to others, which a linear model cannot do itself: the stance kinds a
sentence's cue words carry with how the pair was made and the actors' roles, and every
feature again under the candidate's placement (which of its sides are in the sentence)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from graph.relations.stance.candidates import Candidate


def placement_of(candidate: Candidate) -> str:
    """Which sides of the candidate are in its sentence: both ("pair"), the source alone
    ("src", the target named nearby or the article's topic), the target alone ("tgt"), or
    neither (a reading beyond the sentence).

    Every feature is given again under its placement, so that the model learns a weight
    shared by all candidates and one of each placement's own (Daumé's "frustratingly easy"
    feature copies): a cue word between two actors says something else than the same word
    in a sentence whose other side is only the article's topic, and the shared weight alone
    forced one reading on both. Out of fold on the train split it found more stances at
    every threshold (recall 0.098 against 0.085 at 0.35, precision 0.567 against 0.559)."""
    if candidate.source_tokens and candidate.target_tokens:
        return "pair"
    if candidate.source_tokens:
        return "src"
    return "tgt" if candidate.target_tokens else "none"


#: The features whose values `conjunctions` joins (the first of each, the sentence's
#: cue kinds all): the only ones it needs to split.
_CONJOINED = ("src_dep=", "tgt_dep=", "reach=", "sent_cue=")


def conjunctions(features: Sequence[str], kinds: Iterable[str] = ()) -> list[str]:
    """Features joined two or three at a time, which a linear model cannot do itself: the
    stance kinds the sentence's cue words carry with how the pair was made, with the two
    actors' grammatical roles, and with which of them is inside a quotation. `kinds` are
    sentence cue kinds already read from features left out of `features`."""
    values: dict[str, str] = {}
    sentence_kinds: set[str] = set(kinds)
    for feature in features:
        if not feature.startswith(_CONJOINED):
            continue
        name, _, value = feature.partition("=")
        if name == "sent_cue":
            sentence_kinds.add(value)
        elif value and "|" not in feature:
            values.setdefault(name, value)
    kinds = sorted(sentence_kinds) or ["-"]
    roles = f"src_dep={values.get('src_dep', '-')}|tgt_dep={values.get('tgt_dep', '-')}"
    quoted = f"quoted={'src_quoted' in features:d}{'tgt_quoted' in features:d}"
    reach = f"reach={values.get('reach', '-')}"
    joined = [roles]
    for kind in kinds:
        joined += [
            f"{reach}|sent_kind={kind}",
            f"{roles}|sent_kind={kind}",
            f"{quoted}|{reach}|sent_kind={kind}",
        ]
    return joined
