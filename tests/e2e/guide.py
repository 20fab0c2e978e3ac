"""The e2e tests' helpers: the guide's driver, shared with the benchmark, the axe helper and the screen sizes."""

import json
from contextlib import contextmanager

from tests.axe import AXE, axe_violations
from tests.harness.guide_driver import (
    CRITICISM_ONLY,
    EMPLOYEE_THREATENED,
    MANAGER_ADDRESS_PUBLISHED,
    READY_TIMEOUT_MS,
    GuideError,
    answer,
    answer_time,
    choose,
    copenhagen_now,
    current_screen,
    days_ago,
    failed,
    open_guide,
    see_result,
    submit,
    wait_answerable,
    wait_for_screen,
    wait_moved,
    wait_ready_or_failed,
    walk,
)

# The sizes the guide is tested at: a phone (390x844) and a desktop screen.
SIZES = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 900}}


@contextmanager
def page_of_size(browser, size: str):
    """A page at ``size`` (a key of SIZES), with a Danish locale and Copenhagen's time; closed after."""
    context = browser.new_context(viewport=SIZES[size], locale="da-DK", timezone_id="Europe/Copenhagen")
    try:
        yield context.new_page()
    finally:
        context.close()


# Where the guide keeps the tab's answers (store.js).
STEPS_KEY = "beslutningsguide:svar"


def kept_steps(page) -> list[dict]:
    """The steps the guide keeps for the tab, in order."""
    stored = page.evaluate(f"sessionStorage.getItem({STEPS_KEY!r})")
    return json.loads(stored)["steps"] if stored else []


__all__ = [
    "AXE",
    "CRITICISM_ONLY",
    "EMPLOYEE_THREATENED",
    "MANAGER_ADDRESS_PUBLISHED",
    "READY_TIMEOUT_MS",
    "SIZES",
    "STEPS_KEY",
    "GuideError",
    "answer",
    "answer_time",
    "axe_violations",
    "choose",
    "copenhagen_now",
    "current_screen",
    "days_ago",
    "failed",
    "kept_steps",
    "open_guide",
    "page_of_size",
    "see_result",
    "submit",
    "wait_answerable",
    "wait_for_screen",
    "wait_moved",
    "wait_ready_or_failed",
    "walk",
]
