"""Bytecode for the browser, compiled by the pinned Pyodide itself.

Pyodide ships its standard library as ``.py`` sources, so every start compiles them
again, and so would the engine's wheel. :func:`compile_for_browser` runs the pinned
Pyodide in Node.js, lets :mod:`tools.runtime.probe` use the engine the way the page does,
and keeps every standard-library module imported by then, compiled by that same
interpreter (so the bytecode matches the runtime), plus the engine's own modules. The
result is cached by its inputs under ``build/``.
"""

import hashlib
import json
import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HARNESS = Path(__file__).with_name("run_pyodide.mjs")
PROBE = Path(__file__).with_name("probe.py")
PROBE_PATH_LINE = "PATH_STEPS = ()\n"
# The answers the probe gives, as (question id, answer) in the order asked: a manager, someone in danger, a
# recording perhaps passed on, private information and threats, impact not known, repeated (so the latest
# incident is asked too). Every kind of screen and answer the guide has (the tests walk it too, as
# answer_paths.EVERY_KIND_OF_ANSWER).
PROBE_STEPS = (
    ("danger_now", True),
    ("role", "manager"),
    ("behaviours", ["threats", "private_info", "recording"]),
    ("recording_shared", "unknown"),
    ("incident_at", "2024-10-23T12:00"),
    ("outside_work_hours", True),
    ("absence", True),
    ("treatment", False),
    ("wants_work_accident", "unknown"),
    ("impact", "unknown"),
    ("repeated", True),
    ("latest_incident_at", "2024-10-25T18:00"),
)
CACHE = ROOT / "build" / "bytecode-cache"
STDLIB_ZIP = "python_stdlib.zip"
ENGINE_DIR = "engine"


def runtime_env(pyodide_dir: Path) -> dict[str, str]:
    """Environment variables of the browser's Python.

    zoneinfo's search path points at the tzdata package's own files (Pyodide has no system
    zone files), so it reads Europe/Copenhagen directly: that spares it sysconfig's build
    data and importlib.resources, some 45 kB of the standard library to download.
    """
    python = json.loads((pyodide_dir / "pyodide-lock.json").read_text())["info"]["python"]
    major_minor = ".".join(python.split(".")[:2])
    return {"PYTHONTZPATH": f"/lib/python{major_minor}/site-packages/tzdata/zoneinfo"}


class BytecodeError(RuntimeError):
    """The bytecode could not be made."""


@dataclass(frozen=True)
class Bytecode:
    """The trimmed standard library (a zip of .pyc) and the engine's modules as .pyc files."""

    stdlib_zip: Path
    engine_dir: Path

    def engine_files(self) -> dict[str, bytes]:
        """The engine's .pyc files by their path inside the wheel."""
        return {
            path.relative_to(self.engine_dir).as_posix(): path.read_bytes()
            for path in sorted(self.engine_dir.rglob("*.pyc"))
        }


def compile_for_browser(pyodide_dir: Path, lockfile: Path) -> Bytecode:
    """Bytecode for the packages in ``lockfile`` (its wheels beside it) on the Pyodide in ``pyodide_dir``."""
    cached = CACHE / _cache_key(pyodide_dir, lockfile)
    if not (cached / STDLIB_ZIP).is_file():
        _compile(pyodide_dir, lockfile, cached)
    return Bytecode(cached / STDLIB_ZIP, cached / ENGINE_DIR)


def _cache_key(pyodide_dir: Path, lockfile: Path) -> str:
    digest = hashlib.sha256()
    for path in (pyodide_dir / "package.json", pyodide_dir / STDLIB_ZIP, lockfile, Path(__file__)):
        digest.update(path.read_bytes())
    digest.update(probe_source().encode())
    return digest.hexdigest()[:16]


def probe_source() -> str:
    """The probe with its path's steps written in: inside Pyodide it can import only the engine."""
    source = PROBE.read_text(encoding="utf-8")
    if source.count(PROBE_PATH_LINE) != 1:
        raise BytecodeError(f"{PROBE.name} has no line {PROBE_PATH_LINE.strip()!r} for its path")
    return source.replace(PROBE_PATH_LINE, f"PATH_STEPS = {PROBE_STEPS!r}\n")


def _compile(pyodide_dir: Path, lockfile: Path, cached: Path) -> None:
    CACHE.mkdir(parents=True, exist_ok=True)
    work = tempfile.mkdtemp(dir=CACHE)
    proc = subprocess.run(
        [
            "node", str(HARNESS), f"{pyodide_dir}/", str(lockfile),
            "--mount", work, "--env", json.dumps(runtime_env(pyodide_dir)),
        ],
        input=probe_source(),
        capture_output=True,
        text=True,
    )
    if proc.returncode != 0 or not (Path(work) / STDLIB_ZIP).is_file():
        raise BytecodeError(f"could not compile the Python code in Pyodide:\n{proc.stderr[-3000:]}")
    try:
        # Rename into place so builds running side by side never see half a result.
        os.replace(work, cached)
    except OSError:
        shutil.rmtree(work, ignore_errors=True)
        if not (cached / STDLIB_ZIP).is_file():
            raise
