"""The command line as a subprocess: ``python -m wizard evaluate FILE|- [--now ISO-8601]``."""

import json
import os
import re
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tests.engine.result_schema import check_result
from tests.engine.scenarios import SCENARIOS
from tests.harness import answer_paths
from wizard import content, evaluate
from wizard.__main__ import MAX_INPUT_BYTES

ROOT = Path(__file__).resolve().parents[2]
# A reader's whole path, as the guide would hand it to the engine: threats at noon on 25 October 2024.
ANSWERS = answer_paths.answers(answer_paths.MANAGER_THREATENED_AT_WORK)
ENGLISH = re.compile(r"\b(Traceback|usage|error|argument|arguments|invalid|expected|required)\b", re.I)


def cli(*args, stdin: bytes = b"", env=None):
    return subprocess.run(
        [sys.executable, "-m", "wizard", *args],
        input=stdin,
        capture_output=True,
        cwd=ROOT,
        env={**os.environ, **(env or {})},
    )


def assert_refused(proc, *words):
    message = proc.stderr.decode("utf-8")
    assert proc.returncode == 2, message
    assert proc.stdout == b""
    assert message.startswith("Fejl: ")
    for word in words:
        assert word in message, message
    assert not ENGLISH.search(message), message


def test_evaluate_file(tmp_path):
    path = tmp_path / "svar.json"
    path.write_text(json.dumps(ANSWERS), encoding="utf-8")
    proc = cli("evaluate", str(path), "--now", "2024-10-26T09:00")
    assert proc.returncode == 0 and proc.stderr == b""
    result = json.loads(proc.stdout.decode("utf-8"))
    check_result(result)
    # The first incident's 72 hours, across the end of summer time; the latest incident's count from its own time.
    due = {d["id"]: d["due"] for d in result["deadlines"]}
    assert due["police_report_first"] == "2024-10-28T11:00:00+01:00"
    assert due["police_report"] == "2024-10-28T16:45:00+01:00"
    assert "æ" in proc.stdout.decode("utf-8") or "ø" in proc.stdout.decode("utf-8")  # ensure_ascii=False
    assert proc.stdout.startswith(b'{\n  "rules_version"')  # indent=2


@pytest.mark.parametrize("scenario", SCENARIOS[:4], ids=lambda s: s["name"])
def test_stdin_gives_the_same_result_as_the_library(scenario):
    proc = cli("evaluate", "-", "--now", scenario["now"], stdin=json.dumps(scenario["answers"]).encode())
    assert proc.returncode == 0
    assert json.loads(proc.stdout) == evaluate(scenario["answers"], scenario["now"])


def test_without_now_uses_the_current_time():
    before = datetime.now(UTC).replace(microsecond=0)
    proc = cli("evaluate", "-", stdin=json.dumps(ANSWERS).encode())
    after = datetime.now(UTC) + timedelta(seconds=1)
    assert proc.returncode == 0
    evaluated_at = datetime.fromisoformat(json.loads(proc.stdout)["evaluated_at"])
    assert before <= evaluated_at <= after
    assert json.loads(proc.stdout)["deadlines"][1]["overdue"] is True


def test_output_is_utf8_whatever_the_locale():
    ascii_locale = {"LC_ALL": "C", "PYTHONIOENCODING": "ascii"}
    proc = cli("evaluate", "-", "--now", "2024-10-26", stdin=json.dumps(ANSWERS).encode(), env=ascii_locale)
    assert proc.returncode == 0
    assert "Kan være strafbar" in proc.stdout.decode("utf-8")


@pytest.mark.parametrize(
    "answers, field",
    [
        ({**ANSWERS, "impact": 11}, "impact"),
        ({**ANSWERS, "impact": "høj"}, "impact"),
        ({**ANSWERS, "role": "chef"}, "role"),
        ({**ANSWERS, "colour": "blue"}, "colour"),
        ({"role": "employee", "behaviours": ["threats"]}, "incident_at"),
        ({**ANSWERS, "incident_at": "2024-10-27T12:00"}, "incident_at"),  # after --now
        ({**ANSWERS, "latest_incident_at": "2024-10-26T09:01"}, "latest_incident_at"),  # after --now
        ({**ANSWERS, "latest_incident_at": "2024-10-25T11:59"}, "latest_incident_at"),  # before the first
        ({k: v for k, v in ANSWERS.items() if k != "incident_at"}, "incident_at"),  # the first left out
        ({**ANSWERS, "incident_at": "2024-03-31T02:15"}, "incident_at"),
        ([ANSWERS], "answers"),
    ],
)
def test_bad_answers_exit_2_naming_the_field(answers, field):
    proc = cli("evaluate", "-", "--now", "2024-10-26T09:00", stdin=json.dumps(answers).encode())
    assert_refused(proc, f'"{field}"' if field != "answers" else "JSON-objekt")


@pytest.mark.parametrize(
    "stdin, words",
    [
        (b"", ["ikke gyldig JSON", "linje 1"]),
        (b'{"role": "employee",', ["ikke gyldig JSON"]),
        (b'{"role": "employee", "impact": NaN}', ["NaN"]),
        (b'{"role": "employee", "role": "manager"}', ['"role"', "mere end én gang"]),
        (b"\xff\xfe{}", ["UTF-8"]),
        (b"[" * 100_000, ["indlejret"]),
        (b'{"impact": ' + b"9" * 5000 + b"}", ["for stort"]),
    ],
)
def test_unreadable_input_exits_2_in_danish(stdin, words):
    assert_refused(cli("evaluate", "-", "--now", "2024-10-26", stdin=stdin), *words)


def test_utf8_with_byte_order_mark_is_read():
    proc = cli("evaluate", "-", "--now", "2024-10-26", stdin="\ufeff".encode() + json.dumps(ANSWERS).encode())
    assert proc.returncode == 0


def test_missing_file_and_directory(tmp_path):
    assert_refused(cli("evaluate", str(tmp_path / "findes-ikke.json")), "findes ikke")
    assert_refused(cli("evaluate", str(tmp_path)), "mappe")


@pytest.mark.parametrize(
    "args, words",
    [
        ([], ["Mangler: KOMMANDO", "Brug:"]),
        (["vurder"], ['Ukendt kommando "vurder"', "Brug:"]),
        (["evaluate"], ["Mangler: FIL"]),
        (["evaluate", "-", "--now"], ["--now skal efterfølges af en værdi"]),
        (["evaluate", "-", "ekstra"], ["Ukendte argumenter: ekstra"]),
        (["evaluate", "-", "--then", "x"], ["Ukendte argumenter"]),
        (["evaluate", "-", "--now", "i morgen"], ['"now"']),
        (["evaluate", "-", "--now", "2024-10-26T25:00"], ['"now"', "findes"]),
    ],
)
def test_command_line_errors_are_danish(args, words):
    assert_refused(cli(*args, stdin=json.dumps(ANSWERS).encode()), *words)


@pytest.mark.parametrize("args", [["--help"], ["evaluate", "--help"], ["-h"]])
def test_help_is_danish(args):
    proc = cli(*args)
    assert proc.returncode == 0
    text = proc.stdout.decode("utf-8")
    assert text.startswith("Brug: python -m wizard evaluate FIL|- [--now ISO-8601]")
    assert "usage" not in text and "show this help" not in text


# --- Input that cannot be written back as UTF-8 ---------------------------------------------------------------


def cli_bytes(*args: bytes, stdin: bytes = b""):
    """The command line with arguments as raw bytes, as a shell passes a name that is not UTF-8."""
    return subprocess.run([os.fsencode(sys.executable), b"-m", b"wizard", *args], input=stdin, capture_output=True,
                          cwd=ROOT)


@pytest.mark.parametrize(
    "document, field",
    [
        (b'{"role": "\\ud800", "behaviours": ["threats"], "incident_at": "2024-10-25"}', "role"),
        (b'{"role": "employee", "behaviours": ["\\udfff"], "incident_at": "2024-10-25"}', "behaviours"),
        (b'{"role": "employee", "behaviours": ["threats"], "incident_at": "2024-10-25\\ud83d"}', "incident_at"),
        (b'{"\\ud800": 1, "role": "employee", "behaviours": ["threats"], "incident_at": "2024-10-25"}', "\\ud800"),
    ],
)
def test_a_lone_surrogate_in_a_value_exits_2_naming_the_field(document, field):
    proc = cli("evaluate", "-", "--now", "2024-10-26", stdin=document)
    assert_refused(proc, f'"{field}"')
    assert b"Traceback" not in proc.stderr


def test_a_bidirectional_control_in_a_value_is_echoed_as_its_escape_so_the_message_prints_in_order():
    document = {**ANSWERS, "role": "manager\u202e"}
    proc = cli("evaluate", "-", "--now", "2024-10-26", stdin=json.dumps(document, ensure_ascii=False).encode())
    assert_refused(proc, '"role"', '"manager\\u202e"')
    assert "\u202e".encode() not in proc.stderr


def test_undecodable_bytes_in_an_argument_exit_2_in_danish():
    proc = cli_bytes(b"evaluate", b"-", b"--now", b"2024-10-26\xff", stdin=json.dumps(ANSWERS).encode())
    assert_refused(proc, '"now"', "\\udcff")
    proc = cli_bytes(b"evaluate", b"-", b"ekstra\xff", stdin=json.dumps(ANSWERS).encode())
    assert_refused(proc, "Ukendte argumenter")


def test_an_undecodable_file_name(tmp_path):
    missing = os.fsencode(tmp_path) + b"/svar-\xff.json"
    assert_refused(cli_bytes(b"evaluate", missing), "findes ikke", "\\xff")
    present = os.fsencode(tmp_path) + b"/svar-\xfe.json"
    with open(present, "wb") as file:
        file.write(json.dumps(ANSWERS).encode())
    proc = cli_bytes(b"evaluate", present, b"--now", b"2024-10-26T09:00")
    assert proc.returncode == 0 and proc.stderr == b""
    check_result(json.loads(proc.stdout))


def test_endless_input_is_refused_after_the_limit_in_danish():
    # /dev/zero never ends: the command reads no further than the limit and says so.
    with open("/dev/zero", "rb") as zeros:
        proc = subprocess.run(
            [sys.executable, "-m", "wizard", "evaluate", "-"], stdin=zeros, capture_output=True, cwd=ROOT, timeout=60
        )
    assert_refused(proc, f"højst {MAX_INPUT_BYTES // 1000} kB")


def test_input_just_over_the_limit_is_refused_and_at_the_limit_is_read(tmp_path):
    padded = json.dumps(ANSWERS).encode()
    at_limit = padded + b" " * (MAX_INPUT_BYTES - len(padded))
    assert cli("evaluate", "-", "--now", "2024-10-26", stdin=at_limit).returncode == 0
    assert_refused(cli("evaluate", "-", "--now", "2024-10-26", stdin=at_limit + b" "), "for meget")


def not_written(reason: str) -> str:
    return content.text("messages", "cli.not_written").format(reason=content.text("messages", f"cli.{reason}"))


def test_a_full_disk_gives_exit_1_and_a_danish_message_not_a_traceback():
    with open("/dev/full", "wb") as full:
        proc = subprocess.run(
            [sys.executable, "-m", "wizard", "evaluate", "-", "--now", "2024-10-26"],
            input=json.dumps(ANSWERS).encode(),
            stdout=full,
            stderr=subprocess.PIPE,
            cwd=ROOT,
        )
    message = proc.stderr.decode("utf-8")
    assert proc.returncode == 1, message
    assert message == f"Fejl: {not_written('disk_full')}\n"


def test_a_closed_pipe_gives_exit_1_and_a_danish_message_not_a_traceback():
    proc = subprocess.Popen(
        [sys.executable, "-m", "wizard", "evaluate", "-", "--now", "2024-10-26"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=ROOT,
    )
    proc.stdout.close()  # the reader is gone before the result is written
    _, err = proc.communicate(json.dumps(ANSWERS).encode(), timeout=60)
    message = err.decode("utf-8")
    assert proc.returncode == 1, message
    assert message == f"Fejl: {not_written('pipe_closed')}\n"
