"""The decision guide end to end in headless Chromium, against the built site on loopback."""

import json
import re
from datetime import UTC, datetime, time, timedelta
from urllib.parse import urlsplit

import pytest

from tests.e2e.guide import (
    CRITICISM_ONLY,
    EMPLOYEE_THREATENED,
    MANAGER_ADDRESS_PUBLISHED,
    answer,
    answer_time,
    axe_violations,
    current_screen,
    days_ago,
    open_guide,
    see_result,
    submit,
    wait_for_screen,
    walk,
)
from wizard.guideline import POLICE_REPORT_HOURS, REGISTRATION_DAYS
from wizard.moments import COPENHAGEN
from wizard.step_groups import GROUP_OF_STEP, GROUPS, NOW
from wizard.texts import MAY_BE_OVERDUE

pytestmark = pytest.mark.browser


def police_due(day, clock: str) -> str:
    """The police-report deadline computed here, independently: 72 hours of absolute time."""
    start = datetime.combine(day, time.fromisoformat(clock) if clock else time(0, 0), COPENHAGEN)
    due = start.astimezone(UTC) + timedelta(hours=POLICE_REPORT_HOURS)
    return due.astimezone(COPENHAGEN).isoformat(timespec="seconds")


def shown(page, selector: str) -> list[str]:
    return page.eval_on_selector_all(selector, "nodes => nodes.map(n => Object.values(n.dataset)[0])")


def test_employee_threatened_gets_both_deadlines_and_the_employee_checklist(page, site_url):
    open_guide(page, site_url)
    walk(page, EMPLOYEE_THREATENED)
    see_result(page)

    assert shown(page, "[data-result] [data-category]") == ["work_environment", "criminal"]
    day, clock = EMPLOYEE_THREATENED["incident_at"]
    registration = page.locator('[data-deadline="safetynet"] time')
    assert registration.get_attribute("datetime") == (day + timedelta(days=REGISTRATION_DAYS)).isoformat()
    police = page.locator('[data-deadline="police_report"] time')
    assert police.get_attribute("datetime") == police_due(day, clock)
    assert "tilbage" in page.inner_text('[data-deadline="police_report"]')
    steps = shown(page, "[data-result] [data-step]")
    assert steps[0] == "call_112"
    for step in ("document", "contact_manager", "tell_colleagues", "register_safetynet",
                 "register_work_accident", "inform_manager_after_hours", "police_report"):
        assert step in steps
    # The assessment is folded under the tasks; it opens on request.
    page.click('[data-result-part="assessment"] summary')
    assert "SKAL anmeldes som en arbejdsulykke" in page.inner_text('[data-decision="work_accident"]')
    assert "handleplan" in page.inner_text('[data-decision="action_plan"]')
    source = page.locator('[data-step="police_report"] a.guide-source')
    assert source.get_attribute("href").endswith("#personaleafdelingen-og-politianmeldelse")
    assert "Regelversion" in page.inner_text(".guide-result__stamp")
    assert "september 2024" in page.inner_text(".guide-result__stamp")


def test_manager_private_address_published_repeatedly(page, site_url):
    open_guide(page, site_url)
    walk(page, MANAGER_ADDRESS_PUBLISHED)
    see_result(page)

    assert shown(page, "[data-result] [data-category]") == ["work_environment", "criminal", "data_protection"]
    # Repeated: each incident's deadlines count from it, the one that may run out first at the top (the first
    # incident's 72 hours may have passed, and run out at the latest when the latest incident's safe ones do).
    first_day, first_clock = MANAGER_ADDRESS_PUBLISHED["incident_at"]
    latest_day, latest_clock = MANAGER_ADDRESS_PUBLISHED["latest_incident_at"]
    assert shown(page, "[data-summary] [data-deadline]") == [
        "police_report", "police_report_first", "safetynet_first", "safetynet",
    ]
    latest = page.locator('[data-deadline="police_report"]')
    assert latest.locator("time").get_attribute("datetime") == police_due(latest_day, latest_clock)
    assert latest.get_attribute("data-overdue") == "false"
    first = page.locator('[data-deadline="police_report_first"]')
    assert first.locator("time").get_attribute("datetime") == police_due(first_day, first_clock)
    # A date without a time: 72 hours from the start of that day three days ago have passed, but 72 hours from
    # its end have not, so only the time of day could tell; both deadlines are shown in words.
    assert first.get_attribute("data-overdue") == "null"
    assert MAY_BE_OVERDUE in first.inner_text()
    assert first.locator("[data-latest-text]").count() == 0  # how late it can be is in its status, once
    assert "several_incidents" in shown(page, "[data-result] [data-note]")
    steps = shown(page, "[data-result] [data-step]")
    # The steps come grouped by when they are due: what to do now first.
    groups = [GROUP_OF_STEP[step] for step in steps]
    assert groups == sorted(groups, key=GROUPS.index) and groups[0] == NOW
    for step in ("register_safetynet", "action_plan", "care", "work_distribution", "consider_contact_change",
                 "contact_platform", "datatilsynet", "consult_hr", "police_report"):
        assert step in steps
    assert "call_112" not in steps
    # The offence with its paragraph, then the reader's own answer behind it (in the assessment, opened).
    page.click('[data-result-part="assessment"] summary')
    offence = page.locator('[data-offence="private_affairs"]').inner_text()
    assert "– Straffeloven § 264 d. Fordi du svarede »Private oplysninger" in offence
    # The other roles' checklists are one click away.
    other = page.locator("details.guide-other-role").first
    other.locator("summary").click()
    assert other.locator("[data-other-step]").count() > 0


def test_criticism_only_is_protected_speech_with_no_deadlines(page, site_url):
    open_guide(page, site_url)
    walk(page, CRITICISM_ONLY)
    see_result(page)

    assert shown(page, "[data-result] [data-category]") == ["protected_speech"]
    assert page.locator("[data-result] [data-deadline]").count() == 0
    assert page.locator("[data-no-deadlines]").is_visible()
    steps = shown(page, "[data-result] [data-step]")
    assert "tolerate" in steps and "register_safetynet" not in steps
    assert page.locator('[data-guide-action="calendar"]').count() == 0


def test_back_link_browser_back_and_change_from_the_check_screen(page, site_url):
    open_guide(page, site_url)
    answer(page, "danger_now", "no")
    answer(page, "role", "manager")
    wait_for_screen(page, "behaviours")
    # "Tilbage" returns to the previous question with the answer still chosen.
    page.click('[data-guide-screen] [data-guide-action="back"]')
    wait_for_screen(page, "role")
    assert page.is_checked('input[name="role"][value="manager"]')
    # The browser's own Back button too.
    page.go_back()
    wait_for_screen(page, "danger_now")
    assert page.is_checked('input[name="danger_now"][value="no"]')
    page.go_forward()
    wait_for_screen(page, "role")
    submit(page)
    walk(page, MANAGER_ADDRESS_PUBLISHED)
    # "Ret" on the check screen goes to the question and back to the check screen.
    page.click('[data-guide-action="change"][data-question="impact"]')
    wait_for_screen(page, "impact")
    assert page.is_checked('input[name="impact"][value="3"]')
    answer(page, "impact", "9")
    wait_for_screen(page, "check")
    assert "9" in page.inner_text(".guide-summary")
    # Adding a behaviour that needs a new question asks it before returning.
    page.click('[data-guide-action="change"][data-question="behaviours"]')
    answer(page, "behaviours", "recording")
    answer(page, "recording_shared", "unknown")
    wait_for_screen(page, "check")
    see_result(page)
    assert page.locator('[data-note="recording_shared_unknown"]').count() == 1


def test_an_error_is_summarised_and_linked_to_the_field(page, site_url):
    open_guide(page, site_url)
    answer(page, "danger_now", "no")
    wait_for_screen(page, "role")
    submit(page)
    summary = page.locator(".guide-error-summary")
    assert summary.is_visible()
    assert axe_violations(page) == []
    assert page.evaluate("document.activeElement.classList.contains('guide-error-summary')")
    link = summary.locator("a").first
    assert "Vælg" in link.inner_text()
    link.click()
    assert page.evaluate("document.activeElement.name") == "role"
    assert page.title().startswith("Fejl:")
    answer(page, "role", "employee")
    answer(page, "behaviours", "insults")
    tomorrow = days_ago(-1)
    answer_time(page, tomorrow, "")
    assert "fremtiden" in page.inner_text(".guide-error-summary")
    # The refused date is named on its own input, for a screen reader too.
    date_input = page.locator("[data-guide-screen] input#incident_at")
    assert date_input.get_attribute("aria-invalid") == "true"
    described = date_input.evaluate(
        "input => input.getAttribute('aria-describedby').split(' ')"
        ".map(id => document.getElementById(id).textContent).join(' ')"
    )
    assert "fremtiden" in described
    assert page.locator("[data-guide-screen] input#incident_at_time").get_attribute("aria-invalid") is None
    assert axe_violations(page) == []


def test_slet_mine_svar_forgets_everything_and_keeps_nothing_beyond_the_tab(page, site_url):
    open_guide(page, site_url)
    walk(page, CRITICISM_ONLY)
    assert "criticism" not in page.url and "colleague" not in page.url
    # Material keeps its own settings (e.g. the palette) in storage; no answer may be there. The answers
    # are kept for the tab only (sessionStorage), until "Slet mine svar" or the tab is closed.
    values = ("colleague", "criticism", "danger_now", "behaviours", str(CRITICISM_ONLY["incident_at"][0]))
    beyond_the_tab = page.evaluate("() => Object.entries(localStorage).flat().join(' ') + document.cookie")
    for_the_tab = page.evaluate("() => Object.entries(sessionStorage).flat().join(' ')")
    for value in values:
        assert value not in beyond_the_tab and value in for_the_tab
    page.click('[data-guide-screen] [data-guide-ask="clear"]')
    page.click('[data-guide-confirm="clear"] [data-guide-action="clear"]')
    wait_for_screen(page, "danger_now")
    assert "Dine svar er slettet" in page.inner_text("[data-guide-screen]")
    for_the_tab = page.evaluate("() => Object.entries(sessionStorage).flat().join(' ')")
    assert not any(value in for_the_tab for value in values)
    assert not page.is_checked('input[name="danger_now"][value="no"]')
    answer(page, "danger_now", "no")
    wait_for_screen(page, "role")
    assert page.locator('input[name="role"]:checked').count() == 0


def test_focus_moves_to_each_new_heading_and_the_guide_works_by_keyboard(page, site_url):
    open_guide(page, site_url)
    page.focus('input[name="danger_now"][value="no"]')
    page.keyboard.press("Space")
    page.keyboard.press("Enter")
    wait_for_screen(page, "role")
    assert page.evaluate("document.activeElement.tagName") == "H1"
    assert page.evaluate("document.activeElement === document.querySelector('[data-guide-screen] h1')")
    page.keyboard.press("Tab")  # the back link
    page.keyboard.press("Tab")  # the first option
    page.keyboard.press("Space")
    page.keyboard.press("Enter")
    wait_for_screen(page, "behaviours")
    assert page.get_attribute("[data-guide]", "data-state") == "ready"


def test_the_calendar_file_holds_both_deadlines(page, site_url):
    open_guide(page, site_url)
    walk(page, EMPLOYEE_THREATENED)
    see_result(page)
    with page.expect_download() as download:
        page.click('[data-guide-action="calendar"]')
    content = open(download.value.path(), "rb").read().decode()
    assert download.value.suggested_filename.endswith(".ics")
    assert content.startswith("BEGIN:VCALENDAR\r\n") and content.endswith("END:VCALENDAR\r\n")
    assert all(len(line.encode()) <= 75 for line in content.split("\r\n"))
    unfolded = content.replace("\r\n ", "")
    day, clock = EMPLOYEE_THREATENED["incident_at"]
    due_day = day + timedelta(days=REGISTRATION_DAYS)
    assert f"DTSTART;VALUE=DATE:{due_day:%Y%m%d}" in unfolded
    police = datetime.fromisoformat(police_due(day, clock)).astimezone(UTC)
    assert f"DTSTART:{police:%Y%m%dT%H%M%SZ}" in unfolded
    assert unfolded.count("BEGIN:VEVENT") == 2 and unfolded.count("BEGIN:VALARM") == 4
    assert "så hurtigt som muligt og senest" in unfolded and "TRIGGER;VALUE=DATE-TIME:" in unfolded
    assert re.search(r"^UID:.+$", unfolded, re.M) and "DTSTAMP:" in unfolded


def test_copy_as_text(page, site_url, browser):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    open_guide(page, site_url)
    walk(page, MANAGER_ADDRESS_PUBLISHED)
    see_result(page)
    page.click('[data-guide-action="copy"]')
    page.wait_for_function("document.querySelector('[data-guide-tool-status=\"copy\"]').textContent.includes('kopieret')")
    text = page.evaluate("navigator.clipboard.readText()")
    assert "Registrering i SafetyNet" in text and "[ ] " in text


def test_print_gives_a_clean_result_of_one_or_two_pages(page, site_url):
    open_guide(page, site_url)
    walk(page, EMPLOYEE_THREATENED)
    see_result(page)
    page.emulate_media(media="print")
    hidden = page.evaluate(
        """() => ['.md-header', '.md-sidebar--primary', '.guide-tools', '.guide-session', '#om-beslutningsguiden']
            .map(s => document.querySelector(s)).filter(Boolean)
            .map(n => getComputedStyle(n).display)"""
    )
    assert len(hidden) == 5 and set(hidden) == {"none"}
    assert page.locator("[data-result]").is_visible()
    pdf = page.pdf(format="A4")
    pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    assert 1 <= pages <= 2, f"{pages} A4 pages"


def test_answer_given_before_python_is_ready_is_kept(page, site_url):
    held = []
    page.route("**/pyodide.asm.wasm", lambda route: held.append(route))
    open_guide(page, site_url, wait_ready=False)
    page.wait_for_selector("[data-guide][data-mounted]")
    assert page.get_attribute("[data-guide]", "data-state") == "loading"
    page.check('input[name="danger_now"][value="no"]')
    page.click("[data-guide-screen] form button[type=submit]")
    # The next question is in the page: it is shown at once.
    wait_for_screen(page, "role")
    assert page.get_attribute("[data-guide]", "data-state") == "loading"
    for route in held:
        route.continue_()
    page.unroute("**/pyodide.asm.wasm")
    page.wait_for_selector('[data-guide][data-state="ready"]', timeout=60_000)
    assert current_screen(page) == "role"
    page.go_back()
    wait_for_screen(page, "danger_now")
    assert page.is_checked('input[name="danger_now"][value="no"]')


def test_the_worker_survives_instant_navigation_and_keeps_the_answers(page, site_url):
    # Only a worker starting imports Pyodide's module (the page's compilation for the code cache fetches the .wasm).
    module_requests = []
    page.on("request", lambda request: request.url.endswith("/pyodide.mjs") and module_requests.append(request.url))
    open_guide(page, site_url)
    answer(page, "danger_now", "no")
    answer(page, "role", "colleague")
    wait_for_screen(page, "behaviours")
    page.evaluate("window.instantNavigationMarker = true")
    loaded = len(module_requests)
    page.locator('.md-nav__link[href$="retningslinje/"]:visible').first.click()
    page.wait_for_url(re.compile(r"/retningslinje/$"))
    page.locator('.md-nav__link[href$="beslutningsguide/"]:visible').first.click()
    page.wait_for_selector('[data-guide][data-state="ready"]')
    wait_for_screen(page, "behaviours")
    assert page.evaluate("window.instantNavigationMarker") is True  # no full page load in between
    assert loaded >= 1 and len(module_requests) == loaded  # the same worker, not a second start


def test_the_guide_reached_by_instant_navigation_from_another_page_starts_and_works(page, site_url):
    page.goto(site_url + "retningslinje/")  # a page without the guide: its shell is not loaded
    assert page.locator("[data-guide]").count() == 0
    page.evaluate("window.instantNavigationMarker = true")
    page.locator('.md-nav__link[href$="beslutningsguide/"]:visible').first.click()
    page.wait_for_selector('[data-guide][data-state="ready"]', timeout=60_000)
    answer(page, "danger_now", "no")
    wait_for_screen(page, "role")
    assert page.evaluate("window.instantNavigationMarker") is True  # no full page load in between
    page.go_back()
    wait_for_screen(page, "danger_now")


COMPILATIONS = """() => {
  window.compilations = [];
  const compile = WebAssembly.compileStreaming;
  WebAssembly.compileStreaming = (...args) => {
    window.compilations.push(performance.now());
    return compile.apply(WebAssembly, args);
  };
}"""


def test_the_page_compiles_the_wasm_for_the_next_visit_once_a_result_is_shown_not_while_questions_are_answered(
    page, site_url
):
    page.add_init_script(f"({COMPILATIONS})()")
    open_guide(page, site_url)
    walk(page, MANAGER_ADDRESS_PUBLISHED)
    assert page.evaluate("window.compilations") == []
    see_result(page)
    page.wait_for_function("performance.getEntriesByName('guide:wasm-cached').length === 1")
    result_shown = page.evaluate(
        "performance.getEntriesByName('guide:screen').filter((mark) => mark.detail === 'result')[0].startTime"
    )
    compilations = page.evaluate("window.compilations")
    assert len(compilations) == 1 and compilations[0] > result_shown


# The page as a reader leaves it for another tab or app.
HIDE = """() => {
  Object.defineProperty(document, "hidden", { value: true, configurable: true });
  Object.defineProperty(document, "visibilityState", { value: "hidden", configurable: true });
  document.dispatchEvent(new Event("visibilitychange", { bubbles: true }));
}"""


def test_a_reader_who_leaves_the_page_before_a_result_has_the_wasm_compiled_for_the_next_visit(page, site_url):
    open_guide(page, site_url)
    answer(page, "danger_now", "no")
    wait_for_screen(page, "role")
    assert page.evaluate("performance.getEntriesByName('guide:wasm-cached').length") == 0
    page.evaluate(HIDE)
    page.wait_for_function("performance.getEntriesByName('guide:wasm-cached').length === 1")


def test_a_reader_who_stays_on_the_questions_has_the_wasm_compiled_after_a_minute(page, site_url):
    # The fake clock fakes `performance` too (no marks): the page's compilation is seen as its fetch of the .wasm.
    wasm_requests = []
    page.on("request", lambda request: request.url.endswith(".wasm") and wasm_requests.append(request.url))
    page.clock.install()
    open_guide(page, site_url)
    answer(page, "danger_now", "no")
    wait_for_screen(page, "role")
    page.wait_for_timeout(2_000)
    fetched = len(wasm_requests)  # the worker's
    assert fetched >= 1
    # The minute counts from "ready", a few seconds ago.
    page.clock.fast_forward("00:45")
    page.wait_for_timeout(1_000)
    assert len(wasm_requests) == fetched
    page.clock.fast_forward("00:16")
    for _ in range(100):
        if len(wasm_requests) > fetched:
            break
        page.wait_for_timeout(100)
    assert len(wasm_requests) == fetched + 1


def test_the_guide_does_not_need_the_pages_compilation(page, site_url):
    page.add_init_script(
        "WebAssembly.compileStreaming = () => {"
        " window.compileTried = true; return Promise.reject(new TypeError('no')); };"
    )
    open_guide(page, site_url)
    walk(page, EMPLOYEE_THREATENED)
    see_result(page)
    page.wait_for_function("window.compileTried === true")
    assert page.evaluate("performance.getEntriesByName('guide:wasm-cached').length") == 0
    assert page.get_attribute("[data-guide]", "data-state") == "ready"
    assert page.get_attribute("[data-guide]", "data-trouble") is None
    assert page.locator("[data-result] [data-step]").count() > 0


def test_without_javascript_the_static_checklists_are_shown(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "beslutningsguide/")
    text = page.inner_text("main")
    assert "kræver JavaScript" in text
    assert page.locator("[data-guide-screen]").is_hidden()
    context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_request_leaves_the_site_and_every_screen_passes_axe(page, site_url, scheme):
    origin = "{0.scheme}://{0.netloc}".format(urlsplit(site_url))
    requests = []
    page.context.on("request", lambda request: requests.append(request.url))
    page.emulate_media(color_scheme=scheme)
    open_guide(page, site_url)
    violations = {}

    def check(name):
        found = axe_violations(page)
        if found:
            violations[name] = found

    while (screen := current_screen(page)) != "check":
        check(screen)
        value = MANAGER_ADDRESS_PUBLISHED[screen]
        if screen in ("incident_at", "latest_incident_at"):
            answer_time(page, *value, question=screen)
        else:
            answer(page, screen, value)
    check("check")
    see_result(page)
    page.locator("details.guide-other-role summary").first.click()
    check("result")
    assert violations == {}, json.dumps(violations, indent=1, ensure_ascii=False)
    foreign = [url for url in requests if not url.startswith(origin) and not url.startswith(("blob:", "data:"))]
    assert foreign == []
