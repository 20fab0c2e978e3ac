"""The answers contract: the keys and values an answers object may hold, and their validation.

This is the contract of ``python -m wizard evaluate`` and of :func:`wizard.evaluate`: one
JSON object with the keys in :data:`FIELDS`. :func:`validate` accepts exactly that and
returns a normalised copy; anything else raises :class:`AnswerError` with a Danish message
that names the key and says what is allowed. Times are read in Danish local time
(Europe/Copenhagen) unless they carry an offset. Where the harassment is repeated,
``incident_at`` is the first incident and ``latest_incident_at`` the latest (asked when
``repeated`` is true); a latest incident needs the first and may not lie before it.
"""

from collections.abc import Mapping
from datetime import datetime

from wizard import content
from wizard.answer_errors import AnswerError, quoted
from wizard.answer_errors import field_error as _error
from wizard.guideline import IMPACT_MAX, IMPACT_MIN
from wizard.moments import is_after, is_before, parse_moment, parse_now

UNKNOWN = "unknown"

ROLES = ("employee", "colleague", "manager")

# In the order "Hvad er der sket?" lists them: the most serious first, lawful conduct last.
BEHAVIOURS = (
    "threats",
    "private_info",
    "stalking",
    "surveillance",
    "racism",
    "accusations",
    "fake_profile",
    "video",
    "insults",
    "work_phone_messages",
    "recording",
    "access_request",
    "criticism",
)

# The answers object's keys, in the order the questions are asked.
FIELDS = (
    "danger_now",
    "role",
    "behaviours",
    "recording_shared",
    "incident_at",
    "outside_work_hours",
    "colleague_knows",
    "absence",
    "treatment",
    "wants_work_accident",
    "impact",
    "repeated",
    "latest_incident_at",
)
REQUIRED = ("role", "behaviours", "incident_at")
# The times of incidents: ``incident_at`` is the incident, or the first of repeated ones; ``latest_incident_at``
# the latest of them, asked when the harassment is repeated. Each incident's deadlines count from it.
MOMENT_FIELDS = ("incident_at", "latest_incident_at")

BOOL_FIELDS = ("danger_now", "colleague_knows")
# Questions a person may honestly not know the answer to (yet); "unknown" is allowed for these.
BOOL_OR_UNKNOWN_FIELDS = (
    "recording_shared", "outside_work_hours", "absence", "treatment", "wants_work_accident", "repeated"
)

_NOT_AN_OBJECT = content.text("messages", "answers.not_an_object")
_UNKNOWN_FIELD = content.text("messages", "answers.unknown_field")
# What each field must be: the end of the message "answers.field" that names the field.
_MUST_BE = {
    id: content.text("messages", f"field.{id}")
    for id in (
        "missing",
        "first_missing",
        "after_now",
        "before_first",
        "bool",
        "bool_or_unknown",
        "role",
        "impact",
        "behaviours",
        "behaviour_unknown",
    )
}


def validate(raw: object, now: datetime | None = None) -> dict:
    """Return the answers object ``raw`` checked and normalised, or raise :class:`AnswerError`.

    The result holds the given keys in :data:`FIELDS` order; ``behaviours`` comes back
    without repeats, in the order of :data:`BEHAVIOURS`. A ``latest_incident_at`` needs an
    ``incident_at`` (the first incident) and may not lie before it; with ``now``, neither may
    lie after ``now``.
    """
    if not isinstance(raw, Mapping):
        raise AnswerError("answers", _NOT_AN_OBJECT.format(fields=", ".join(FIELDS), value=quoted(raw)))
    for key in sorted(raw, key=str):
        if key not in FIELDS:
            raise AnswerError(str(key), _UNKNOWN_FIELD.format(field=quoted(key), fields=", ".join(FIELDS)))
    for key in REQUIRED:
        if key not in raw:
            first_missing = key == "incident_at" and "latest_incident_at" in raw
            raise _error(key, _MUST_BE["first_missing" if first_missing else "missing"], show_value=False)

    answers = {}
    for key in FIELDS:
        if key in raw:
            answers[key] = _validate_field(key, raw[key])
    check_moments(answers, now)
    return answers


def check_moments(answers: Mapping, now: datetime | None = None) -> None:
    """Refuse a time of incident after ``now`` (if given), and a latest incident before the first."""
    moments = {key: parse_moment(key, answers[key]) for key in MOMENT_FIELDS if key in answers}
    if now is not None:
        for key, moment in moments.items():
            if is_after(moment, parse_now(now)):
                raise _error(key, _MUST_BE["after_now"], answers[key])
    if len(moments) == 2 and is_before(moments["latest_incident_at"], moments["incident_at"]):
        requirement = _MUST_BE["before_first"].format(first=answers["incident_at"])
        raise _error("latest_incident_at", requirement, answers["latest_incident_at"])


def _validate_field(key: str, value: object) -> object:
    if key in BOOL_FIELDS:
        if isinstance(value, bool):
            return value
        raise _error(key, _MUST_BE["bool"], value)
    if key in BOOL_OR_UNKNOWN_FIELDS:
        if isinstance(value, bool) or value == UNKNOWN:
            return value
        raise _error(key, _MUST_BE["bool_or_unknown"].format(unknown=UNKNOWN), value)
    if key == "role":
        if isinstance(value, str) and value in ROLES:
            return value
        raise _error(key, _MUST_BE["role"].format(roles=", ".join(ROLES)), value)
    if key == "behaviours":
        return _validate_behaviours(value)
    if key == "impact":
        if value == UNKNOWN or (type(value) is int and IMPACT_MIN <= value <= IMPACT_MAX):
            return value
        raise _error(key, _MUST_BE["impact"].format(unknown=UNKNOWN), value)
    parse_moment(key, value)  # incident_at or latest_incident_at, the keys left
    return value


def _validate_behaviours(value: object) -> list:
    allowed = _MUST_BE["behaviours"].format(behaviours=", ".join(BEHAVIOURS))
    if not isinstance(value, list) or not value:
        raise _error("behaviours", allowed, value)
    for item in value:
        if not isinstance(item, str) or item not in BEHAVIOURS:
            requirement = _MUST_BE["behaviour_unknown"].format(requirement=allowed, value=quoted(item))
            raise _error("behaviours", requirement, show_value=False)
    return [b for b in BEHAVIOURS if b in value]
