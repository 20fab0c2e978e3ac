"""Dates and times written the Danish way, e.g. "mandag 14. oktober 2024 kl. 09.30".

Written out here rather than through :mod:`locale`, which depends on the machine's
installed locales and is not available in the browser.
"""

from datetime import date, datetime

from wizard.moments import COPENHAGEN

WEEKDAYS = ("mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag")
MONTHS = (
    "januar",
    "februar",
    "marts",
    "april",
    "maj",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "december",
)


# The two patterns, as data: the guide's page fills them in the same way (tools/site/guide_page.py).
LONG_DATE = "{weekday} {day}. {month} {year}"
LONG_DATETIME = "{date} kl. {hour}.{minute}"


# Which of the two a time is, in the hour that comes twice when summer time ends.
SUMMER_TIME = "sommertid"
WINTER_TIME = "vintertid"


def repeated_hour_note(moment: datetime) -> str:
    """" (sommertid)" or " (vintertid)" for a moment whose local time of day comes twice (the last Sunday of
    October, 02.00-03.00), so that "kl. 02.30" says which; else nothing."""
    local = moment.astimezone(COPENHAGEN)
    wall = local.replace(tzinfo=None)
    offsets = {wall.replace(tzinfo=COPENHAGEN, fold=fold).utcoffset() for fold in (0, 1)}
    if len(offsets) == 1:
        return ""
    return f" ({SUMMER_TIME if local.dst() else WINTER_TIME})"


def long_date(day: date) -> str:
    """``day`` as e.g. "mandag 14. oktober 2024"."""
    return LONG_DATE.format(weekday=WEEKDAYS[day.weekday()], day=day.day, month=MONTHS[day.month - 1], year=day.year)


def long_datetime(moment: datetime) -> str:
    """``moment`` in Danish local time as e.g. "mandag 14. oktober 2024 kl. 09.30"."""
    local = moment.astimezone(COPENHAGEN)
    return LONG_DATETIME.format(date=long_date(local.date()), hour=f"{local:%H}", minute=f"{local:%M}")
