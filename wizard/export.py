"""A result as plain text (for an e-mail or the SafetyNet note) and as a calendar file.

The text carries each task's status as the reader set it, then the reader's note and evidence log.
The calendar file follows RFC 5545: the SafetyNet registration as an all-day event on
its last day, the police report as a timed event at its deadline. Reminders come early:
the registration is due "as soon as possible", so its first reminder is the next
working morning, and the police report's a day ahead, then two hours ahead. The follow-up
reminders the reader chose (:mod:`wizard.reminders`) come as timed events at the guide's
suggested times, said to be the guide's suggestion.
"""

from collections.abc import Mapping
from datetime import UTC, date, datetime, timedelta

from wizard import content
from wizard.bidi_controls import without_bidi_controls
from wizard.case_input import FIELDS, PART_LABELS
from wizard.deadlines import overdue_at
from wizard.evidence_log import filled, log_lines
from wizard.moments import COPENHAGEN, parse_now
from wizard.reminders import FOLLOW_UP, FOLLOW_UP_REMINDERS, SUGGESTED
from wizard.screens import deadline_words, reasons
from wizard.screens.result import grouped
from wizard.screens.stamp import guideline_stamp, result_stamp
from wizard.screens.ui import RESULT_TITLE, UI
from wizard.step_groups import DEADLINE_OF_GROUP
from wizard.tasks import DONE, IN_PROGRESS, STATUS_LABELS
from wizard.working_days import MORNING, working_morning

CALENDAR_FILENAME = "digital-chikane-frister.ics"
CALENDAR_MEDIA_TYPE = "text/calendar;charset=utf-8"
PRODUCT_ID = "-//Jobcenter og Borgerservice//Beslutningsguide digital chikane//DA"
# Reminders relative to the deadline: the morning before an all-day one (09:00), a day and two hours
# before a timed one. The registration also gets an absolute reminder, the next working morning.
ALL_DAY_REMINDERS = ("-PT15H",)
TIMED_REMINDERS = ("-P1D", "-PT2H")
# Each event's title and description (content/texts/ui.yaml).
CALENDAR_SUMMARY = UI["calendar_summary"]
CALENDAR_SUMMARY_OVERDUE = UI["calendar_summary_overdue"]
CALENDAR_DESCRIPTION = UI["calendar_description"]
CALENDAR_STAMP = UI["calendar_stamp"]
REMINDER_SUMMARY = content.text("case", "reminder.calendar_summary")
# A reminder's event lasts half an hour, and its alarm rings when it begins.
REMINDER_MINUTES = 30
# A task's box in the text: done ticked, under way said in words.
_BOXES = {DONE: "[x] "}


def as_text(result: Mapping, now: datetime | None = None, statuses: Mapping | None = None) -> str:
    """The result as plain Danish text, in the result screen's order, every line under its own heading.

    The deadlines and the groups' headings say how they stand at ``now`` (by default when the result was
    made), with dates rather than "i morgen": the text is read later. Each task is ticked as the reader set
    its status (``statuses``: step id → status).
    """
    statuses = statuses or {}
    labels = result["labels"]
    ui = UI
    now = parse_now(result["evaluated_at"]) if now is None else now
    lines = [RESULT_TITLE, *_heading(ui["summary"])]
    if not result["deadlines"]:
        lines.append(ui["no_deadlines"])
    for deadline in deadline_words.open_first(result["deadlines"], now):
        lines += _deadline_lines(deadline, now)
    lines += _heading(ui["steps"].format(role=labels["roles"][result["role"]].lower()))
    for group, steps in grouped(result["steps"]):
        lines.append(deadline_words.group_heading(group, result["deadlines"], now, relative=False) + ":")
        lines += [_task_line(step, statuses.get(step["id"])) for step in steps]
    if result["notes"]:
        lines += _heading(ui["notes"])
        lines += [f"- {note['text']}" for note in result["notes"]]
    lines += _heading(ui["assessment"])
    for category in result["categories"]:
        lines.append(labels["categories"][category] + ":")
        pairs = reasons.category_reasons(result, category)
        if any(offence for offence, _ in pairs):
            lines.append(ui["offences_intro"])
        lines += [f"- {reasons.reason_sentence(offence, reason)}" for offence, reason in pairs]
    lines += _heading(ui["decisions"])
    for decision in ("action_plan", "work_accident"):
        lines.append(labels[decision])
        lines += [f"- {reasons.because(reason)}" for reason in result["reasons"].get(decision, ())]
    lines += ["", result_stamp(result)]
    return "\n".join(lines) + "\n"


def _task_line(step: Mapping, status: str | None) -> str:
    under_way = f" ({STATUS_LABELS[IN_PROGRESS]})" if status == IN_PROGRESS else ""
    return f"{_BOXES.get(status, '[ ] ')}{step['text']}{under_way}"


def _heading(title: str) -> list[str]:
    return ["", title.upper()]


def _deadline_lines(deadline: Mapping, now: datetime) -> list[str]:
    """A deadline in the text: when, from which incident, how late it can be, and what it means if it passed."""
    incident = f" ({deadline['incident_label']})" if deadline.get("incident_label") else ""
    lines = [f"- {deadline['label']}{incident}: {deadline['due_text']}."]
    if deadline.get("counted_from_start_of_day"):
        lines.append(f"  {UI['counted_from_day']} {deadline['latest_text']}")
    overdue = overdue_at(deadline, now)
    if overdue is True:
        lines.append(f"  {deadline_words.overdue_text(deadline)}")
    elif overdue is None:
        # How late it can be stands on the line above.
        lines.append(f"  {deadline_words.UNDECIDED}")
    return lines


def note_as_text(note: object) -> str:
    """The reader's note about the incident as plain text after the result, or "" when nothing is written.

    ``note`` is the case's note (:mod:`wizard.case_input`, ``{field: text}``); anything else in it is left out.
    """
    values = note if isinstance(note, Mapping) else {}
    lines = []
    for field in FIELDS["note"]:
        value = values.get(field.id)
        written = without_bidi_controls(value).strip() if isinstance(value, str) else ""
        if written:
            text = "\n  ".join(line.rstrip() for line in written.splitlines())
            lines += [f"- {field.label}", f"  {text}"]
    if not lines:
        return ""
    return "\n".join(["", PART_LABELS["note"].upper(), *lines]) + "\n"


def log_as_text(rows: list) -> str:
    """The evidence log as plain text after the note, or "" when no row has anything written."""
    if not filled(rows):
        return ""
    return "\n".join(["", PART_LABELS["log"].upper(), *log_lines(rows)]) + "\n"


def calendar_file(result: Mapping, now: datetime, reminders: list | tuple = ()) -> dict:
    """The deadlines, and the follow-up ``reminders`` chosen (:func:`wizard.reminders.chosen`), as an iCalendar
    file: ``{filename, mediaType, content}``."""
    stamp = now.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODUCT_ID}", "CALSCALE:GREGORIAN", "METHOD:PUBLISH"]
    for deadline in deadline_words.open_first(result["deadlines"], now):
        lines += _event(deadline, result, stamp, now)
    for reminder in reminders:
        lines += _reminder_event(reminder, result, stamp)
    lines.append("END:VCALENDAR")
    content = "".join(_fold(line) + "\r\n" for line in lines)
    return {"filename": CALENDAR_FILENAME, "mediaType": CALENDAR_MEDIA_TYPE, "content": content}


def _event(deadline: Mapping, result: Mapping, stamp: str, now: datetime) -> list[str]:
    """One deadline as an event: what is due, from which incident, the steps it dates and how it stands now."""
    label = deadline["label"] + (f" ({deadline['incident_label']})" if deadline.get("incident_label") else "")
    overdue = overdue_at(deadline, now) is True
    summary = (CALENDAR_SUMMARY_OVERDUE if overdue else CALENDAR_SUMMARY).format(label=label)
    lines = _deadline_lines(deadline, now)
    lines[0] = CALENDAR_DESCRIPTION.format(label=label, due=deadline["due_text"])
    group = next((g for g, kind in DEADLINE_OF_GROUP.items() if kind == deadline["kind"]), None)
    steps = [step["text"] for step in result["steps"] if step["group"] == group]
    if steps:
        lines.append(deadline_words.group_heading(group, [deadline], now, relative=False) + ":")
        lines += [f"- {text}" for text in steps]
    lines.append(CALENDAR_STAMP.format(guideline=guideline_stamp(), version=result["rules_version"]))
    description = "\n".join(line.strip() for line in lines)
    if deadline["all_day"]:
        day = date.fromisoformat(deadline["due"])
        when = [
            f"DTSTART;VALUE=DATE:{day:%Y%m%d}",
            f"DTEND;VALUE=DATE:{day + timedelta(days=1):%Y%m%d}",
        ]
        triggers = [f"TRIGGER:{offset}" for offset in ALL_DAY_REMINDERS]
        morning = next_working_morning(now)
        if morning.date() <= day:
            triggers.insert(0, f"TRIGGER;VALUE=DATE-TIME:{morning.astimezone(UTC):%Y%m%dT%H%M%SZ}")
    else:
        due = datetime.fromisoformat(deadline["due"]).astimezone(UTC)
        when = [f"DTSTART:{due:%Y%m%dT%H%M%SZ}", f"DTEND:{due + timedelta(minutes=30):%Y%m%dT%H%M%SZ}"]
        triggers = [f"TRIGGER:{offset}" for offset in TIMED_REMINDERS]
    alarms = []
    for trigger in triggers:
        alarms += ["BEGIN:VALARM", "ACTION:DISPLAY", f"DESCRIPTION:{_escape(summary)}", trigger, "END:VALARM"]
    return [
        "BEGIN:VEVENT",
        f"UID:{deadline['id']}-{deadline['due'].replace(':', '')}-{result['rules_version']}@beslutningsguide.invalid",
        f"DTSTAMP:{stamp}",
        *when,
        f"SUMMARY:{_escape(summary)}",
        f"DESCRIPTION:{_escape(description)}",
        "TRANSP:TRANSPARENT",
        *alarms,
        "END:VEVENT",
    ]


def _reminder_event(reminder: Mapping, result: Mapping, stamp: str) -> list[str]:
    """A follow-up reminder as a timed event at the guide's suggested time, said to be the guide's suggestion."""
    start = datetime.fromisoformat(reminder["at"]).astimezone(UTC)
    summary = REMINDER_SUMMARY.format(label=reminder["label"])
    follow_up = [FOLLOW_UP.text] if reminder["id"] in FOLLOW_UP_REMINDERS else []
    stamp_line = CALENDAR_STAMP.format(guideline=guideline_stamp(), version=result["rules_version"])
    description = "\n".join([reminder["text"], *follow_up, SUGGESTED.text, stamp_line])
    return [
        "BEGIN:VEVENT",
        f"UID:{reminder['id']}-{start:%Y%m%d}-{result['rules_version']}@beslutningsguide.invalid",
        f"DTSTAMP:{stamp}",
        f"DTSTART:{start:%Y%m%dT%H%M%SZ}",
        f"DTEND:{start + timedelta(minutes=REMINDER_MINUTES):%Y%m%dT%H%M%SZ}",
        f"SUMMARY:{_escape(summary)}",
        f"DESCRIPTION:{_escape(description)}",
        "TRANSP:TRANSPARENT",
        "BEGIN:VALARM",
        "ACTION:DISPLAY",
        f"DESCRIPTION:{_escape(summary)}",
        "TRIGGER:PT0M",
        "END:VALARM",
        "END:VEVENT",
    ]


def next_working_morning(now: datetime) -> datetime:
    """The first working day's 09:00 in Danish time after ``now`` (:mod:`wizard.working_days`)."""
    local = now.astimezone(COPENHAGEN)
    day = local.date() if local.time() < MORNING else local.date() + timedelta(days=1)
    return working_morning(day)


def _escape(text: str) -> str:
    """TEXT value escaping (RFC 5545, 3.3.11)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _fold(line: str) -> str:
    """Fold a content line at 75 octets (RFC 5545, 3.1), never inside a UTF-8 character."""
    encoded = line.encode()
    if len(encoded) <= 75:
        return line
    parts, current = [], b""
    for char in line:
        piece = char.encode()
        if len(current) + len(piece) > (75 if not parts else 74):
            parts.append(current.decode())
            current = b""
        current += piece
    parts.append(current.decode())
    return "\r\n ".join(parts)
