"""Run Python inside the Pyodide that the built site ships, in Node.js."""

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import require
from tools.runtime.bundle import PYODIDE_DIR
from tools.runtime.stdlib import runtime_env

HARNESS = Path(__file__).resolve().parents[2] / "tools" / "runtime" / "run_pyodide.mjs"


class ShippedPyodide:
    """The built site's Pyodide runtime, lockfile and trimmed standard library, run with Node.js."""

    def __init__(self, site_dir: Path):
        self.pyodide_dir = next(site_dir.glob("assets/pyodide/*/pyodide.mjs")).parent
        self.lockfile = next(site_dir.glob("assets/wizard/*/pyodide-lock.json"))
        self.stdlib = self.lockfile.with_name("python_stdlib.zip")

    def run(self, program: str, timeout: float = 300, mount: Path | None = None) -> str:
        """Run ``program`` as the guide runs the engine and return its output; fail with its errors.

        ``mount`` is a host directory the program can read and write as /mnt/host.
        """
        args = [
            "node", str(HARNESS), f"{self.pyodide_dir}/", str(self.lockfile),
            "--stdlib", str(self.stdlib), "--env", json.dumps(runtime_env(PYODIDE_DIR)),
        ]
        if mount is not None:
            args += ["--mount", str(mount)]
        proc = subprocess.run(args, input=program, capture_output=True, text=True, timeout=timeout)
        assert proc.returncode == 0, f"Pyodide run failed:\n{proc.stderr[-4000:]}"
        return proc.stdout

    def run_json(self, program: str, **kwargs) -> object:
        """Run ``program``, which prints one JSON document, and return it parsed."""
        return json.loads(self.run(program, **kwargs))


@pytest.fixture(scope="session")
def shipped_pyodide(site_dir):
    require(shutil.which("node") is not None, "Node.js (node)")
    return ShippedPyodide(site_dir)
