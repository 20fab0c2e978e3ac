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


# Every layout shift from the first paint on (the browser's own measure, PerformanceObserver ``layout-shift``,
# the entries of Cumulative Layout Shift), with what moved and from where to where; an init script.
LAYOUT_SHIFTS = """
window.__shifts = [];
new PerformanceObserver((entries) => {
  for (const entry of entries.getEntries()) {
    window.__shifts.push({
      value: entry.value,
      input: entry.hadRecentInput,
      at: Math.round(entry.startTime),
      moved: entry.sources.map((source) => ({
        node: source.node?.outerHTML?.slice(0, 80) ?? String(source.node),
        screen: document.querySelector("[data-guide-screen]")?.dataset.current,
        from: [source.previousRect.x, source.previousRect.y, source.previousRect.width, source.previousRect.height],
        to: [source.currentRect.x, source.currentRect.y, source.currentRect.width, source.currentRect.height],
      })),
    });
  }
}).observe({ type: "layout-shift", buffered: true });
"""


def unprompted_shifts(page) -> list[dict]:
    """The layout shifts the reader did not cause."""
    return [shift for shift in page.evaluate("window.__shifts") if not shift["input"]]


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
    "LAYOUT_SHIFTS",
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
    "unprompted_shifts",
    "wait_answerable",
    "wait_for_screen",
    "wait_moved",
    "wait_ready_or_failed",
    "walk",
]
