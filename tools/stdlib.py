"""A standard library for the browser: only the modules the guide imports, compiled by Pyodide.

Pyodide ships its standard library as ``.py`` sources, so every start compiles them
again. :func:`write_compiled_stdlib` runs the pinned Pyodide in Node.js, lets
:mod:`tools.stdlib_probe` use the engine the way the page does, and keeps every
standard-library module imported by then, compiled by that same interpreter (so the
bytecode matches the runtime). The result is cached by its inputs under ``build/``.
"""

import hashlib
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HARNESS = ROOT / "tools" / "run_pyodide.mjs"
PROBE = ROOT / "tools" / "stdlib_probe.py"
CACHE = ROOT / "build" / "stdlib-cache"
STDLIB_ZIP = "python_stdlib.zip"


class StdlibError(RuntimeError):
    """The compiled standard library could not be made."""


def write_compiled_stdlib(pyodide_dir: Path, lockfile: Path, target: Path) -> None:
    """Write the trimmed, compiled standard library for ``lockfile``'s packages to ``target``."""
    cached = CACHE / f"{_cache_key(pyodide_dir, lockfile)}.zip"
    if not cached.is_file():
        _compile(pyodide_dir, lockfile, cached)
    shutil.copyfile(cached, target)


def _cache_key(pyodide_dir: Path, lockfile: Path) -> str:
    digest = hashlib.sha256()
    for path in (pyodide_dir / "package.json", pyodide_dir / STDLIB_ZIP, lockfile, PROBE, Path(__file__)):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _compile(pyodide_dir: Path, lockfile: Path, cached: Path) -> None:
    CACHE.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=CACHE) as work:
        proc = subprocess.run(
            ["node", str(HARNESS), f"{pyodide_dir}/", str(lockfile), "--mount", work],
            stdin=PROBE.open(),
            capture_output=True,
            text=True,
        )
        produced = Path(work) / STDLIB_ZIP
        if proc.returncode != 0 or not produced.is_file():
            raise StdlibError(f"kunne ikke oversætte standardbiblioteket i Pyodide:\n{proc.stderr[-3000:]}")
        # Rename into place so builds running side by side never see half a file.
        os.replace(produced, cached)
