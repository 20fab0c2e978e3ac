"""The answers contract: the keys and values an answers object may hold, and their validation.

This is the contract of ``python -m wizard evaluate`` and of :func:`wizard.evaluate`: one
JSON object with the keys in :data:`FIELDS`. :func:`validate` accepts exactly that and
returns a normalised copy; anything else raises :class:`AnswerError` with a Danish message
that names the key and says what is allowed. Times are read in Danish local time
(Europe/Copenhagen) unless they carry an offset.
"""

from collections.abc import Mapping
from datetime import datetime

from wizard import content
from wizard.answer_errors import AnswerError, quoted
from wizard.answer_errors import field_error as _error
from wizard.guideline import IMPACT_MAX, IMPACT_MIN
from wizard.moments import is_after, parse_moment, parse_now

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

_NOT_AN_OBJECT = content.text("messages", "answers.not_an_object")
_UNKNOWN_FIELD = content.text("messages", "answers.unknown_field")
# What each field must be: the end of the message "answers.field" that names the field.
_MUST_BE = {
    id: content.text("messages", f"field.{id}")
    for id in ("missing", "after_now", "bool", "bool_or_unknown", "role", "impact", "behaviours", "behaviour_unknown")
}


def validate(raw: object, now: datetime | None = None) -> dict:
    """Return the answers object ``raw`` checked and normalised, or raise :class:`AnswerError`.

    The result holds the given keys in :data:`FIELDS` order; ``behaviours`` comes back
    without repeats, in the order of :data:`BEHAVIOURS`. With ``now``, an ``incident_at``
    after ``now`` is refused.
    """
    if not isinstance(raw, Mapping):
        raise AnswerError("answers", _NOT_AN_OBJECT.format(fields=", ".join(FIELDS), value=quoted(raw)))
    for key in sorted(raw, key=str):
        if key not in FIELDS:
            raise AnswerError(str(key), _UNKNOWN_FIELD.format(field=quoted(key), fields=", ".join(FIELDS)))
    for key in REQUIRED:
        if key not in raw:
            raise _error(key, _MUST_BE["missing"], show_value=False)

    answers = {}
    for key in FIELDS:
        if key in raw:
            answers[key] = _validate_field(key, raw[key])
    if now is not None and is_after(parse_moment("incident_at", answers["incident_at"]), parse_now(now)):
        raise _error("incident_at", _MUST_BE["after_now"], answers["incident_at"])
    return answers


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
    parse_moment(key, value)  # incident_at, the one key left
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
