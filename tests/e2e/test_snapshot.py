"""A revisit starts the guide from the memory snapshot kept in IndexedDB on the first visit."""

import json
import re
from pathlib import Path

import pytest

from tests.e2e.guide import (
    MANAGER_ADDRESS_PUBLISHED,
    answer,
    open_guide,
    see_result,
    wait_for_screen,
    walk,
)

ROOT = Path(__file__).resolve().parents[2]
WORKER = ROOT / "docs" / "assets" / "javascripts" / "guide" / "worker.mjs"
PINNED_PYODIDE = json.loads((ROOT / "package.json").read_text())["dependencies"]["pyodide"]

# The worker's record in IndexedDB, read and rewritten from the page (same origin, same database).
EDIT_RECORD = """async (change) => {
  const database = await new Promise((resolve, reject) => {
    const request = indexedDB.open("beslutningsguide");
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const store = (mode) => database.transaction("pyodide-snapshot", mode).objectStore("pyodide-snapshot");
  const record = await new Promise((resolve) => {
    store("readonly").get("current").onsuccess = (e) => resolve(e.target.result);
  });
  if (change === "damage") record.bytes = new Blob([new Uint8Array(4096).fill(7)]);
  if (change === "other build") record.key = JSON.stringify(["another build"]);
  if (change) await new Promise((resolve) => { store("readwrite").put(record, "current").onsuccess = resolve; });
  database.close();
  const digest = await crypto.subtle.digest("SHA-256", await record.bytes.arrayBuffer());
  return { key: record.key, size: record.bytes.size, sha256: Array.from(new Uint8Array(digest)).join(",") };
}"""


def marks(page, name: str) -> int:
    return page.evaluate("(name) => performance.getEntriesByName(name).length", name)


def wait_until_kept(page) -> None:
    page.wait_for_function("performance.getEntriesByName('guide:snapshot-kept').length === 1")


def first_visit(page, site_url: str) -> dict:
    """Open the guide in a fresh browser and wait until its snapshot is stored; the stored record."""
    open_guide(page, site_url)
    assert marks(page, "guide:restored") == 0
    wait_until_kept(page)
    return page.evaluate(EDIT_RECORD, None)


def revisit(page, site_url: str) -> None:
    # A revisit in a new tab: the answers kept for the old tab (sessionStorage) are not there.
    page.evaluate("sessionStorage.clear()")
    page.goto("about:blank")
    open_guide(page, site_url)


def result_of(page, answers: dict) -> dict:
    walk(page, answers)
    see_result(page)
    return {
        "categories": page.eval_on_selector_all(
            "[data-result] [data-category]", "ns => ns.map(n => n.dataset.category)"
        ),
        "deadlines": page.eval_on_selector_all(
            "[data-deadline] time", "ns => ns.map(n => [n.closest('[data-deadline]').dataset.deadline, n.dateTime])"
        ),
        "steps": page.eval_on_selector_all("[data-result] li", "ns => ns.length"),
    }


@pytest.mark.browser
def test_a_revisit_starts_from_the_snapshot_and_gives_the_same_result(page, site_url):
    record = first_visit(page, site_url)
    key = json.loads(record["key"])
    assert key[0].endswith(f"/assets/pyodide/{PINNED_PYODIDE}/") and re.search(r"/assets/wizard/[0-9a-f]{12}/", key[1])
    assert 20_000_000 < record["size"] < 40_000_000  # the interpreter's memory: "ca. 30 MB" on the guide's page
    expected = result_of(page, MANAGER_ADDRESS_PUBLISHED)

    revisit(page, site_url)
    assert marks(page, "guide:restored") == 1
    assert marks(page, "guide:snapshot-kept") == 0  # nothing new to keep
    assert result_of(page, MANAGER_ADDRESS_PUBLISHED) == expected
    assert expected["categories"] and expected["deadlines"]


@pytest.mark.browser
def test_answering_does_not_change_the_kept_snapshot(page, site_url):
    record = first_visit(page, site_url)
    result_of(page, MANAGER_ADDRESS_PUBLISHED)
    assert page.evaluate(EDIT_RECORD, None) == record


@pytest.mark.browser
def test_a_damaged_snapshot_falls_back_to_a_normal_start_and_is_replaced(page, site_url):
    first_visit(page, site_url)
    page.evaluate(EDIT_RECORD, "damage")

    revisit(page, site_url)
    assert marks(page, "guide:restored") == 0
    answer(page, "danger_now", "no")
    wait_for_screen(page, "role")
    wait_until_kept(page)
    assert page.evaluate(EDIT_RECORD, None)["size"] > 10_000_000

    revisit(page, site_url)
    assert marks(page, "guide:restored") == 1


@pytest.mark.browser
def test_a_snapshot_of_another_build_is_not_restored(page, site_url):
    first_visit(page, site_url)
    page.evaluate(EDIT_RECORD, "other build")

    revisit(page, site_url)
    assert marks(page, "guide:restored") == 0
    wait_until_kept(page)
    assert json.loads(page.evaluate(EDIT_RECORD, None)["key"]) != ["another build"]


def test_snapshots_are_used_only_with_the_pyodide_version_they_were_checked_against():
    checked = re.search(r'const SNAPSHOT_PYODIDE_VERSION = "([^"]+)";', WORKER.read_text())
    assert checked and checked.group(1) == PINNED_PYODIDE, (
        "Pyodide was upgraded: check that memory snapshots still work with it (tests/e2e/test_snapshot.py), "
        "then update SNAPSHOT_PYODIDE_VERSION in worker.mjs"
    )
