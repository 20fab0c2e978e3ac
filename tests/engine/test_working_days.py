"""The working days a reminder is put on: weekends, Danish public holidays and Christmas Eve move it on."""

from datetime import date

import pytest

from wizard.working_days import days_off, easter_sunday, is_working_day, working_day_from


@pytest.mark.parametrize(
    "year, easter",
    [(2000, "2000-04-23"), (2008, "2008-03-23"), (2011, "2011-04-24"), (2019, "2019-04-21"), (2024, "2024-03-31"),
     (2025, "2025-04-20"), (2026, "2026-04-05"), (2027, "2027-03-28"), (2038, "2038-04-25"), (2100, "2100-03-28")],
)
def test_easter_sunday(year, easter):
    assert easter_sunday(year) == date.fromisoformat(easter)


def test_the_days_off_of_2026_are_the_public_holidays_and_christmas_eve():
    assert sorted(day.isoformat() for day in days_off(2026)) == [
        "2026-01-01",  # New Year's Day
        "2026-04-02", "2026-04-03", "2026-04-05", "2026-04-06",  # Maundy Thursday to Easter Monday
        "2026-05-14",  # Ascension Day
        "2026-05-24", "2026-05-25",  # Whit Sunday and Monday
        "2026-12-24", "2026-12-25", "2026-12-26",  # Christmas Eve, Christmas Day, Boxing Day
    ]


def test_store_bededag_is_a_day_off_until_2023_only():
    assert date(2023, 5, 5) in days_off(2023)  # the fourth Friday after Easter (9 April 2023)
    assert is_working_day(date(2024, 4, 26))  # where it would have been in 2024


@pytest.mark.parametrize(
    "day, working",
    [
        ("2026-12-23", "2026-12-23"),  # a Wednesday at work
        ("2026-12-24", "2026-12-28"),  # Christmas Eve, Christmas, a weekend: Monday
        ("2026-12-31", "2026-12-31"),  # New Year's Eve is off from noon only: the morning stands
        ("2027-01-01", "2027-01-04"),  # New Year's Day, a Friday: Monday
        ("2026-04-02", "2026-04-07"),  # Maundy Thursday to Easter Monday: Tuesday
        ("2026-05-14", "2026-05-15"),  # Ascension Day: Friday
        ("2026-06-05", "2026-06-05"),  # Constitution Day is off from noon only
    ],
)
def test_a_day_off_moves_on_to_the_first_working_day(day, working):
    assert working_day_from(date.fromisoformat(day)) == date.fromisoformat(working)
