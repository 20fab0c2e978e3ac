"""The site search on the guide's page: its index waits for the guide's engine, and never for a reader who
turns to the search (tools/site/search_later.js).

On a slow link the index (some 45 kB, and lunr's scripts after it) would share the link with the engine's
runtime; it is fetched once the guide is ready or has failed, or at once when the reader opens the search.
"""

import pytest

from tests.e2e.guide import READY_TIMEOUT_MS, open_guide
from tools.site.search_exclusion import TAG

pytestmark = pytest.mark.browser

INDEX = "**/search/search_index.json"
WHEN_FETCHED = """() => {
  const index = performance.getEntriesByType("resource").find((entry) => entry.name.endsWith("/search_index.json"));
  const ready = performance.getEntriesByName("guide:ready")[0];
  return { index: index?.startTime ?? null, ready: ready?.startTime ?? null };
}"""


def test_the_index_is_fetched_after_the_guide_is_ready(page, site_url):
    with page.expect_request(INDEX, timeout=READY_TIMEOUT_MS):
        open_guide(page, site_url)
    when = page.evaluate(WHEN_FETCHED)
    assert when["ready"] is not None and when["index"] is not None, when
    assert when["index"] >= when["ready"], when


def test_a_reader_who_opens_the_search_while_the_guide_loads_gets_it_at_once(page, site_url):
    # The runtime's .wasm is held back, so the guide stays loading for as long as the test needs.
    page.route("**/*.wasm", lambda route: None)
    open_guide(page, site_url, wait_ready=False)
    assert page.get_attribute("[data-guide]", "data-state") == "loading"
    with page.expect_request(INDEX, timeout=30_000):
        page.locator("label.md-search__icon[for=__search], .md-search__input").first.click()
    page.locator("input.md-search__input").fill("SafetyNet")
    page.locator(".md-search-result__item").first.wait_for(state="visible", timeout=30_000)
    assert page.get_attribute("[data-guide]", "data-state") == "loading"


def test_the_guides_screens_stay_out_of_the_index_and_it_looks_as_before(page, site_url):
    open_guide(page, site_url)
    index = page.evaluate("fetch('../search/search_index.json').then((response) => response.json())")
    guide_docs = [doc for doc in index["docs"] if doc["location"] == "beslutningsguide/"]
    assert guide_docs and all(len(doc["text"]) < 500 for doc in guide_docs), [len(d["text"]) for d in guide_docs]
    # The block the search leaves out takes no box of its own: the guide is laid out in the article itself.
    boxes = page.evaluate("""() => {
      const wrapper = document.querySelector("[data-guide]").parentElement;
      return {
        tag: wrapper.localName, display: getComputedStyle(wrapper).display, rects: wrapper.getClientRects().length,
      };
    }""")
    assert boxes == {"tag": TAG, "display": "contents", "rects": 0}
