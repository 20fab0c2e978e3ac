"""Carrying the case in headless Chromium (issue 21): the result as a task list, the drafts filled in, the case
saved as a file and opened in a new browser to go on; every bad file refused with nothing lost; markup shown as
text; nothing of it in a request, a URL or any storage beyond the tab; axe; the phone's first screen; the print.

Screenshots of the first screen and of each draft are written to SCREENSHOTS (a directory under the system's
temporary directory; its path is printed, run with -s to see it) for a person to read against the guideline.
"""

import json
import re
import tempfile
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.e2e.guide import (
    CRITICISM_ONLY,
    EMPLOYEE_THREATENED,
    SIZES,
    STEPS_KEY,
    answer,
    axe_violations,
    copenhagen_now,
    current_screen,
    open_guide,
    page_of_size,
    see_result,
    wait_for_screen,
    walk,
)
from tests.e2e.test_action import stored_everywhere
from tests.e2e.test_result import manager_hours_ago
from wizard import case_file, content
from wizard.case_input import FIELDS, ROWS
from wizard.screens.ui import UI
from wizard.session import MAX_REQUEST
from wizard.tasks import DONE, IN_PROGRESS, STATUS_LABELS

pytestmark = pytest.mark.browser

SCREENSHOTS = Path(tempfile.gettempdir()) / "beslutningsguide-case-screenshots"
PHONE = SIZES["phone"]
CASE_KEY = "beslutningsguide:sag"
# A manager 60 hours after threats and a published address (12 hours left of the police report's 72).
MANAGER = manager_hours_ago(60)
ROLES = {"manager": MANAGER, "employee": EMPLOYEE_THREATENED, "colleague": CRITICISM_ONLY}
# What a reader types into each part of the case the result offers; each value has a marker of its own.
TYPED = {
    "note": {"where": "Facebook NOTE1", "address": "https://facebook.com/opslag/1", "what": "Han truede NOTE2"},
    "registration": {"exposed": "Anna REG1", "handler": "Lars REG2", "measures": "Samtale REG3"},
    "notice": {"platform": "Facebook", "why": "Privat adresse NOTICE1", "name": "Lars NOTICE2",
               "email": "lars@kommune.dk"},
}
LOG_ROW = {"address": "https://facebook.com/opslag/2", "profile": "@borger LOG1", "posted": "i går kl. 14.10",
           "saved": "i dag kl. 08.00", "saved_by": "Anna", "file": "IMG_2041.png LOG2", "reported": "yes",
           "reference": "FB-123"}
PLAN_ROW = {"what": "Ny sagsbehandler PLAN1", "who": "Teamleder", "by": "om en uge"}
MARKERS = ("NOTE1", "NOTE2", "REG1", "REG2", "REG3", "NOTICE1", "NOTICE2", "LOG1", "LOG2", "PLAN1")


def screenshot(page, name: str, full_page: bool = False, locator=None) -> None:
    SCREENSHOTS.mkdir(exist_ok=True)
    path = SCREENSHOTS / name
    (locator or page).screenshot(path=str(path), **({"full_page": full_page} if locator is None else {}))
    print(f"\nScreenshot for review: {path}")


def result_for(page, site_url: str, answers: dict) -> None:
    open_guide(page, site_url)
    walk(page, answers)
    see_result(page)


def offered_parts(page) -> list[str]:
    return page.eval_on_selector_all("[data-case-part]", "ns => ns.map(n => n.dataset.casePart)")


def open_part(page, part: str) -> None:
    """Open a part of the case (the note, a draft, the reminders), folded under the result."""
    fold = page.locator(f'[data-case-part="{part}"]')
    if not fold.evaluate("details => details.open"):
        fold.locator("summary").click()


def drafted(page, draft: str, *texts: str) -> None:
    """Wait until the engine's text of ``draft`` on the page holds every one of ``texts``."""
    page.wait_for_function(
        "([draft, texts]) => { const shown = document.querySelector(`[data-draft-text=\"${draft}\"]`);"
        " return shown && texts.every((t) => shown.textContent.includes(t)); }",
        arg=[draft, list(texts)],
    )


def fill_row(page, part: str, values: dict) -> None:
    page.click(f'[data-case-add-row="{part}"]')
    row = page.locator(f'[data-case-rows="{part}"] [data-case-row]').last
    for field, value in values.items():
        control = row.locator(f'[data-case-row-field="{field}"]')
        if control.evaluate("c => c.tagName") == "SELECT":
            control.select_option(value)
        else:
            control.fill(value)


def work_the_case(page) -> list[str]:
    """Set the first tasks' statuses and fill every part of the case the result offers; return the parts."""
    steps = page.eval_on_selector_all("[data-result] [data-step]", "ns => ns.map(n => n.dataset.step)")
    page.select_option(f'[data-task-status-select="{steps[0]}"]', DONE)
    page.select_option(f'[data-task-status-select="{steps[1]}"]', IN_PROGRESS)
    parts = offered_parts(page)
    for part in parts:
        open_part(page, part)
        for field, value in TYPED.get(part, {}).items():
            page.fill(f'[data-case-field="{part}.{field}"]', value)
        if part == "plan":
            fill_row(page, "plan", PLAN_ROW)
        if part == "log":
            fill_row(page, "log", LOG_ROW)
    if "registration" in parts:
        drafted(page, "registration", "REG1", "REG2", "REG3", "NOTE2")
    if "plan" in parts:
        drafted(page, "plan", "PLAN1", content.text("case", "plan.seed.wellbeing"))
    if "notice" in parts:
        drafted(page, "notice", "NOTICE1", "NOTICE2", "https://facebook.com/opslag/1")
    return parts


def save_case(page, tmp_path: Path, name: str = "sag.json") -> Path:
    with page.expect_download() as download:
        page.click('[data-result-tools] [data-guide-action="save"]')
    target = tmp_path / name
    download.value.save_as(target)
    assert download.value.suggested_filename == f"digital-chikane-sag-{copenhagen_now().date().isoformat()}.json"
    assert page.inner_text('[data-result-tools] [data-guide-tool-status="save"]') == UI["saved"]
    return target


def choose_case_file(page, path: Path) -> None:
    """"Åbn en gemt sag": on a screen without answers it opens the file picker at once, else after asking."""
    with page.expect_file_chooser() as chooser:
        page.click('[data-guide-screen] [data-guide-ask="open"]')
        if page.locator('[data-guide-screen] [data-guide-confirm="open"]').is_visible():
            page.click('[data-guide-screen] [data-guide-confirm="open"] [data-guide-action="open"]')
    chooser.value.set_files(str(path))


def open_in_new_browser(browser, size: str, site_url: str, path: Path):
    context = browser.new_context(viewport=SIZES[size], locale="da-DK", timezone_id="Europe/Copenhagen")
    page = context.new_page()
    open_guide(page, site_url)
    choose_case_file(page, path)
    page.wait_for_selector("[data-guide-screen][data-current='result'] [data-case-opened]")
    return context, page


@pytest.mark.parametrize("size", ["phone", "desktop"])
@pytest.mark.parametrize("role", ["manager", "employee", "colleague"])
def test_a_case_is_worked_saved_and_continued_in_a_new_browser(browser, site_url, tmp_path, role, size):
    with page_of_size(browser, size) as page:
        result_for(page, site_url, ROLES[role])
        steps = page.eval_on_selector_all("[data-result] [data-step]", "ns => ns.map(n => n.dataset.step)")
        parts = work_the_case(page)
        assert parts == {"manager": ["note", "registration", "plan", "log", "notice", "reminders"],
                         "employee": ["note", "registration", "log", "reminders"], "colleague": ["note", "log"]}[role]
        # A task's look and its words on paper follow the status set.
        assert page.get_attribute(f'[data-step="{steps[0]}"]', "data-task-status") == DONE
        saved = save_case(page, tmp_path)
    data = json.loads(saved.read_text(encoding="utf-8"))
    assert data["format"] == case_file.FORMAT and data["about"] == case_file.ABOUT
    assert data["case"]["statuses"] == {steps[0]: DONE, steps[1]: IN_PROGRESS}

    context, page = open_in_new_browser(browser, size, site_url, saved)
    try:
        assert "Sagen er åbnet" in page.inner_text("[data-case-opened]")
        assert page.evaluate("document.activeElement.hasAttribute('data-case-opened')")
        assert page.input_value(f'[data-task-status-select="{steps[0]}"]') == DONE
        assert page.input_value(f'[data-task-status-select="{steps[1]}"]') == IN_PROGRESS
        assert page.inner_text(f'[data-step="{steps[0]}"] [data-task-status-text]') == STATUS_LABELS[DONE]
        for part in parts:
            for field, value in TYPED.get(part, {}).items():
                assert page.input_value(f'[data-case-field="{part}.{field}"]') == value
        if "log" in parts:
            assert page.input_value('[data-case-rows="log"] [data-case-row-field="file"]') == LOG_ROW["file"]
        if "registration" in parts:
            drafted(page, "registration", "REG1", "NOTE2")
        # And go on: the next task done, one more item in the log; the next save holds all of it.
        page.select_option(f'[data-task-status-select="{steps[2]}"]', DONE)
        open_part(page, "log")
        fill_row(page, "log", {"profile": "@endnu-en"})
        again = save_case(page, tmp_path, "sag-2.json")
    finally:
        context.close()
    data = json.loads(again.read_text(encoding="utf-8"))
    assert data["case"]["statuses"] == {steps[0]: DONE, steps[1]: IN_PROGRESS, steps[2]: DONE}
    assert [row["profile"] for row in data["case"]["log"]] == [LOG_ROW["profile"], "@endnu-en"]


@contextmanager
def case_chosen_while_python_loads(browser, site_url: str, tmp_path: Path):
    """A worked case saved, then chosen in a new browser while the engine's package is held back: yields the page
    (saying it will open the case once it has loaded) and a function that lets the package through."""
    with page_of_size(browser, "desktop") as page:
        result_for(page, site_url, EMPLOYEE_THREATENED)
        work_the_case(page)
        saved = save_case(page, tmp_path)
    context = browser.new_context(locale="da-DK", timezone_id="Europe/Copenhagen")
    page = context.new_page()
    held, released = [], []

    def hold(route):
        if released:
            route.continue_()
        else:
            held.append(route)

    def release():
        released.append(True)
        for route in held:
            route.continue_()

    page.route("**/assets/wizard/**", hold)
    try:
        open_guide(page, site_url, wait_ready=False)
        page.wait_for_selector('[data-guide][data-mounted] [data-guide-screen] [data-guide-ask="open"]')
        choose_case_file(page, saved)
        page.wait_for_selector(f'[data-guide-status]:has-text("{UI["opening"]}")')
        yield page, release
    finally:
        context.close()


def test_a_case_opens_before_python_is_ready_and_waits_for_it(browser, site_url, tmp_path):
    # The engine's package is held back until the file is chosen; then everything goes through.
    with case_chosen_while_python_loads(browser, site_url, tmp_path) as (page, release):
        release()
        page.wait_for_selector("[data-guide-screen][data-current='result'] [data-case-opened]")
        assert page.input_value('[data-case-field="registration.exposed"]') == TYPED["registration"]["exposed"]


def test_a_case_chosen_before_python_is_ready_stays_closed_once_the_answers_are_deleted(browser, site_url, tmp_path):
    with case_chosen_while_python_loads(browser, site_url, tmp_path) as (page, release):
        # On a shared PC: the next person deletes everything before the guide has loaded.
        page.click('[data-guide-screen] [data-guide-ask="clear"]')
        page.click('[data-guide-screen] [data-guide-confirm="clear"] [data-guide-action="clear"]')
        release()
        page.wait_for_selector("[data-guide][data-state='ready']")
        # The engine takes requests in turn: an answer shown after "ready" comes after any open it was sent.
        answer(page, "danger_now", "no")
        wait_for_screen(page, "role")
        assert page.locator("[data-case-opened]").count() == 0
        stored = stored_everywhere(page, but=(STEPS_KEY,))
        assert TYPED["registration"]["exposed"] not in stored and "behaviours" not in page.evaluate(
            f"sessionStorage.getItem('{STEPS_KEY}') || ''"
        )


FILL_THE_TABS_STORAGE = """() => {
    const block = "x".repeat(1 << 20);
    let i = 0;
    for (let size = block.length; size > 0; size >>= 1) {
        for (;;) {
            try { sessionStorage.setItem(`filler${i}`, block.slice(0, size)); i += 1; } catch { break; }
        }
    }
}"""


def test_a_case_the_tab_can_no_longer_keep_says_so_beside_gem_sagen_and_leaves_no_older_copy(page, site_url):
    result_for(page, site_url, manager_hours_ago(60))
    open_part(page, "note")
    page.fill('[data-case-field="note.what"]', "Før")
    page.wait_for_function(f"(sessionStorage.getItem('{CASE_KEY}') || '').includes('Før')")
    # Another page of the intranet filled the tab's storage.
    page.evaluate(FILL_THE_TABS_STORAGE)
    page.fill('[data-case-field="note.what"]', "Efter: truslen blev skrevet kl. 14")
    status = '[data-result-tools] [data-guide-tool-status="save"]'
    page.wait_for_function(f"document.querySelector('{status}').textContent !== ''")
    assert page.inner_text(status) == UI["case_not_kept"]
    # An older copy would come back on a reload as if it were the case: it is gone.
    assert "Før" not in (page.evaluate(f"sessionStorage.getItem('{CASE_KEY}')") or "")


def spoiled(saved: Path, tmp_path: Path) -> dict[str, tuple[Path, str]]:
    """Files that cannot be opened, each with the start of the message the reader gets."""
    text = saved.read_text(encoding="utf-8")
    data = json.loads(text)
    files = {
        "another program": (b"%PDF-1.7\n\x00\xff\xfe binary", "ikke en gemt sag"),
        "truncated": (text[: len(text) // 2].encode(), "beskadiget"),
        "newer": (json.dumps({**data, "format_version": case_file.FORMAT_VERSION + 1}).encode(), "nyere udgave"),
        "a field": (
            json.dumps({**data, "case": {**data["case"], "note": {"what": 5}}}).encode(),
            "»Hvad blev skrevet eller gjort?«",
        ),
        "huge": (b" " * (case_file.MAX_BYTES + 10), "for stor"),
        "empty": (b"", "er tom"),
    }
    found = {}
    for name, (content_, says) in files.items():
        path = tmp_path / f"{name.replace(' ', '-')}.json"
        path.write_bytes(content_)
        found[name] = (path, says)
    return found


def test_a_file_that_cannot_be_opened_says_why_beside_the_button_and_nothing_on_the_page_changes(page, site_url,
                                                                                                  tmp_path):
    result_for(page, site_url, MANAGER)
    work_the_case(page)
    saved = save_case(page, tmp_path)
    before = (page.evaluate(f"sessionStorage.getItem({CASE_KEY!r})"),
              page.evaluate("sessionStorage.getItem('beslutningsguide:svar')"))
    status = page.locator('[data-guide-screen] .guide-session [data-guide-tool-status="open"]')
    for name, (path, says) in spoiled(saved, tmp_path).items():
        choose_case_file(page, path)
        page.wait_for_function(
            "says => document.querySelector('[data-guide-screen] .guide-session [data-guide-tool-status=\"open\"]')"
            ".textContent.includes(says)",
            arg=says,
        )
        assert f"»{path.name}«" in status.inner_text() and "Intet er ændret" in status.inner_text(), name
        assert current_screen(page) == "result"
        assert page.input_value('[data-case-field="registration.exposed"]') == TYPED["registration"]["exposed"]
        after = (page.evaluate(f"sessionStorage.getItem({CASE_KEY!r})"),
                 page.evaluate("sessionStorage.getItem('beslutningsguide:svar')"))
        assert after == before, name


def test_a_case_saved_under_older_rules_opens_with_what_changed(browser, site_url, tmp_path):
    with page_of_size(browser, "desktop") as page:
        result_for(page, site_url, MANAGER)
        saved = save_case(page, tmp_path)
    data = json.loads(saved.read_text(encoding="utf-8"))
    data["rules_version"] = "0000000000"
    data["result"]["steps"].append({"id": "gone", "title": "En opgave fra de gamle regler"})
    older = tmp_path / "older.json"
    older.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    context, page = open_in_new_browser(browser, "desktop", site_url, older)
    try:
        notice = page.inner_text("[data-case-opened]")
        assert "regelversion 0000000000" in notice
        assert content.text("case", "file.changed") in notice and "En opgave fra de gamle regler" in notice
        screenshot(page, "opened-under-older-rules.png", locator=page.locator("[data-case-opened]"))
        assert axe_violations(page) == []
    finally:
        context.close()


# Markup and script in every field a reader types, each with a marker to look for.
HOSTILE = '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned=1"> "&" </textarea> MRK'


def test_markup_in_any_field_is_shown_as_text_everywhere_and_survives_a_saved_case(browser, site_url, tmp_path):
    dialogs = []
    with page_of_size(browser, "desktop") as page:
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        result_for(page, site_url, MANAGER)
        for part in ("note", "registration", "notice"):
            open_part(page, part)
            for field in FIELDS[part]:
                page.fill(f'[data-case-field="{part}.{field.id}"]', f"{field.id} {HOSTILE}")
        for part in ("plan", "log"):
            open_part(page, part)
            fill_row(page, part, {f.id: f"{f.id} {HOSTILE}" for f in ROWS[part] if not f.choices})
        drafted(page, "registration", f"exposed {HOSTILE}")
        drafted(page, "notice", f"why {HOSTILE}")
        saved = save_case(page, tmp_path)
    context, page = open_in_new_browser(browser, "desktop", site_url, saved)
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    try:
        drafted(page, "plan", f"what {HOSTILE}")
        assert page.input_value('[data-case-field="note.what"]') == f"what {HOSTILE}"
        assert page.input_value('[data-case-rows="log"] [data-case-row-field="profile"]') == f"profile {HOSTILE}"
        page.emulate_media(media="print")
        printed = page.locator("[data-case-print]")
        assert f"why {HOSTILE}".strip() in printed.inner_text()
        assert page.locator("[data-guide-screen] script, [data-guide-screen] img[src=x]").count() == 0
        assert page.evaluate("window.__pwned") is None and dialogs == []
    finally:
        context.close()


def test_nothing_of_the_case_leaves_the_tab_but_the_file_the_reader_saves(page, site_url, tmp_path):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    requests = []
    page.context.on("request", lambda request: requests.append(f"{request.url} {request.post_data or ''}"))
    result_for(page, site_url, MANAGER)
    work_the_case(page)
    for action in ("copy", "calendar"):
        if action == "calendar":
            with page.expect_download():
                page.click(f'[data-result-tools] [data-guide-action="{action}"]')
        else:
            page.click(f'[data-result-tools] [data-guide-action="{action}"]')
    with page.expect_download():
        page.click('[data-guide-action="csv"]')
    page.click('[data-case-part="notice"] [data-guide-action="copy"]')
    save_case(page, tmp_path)
    page.reload()
    page.wait_for_selector('[data-guide][data-state="ready"]')
    # Not in a request, the URL, history, a cookie, localStorage, IndexedDB or the cache; the tab keeps it.
    traces = " ".join(requests) + " " + stored_everywhere(page, but=(CASE_KEY,)) + " " + page.url
    traces += " " + json.dumps(page.evaluate("history.state"))
    assert [marker for marker in MARKERS if marker in traces] == []
    kept = page.evaluate(f"sessionStorage.getItem({CASE_KEY!r})")
    assert all(marker in kept for marker in MARKERS)
    # "Slet mine svar" forgets all of it.
    page.click('[data-guide-screen] [data-guide-ask="clear"]')
    page.click('[data-guide-confirm="clear"] [data-guide-action="clear"]')
    wait_for_screen(page, "danger_now")
    assert [marker for marker in MARKERS if marker in stored_everywhere(page)] == []
    walk(page, MANAGER)
    see_result(page)
    assert page.input_value('[data-case-field="registration.exposed"]') == ""
    assert page.get_attribute("[data-result] [data-step]", "data-task-status") == "not_started"


def test_copy_as_text_of_a_large_case_copies_it_and_one_too_long_says_so_beside_the_button(page, site_url):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    result_for(page, site_url, MANAGER)
    # The largest case the fields take: every note field full, and the most rows of the log, every field full.
    full = {f.id: "x" * (5000 if f.long else 300) for f in FIELDS["note"]}
    row = {f.id: ("yes" if f.choices else "y" * 300) for f in ROWS["log"]}
    case = {"note": full, "log": [row] * 100}
    page.evaluate(f"sessionStorage.setItem({CASE_KEY!r}, JSON.stringify({{version: 1, case: {json.dumps(case)}}}))")
    page.reload()
    page.wait_for_selector('[data-guide][data-state="ready"] [data-guide-screen][data-current="result"]')
    page.click('[data-result-tools] [data-guide-action="copy"]')
    page.wait_for_function("document.querySelector('[data-guide-tool-status=\"copy\"]').textContent.includes('kopieret')")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert len(copied.encode()) > 100_000 and copied.count("Bevis ") == 100 and full["what"] in copied
    # Beyond anything the page's fields take: not silently nothing, but the reason beside the button.
    huge = {"note": {"what": "z" * MAX_REQUEST}}
    page.evaluate(f"sessionStorage.setItem({CASE_KEY!r}, JSON.stringify({{version: 1, case: {json.dumps(huge)}}}))")
    page.reload()
    page.wait_for_selector('[data-guide][data-state="ready"] [data-guide-screen][data-current="result"]')
    page.click('[data-result-tools] [data-guide-action="copy"]')
    page.wait_for_function(
        "t => document.querySelector('[data-result-tools] [data-guide-tool-status=\"copy\"]').textContent === t",
        arg=UI["notice_too_long"],
    )
    assert current_screen(page) == "result"


def test_the_reminders_chosen_go_into_the_calendar_and_the_log_into_a_csv(page, site_url):
    result_for(page, site_url, manager_hours_ago(2))
    open_part(page, "reminders")
    boxes = page.locator("[data-case-reminder]")
    assert boxes.count() >= 2
    page.uncheck('[data-case-reminder="wellbeing_week"]')
    page.check('[data-case-reminder="police_status"]')
    with page.expect_download() as download:
        page.click('[data-case-part="reminders"] [data-guide-action="calendar"]')
    calendar = Path(download.value.path()).read_text(encoding="utf-8").replace("\r\n ", "")
    assert "Spørg politiet om status" in calendar and "trivsel igen" in calendar
    assert "Følg op på medarbejderens trivsel (guidens forslag)" not in calendar
    assert page.inner_text('[data-case-part="reminders"] [data-guide-tool-status="calendar"]') == UI["calendar_ready"]
    open_part(page, "log")
    fill_row(page, "log", {"address": "=HYPERLINK(1)", "reported": "no"})
    with page.expect_download() as download:
        page.click('[data-guide-action="csv"]')
    text = Path(download.value.path()).read_text(encoding="utf-8-sig")
    assert download.value.suggested_filename.endswith(".csv")
    assert text.splitlines()[1].startswith('"\'=HYPERLINK(1)";') and ";\"Nej\";" in text


def test_on_a_phone_the_first_screen_shows_the_nearest_deadline_the_first_tasks_and_the_tools(browser, site_url):
    with page_of_size(browser, "phone") as page:
        result_for(page, site_url, MANAGER)
        screenshot(page, "phone-first-screen.png")
        inside = page.evaluate(
            """height => {
                const within = (n) => { const r = n.getBoundingClientRect(); return r.top >= 0 && r.bottom <= height; };
                return {
                    deadline: within(document.querySelector('[data-summary] [data-deadline]')),
                    tools: [...document.querySelectorAll('[data-result-tools] button')].map(within),
                    tasks: [...document.querySelectorAll('[data-result] [data-step] summary')].slice(0, 2).map(within),
                };
            }""",
            PHONE["height"],
        )
        assert inside == {"deadline": True, "tools": [True] * 4, "tasks": [True, True]}, inside
        actions = page.eval_on_selector_all("[data-result-tools] button", "ns => ns.map(n => n.dataset.guideAction)")
        assert actions == ["save", "copy", "print", "calendar"]
        assert page.get_attribute("[data-summary] [data-deadline]", "data-deadline") == "police_report"


def result_height(page) -> float:
    return page.evaluate("document.querySelector('[data-guide-screen]').getBoundingClientRect().height")


@pytest.mark.parametrize("role", ["manager", "employee", "colleague"])
def test_folded_the_phone_result_is_about_four_screens(browser, site_url, role):
    with page_of_size(browser, "phone") as page:
        result_for(page, site_url, ROLES[role])
        folded = result_height(page)
        page.evaluate("document.querySelectorAll('[data-guide-screen] details').forEach((d) => { d.open = true; })")
        unfolded = result_height(page)
        print(f"\n{role}: the result is {folded:.0f} px folded ({folded / PHONE['height']:.1f} phone screens), "
              f"{unfolded:.0f} px unfolded ({unfolded / PHONE['height']:.1f})")
        assert folded <= 4.5 * PHONE["height"] < unfolded


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_new_part_passes_axe(browser, site_url, tmp_path, scheme):
    with page_of_size(browser, "phone") as page:
        page.emulate_media(color_scheme=scheme)
        result_for(page, site_url, MANAGER)
        found = {"folded": axe_violations(page)}
        work_the_case(page)
        page.evaluate("document.querySelectorAll('[data-guide-screen] details').forEach((d) => { d.open = true; })")
        page.click('[data-case-part="notice"] [data-guide-action="copy"]')
        found["unfolded and filled"] = axe_violations(page)
        saved = save_case(page, tmp_path)
        page.click('[data-guide-screen] [data-guide-ask="open"]')
        found["asking before opening"] = axe_violations(page)
        with page.expect_file_chooser() as chooser:
            page.click('[data-guide-screen] [data-guide-confirm="open"] [data-guide-action="open"]')
        bad = tmp_path / "bad.json"
        bad.write_text("{", encoding="utf-8")
        chooser.value.set_files(str(bad))
        page.wait_for_selector('[data-guide-screen] .guide-session [data-guide-tool-status="open"]:not(:empty)')
        found["a file refused"] = axe_violations(page)
        choose_case_file(page, saved)
        page.wait_for_selector("[data-case-opened]")
        found["a case opened"] = axe_violations(page)
    assert {name: v for name, v in found.items() if v} == {}


def test_screenshots_of_each_draft_for_review(browser, site_url):
    with page_of_size(browser, "phone") as page:
        result_for(page, site_url, MANAGER)
        parts = work_the_case(page)
        for part in parts:
            open_part(page, part)
            screenshot(page, f"phone-part-{part}.png", locator=page.locator(f'[data-case-part="{part}"]'))
        texts = {d: page.inner_text(f'[data-draft-text="{d}"]') for d in ("registration", "plan", "notice")}
    quote = " ".join(content.source("case", "quote.impact").quote.split())
    assert quote in " ".join(texts["registration"].split())


def test_the_print_of_the_case_is_clean_on_a4(page, site_url, tmp_path):
    page.set_viewport_size({"width": 1280, "height": 900})
    result_for(page, site_url, MANAGER)
    work_the_case(page)
    page.wait_for_function("document.querySelector('[data-case-print]').textContent.includes('PLAN1')")
    page.emulate_media(media="print")
    # Controls and the forms are gone; every task shows its status and its whole step; the case is text.
    for hidden in (".guide-tools", ".guide-session", "[data-case]", ".guide-task__status", "[data-marks-legend]"):
        assert page.locator(hidden).first.is_hidden(), hidden
    first = page.locator("[data-result] [data-step]").first
    assert first.locator("[data-task-status-text]").inner_text() == STATUS_LABELS[DONE]
    assert first.locator(".guide-task__text").is_visible()
    printed = page.locator("[data-case-print]")
    for title in ("Note om hændelsen", "Udkast til registrering i SafetyNet", "Udkast til handleplan", "Bevislog",
                  "Udkast til anmeldelse til platformen"):
        assert printed.locator("h2", has_text=title).is_visible(), title
    assert printed.locator("table td", has_text="LOG2").is_visible()
    # Nothing runs off the page's width.
    overflow = page.evaluate(
        """() => [...document.querySelectorAll('[data-guide] *')]
            .filter((n) => n.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
            .map((n) => n.tagName + '.' + n.className)"""
    )
    assert overflow == []
    pdf = page.pdf(format="A4", print_background=False)
    (tmp_path / "case.pdf").write_bytes(pdf)
    SCREENSHOTS.mkdir(exist_ok=True)
    (SCREENSHOTS / "case-a4.pdf").write_bytes(pdf)
    pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    print(f"\nThe case on A4: {pages} pages, {SCREENSHOTS / 'case-a4.pdf'}")
    assert 2 <= pages <= 8


def test_a_task_opens_its_draft(page, site_url):
    result_for(page, site_url, MANAGER)
    page.click('[data-step="register_safetynet"] summary')
    page.click('[data-step="register_safetynet"] [data-guide-open]')
    assert page.locator('[data-case-part="registration"]').evaluate("d => d.open")
    assert page.evaluate("document.activeElement.closest('[data-case-part]').dataset.casePart") == "registration"
    # The task list's own hooks hold: each task under its deadline's heading, the deadlines with their time.
    assert page.locator("[data-summary] [data-deadline] time[datetime]").count() == 2
    heading = page.locator('[data-step="register_safetynet"]').evaluate(
        "n => n.closest('ul').previousElementSibling.dataset.stepGroup"
    )
    assert heading == "within_registration_days"


def test_rows_are_added_edited_and_removed_and_a_draft_is_copied_as_shown(page, site_url):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    result_for(page, site_url, MANAGER)
    open_part(page, "log")
    fill_row(page, "log", {"profile": "@første"})
    fill_row(page, "log", {"profile": "@anden"})
    fill_row(page, "log", {"profile": "@tredje"})
    rows = page.locator('[data-case-rows="log"] [data-case-row]')
    rows.nth(0).locator("[data-case-remove-row]").click()
    assert rows.count() == 2
    assert [rows.nth(i).locator("legend").inner_text() for i in range(2)] == ["Bevis 1", "Bevis 2"]
    assert [rows.nth(i).locator('[data-case-row-field="profile"]').input_value() for i in range(2)] == [
        "@anden", "@tredje",
    ]
    assert rows.nth(1).locator("[data-case-remove-row]").inner_text() == "Fjern bevis 2"
    kept = json.loads(page.evaluate(f"sessionStorage.getItem({CASE_KEY!r})"))["case"]
    assert [row["profile"] for row in kept["log"]] == ["@anden", "@tredje"]
    # The action plan starts from the engine's proposal; removing one of its measures keeps the others.
    open_part(page, "plan")
    measures = page.locator('[data-case-rows="plan"] [data-case-row]')
    assert measures.count() == 4
    measures.nth(0).locator("[data-case-remove-row]").click()
    drafted(page, "plan", content.text("case", "plan.seed.wellbeing"))
    assert content.text("case", "plan.seed.two_on_the_case") not in page.inner_text('[data-draft-text="plan"]')
    # "Kopiér udkastet" copies the draft as the engine wrote it.
    page.click('[data-case-part="plan"] [data-guide-action="copy"]')
    page.wait_for_function(
        "() => document.querySelector('[data-case-part=\"plan\"] [data-guide-tool-status=\"copy\"]').textContent"
    )
    assert page.evaluate("navigator.clipboard.readText()") == page.inner_text('[data-draft-text="plan"]')
