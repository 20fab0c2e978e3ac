"""The guideline's two deadlines, computed from the time of the incident and a given "now".

Registration in SafetyNet is due by a Danish calendar date; a police report within a
number of hours of absolute time, shown with the Danish offset in force when it falls
due. Arithmetic is done in UTC: Python adds hours to an aware local time on the wall
clock, which would be an hour off across a summer-time change.
"""

import math
from datetime import UTC, datetime, time, timedelta

from wizard.danish_time import long_date, long_datetime
from wizard.guideline import POLICE_REPORT_HOURS, REGISTRATION_DAYS, SECTIONS
from wizard.moments import COPENHAGEN, Moment, parse_moment, parse_now
from wizard.texts import (
    DEADLINE_LABELS,
    POLICE_REPORT_DUE_TEXT,
    POLICE_REPORT_LATEST_TEXT,
    REGISTRATION_DUE_TEXT,
)


def registration_deadline(incident: str | Moment, now: datetime) -> dict:
    """The SafetyNet registration deadline: the incident's Danish date plus the registration days.

    ``incident`` is the answers' ``incident_at`` or its parsed :class:`~wizard.contract.Moment`.
    ``due`` is that date (``YYYY-MM-DD``); it is ``overdue`` only once the day has ended in
    Danish time. ``seconds_left`` counts to the end of the day and is negative when overdue.
    """
    now = parse_now(now)
    due = _moment(incident).local_date + timedelta(days=REGISTRATION_DAYS)
    end_of_due_day = datetime.combine(due + timedelta(days=1), time(0, 0), COPENHAGEN)
    seconds_left = _seconds_between(now, end_of_due_day)
    return {
        "id": "safetynet",
        "label": DEADLINE_LABELS["safetynet"],
        "due": due.isoformat(),
        "due_text": REGISTRATION_DUE_TEXT.format(when=long_date(due)),
        "overdue": now.astimezone(COPENHAGEN).date() > due,
        "all_day": True,
        "seconds_left": seconds_left,
        "source": SECTIONS["frist"].href,
        "rule": "deadline_safetynet",
    }


def police_report_deadline(incident: str | Moment, now: datetime) -> dict:
    """The deadline for a police report: the incident instant plus the police-report hours.

    ``due`` is ISO 8601 with the Danish offset in force at that instant. A date without
    a time counts from the start of that Danish day (``counted_from_start_of_day``), the
    earliest the incident can have happened, so the deadline shown is never too late;
    ``latest`` is then the deadline counted from the end of that day. Between the two,
    only the time of day could tell, so ``overdue`` is None (undecided), never True.
    """
    now = parse_now(now)
    moment = _moment(incident)
    due = _after_hours(moment.instant)
    latest = None
    if not moment.has_time:
        latest = _after_hours(datetime.combine(moment.local_date + timedelta(days=1), time(0, 0), COPENHAGEN))
    seconds_left = _seconds_between(now, due)
    overdue = seconds_left < 0
    if overdue and latest is not None and _seconds_between(now, latest) >= 0:
        overdue = None
    return {
        "id": "police_report",
        "label": DEADLINE_LABELS["police_report"],
        "due": due.isoformat(timespec="seconds"),
        "due_text": POLICE_REPORT_DUE_TEXT.format(when=_deadline_text(due)),
        "overdue": overdue,
        "all_day": False,
        "seconds_left": seconds_left,
        "source": SECTIONS["personaleafdelingen-og-politianmeldelse"].href,
        "rule": "deadline_police_report",
        "counted_from": moment.instant.astimezone(COPENHAGEN).isoformat(timespec="seconds"),
        "counted_from_start_of_day": not moment.has_time,
        "latest": latest.isoformat(timespec="seconds") if latest else None,
        "latest_text": POLICE_REPORT_LATEST_TEXT.format(when=_deadline_text(latest)) if latest else None,
    }


def _after_hours(start: datetime) -> datetime:
    # In UTC: adding hours to an aware local time would move the wall clock across a summer-time change.
    return (start.astimezone(UTC) + timedelta(hours=POLICE_REPORT_HOURS)).astimezone(COPENHAGEN)


def _deadline_text(due: datetime) -> str:
    """A deadline in Danish; midnight is the end of the day before ("torsdag … kl. 24.00"), not "fredag kl. 00.00"."""
    local = due.astimezone(COPENHAGEN)
    if local.time() == time(0, 0):
        return f"{long_date(local.date() - timedelta(days=1))} kl. 24.00"
    return long_datetime(local)


def _moment(incident: str | Moment) -> Moment:
    return incident if isinstance(incident, Moment) else parse_moment("incident_at", incident)


def _seconds_between(start: datetime, end: datetime) -> int:
    """Whole seconds from ``start`` to ``end`` in absolute time (rounded down)."""
    return math.floor((end.astimezone(UTC) - start.astimezone(UTC)).total_seconds())
