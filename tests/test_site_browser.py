"""The built site in Chromium: searchable in Danish, one screen on the front page, no sideways scrolling, print.

WCAG 2.1 AA and "no request to another origin" are checked for every page in tests/test_site_pages.py.
"""

from urllib.parse import urljoin, urlsplit

import pytest

from wizard.guideline import SECTIONS

pytestmark = pytest.mark.browser

# The front page and the guideline's pages (the decision guide's page has tests of its own).
OWN_PAGES = [
    "",
    "retningslinje/",
    "retningslinje/forebyggelse/",
    "retningslinje/naar-det-sker/",
    "retningslinje/strafbar/",
]
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}
# What someone who has just been harassed needs first, all of it without scrolling.
FRONT_PAGE_ESSENTIALS = [".emergency", "nav.role-entry a", ".admonition.warning", ".guide-button"]


def search(page, site_url: str, query: str, links: str) -> list[str]:
    """The site search's results for ``query`` typed on the front page: the pages ``links`` lead to, in order."""
    page.set_viewport_size(DESKTOP)
    page.goto(site_url, wait_until="networkidle")
    page.locator("input.md-search__input").click()
    page.keyboard.type(query)
    results = page.locator(links)
    results.first.wait_for(state="visible", timeout=10_000)
    return [
        urlsplit(urljoin(site_url, href)).path.removeprefix("/")
        for href in results.evaluate_all("links => links.map(link => link.getAttribute('href'))")
    ]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("SafetyNet", SECTIONS["registrering-i-safetynet"].page),
        ("ytringsfrihed", SECTIONS["ytringsfrihed"].page),
    ],
)
def test_danish_search_finds_the_right_page(page, site_url, query, expected):
    pages_found = set(search(page, site_url, query, ".md-search-result__item a.md-search-result__link"))
    assert expected in pages_found


@pytest.mark.parametrize("query", ["politianmeldelse", "chikane"])
def test_staff_find_the_guideline_before_the_owners_pages(page, site_url, query):
    found = search(page, site_url, query, ".md-search-result__item > a.md-search-result__link")
    # The owners' pages quote every sentence of the guideline; they come after the guideline itself.
    owners = [i for i, path in enumerate(found) if path.startswith("saadan-vurderer-guiden/")]
    guideline = [i for i, path in enumerate(found) if path.startswith("retningslinje/")]
    assert guideline and owners and min(guideline) < min(owners), found
    assert not found[0].startswith("saadan-vurderer-guiden/"), found


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_front_page_essentials_fit_on_one_screen(page, site_url, viewport):
    page.set_viewport_size(viewport)
    page.goto(site_url, wait_until="networkidle")
    off_screen = []
    for selector in FRONT_PAGE_ESSENTIALS:
        elements = page.locator(selector)
        assert elements.count() > 0, selector
        for index in range(elements.count()):
            box = elements.nth(index).bounding_box()
            bottom, right = (box["y"] + box["height"], box["x"] + box["width"]) if box else (None, None)
            if box is None or bottom > viewport["height"] or right > viewport["width"]:
                off_screen.append(f"{selector}[{index}]: {box}")
    assert off_screen == []
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"], "the page scrolls sideways"


@pytest.mark.parametrize("url", OWN_PAGES)
def test_page_does_not_scroll_sideways_on_a_phone(page, site_url, url):
    page.set_viewport_size(PHONE)
    page.goto(site_url + url, wait_until="networkidle")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_the_owners_status_tags_are_never_cut_off_at_320_px(page, site_url):
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(site_url + "saadan-vurderer-guiden/", wait_until="networkidle")
    cut = page.eval_on_selector_all(
        ".trace-status",
        "tags => tags.filter((t) => t.getBoundingClientRect().right > innerWidth).map((t) => t.textContent)",
    )
    assert page.locator(".trace-status").count() > 0 and cut == []
    assert page.evaluate("document.documentElement.scrollWidth") <= 320


def test_print_shows_only_the_content_with_link_addresses(page, site_url):
    page.set_viewport_size(DESKTOP)
    page.goto(site_url + SECTIONS["arbejdsulykke"].page, wait_until="networkidle")
    page.emulate_media(media="print")
    for selector in [".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer"]:
        assert page.eval_on_selector(selector, "e => getComputedStyle(e).display") == "none", selector
    content_width = page.eval_on_selector(".md-content", "e => e.getBoundingClientRect().width")
    assert content_width >= 0.9 * DESKTOP["width"]
    assert page.eval_on_selector(".role-jump", "e => getComputedStyle(e).display") == "none"
    # A configured document link (data-link) is printed with its address; a link within the site is not.
    after = page.evaluate(
        """() => {
            const article = document.querySelector("article");
            const documentLink = Object.assign(document.createElement("a"), {href: "https://example.org/x"});
            documentLink.dataset.link = "delpolitik";
            const inside = Object.assign(document.createElement("a"), {href: "../strafbar/"});
            article.append(documentLink, inside);
            return [documentLink, inside].map(a => getComputedStyle(a, "::after").content);
        }"""
    )
    assert after[0] == '" (https://example.org/x)"'
    assert after[1] in {"none", "normal"}
