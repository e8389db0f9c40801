"""newsgraph: news articles → an evidence-backed graph of who appears with whom."""

from __future__ import annotations

__version__ = "0.1.0"
