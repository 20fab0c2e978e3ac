"""Faults of the files the guide runs, with the site served by Debian's nginx and the shipped configuration.

Each test changes a file of a copy of the build on the server (and puts it back), or holds back or breaks the
guide's script in Chromium, then reads what the reader sees and what reached the server (nginx's access log).
The caching faults need the shipped headers: the runtime's files are kept for a year (``immutable``), so a
damaged copy in the browser's cache outlives the fault unless the guide replaces it.
"""

import gzip
import re
import shutil
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import ROOT, require
from tests.harness.guide_driver import GUIDE_PAGE, READY_TIMEOUT_MS
from tests.test_deploy import NGINX, Served, _for_test, _free_port, running_nginx
from tools.site import guide_page

pytestmark = [pytest.mark.nginx, pytest.mark.browser]


@dataclass(frozen=True)
class FaultServer(Served):
    """A copy of the build served by nginx with deploy/nginx.conf, logging every request."""

    log: Path = Path()

    def requests(self) -> list[str]:
        """Every request line nginx has logged so far (``GET /path?query``)."""
        if not self.log.exists():
            return []
        return re.findall(r'"([A-Z]+ \S+) HTTP/', self.log.read_text(encoding="utf-8", errors="replace"))

    @contextmanager
    def altered(self, pattern: str, change):
        """The build's file matching ``pattern``, as ``change(bytes)`` makes it, until the block ends.

        The shipped configuration sends a file's gzip copy where the build made one (``gzip_static``), so the
        fault is put into that copy too: what the browser receives is the changed file.
        """
        path = self.site / self.one(pattern)
        copy = path.with_name(path.name + ".gz")
        originals = {file: file.read_bytes() for file in (path, copy) if file.exists()}
        changed = change(originals[path])
        path.write_bytes(changed)
        if copy in originals:
            copy.write_bytes(gzip.compress(changed, compresslevel=1))
        try:
            yield
        finally:
            for file, data in originals.items():
                file.write_bytes(data)


@pytest.fixture(scope="session")
def served(site_dir, tmp_path_factory):
    require(NGINX.exists(), "Debian's nginx (/usr/sbin/nginx)")
    work = tmp_path_factory.mktemp("faults")
    site = work / "site"
    shutil.copytree(site_dir, site)
    port = _free_port()
    log = work / "access.log"
    server = FaultServer(port, "/", site, log=log)
    shipped = (ROOT / "deploy" / "nginx.conf").read_text(encoding="utf-8")
    (work / "site.conf").write_text(_for_test(shipped, port, "root", site), encoding="utf-8")
    with running_nginx(work, ["site.conf"], [port], access_log=log):
        yield server


@pytest.fixture
def context(browser):
    """A fresh browser context: its own HTTP cache, storage and snapshot."""
    context = browser.new_context(locale="da-DK", timezone_id="Europe/Copenhagen")
    yield context
    context.close()


def guide_state(page, timeout: float = READY_TIMEOUT_MS) -> tuple[str, str | None]:
    """Wait until the engine is ready or the guide gave up; its state and the reason it gave."""
    page.wait_for_selector('[data-guide]:is([data-state="ready"], [data-state="failed"])', timeout=timeout)
    return page.get_attribute("[data-guide]", "data-state"), page.get_attribute("[data-guide]", "data-failure")


def truncated(data: bytes) -> bytes:
    return data[: len(data) // 2]


def damaged(data: bytes) -> bytes:
    middle = len(data) // 2
    return data[:middle] + bytes([data[middle] ^ 0xFF]) + data[middle + 1 :]


# --- The runtime's files ----------------------------------------------------------------------------------------


RUNTIME_FILES = {
    "pyodide.mjs": "assets/pyodide/*/pyodide.mjs",
    "pyodide.asm.mjs": "assets/pyodide/*/pyodide.asm.mjs",
    "pyodide.asm.wasm": "assets/pyodide/*/pyodide.asm.wasm",
    "stdlib": "assets/wizard/*/python_stdlib.zip",
    "engine-wheel": "assets/wizard/*/wizard-*.whl",
}


@pytest.mark.parametrize("pattern", RUNTIME_FILES.values(), ids=RUNTIME_FILES.keys())
@pytest.mark.parametrize("fault", [truncated, damaged], ids=["truncated", "damaged"])
def test_a_broken_runtime_file_is_refused_and_the_first_reload_after_the_fix_starts_the_guide(
    served, context, pattern, fault
):
    page = context.new_page()
    with served.altered(pattern, fault):
        page.goto(served.url + GUIDE_PAGE)
        assert guide_state(page) == ("failed", "checksum")
    # The file is right on the server again: the copy the browser kept must not stop the guide.
    page.reload()
    assert guide_state(page) == ("ready", None)


@pytest.mark.parametrize("name", ["pyodide.mjs", "pyodide.asm.mjs"])
def test_javascript_appended_to_a_pyodide_module_never_runs(served, context, name):
    marker = f"/appended-to-{name}"
    page = context.new_page()
    with served.altered(f"assets/pyodide/*/{name}", lambda data: data + f'\n;fetch("{marker}");\n'.encode()):
        page.goto(served.url + GUIDE_PAGE)
        assert guide_state(page) == ("failed", "checksum")
    page.wait_for_timeout(500)  # a request the appended code made would be in the log by now
    assert not [line for line in served.requests() if marker in line]


# --- The guide's own script ----------------------------------------------------------------------------------------

SHELL_ENTRY = guide_page.SHELL_DIR + guide_page.SHELL_ENTRY
# The fallback comes "within a few seconds" when the script does not take over; a margin for a busy machine.
FALLBACK_WITHIN_MS = 15_000


@pytest.mark.parametrize("fault", ["truncated", "held back", "server gone after the page", "javascript off"])
def test_when_the_guides_script_does_not_run_the_page_shows_112_and_the_checklists_and_sends_no_answer(
    served, browser, fault
):
    context = browser.new_context(locale="da-DK", java_script_enabled=fault != "javascript off")
    page = context.new_page()
    sent = []
    page.on("request", lambda request: sent.append(request.url))
    guide_url = served.url + GUIDE_PAGE
    held = []
    if fault == "held back":
        page.route(f"**/{SHELL_ENTRY}", lambda route: held.append(route))
    if fault == "server gone after the page":
        page.route(lambda url: url != guide_url, lambda route: route.abort("connectionrefused"))
    # Cut off in its first import (half of it can be a module that parses, and runs).
    change = (lambda data: data[: data.index(b"import {") + 10]) if fault == "truncated" else (lambda data: data)
    try:
        with served.altered(SHELL_ENTRY, change):
            page.goto(guide_url, wait_until="domcontentloaded")
            if fault != "javascript off":
                # A reader who answers at once (the browser's own submit, as its button does: without the
                # server's stylesheet the page is laid out too long to reach it): the answer stays in the page.
                page.locator('[data-guide-screen] form[data-question="danger_now"]').evaluate(
                    """form => {
                        form.querySelector('input[value="no"]').checked = true;
                        form.requestSubmit(form.querySelector('button[type="submit"]'));
                    }"""
                )
                page.wait_for_timeout(500)  # a navigation would have begun by now
            fallback = page.locator("[data-guide-fallback]")
            if fault == "javascript off":
                # At once, with its own message only.
                assert fallback.locator("a[href='tel:112']").is_visible()
                shown = fallback.locator(".guide-failure:visible").all()
                assert [message.get_attribute("data-guide-failure") for message in shown] == [None]
            fallback.locator("a[href='tel:112']").wait_for(state="visible", timeout=FALLBACK_WITHIN_MS)
            assert fallback.locator("[data-guide-checklist]").first.is_visible()
            assert page.locator("[data-guide-screen]").is_hidden()
            assert page.locator("[data-guide-status]").is_hidden()
            assert page.url == guide_url
            assert not [url for url in sent if "danger_now" in url]
            assert not [line for line in served.requests() if "danger_now" in line]
            if fault == "held back":
                # The script comes after all: the guide takes over, and the fallback goes.
                for route in held:
                    route.continue_()
                page.wait_for_selector("[data-guide][data-mounted]")
                assert fallback.is_hidden() and page.locator("[data-guide-screen]").is_visible()
                return
        if fault == "javascript off":
            assert fallback.locator("[data-guide-retry]:visible").count() == 0
            return
        # The file is right again, or the server back: "Prøv igen" (a plain link here) loads the page again.
        page.unroute_all()
        fallback.locator('[data-guide-failure="script"] [data-guide-retry]').click()
        assert guide_state(page) == ("ready", None)
        assert fallback.is_hidden()
    finally:
        context.close()
