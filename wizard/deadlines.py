"""The guideline's two deadlines, computed from the time of an incident and a given "now".

Registration in SafetyNet is due by a Danish calendar date; a police report within a
number of hours of absolute time, shown with the Danish offset in force when it falls
due. Arithmetic is done in UTC: Python adds hours to an aware local time on the wall
clock, which would be an hour off across a summer-time change.

Every incident has its own deadlines. Where the harassment is repeated, the guide knows the first
and the latest incident and counts each deadline from the incident it belongs to: ``incident`` is
then ``"first"`` or ``"latest"`` (the latest's deadlines keep the plain ids), else None.
"""

import math
from collections.abc import Mapping
from datetime import UTC, date, datetime, time, timedelta

from wizard.danish_time import long_date, long_datetime, repeated_hour_note
from wizard.guideline import POLICE_REPORT_HOURS, REGISTRATION_DAYS, SECTIONS
from wizard.moments import COPENHAGEN, Moment, parse_moment, parse_now
from wizard.texts import (
    DEADLINE_LABELS,
    INCIDENT_LABELS,
    POLICE_REPORT_DUE_TEXT,
    POLICE_REPORT_LATEST_TEXT,
    REGISTRATION_DUE_TEXT,
)

# Which of several incidents a deadline is counted from; None where there is one.
INCIDENTS = ("first", "latest")


def deadline_id(kind: str, incident: str | None) -> str:
    """A deadline's id: its kind ("safetynet", "police_report"), and "_first" for the first of repeated incidents."""
    return f"{kind}_first" if incident == "first" else kind


def _incident(kind: str, moment: Moment, incident: str | None) -> dict:
    """The keys every deadline has: id, kind, label, and which incident it counts from, in words."""
    if incident is not None and incident not in INCIDENTS:
        raise ValueError(f"an incident is one of {INCIDENTS}, not {incident!r}")
    when = long_datetime(moment.instant) if moment.has_time else long_date(moment.local_date)
    return {
        "id": deadline_id(kind, incident),
        "kind": kind,
        "label": DEADLINE_LABELS[kind],
        "incident": incident,
        "incident_label": INCIDENT_LABELS[incident].format(when=when) if incident else None,
    }


def registration_deadline(incident: str | Moment, now: datetime, which: str | None = None) -> dict:
    """The SafetyNet registration deadline: the incident's Danish date plus the registration days.

    ``incident`` is the answers' ``incident_at`` or its parsed :class:`~wizard.contract.Moment`;
    ``which`` says which of repeated incidents it is (:data:`INCIDENTS`).
    ``due`` is that date (``YYYY-MM-DD``); it is ``overdue`` only once the day has ended in
    Danish time. ``seconds_left`` counts to the end of the day and is negative when overdue.
    """
    now = parse_now(now)
    moment = _moment(incident)
    due = moment.local_date + timedelta(days=REGISTRATION_DAYS)
    end_of_due_day = datetime.combine(due + timedelta(days=1), time(0, 0), COPENHAGEN)
    seconds_left = _seconds_between(now, end_of_due_day)
    return {
        **_incident("safetynet", moment, which),
        "due": due.isoformat(),
        "due_text": REGISTRATION_DUE_TEXT.format(when=long_date(due)),
        "overdue": now.astimezone(COPENHAGEN).date() > due,
        "all_day": True,
        "seconds_left": seconds_left,
        "source": SECTIONS["frist"].href,
        "rule": "deadline_safetynet",
    }


def police_report_deadline(incident: str | Moment, now: datetime, which: str | None = None) -> dict:
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
        **_incident("police_report", moment, which),
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


def overdue_at(deadline: Mapping, now: datetime) -> bool | None:
    """The deadline's ``overdue`` as it stands at ``now``: True, False, or None while only a time of day could tell."""
    now = parse_now(now)
    if deadline["all_day"]:
        return now.astimezone(COPENHAGEN).date() > date.fromisoformat(deadline["due"])
    if _seconds_between(now, datetime.fromisoformat(deadline["due"])) >= 0:
        return False
    latest = deadline.get("latest")
    return None if latest and _seconds_between(now, datetime.fromisoformat(latest)) >= 0 else True


def ends_at(deadline: Mapping) -> datetime:
    """The instant a deadline runs out: a timed one at ``due``, an all-day one when its day ends."""
    if deadline["all_day"]:
        return datetime.combine(date.fromisoformat(deadline["due"]) + timedelta(days=1), time(0), COPENHAGEN)
    return datetime.fromisoformat(deadline["due"])


def _after_hours(start: datetime) -> datetime:
    # In UTC: adding hours to an aware local time would move the wall clock across a summer-time change.
    return (start.astimezone(UTC) + timedelta(hours=POLICE_REPORT_HOURS)).astimezone(COPENHAGEN)


def _deadline_text(due: datetime) -> str:
    """A deadline in Danish; midnight is the end of the day before ("torsdag … kl. 24.00"), not "fredag kl. 00.00"."""
    local = due.astimezone(COPENHAGEN)
    if local.time() == time(0, 0):
        return f"{long_date(local.date() - timedelta(days=1))} kl. 24.00"
    return long_datetime(local) + repeated_hour_note(local)


def _moment(incident: str | Moment) -> Moment:
    return incident if isinstance(incident, Moment) else parse_moment("incident_at", incident)


def _seconds_between(start: datetime, end: datetime) -> int:
    """Whole seconds from ``start`` to ``end`` in absolute time (rounded down)."""
    return math.floor((end.astimezone(UTC) - start.astimezone(UTC)).total_seconds())
