"""Reminders for the weeks after the incident, offered beside the deadlines in the calendar file.

The guideline says that the leader follows up on the employee's wellbeing in the time after the incident
(its sentence is ``quote.follow_up`` in content/texts/case.yaml), and that a police report may be made; it
says neither when to follow up nor when to ask the police how a report stands. The times here are the guide's
suggestion, and every reminder says so. A reminder is offered where the reader's
own steps hold the task it belongs to, and only while its time lies ahead.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta

from wizard import content
from wizard.danish_time import long_datetime
from wizard.moments import parse_moment
from wizard.texts import entry
from wizard.working_days import working_morning


@dataclass(frozen=True)
class Reminder:
    """A reminder ``days`` after the day of the latest incident, offered where the reader's steps hold
    ``step``; ``chosen`` says whether it goes into the calendar until the reader says otherwise."""

    id: str
    days: int
    step: str
    chosen: bool


REMINDERS = (
    Reminder("wellbeing_week", 7, "care", True),
    Reminder("wellbeing_month", 28, "care", True),
    Reminder("police_status", 21, "police_report", False),
)
REMINDER_IDS = tuple(reminder.id for reminder in REMINDERS)
# The reminders of the leader's follow-up on wellbeing, which the guideline's sentence on it goes with.
FOLLOW_UP_REMINDERS = tuple(reminder.id for reminder in REMINDERS if reminder.step == "care")

LABELS = {id: content.text("case", f"reminder.{id}") for id in REMINDER_IDS}
# A reminder's name with its date and time, where the reader chooses it.
WHEN = content.text("case", "reminder.when")
TEXTS = {id: content.text("case", f"reminder.{id}.text") for id in REMINDER_IDS}
# The guideline's sentence on following up, and the word that the times are the guide's.
FOLLOW_UP = entry("case", "quote.follow_up")
SUGGESTED = entry("case", "reminder.suggested")


def reminder_at(answers: Mapping, days: int) -> datetime:
    """``days`` after the day of the latest incident, at the start of the working day (a weekend or a public
    holiday moves on: :mod:`wizard.working_days`)."""
    latest = answers.get("latest_incident_at") or answers["incident_at"]
    return working_morning(parse_moment("incident_at", latest).local_date + timedelta(days=days))


def offered(result: Mapping, now: datetime) -> list[dict]:
    """The reminders the result offers, as ``{id, at, label, when, text, chosen}``: those whose task is among the
    reader's steps and whose time lies after ``now`` (``when`` is the label with the date and time)."""
    steps = {step["id"] for step in result["steps"]}
    found = []
    for reminder in REMINDERS:
        at = reminder_at(result["answers"], reminder.days)
        if reminder.step in steps and at > now:
            found.append(
                {
                    "id": reminder.id,
                    "at": at.isoformat(),
                    "label": LABELS[reminder.id],
                    "when": WHEN.format(label=LABELS[reminder.id], when=long_datetime(at)),
                    "text": TEXTS[reminder.id],
                    "chosen": reminder.chosen,
                }
            )
    return found


def chosen(result: Mapping, now: datetime, case: Mapping) -> list[dict]:
    """The offered reminders the reader chose (``case["reminders"]``), or those chosen by default."""
    picked = case.get("reminders")
    return [r for r in offered(result, now) if (r["chosen"] if picked is None else r["id"] in picked)]
