"""The result in headless Chromium, on a phone (390x844) and on a desktop: most urgent first.

Screenshots of the result on a phone are written to SCREENSHOTS, a directory under the system's
temporary directory (its path is printed; run with -s to see it), for a person to review. Each
run overwrites them; the repository never holds them.
"""

import json
import re
import tempfile
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from tests.e2e.guide import (
    MANAGER_ADDRESS_PUBLISHED,
    SIZES,
    answer,
    axe_violations,
    copenhagen_now,
    days_ago,
    open_guide,
    page_of_size,
    see_result,
    wait_for_screen,
    walk,
)
from wizard import step_groups
from wizard.moments import COPENHAGEN
from wizard.screens.deadline_words import time_left
from wizard.screens.ui import UI

pytestmark = pytest.mark.browser

PHONE = SIZES["phone"]
SCREENSHOTS = Path(tempfile.gettempdir()) / "beslutningsguide-result-screenshots"


def screenshot(page, name: str, full_page: bool = False) -> None:
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / name), full_page=full_page)
    print(f"\nScreenshot of the result for review: {SCREENSHOTS / name}")


def manager_hours_ago(hours: float) -> dict:
    """A manager whose employee had her private address posted with threats ``hours`` ago."""
    moment = copenhagen_now() - timedelta(hours=hours)
    return {
        **MANAGER_ADDRESS_PUBLISHED,
        "behaviours": ["threats", "private_info"],
        "incident_at": (moment.date(), moment.strftime("%H:%M")),
        "impact": "8",
        "absence": "yes",
        "repeated": "no",  # one incident
    }


@pytest.fixture
def sized(browser, request):
    """A page at the size the test is parametrised with (Danish locale, Copenhagen time)."""
    with page_of_size(browser, request.param) as page:
        yield page


def result_for(page, site_url: str, answers: dict) -> None:
    open_guide(page, site_url)
    walk(page, answers)
    see_result(page)


def top(page, selector: str) -> float:
    return page.locator(selector).first.bounding_box()["y"]


def viewport_rect(page, selector: str) -> dict:
    return page.eval_on_selector(
        selector, "n => { const r = n.getBoundingClientRect(); return {top: r.top, bottom: r.bottom}; }"
    )


@pytest.mark.parametrize("sized", ["phone", "desktop"], indirect=True)
def test_the_result_reads_deadlines_then_steps_by_when_then_assessment_then_other_roles(sized, site_url):
    page = sized
    result_for(page, site_url, manager_hours_ago(60))  # 12 hours left of the police report's 72
    deadlines = page.eval_on_selector_all("[data-summary] [data-deadline]", "ns => ns.map(n => n.dataset.deadline)")
    assert deadlines == ["police_report", "safetynet"]
    police = page.locator('[data-summary] [data-deadline="police_report"]')
    assert police.get_attribute("data-state") == "urgent"
    assert police.locator("[data-flag]").inner_text().strip().lower() == UI["flag_urgent"].lower()
    assert police.locator("time").inner_text().startswith(("senest i dag kl.", "senest i morgen kl."))
    assert "tilbage" in police.locator("[data-countdown]").inner_text()

    order = [
        top(page, "[data-summary]"),
        top(page, '[data-result-part="steps"]'),
        top(page, '[data-result-part="assessment"]'),
        top(page, '[data-result-part="other-roles"]'),
        top(page, ".guide-result__stamp"),
    ]
    assert order == sorted(order)
    groups = page.eval_on_selector_all("[data-step-group]", "ns => ns.map(n => n.dataset.stepGroup)")
    assert groups == [g for g in step_groups.GROUPS if g in groups] and groups[0] == step_groups.NOW
    # Every step sits under the heading of its group.
    placed = page.eval_on_selector_all(
        "[data-result] [data-step]",
        """ns => ns.map(n => {
            let heading = n.closest('ul').previousElementSibling;
            return [n.dataset.step, heading.dataset.stepGroup];
        })""",
    )
    assert placed and all(step_groups.GROUP_OF_STEP[step] == group for step, group in placed)
    # The assessment is folded under the tasks, the other roles and the legal notes too; they open on request.
    for part in ("assessment", "other-roles", "legal"):
        assert page.locator(f'details[data-result-part="{part}"]').first.evaluate("d => !d.open"), part
    page.click('[data-result-part="assessment"] summary')
    plan = page.inner_text('[data-decision="action_plan"]')
    assert "Fordi du svarede 8 på skalaen fra 1 til 10." in plan
    accident = page.inner_text('[data-decision="work_accident"]')
    assert "Fordi du svarede ja til, at medarbejderen har fravær" in accident


@pytest.mark.parametrize("sized", ["phone"], indirect=True)
def test_a_manager_on_a_phone_sees_what_to_do_first_and_by_when_without_scrolling(sized, site_url):
    page = sized
    result_for(page, site_url, manager_hours_ago(60))
    screenshot(page, "phone-first-screen.png")
    screenshot(page, "phone-whole.png", full_page=True)
    header = viewport_rect(page, ".md-header")
    summary = viewport_rect(page, "[data-summary]")
    # What to do first is the first task (its title); its step, how-to and contacts open below it.
    first_step = viewport_rect(page, "[data-result] [data-step] summary")
    assert page.get_attribute("[data-result] [data-step]", "data-step") == page.eval_on_selector(
        '[data-step-group="now"] + ul [data-step]', "n => n.dataset.step"
    )
    assert header["bottom"] <= summary["top"] < summary["bottom"] <= first_step["top"]
    assert first_step["bottom"] <= PHONE["height"], f"the first step ends at {first_step['bottom']} px"


def countdown_state(page, deadline: str) -> dict:
    return page.eval_on_selector(
        f'[data-summary] [data-deadline="{deadline}"]',
        """n => ({
            state: n.dataset.state,
            flag: n.querySelector('[data-flag]').textContent,
            left: n.querySelector('[data-countdown]').textContent,
            time: n.querySelector('time').textContent,
            due: n.querySelector('time').dateTime,
            overdueText: n.dataset.overdueText,
            now: Date.now(),
        })""",
    )


def heading(page, group: str) -> str:
    return page.inner_text(f'[data-step-group="{group}"] [data-heading-text]').strip()


def move_clock(page, to: datetime) -> None:
    """Jump the page's clock to ``to`` and hold it there, then let the countdown's next tick run."""
    page.clock.pause_at(to)
    page.clock.run_for(30_000)
    # The last tick ran up to 20 s ago; a tab coming back into view counts down at once, at the held time.
    page.evaluate("document.dispatchEvent(new Event('visibilitychange'))")


def test_the_countdown_moves_while_the_page_is_open(page, site_url):
    page.clock.install()
    result_for(page, site_url, manager_hours_ago(44))  # 28 hours left of the police report's 72
    start = countdown_state(page, "police_report")
    assert (start["state"], start["flag"]) == ("open", "")
    due = datetime.fromisoformat(start["due"])
    # The group of steps the deadline dates is headed by it, as it stands.
    opening = heading(page, "within_police_report_hours")
    assert opening.startswith(UI["group_due_police_report"].split("{")[0]) and "timer" not in opening

    # Six hours on, under a day is left: the time left changes, and the deadline says "Haster".
    move_clock(page, datetime.fromtimestamp(start["now"] / 1000, COPENHAGEN) + timedelta(hours=6))
    later = countdown_state(page, "police_report")
    seconds = (due - datetime.fromtimestamp(later["now"] / 1000, COPENHAGEN)).total_seconds()
    assert later["left"] == UI["left"].format(left=time_left(int(seconds)))
    assert later["left"] != start["left"]
    assert (later["state"], later["flag"]) == ("urgent", UI["flag_urgent"])

    # Past the deadline: what to do, never "0 minutter tilbage"; "i dag"/"i morgen" become the date.
    move_clock(page, due + timedelta(hours=1))
    passed = countdown_state(page, "police_report")
    assert (passed["state"], passed["flag"]) == ("overdue", UI["flag_overdue"])
    assert passed["left"] == passed["overdueText"] and "tilbage" not in passed["left"]
    assert not re.search(r"\bi (dag|morgen)\b", passed["time"])
    # The heading of its steps says so too, live: the guideline still wants the police question taken up.
    assert heading(page, "within_police_report_hours") == UI["group_overdue_police_report"]
    assert heading(page, "within_registration_days").startswith(UI["group_due_safetynet"].split("{")[0])
    registration = countdown_state(page, "safetynet")
    assert registration["state"] == "open" and registration["left"].endswith("tilbage.")
    # The truth stays what the engine computed.
    assert passed["due"] == start["due"]


def test_a_deadline_that_comes_to_may_have_passed_while_open_says_how_late_it_can_be_once(page, site_url):
    page.clock.install()
    day = copenhagen_now().date() - timedelta(days=2)  # a date without a time: the safe 72 hours end tonight
    result_for(page, site_url, {**manager_hours_ago(0), "incident_at": (day, "")})
    start = countdown_state(page, "police_report")
    item = page.locator('[data-summary] [data-deadline="police_report"]')
    latest = item.locator("[data-latest-text]").inner_text().strip()
    assert start["state"] in ("open", "urgent") and latest and item.inner_text().count(latest) == 1
    move_clock(page, datetime.fromisoformat(start["due"]) + timedelta(hours=1))
    assert countdown_state(page, "police_report")["state"] == "undecided"
    # Its status now says how late it can be; the line beside the safe deadline no longer repeats it.
    assert latest in item.locator("[data-countdown]").inner_text()
    assert item.inner_text().count(latest) == 1


@pytest.mark.parametrize("sized", ["phone", "desktop"], indirect=True)
def test_each_confirmation_appears_beside_its_button(sized, site_url):
    page = sized
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    result_for(page, site_url, manager_hours_ago(60))
    for action in ("copy", "calendar"):
        button = page.locator(f'[data-result-tools] [data-guide-action="{action}"]')
        if action == "calendar":
            with page.expect_download():
                button.click()
        else:
            button.click()
        confirm = page.locator(f'[data-result-tools] [data-guide-tool-status="{action}"]')
        page.wait_for_function(
            "a => document.querySelector(`[data-guide-tool-status=\"${a}\"]`).textContent.trim() !== ''", arg=action
        )
        pressed, shown = button.bounding_box(), confirm.bounding_box()
        assert 0 <= shown["y"] - (pressed["y"] + pressed["height"]) <= 24, (pressed, shown)
        assert shown["x"] < pressed["x"] + pressed["width"] and pressed["x"] < shown["x"] + shown["width"]
    assert "kopieret" in page.inner_text('[data-result-tools] [data-guide-tool-status="copy"]')
    assert "hentet" in page.inner_text('[data-result-tools] [data-guide-tool-status="calendar"]')
    assert "kopieret" not in page.inner_text("[data-guide-status]")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.index("FRISTER") < copied.index("NÆSTE SKRIDT") < copied.index("VURDERING")


@pytest.mark.parametrize("sized", ["phone"], indirect=True)
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_result_passes_axe(sized, site_url, scheme):
    page = sized
    page.emulate_media(color_scheme=scheme)
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    result_for(page, site_url, manager_hours_ago(60))
    page.click('[data-result-tools] [data-guide-action="copy"]')
    page.wait_for_function("document.querySelector('[data-guide-tool-status=\"copy\"]').textContent !== ''")
    page.evaluate("document.querySelectorAll('[data-result] details').forEach((d) => { d.open = true; })")
    violations = axe_violations(page)
    screenshot(page, f"phone-{scheme}-copied-and-opened.png", full_page=True)
    assert violations == [], json.dumps(violations, indent=1, ensure_ascii=False)


def test_the_date_shortcuts_fill_the_date_and_the_picker_stops_at_today(page, site_url):
    open_guide(page, site_url)
    answer(page, "danger_now", "no")
    answer(page, "role", "manager")
    answer(page, "behaviours", "threats")
    wait_for_screen(page, "incident_at")
    field = page.locator('input[name="incident_at"]')
    assert field.get_attribute("max") == days_ago(0).isoformat()
    assert "til og med i dag" in page.inner_text("#incident_at-range")
    # The shortcuts are the page's own: they work while Python is not there to answer.
    page.evaluate("document.querySelector('[data-guide]').dataset.state = 'loading'")
    page.get_by_role("button", name="I går").click()
    assert field.input_value() == days_ago(1).isoformat()
    page.get_by_role("button", name="I dag").click()
    assert field.input_value() == days_ago(0).isoformat()
    page.evaluate("document.querySelector('[data-guide]').dataset.state = 'ready'")
    page.locator("[data-guide-screen] form button[type=submit]").click()
    wait_for_screen(page, "outside_work_hours")


def test_the_printout_keeps_the_dates_and_the_stamp_on_at_most_two_pages(page, site_url):
    result_for(page, site_url, manager_hours_ago(60))
    page.emulate_media(media="print")
    police = page.locator('[data-summary] [data-deadline="police_report"]')
    assert police.locator(".guide-deadline__when").is_hidden()
    assert police.locator("[data-due-text]").is_visible()
    assert page.locator(".guide-result__stamp").is_visible()
    pdf = page.pdf(format="A4")
    pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    assert 1 <= pages <= 2, f"{pages} A4 pages"
