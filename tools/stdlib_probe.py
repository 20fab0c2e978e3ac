"""Run inside Pyodide: use the engine the way the page does, then write the stdlib it needed, compiled.

Sent to ``tools/run_pyodide.mjs`` by ``tools/stdlib.py``. After a full session through
``wizard.browser`` (every kind of screen, an error, the result and its exports), every
standard-library module Pyodide has imported so far (start-up, package loading and the
engine) is compiled by this very interpreter, so the bytecode matches the runtime, and
written as unchecked hash-based .pyc files to /mnt/host/python_stdlib.zip.
"""

import importlib.util
import sys
import zipfile
from datetime import datetime, timezone

from wizard.browser import Session, respond

STDLIB_ZIP = "/lib/python314.zip"
OUTPUT = "/mnt/host/python_stdlib.zip"
NOW = datetime(2024, 10, 26, 8, 0, tzinfo=timezone.utc)
SESSION = [
    {"action": "current"},
    {"action": "answer", "question": "danger_now", "form": {}},
    {"action": "answer", "question": "danger_now", "form": {"danger_now": ["yes"]}},
    {"action": "answer", "question": "role", "form": {"role": ["manager"]}},
    {"action": "answer", "question": "behaviours", "form": {"behaviours": ["recording", "private_info", "threats"]}},
    {"action": "answer", "question": "recording_shared", "form": {"recording_shared": ["unknown"]}},
    {"action": "answer", "question": "incident_at", "form": {"incident_at": ["2024-13-40"]}},
    {"action": "answer", "question": "incident_at", "form": {"incident_at": ["2024-10-25"], "incident_at_time": ["12:00"]}},
    {"action": "answer", "question": "outside_work_hours", "form": {"outside_work_hours": ["yes"]}},
    {"action": "answer", "question": "impact", "form": {"impact": ["unknown"]}},
    {"action": "answer", "question": "repeated", "form": {"repeated": ["unknown"]}},
    {"action": "answer", "question": "absence", "form": {"absence": ["yes"]}},
    {"action": "answer", "question": "treatment", "form": {"treatment": ["no"]}},
    {"action": "answer", "question": "wants_work_accident", "form": {"wants_work_accident": ["no"]}},
    {"action": "change", "question": "impact"},
    {"action": "answer", "question": "impact", "form": {"impact": ["6"]}},
    {"action": "confirm"},
    {"action": "calendar"},
    {"action": "copy"},
    {"action": "show", "screen": "check"},
    {"action": "clear"},
]


def exercise() -> None:
    session = Session()
    for request in SESSION:
        respond(session, {**request, "root": "../"}, NOW)
    assert session.answers == {}, "the probe's session did not end cleared"


def stdlib_files() -> list[str]:
    prefix = STDLIB_ZIP + "/"
    files = {getattr(m, "__file__", None) or "" for m in list(sys.modules.values())}
    return sorted(f[len(prefix):] for f in files if f.startswith(prefix) and f.endswith(".py"))


def write_zip(names: list[str]) -> None:
    with zipfile.ZipFile(STDLIB_ZIP) as stock, zipfile.ZipFile(OUTPUT, "w", zipfile.ZIP_DEFLATED) as out:
        for name in names:
            source = stock.read(name)
            code = compile(source, f"{STDLIB_ZIP}/{name}", "exec", dont_inherit=True)
            pyc = importlib._bootstrap_external._code_to_hash_pyc(code, importlib.util.source_hash(source), False)
            info = zipfile.ZipInfo(name + "c", date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            out.writestr(info, pyc)


exercise()
modules = stdlib_files()
write_zip(modules)
print("\n".join(modules))
