"""Times as the guide reads them: a date, a Danish local date and time, or an ISO time with an offset.

Danish local time is Europe/Copenhagen. A date without a time stands for the start of that
day; a local time that does not exist (clocks moved forward) is refused, and one that occurs
twice (clocks moved back) counts from the first, so a deadline counted from it is never late.
"""

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, timezone
from functools import cache
from zoneinfo import ZoneInfo

from wizard import content
from wizard.answer_errors import AnswerError
from wizard.answer_errors import field_error as _error

COPENHAGEN = ZoneInfo("Europe/Copenhagen")

# Dates outside this range are typing errors, and outside it zoneinfo falls back to local mean
# time (before 1894) or date arithmetic overflows; a clear message is better than either.
EARLIEST_DATE = date(2000, 1, 1)
LATEST_DATE = date(2999, 12, 31)

_DATE_TIME = re.compile(
    r"(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})"
    r"(?:T(?P<hour>\d{2}):(?P<minute>\d{2})(?::(?P<second>\d{2})(?:\.(?P<fraction>\d{1,6}))?)?"
    r"(?P<offset>Z|[+-]\d{2}:\d{2})?)?",
    re.ASCII,
)

_MESSAGES = {
    id: content.text("messages", id)
    for id in (
        "field.moment",
        "field.moment_exists",
        "field.moment_range",
        "field.moment_skipped",
        "now.timezone",
        "now.range",
    )
}


@dataclass(frozen=True)
class Moment:
    """A point in time as the user gave it.

    ``instant`` is timezone-aware; for a date without a time it is the start of that
    day in Danish local time. ``local_date`` is the Danish calendar date of the instant.
    ``ambiguous`` is true for a local time that occurs twice when summer time ends; the
    earlier occurrence is used, so a deadline counted from it is never too late.
    """

    instant: datetime
    local_date: date
    has_time: bool
    ambiguous: bool = False


def parse_moment(field: str, value: object) -> Moment:
    """Read a date, a Danish local date and time, or an ISO time with offset."""
    if isinstance(value, str):
        return _parse_text(field, value)  # a result reads the same times several times over
    raise _error(field, _MESSAGES["field.moment"], value)


@cache
def _parse_text(field: str, value: str) -> Moment:
    match = _DATE_TIME.fullmatch(value)
    if match is None:
        raise _error(field, _MESSAGES["field.moment"], value)
    parts = match.groupdict()
    try:
        day = date(int(parts["year"]), int(parts["month"]), int(parts["day"]))
        if parts["hour"] is None:
            clock, has_time = time(0, 0), False
        else:
            fraction = (parts["fraction"] or "").ljust(6, "0")
            clock = time(int(parts["hour"]), int(parts["minute"]), int(parts["second"] or 0), int(fraction or 0))
            has_time = True
        offset = parts["offset"]
        tz = None
        if offset is not None:
            tz = UTC if offset == "Z" else _offset(offset)
    except ValueError:
        raise _error(field, _MESSAGES["field.moment_exists"], value) from None
    if not EARLIEST_DATE <= day <= LATEST_DATE:
        raise _error(
            field,
            _MESSAGES["field.moment_range"].format(earliest=EARLIEST_DATE.isoformat(), latest=LATEST_DATE.isoformat()),
            value,
        )
    if tz is not None:
        instant = datetime.combine(day, clock, tz)
        return Moment(instant, instant.astimezone(COPENHAGEN).date(), has_time)
    return _local_moment(field, value, datetime.combine(day, clock), has_time)


def _offset(text: str) -> timezone:
    sign = -1 if text[0] == "-" else 1
    hours, minutes = int(text[1:3]), int(text[4:6])
    if minutes >= 60:
        raise ValueError(text)
    return timezone(sign * timedelta(hours=hours, minutes=minutes))


def skipped_by_summer_time(naive: datetime) -> bool:
    """Whether the Danish local time ``naive`` does not exist because clocks moved forward."""
    aware = naive.replace(tzinfo=COPENHAGEN, fold=0)
    return aware.astimezone(UTC).astimezone(COPENHAGEN).replace(tzinfo=None) != naive


def _local_moment(field: str, value: object, naive: datetime, has_time: bool) -> Moment:
    # fold=0 is the earlier of two occurrences of a repeated local time (PEP 495).
    first = naive.replace(tzinfo=COPENHAGEN, fold=0)
    second = naive.replace(tzinfo=COPENHAGEN, fold=1)
    if skipped_by_summer_time(naive):
        raise _error(field, _MESSAGES["field.moment_skipped"], value)
    return Moment(first, naive.date(), has_time, ambiguous=first.utcoffset() != second.utcoffset())


def parse_now(value: object) -> datetime:
    """The time of evaluation as a timezone-aware datetime; a string is read like ``incident_at``."""
    if isinstance(value, datetime):
        if value.tzinfo is None or value.utcoffset() is None:
            raise AnswerError("now", _MESSAGES["now.timezone"])
        if not EARLIEST_DATE <= value.astimezone(UTC).date() <= LATEST_DATE:
            raise _error(
                "now",
                _MESSAGES["now.range"].format(earliest=EARLIEST_DATE.isoformat(), latest=LATEST_DATE.isoformat()),
                value.isoformat(),
            )
        return value
    return parse_moment("now", value).instant


def is_after(moment: Moment, now: datetime) -> bool:
    """Whether ``moment`` lies after ``now``; a date without a time only if it is a later Danish date."""
    if not moment.has_time:
        return moment.local_date > now.astimezone(COPENHAGEN).date()
    return moment.instant.astimezone(UTC) > now.astimezone(UTC)


def is_before(moment: Moment, other: Moment) -> bool:
    """Whether ``moment`` surely lies before ``other``; where either is a date without a time, by Danish date."""
    if not (moment.has_time and other.has_time):
        return moment.local_date < other.local_date
    return moment.instant.astimezone(UTC) < other.instant.astimezone(UTC)
