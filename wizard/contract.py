"""The answers contract: the keys and values an answers object may hold, and their validation.

This is the contract of ``python -m wizard evaluate`` and of :func:`wizard.evaluate`: one
JSON object with the keys in :data:`FIELDS`. :func:`validate` accepts exactly that and
returns a normalised copy; anything else raises :class:`AnswerError` with a Danish message
that names the key and says what is allowed. Times are read in Danish local time
(Europe/Copenhagen) unless they carry an offset.
"""

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

from wizard.guideline import IMPACT_MAX, IMPACT_MIN

COPENHAGEN = ZoneInfo("Europe/Copenhagen")

UNKNOWN = "unknown"

ROLES = ("employee", "colleague", "manager")

BEHAVIOURS = (
    "criticism",
    "access_request",
    "recording",
    "insults",
    "accusations",
    "private_info",
    "racism",
    "threats",
    "stalking",
    "fake_profile",
    "work_phone_messages",
    "surveillance",
)

# The answers object's keys, in the order the questions are asked.
FIELDS = (
    "danger_now",
    "role",
    "behaviours",
    "recording_shared",
    "incident_at",
    "outside_work_hours",
    "impact",
    "repeated",
    "absence",
    "treatment",
    "wants_work_accident",
)
REQUIRED = ("role", "behaviours", "incident_at")

BOOL_FIELDS = ("danger_now", "outside_work_hours")
# Questions a person may honestly not know the answer to; "unknown" is allowed for these. Only the
# employee knows the last three for sure, and a colleague or a manager may not have asked yet.
BOOL_OR_UNKNOWN_FIELDS = ("recording_shared", "repeated", "absence", "treatment", "wants_work_accident")

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

_ALLOWED_FORMS = (
    'en dato som "2024-10-14", en dato og et dansk klokkeslæt som "2024-10-14T09:30" '
    'eller et tidspunkt med tidszone som "2024-10-14T09:30+02:00"'
)


class AnswerError(ValueError):
    """An answer, or the time of evaluation, that the contract does not allow.

    ``field`` is the answers key (or ``"now"``); ``message`` is a Danish sentence that
    names the key and says what is allowed.
    """

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field
        self.message = message


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


def quoted(value: object) -> str:
    """``value`` as compact JSON for a message, shortened when long."""
    try:
        text = json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError, RecursionError):
        text = type(value).__name__
    # A lone surrogate (from a JSON escape or an undecodable command-line byte) cannot be written as
    # UTF-8; show it as its escape, so the message can always be printed.
    text = text.encode("utf-8", "backslashreplace").decode("utf-8")
    return text if len(text) <= 60 else text[:57] + "…"


def _error(field: str, requirement: str, value: object = None, *, show_value: bool = True) -> AnswerError:
    got = f" Modtog {quoted(value)}." if show_value else ""
    return AnswerError(field, f'Feltet "{field}" {requirement}.{got}')


def parse_moment(field: str, value: object) -> Moment:
    """Read a date, a Danish local date and time, or an ISO time with offset."""
    match = _DATE_TIME.fullmatch(value) if isinstance(value, str) else None
    if match is None:
        raise _error(field, f"skal være {_ALLOWED_FORMS}", value)
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
            tz = timezone.utc if offset == "Z" else _offset(offset)
    except ValueError:
        raise _error(field, "skal være en dato og et klokkeslæt, der findes", value) from None
    if not EARLIEST_DATE <= day <= LATEST_DATE:
        raise _error(
            field,
            f"skal være en dato fra {EARLIEST_DATE.isoformat()} til {LATEST_DATE.isoformat()}",
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
    return aware.astimezone(timezone.utc).astimezone(COPENHAGEN).replace(tzinfo=None) != naive


def _local_moment(field: str, value: object, naive: datetime, has_time: bool) -> Moment:
    # fold=0 is the earlier of two occurrences of a repeated local time (PEP 495).
    first = naive.replace(tzinfo=COPENHAGEN, fold=0)
    second = naive.replace(tzinfo=COPENHAGEN, fold=1)
    if skipped_by_summer_time(naive):
        raise _error(
            field,
            "har et klokkeslæt, der ikke findes i dansk tid den dag, fordi uret blev stillet en time frem "
            "til sommertid; angiv klokkeslættet efter omstillingen",
            value,
        )
    return Moment(first, naive.date(), has_time, ambiguous=first.utcoffset() != second.utcoffset())


def parse_now(value: object) -> datetime:
    """The time of evaluation as a timezone-aware datetime; a string is read like ``incident_at``."""
    if isinstance(value, datetime):
        if value.tzinfo is None or value.utcoffset() is None:
            raise AnswerError("now", 'Feltet "now" skal have en tidszone, fx "2024-10-14T09:30+02:00".')
        if not EARLIEST_DATE <= value.astimezone(timezone.utc).date() <= LATEST_DATE:
            raise _error(
                "now",
                f"skal ligge fra {EARLIEST_DATE.isoformat()} til {LATEST_DATE.isoformat()}",
                value.isoformat(),
            )
        return value
    return parse_moment("now", value).instant


def validate(raw: object, now: datetime | None = None) -> dict:
    """Return the answers object ``raw`` checked and normalised, or raise :class:`AnswerError`.

    The result holds the given keys in :data:`FIELDS` order; ``behaviours`` comes back
    without repeats, in the order of :data:`BEHAVIOURS`. With ``now``, an ``incident_at``
    after ``now`` is refused.
    """
    if not isinstance(raw, Mapping):
        raise AnswerError(
            "answers", f"Svarene skal være et JSON-objekt med felterne {', '.join(FIELDS)}. Modtog {quoted(raw)}."
        )
    for key in sorted(raw, key=str):
        if key not in FIELDS:
            raise AnswerError(str(key), f"Feltet {quoted(key)} kendes ikke. Tilladte felter: {', '.join(FIELDS)}.")
    for key in REQUIRED:
        if key not in raw:
            raise _error(key, "mangler; det skal altid udfyldes", show_value=False)

    answers = {}
    for key in FIELDS:
        if key in raw:
            answers[key] = _validate_field(key, raw[key])
    if now is not None and is_after(parse_moment("incident_at", answers["incident_at"]), parse_now(now)):
        raise _error("incident_at", "må ikke ligge efter tidspunktet for vurderingen (nu)", answers["incident_at"])
    return answers


def is_after(moment: Moment, now: datetime) -> bool:
    """Whether ``moment`` lies after ``now``; a date without a time only if it is a later Danish date."""
    if not moment.has_time:
        return moment.local_date > now.astimezone(COPENHAGEN).date()
    return moment.instant.astimezone(timezone.utc) > now.astimezone(timezone.utc)


def _validate_field(key: str, value: object) -> object:
    if key in BOOL_FIELDS:
        if isinstance(value, bool):
            return value
        raise _error(key, "skal være true (ja) eller false (nej)", value)
    if key in BOOL_OR_UNKNOWN_FIELDS:
        if isinstance(value, bool) or value == UNKNOWN:
            return value
        raise _error(key, f'skal være true (ja), false (nej) eller "{UNKNOWN}" (ved ikke)', value)
    if key == "role":
        if isinstance(value, str) and value in ROLES:
            return value
        raise _error(key, f"skal være en af {', '.join(ROLES)}", value)
    if key == "behaviours":
        return _validate_behaviours(value)
    if key == "impact":
        if value == UNKNOWN or (type(value) is int and IMPACT_MIN <= value <= IMPACT_MAX):
            return value
        raise _error(
            key, f'skal være et helt tal fra {IMPACT_MIN} til {IMPACT_MAX} eller "{UNKNOWN}" (ved ikke)', value
        )
    parse_moment(key, value)  # incident_at, the one key left
    return value


def _validate_behaviours(value: object) -> list:
    allowed = f"skal være en liste med mindst én af {', '.join(BEHAVIOURS)}"
    if not isinstance(value, list) or not value:
        raise _error("behaviours", allowed, value)
    for item in value:
        if not isinstance(item, str) or item not in BEHAVIOURS:
            raise _error("behaviours", f"{allowed}; {quoted(item)} er ikke en af dem", show_value=False)
    return [b for b in BEHAVIOURS if b in value]
