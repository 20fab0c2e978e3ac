"""Run inside Pyodide: use the engine the way the page does, then write the bytecode it needs.

Sent to ``tools/runtime/run_pyodide.mjs`` by ``tools/runtime/stdlib.py``. After a full session through
``wizard.session`` (every kind of screen, an error, the result and its exports), every
standard-library module Pyodide has imported so far (start-up, package loading and the
engine), apart from those frozen into the interpreter, is compiled by this very interpreter,
so the bytecode matches the runtime, and written as unchecked hash-based .pyc files, stored
uncompressed, to /mnt/host/python_stdlib.zip. The engine's
own modules are compiled the same way, without their modules' and functions' docstrings, into
/mnt/host/engine/ (``wizard/session.pyc`` beside where ``session.py`` was), to replace the sources
in the browser's wheel, as Pyodide's own packages do.
"""

import ast
import importlib.util
import os
import sys
import zipfile
from datetime import UTC, datetime

import wizard
from wizard.questions import form_values
from wizard.session import Session, respond

STDLIB_ZIP = "/lib/python314.zip"
OUTPUT = "/mnt/host/python_stdlib.zip"
ENGINE_OUTPUT = "/mnt/host/engine"
NOW = datetime(2024, 10, 26, 8, 0, tzinfo=UTC)
# The steps of ``tools.runtime.stdlib.PROBE_STEPS``: tools/runtime/stdlib.py writes them here, since
# inside Pyodide only the engine and the standard library can be imported.
PATH_STEPS = ()


def requests_for(steps) -> list[dict]:
    """The path's answers as the page sends them, with an error on two screens, a changed answer,
    the result, its exports, a look back, a replay of the kept steps (one refused, one unusable) and a clear."""
    requests = [{"action": "current"}, {"action": "answer", "question": "danger_now", "form": {}}]
    for question_id, value in steps:
        if question_id == "incident_at":
            requests.append({"action": "answer", "question": question_id, "form": {question_id: ["2024-13-40"]}})
        requests.append({"action": "answer", "question": question_id, "form": form_values(question_id, value)})
    return [
        *requests,
        {"action": "change", "question": "impact"},
        {"action": "answer", "question": "impact", "form": form_values("impact", 6)},
        {"action": "confirm"},
        {"action": "calendar"},
        {"action": "copy"},
        {"action": "show", "screen": "check"},
        {"action": "replay", "steps": [*requests[2:], {"action": "confirm"}, "unusable"], "anchor": "trin-result"},
        {"action": "clear"},
    ]


def exercise() -> None:
    assert PATH_STEPS, "tools/runtime/stdlib.py did not give the probe its path"
    session = Session()
    for request in requests_for(PATH_STEPS):
        respond(session, {**request, "root": "../"}, NOW)
    assert session.answers == {}, "the probe's session did not end cleared"


def stdlib_files() -> list[str]:
    prefix = STDLIB_ZIP + "/"
    # A frozen module (os, site, zipimport, ...) comes from inside the interpreter; its __file__
    # names the zip, but Python never reads that file.
    files = {
        getattr(m, "__file__", None) or ""
        for m in list(sys.modules.values())
        if getattr(getattr(m, "__spec__", None), "origin", None) != "frozen"
    }
    return sorted(f[len(prefix):] for f in files if f.startswith(prefix) and f.endswith(".py"))


def bytecode(source: bytes, filename: str, optimize: int = -1, docstrings: bool = True) -> bytes:
    """An unchecked hash-based .pyc: valid without its source and never re-validated."""
    compiled = source if docstrings else without_docstrings(source, filename)
    code = compile(compiled, filename, "exec", dont_inherit=True, optimize=optimize)
    return importlib._bootstrap_external._code_to_hash_pyc(code, importlib.util.source_hash(source), False)


def without_docstrings(source: bytes, filename: str) -> ast.Module:
    """The module without its own and its functions' docstrings, for the engine's bytecode: nothing in the
    engine reads them, and they are a tenth of its download. Its asserts stay (unlike ``-OO``), and so do
    the classes' docstrings: a dataclass without one makes one from its signature at every import."""
    tree = ast.parse(source, filename)
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef)) and ast.get_docstring(node, False):
            docstring = node.body.pop(0)
            if not node.body:
                node.body.append(ast.copy_location(ast.Pass(), docstring))
    return tree


def write_zip(names: list[str]) -> None:
    with zipfile.ZipFile(STDLIB_ZIP) as stock, zipfile.ZipFile(OUTPUT, "w") as out:
        for name in names:
            info = zipfile.ZipInfo(name + "c", date_time=(1980, 1, 1, 0, 0, 0))
            # As `python -OO` would: no docstrings or asserts in Python's own modules, a
            # quarter less to download. The engine keeps both.
            data = bytecode(stock.read(name), f"{STDLIB_ZIP}/{name}", optimize=2)
            # Stored, not deflated: Python reads each module without inflating it, and the server
            # compresses the whole archive on the way (smaller than deflating file by file).
            out.writestr(info, data, zipfile.ZIP_STORED)


def write_engine_bytecode() -> None:
    package_dir = wizard.__path__[0]
    site_packages = os.path.dirname(package_dir)
    for directory, _, names in sorted(os.walk(package_dir)):
        for name in sorted(names):
            if not name.endswith(".py"):
                continue
            path = os.path.join(directory, name)
            with open(path, "rb") as source:
                pyc = bytecode(source.read(), path, docstrings=False)
            target = os.path.join(ENGINE_OUTPUT, os.path.relpath(path, site_packages) + "c")
            os.makedirs(os.path.dirname(target), exist_ok=True)
            with open(target, "wb") as out:
                out.write(pyc)


exercise()
modules = stdlib_files()
write_zip(modules)
write_engine_bytecode()
print("\n".join(modules))
