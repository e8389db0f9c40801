"""Which language an article is in: the declared one, checked, or one detected among the
languages that have a pipeline.

A declared language is data from an untrusted input: it is checked to be a language code
and is never used to name a file. Detection on a short text is a guess (a five-word French
sentence scores highest as Luxembourgish or Scots Gaelic among 200 languages), so it
chooses among the configured languages and says when it is unsure; a language without a
pipeline is only named when the text leaves no doubt, so that such articles are still
skipped with the command that installs one.
"""

from __future__ import annotations

import copy
import logging
import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from functools import lru_cache

from py3langid.langid import MODEL_FILE, LanguageIdentifier

from graph.nlp import model_choices

log = logging.getLogger(__name__)

#: Characters of an article's start that detection looks at: enough to be sure, cheap on
#: very long texts.
DETECTION_SAMPLE_CHARS = 3000
#: ISO 639-1 or 639-3 code, after `en-GB` / `pt_BR` is cut to its language.
_LANGUAGE_CODE = re.compile(r"[a-z]{2,3}")
#: Probability among all languages the detector knows that names a language without a
#: pipeline; below it, or on fewer letters, the best configured language is chosen.
UNMODELLED_MIN_CONFIDENCE = 0.9
UNMODELLED_MIN_LETTERS = 40
#: Probability among the configured languages under which a detected language is a guess.
SURE_CONFIDENCE = 0.9
UNDETERMINED = "und"


class LanguageError(ValueError):
    """A declared language that is not a language code."""


@dataclass(frozen=True)
class LanguageChoice:
    """The language an article is parsed in, how it was decided, and whether to doubt it."""

    lang: str
    declared: bool = False
    confidence: float = 1.0
    sure: bool = True


def configured_languages(models: Mapping[str, str] | None = None) -> tuple[str, ...]:
    """The languages with a pipeline configured: `graph/data/models.toml` and `--model`."""
    return tuple(sorted(set(model_choices()) | set(models or {})))


def declared_language(declared: str) -> str:
    """The language code of a declared `lang` ("" when none); LanguageError if it is not one.

    >>> declared_language(" en-GB ")
    'en'
    """
    code = declared.strip().lower().replace("_", "-").split("-")[0]
    if declared.strip() and not _LANGUAGE_CODE.fullmatch(code):
        shown = declared if len(declared) <= 40 else declared[:40] + "…"
        raise LanguageError(
            f"'lang' is not a language code: {shown!r} (expected one like 'fr' or 'en-GB')"
        )
    return code


def choose_language(
    text: str, declared: str = "", languages: Collection[str] | None = None
) -> LanguageChoice:
    """The declared language when given (checked), else the detected one.

    >>> choose_language("Macron à Berlin.").lang
    'fr'
    """
    code = declared_language(declared)
    if code:
        return LanguageChoice(code, declared=True)
    sample = text[:DETECTION_SAMPLE_CHARS]
    letters = sum(1 for ch in sample if ch.isalpha())
    if not letters:
        return LanguageChoice(UNDETERMINED, confidence=0.0, sure=False)
    candidates = tuple(sorted(languages if languages is not None else configured_languages()))
    overall, overall_confidence = _identifier(None).classify(sample)
    if overall not in candidates and (
        overall_confidence >= UNMODELLED_MIN_CONFIDENCE and letters >= UNMODELLED_MIN_LETTERS
    ):
        return LanguageChoice(str(overall), confidence=float(overall_confidence))
    known = tuple(lang for lang in candidates if lang in _identifier(None).labels)
    if not known:
        return LanguageChoice(str(overall), confidence=float(overall_confidence), sure=False)
    lang, confidence = _identifier(known).classify(sample)
    sure = lang == overall and confidence >= SURE_CONFIDENCE
    return LanguageChoice(str(lang), confidence=float(confidence), sure=sure)


@lru_cache(maxsize=8)
def _identifier(languages: tuple[str, ...] | None) -> LanguageIdentifier:
    """py3langid's model with normalised probabilities, restricted to `languages` (None:
    all it knows). The model is loaded once (seconds); a restricted one is a copy, since
    restricting mutates the identifier (its weights are shared, not copied)."""
    if languages is None:
        return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier = copy.copy(_identifier(None))
    identifier.set_languages(list(languages))
    return identifier
