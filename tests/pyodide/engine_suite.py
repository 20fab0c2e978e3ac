"""Run inside the shipped Pyodide: the engine's own test suite, with an audit of the engine's imports.

Sent to ``tools/runtime/run_pyodide.mjs`` (the repository mounted at /mnt/host) by
``test_engine_suite.py``, which prepends ``ARGS`` (pytest's arguments). The engine is the
shipped wheel's bytecode and the standard library the shipped trim. pytest and Hypothesis
need more of the standard library than the guide does, so Pyodide's full standard library is
put at the end of ``sys.path``, and every import made while engine code is running is checked:
it must be satisfied by the trim, the interpreter (built-in or frozen) or the shipped wheels.
Prints one JSON line last: pytest's exit code, the tests' outcomes, any import that was not, and
what the audit caught in its own check before the tests.
"""

import builtins
import importlib.machinery
import json
import os
import site
import sys
from importlib.util import resolve_name

TRIMMED = sys.path[1]
SITE_PACKAGES = site.getsitepackages()[0]
ENGINE = SITE_PACKAGES + "/wizard/"
HOST = "/mnt/host"
FULL_STDLIB = HOST + "/node_modules/pyodide/python_stdlib.zip"
TEST_WHEELS = HOST + "/.venv/pyodide-test-wheels"
SHIPPED = (TRIMMED + "/", SITE_PACKAGES + "/")

# After the shipped paths: the tests' own modules (tests.engine.*) and the test tools.
wheels = sorted(f"{TEST_WHEELS}/{name}" for name in os.listdir(TEST_WHEELS) if name.endswith(".whl"))
sys.path += [FULL_STDLIB, *wheels, HOST]


class FullStdlibSubmodules:
    """Finds submodules (importlib.resources, ...) of packages that came from the trim, for the test tools."""

    @staticmethod
    def find_spec(name, path=None, target=None):
        parent = sys.modules.get(name.rpartition(".")[0]) if "." in name else None
        extra = [p.replace(TRIMMED, FULL_STDLIB, 1) for p in getattr(parent, "__path__", []) if p.startswith(TRIMMED)]
        return importlib.machinery.PathFinder.find_spec(name, extra) if extra else None


sys.meta_path.append(FullStdlibSubmodules)

unshipped = set()
real_import = builtins.__import__


def _engine_running() -> bool:
    """Whether engine code is on the stack."""
    frame = sys._getframe(2)
    while frame is not None:
        filename = frame.f_code.co_filename
        if filename.startswith(ENGINE):
            return True
        frame = frame.f_back
    return False


def _origin(name: str) -> str | None:
    return getattr(getattr(sys.modules.get(name), "__spec__", None), "origin", None)


def audited_import(name, globals=None, locals=None, fromlist=(), level=0):
    module = real_import(name, globals, locals, fromlist, level)
    if _engine_running():
        full = resolve_name("." * level + name, (globals or {}).get("__package__")) if level else name
        names = [full.rsplit(".", i)[0] for i in range(full.count(".") + 1)]
        names += [f"{full}.{item}" for item in fromlist or () if f"{full}.{item}" in sys.modules]
        for imported in names:
            where = _origin(imported)
            if where not in (None, "built-in", "frozen") and not where.startswith(SHIPPED):
                unshipped.add(f"{imported} ({where})")
    return module


class Outcomes:
    """Counts the tests by outcome."""

    def __init__(self):
        self.counts = {"passed": 0, "failed": 0, "skipped": 0}

    def pytest_runtest_logreport(self, report):
        if report.when == "call" or report.outcome != "passed":
            self.counts[report.outcome] += 1


# The engine is imported before pytest can put the repository's sources on sys.path.
import pytest  # noqa: E402

import wizard  # noqa: E402

builtins.__import__ = audited_import
# The audit's own check: code that looks like the engine's imports a module the trim leaves out.
exec(compile("import csv", ENGINE + "audit_check.py", "exec"), {"__name__": "audit_check"})
audit_check = sorted(unshipped)
unshipped.clear()
os.chdir(HOST)
os.environ["HYPOTHESIS_STORAGE_DIRECTORY"] = "/tmp/hypothesis"  # not into the mounted repository
outcomes = Outcomes()
code = pytest.main(
    ["-p", "no:cacheprovider", "-p", "no:python_path", "--noconftest", "--import-mode=append", "-q", *ARGS],  # noqa: F821
    plugins=[outcomes],
)
builtins.__import__ = real_import
report = {"exit": int(code), "engine": wizard.__file__, **outcomes.counts}
print(json.dumps({**report, "audit_check": audit_check, "unshipped": sorted(unshipped)}))
