"""Name keys: what makes two written names the same entity, and the token-by-token folding
the gazetteer scan relies on to key runs of tokens without re-reading their text."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from graph.names import entity_key, fold, key_of_folded


def test_case_accents_and_separators_do_not_change_a_key() -> None:
    assert entity_key("Sergueï Lavrov") == entity_key("SERGUEI  LAVROV") == "serguei lavrov"
    assert entity_key("Nord-Coréen") == entity_key("nord coréen") == "nord coreen"


@given(st.lists(st.text(max_size=8), max_size=6))
def test_a_text_keys_as_the_fold_of_its_pieces_joined(pieces: list[str]) -> None:
    assert key_of_folded("".join(fold(piece) for piece in pieces)) == entity_key("".join(pieces))


def test_folding_is_piece_by_piece_even_across_a_combining_accent() -> None:
    # "e" then a combining acute accent, split between two pieces
    assert fold("Ce") + fold("\u0301 que") == fold("Ce\u0301 que") == "ce que"
