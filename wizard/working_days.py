"""Working days in a Danish municipality, for the guide's reminders (never for a deadline).

The guideline's deadlines run in calendar time (10 days, 72 hours) and are never moved. A reminder, though, is
the guide's own suggestion and is meant for a morning at work: not a Saturday or Sunday, not a Danish public
holiday, and not Christmas Eve, which the municipalities' working-time agreements (KL) treat as
one. New Year's Eve, Constitution Day and 1 May are days off only from noon, if at all, so a morning reminder
stands on them.
"""

from datetime import date, datetime, time, timedelta

from wizard.moments import COPENHAGEN

# Store Bededag, the fourth Friday after Easter, ceased to be a public holiday in 2024 (Act no. 237 of 28 February
# 2023); the guide accepts incidents from 2000 on.
LAST_YEAR_WITH_STORE_BEDEDAG = 2023
# A reminder comes at the start of a working day, Danish time.
MORNING = time(9, 0)


def easter_sunday(year: int) -> date:
    """Easter Sunday of the Gregorian calendar (the Meeus/Jones/Butcher algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (b - (b + 8) // 25 + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    week = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * week) // 451
    month, day = divmod(h + week - 7 * m + 114, 31)
    return date(year, month, day + 1)


def days_off(year: int) -> frozenset[date]:
    """The year's public holidays on weekdays and Sundays alike, and Christmas Eve."""
    easter = easter_sunday(year)
    # Maundy Thursday, Good Friday, Easter Sunday and Monday, Ascension Day, Whit Sunday and Monday.
    after_easter = [-3, -2, 0, 1, 39, 49, 50]
    if year <= LAST_YEAR_WITH_STORE_BEDEDAG:
        after_easter.append(26)
    fixed = [date(year, 1, 1), date(year, 12, 24), date(year, 12, 25), date(year, 12, 26)]
    return frozenset(fixed + [easter + timedelta(days=offset) for offset in after_easter])


def is_working_day(day: date) -> bool:
    return day.weekday() < 5 and day not in days_off(day.year)


def working_day_from(day: date) -> date:
    """``day`` itself if it is a working day, else the first working day after it."""
    while not is_working_day(day):
        day += timedelta(days=1)
    return day


def working_morning(day: date) -> datetime:
    """09:00 in Danish time on ``day`` if it is a working day, else on the first working day after it."""
    return datetime.combine(working_day_from(day), MORNING, COPENHAGEN)
