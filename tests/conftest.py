"""Shared fixtures: one strict build of the site per test session, builds with a setting changed, a loopback
server, and Chromium."""

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from tests.harness.chromium import CHROMIUM, CHROMIUM_ARGS
from tools.content import texts
from tools.site.serve import serve_in_background

# The engine reads its texts from the module compiled from content/texts; compile it before any
# test module imports the engine, so a test run always sees the content files as they are.
texts.compile_content()

ROOT = Path(__file__).resolve().parents[1]
IN_CI = os.environ.get("CI", "").lower() == "true"


# Fixtures that build the site: a test that uses one is marked "site", so `make test-fast` can leave it out.
SITE_FIXTURES = {"site_build", "changed_build"}


def pytest_collection_modifyitems(items):
    for item in items:
        if SITE_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.site)


def require(condition: bool, what: str) -> None:
    """Skip on a developer machine without ``what``; fail in CI, where a missing tool is a defect."""
    if condition:
        return
    if IN_CI:
        pytest.fail(f"{what} is missing, and CI=true: install it (see .ci/run)")
    pytest.skip(f"{what} is missing (install it, or run .ci/run as root)")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


# The site is built for the address it is served from in the tests, as on the intranet
# (instant navigation only works on the address in site_url).
SERVE_PORT = _free_port()


@pytest.fixture(scope="session")
def site_build(tmp_path_factory):
    """Build the site once with ``mkdocs build --strict``; return (site_dir, completed process)."""
    site_dir = tmp_path_factory.mktemp("site")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": f"http://127.0.0.1:{SERVE_PORT}/"}
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    return site_dir, proc


@pytest.fixture
def changed_build(tmp_path):
    """Run MkDocs' own build of the project's mkdocs.yml in a fresh interpreter, with ``config`` changed first.

    The returned function takes the Python lines that change ``config`` and call ``build(config)`` (``datetime``
    and ``sys`` are imported), and returns the completed process; stderr has the log as ``LEVEL - message``.
    """

    def build(lines: str) -> subprocess.CompletedProcess:
        script = (
            "import datetime, logging, sys\n"
            "from mkdocs.commands.build import build\n"
            "from mkdocs.config import load_config\n"
            "logging.basicConfig(format='%(levelname)s - %(message)s')\n"
            f"config = load_config('mkdocs.yml', site_dir={str(tmp_path / 'site')!r})\n"
        ) + lines
        return subprocess.run(
            [sys.executable, "-c", script],
            cwd=ROOT,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
            capture_output=True,
            text=True,
            timeout=300,
        )

    return build


@pytest.fixture(scope="session")
def site_dir(site_build):
    """The built site's directory (the build must have succeeded)."""
    path, proc = site_build
    assert proc.returncode == 0, f"mkdocs build failed:\n{proc.stderr}"
    return path


@pytest.fixture(scope="session")
def site_url(site_dir):
    """Base URL (ending in /) of the built site served on loopback."""
    server = serve_in_background(site_dir, port=SERVE_PORT)
    host, port = server.server_address[:2]
    yield f"http://{host}:{port}/"
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    """Debian's headless Chromium driven by Playwright."""
    require(Path(CHROMIUM).exists(), "Debian's chromium (/usr/bin/chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    """A fresh browser context (Danish locale, Copenhagen time) and a page in it."""
    context = browser.new_context(locale="da-DK", timezone_id="Europe/Copenhagen")
    page = context.new_page()
    yield page
    context.close()
