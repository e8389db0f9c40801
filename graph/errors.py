"""The project's own exceptions: each names the input at fault and how to fix it."""

from __future__ import annotations


class NewsgraphError(Exception):
    """Base class for every error the tool raises on purpose."""


class InputError(NewsgraphError):
    """An input that cannot be read at all (the run cannot start without it)."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class ModelError(NewsgraphError):
    """A spaCy pipeline that is not installed or cannot be loaded."""


class StoreError(NewsgraphError):
    """A store that cannot be opened or used: in use by another run, not a newsgraph
    store, written by a newer newsgraph, damaged, or on a full or failing disk.

    The message names the file and the real cause (DuckDB's own words included)."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"the store {path}: {reason}")
        self.path = path
        self.reason = reason
