"""Every internal link and anchor in the built site resolves, and so does every link the engine makes.

A link inside the site must reach a file of the build; a ``#fragment`` must be an id on the page it points
to. Beyond the pages themselves: every section of the guideline the engine knows, every source the engine's
data cites, and every link of the guide's screens as the browser renders them on the guide's page.
"""

import html.parser
from dataclasses import fields, is_dataclass
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest

from tests.engine.scenarios import SCENARIOS
from tools.content.practice_cards import CARDS, NOW
from wizard import evaluate, flow
from wizard.flow import next_question
from wizard.guideline import SECTIONS, Section
from wizard.notes import NOTES
from wizard.questions import QUESTIONS
from wizard.rules import OFFENCES, RULES
from wizard.screens.check import check_screen
from wizard.screens.fallback import static_checklists
from wizard.screens.question import question_screen
from wizard.screens.result import result_screen
from wizard.steps import STEPS
from wizard.texts import CATEGORY_LABELS

# Where the guide's screens are shown, and that page's path back to the site root.
GUIDE_PAGE = "beslutningsguide/"
GUIDE_ROOT = "../"
LINK_ATTRIBUTES = ("href", "src")


class _Links(html.parser.HTMLParser):
    """The ids of a page and the addresses in its href and src attributes."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name == "id" and value:
                self.ids.add(value)
            elif name in LINK_ATTRIBUTES and value is not None:
                self.links.append(value)


def links_and_ids(markup: str) -> _Links:
    parser = _Links()
    parser.feed(markup)
    parser.close()
    return parser


def internal(address: str) -> bool:
    parts = urlsplit(address)
    return not parts.scheme and not address.startswith("//")


def page_url(site_dir: Path, path: Path) -> str:
    """A built file's URL relative to the site root: "" for the front page, "retningslinje/strafbar/"."""
    relative = path.relative_to(site_dir).as_posix()
    return relative.removesuffix("index.html")


class Site:
    """The built site: which files exist and which ids each page has."""

    def __init__(self, site_dir: Path):
        self.dir = site_dir
        self.pages = sorted(site_dir.rglob("*.html"))
        self._ids: dict[Path, frozenset[str]] = {}

    def ids(self, path: Path) -> frozenset[str]:
        if path not in self._ids:
            self._ids[path] = frozenset(links_and_ids(path.read_text(encoding="utf-8")).ids)
        return self._ids[path]

    def broken(self, address: str, from_url: str) -> str | None:
        """Why ``address`` on the page at ``from_url`` does not resolve, or None when it does."""
        target = urlsplit(urljoin(f"http://site/{from_url}", address))
        path = unquote(target.path).removeprefix("/")
        file = self.dir / path / "index.html" if path.endswith("/") or not path else self.dir / path
        if not file.is_file():
            return f"{from_url or '(forside)'}: {address} – no file {file.relative_to(self.dir)}"
        if target.fragment and file.suffix == ".html" and unquote(target.fragment) not in self.ids(file):
            return f"{from_url or '(forside)'}: {address} – no id {target.fragment!r} on {path or 'the front page'}"
        return None


@pytest.fixture(scope="module")
def site(site_dir):
    return Site(site_dir)


def broken_links(site: Site, markup: str, from_url: str) -> list[str]:
    found = [address for address in links_and_ids(markup).links if internal(address)]
    return [problem for address in found if (problem := site.broken(address, from_url))]


# --- The built pages ----------------------------------------------------------------------------------------


def test_every_internal_href_and_src_of_every_page_resolves(site):
    assert len(site.pages) >= 9
    problems = []
    checked = 0
    for path in site.pages:
        markup = path.read_text(encoding="utf-8")
        checked += sum(internal(a) for a in links_and_ids(markup).links)
        problems += broken_links(site, markup, page_url(site.dir, path))
    assert checked > 100, "the parser found almost no links"
    assert problems == []


def test_the_check_finds_a_missing_page_and_a_missing_anchor(site):
    assert site.broken("retningslinje/strafbar/#straffeloven", "") is None
    assert site.broken("../strafbar/#straffeloven", "retningslinje/forebyggelse/") is None
    assert site.broken("retningslinje/findes-ikke/", "") is not None
    assert site.broken("retningslinje/strafbar/#findes-ikke", "") is not None
    assert site.broken("assets/css/findes-ikke.css", "") is not None


# --- What the engine links to -------------------------------------------------------------------------------


def sections_in(value: object) -> list[Section]:
    """Every Section held anywhere in ``value`` (dataclasses, mappings, sequences)."""
    if isinstance(value, Section):
        return [value]
    if is_dataclass(value):
        return [s for f in fields(value) for s in sections_in(getattr(value, f.name))]
    if isinstance(value, dict):
        return [s for item in value.values() for s in sections_in(item)]
    if isinstance(value, (list, tuple)):
        return [s for item in value for s in sections_in(item)]
    return []


# Everything in the engine that cites a section; STEPS holds every role's steps with their source.
ENGINE_DATA = {
    "SECTIONS": SECTIONS,
    "QUESTIONS": QUESTIONS,
    "RULES": RULES,
    "OFFENCES": OFFENCES,
    "STEPS": STEPS,
    "NOTES": NOTES,
    "CATEGORY_LABELS": CATEGORY_LABELS,
}


@pytest.mark.parametrize("name", ENGINE_DATA)
def test_every_section_the_engines_data_cites_resolves(name, site):
    sections = sections_in(ENGINE_DATA[name])
    assert sections, f"{name} cites no section"
    assert [problem for s in set(sections) if (problem := site.broken(s.href, ""))] == []


# --- The guide's screens as the browser renders them on the guide's page ------------------------------------

ANSWERS = [(s["name"], s["answers"], s["now"]) for s in SCENARIOS] + [(c.id, c.answers, NOW) for c in CARDS]


@pytest.mark.parametrize("question", QUESTIONS, ids=[q.id for q in QUESTIONS])
def test_every_question_screen_links_resolve(question, site):
    markup = question_screen(question, flow.position({}), root=GUIDE_ROOT)
    assert broken_links(site, markup, GUIDE_PAGE) == []


@pytest.mark.parametrize(("name", "answers", "now"), ANSWERS, ids=[name for name, _, _ in ANSWERS])
def test_every_result_screen_links_resolve_with_every_steps_source(name, answers, now, site):
    result = evaluate(answers, now)
    screens = [result_screen(result, root=GUIDE_ROOT)]
    if next_question(answers) is None:  # the guide shows the check screen only once every question is answered
        screens.append(check_screen(flow.position(result["answers"]), root=GUIDE_ROOT))
    for markup in screens:
        assert broken_links(site, markup, GUIDE_PAGE) == []
    sources = {step["source"] for steps in result["steps_by_role"].values() for step in steps if step["source"]}
    links = links_and_ids(screens[0]).links
    shown = {urljoin(f"http://site/{GUIDE_PAGE}", a).removeprefix("http://site/") for a in links}
    assert sources <= shown, "a step's source link is missing from the result screen"


def test_the_static_checklists_link_to_their_sources(site):
    markup = static_checklists(root=GUIDE_ROOT)
    assert links_and_ids(markup).links
    assert broken_links(site, markup, GUIDE_PAGE) == []
