"""What produced an extraction: the key a store files results under. The package version,
the spaCy model (read from its meta.json, never loaded), digests of the language data and
of the extraction code, and the options that change what is extracted.

Apart from graph.extract, which does the extracting: this only names what did it, and is
read by the store, the workers and `store prune` without running any extraction.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from graph import __version__
from graph.nlp import _resolve, model_choices, read_model_meta, spacy_version

if TYPE_CHECKING:
    from graph.extract import ExtractOptions


#: ExtractOptions fields that change how fast, never what, is extracted.
_NOT_IN_FINGERPRINT = frozenset({"batch_size"})


_PACKAGE = Path(__file__).resolve().parent


#: Code that only runs after extraction (graph building, rendering, storage, the CLI; what
#: extraction imports counts, tests/test_fingerprint.py checks it: graph.acronyms imports
#: graph.resolve and graph.entity_types):
#: editing it never makes a stored extraction stale. Everything else in the package counts.
_DOWNSTREAM_CODE = frozenset(
    {
        "__init__.py",
        "__main__.py",
        "aliases.py",
        "build.py",
        "camps.py",
        "canonical.py",
        "cli.py",
        "cli_export.py",
        "duplicates.py",
        "evaluate.py",
        "export.py",
        "export_files.py",
        "fsutil.py",
        "notebook.py",
        "parallel.py",
        "pipeline.py",
        "ranking.py",
        "rejects.py",
        "render",
        "role_aliases.py",
        "store.py",
        "store_file.py",
        "store_graph.py",
        "store_json.py",
        "store_prepared.py",
        "store_prune.py",
        "store_rows.py",
        "store_schema.py",
        "tables.py",
    }
)


@dataclass(frozen=True)
class PipelineVersion:
    """Everything that decides what extraction returns for a text in one language: the
    package, the spaCy model, the language data and extraction code, the options.

    `id` is a digest of `description`; a store keeps results per (content, `id`), so a
    change to any part makes every stored result of that language stale.
    """

    id: str
    description: str


def pipeline_version(
    lang: str, options: ExtractOptions, models: Mapping[str, str] | None = None
) -> PipelineVersion | None:
    """The version of the pipeline that would parse `lang`, without loading any model;
    None when no model for `lang` is installed (such articles are never stored).

    >>> pipeline_version("fr", ExtractOptions()).id  # doctest: +SKIP
    '5be0c1…'
    """
    model = model_identity(lang, models)
    if model is None:
        return None
    settings = {k: v for k, v in asdict(options).items() if k not in _NOT_IN_FINGERPRINT}
    description = json.dumps(
        {
            "newsgraph": __version__,
            "spacy": spacy_version(),
            "model": model,
            "data": _tree_digest("data"),
            "code": _tree_digest("code"),
            "options": settings,
        },
        sort_keys=True,
    )
    return PipelineVersion(hashlib.sha256(description.encode()).hexdigest()[:32], description)


def package_digest() -> str:
    """A digest of every file of the installed package (what a build's outputs depend on)."""
    return _tree_digest("package")


def model_identity(lang: str, models: Mapping[str, str] | None = None) -> str | None:
    """`LANG_NAME-VERSION` of the pipeline Pipelines(models) would load for `lang` (as
    `Pipelines.model_name` says once it is loaded), read from its meta.json alone."""
    overrides = dict(models or {})
    choice = model_choices().get(lang)
    candidates = (overrides[lang],) if lang in overrides else (choice.candidates if choice else ())
    for candidate in candidates:
        target = _resolve(candidate)
        if target is None:
            continue
        try:
            meta = read_model_meta(_model_folder(target))
        except (OSError, ValueError, ImportError):
            return None  # the loader will say what is wrong with it
        return f"{meta.get('lang', lang)}_{meta.get('name', '?')}-{meta.get('version', '?')}"
    return None


def _model_folder(target: str | Path) -> Path:
    """The folder of a model given as a folder or an installed package (not imported)."""
    if isinstance(target, Path):
        return target
    spec = importlib.util.find_spec(target)
    if spec is None or not spec.submodule_search_locations:
        raise ImportError(f"{target} is not a model package")
    return Path(next(iter(spec.submodule_search_locations)))


@lru_cache(maxsize=3)
def _tree_digest(kind: str) -> str:
    """A digest of the language data files (`data`), of the extraction code (`code`) or of
    every file of the package (`package`: code, data, report templates)."""
    digest = hashlib.sha256()
    if kind == "data":
        files = sorted(p for p in (_PACKAGE / "data").rglob("*") if p.is_file())
    elif kind == "package":
        files = sorted(
            p for p in _PACKAGE.rglob("*") if p.is_file() and "__pycache__" not in p.parts
        )
    else:
        files = sorted(
            p
            for p in _PACKAGE.rglob("*.py")
            if p.relative_to(_PACKAGE).parts[0] not in _DOWNSTREAM_CODE
        )
    for path in files:
        digest.update(str(path.relative_to(_PACKAGE)).encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()
