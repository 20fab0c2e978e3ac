"""The built site publishes the adopted guideline faithfully, under the section anchors the engine links to.

The expected text is read from the guideline file itself (``content/guideline/``), so a sentence dropped, reworded
or moved to another page fails here. Only the edits listed in ``EDITS`` are allowed; they and the headings the web
edition adds are listed for the owners on "Sådan vurderer guiden", and each page of the guideline says so on one
quiet line instead of a note between the guideline's paragraphs (none of the edits changes the meaning).
"""

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from mkdocs.config import load_config

from tests.html_tree import HEADING_TAGS, Element, parse_html
from tools.content import guideline_text, traceability
from tools.site import placeholders, role_links
from wizard import guideline
from wizard.contract import ROLES
from wizard.guideline import SECTIONS

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
GUIDELINE_FILE = ROOT / "content" / "guideline" / "retningslinje-digital-chikane-2024.txt"

# Every change the site makes to the guideline's wording (obvious typos, the closing full stop of one heading,
# and "on the next page": the advice is further down the same web page), as the traceability table lists them.
CORRECTIONS = traceability.load().corrections
EDITS = {correction.adopted: correction.published for correction in CORRECTIONS}

# The guideline's own headings that open each page of the published guideline.
PAGE_OPENINGS = {
    "Vi forebygger og håndterer digital chikane": "retningslinje/",
    "Sådan forebygger vi digital chikane": "retningslinje/forebyggelse/",
    "Sådan gør vi, når vi oplever digital chikane.": "retningslinje/naar-det-sker/",
    "Hvornår er digital chikane strafbar?": "retningslinje/strafbar/",
}
GUIDELINE_PAGES = sorted(set(PAGE_OPENINGS.values()))
OWNERS_PAGE = "saadan-vurderer-guiden/"

# The guideline's lists: the section that publishes each, the start of the paragraph that opens it in the
# guideline, and how many items the guideline has (a guard against a parser that finds nothing).
LISTS = [
    ("saadan-forebygger-vi", "Vi oplever forskelligt og reagerer forskelligt", 3),
    ("gode-raad", "Gode råd til at forebygge digital chikane", 17),
    ("du-er-udsat", "Sådan gør du, hvis DU bliver udsat for digital chikane", 5),
    ("kollega", "Sådan gør du som KOLLEGA", 8),
    ("leder", "Sådan gør du som LEDER", 3),
    ("lederens-vurdering", "Herudover skal lederen vurdere, om det er relevant at:", 3),
    ("straffeloven", "Juridisk strafbar chikane er reguleret i Straffeloven.", 6),
]

# The rules the engine implements, each in the section the engine links to for it.
RULE_PHRASES = [
    ("nultolerance", "I Aabenraa Kommune har vi nultolerance overfor digital chikane."),
    ("registrering-i-safetynet", "En hændelse om digital chikane skal anmeldes i SafetyNet."),
    ("registrering-i-safetynet", f"på en skala fra {guideline.IMPACT_MIN}-{guideline.IMPACT_MAX}"),
    (
        "handleplan",
        f"mellem {guideline.IMPACT_MIN} og {guideline.ACTION_PLAN_THRESHOLD} laves der ikke en handleplan",
    ),
    ("handleplan", f"Handleplanen laves ved påvirkning over {guideline.ACTION_PLAN_THRESHOLD}"),
    ("handleplan", "gentagne gange over et kort tidsrum har oplevet digital chikane"),
    ("arbejdsulykke", "SKAL hændelsen anmeldes som en arbejdsulykke i SafetyNet"),
    ("frist", f"så hurtigt som muligt og senest {guideline.REGISTRATION_DAYS} dage efter hændelsesdagen"),
    ("pligt-til-at-kontakte-ledelsen", "Du har pligt til at kontakte ledelsen"),
    ("du-er-udsat", f"en eventuel politianmeldelse skal ske inden for {guideline.POLICE_REPORT_HOURS} timer"),
    ("du-er-udsat", "erstatning efter voldsoffererstatningsloven"),
    ("kollega", "støttende funktion i forhold til psykisk førstehjælp"),
    ("lederens-vurdering", "Eventuelt tage kontakt til Datatilsynet"),
    (
        "personaleafdelingen-og-politianmeldelse",
        f"politianmeldelse indenfor {guideline.POLICE_REPORT_HOURS} timer er en betingelse for at få erstatning "
        "efter voldsoffererstatningsloven",
    ),
    ("hvornaar-er-digital-chikane-strafbar", "med personalejura"),
    ("straffeloven", "En politianmeldelse beror dog altid på en konkret vurdering."),
    ("lydoptagelser", "Lydoptagelser foretaget af borgeren, hvor denne selv indgår i mødet"),
    ("arbejdsmiljoeloven", "håndteres som psykisk vold og dermed en arbejdsulykke"),
    ("databeskyttelsesloven", "kan klage til Datatilsynet"),
    ("ytringsfrihed", '"sagsbehandleren er en skændsel for kommunen"'),
    ("ytringsfrihed", '"læreren er doven eller uoplagt"'),
    ("ytringsfrihed", "aktindsigt i den ansattes personalesag"),
]

# The Markdown pages this test file is about (other pages belong to other parts of the site).
OWN_PAGES = [
    "index.md",
    "retningslinje/index.md",
    "retningslinje/forebyggelse.md",
    "retningslinje/naar-det-sker.md",
    "retningslinje/strafbar.md",
    "beslutningsguide/index.md",
]

ANCHOR_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
SENTENCE_BREAK = re.compile(r'(?<=[.!?:])\s+(?=[A-ZÆØÅ"])')
GUIDELINE_LINK = re.compile(r"\[([^\]]+)\]\(#\)")
GUIDELINE_BOLD = re.compile(r"\*\*(.+?)\*\*")


def section_content(article: Element, anchor: str) -> Element:
    """The heading with id ``anchor`` and what follows it up to the next heading, as one element."""
    heading = article.by_id(anchor)
    assert heading is not None, f"no element with id {anchor!r}"
    assert heading.tag in HEADING_TAGS, f"#{anchor} is a <{heading.tag}>, not a heading"
    siblings = heading.parent.children
    content = []
    for node in siblings[siblings.index(heading) + 1 :]:
        if isinstance(node, Element) and node.tag in HEADING_TAGS:
            break
        content.append(node)
    return Element("#section", {}, content)


def list_items(content: Element) -> list[str]:
    """The texts of the items of the lists directly in ``content``."""
    return [
        item.text()
        for node in content.children
        if isinstance(node, Element) and node.tag in {"ul", "ol"}
        for item in node.children
        if isinstance(item, Element) and item.tag == "li"
    ]


# --- The guideline file -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Block:
    """A paragraph or a list item of the guideline file, in the file's own light Markdown."""

    kind: str  # "paragraph" or "item"
    markdown: str

    @property
    def text(self) -> str:
        """The text as the site shows it: links and bold as plain text, with the site's edits."""
        return edited(GUIDELINE_BOLD.sub(r"\1", GUIDELINE_LINK.sub(r"\1", self.markdown)))

    @property
    def bold(self) -> list[str]:
        return [edited(phrase) for phrase in GUIDELINE_BOLD.findall(self.markdown)]

    @property
    def sentences(self) -> list[str]:
        return SENTENCE_BREAK.split(self.text)


def edited(text: str) -> str:
    text = " ".join(text.split())
    for original, published in EDITS.items():
        text = text.replace(original, published)
    return text


@cache
def guideline_body() -> tuple[Block, ...]:
    """The guideline's blocks after its title page and table of contents.

    A line starting with "- " or "– " starts a list item; a line right after an item (no blank line between)
    continues it. The en dash line under the first piece of advice is therefore an item of its own.
    """
    lines = GUIDELINE_FILE.read_text(encoding="utf-8").splitlines()
    # Table-of-contents lines carry page numbers, so the first exact match is the text's own heading.
    start = lines.index(next(iter(PAGE_OPENINGS)))
    blocks: list[list[str]] = []
    in_item = False
    for line in lines[start:]:
        line = line.strip()
        if not line:
            in_item = False
        elif line.startswith(("- ", "– ")):
            blocks.append(["item", line[2:]])
            in_item = True
        elif in_item:
            blocks[-1][1] += " " + line
        else:
            blocks.append(["paragraph", line])
    return tuple(Block(kind, markdown) for kind, markdown in blocks)


def blocks_by_page() -> dict[str, list[Block]]:
    pages: dict[str, list[Block]] = {}
    current = None
    for block in guideline_body():
        if block.kind == "paragraph" and block.markdown in PAGE_OPENINGS:
            current = PAGE_OPENINGS[block.markdown]
        pages.setdefault(current, []).append(block)
    return pages


def guideline_list(opening: str) -> list[str]:
    """The items of the list after the paragraph starting with ``opening``.

    A paragraph between two items belongs to the item before it (the leader's "Det betyder, at ..."),
    unless it opens a list of its own.
    """
    body = guideline_body()
    openings = tuple(start for _, start, _ in LISTS)
    index = next(i for i, b in enumerate(body) if b.kind == "paragraph" and b.markdown.startswith(opening))
    items: list[str] = []
    for position in range(index + 1, len(body)):
        block = body[position]
        if block.kind == "item":
            items.append(block.text)
            continue
        follows = body[position + 1] if position + 1 < len(body) else None
        if items and follows is not None and follows.kind == "item" and not block.markdown.startswith(openings):
            items[-1] += " " + block.text
            continue
        break
    return items


def mkdocs_extra() -> dict:
    """``extra`` from mkdocs.yml, read by MkDocs itself."""
    return load_config(str(ROOT / "mkdocs.yml"))["extra"]


# --- Fixtures -----------------------------------------------------------------------------------------------


def built_file(site_dir: Path, url: str) -> Path:
    """The file the built site serves for a site URL ("", "retningslinje/strafbar/", "404.html")."""
    return site_dir / url / "index.html" if url == "" or url.endswith("/") else site_dir / url


@pytest.fixture(scope="module")
def built_page(site_dir):
    """Parsed built page by its site URL."""
    trees: dict[str, Element] = {}

    def load(url: str) -> Element:
        if url not in trees:
            trees[url] = parse_html(built_file(site_dir, url).read_text(encoding="utf-8"))
        return trees[url]

    return load


@pytest.fixture(scope="module")
def article(built_page):
    """The content <article> of a built page by its site URL."""

    def load(url: str) -> Element:
        (found,) = built_page(url).find_all("article", cls="md-content__inner")
        return found

    return load


@pytest.fixture(scope="module")
def all_pages(site_dir):
    """The site URL of every built HTML page."""
    urls = [path.relative_to(site_dir).as_posix().removesuffix("index.html") for path in site_dir.rglob("*.html")]
    assert len(urls) >= 9, "the build wrote fewer pages than the navigation has"
    return sorted(urls)


# --- The build ----------------------------------------------------------------------------------------------


def test_site_builds_strictly_without_warnings(site_build):
    _, proc = site_build
    assert proc.returncode == 0, proc.stderr
    assert "WARNING" not in proc.stderr, proc.stderr


def test_no_placeholder_is_left_in_the_built_site(site_dir):
    files = [*site_dir.rglob("*.html"), site_dir / "search" / "search_index.json"]
    leftovers = [f.relative_to(site_dir).as_posix() for f in files if "{{" in f.read_text(encoding="utf-8")]
    assert leftovers == []


# --- Fidelity to the guideline file -------------------------------------------------------------------------


def test_guideline_file_parses_into_the_expected_shape():
    body = guideline_body()
    assert len([b for b in body if b.kind == "item"]) == sum(count for _, _, count in LISTS)
    assert set(blocks_by_page()) == set(GUIDELINE_PAGES)


@pytest.mark.parametrize("original", list(EDITS))
def test_each_edit_fixes_something_in_the_guideline_and_the_site_has_the_fix(original, article):
    guideline_text = " ".join(block.markdown for block in guideline_body())
    assert original in guideline_text, "an edit that no longer matches the guideline file"
    for url in GUIDELINE_PAGES:
        assert original not in article(url).text(), f"{url} still has the unedited wording"


@pytest.mark.parametrize("correction", CORRECTIONS, ids=[c.adopted for c in CORRECTIONS])
def test_each_edit_is_listed_for_the_owners_with_its_section(correction, article):
    (row,) = article(OWNERS_PAGE).find_all("tr", data_trace_correction_of=correction.adopted)
    section = traceability.web_sections()[correction.section]
    assert [td.text() for td in row.find_all("td")] == [
        correction.adopted, correction.published, correction.note, section.title
    ]
    assert row.one("a").attrs["href"] == f"../{section.href}"


def test_every_heading_the_web_edition_adds_is_listed_for_the_owners(article):
    adopted = {traceability.published(heading, CORRECTIONS) for heading in guideline_text.read().headings}
    added = [
        heading
        for url in GUIDELINE_PAGES
        for heading in article(url).iter()
        if heading.tag in HEADING_TAGS and heading.text() not in adopted
    ]
    assert added
    listed = {li.attrs["data-web-added"] for li in article(OWNERS_PAGE).find_all("li", data_web_added=None)}
    assert {heading.attrs["id"] for heading in added} <= listed


@pytest.mark.parametrize("url", GUIDELINE_PAGES)
def test_the_guidelines_pages_say_on_one_line_where_the_web_editions_changes_are(url, built_page):
    page = built_page(url)
    assert page.with_class("editorial-note") == []
    assert "Redaktionel note" not in page.text()
    (note,) = page.find_all(data_web_edition_note=None)
    assert note.one("a").attrs["href"].endswith("saadan-vurderer-guiden/#webudgaven")


@pytest.mark.parametrize("url", GUIDELINE_PAGES)
def test_every_sentence_of_the_guideline_is_on_its_page(url, article):
    page_text = article(url).text()
    sentences = [sentence for block in blocks_by_page()[url] for sentence in block.sentences]
    assert sentences
    missing = [sentence for sentence in sentences if sentence not in page_text]
    assert missing == []


@pytest.mark.parametrize("url", GUIDELINE_PAGES)
def test_the_guidelines_bold_text_stays_bold(url, article):
    strong = {element.text() for element in article(url).find_all("strong")}
    expected = [phrase for block in blocks_by_page()[url] for phrase in block.bold]
    assert [phrase for phrase in expected if phrase not in strong] == []


@pytest.mark.parametrize(("anchor", "opening", "count"), LISTS, ids=[anchor for anchor, _, _ in LISTS])
def test_each_list_of_the_guideline_is_published_item_by_item(anchor, opening, count, article):
    expected = guideline_list(opening)
    assert len(expected) == count
    published = list_items(section_content(article(SECTIONS[anchor].page), anchor))
    assert published == expected


def test_there_are_seventeen_pieces_of_advice(article):
    advice = list_items(section_content(article(SECTIONS["gode-raad"].page), "gode-raad"))
    assert len(advice) == 17
    assert advice[1].startswith("Når det går skævt i relationen")


@pytest.mark.parametrize(("anchor", "phrase"), RULE_PHRASES, ids=[f"{a}:{p[:30]}" for a, p in RULE_PHRASES])
def test_each_rule_is_in_the_section_the_engine_links_to(anchor, phrase, article):
    assert phrase in section_content(article(SECTIONS[anchor].page), anchor).text()


# --- Structure: the engine's anchors and the headings -------------------------------------------------------


@pytest.mark.parametrize("section", SECTIONS.values(), ids=list(SECTIONS))
def test_every_section_is_a_heading_with_its_anchor_and_title(section, article):
    heading = article(section.page).by_id(section.anchor)
    assert heading is not None, f"{section.href} does not exist"
    assert heading.tag in HEADING_TAGS
    assert heading.text() == section.title


@pytest.mark.parametrize("url", ["", *GUIDELINE_PAGES])
def test_every_heading_has_a_readable_ascii_id_unique_on_its_page(url, article):
    ids = [h.attrs.get("id", "") for h in article(url).iter() if h.tag in HEADING_TAGS]
    assert ids
    assert [i for i in ids if not ANCHOR_ID.fullmatch(i)] == []
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("path", OWN_PAGES)
def test_the_guidelines_numbers_are_placeholders_in_the_pages(path):
    # The built pages show these numbers (tests above); here: none of them is typed into a page by hand.
    g = guideline
    literals = [
        f"{g.REGISTRATION_DAYS} dage",
        f"{g.POLICE_REPORT_HOURS} timer",
        f"{g.IMPACT_MIN}-{g.IMPACT_MAX}",
        f"{g.IMPACT_MIN}–{g.IMPACT_MAX}",
        f"{g.IMPACT_MIN} og {g.ACTION_PLAN_THRESHOLD}",
        f"over {g.ACTION_PLAN_THRESHOLD}",
    ]
    source = (DOCS / path).read_text(encoding="utf-8")
    assert [literal for literal in literals if literal in source] == []


def test_every_internal_link_reaches_an_existing_page_and_anchor(all_pages, built_page, site_dir):
    broken = []
    for url in all_pages:
        if url == "404.html":
            continue  # its links are absolute from the server root, wherever the 404 is shown
        for link in built_page(url).find_all("a"):
            href = link.attrs.get("href")
            if href is None or urlsplit(href).scheme or href.startswith("//"):
                continue
            target = urlsplit(urljoin(f"http://site/{url}", href))
            target_url = target.path.removeprefix("/")
            if not built_file(site_dir, target_url).is_file():
                broken.append(f"{url}: {href} (no such page)")
            elif target.fragment and built_page(target_url).by_id(target.fragment) is None:
                broken.append(f"{url}: {href} (no such anchor)")
    assert broken == []


# --- Every page: adoption notice, Danish 404 ----------------------------------------------------------------


def test_every_page_names_the_adopted_guideline(all_pages, built_page):
    for url in all_pages:
        notices = built_page(url).find_all(data_guideline_notice="")
        assert len(notices) == 1, url
        text = notices[0].text()
        for value in (guideline.GUIDELINE_TITLE, guideline.GUIDELINE_ADOPTED_BY, guideline.GUIDELINE_ADOPTED):
            assert value in text, url
        # The guideline's own pages are the adopted text; every other page only builds on it.
        assert text.startswith("Vedtaget retningslinje" if url.startswith("retningslinje/") else "Bygger på"), url


def test_the_404_page_is_in_danish(built_page):
    page = built_page("404.html")
    (heading,) = page.find_all("h1")
    assert heading.text() == "Siden findes ikke"
    assert "Not found" not in page.text()


# --- Configurable links -------------------------------------------------------------------------------------


def test_delpolitik_on_the_built_page_matches_the_configuration(article):
    address = (mkdocs_extra()["links"].get("delpolitik") or "").strip()
    label = placeholders.LINK_LABELS["delpolitik"]
    section = section_content(article(SECTIONS["nultolerance"].page), "nultolerance")
    links = [a for a in section.find_all("a") if label in a.text()]
    if address:
        assert [a.attrs["href"] for a in links] == [address]
    else:
        assert links == []
        (unset,) = section.find_all(data_unset_link="delpolitik")
        assert label in unset.text()
        (note,) = unset.find_all(cls="unset-link__note")
        assert note.text() == placeholders.UNSET_LINK_NOTE


def test_no_link_on_any_page_is_empty_or_a_bare_hash(all_pages, built_page):
    dead = [
        f"{url}: {a.text()!r}"
        for url in all_pages
        for a in built_page(url).find_all("a")
        if "href" in a.attrs and a.attrs["href"].strip() in {"", "#"}
    ]
    assert dead == []


@pytest.mark.parametrize("address", ["", "   ", None])
def test_an_unset_address_becomes_a_visible_note_not_a_link(address):
    context = placeholders.PageContext(root="../", extra={"links": {"delpolitik": address}})
    tree = parse_html(placeholders.expand("bygger på {{ link:delpolitik }}.", context))
    assert tree.find_all("a") == []
    (note,) = tree.find_all(cls="unset-link__note")
    assert note.text() == placeholders.UNSET_LINK_NOTE
    assert placeholders.LINK_LABELS["delpolitik"] in tree.text()


def test_a_set_address_becomes_a_link():
    address = "https://intranet.example/politikker/delpolitik?id=7&v=2"
    context = placeholders.PageContext(root="../", extra={"links": {"delpolitik": address}})
    tree = parse_html(placeholders.expand("bygger på {{ link:delpolitik }}.", context))
    (link,) = tree.find_all("a")
    assert link.attrs["href"] == address
    assert link.attrs["data-link"] == "delpolitik"  # what the print style shows the address for
    assert link.text() == placeholders.LINK_LABELS["delpolitik"]
    assert tree.find_all(cls="unset-link__note") == []


# --- Front page ---------------------------------------------------------------------------------------------


def test_front_page_answers_what_to_do_now(article):
    front = article("")
    assert [a.text() for a in front.find_all("a") if a.attrs.get("href") == "tel:112"] == ["Ring 112"]
    (roles,) = front.find_all("nav", cls="role-entry")
    # Each role: the guide with the role chosen, and the guideline's checklist, plainly labelled apart.
    cards = roles.find_all("li", data_role_card=None)
    assert [card.attrs["data-role-card"] for card in cards] == list(ROLES)
    for card, anchor in zip(cards, ("du-er-udsat", "kollega", "leder"), strict=True):
        role = card.attrs["data-role-card"]
        guide, checklist = card.find_all("a")
        assert guide.attrs["href"] == f"./beslutningsguide/?rolle={role_links.SLUGS[role]}"
        assert guide.text() == f'{role_links.WAYS_IN["guide"]} {role_links.CARD_TEXTS[role]["guide_for"]}'
        assert checklist.attrs["href"] == f"./{SECTIONS[anchor].href}"
        assert checklist.text() == f'{role_links.WAYS_IN["checklist"]} {role_links.CARD_TEXTS[role]["checklist_for"]}'
    assert len(set(role_links.SLUGS.values())) == len(ROLES)
    text = front.text()
    assert f"senest {guideline.REGISTRATION_DAYS} dage efter hændelsesdagen" in text
    assert (
        f"Politianmeldelse inden for {guideline.POLICE_REPORT_HOURS} timer er en betingelse for at få "
        "erstatning efter voldsoffererstatningsloven" in text
    )
    guide_links = [a for a in front.find_all("a") if a.attrs.get("href") == "beslutningsguide/"]
    assert guide_links and "md-button--primary" in guide_links[0].classes


def test_decision_guide_page_explains_the_guide(article):
    about = section_content(article("beslutningsguide/"), "om-beslutningsguiden").text()
    assert f"registrering i SafetyNet senest {guideline.REGISTRATION_DAYS} dage efter hændelsesdagen" in about
    assert f"politianmeldelse inden for {guideline.POLICE_REPORT_HOURS} timer" in about
    assert "bliver ikke sendt nogen steder hen." in about
    # The case: kept in the tab, saved only as the reader's own file, which holds personal data.
    assert "»Gem sagen«" in about and "»Åbn en gemt sag«" in about and "personoplysninger" in about
    assert "gemmer browseren en kopi af guidens program (ca. 30 MB) – aldrig dine svar" in about
