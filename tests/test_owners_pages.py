"""The owners' desk ("Sådan vurderer guiden"): the sentence table first, filtered in Chromium and printed; the
readings with their status; the map of the questions against the engine's own flow; Danish without code.

The pages' generated content is checked block by block in tests/test_traceability.py and test_rules_page.py;
here is what the owners do with them: filter, read the readings, follow the map, print.
"""

import itertools
import re
from pathlib import Path

import pytest
from mkdocs.config import load_config

from tests.axe import axe_violations
from tests.e2e.guide import SIZES, page_of_size
from tests.harness.answer_paths import PATHS, answers
from tests.html_tree import article
from tools.content import readings, traceability
from tools.site import question_map, traceability_page
from tools.site.traceability_page import STATUS_LABELS, TEXTS, section_roles
from wizard.conditions import ALWAYS
from wizard.contract import ROLES
from wizard.flow import position
from wizard.questions import QUESTIONS

ROOT = Path(__file__).resolve().parents[1]
SECTION = "saadan-vurderer-guiden/"
OWNERS_PAGES = [SECTION, f"{SECTION}spoergsmaal/", f"{SECTION}regler/", f"{SECTION}skridt/"]


def built(site_dir: Path, url: str):
    return article((site_dir / url / "index.html").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def sentences(site_dir):
    return built(site_dir, SECTION)


@pytest.fixture(scope="module")
def table():
    return traceability.load()


# --- The section and its pages ------------------------------------------------------------------------------


def test_the_sentence_by_sentence_page_opens_the_owners_section():
    nav = load_config(str(ROOT / "mkdocs.yml"))["nav"]
    (section,) = [entry["Sådan vurderer guiden"] for entry in nav if isinstance(entry, dict) and
                  "Sådan vurderer guiden" in entry]
    pages = [next(iter(item.values())) if isinstance(item, dict) else item for item in section]
    assert pages[0] == "saadan-vurderer-guiden/index.md"
    assert len(pages) == len(OWNERS_PAGES)


@pytest.mark.parametrize("url", OWNERS_PAGES)
def test_no_owners_page_shows_engine_ids_or_file_paths(site_dir, url):
    page = built(site_dir, url)
    codes = [code.text() for code in page.find_all("code")]
    assert codes == ([] if url != f"{SECTION}regler/" else [page.one(data_rules_version=None).text()])
    text = page.text()
    # An engine id is lower-case words joined by "_" (protected_criticism, manager/consult_hr).
    code = r"content/|\.ya?ml\b|wizard/|\b[a-z]+_[a-z_]+\b"
    assert re.findall(code, text) == []


# --- The sentences: what the filter reads -------------------------------------------------------------------


def test_each_row_says_its_roles_its_use_and_whether_a_reading_rests_on_it(sentences, table):
    found = readings.checked()
    by_section = section_roles()
    rows = {int(tr.attrs["data-trace-line"]): tr for tr in sentences.find_all("tr", data_trace_line=None)}
    assert len(rows) == len(table.entries)
    for entry in table.entries:
        row = rows[entry.line]
        roles = set(row.attrs["data-trace-roles"].split())
        assert roles == set(traceability_page.entry_roles(entry, by_section)) <= set(ROLES)
        step_roles = {use.id.split("/")[0] for use in entry.uses if use.kind == "step"}
        assert step_roles <= roles
        assert row.attrs["data-trace-status"] == ("used" if entry.uses else "reason")
        assert (row.attrs["data-trace-reading"] == "yes") == bool(readings.readings_of(entry, found))


def test_a_role_s_own_checklist_belongs_to_that_role():
    assert {section: role for section, role in section_roles().items() if section in ("du-er-udsat", "kollega",
            "leder")} == {"du-er-udsat": "employee", "kollega": "colleague", "leder": "manager"}


# --- The readings -------------------------------------------------------------------------------------------


def test_every_reading_is_listed_with_its_sentence_alternative_what_would_change_and_status(sentences):
    shown = sentences.find_all("section", data_reading=None)
    found = readings.checked()
    assert [s.attrs["data-reading"] for s in shown] == [r.id for r in found]
    for reading, section in zip(found, shown, strict=True):
        text = section.text()
        for part in (reading.reading, reading.alternative, reading.changes, " ".join(reading.text.split())):
            assert part in text
        assert section.one("h3").one(cls="trace-status").text() == STATUS_LABELS[reading.status]
        assert [li.attrs["data-trace-use"] for li in section.find_all("li", data_trace_use=None)] == [
            f"{use.kind}:{use.id}" for use in reading.uses
        ]
    counts = {status: sum(1 for r in found if r.status == status) for status in readings.STATUSES}
    summary = sentences.one(data_readings_summary=None).text()
    assert summary == traceability_page.READING_TEXTS["intro"].format(total=len(found), **counts)


def test_a_pending_reading_gets_a_line_for_the_owners_decision_on_paper(sentences):
    for reading in readings.checked():
        section = sentences.one("section", data_reading=reading.id)
        lines = section.find_all(data_reading_signoff=None)
        assert len(lines) == (1 if reading.status == "afventer" else 0), reading.id


def test_each_reading_is_marked_beside_its_sentence_with_a_link_to_it(sentences):
    marks = sentences.find_all(data_trace_reading_of=None)
    assert {mark.attrs["data-trace-reading-of"] for mark in marks} == {r.id for r in readings.checked()}
    for mark in marks:
        target = mark.one("a").attrs["href"].removeprefix("#")
        assert sentences.by_id(target).attrs["data-reading"] == mark.attrs["data-trace-reading-of"]


# --- The map of the questions -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def question_map_tree(site_dir):
    return built(site_dir, f"{SECTION}spoergsmaal/").one("ol", data_question_map=None)


def test_the_map_has_every_question_in_order_and_a_branch_for_each_condition(question_map_tree):
    cards = question_map_tree.find_all("li", data_map_question=None)
    assert [card.attrs["data-map-question"] for card in cards] == [q.id for q in QUESTIONS]
    branches = question_map_tree.find_all("li", data_map_branch=None)
    expected = [(name, run) for name, run in question_map.branches() if name != ALWAYS.name]
    assert [b.attrs["data-map-branch"] for b in branches] == [name for name, _ in expected]
    for branch, (_, run) in zip(branches, expected, strict=True):
        assert [c.attrs["data-map-question"] for c in branch.find_all("li", data_map_question=None)] == [
            q.id for q in run
        ]
        assert run[0].asked_if.description in branch.one(cls="qmap__when").text()
    assert [end.attrs["data-map-end"] for end in question_map_tree.find_all("li", data_map_end=None)] == [
        "check", "result"
    ]


def map_edges(tree) -> set[tuple[str, str]]:
    """Which question the map lets follow which: the next box down, or past a branch to where it says."""
    items = [child for child in tree.children if hasattr(child, "tag")]
    edges, before = set(), []
    for item in items:
        if "data-map-branch" in item.attrs:
            run = [c.attrs["data-map-question"] for c in item.find_all("li", data_map_question=None)]
            skip_to = item.one(cls="qmap__otherwise").attrs["data-map-otherwise"] or "check"
            edges |= {(b, run[0]) for b in before} | {(a, b) for a, b in itertools.pairwise(run)}
            edges |= {(b, skip_to) for b in before}
            before = [run[-1], *before]
        else:
            name = item.attrs.get("data-map-question") or item.attrs["data-map-end"]
            edges |= {(b, name) for b in before}
            before = [name]
    return edges


@pytest.mark.parametrize("path", PATHS, ids=[path.name for path in PATHS])
def test_every_named_path_through_the_guide_follows_the_map(question_map_tree, path):
    asked = [q.id for q in position(answers(path)).asked] + ["check"]
    assert set(itertools.pairwise(asked)) <= map_edges(question_map_tree)


def test_the_danger_option_says_it_shows_112_at_once(question_map_tree):
    (lead,) = question_map_tree.find_all(data_map_leads_to=None)
    assert lead.attrs["data-map-leads-to"] == "danger"
    assert "112" in lead.text()


def test_each_question_on_the_map_links_to_its_entry(site_dir, question_map_tree):
    page = built(site_dir, f"{SECTION}spoergsmaal/")
    for card in question_map_tree.find_all("li", data_map_question=None):
        href = card.one("a").attrs["href"]
        assert href.endswith(f"#spoergsmaal-{card.attrs['data-map-question'].replace('_', '-')}")
        assert page.by_id(href.split("#")[1]) is not None


# --- In Chromium: the filter, the phone, print --------------------------------------------------------------


def visible_rows(page) -> list[dict]:
    return page.eval_on_selector_all(
        "tr[data-trace-line]",
        """rows => rows.filter(r => r.offsetParent !== null).map(r => ({
            line: Number(r.dataset.traceLine), roles: r.dataset.traceRoles.split(' ').filter(Boolean),
            status: r.dataset.traceStatus, reading: r.dataset.traceReading,
            section: r.closest('[data-trace-part]').dataset.tracePart}))""",
    )


def count_text(shown: int, total: int) -> str:
    return TEXTS["count"].format(shown=shown, total=total)


@pytest.mark.browser
def test_the_filter_shows_one_section_one_role_or_the_unused_sentences(page, site_url, table):
    page.goto(site_url + SECTION, wait_until="networkidle")
    form = page.locator("form[data-trace-filter]")
    assert form.is_visible()
    total = len(table.entries)
    assert page.locator("[data-trace-count]").inner_text() == count_text(total, total)
    assert len(visible_rows(page)) == total

    form.locator("select[name=section]").select_option("kollega")
    rows = visible_rows(page)
    assert rows and {row["section"] for row in rows} == {"kollega"}
    assert len(rows) == sum(1 for e in table.entries if e.section == "kollega")
    assert page.locator("[data-trace-part]:not([hidden])").count() == 1
    assert page.locator("[data-trace-count]").inner_text() == count_text(len(rows), total)

    form.locator("select[name=section]").select_option("")
    form.locator("select[name=role]").select_option("manager")
    rows = visible_rows(page)
    roles = section_roles()
    expected = [e.line for e in table.entries if "manager" in traceability_page.entry_roles(e, roles)]
    assert sorted(row["line"] for row in rows) == sorted(expected)

    form.locator("select[name=role]").select_option("")
    form.locator("select[name=use]").select_option("reason")
    rows = visible_rows(page)
    assert {row["status"] for row in rows} == {"reason"}
    assert len(rows) == sum(1 for e in table.entries if not e.uses)

    form.locator("select[name=use]").select_option("reading")
    rows = visible_rows(page)
    assert rows and {row["reading"] for row in rows} == {"yes"}
    assert page.locator("[data-trace-none]").is_hidden()
    assert axe_violations(page) == []

    form.locator("select[name=section]").select_option("gode-raad")
    assert visible_rows(page) == []
    assert page.locator("[data-trace-none]").inner_text() == TEXTS["no_match"]


@pytest.mark.browser
def test_without_javascript_every_sentence_shows_and_no_filter_pretends_to_work(browser, site_url, table):
    context = browser.new_context(java_script_enabled=False, locale="da-DK")
    try:
        page = context.new_page()
        page.goto(site_url + SECTION)
        assert page.locator("form[data-trace-filter]").is_hidden()
        assert page.locator("tr[data-trace-line]:visible").count() == len(table.entries)
    finally:
        context.close()


@pytest.mark.browser
@pytest.mark.parametrize("url", OWNERS_PAGES)
def test_no_owners_page_scrolls_sideways_on_a_phone(browser, site_url, url):
    with page_of_size(browser, "phone") as page:
        page.goto(site_url + url, wait_until="networkidle")
        assert page.evaluate("document.documentElement.scrollWidth") <= SIZES["phone"]["width"]


@pytest.mark.browser
def test_the_sentence_table_prints_cleanly_with_the_filter_applied(browser, site_url, table):
    with page_of_size(browser, "desktop") as page:
        page.goto(site_url + SECTION, wait_until="networkidle")
        page.locator("select[name=section]").select_option("frist")
        page.emulate_media(media="print")
        for selector in (".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer"):
            assert page.eval_on_selector(selector, "e => getComputedStyle(e).display") == "none", selector
        # What is printed is what the filter shows: one section, its rows kept whole on a page.
        assert len(visible_rows(page)) == sum(1 for e in table.entries if e.section == "frist")
        styles = page.eval_on_selector(
            "[data-trace-part]:not([hidden]) tr[data-trace-line]",
            "r => [getComputedStyle(r).breakInside, getComputedStyle(r.closest('table')).width]",
        )
        assert styles[0] == "avoid"
        content = page.eval_on_selector(".md-content", "e => e.getBoundingClientRect().width")
        assert float(styles[1].removesuffix("px")) <= content
        assert page.evaluate("document.documentElement.scrollWidth") <= SIZES["desktop"]["width"]
        pdf = page.pdf(format="A4")
        assert pdf.startswith(b"%PDF")
        # The readings' lines for the owners' decision show on paper only.
        signoff = "[data-reading-signoff]"
        assert page.eval_on_selector(signoff, "e => getComputedStyle(e).display") != "none"
        page.emulate_media(media="screen")
        assert page.eval_on_selector(signoff, "e => getComputedStyle(e).display") == "none"
