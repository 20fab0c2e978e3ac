"""The engine inside the shipped Pyodide gives exactly the JSON it gives under CPython.

Every test here runs on the runtime the guide ships: Pyodide with the trimmed standard
library compiled to bytecode, so a module missing from the trim fails here.
"""

import hashlib
import json
import zipfile
from pathlib import Path

import pytest

import wizard
import wizard.reminders
import wizard.session
from tests.engine.scenarios import SCENARIOS
from tests.harness.answer_paths import MANAGER_THREATENED_AT_WORK, answer_requests
from tests.pyodide.paths import replay, save_and_open
from wizard import content_data, evaluate, validate
from wizard.moments import parse_now

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.node

PROGRAM = """
import json, sys
from wizard import evaluate, validate
from wizard.moments import parse_now
scenarios = json.loads({scenarios!r})
print(json.dumps([evaluate(validate(s["answers"]), parse_now(s["now"])) for s in scenarios], ensure_ascii=False))
"""


def cpython_results():
    return [evaluate(validate(s["answers"]), parse_now(s["now"])) for s in SCENARIOS]


def test_every_scenario_gives_the_same_json_in_pyodide(shipped_pyodide):
    program = PROGRAM.format(scenarios=json.dumps(SCENARIOS))
    in_pyodide = shipped_pyodide.run_json(program)
    in_cpython = cpython_results()
    assert len(in_pyodide) == len(SCENARIOS) >= 12
    for scenario, browser, native in zip(SCENARIOS, in_pyodide, in_cpython, strict=True):
        assert json.dumps(browser, ensure_ascii=False) == json.dumps(native, ensure_ascii=False), scenario["name"]


def test_pyodide_runs_the_shipped_wheel_and_its_time_zone_data(shipped_pyodide):
    """The engine in Pyodide is the wheel from the lockfile, and Copenhagen's offsets come from tzdata.

    The browser's tzdata keeps only Copenhagen, byte for byte as in PyPI's pinned wheel.
    """
    program = """
import hashlib, json, os, sys, wizard, tzdata, zoneinfo
from datetime import datetime
cph = zoneinfo.ZoneInfo("Europe/Copenhagen")
with open(os.path.join(zoneinfo.TZPATH[0], "Europe", "Copenhagen"), "rb") as zone:
    tzif = zone.read()
print(json.dumps({
    "tzpath_is_tzdata": zoneinfo.TZPATH == (os.path.join(os.path.dirname(tzdata.__file__), "zoneinfo"),),
    "tzif": hashlib.sha256(tzif).hexdigest(),
    "platform": sys.platform,
    "wizard": wizard.__file__,
    "version": wizard.__version__,
    "winter": datetime(2024, 1, 15, 12, tzinfo=cph).isoformat(),
    "summer": datetime(2024, 7, 15, 12, tzinfo=cph).isoformat(),
}))
"""
    facts = shipped_pyodide.run_json(program)
    assert facts["platform"] == "emscripten"
    assert facts["tzpath_is_tzdata"] is True
    assert "site-packages/wizard/" in facts["wizard"]
    assert facts["version"] == wizard.__version__
    assert facts["winter"].endswith("+01:00") and facts["summer"].endswith("+02:00")
    pypi_wheel = next((ROOT / ".venv" / "browser-wheels").glob("tzdata-*.whl"))
    with zipfile.ZipFile(pypi_wheel) as wheel:
        assert facts["tzif"] == hashlib.sha256(wheel.read("tzdata/zoneinfo/Europe/Copenhagen")).hexdigest()


def test_the_browsers_engine_leaves_out_what_only_the_build_reads(shipped_pyodide):
    """No command line, no fallback renderer, no texts of the site's pages; the rules version is the same all
    the same (every scenario's JSON above carries it)."""
    program = """
import importlib.util, json
from wizard import content_data
print(json.dumps({
    "modules": [importlib.util.find_spec(name) is not None for name in ("wizard.__main__", "wizard.screens.fallback")],
    "files": sorted(content_data.TEXTS),
}))
"""
    facts = shipped_pyodide.run_json(program)
    assert facts["modules"] == [False, False]
    assert content_data.BUILD_ONLY and set(content_data.BUILD_ONLY) <= set(content_data.TEXTS)
    assert facts["files"] == sorted(set(content_data.TEXTS) - set(content_data.BUILD_ONLY))


MANAGER_PATH = [{"action": "current"}, *answer_requests(MANAGER_THREATENED_AT_WORK), {"action": "confirm"}]


def test_a_whole_guide_session_renders_the_same_in_pyodide(shipped_pyodide):
    """The browser session (wizard.session) answers a full path identically in both interpreters."""
    native = replay(MANAGER_PATH)
    source = Path(__file__).with_name("paths.py").read_text()
    in_pyodide = shipped_pyodide.run_json(
        source + f"\nimport json\nprint(json.dumps(replay({MANAGER_PATH!r}), ensure_ascii=False))\n"
    )
    assert in_pyodide == native
    assert native[-1]["screen"] == "result"


def test_the_engine_and_the_stdlib_run_from_the_shipped_bytecode(shipped_pyodide):
    """The browser gets bytecode only: no Python sources for the engine or the standard library."""
    program = """
import json, os, sys, zipfile
import wizard.session
package = wizard.__path__[0]
stdlib = zipfile.ZipFile(sys.path[1])
print(json.dumps({
    "engine_sources": [n for n in os.listdir(package) if n.endswith(".py")],
    "engine_modules": sorted(m.__file__ for n, m in sys.modules.items() if n.startswith("wizard")),
    "stdlib_sources": [n for n in stdlib.namelist() if n.endswith(".py")],
    "stdlib_bytecode": len([n for n in stdlib.namelist() if n.endswith(".pyc")]),
}))
"""
    facts = shipped_pyodide.run_json(program)
    assert facts["engine_sources"] == []
    assert facts["engine_modules"] and all(path.endswith(".pyc") for path in facts["engine_modules"])
    assert facts["stdlib_sources"] == []
    assert facts["stdlib_bytecode"] > 50


def test_the_browsers_engine_has_no_docstrings_but_its_classes(shipped_pyodide):
    """The modules' and functions' docstrings are left out of the engine's bytecode (a tenth of its download);
    a class keeps its own, so a dataclass does not make one from its signature at import."""
    program = """
import json, wizard.session, wizard.reminders
print(json.dumps([
    wizard.session.__doc__, wizard.session.respond.__doc__, wizard.reminders.offered.__doc__,
    wizard.reminders.Reminder.__doc__,
]))
"""
    module, function, another, dataclass = shipped_pyodide.run_json(program)
    assert (module, function, another) == (None, None, None)
    assert wizard.session.__doc__ and wizard.session.respond.__doc__ and wizard.reminders.offered.__doc__
    assert dataclass == wizard.reminders.Reminder.__doc__ and dataclass.startswith("A reminder ``days`` after")


def test_the_archives_are_stored_and_hold_no_frozen_module(shipped_pyodide):
    """Python reads them without inflating (the server compresses); frozen modules are not shipped."""
    frozen = set(shipped_pyodide.run_json("import _imp, json\nprint(json.dumps(_imp._frozen_module_names()))"))
    assert {"os", "site", "zipimport", "_frozen_importlib"} <= frozen
    with zipfile.ZipFile(shipped_pyodide.stdlib) as stdlib:
        modules = {name.removesuffix(".pyc").removesuffix("/__init__").replace("/", ".") for name in stdlib.namelist()}
        assert {info.compress_type for info in stdlib.infolist()} == {zipfile.ZIP_STORED}
    assert "re" in modules and "asyncio" in modules
    # importlib's two bootstrap modules are _frozen_importlib(_external) under another name.
    assert modules.isdisjoint(frozen | {"importlib._bootstrap", "importlib._bootstrap_external"})
    for wheel in shipped_pyodide.lockfile.parent.glob("*.whl"):
        with zipfile.ZipFile(wheel) as archive:
            assert {info.compress_type for info in archive.infolist()} == {zipfile.ZIP_STORED}, wheel.name


# A reader's case with markup in it, worked on and saved, then opened in a fresh session.
CASE = {
    "statuses": {"care": "done"},
    "note": {"what": "<script>alert(1)</script> Trussel", "address": "https://facebook.com/opslag/1"},
    "registration": {"exposed": "Anna", "measures": "Samtale\nTo på sagen"},
    "notice": {"why": "Privat adresse"},
    "log": [{"address": "=HYPERLINK(1)", "reported": "yes"}],
    "reminders": ["wellbeing_month"],
}
CASE_PATH = [
    *MANAGER_PATH,
    *({"action": action, "case": CASE} for action in ("case", "copy", "csv", "calendar")),
    {"action": "copy", "draft": "registration", "case": CASE},
    {"action": "save", "case": CASE},
]


def test_the_case_its_drafts_and_its_file_are_the_same_in_pyodide(shipped_pyodide):
    """The drafts, the copied text, the CSV, the calendar and the saved case, and opening it again."""
    native = save_and_open(CASE_PATH)
    source = Path(__file__).with_name("paths.py").read_text()
    in_pyodide = shipped_pyodide.run_json(
        source + f"\nimport json\nprint(json.dumps(save_and_open({CASE_PATH!r}), ensure_ascii=False))\n"
    )
    assert in_pyodide == native
    assert native[-1]["screen"] == "result" and native[-1]["case"]["statuses"] == {"care": "done"}
