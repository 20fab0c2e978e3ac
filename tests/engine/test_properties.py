"""Property-based tests: any JSON value in any field gives a valid result or a Danish message naming the field."""

import io
import json
import os
import subprocess
import sys
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.engine.result_schema import check_result
from wizard import AnswerError, evaluate
from wizard.__main__ import main
from wizard.contract import BEHAVIOURS, FIELDS, REQUIRED, quoted

ROOT = Path(__file__).resolve().parents[2]
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


@PROFILE
@given(key=any_key, value=any_value, delete=st.booleans())
def test_any_value_in_any_field_gives_a_result_or_names_the_field(key, value, delete):
    answers = dict(BASE)
    if delete:
        answers.pop(key, None)
    else:
        answers[key] = value
    try:
        result = evaluate(answers, NOW)
    except AnswerError as error:
        assert error.field == key
        assert_danish_naming(error.message, key, value)
    else:
        check_result(result)
        assert delete or key not in FIELDS or key in result["answers"] or key in result["ignored_answers"]


@PROFILE
@given(raw=st.one_of(json_values, st.dictionaries(any_key, any_value, max_size=len(FIELDS) + 2)))
def test_any_json_document_gives_a_result_or_names_a_field(raw):
    try:
        result = evaluate(raw, NOW)
    except AnswerError as error:
        allowed = {"answers", *REQUIRED, *(raw if isinstance(raw, dict) else ())}
        assert error.field in allowed
        if error.field != "answers":
            assert_danish_naming(error.message, error.field, raw.get(error.field))
        else:
            assert_danish(error.message, raw)
    else:
        check_result(result)


def run_cli(argv, stdin: bytes) -> tuple[int, bytes, bytes]:
    out, err = io.BytesIO(), io.BytesIO()
    status = main(argv, stdin=io.BytesIO(stdin), stdout=out, stderr=err)
    return status, out.getvalue(), err.getvalue()


@PROFILE
@given(key=any_key, value=any_value)
def test_cli_gives_json_or_exit_2_naming_the_field(key, value):
    answers = {**BASE, key: value}
    status, out, err = run_cli(["evaluate", "-", "--now", NOW], json.dumps(answers).encode())
    if status == 0:
        assert err == b""
        check_result(json.loads(out))
    else:
        assert status == 2 and out == b""
        message = err.decode("utf-8")
        assert message.startswith("Fejl: ")
        assert_danish_naming(message, key, value)


@PROFILE
@given(data=st.one_of(st.binary(max_size=200), st.text(max_size=200).map(str.encode)))
def test_cli_with_any_bytes_gives_json_or_a_danish_message(data):
    status, out, err = run_cli(["evaluate", "-", "--now", NOW], data)
    if status == 0:
        check_result(json.loads(out))
    else:
        assert status == 2 and out == b""
        message = err.decode("utf-8")
        assert message.startswith("Fejl: ")
        assert_danish(message)


@PROFILE
@given(now=st.one_of(st.text(max_size=40), near_values.filter(lambda v: isinstance(v, str))))
def test_cli_with_any_now_gives_json_or_names_now(now):
    status, out, err = run_cli(["evaluate", "-", f"--now={now}"], json.dumps(BASE).encode())
    if status == 0:
        check_result(json.loads(out))
    else:
        assert status == 2 and out == b""
        message = err.decode("utf-8")
        assert '"now"' in message or '"incident_at"' in message
        assert_danish(message, now)


@settings(max_examples=25, deadline=None)
@given(key=any_key, value=any_value)
def test_cli_subprocess_never_shows_a_traceback(key, value):
    proc = subprocess.run(
        [sys.executable, "-m", "wizard", "evaluate", "-", "--now", NOW],
        input=json.dumps({**BASE, key: value}).encode(),
        capture_output=True,
        cwd=ROOT,
    )
    assert proc.returncode in (0, 2)
    assert b"Traceback" not in proc.stderr
    if proc.returncode == 2:
        assert proc.stdout == b"" and quoted(key).encode() in proc.stderr
