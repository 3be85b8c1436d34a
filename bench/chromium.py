"""Ready time of the network views in headless Chromium, for ``scale.py --chromium``.

A view is *ready* when its page has drawn the network and says so (``window.ckgNetwork.ready``, what the
browser tests wait for): the HTML, the vendored vis-network script (a cached static asset), the view's
data and the drawing. Each view is opened twice in one browser: *first* with an empty cache, *repeat*
in the same context (vis-network then comes from the browser's cache). Debian's ``chromium`` driven by
Playwright; only loopback traffic. Nothing is asserted: it is measured and printed.
"""

from __future__ import annotations

import time
from collections.abc import Iterable

EXECUTABLE = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
READY = "() => window.ckgNetwork !== undefined && window.ckgNetwork.ready === true"
VIEWPORT = {"width": 1366, "height": 900}


def ready_times(base: str, views: Iterable[tuple[str, str]], limit_s: float = 60.0) -> dict[str, float]:
    """``{"<name>_chromium_first_s": s, "<name>_chromium_repeat_s": s}`` for each ``(name, path)`` of ``views``:
    seconds from navigation until the view is ready (``inf`` when not within ``limit_s``)."""
    from playwright.sync_api import Error, sync_playwright

    row: dict[str, float] = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=EXECUTABLE, args=ARGS)
        try:
            context = browser.new_context(viewport=VIEWPORT)
            page = context.new_page()
            for name, path in views:
                for when in ("first", "repeat"):
                    start = time.monotonic()
                    try:
                        page.goto(base + path)
                        page.wait_for_function(READY, timeout=limit_s * 1000)
                        row[f"{name}_chromium_{when}_s"] = time.monotonic() - start
                    except Error:
                        row[f"{name}_chromium_{when}_s"] = float("inf")
                        break
        finally:
            browser.close()
    return row
