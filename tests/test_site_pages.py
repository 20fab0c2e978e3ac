"""Every page in the site's navigation, in Chromium: WCAG 2.1 AA in both palettes, and nothing fetched from
another origin. The pages are read from mkdocs.yml's nav, so a page added there is checked too."""

from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.structure.files import File

from tests.axe import requests_elsewhere, wcag_violations

ROOT = Path(__file__).resolve().parents[1]


def nav_pages() -> list[str]:
    """The site-relative URL of every Markdown page in the nav, in its order ("" is the front page)."""
    config = load_config(str(ROOT / "mkdocs.yml"))

    def sources(entries) -> list[str]:
        found = []
        for entry in entries:
            value = next(iter(entry.values())) if isinstance(entry, dict) else entry
            if isinstance(value, list):
                found += sources(value)
            elif value.endswith(".md"):
                found.append(value)
        return found

    return [
        File(source, config["docs_dir"], config["site_dir"], config["use_directory_urls"]).url.removeprefix("./")
        for source in sources(config["nav"])
    ]


PAGES = nav_pages()


def test_the_nav_gives_every_page_the_site_is_known_to_have():
    # If reading the nav broke, the tests below would check too little without failing.
    assert {"", "retningslinje/", "beslutningsguide/", "nye-medarbejdere/", "lovgrundlag/"} <= set(PAGES)
    assert len(PAGES) == len(set(PAGES))


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("url", PAGES)
def test_page_passes_axe_wcag_21_aa_with_every_details_open(page, site_url, url, scheme):
    assert wcag_violations(page, site_url + url, scheme, open_details=True) == []


@pytest.mark.browser
@pytest.mark.parametrize("url", PAGES)
def test_page_makes_no_request_to_another_origin(page, site_url, url):
    assert requests_elsewhere(page, site_url + url) == []
