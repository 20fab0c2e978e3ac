"""A result as plain text (for an e-mail or the SafetyNet note) and as a calendar file.

The calendar file follows RFC 5545: the SafetyNet registration as an all-day event on
its last day, the police report as a timed event at its deadline, each with a reminder.
"""

from collections.abc import Mapping
from datetime import date, datetime, timedelta, timezone

from wizard import render

CALENDAR_FILENAME = "digital-chikane-frister.ics"
CALENDAR_MEDIA_TYPE = "text/calendar;charset=utf-8"
PRODUCT_ID = "-//Jobcenter og Borgerservice//Beslutningsguide digital chikane//DA"
# Reminders: the morning before an all-day deadline, and some hours before a timed one.
ALL_DAY_REMINDER = "-PT15H"
TIMED_REMINDER = "-PT12H"


def as_text(result: Mapping) -> str:
    """The result as plain Danish text, in the order of the result screen."""
    labels = result["labels"]
    lines = [render.RESULT_TITLE, render.result_stamp(result), "", render.UI["assessment"].upper()]
    for category in result["categories"]:
        lines.append(f"- {labels['categories'][category]}")
        for reason in result["reasons"].get(category, ()):
            answered = ", ".join(answer["label"] for answer in reason["answers"])
            lines.append(f"  {reason['outcome']} ({render.UI['because']} {answered})")
    for offence in result["offences"]:
        lines.append(f"  · {offence['label']} – {offence['reference']}")
    lines += ["", render.UI["deadlines"].upper()]
    if not result["deadlines"]:
        lines.append(render.UI["no_deadlines"])
    for deadline in result["deadlines"]:
        status = render.UI["overdue"] if deadline["overdue"] else ""
        lines.append(f"- {deadline['label']}: {deadline['due_text']}. {status}".rstrip())
    lines += ["", render.UI["decisions"].upper(), f"- {labels['action_plan']}", f"- {labels['work_accident']}"]
    role = labels["roles"][result["role"]].lower()
    lines += ["", render.UI["steps"].format(role=role).upper()]
    lines += [f"[ ] {step['text']}" for step in result["steps"]]
    if result["notes"]:
        lines += ["", render.UI["notes"].upper()]
        lines += [f"- {note['text']}" for note in result["notes"]]
    return "\n".join(lines) + "\n"


def note_as_text(note: object) -> str:
    """The reader's documentation note as plain text after the result, or "" when nothing is written.

    ``note`` comes from the page (``{field: text}``, see ``render.DOCUMENTATION_FIELDS``); anything else in it
    is ignored rather than refused, since it only ever adds the reader's own words to the copied text.
    """
    values = note if isinstance(note, Mapping) else {}
    lines = []
    for field, label, _, _ in render.DOCUMENTATION_FIELDS:
        value = values.get(field)
        if isinstance(value, str) and value.strip():
            text = "\n  ".join(line.rstrip() for line in value.strip().splitlines())
            lines += [f"- {render.UI[label]}", f"  {text}"]
    if not lines:
        return ""
    return "\n".join(["", render.UI["doc_note_print"].upper(), *lines]) + "\n"


def calendar_file(result: Mapping, now: datetime) -> dict:
    """The deadlines as an iCalendar file: ``{filename, mediaType, content}``."""
    stamp = now.astimezone(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODUCT_ID}", "CALSCALE:GREGORIAN", "METHOD:PUBLISH"]
    for deadline in result["deadlines"]:
        lines += _event(deadline, result, stamp)
    lines.append("END:VCALENDAR")
    content = "".join(_fold(line) + "\r\n" for line in lines)
    return {"filename": CALENDAR_FILENAME, "mediaType": CALENDAR_MEDIA_TYPE, "content": content}


def _event(deadline: Mapping, result: Mapping, stamp: str) -> list[str]:
    summary = f"Frist: {deadline['label']}"
    description = f"{deadline['label']} {deadline['due_text']}. {render.guideline_stamp()}. Regelversion {result['rules_version']}."
    if deadline["all_day"]:
        day = date.fromisoformat(deadline["due"])
        when = [
            f"DTSTART;VALUE=DATE:{day:%Y%m%d}",
            f"DTEND;VALUE=DATE:{day + timedelta(days=1):%Y%m%d}",
        ]
        reminder = ALL_DAY_REMINDER
    else:
        due = datetime.fromisoformat(deadline["due"]).astimezone(timezone.utc)
        when = [f"DTSTART:{due:%Y%m%dT%H%M%SZ}", f"DTEND:{due + timedelta(minutes=30):%Y%m%dT%H%M%SZ}"]
        reminder = TIMED_REMINDER
    return [
        "BEGIN:VEVENT",
        f"UID:{deadline['id']}-{deadline['due'].replace(':', '')}-{result['rules_version']}@beslutningsguide.invalid",
        f"DTSTAMP:{stamp}",
        *when,
        f"SUMMARY:{_escape(summary)}",
        f"DESCRIPTION:{_escape(description)}",
        "TRANSP:TRANSPARENT",
        "BEGIN:VALARM",
        "ACTION:DISPLAY",
        f"DESCRIPTION:{_escape(summary)}",
        f"TRIGGER:{reminder}",
        "END:VALARM",
        "END:VEVENT",
    ]


def _escape(text: str) -> str:
    """TEXT value escaping (RFC 5545, 3.3.11)."""
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
