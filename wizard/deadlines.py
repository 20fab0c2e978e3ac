"""The guideline's two deadlines, computed from the time of the incident and a given "now".

Registration in SafetyNet is due by a Danish calendar date; a police report within a
number of hours of absolute time, shown with the Danish offset in force when it falls
due. Arithmetic is done in UTC: Python adds hours to an aware local time on the wall
clock, which would be an hour off across a summer-time change.
"""

import math
from datetime import datetime, time, timedelta, timezone

from wizard.contract import COPENHAGEN, Moment, parse_moment, parse_now
from wizard.danish_time import long_date, long_datetime
from wizard.guideline import POLICE_REPORT_HOURS, REGISTRATION_DAYS, SECTIONS
from wizard.texts import DEADLINE_LABELS


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
        "due_text": f"senest {long_date(due)}",
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
    earliest the incident can have happened, so the deadline shown is never too late.
    """
    now = parse_now(now)
    moment = _moment(incident)
    due = (moment.instant.astimezone(timezone.utc) + timedelta(hours=POLICE_REPORT_HOURS)).astimezone(COPENHAGEN)
    seconds_left = _seconds_between(now, due)
    return {
        "id": "police_report",
        "label": DEADLINE_LABELS["police_report"],
        "due": due.isoformat(timespec="seconds"),
        "due_text": f"senest {long_datetime(due)}",
        "overdue": seconds_left < 0,
        "all_day": False,
        "seconds_left": seconds_left,
        "source": SECTIONS["personaleafdelingen-og-politianmeldelse"].href,
        "rule": "deadline_police_report",
        "counted_from": moment.instant.astimezone(COPENHAGEN).isoformat(timespec="seconds"),
        "counted_from_start_of_day": not moment.has_time,
    }


def _moment(incident: str | Moment) -> Moment:
    return incident if isinstance(incident, Moment) else parse_moment("incident_at", incident)


def _seconds_between(start: datetime, end: datetime) -> int:
    """Whole seconds from ``start`` to ``end`` in absolute time (rounded down)."""
    return math.floor((end.astimezone(timezone.utc) - start.astimezone(timezone.utc)).total_seconds())
