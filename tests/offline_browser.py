"""Headless Chromium for the report tests: launched with the flags this machine needs, and
pages opened offline, with every request but the page's own file recorded and aborted."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from graph.render.headless import CHROMIUM, CHROMIUM_ARGS

if TYPE_CHECKING:
    from playwright.sync_api import Browser, ConsoleMessage, Dialog, Page, Route

READY = "window.newsgraph && window.newsgraph.ready === true"


@dataclass
class Visit:
    """A page opened offline, with everything it tried to do behind our back."""

    page: Page
    url: str
    left: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def assert_clean(self) -> None:
        assert self.left == [], f"requests left the page: {self.left}"
        assert self.errors == [], f"errors in the page: {self.errors}"
        assert self.dialogs == [], f"dialogs opened: {self.dialogs}"


def launch_chromium() -> Iterator[Browser]:
    """Debian's Chromium through Playwright, for a module-scoped fixture to yield from."""
    sync_api = pytest.importorskip("playwright.sync_api")
    if not CHROMIUM.exists():
        pytest.skip("Debian chromium is not installed at /usr/bin/chromium")
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=list(CHROMIUM_ARGS)
        )
        yield launched
        launched.close()


def visited(browser: Browser, path: Path) -> Iterator[Visit]:
    """`open_offline` for a function-scoped fixture to yield from: after the test, the page
    must be clean (no request left it, no error, no dialog), and is closed."""
    opened = open_offline(browser, path)
    yield opened
    opened.assert_clean()
    opened.page.close()


def open_offline(browser: Browser, path: Path, frame: int = 0, settle_ms: int = 0) -> Visit:
    """Open `path`, allowing only its own file:// URL (and data:/blob:), recording the rest.

    Returns once the graph in the page (or in its `frame`-th frame) is ready, and `settle_ms`
    later (time for anything injected to fire).
    """
    page = browser.new_page(viewport={"width": 1400, "height": 950})
    visit = Visit(page=page, url=path.resolve().as_uri())

    def route(handled: Route) -> None:
        url = handled.request.url
        if url == visit.url or url.startswith(("data:", "blob:")):
            handled.continue_()
        else:
            visit.left.append(url)
            handled.abort()

    def on_dialog(dialog: Dialog) -> None:
        visit.dialogs.append(dialog.message)
        dialog.dismiss()

    def on_console(message: ConsoleMessage) -> None:
        if message.type == "error":
            visit.errors.append(message.text)

    page.route("**/*", route)
    page.on("dialog", on_dialog)
    page.on("console", on_console)
    page.on("pageerror", lambda error: visit.errors.append(str(error)))
    page.goto(visit.url)
    page.frames[frame].wait_for_function(READY, timeout=20_000)
    if settle_ms:
        page.wait_for_timeout(settle_ms)
    return visit
