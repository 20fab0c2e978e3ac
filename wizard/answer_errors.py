"""An answer the contract does not allow, and the Danish message that says so.

Shared by the answers' validation (:mod:`wizard.contract`) and the reading of times
(:mod:`wizard.moments`), so that every message names its field the same way.
"""

import json

from wizard import content
from wizard.bidi_controls import escaped_bidi_controls

_FIELD = content.text("messages", "answers.field")
_RECEIVED = content.text("messages", "answers.received")


class AnswerError(ValueError):
    """An answer, or the time of evaluation, that the contract does not allow.

    ``field`` is the answers key (or ``"now"``); ``message`` is a Danish sentence that
    names the key and says what is allowed.
    """

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field
        self.message = message


def quoted(value: object) -> str:
    """``value`` as compact JSON for a message, shortened when long."""
    try:
        text = json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError, RecursionError):
        text = type(value).__name__
    # A lone surrogate (from a JSON escape or an undecodable command-line byte) cannot be written as
    # UTF-8; show it as its escape, so the message can always be printed.
    text = text.encode("utf-8", "backslashreplace").decode("utf-8")
    # A right-to-left override would print what follows it reversed.
    text = escaped_bidi_controls(text)
    return text if len(text) <= 60 else text[:57] + "…"


def field_error(field: str, requirement: str, value: object = None, *, show_value: bool = True) -> AnswerError:
    """The error for ``field``: what it must be, and (unless ``show_value`` is false) what was given."""
    message = _FIELD.format(field=field, requirement=requirement)
    if show_value:
        message += " " + _RECEIVED.format(value=quoted(value))
    return AnswerError(field, message)
