"""The guide fetched ahead on the front page: after the page itself, at the lowest priority, never with Save-Data,
and then used by the guide from the browser's cache.

Served with production-like caching (the benchmark's server: year-long caching for versioned paths,
revalidation for the rest), which the prefetch depends on; the server counts what it sends.
"""

import html
import json
import re

import pytest

from tests.bench.server import BenchServer
from tests.e2e.guide import READY_TIMEOUT_MS, open_guide
from tools.site.prefetch import SCRIPT
from tools.site.role_links import GUIDE_PAGE

pytestmark = pytest.mark.browser

QUIET_SECONDS = 1.0

PREFETCHED = """() => {
  const load = performance.getEntriesByType("navigation")[0].loadEventEnd;
  const links = [...document.querySelectorAll('link[rel="prefetch"]')];
  const fetched = performance.getEntriesByType("resource").filter((entry) => entry.initiatorType === "link"
    && links.some((link) => link.href === entry.name));
  return {
    load,
    links: links.map((link) => ({ href: link.href, priority: link.fetchPriority })),
    firstStart: Math.min(...fetched.map((entry) => entry.startTime)),
    fetched: fetched.length,
  };
}"""


@pytest.fixture(scope="module")
def server(site_dir):
    served = BenchServer(site_dir).start()
    yield served
    served.shutdown()
    served.server_close()


def guide_paths(site_dir) -> list[str]:
    """The paths the front page lists for the guide."""
    page = (site_dir / "index.html").read_text(encoding="utf-8")
    listed = re.search(r'data-guide-prefetch="([^"]*)"', page)
    assert listed, f"the front page loads no {SCRIPT}"
    return json.loads(html.unescape(listed[1]))


def test_the_front_page_fetches_the_guide_after_itself_and_the_guide_starts_from_the_cache(browser, server, site_dir):
    listed = guide_paths(site_dir)
    assert any(path.endswith("pyodide.asm.wasm") for path in listed) and GUIDE_PAGE in listed
    context = browser.new_context(locale="da-DK", timezone_id="Europe/Copenhagen")
    try:
        page = context.new_page()
        server.wire.wait_quiet(QUIET_SECONDS)
        server.wire.take()
        page.goto(server.url)
        page.wait_for_selector('link[rel="prefetch"]', state="attached")
        assert server.wire.wait_quiet(QUIET_SECONDS, timeout=60)
        front = server.wire.take()
        seen = page.evaluate(PREFETCHED)
        assert len(seen["links"]) == len(listed) == seen["fetched"]
        assert {link["priority"] for link in seen["links"]} == {"low"}
        # Only once the page itself has loaded.
        assert seen["firstStart"] >= seen["load"] > 0
        wasm = next(path for path in listed if path.endswith(".wasm"))
        assert front.by_path["/" + wasm] > 1_000_000

        open_guide(page, server.url, wait_ready=False)
        page.wait_for_selector('[data-guide][data-state="ready"]', timeout=READY_TIMEOUT_MS)
        server.wire.wait_quiet(QUIET_SECONDS, timeout=60)
        guide = server.wire.take()
        # Python's files come from the cache; the pages and scripts are only revalidated.
        python = [path for path in guide.by_path if path.startswith(("/assets/pyodide/", "/assets/wizard/"))]
        assert python == [], guide.by_path
        assert guide.bytes < 60_000, guide.by_path
    finally:
        context.close()


def test_with_save_data_the_front_page_fetches_nothing_ahead(browser, server):
    context = browser.new_context(locale="da-DK", timezone_id="Europe/Copenhagen")
    try:
        page = context.new_page()
        context.new_cdp_session(page).send("Emulation.setDataSaverOverride", {"dataSaverEnabled": True})
        server.wire.wait_quiet(QUIET_SECONDS)
        server.wire.take()
        page.goto(server.url, wait_until="load")
        assert page.evaluate("navigator.connection.saveData") is True
        # Idle, and then some: a prefetch would have begun.
        page.evaluate("() => new Promise((done) => requestIdleCallback(() => setTimeout(done, 1500)))")
        server.wire.wait_quiet(QUIET_SECONDS)
        front = server.wire.take()
        assert page.locator('link[rel="prefetch"]').count() == 0
        assert not any(path.startswith(("/assets/pyodide/", "/assets/wizard/")) for path in front.by_path)
        assert front.bytes < 250_000, front.by_path
    finally:
        context.close()


def test_the_guide_and_other_pages_fetch_nothing_ahead(site_dir):
    assert SCRIPT not in (site_dir / GUIDE_PAGE / "index.html").read_text(encoding="utf-8")
    assert SCRIPT in (site_dir / "retningslinje" / "naar-det-sker" / "index.html").read_text(encoding="utf-8")
    assert SCRIPT not in (site_dir / "saadan-vurderer-guiden" / "index.html").read_text(encoding="utf-8")


def test_the_list_is_every_file_the_guide_fetches(site_dir):
    listed = guide_paths(site_dir)
    assert len(listed) == len(set(listed))
    for path in listed:
        assert (site_dir / path).is_file() or (site_dir / path / "index.html").is_file(), path
    guide = (site_dir / GUIDE_PAGE / "index.html").read_text(encoding="utf-8")
    declared = json.loads(html.unescape(re.search(r'data-files="([^"]*)"', guide)[1]))
    pyodide = html.unescape(re.search(r'data-pyodide="([^"]*)"', guide)[1])
    worker = html.unescape(re.search(r'data-worker="([^"]*)"', guide)[1])
    needed = {*declared, pyodide + "pyodide.mjs", pyodide + "pyodide.asm.mjs", worker}
    assert needed <= set(listed), needed - set(listed)
