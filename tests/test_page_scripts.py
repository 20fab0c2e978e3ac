"""The site's own page scripts outside the guide's shell (the owners' filter, the link per role, the practice
cards, the search index held on the guide's page), tested with Node.js's test runner: ``node --test`` on
tests/page_scripts/, which imports each ES module as the browser does (and runs the one plain script in a
window of its own)."""

import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import require

ROOT = Path(__file__).resolve().parents[1]
SCRIPTS = ROOT / "tests" / "page_scripts"

pytestmark = pytest.mark.node


def test_every_page_script_passes_its_node_tests():
    require(shutil.which("node") is not None, "Node.js (node)")
    files = sorted(SCRIPTS.glob("*.test.mjs"))
    assert files
    proc = subprocess.run(
        ["node", "--test", *map(str, files)], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    passed = next(line for line in proc.stdout.splitlines() if line.startswith("# pass "))
    assert int(passed.removeprefix("# pass ")) >= len(files)
