"""The text export and the calendar file say the registration deadline's both halves, and remind early."""

from datetime import datetime

import pytest

from tests.engine.scenarios import SCENARIOS
from wizard import evaluate, export
from wizard.moments import COPENHAGEN
from wizard.screens.ui import UI
from wizard.texts import MAY_BE_OVERDUE, POLICE_REPORT_LATEST_TEXT


def by_name(name):
    scenario = next(s for s in SCENARIOS if s["name"] == name)
    return evaluate(scenario["answers"], scenario["now"]), scenario["now"]


def unfolded(content: str) -> str:
    return content.replace("\r\n ", "")


def events(content: str) -> list[str]:
    return unfolded(content).split("BEGIN:VEVENT")[1:]


def test_the_text_export_says_as_soon_as_possible_and_at_the_latest():
    result, _ = by_name("threats_after_hours_in_danger")
    text = export.as_text(result)
    assert "Registrering i SafetyNet: så hurtigt som muligt og senest søndag 22. september 2024." in text


def test_the_text_export_says_an_undecided_police_deadline_may_have_passed():
    result, _ = by_name("insults_date_only_police_window_manager")
    lines = export.as_text(result).splitlines()
    index = next(i for i, line in enumerate(lines) if "politianmeldelse" in line and "senest" in line)
    assert "senest torsdag 3. december 2026 kl. 24.00" in lines[index]
    # Both deadlines of a date without a time, in words: the safe one above, and how late it can be.
    latest = POLICE_REPORT_LATEST_TEXT.format(when="fredag 4. december 2026 kl. 24.00")
    assert lines[index + 1].strip() == f"{UI['counted_from_day']} {latest}"
    assert lines[index + 2].strip().startswith(MAY_BE_OVERDUE)


def test_the_calendar_says_both_halves_and_reminds_the_next_working_morning():
    result, now = by_name("threats_after_hours_in_danger")  # Thursday 12 September 2024, 22:05
    police, registration = events(export.calendar_file(result, datetime.fromisoformat(now))["content"])
    assert "UID:safetynet-" in registration and "UID:police_report-" in police
    assert "så hurtigt som muligt og senest søndag 22. september 2024" in registration.replace("\\,", ",")
    # Friday 13 September 09:00 Danish time is 07:00 UTC: the first reminder, long before the last day.
    assert registration.index("TRIGGER;VALUE=DATE-TIME:20240913T070000Z") < registration.index("TRIGGER:-PT15H")
    assert "TRIGGER:-P1D" in police and "TRIGGER:-PT2H" in police


@pytest.mark.parametrize(
    "now, morning",
    [
        ("2024-09-13T08:59+02:00", "2024-09-13T09:00:00+02:00"),  # a Friday before 09:00: this morning
        ("2024-09-13T09:00+02:00", "2024-09-16T09:00:00+02:00"),  # Friday 09:00: Monday
        ("2024-09-14T12:00+02:00", "2024-09-16T09:00:00+02:00"),  # Saturday: Monday
        ("2024-10-25T18:00+02:00", "2024-10-28T09:00:00+01:00"),  # over the end of summer time
        ("2026-12-23T10:00+01:00", "2026-12-28T09:00:00+01:00"),  # Christmas Eve, Christmas, a weekend: Monday
        ("2027-03-24T12:00+01:00", "2027-03-30T09:00:00+02:00"),  # Easter, into summer time: Tuesday
    ],
)
def test_the_next_working_morning(now, morning):
    got = export.next_working_morning(datetime.fromisoformat(now))
    assert got.isoformat() == morning and got.tzinfo is COPENHAGEN


def test_no_early_reminder_after_the_last_day_has_begun():
    result, now = by_name("registration_last_day")
    (registration, _police) = events(export.calendar_file(result, datetime.fromisoformat(now))["content"])
    assert "VALUE=DATE-TIME" not in registration


def test_a_carriage_return_in_a_calendar_text_is_escaped_as_a_line_break():
    result, now = by_name("threats_after_hours_in_danger")
    result["deadlines"][0]["label"] = "første\r\nanden\rtredje"
    content = export.calendar_file(result, datetime.fromisoformat(now))["content"]
    # Every CR in the file ends a content line (CRLF); none is left inside a value.
    assert "\r" not in content.replace("\r\n", "")
    assert "første\\nanden\\ntredje" in unfolded(content)
