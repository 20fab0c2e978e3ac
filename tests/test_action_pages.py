"""The 'Sådan gør du' pages: report to the police, document, get it taken down (issue 15).

Each is the guide's own help, opened by a notice that it is not the adopted guideline, with its sources.
"""

from pathlib import Path
from urllib.parse import urlsplit

import pytest
from mkdocs.config import load_config

from tests.html_tree import article, section_after
from wizard.guideline import POLICE_REPORT_HOURS
from wizard.howto import PAGES

ROOT = Path(__file__).resolve().parents[1]
NOTICE = "Guidens hjælp – ikke en del af den vedtagne retningslinje"
HOW_TO_PAGES = sorted({href.split("#")[0] for href in PAGES.values()})
PLATFORM_PAGES = {
    "Facebook": "https://www.facebook.com/help/1380418588640631",
    "Instagram": "https://help.instagram.com/192435014247952",
    "TikTok": "https://support.tiktok.com/en/safety-hc/report-a-problem",
    "X": "https://help.x.com/en/safety-and-security/report-abusive-behavior",
    "YouTube": "https://support.google.com/youtube/answer/2802027",
    "Google-søgning": "https://support.google.com/websearch/answer/9673730",
}
DATATILSYNET_COMPLAINT = "https://www.datatilsynet.dk/borger/klage"


@pytest.fixture(scope="module")
def page_of(site_dir):
    def load(url: str):
        path = site_dir / url / "index.html"
        assert path.is_file(), f"{url} is not in the built site"
        return article(path.read_text(encoding="utf-8"))

    return load


def links(element) -> list[str]:
    return [a.attrs["href"] for a in element.find_all("a")]


@pytest.mark.parametrize("url", HOW_TO_PAGES)
def test_each_page_opens_with_the_notice_that_it_is_not_the_guideline(page_of, url):
    content = page_of(url)
    notices = [a for a in content.with_class("admonition") if "info" in a.classes]
    assert notices and notices[0].with_class("admonition-title")[0].text() == NOTICE
    assert any("retningslinje/" in href for href in links(notices[0]))


@pytest.mark.parametrize("url", HOW_TO_PAGES)
def test_each_page_lists_its_sources_with_their_addresses(page_of, url):
    sources = section_after(page_of(url), "kilder")
    external = [href for element in sources for href in links(element) if urlsplit(href).scheme == "https"]
    assert len(external) >= 2, external


def test_the_pages_are_a_section_of_the_navigation():
    nav = load_config(str(ROOT / "mkdocs.yml"))["nav"]
    (section,) = [entry["Sådan gør du"] for entry in nav if isinstance(entry, dict) and "Sådan gør du" in entry]
    files = [next(iter(item.values())) for item in section]
    assert [f"{f.removesuffix('.md')}/" for f in files] == [
        PAGES["police"],
        PAGES["document"],
        PAGES["take_down"],
    ]


def test_the_police_page_gives_the_three_ways_112_what_to_bring_and_personalejura_first(page_of):
    content = page_of(PAGES["police"])
    text = content.text()
    hrefs = links(content)
    assert "tel:114" in hrefs and "tel:112" in hrefs
    assert "https://politi.dk/anmeld-kriminalitet" in hrefs
    assert "Mød op på en politistation" in text
    (ways,) = [ol for ol in content.find_all("ol")]
    assert len(ways.find_all("li")) == 3
    bring = " ".join(e.text() for e in section_after(content, "det-skal-i-have-med"))
    for item in ("Dokumentationen", "Tidspunktet", "Profilnavnene", "Links"):
        assert item in bring
    assert "Tal med personalejura først" in text
    assert content.one(data_contact="personalejura")
    assert f"inden for {POLICE_REPORT_HOURS} timer" in text


def test_the_documentation_page_covers_four_devices_saving_first_and_the_work_phone(page_of):
    content = page_of(PAGES["document"])
    (table,) = content.find_all("table")
    for device in ("Windows-pc", "Mac", "iPhone", "Android"):
        assert device in table.text()
    for keys in ("Windows-tasten + Shift + S", "Shift + Command (⌘) + 3", "lydstyrke op", "lydstyrke ned"):
        assert keys in table.text()
    text = content.text()
    for must in ("før I beder platformen", "Adressen (URL)", "Tidspunktet", "Profilnavnet", "arbejdstelefonen"):
        assert must in text
    assert content.one(data_contact="it")


def test_the_take_down_page_has_the_guidelines_route_every_platform_datatilsynet_and_the_dsa(page_of):
    content = page_of(PAGES["take_down"])
    hrefs = links(content)
    (table,) = content.find_all("table")
    for platform, address in PLATFORM_PAGES.items():
        assert platform in table.text() and address in hrefs
    assert DATATILSYNET_COMPLAINT in hrefs
    assert content.by_id("datatilsynet") is not None  # the engine's link to the complaint section
    assert "forordning om digitale tjenester (DSA)" in content.text()
    assert "../../retningslinje/naar-det-sker/#lederens-vurdering" in hrefs
