"""Prepare the decision guide's browser runtime and put it into a built site.

The runtime is the pinned Pyodide from ``node_modules/pyodide`` plus a lockfile that
lists the engine's own wheel and the wheels from ``browser-requirements.txt``, made with
Pyodide's own tooling (``pyodide lockfile add-wheels``). Beside it goes a standard library
trimmed to what the guide imports and compiled to bytecode by Pyodide itself
(:mod:`tools.runtime.stdlib`), which saves the browser from compiling Python's own sources at
every start. The size and SHA-256 of every file the browser fetches (``Runtime.files``)
go into the guide's page: the worker shows its progress by them and checks each file
before Pyodide uses it. Everything lands under versioned paths: ``assets/pyodide/<pyodide
version>/`` and ``assets/wizard/<content hash>/``, so a server may cache them for a
year. Runs without MkDocs: ``python -m tools.runtime.bundle SITE_DIR``.
"""

import base64
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

from tools.content import texts
from tools.runtime import precompress, stdlib
from wizard.moments import COPENHAGEN

ROOT = Path(__file__).resolve().parents[2]
PYODIDE_DIR = ROOT / "node_modules" / "pyodide"
BROWSER_WHEELS = ROOT / ".venv" / "browser-wheels"
# Pyodide's files the guide runs, each checked by the worker like the packages' files (Runtime.files): the
# .mjs modules before it imports them, the .wasm as it streams. The guide brings its own standard library,
# so Pyodide's (python_stdlib.zip) is not deployed.
PYODIDE_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm")
ENGINE_PACKAGE = "wizard"
LOCKFILE = "pyodide-lock.json"
# The time zones the engine reads (wizard.contract); the browser's tzdata keeps only these.
ENGINE_ZONES = (COPENHAGEN.key,)
LOCAL_ZONES_LABEL = "copenhagen"
# Fixed wheel timestamps make the wheel, and so its versioned path, depend on content only.
SOURCE_DATE_EPOCH = "1704067200"
# The engine's modules only the build and the command line use: the browser has no command line, and the
# fallback is rendered into the page at build time. Its texts are left out likewise (texts.BUILD_ONLY).
BUILD_ONLY_MODULES = ("wizard/__main__.py", "wizard/screens/fallback.py")
CONTENT_MODULE = "wizard/content_data.py"


class BundleError(RuntimeError):
    """The runtime cannot be prepared (set-up missing or a tool failed)."""


@dataclass(frozen=True)
class Runtime:
    """Where the guide's runtime lives in the built site, and its prepared package files."""

    pyodide_version: str
    env: dict  # environment variables of the browser's Python
    pyodide_path: str
    packages_path: str
    packages_dir: Path
    # Every file the worker fetches, by its path in the site: its size (for the progress shown
    # while loading) and its SHA-256 (checked before the file is used).
    files: dict[str, dict]

    @property
    def lockfile_path(self) -> str:
        return self.packages_path + LOCKFILE

    @property
    def stdlib_path(self) -> str:
        return self.packages_path + stdlib.STDLIB_ZIP


def pyodide_version() -> str:
    package = PYODIDE_DIR / "package.json"
    if not package.is_file():
        raise BundleError("node_modules/pyodide is missing: run `make install` (npm ci) first.")
    return json.loads(package.read_text())["version"]


def prepare(work_dir: Path) -> Runtime:
    """Build the engine wheel and the trimmed lockfile in ``work_dir``; return where they go in the site."""
    version = pyodide_version()
    staging = work_dir / "packages"
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    engine_wheel = _build_engine_wheel(staging)
    _for_the_browser(engine_wheel)
    wheels = [engine_wheel, *_browser_wheels(staging)]
    _write_lockfile(staging, wheels)
    # The engine's wheel is first built from source, so Pyodide can compile it, then shipped as bytecode.
    bytecode = stdlib.compile_for_browser(PYODIDE_DIR, staging / LOCKFILE)
    shutil.copyfile(bytecode.stdlib_zip, staging / stdlib.STDLIB_ZIP)
    _replace_sources(engine_wheel, bytecode.engine_files())
    # Register the wheel again: its sha256 changed with the bytecode.
    _write_lockfile(staging, wheels)
    digest = hashlib.sha256(
        (staging / LOCKFILE).read_bytes() + (staging / stdlib.STDLIB_ZIP).read_bytes()
    ).hexdigest()[:12]
    pyodide_path = f"assets/pyodide/{version}/"
    packages_path = f"assets/{ENGINE_PACKAGE}/{digest}/"
    fetched = {pyodide_path + name: PYODIDE_DIR / name for name in PYODIDE_FILES}
    fetched |= {packages_path + path.name: path for path in sorted(staging.iterdir())}
    return Runtime(
        pyodide_version=version,
        env=stdlib.runtime_env(PYODIDE_DIR),
        pyodide_path=pyodide_path,
        packages_path=packages_path,
        packages_dir=staging,
        files={path: _fingerprint(file) for path, file in fetched.items()},
    )


def _fingerprint(path: Path) -> dict:
    data = path.read_bytes()
    return {"size": len(data), "sha256": hashlib.sha256(data).hexdigest()}


def install(runtime: Runtime, site_dir: Path) -> None:
    """Copy Pyodide and the prepared packages into ``site_dir`` at the runtime's paths."""
    pyodide_target = site_dir / runtime.pyodide_path
    pyodide_target.mkdir(parents=True, exist_ok=True)
    for name in PYODIDE_FILES:
        shutil.copy2(PYODIDE_DIR / name, pyodide_target / name)
    shutil.copytree(runtime.packages_dir, site_dir / runtime.packages_path, dirs_exist_ok=True)
    # Every file of the guide's first visit, precompressed for servers that send such a copy (deploy/).
    precompress.precompress([site_dir / path for path in runtime.files])


def _build_engine_wheel(out_dir: Path) -> Path:
    from flit_core import buildapi

    env_before = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = SOURCE_DATE_EPOCH
    cwd = os.getcwd()
    try:
        os.chdir(ROOT)
        name = buildapi.build_wheel(str(out_dir))
    finally:
        os.chdir(cwd)
        if env_before is None:
            del os.environ["SOURCE_DATE_EPOCH"]
        else:
            os.environ["SOURCE_DATE_EPOCH"] = env_before
    return out_dir / name


def _for_the_browser(wheel: Path) -> None:
    """Leave the build's own modules and texts out of the engine's wheel."""
    contents = _read_wheel(wheel)
    missing = [name for name in (*BUILD_ONLY_MODULES, CONTENT_MODULE) if name not in contents]
    if missing:
        raise BundleError(f"not in the engine's wheel: {missing}")
    browser_texts = texts.python_source(texts.load(), browser=True).encode("utf-8")
    kept = {name: data for name, data in contents.items() if name not in BUILD_ONLY_MODULES}
    _write_wheel(wheel, {**kept, CONTENT_MODULE: browser_texts})


def _replace_sources(wheel: Path, bytecode: dict[str, bytes]) -> None:
    """Swap each ``x.py`` in ``wheel`` for its ``x.pyc`` in ``bytecode``, as Pyodide's own wheels are."""
    contents = _read_wheel(wheel)
    sources = {name[:-1] for name in bytecode}
    if not sources <= contents.keys():
        raise BundleError(f"bytecode without its source in the wheel: {sorted(sources - contents.keys())}")
    _write_wheel(wheel, {**{n: d for n, d in contents.items() if n not in sources}, **bytecode})


def _read_wheel(wheel: Path) -> dict[str, bytes]:
    """A wheel's files by name, in order, without its RECORD."""
    with zipfile.ZipFile(wheel) as archive:
        return {
            info.filename: archive.read(info)
            for info in archive.infolist()
            if not info.filename.endswith(".dist-info/RECORD") and not info.is_dir()
        }


def _write_wheel(wheel: Path, files: dict[str, bytes]) -> None:
    """Write ``files`` as a wheel with a RECORD of their sha256 digests (PEP 427, PEP 376)."""
    dist_info = next(name.split("/")[0] for name in files if name.split("/")[0].endswith(".dist-info"))
    record = f"{dist_info}/RECORD"
    lines = []
    for name, data in files.items():
        digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
        lines.append(f"{name},sha256={digest},{len(data)}")
    lines.append(f"{record},,")
    # Stored, not deflated: Pyodide unpacks the wheel without inflating it, and the server
    # compresses it on the way.
    with zipfile.ZipFile(wheel, "w", zipfile.ZIP_STORED) as archive:
        for name, data in [*files.items(), (record, ("\n".join(lines) + "\n").encode())]:
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            archive.writestr(info, data, zipfile.ZIP_STORED)


def _browser_wheels(out_dir: Path) -> list[Path]:
    found = sorted(BROWSER_WHEELS.glob("*.whl"))
    if not found:
        raise BundleError(".venv/browser-wheels is empty: run `make install`.")
    return [_zones_only(wheel, out_dir) if wheel.name.startswith("tzdata-") else
            Path(shutil.copy2(wheel, out_dir / wheel.name)) for wheel in found]


def _zones_only(wheel: Path, out_dir: Path) -> Path:
    """PyPI's tzdata wheel with only the time zones the engine uses, its data unchanged.

    The full wheel holds every zone (a third of the guide's download beside the engine);
    the engine reads one. The copy gets a local version label so it is never mistaken
    for PyPI's wheel.
    """
    contents = _read_wheel(wheel)
    old_dist_info = next(name.split("/")[0] for name in contents if ".dist-info/" in name)
    version = old_dist_info.removeprefix("tzdata-").removesuffix(".dist-info")
    local_version = f"{version}+{LOCAL_ZONES_LABEL}"
    zone_files = {f"tzdata/zoneinfo/{zone}" for zone in ENGINE_ZONES}
    packages = {f"{'/'.join(part.split('/')[:-1])}/__init__.py" for part in zone_files}
    packages |= {"tzdata/__init__.py", "tzdata/zoneinfo/__init__.py"}
    kept = {}
    for name, data in contents.items():
        if name.startswith(old_dist_info + "/"):
            name = name.replace(old_dist_info, f"tzdata-{local_version}.dist-info", 1)
            if name.endswith("/METADATA"):
                data = data.replace(f"\nVersion: {version}\n".encode(), f"\nVersion: {local_version}\n".encode())
            kept[name] = data
        elif name in zone_files or name in packages:
            kept[name] = data
    missing = zone_files - kept.keys()
    if missing:
        raise BundleError(f"the tzdata wheel lacks the time zones {sorted(missing)}")
    target = out_dir / f"tzdata-{local_version}-py2.py3-none-any.whl"
    _write_wheel(target, kept)
    return target


def _write_lockfile(staging: Path, wheels: list[Path]) -> None:
    """Register the wheels in Pyodide's lockfile, then keep only the packages the guide loads."""
    from pyodide_lock import PyodideLockSpec

    full = staging / "pyodide-lock.full.json"
    pyodide_cli = Path(sys.executable).with_name("pyodide")
    proc = subprocess.run(
        [
            str(pyodide_cli), "lockfile", "add-wheels",
            "--input", str(PYODIDE_DIR / LOCKFILE),
            "--output", str(full),
            "--base-path", str(staging),
            *map(str, wheels),
        ],
        capture_output=True,
        text=True,
    )
    if proc.returncode != 0:
        raise BundleError(f"pyodide lockfile add-wheels failed:\n{proc.stderr}")
    spec = PyodideLockSpec.from_json(full)
    wanted = _closure(spec, ENGINE_PACKAGE)
    spec.packages = {name: spec.packages[name] for name in sorted(wanted)}
    full.unlink()
    spec.to_json(staging / LOCKFILE, indent=1)


def _closure(spec, name: str) -> set[str]:
    """The package and everything it depends on, by lockfile name."""
    seen, todo = set(), [name]
    while todo:
        current = todo.pop()
        if current not in seen:
            seen.add(current)
            todo.extend(spec.packages[current].depends)
    return seen


def main(argv=None) -> None:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        sys.exit("Brug: python -m tools.runtime.bundle SITE_DIR")
    with tempfile.TemporaryDirectory() as work:
        runtime = prepare(Path(work))
        install(runtime, Path(args[0]))
    print(f"Pyodide {runtime.pyodide_version} and the engine are in {args[0]}/{runtime.packages_path}")


if __name__ == "__main__":
    main()
