"""Property-based tests of the command line: any value in any field, any bytes and any --now give JSON or
exit 2 with a Danish message naming the field, never a traceback. CPython only: the browser has no command
line (the engine's wheel there leaves it out)."""

import io
import json
import subprocess
import sys
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.engine.answer_values import (
    BASE,
    NOW,
    PROFILE,
    any_key,
    any_value,
    assert_danish,
    assert_danish_naming,
    near_values,
)
from tests.engine.result_schema import check_result
from wizard.__main__ import main
from wizard.contract import quoted

ROOT = Path(__file__).resolve().parents[2]


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
