"""Answers for the property-based tests: any JSON value, values near the contract's edges, and what a Danish
message must (not) say. Shared by the engine's properties and the command line's."""

import os

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from wizard.contract import BEHAVIOURS, FIELDS, quoted

NOW = "2024-10-20T12:00+02:00"
BASE = {
    "danger_now": False,
    "role": "manager",
    "behaviours": ["recording", "threats"],
    "recording_shared": True,
    "incident_at": "2024-10-14T09:30",
    "outside_work_hours": False,
    "impact": 6,
    "repeated": "unknown",
    "absence": False,
    "treatment": True,
    "wants_work_accident": False,
}
ENGLISH = ("Traceback", "Error", "error:", "invalid", "expected", "usage")
# Modest by default so the suite stays fast; set ENGINE_EXAMPLES=5000 for a deeper search.
EXAMPLES = int(os.environ.get("ENGINE_EXAMPLES", "200"))
PROFILE = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=30),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=12,
)
# Values close to the allowed ones, so the properties also meet the edges of the contract.
near_values = st.one_of(
    st.sampled_from(
        [True, False, "unknown", "Ved ikke", "yes", 0, 1, 5, 6, 10, 11, 5.0, "5", "employee", "colleague", "boss"]
    ),
    st.lists(st.sampled_from([*BEHAVIOURS, "other", 3]), max_size=5),
    st.dates().map(lambda d: d.isoformat()),
    st.datetimes().map(lambda d: d.isoformat(timespec="minutes")),
    st.sampled_from(["2024-10-20", "2024-10-21", "2024-10-20T14:00", "2024-10-20T14:01", "2024-03-31T02:30"]),
)
any_value = st.one_of(json_values, near_values)
any_key = st.one_of(st.sampled_from(FIELDS), st.text(max_size=12))


def assert_danish(message: str, *echoed: object) -> None:
    """No English in ``message`` apart from the user's own input that it quotes back."""
    for value in echoed:
        message = message.replace(quoted(value), "")
    assert not any(word in message for word in ENGLISH), message


def assert_danish_naming(message: str, field: str, value: object = None) -> None:
    assert quoted(field) in message, message
    assert_danish(message, field, value)
