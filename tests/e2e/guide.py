"""Driving the decision guide in Chromium the way a reader does, through its stable test hooks."""

from datetime import date, datetime, timedelta
from pathlib import Path

from playwright.sync_api import Page

from wizard.moments import COPENHAGEN
from wizard.questions import DANGER_SCREEN

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
READY_TIMEOUT_MS = 60_000


def open_guide(page: Page, site_url: str, wait_ready: bool = True) -> None:
    page.goto(site_url + "beslutningsguide/")
    if wait_ready:
        page.wait_for_selector('[data-guide][data-state="ready"]', timeout=READY_TIMEOUT_MS)


def current_screen(page: Page) -> str:
    return page.get_attribute("[data-guide-screen]", "data-current")


def wait_for_screen(page: Page, screen: str) -> None:
    page.wait_for_selector(f'[data-guide-screen][data-current="{screen}"]')


def submit(page: Page) -> None:
    """Press the screen's submit button and wait until the guide shows another screen (or an error)."""
    before = current_screen(page)
    page.locator("[data-guide-screen] form button[type=submit]").click()
    page.wait_for_function(
        """before => {
            const screen = document.querySelector('[data-guide-screen]');
            return screen.dataset.current !== before || screen.querySelector('.guide-error-summary');
        }""",
        arg=before,
    )


def answer(page: Page, question: str, *values: str) -> None:
    """Choose ``values`` on the question's screen and continue."""
    form = page.locator(f'form[data-question="{question}"]')
    form.wait_for()
    for value in values:
        form.locator(f'input[name="{question}"][value="{value}"]').check()
    submit(page)


def answer_time(page: Page, day: date, clock: str = "") -> None:
    form = page.locator('form[data-question="incident_at"]')
    form.wait_for()
    form.locator('input[name="incident_at"]').fill(day.isoformat())
    form.locator('input[name="incident_at_time"]').fill(clock)
    submit(page)


def walk(page: Page, answers: dict) -> None:
    """Answer every question the guide asks from ``answers`` until the check-your-answers screen."""
    while (screen := current_screen(page)) != "check":
        if screen == DANGER_SCREEN:  # 112 first; the reader continues once everyone is safe
            submit(page)
            continue
        value = answers[screen]
        if screen == "incident_at":
            answer_time(page, *value)
        else:
            answer(page, screen, *([value] if isinstance(value, str) else value))


def see_result(page: Page) -> None:
    wait_for_screen(page, "check")
    submit(page)
    wait_for_screen(page, "result")


def copenhagen_now() -> datetime:
    return datetime.now(COPENHAGEN)


def days_ago(n: int) -> date:
    return copenhagen_now().date() - timedelta(days=n)


def axe_violations(page: Page) -> list[dict]:
    """WCAG 2.1 A/AA violations axe-core finds on the page at rest (no hover, transitions done)."""
    page.mouse.move(0, 0)
    page.wait_for_timeout(300)  # Material's colour transitions last 125-250 ms
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE))
    return page.evaluate(
        """async () => {
            const result = await axe.run(document, {
                runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']},
            });
            return result.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.slice(0, 3).map(n => n.target.join(' ')),
            }));
        }"""
    )


# Whole paths through the guide, one per kind of case.
EMPLOYEE_THREATENED = {
    "danger_now": "yes",
    "role": "employee",
    "behaviours": "threats",
    "incident_at": (days_ago(1), "14:00"),
    "outside_work_hours": "yes",
    "impact": "8",
    "repeated": "no",
    "absence": "yes",
    "treatment": "no",
    "wants_work_accident": "no",
}
MANAGER_ADDRESS_PUBLISHED = {
    "danger_now": "no",
    "role": "manager",
    "behaviours": "private_info",
    "incident_at": (days_ago(3), ""),
    "outside_work_hours": "no",
    "impact": "3",
    "repeated": "yes",
    "absence": "no",
    "treatment": "no",
    "wants_work_accident": "no",
}
CRITICISM_ONLY = {
    "danger_now": "no",
    "role": "colleague",
    "behaviours": "criticism",
    "incident_at": (days_ago(0), ""),
    "absence": "no",
    "treatment": "no",
    "wants_work_accident": "no",
}

