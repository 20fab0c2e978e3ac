"""What the guide's page offers when the guide cannot run: 112, why, "Prøv igen" where it helps, the front page's two
deadlines, a link to each role, and the guideline's own checklists in its own words (tools/site/guide_page.py,
wizard/screens/fallback.py). How it shows in the browser: tests/test_served_faults.py and tests/e2e/test_loading.py."""

import re

import pytest

from tests.html_tree import parse_html
from tools.content import guideline_text, texts, traceability
from tools.site import guide_page
from wizard import content
from wizard.content_data import TEXTS
from wizard.contract import ROLES
from wizard.screens import fallback
from wizard.screens.fallback import CHECKLISTS, static_checklists, two_deadlines

ROOT = "../"
# The guideline's sections whose sentences are the roles' checklists, and what the guideline asks of everyone.
CHECKLIST_SECTIONS = (
    "du-er-udsat", "kollega", "leder", "lederens-vurdering", "personaleafdelingen-og-politianmeldelse",
    "pligt-til-at-kontakte-ledelsen", "arbejdsulykke",
)
# Sentences of those sections that are not a thing to do (a heading, a pointer elsewhere).
NOT_TO_DO = ("For definition af Arbejdsskade",)


def words(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


@pytest.fixture(scope="module")
def web_edition() -> str:
    """The guideline as the web edition words it (its typos corrected), as words."""
    return words(texts._Context().web_edition)


@pytest.fixture(scope="module")
def page():
    return parse_html(guide_page.fallback(ROOT))


def checklist_ids() -> list[str]:
    return [id for list_id in (fallback.FOR_ALL, *CHECKLISTS) for id in content.ids("checklists", list_id)]


@pytest.mark.parametrize("id", checklist_ids())
def test_each_item_of_the_checklists_is_the_guidelines_own_words(web_edition, id):
    text = content.text("checklists", id)
    assert f" {words(text)} " in f" {web_edition} ", f"{id} is not word for word in the guideline: {text!r}"
    # Its source quote is a sentence of the item itself, from the section it names.
    source = content.source("checklists", id)
    assert words(source.quote) in words(text)


def test_every_sentence_of_the_roles_checklists_is_in_the_fallback(page):
    shown = words(page.text())
    table = traceability.load()
    corrections = [(c.adopted, c.published) for c in table.corrections]
    sentences = [
        guideline_text.corrected(guideline_text.normalise(e.text), corrections)
        for e in table.entries
        if e.section in CHECKLIST_SECTIONS
    ]
    assert len(sentences) > 30
    missing = [s for s in sentences if not s.startswith(NOT_TO_DO) and words(s) not in shown]
    assert missing == []


def test_no_item_begins_with_a_condition_of_the_guides_own(page):
    shown = page.text()
    assert not [entry for entry in TEXTS["conditions"].values() if entry["text"][:40] in shown]
    assert page.find_all("em") == []


def test_the_fallback_leads_with_112_then_why_then_the_two_deadlines_then_each_role(page):
    fallback_root = page.one(data_guide_fallback=None)
    order = [
        element for element in fallback_root.iter()
        if element.attrs.get("href") == "tel:112" or "data-guide-failure" in element.attrs
        or "data-deadlines" in element.attrs or element.attrs.get("class") == "guide-fallback__roles"
        or "data-guide-checklist" in element.attrs
    ]
    kinds = [
        "112" if e.attrs.get("href") == "tel:112" else "failure" if "data-guide-failure" in e.attrs
        else "deadlines" if "data-deadlines" in e.attrs else "roles" if "data-guide-checklist" not in e.attrs
        else "checklist"
        for e in order
    ]
    assert kinds == ["112", *["failure"] * (len(guide_page.FAILURES) + 1), "deadlines", "roles", *["checklist"] * 3]
    # Each role's link leads to its checklist on the page.
    links = [a.attrs["href"] for a in fallback_root.one(cls="guide-fallback__roles").find_all("a")]
    anchors = ["#" + section.attrs["id"] for section in fallback_root.find_all(data_guide_checklist=None)]
    assert links == anchors and len(links) == len(ROLES)


def test_the_front_page_and_the_fallback_show_the_same_two_deadlines(site_dir):
    front = parse_html((site_dir / "index.html").read_text(encoding="utf-8")).one(data_deadlines=None)
    assert parse_html(two_deadlines(root="./")).one(data_deadlines=None).text() == front.text()
    assert "10 dage" in front.text() and "72 timer" in front.text()


@pytest.mark.parametrize("reason", [*guide_page.FAILURE_REASONS, "script"])
def test_prøv_igen_is_offered_where_a_retry_can_help(page, reason):
    message = page.one(data_guide_failure=reason)
    retry = message.find_all(data_guide_retry=None)
    assert bool(retry) == (reason in guide_page.RETRY_HELPS)
    if retry:
        # The page itself, loaded anew past Material's instant navigation; the tab keeps the answers.
        assert (retry[0].attrs["href"], retry[0].attrs["target"]) == ("./", "_self")
        assert retry[0].text() == content.text("guide_page", "retry")


def test_without_javascript_the_page_says_so_once():
    markup = guide_page.fallback(ROOT)
    assert markup.count(guide_page.NOSCRIPT) == 1
    assert re.search(r"<noscript>[^<]*<p[^>]*><strong>" + re.escape(guide_page.NOSCRIPT), markup)


def test_every_form_of_the_guide_goes_nowhere_when_submitted_by_the_browser(site_dir):
    html = (site_dir / "beslutningsguide" / "index.html").read_text(encoding="utf-8")
    forms = re.findall(r"<form\b[^>]*>", html)
    guide_forms = [tag for tag in forms if "guide-form" in tag]
    assert len(guide_forms) > 20
    assert all('method="dialog"' in tag for tag in guide_forms), guide_forms


def test_the_checklists_link_each_role_to_its_section_in_the_guideline():
    for role, section in CHECKLISTS.items():
        markup = parse_html(static_checklists(root=ROOT)).one(data_guide_checklist=role)
        assert [a.attrs["href"] for a in markup.find_all("a")] == [f"{ROOT}retningslinje/naar-det-sker/#{section}"]
