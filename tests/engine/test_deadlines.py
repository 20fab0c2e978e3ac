"""The two deadlines: registration by Danish date, police report by absolute hours."""

import pytest

from wizard.deadlines import police_report_deadline, registration_deadline
from wizard.guideline import POLICE_REPORT_HOURS, REGISTRATION_DAYS
from wizard.screens.deadline_words import due_words
from wizard.texts import POLICE_REPORT_LATEST_TEXT


def test_the_guideline_numbers_these_tests_assume():
    # The expected dates below are written out by hand from these two numbers.
    assert (REGISTRATION_DAYS, POLICE_REPORT_HOURS) == (10, 72)


@pytest.mark.parametrize(
    "incident_at, now, due, overdue, seconds_left",
    [
        # Incident on 14 October: due 24 October, on time all of that day, overdue from 25 October 00:00.
        ("2024-10-14", "2024-10-14T12:00+02:00", "2024-10-24", False, 10 * 86400 + 12 * 3600),
        ("2024-10-14T23:59", "2024-10-24T00:00+02:00", "2024-10-24", False, 86400),
        ("2024-10-14", "2024-10-24T23:59:59+02:00", "2024-10-24", False, 1),
        ("2024-10-14", "2024-10-25T00:00+02:00", "2024-10-24", True, 0),
        ("2024-10-14", "2024-10-25T00:00:01+02:00", "2024-10-24", True, -1),
        ("2024-10-14", "2024-10-26T09:00+02:00", "2024-10-24", True, -33 * 3600),
        # Summer time ends on 27 October: the day of the 24-hour-per-day count still ends at Danish midnight.
        ("2024-10-20", "2024-10-30T23:59+01:00", "2024-10-30", False, 60),
        ("2024-10-20", "2024-10-29T23:00Z", "2024-10-30", False, 86400),
        # The Danish date of an instant given in UTC decides the day.
        ("2024-10-14T22:30Z", "2024-10-16T12:00+02:00", "2024-10-25", False, None),
        # Across a month and a year.
        ("2024-12-28T08:00", "2025-01-07T20:00+01:00", "2025-01-07", False, 4 * 3600),
        ("2024-12-28T08:00", "2025-01-08T00:00+01:00", "2025-01-07", True, 0),
    ],
)
def test_registration_deadline(incident_at, now, due, overdue, seconds_left):
    deadline = registration_deadline(incident_at, now)
    assert (deadline["id"], deadline["due"], deadline["overdue"], deadline["all_day"]) == (
        "safetynet",
        due,
        overdue,
        True,
    )
    if seconds_left is not None:
        assert deadline["seconds_left"] == seconds_left
    assert deadline["source"] == "retningslinje/naar-det-sker/#frist"


@pytest.mark.parametrize(
    "incident_at, due",
    [
        ("2024-10-14T09:30", "2024-10-17T09:30:00+02:00"),
        # End of summer time (27 October 03:00 -> 02:00): 72 real hours end an hour earlier on the clock.
        ("2024-10-25T12:00", "2024-10-28T11:00:00+01:00"),
        ("2024-10-27T01:00", "2024-10-30T00:00:00+01:00"),
        # Start of summer time (31 March 02:00 -> 03:00): an hour later on the clock.
        ("2024-03-29T12:00", "2024-04-01T13:00:00+02:00"),
        ("2024-03-30T23:59", "2024-04-03T00:59:00+02:00"),
        # The repeated hour: the first 02:30 (+02:00) counts, so the deadline is never too late.
        ("2024-10-27T02:30", "2024-10-30T01:30:00+01:00"),
        # An instant with offset is absolute.
        ("2024-10-25T10:00Z", "2024-10-28T11:00:00+01:00"),
        ("2024-06-01T12:00-04:00", "2024-06-04T18:00:00+02:00"),
        # A date without a time counts from the start of that Danish day.
        ("2024-10-25", "2024-10-27T23:00:00+01:00"),
        ("2024-03-29", "2024-04-01T01:00:00+02:00"),
        ("2024-07-01", "2024-07-04T00:00:00+02:00"),
    ],
)
def test_police_report_deadline_in_absolute_time(incident_at, due):
    deadline = police_report_deadline(incident_at, "2024-01-01T00:00Z")
    assert deadline["due"] == due
    assert deadline["all_day"] is False
    assert deadline["counted_from_start_of_day"] is ("T" not in incident_at)
    assert deadline["source"] == "retningslinje/naar-det-sker/#personaleafdelingen-og-politianmeldelse"


@pytest.mark.parametrize(
    "now, overdue, seconds_left",
    [
        ("2024-10-28T10:59+01:00", False, 60),
        ("2024-10-28T10:59:59+01:00", False, 1),
        ("2024-10-28T11:00+01:00", False, 0),  # due this very minute: still within 72 hours
        ("2024-10-28T11:00:00.5+01:00", True, -1),
        ("2024-10-28T11:01+01:00", True, -60),
        ("2024-10-28T10:00Z", False, 0),
        ("2024-10-25T12:00+02:00", False, 72 * 3600),
    ],
)
def test_police_report_deadline_to_the_minute(now, overdue, seconds_left):
    deadline = police_report_deadline("2024-10-25T12:00", now)
    assert (deadline["overdue"], deadline["seconds_left"]) == (overdue, seconds_left)


def test_due_texts_are_danish_and_the_registration_says_both_halves():
    # "Anmeldelse skal ske så hurtigt som muligt og senest 10 dage efter hændelsesdagen."
    assert (
        registration_deadline("2024-10-14", "2024-10-15")["due_text"]
        == "så hurtigt som muligt og senest torsdag 24. oktober 2024"
    )
    assert (
        police_report_deadline("2024-10-25T12:00", "2024-10-26")["due_text"]
        == "senest mandag 28. oktober 2024 kl. 11.00"
    )


@pytest.mark.parametrize(
    "incident_at, due, due_text",
    [
        # 25 October 2026: 02.00-03.00 comes twice. 72 hours from Thursday 02.30 (summer time) is the first 02.30.
        ("2026-10-22T02:30", "2026-10-25T02:30:00+02:00", "senest søndag 25. oktober 2026 kl. 02.30 (sommertid)"),
        # From 03.30 it is 01.30 UTC: the second 02.30.
        ("2026-10-22T03:30", "2026-10-25T02:30:00+01:00", "senest søndag 25. oktober 2026 kl. 02.30 (vintertid)"),
        # An hour that comes once says nothing more.
        ("2026-10-22T04:30", "2026-10-25T03:30:00+01:00", "senest søndag 25. oktober 2026 kl. 03.30"),
    ],
)
def test_a_deadline_in_the_hour_that_comes_twice_says_which(incident_at, due, due_text):
    deadline = police_report_deadline(incident_at, "2026-10-23T12:00")
    assert (deadline["due"], deadline["due_text"]) == (due, due_text)
    assert due_words(due, None) == due_text.removeprefix("senest ")  # the result's summary and its headings


@pytest.mark.parametrize(
    "incident_at, due_text, latest",
    [
        # Tuesday 1 December: safe from the day's start, latest from its end (Friday 00:00 is Thursday 24.00).
        ("2026-12-01", "senest torsdag 3. december 2026 kl. 24.00", "2026-12-05T00:00:00+01:00"),
        # A midnight deadline of a timed incident is also the end of the day before.
        ("2026-12-01T00:00", "senest torsdag 3. december 2026 kl. 24.00", None),
        # Across the end of summer time both are 23.00: 72 real hours, an hour less on the clock.
        ("2024-10-25", "senest søndag 27. oktober 2024 kl. 23.00", "2024-10-28T23:00:00+01:00"),
    ],
)
def test_a_midnight_deadline_is_the_end_of_the_day_before(incident_at, due_text, latest):
    deadline = police_report_deadline(incident_at, "2024-01-01T00:00Z")
    assert deadline["due_text"] == due_text and "kl. 00.00" not in deadline["due_text"]
    assert deadline["latest"] == latest


@pytest.mark.parametrize(
    "now, overdue",
    [
        ("2026-12-03T23:59+01:00", False),
        ("2026-12-04T00:00+01:00", False),  # the safe deadline itself
        ("2026-12-04T00:00:01+01:00", None),  # past the safe deadline: only the time of day could tell
        ("2026-12-04T23:59+01:00", None),
        ("2026-12-05T00:00+01:00", None),  # 72 hours after the end of the incident day
        ("2026-12-05T00:00:01+01:00", True),
    ],
)
def test_a_date_without_time_is_undecided_between_the_safe_and_the_latest_deadline(now, overdue):
    deadline = police_report_deadline("2026-12-01", now)
    assert deadline["overdue"] is overdue
    assert deadline["latest"] == "2026-12-05T00:00:00+01:00"
    assert deadline["latest_text"] == POLICE_REPORT_LATEST_TEXT.format(when="fredag 4. december 2026 kl. 24.00")


def test_a_timed_incident_has_no_window():
    deadline = police_report_deadline("2026-11-30T10:00", "2026-12-03T10:00:01+01:00")
    assert (deadline["overdue"], deadline["latest"], deadline["latest_text"]) == (True, None, None)
