"""The browser shell's JavaScript, tested without a browser: ``node --test tests/js/`` on cases the engine made.

``tests/js/fixtures.py`` writes the cases (the flow table and where the engine's flow leads, readers' steps
with the engine's screens, the countdown's words and deadlines at later moments); the JavaScript must
say what the engine says for each. A failing ``node --test`` fails this test, with its report.
"""

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import ROOT, require
from tests.js.fixtures import fixtures

pytestmark = pytest.mark.node

JS_TESTS = ROOT / "tests" / "js"


def test_the_shell_says_what_the_engine_says(tmp_path: Path):
    require(shutil.which("node") is not None, "Node.js (node)")
    cases = tmp_path / "engine-cases.json"
    cases.write_text(json.dumps(fixtures(), ensure_ascii=False), encoding="utf-8")
    proc = subprocess.run(
        ["node", "--test", "--test-reporter=tap", str(JS_TESTS)],
        cwd=ROOT,
        env={**os.environ, "GUIDE_ENGINE_CASES": str(cases)},
        capture_output=True,
        text=True,
        timeout=300,
    )
    report = proc.stdout + proc.stderr
    assert proc.returncode == 0, report[-6000:]
    passed = int(re.search(r"^# pass (\d+)$", report, re.M)[1])
    files = len(list(JS_TESTS.glob("*.test.mjs")))
    assert passed >= 3 * files and re.search(r"^# fail 0$", report, re.M), report[-3000:]
