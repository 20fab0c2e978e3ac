"""What the reader types into the case: its parts and fields, their limits, and reading it from the page or a file.

The case is the reader's own work beside the result: each task's status, the note about the incident, the
fields of the drafts, the action plan's measures, the evidence log and which reminders to put in the calendar.
The page keeps it for the tab and sends it with every request that needs it; a saved case file carries it.
Whatever arrives is read here, as plain data the engine can trust:

- :func:`clean_case` takes anything and keeps what fits (the page's requests: nothing is refused, since only
  the reader's own words are at stake and the page's fields have the same limits);
- :func:`case_problem` says, in Danish and naming the field, why a case from a file does not fit.

Every text is plain text: it is shown as text everywhere (escaped in HTML, as a value in a field), never read
as markup. Lone surrogates (which JSON can carry) are replaced, so every reply is valid Unicode
(:func:`wizard.session_state.plain_text`).
"""

from collections.abc import Mapping
from dataclasses import dataclass

from wizard import content
from wizard.session_state import plain_text
from wizard.tasks import STATUSES


@dataclass(frozen=True)
class Field:
    """One field the reader fills in: its id, its label (and hint) on the page, and whether it takes lines."""

    id: str
    label: str
    hint: str | None = None
    long: bool = False
    choices: tuple[str, ...] = ()


def _field(part: str, id: str, *, hint: bool = False, long: bool = False, choices: tuple[str, ...] = ()) -> Field:
    label = content.text("case", f"field.{part}.{id}")
    return Field(id, label, content.text("case", f"field.{part}.{id}.hint") if hint else None, long, choices)


# A short field (a name, an address, a date) and a field that takes lines (what happened, why), in characters.
SHORT_MAX = 300
LONG_MAX = 5000
# The most rows of the action plan's measures and of the evidence log.
PLAN_MAX_ROWS = 30
LOG_MAX_ROWS = 100
# The most task statuses a case holds (every step of every role is far fewer).
STATUSES_MAX = 100
STEP_ID_MAX = 60

# Whether an item of the evidence log was reported to the platform: not said, yes, no.
REPORTED = ("", "yes", "no")

# The parts of the case made of named fields, each field in the order the page shows it.
FIELDS = {
    "note": (
        _field("note", "where", hint=True),
        _field("note", "address"),
        _field("note", "what", long=True),
        _field("note", "witnesses"),
        _field("note", "screenshots"),
    ),
    "registration": (
        _field("registration", "exposed"),
        _field("registration", "handler"),
        _field("registration", "measures", hint=True, long=True),
    ),
    "notice": (
        _field("notice", "platform", hint=True),
        _field("notice", "address", hint=True, long=True),
        _field("notice", "why", hint=True, long=True),
        _field("notice", "name"),
        _field("notice", "email"),
    ),
}
# The parts made of rows, each row of the same fields.
ROWS = {
    "plan": (_field("plan", "what", long=True), _field("plan", "who"), _field("plan", "by", hint=True)),
    "log": (
        _field("log", "address"),
        _field("log", "profile"),
        _field("log", "posted", hint=True),
        _field("log", "saved", hint=True),
        _field("log", "saved_by"),
        _field("log", "file", hint=True),
        _field("log", "reported", choices=REPORTED),
        _field("log", "reference"),
    ),
}
ROWS_MAX = {"plan": PLAN_MAX_ROWS, "log": LOG_MAX_ROWS}
# The most characters a case holds, every field and row filled to its limit.
CASE_MAX_CHARS = sum(
    (LONG_MAX if field.long else SHORT_MAX) * (ROWS_MAX[part] if part in ROWS else 1)
    for part, fields in (FIELDS | ROWS).items()
    for field in fields
)
# Each part's name in a message about it.
PART_LABELS = {part: content.text("case", f"part.{part}") for part in ("note", "registration", "notice", "plan", "log")}
# A row's name in a message about it ({n} its number).
ROW_LABELS = {part: content.text("case", f"row.{part}") for part in ROWS}
# The choices of "reported to the platform", by value.
REPORTED_LABELS = {value: content.text("case", f"field.log.reported.{value or 'unsaid'}") for value in REPORTED}

_MESSAGES = {
    key: content.text("case", f"problem.{key}")
    for key in ("not_a_case", "not_text", "too_long", "not_rows", "too_many_rows", "not_a_choice", "statuses",
                "reminders")
}


def empty_case() -> dict:
    """A case with nothing typed: the parts of fields empty, no rows, no statuses; the plan and the reminders
    not yet touched (None), so the engine's own proposal stands."""
    return {
        "statuses": {},
        **{part: {field.id: "" for field in fields} for part, fields in FIELDS.items()},
        "plan": None,
        "log": [],
        "reminders": None,
    }


def clean_case(raw: object, reminder_ids: tuple[str, ...] = ()) -> dict:
    """The case in ``raw`` as far as it fits: unknown keys left out, texts cut to their limits, rows to the
    most allowed, statuses and reminders to the known values. Never raises."""
    case = empty_case()
    if not isinstance(raw, Mapping):
        return case
    for part, fields in FIELDS.items():
        values = raw.get(part)
        if isinstance(values, Mapping):
            case[part] = {field.id: _text(values.get(field.id), field) for field in fields}
    for part, fields in ROWS.items():
        rows = raw.get(part)
        if isinstance(rows, list):
            kept = [row for row in rows if isinstance(row, Mapping)][: ROWS_MAX[part]]
            case[part] = [{field.id: _text(row.get(field.id), field) for field in fields} for row in kept]
    statuses = raw.get("statuses")
    if isinstance(statuses, Mapping):
        known = [(step, status) for step, status in statuses.items() if _step_id(step) and status in STATUSES]
        case["statuses"] = dict(known[:STATUSES_MAX])
    reminders = raw.get("reminders")
    if isinstance(reminders, list):
        case["reminders"] = [id for id in reminder_ids if id in reminders]
    return case


def case_problem(raw: object, reminder_ids: tuple[str, ...] = ()) -> str | None:
    """Why the case in ``raw`` (from a saved file) does not fit, naming the field; None when it fits.

    A part that is missing is taken as empty (a file saved before a part existed); anything present must be
    what the guide writes.
    """
    if not isinstance(raw, Mapping):
        return _MESSAGES["not_a_case"]
    for part, fields in FIELDS.items():
        values = raw.get(part, {})
        if not isinstance(values, Mapping):
            return _MESSAGES["not_a_case"]
        for field in fields:
            problem = _field_problem(values.get(field.id, ""), field, PART_LABELS[part])
            if problem:
                return problem
    for part, fields in ROWS.items():
        rows = raw.get(part)
        if rows is None:
            continue
        if not isinstance(rows, list) or not all(isinstance(row, Mapping) for row in rows):
            return _MESSAGES["not_rows"].format(part=PART_LABELS[part])
        if len(rows) > ROWS_MAX[part]:
            return _MESSAGES["too_many_rows"].format(part=PART_LABELS[part], count=len(rows), most=ROWS_MAX[part])
        for number, row in enumerate(rows, start=1):
            where = ROW_LABELS[part].format(n=number)
            for field in fields:
                problem = _field_problem(row.get(field.id, ""), field, f"{PART_LABELS[part]}, {where}")
                if problem:
                    return problem
    statuses = raw.get("statuses", {})
    if not isinstance(statuses, Mapping) or len(statuses) > STATUSES_MAX or not all(
        _step_id(step) and status in STATUSES for step, status in statuses.items()
    ):
        return _MESSAGES["statuses"]
    reminders = raw.get("reminders")
    if reminders is not None and (
        not isinstance(reminders, list) or not all(isinstance(id, str) and id in reminder_ids for id in reminders)
    ):
        return _MESSAGES["reminders"]
    return None


def _field_problem(value: object, field: Field, where: str) -> str | None:
    if not isinstance(value, str):
        return _MESSAGES["not_text"].format(field=field.label, where=where)
    if field.choices and value not in field.choices:
        return _MESSAGES["not_a_choice"].format(field=field.label, where=where)
    most = LONG_MAX if field.long else SHORT_MAX
    if len(value) > most:
        return _MESSAGES["too_long"].format(field=field.label, where=where, count=len(value), most=most)
    return None


# Control characters but the tab and line breaks: never meant by a reader, and each would take six bytes in the
# saved file (\u0001), which bounds how large a file the guide writes (wizard.case_file.MAX_BYTES).
_CONTROLS = dict.fromkeys(code for code in range(32) if chr(code) not in "\t\n\r")


def _text(value: object, field: Field) -> str:
    if not isinstance(value, str):
        return ""
    if field.choices:
        return value if value in field.choices else ""
    return plain_text(value).translate(_CONTROLS)[: LONG_MAX if field.long else SHORT_MAX]


def _step_id(step: object) -> bool:
    return isinstance(step, str) and 0 < len(step) <= STEP_ID_MAX and step.replace("_", "").isalnum()



def labelled(label: str, value: str) -> str:
    """A field's label and its value on one line: "Hvor skete det? Facebook", "Profil: @navn"."""
    return f"{label} {value}" if label.endswith("?") else f"{label}: {value}"


def has_input(case: Mapping) -> dict[str, bool]:
    """Which parts the reader has written something in (the plan once it is touched at all)."""
    written = {part: any(value.strip() for value in case[part].values()) for part in FIELDS}
    written["plan"] = case["plan"] is not None
    written["log"] = any(any(value.strip() for value in row.values()) for row in case["log"])
    return written
