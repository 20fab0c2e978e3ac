"""Nothing moves under a finger: no layout shift while the guide loads, becomes ready or changes screens, and
Enter on a checkbox ticks it instead of sending the question.

The layout shift is the browser's own measure (PerformanceObserver ``layout-shift``, the entries of Cumulative
Layout Shift): every shift the reader did not cause within the last 500 ms counts, from the first paint on. The
engine's files are held back until the reader sits still on a question, then let through over a slow link, so
the guide's progress and the moment it becomes ready both come while the reader is reading, with no input to
excuse a shift.
"""

import pytest

from tests.e2e.guide import (
    LAYOUT_SHIFTS,
    MANAGER_ADDRESS_PUBLISHED,
    READY_TIMEOUT_MS,
    SIZES,
    answer,
    choose,
    current_screen,
    open_guide,
    page_of_size,
    submit,
    unprompted_shifts,
    wait_for_screen,
    wait_moved,
)
from tools.site.guide_page import MEANWHILE
from wizard.questions import QUESTIONS_BY_ID

pytestmark = pytest.mark.browser

PYTHON_FILES = ("**/assets/pyodide/**", "**/assets/wizard/**")
# A shift within 500 ms of an input is the reader's own doing (the CLS definition); a reader who has
# sat still for longer than that sees any shift as something moving under the finger.
STILL_MS = 800


@pytest.fixture(params=list(SIZES), ids=list(SIZES))
def page(browser, request):
    with page_of_size(browser, request.param) as page:
        page.add_init_script(LAYOUT_SHIFTS)
        yield page


def hold_python(page) -> list:
    held = []
    for pattern in PYTHON_FILES:
        page.route(pattern, lambda route: held.append(route))
    return held


def release_slowly(page, held: list) -> None:
    """Let the held files through over about 4 Mbit/s, so the guide reports its progress as they come."""
    devtools = page.context.new_cdp_session(page)
    devtools.send("Network.enable")
    devtools.send(
        "Network.emulateNetworkConditions",
        {"offline": False, "latency": 150, "downloadThroughput": 4_000_000 / 8, "uploadThroughput": 1_000_000 / 8},
    )
    for route in held:
        route.continue_()
    for pattern in PYTHON_FILES:
        page.unroute(pattern)


def walk_by_hand(page, answers: dict) -> None:
    """:func:`walk`, with dates and times typed on the keyboard: a date field's text changes width as it is
    filled, which is the reader's own doing only when the reader types it (a script's value is not input)."""
    while (screen := current_screen(page)) != "check":
        value = answers[screen]
        if QUESTIONS_BY_ID[screen].kind != "date_time":
            choose(page, screen, value)
        else:
            day, clock = (*value, "")[:2]
            page.locator(f'input[name="{screen}"]').focus()
            page.keyboard.type(day.strftime("%d%m%Y"))
            if clock:
                page.locator(f'input[name="{screen}_time"]').focus()
                page.keyboard.type(clock.replace(":", ""))
        submit(page)
        wait_moved(page, screen)


def test_nothing_moves_while_the_guide_loads_becomes_ready_and_changes_screens(page, site_url):
    held = hold_python(page)
    open_guide(page, site_url, wait_ready=False)
    page.wait_for_selector("[data-guide][data-mounted]")
    assert page.inner_text("[data-guide-screen] [data-guide-note]") == MEANWHILE
    answer(page, "danger_now", "no")
    answer(page, "role", "manager")
    choose(page, "behaviours", MANAGER_ADDRESS_PUBLISHED["behaviours"])
    submit(page)
    wait_for_screen(page, "incident_at")
    # The reader reads the question while the guide arrives and becomes ready.
    page.wait_for_timeout(STILL_MS)
    release_slowly(page, held)
    page.wait_for_selector('[data-guide][data-state="ready"]', timeout=READY_TIMEOUT_MS)
    page.wait_for_timeout(STILL_MS)
    assert current_screen(page) == "incident_at"
    assert page.inner_text("[data-guide-screen] [data-guide-note]") == ""
    walk_by_hand(page, MANAGER_ADDRESS_PUBLISHED)
    submit(page)
    wait_for_screen(page, "result")
    page.wait_for_timeout(STILL_MS)
    page.go_back()
    wait_for_screen(page, "check")
    page.wait_for_timeout(STILL_MS)
    assert unprompted_shifts(page) == []


def test_nothing_moves_while_the_reader_waits_for_the_result(page, site_url):
    held = hold_python(page)
    open_guide(page, site_url, wait_ready=False)
    page.wait_for_selector("[data-guide][data-mounted]")
    walk_by_hand(page, MANAGER_ADDRESS_PUBLISHED)
    assert page.get_attribute("[data-guide]", "data-state") == "loading"
    # "Se resultatet" before the engine is there: the wait is said beside the button, then the result comes.
    submit(page)
    page.wait_for_timeout(STILL_MS)
    release_slowly(page, held)
    wait_for_screen(page, "result", timeout=READY_TIMEOUT_MS)
    page.wait_for_timeout(STILL_MS)
    assert unprompted_shifts(page) == []


def test_enter_on_a_checkbox_ticks_it_and_sends_nothing(page, site_url):
    open_guide(page, site_url, wait_ready=False)
    answer(page, "danger_now", "no")
    answer(page, "role", "employee")
    wait_for_screen(page, "behaviours")
    threats = page.locator('input[name="behaviours"][value="threats"]')
    threats.focus()
    page.keyboard.press("Enter")
    assert threats.is_checked()
    page.keyboard.press("Enter")
    assert not threats.is_checked()
    page.keyboard.press("Space")
    assert threats.is_checked()
    assert current_screen(page) == "behaviours"
    # Enter on the button sends it, once the engine is there as before it.
    page.wait_for_selector('[data-guide][data-state="ready"]', timeout=READY_TIMEOUT_MS)
    threats.focus()
    page.keyboard.press("Enter")
    assert not threats.is_checked() and current_screen(page) == "behaviours"
    page.keyboard.press("Enter")
    page.locator("[data-guide-screen] form button[type=submit]").focus()
    page.keyboard.press("Enter")
    page.wait_for_selector('[data-guide-screen]:not([data-current="behaviours"])')
