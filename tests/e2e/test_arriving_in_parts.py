"""The guide's page as a slow link brings it: the browser shows what has come and may pause anywhere in it.

The page is served in two parts, the second held until the browser has painted the first, at the places where
a page painted half-way went wrong: a menu list whose first item has come but not its link (the link's margin
moved the whole menu down when the rest came, which the CI saw under load); the page before the guide (on a
phone the space above the guide shrank only once the guide had come, moving everything painted above it); and
the guide before its fallback (its screen went after a few seconds although the fallback had not come, leaving
the guide empty and the page below it moving up).
"""

import re
import threading

import pytest

from tests.e2e.guide import LAYOUT_SHIFTS, SIZES, page_of_size, unprompted_shifts
from tests.harness.guide_driver import GUIDE_PAGE, ROOT, SCREEN
from tools.site.guide_page import FALLBACK_STYLE, SHELL_DIR, SHELL_ENTRY
from tools.site.serve import SiteHandler, serve_in_background

pytestmark = pytest.mark.browser

FALLBACK = "[data-guide-fallback]"
# How long the page waits for its script before it shows its own fallback (guide_fallback.css).
SCRIPT_WAIT_MS = int(re.search(r"guide-fallback-wait 0s (\d+)s", FALLBACK_STYLE)[1]) * 1000
# Every place where the page's menus (the site's and the page's contents) have their first item but not its link.
MENU_LISTS = rb'<ul class="md-nav__list"[^>]*>\s*<li class="md-nav__item[^"]*">'
BEFORE_GUIDE = rb'<div class="guide"'
BEFORE_FALLBACK = rb'<div class="guide-fallback"'
PART_TIMEOUT_S = 60


class InParts:
    """The guide's page in two parts: up to ``cut`` at once, the rest when :meth:`release` is called."""

    def __init__(self) -> None:
        self.cut = None
        self.sent = threading.Event()
        self.rest = threading.Event()

    def hold_from(self, cut: int) -> None:
        self.cut = cut
        self.sent.clear()
        self.rest.clear()

    def release(self) -> None:
        self.rest.set()

    def send(self, data: bytes, outputfile) -> None:
        outputfile.write(data[: self.cut])
        outputfile.flush()
        self.sent.set()
        self.rest.wait(PART_TIMEOUT_S)
        outputfile.write(data[self.cut :])


class InPartsHandler(SiteHandler):
    def copyfile(self, source, outputfile):
        parts = self.server.parts
        if self.path != "/" + GUIDE_PAGE or parts.cut is None:
            return super().copyfile(source, outputfile)
        parts.send(source.read(), outputfile)


@pytest.fixture(scope="module")
def in_parts(site_dir):
    server = serve_in_background(site_dir, handler_class=InPartsHandler)
    server.parts = InParts()
    host, port = server.server_address[:2]
    yield server.parts, f"http://{host}:{port}/"
    server.parts.release()
    server.shutdown()


@pytest.fixture(scope="module")
def guide_html(site_dir) -> bytes:
    return (site_dir / GUIDE_PAGE / "index.html").read_bytes()


# The browser's first paint, then the frame after it: what has come is on the screen.
PAINTED = """new Promise((done) => {
  const next = () => requestAnimationFrame(() => requestAnimationFrame(done));
  if (performance.getEntriesByType("paint").length) return next();
  new PerformanceObserver((entries, observer) => { observer.disconnect(); next(); }).observe({ type: "paint" });
})"""


def painted(page) -> None:
    """Wait until the browser has painted what it has."""
    page.evaluate(PAINTED)


@pytest.mark.parametrize("size", list(SIZES))
def test_nothing_moves_when_the_rest_of_a_menu_or_the_guide_comes(browser, in_parts, guide_html, size):
    parts, url = in_parts
    menus = [place.end() for place in re.finditer(MENU_LISTS, guide_html)]
    assert len(menus) >= 2, "the site's menu and the page's contents"
    for cut in [*menus, guide_html.index(BEFORE_GUIDE)]:
        with page_of_size(browser, size) as page:
            page.add_init_script(LAYOUT_SHIFTS)
            parts.hold_from(cut)
            page.goto(url + GUIDE_PAGE, wait_until="commit")
            assert parts.sent.wait(PART_TIMEOUT_S)
            painted(page)
            parts.release()
            page.wait_for_selector(f"{ROOT}[data-mounted]")
            painted(page)
            assert unprompted_shifts(page) == [], f"the page paused after byte {cut}"


# Every frame from the screen's first paint on in which neither the guide's screen nor its fallback shows.
EMPTY_FRAMES = f"""
window.__empty = [];
let shownOnce = false;
const shows = (element) => Boolean(element?.checkVisibility({{ visibilityProperty: true }})
  && element.getBoundingClientRect().height > 0);
const look = () => {{
  if (shows(document.querySelector({SCREEN!r}))) shownOnce = true;
  else if (shownOnce && !shows(document.querySelector({FALLBACK!r}))) {{
    window.__empty.push(Math.round(performance.now()));
  }}
  requestAnimationFrame(look);
}};
requestAnimationFrame(look);
"""


def test_the_guide_is_never_empty_while_the_page_still_comes_and_its_script_does_not_run(browser, in_parts, guide_html):
    parts, url = in_parts
    with page_of_size(browser, "phone") as page:
        page.add_init_script(EMPTY_FRAMES)
        page.route(f"**/{SHELL_DIR}{SHELL_ENTRY}", lambda route: None)  # the script never comes
        parts.hold_from(guide_html.index(BEFORE_FALLBACK))
        page.goto(url + GUIDE_PAGE, wait_until="commit")
        assert parts.sent.wait(PART_TIMEOUT_S)
        page.locator(SCREEN).wait_for(state="visible")
        # Longer than the page waits for its script: the guide's question stays while the fallback is not there.
        page.wait_for_timeout(SCRIPT_WAIT_MS + 1_000)
        assert page.locator(SCREEN).is_visible()
        parts.release()
        page.locator(f"{FALLBACK} a[href='tel:112']").wait_for(state="visible", timeout=SCRIPT_WAIT_MS * 4)
        assert page.locator(SCREEN).is_hidden()
        assert page.evaluate("window.__empty") == []
