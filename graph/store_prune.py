"""Dropping what no build will read again: results of older pipeline versions.

Every change of newsgraph, spaCy, a model, the language data or an extraction option files
new results under a new pipeline version, and the old ones stay in the store (a rebuild
with the old setup would still find them). `prune_store` removes, language by language, the
results of every version but the one this installation would use now with the options
given; languages with no model installed are left alone, since nothing says which of their
versions is current. `newsgraph store prune PATH` calls it.

>>> prune_store(Path("out/newsgraph.duckdb"), dry_run=True)  # doctest: +SKIP
Pruned(removed={'fr': 1200}, kept=300, dry_run=True)
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from graph.extract import ExtractOptions, pipeline_version
from graph.store import DuckStore, StoreError, open_store, transaction

log = logging.getLogger(__name__)

#: Each extraction with the language of its article.
_BY_LANGUAGE = """
SELECT a.lang, e.pipeline, count(*) FROM extractions e JOIN articles a ON a.content = e.content
GROUP BY a.lang, e.pipeline
"""
#: Tables whose rows belong to one extraction, keyed by (content, pipeline).
_PER_EXTRACTION = ("mentions", "stances", "sentences", "extractions")


@dataclass(frozen=True)
class Pruned:
    """What a prune removed (or would remove, in a dry run): results per language."""

    removed: dict[str, int] = field(default_factory=dict)
    kept: int = 0
    dry_run: bool = False

    @property
    def total(self) -> int:
        return sum(self.removed.values())


def prune_store(
    path: Path,
    *,
    models: Mapping[str, str] | None = None,
    options: ExtractOptions | None = None,
    dry_run: bool = False,
) -> Pruned:
    """Remove from the store at `path` the results of pipeline versions this installation
    would not use now (with `models` and `options`, as for a build), in one transaction.

    The store must exist (a StoreError otherwise). The file does not shrink: DuckDB reuses
    the freed space for the results stored next.
    """
    if not path.is_file():
        raise StoreError(str(path), "there is no such file: check the path (see --store of build)")
    options = options or ExtractOptions()
    with open_store(path) as store:
        assert isinstance(store, DuckStore)
        db = store.connection
        counts = db.execute(_BY_LANGUAGE).fetchall()
        current = _current_versions({lang for lang, _, _ in counts}, options, models)
        stale = [(lang, p, n) for lang, p, n in counts if current.get(lang, p) != p]
        removed: dict[str, int] = {}
        for lang, _, count in stale:
            removed[lang] = removed.get(lang, 0) + count
        kept = sum(n for _, _, n in counts) - sum(removed.values())
        if stale and not dry_run:
            _delete(db, [(lang, pipeline) for lang, pipeline, _ in stale])
    return Pruned(removed, kept, dry_run)


def _current_versions(
    languages: set[str], options: ExtractOptions, models: Mapping[str, str] | None
) -> dict[str, str]:
    """The pipeline version each language would be parsed with now (none: no model)."""
    current = {}
    for lang in sorted(languages):
        version = pipeline_version(lang, options, models)
        if version is None:
            log.warning("no model for %r is installed: its results are kept as they are", lang)
        else:
            current[lang] = version.id
    return current


def _delete(db: duckdb.DuckDBPyConnection, stale: list[tuple[str, str]]) -> None:
    """Delete the extractions of (language, pipeline version) pairs, their rows, and the
    articles and pipeline descriptions no result refers to any more."""
    params = [[lang for lang, _ in stale], [pipeline for _, pipeline in stale]]
    with transaction(db):
        db.execute(
            "CREATE OR REPLACE TEMP TABLE ng_stale AS SELECT e.content, e.pipeline "
            "FROM extractions e JOIN articles a ON a.content = e.content JOIN "
            "(SELECT unnest($1::VARCHAR[]) AS lang, unnest($2::VARCHAR[]) AS pipeline) s "
            "ON s.lang = a.lang AND s.pipeline = e.pipeline",
            params,
        )
        for table in _PER_EXTRACTION:
            db.execute(
                f"DELETE FROM {table} t USING ng_stale s "
                "WHERE t.content = s.content AND t.pipeline = s.pipeline"
            )
        db.execute("DELETE FROM articles WHERE content NOT IN (SELECT content FROM extractions)")
        db.execute("DELETE FROM pipelines WHERE pipeline NOT IN (SELECT pipeline FROM extractions)")
        db.execute("DROP TABLE ng_stale")
