"""How a result's deadlines and the basis of its texts are shown: the parts of render.py this engine change needs."""

import pytest

from tests.engine.scenarios import SCENARIOS
from tests.html_tree import parse_html
from wizard import evaluate
from wizard.screens.deadline_words import time_left
from wizard.screens.result import result_screen
from wizard.screens.ui import UI
from wizard.texts import MAY_BE_OVERDUE, POLICE_REPORT_LATEST_TEXT


def screen(name: str):
    scenario = next(s for s in SCENARIOS if s["name"] == name)
    return parse_html(result_screen(evaluate(scenario["answers"], scenario["now"]), root="../"))


@pytest.mark.parametrize("seconds, shown", [(-3600, "under 1 minut"), (0, "under 1 minut"), (59, "under 1 minut"),
                                            (60, "1 minut"), (3600, "1 time")])
def test_time_left_never_says_0_minutes(seconds, shown):
    assert time_left(seconds) == shown


def test_an_undecided_police_deadline_may_have_passed_and_is_not_marked_overdue():
    police = screen("insults_date_only_police_window_manager").one(data_deadline="police_report")
    assert police.attrs["data-overdue"] == "null" and "guide-deadline--overdue" not in police.attrs["class"]
    assert MAY_BE_OVERDUE in police.text() and "tilbage" not in police.text()
    assert "senest torsdag 3. december 2026 kl. 24.00" in police.text()
    # Both deadlines, in words, always: the safe one and how late it can be, that once (in the status line).
    latest = POLICE_REPORT_LATEST_TEXT.format(when="fredag 4. december 2026 kl. 24.00")
    assert police.text().count(latest) == 1 and latest in police.one(data_countdown=None).text()


def test_the_guides_own_step_is_marked_and_not_linked_to_the_guideline():
    step = screen("threats_after_hours_in_danger").one(data_step="call_112")
    assert [a.attrs["href"] for a in step.find_all("a")] == ["tel:112"]  # the number to tap, no guideline link
    # Its mark, which the result's one legend explains (not a sentence under every step).
    marks = step.find_all(data_basis="guide")  # the step's and its how-to's
    assert len(marks) == 2 and {mark.text() for mark in marks} == {UI["mark_guide"]}

