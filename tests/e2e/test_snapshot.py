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
  if (change === "other build") record.key = "0".repeat(64);
  if (Array.isArray(change?.replace)) {
    // Each text in the interpreter's memory, as Python keeps it: one byte a character, or two (UTF-16).
    const bytes = new Uint8Array(await record.bytes.arrayBuffer());
    const wide = (text) => Array.from(text).flatMap((c) => [c.charCodeAt(0), 0]);
    let replaced = 0;
    for (const [from, to] of [change.replace, change.replace.map(wide)].map((pair) => pair.map((t) =>
      typeof t === "string" ? Array.from(t, (c) => c.charCodeAt(0)) : t))) {
      for (let i = bytes.indexOf(from[0]); i !== -1; i = bytes.indexOf(from[0], i + 1)) {
        if (from.every((byte, k) => bytes[i + k] === byte)) {
          bytes.set(to, i);
          replaced += 1;
        }
      }
    }
    record.bytes = new Blob([bytes]);
    record.replaced = replaced;
  }
  if (change) await new Promise((resolve) => { store("readwrite").put(record, "current").onsuccess = resolve; });
  database.close();
  const digest = await crypto.subtle.digest("SHA-256", await record.bytes.arrayBuffer());
  return {
    key: record.key, size: record.bytes.size, sha256: Array.from(new Uint8Array(digest)).join(","),
    signed: record.mac instanceof ArrayBuffer, replaced: record.replaced,
  };
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
    # Bound to the build (the digest of every runtime file's digest) and to this browser (an HMAC).
    assert re.fullmatch(r"[0-9a-f]{64}", record["key"]) and record["signed"]
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
    assert page.evaluate(EDIT_RECORD, None)["key"] != "0" * 64


def engine_hint(page) -> str:
    """The first question's hint as the engine renders it (its error screen for an empty answer)."""
    page.click("[data-guide-screen] form button[type=submit]")
    page.wait_for_selector("[data-guide-screen] .guide-error-summary")
    return page.inner_text("[data-guide-screen]")


@pytest.mark.browser
def test_an_edited_snapshot_is_never_run(page, site_url):
    first_visit(page, site_url)
    assert "ring 112" in engine_hint(page)
    # The engine's 112 made 119 in the interpreter's memory, the record's key and HMAC left as they were.
    edited = page.evaluate(EDIT_RECORD, {"replace": ["ring 112", "ring 119"]})
    assert edited["replaced"] > 0

    revisit(page, site_url)
    assert marks(page, "guide:restored") == 0
    hint = engine_hint(page)
    assert "ring 112" in hint and "ring 119" not in hint


@pytest.mark.browser
def test_slet_mine_svar_deletes_the_snapshot(page, site_url):
    first_visit(page, site_url)
    answer(page, "danger_now", "no")
    wait_for_screen(page, "role")
    page.click('[data-guide-screen] [data-guide-ask="clear"]')
    page.click('[data-guide-confirm="clear"] [data-guide-action="clear"]')
    wait_for_screen(page, "danger_now")
    databases = "async () => (await indexedDB.databases()).map((database) => database.name)"
    for _ in range(100):
        if "beslutningsguide" not in page.evaluate(databases):
            break
        page.wait_for_timeout(100)
    assert "beslutningsguide" not in page.evaluate(databases)
    # Nothing of it is stored again from this page, and the next visit starts afresh.
    answer(page, "danger_now", "no")
    wait_for_screen(page, "role")
    revisit(page, site_url)
    assert marks(page, "guide:restored") == 0


def test_snapshots_are_used_only_with_the_pyodide_version_they_were_checked_against():
    checked = re.search(r'const SNAPSHOT_PYODIDE_VERSION = "([^"]+)";', WORKER.read_text())
    assert checked and checked.group(1) == PINNED_PYODIDE, (
        "Pyodide was upgraded: check that memory snapshots still work with it (tests/e2e/test_snapshot.py), "
        "then update SNAPSHOT_PYODIDE_VERSION in worker.mjs"
    )
