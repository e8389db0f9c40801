"""How a report is opened in a headless browser, for the browser tests and benchmarks:
Debian's Chromium, with the flags it needs to run in a container without a display, a GPU,
a sandbox or any network request of its own."""

from __future__ import annotations

from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
)
