"""What happened to every input: the corpus summary shown in the report and the manifest."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from graph.articles import Skipped


@dataclass(frozen=True)
class ProcessedArticle:
    """An article that went through the pipeline, with what the report shows about it."""

    id: str
    lang: str
    title: str = ""
    url: str = ""
    source: str = ""
    words: int = 0
    #: As the input gave it ("" when it gave none); last, so results stored before it was
    #: kept (a list of field values) still decode.
    date: str = ""


@dataclass(frozen=True)
class CorpusSummary:
    """Every input, processed or skipped (with the reason)."""

    processed: tuple[ProcessedArticle, ...] = ()
    skipped: tuple[Skipped, ...] = ()
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def languages(self) -> dict[str, int]:
        """Number of processed articles per language code, most frequent first."""
        return dict(Counter(a.lang for a in self.processed).most_common())
