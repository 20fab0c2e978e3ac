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


def long_date(day: date) -> str:
    """``day`` as e.g. "mandag 14. oktober 2024"."""
    return f"{WEEKDAYS[day.weekday()]} {day.day}. {MONTHS[day.month - 1]} {day.year}"


def long_datetime(moment: datetime) -> str:
    """``moment`` in Danish local time as e.g. "mandag 14. oktober 2024 kl. 09.30"."""
    local = moment.astimezone(COPENHAGEN)
    return f"{long_date(local.date())} kl. {local:%H.%M}"
