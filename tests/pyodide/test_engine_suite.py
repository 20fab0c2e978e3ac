"""The engine's own test suite, run inside the runtime the guide ships (Pyodide, the trimmed stdlib).

This is what proves the trim: every import the engine makes while its tests run must be
satisfied by the shipped standard library, the interpreter or the shipped wheels.
"""

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, require

RUNNER = Path(__file__).with_name("engine_suite.py")
TEST_WHEELS = ROOT / ".venv" / "pyodide-test-wheels"
# The browser has no command line: its tests stay with CPython (the command line is a shell around
# the same engine, and the browser's wheel leaves it out).
SELECTION = [
    "tests/engine",
    "--ignore=tests/engine/test_cli.py",
    "--ignore=tests/engine/test_cli_properties.py",
]


def collected_by_cpython() -> int:
    proc = subprocess.run(
        [sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider", *SELECTION],
        cwd=ROOT, capture_output=True, text=True,
    )
    return int(re.search(r"(\d+)(?:/\d+)? tests? collected", proc.stdout).group(1))


@pytest.mark.node
def test_the_engine_suite_passes_on_the_shipped_runtime_with_only_shipped_imports(shipped_pyodide):
    require(any(TEST_WHEELS.glob("pytest-*.whl")), "the test wheels for Pyodide (make install)")
    program = f"ARGS = {SELECTION!r}\n" + RUNNER.read_text()
    output = shipped_pyodide.run(program, mount=ROOT)
    report = json.loads(output.strip().splitlines()[-1])
    assert report["exit"] == 0, output[-4000:]
    assert report["engine"].startswith("/lib/python3.14/site-packages/wizard/") and report["engine"].endswith(".pyc")
    assert [entry.split()[0] for entry in report["audit_check"]] == ["csv"]  # the audit does catch
    assert report["unshipped"] == []
    assert report["failed"] == report["skipped"] == 0
    assert report["passed"] == collected_by_cpython() > 200


def _pins(path: Path) -> dict[str, str]:
    pins = re.findall(r"^([A-Za-z0-9_.-]+)==([^\s;]+)", path.read_text(), re.M)
    return {name.lower().replace("_", "-"): version for name, version in pins}


def test_the_test_tools_in_pyodide_are_the_versions_used_with_cpython():
    in_pyodide = _pins(ROOT / "pyodide-test-requirements.txt")
    with_cpython = _pins(ROOT / "requirements.txt")
    assert {"pytest", "hypothesis"} <= in_pyodide.keys()
    assert {name: with_cpython[name] for name in in_pyodide if name != "hypothesis"} == {
        name: version for name, version in in_pyodide.items() if name != "hypothesis"
    }
