"""The guide's start against stock Pyodide, on an unthrottled loopback: cold and warm runs of three pages.

* the decision guide, walked from the first question to the result as fast as the driver can;
* the yardstick: a bare page that only calls ``loadPyodide()`` from the same files, with
  Pyodide's stock standard library and no packages;
* the guideline's front page, a plain MkDocs page.

A cold run opens the page in a fresh browser context, a warm run opens it again in the same
context. Times are milliseconds from the start of navigation, taken inside the page:

* guide ready: the guide's ``performance.mark("guide:ready")`` (engine imported);
* first question answerable: the pre-rendered question is visible, the guide has attached
  its handlers (``data-mounted``) and the page has painted (first contentful paint);
* a step: from the answer's submit event to the next screen (the guide's ``guide:screen`` mark,
  or its ``data-current`` changing, whichever comes first);
* stock ready: ``loadPyodide()`` resolved on the bare page;
* front page shown: first contentful paint and DOMContentLoaded (its scripts have run).

The guide's own give-up time is lifted for these runs, so a start slowed by a busy machine is
measured instead of ending in the fallback.
"""

import json
import sys
import time
from html.parser import HTMLParser
from pathlib import Path

from tests.bench import BenchError
from tests.bench.server import BenchServer
from tests.harness.guide_driver import (
    GUIDE_PAGE,
    MANAGER_ADDRESS_PUBLISHED,
    READY_TIMEOUT_MS,
    GuideError,
    see_result,
    wait_ready_or_failed,
    walk,
)
from tools.runtime.bundle import PYODIDE_DIR

STOCK_DIR = "_bench/stock/"
STOCK_STDLIB = PYODIDE_DIR / "python_stdlib.zip"
# How long the server must be idle before a run's bytes are read (late requests belong to the run).
QUIET_SECONDS = 0.5
CONTEXT_OPTIONS = {"locale": "da-DK", "timezone_id": "Europe/Copenhagen"}
# The longest path through the guide: a manager whose address was published.
PATH = MANAGER_ADDRESS_PUBLISHED


def guide_probe(lift_timeout_ms: int | None) -> str:
    """A script installed before any page script, recording what the reader sees in ``window.__bench``.

    It notes when the first question can be answered (visible, and the guide has attached its
    submit handler), each submit, each change of the shown screen (``data-current``), and when the
    guide showed its fallback and came back from it. With ``lift_timeout_ms`` it lifts the guide's
    give-up times (``data-timeout``, ``data-stall-timeout``, those the page has) before the guide
    reads them.
    """
    return """
(() => {
  const bench = (window.__bench = { firstQuestion: null, submits: [], shown: [], failedAt: null, backAt: null });
  const liftTimeout = %s;
  addEventListener("submit", () => bench.submits.push(performance.now()), true);
  const answerable = (root) => {
    const form = root.querySelector("[data-guide-screen] form:is([data-question], [data-check])");
    return Boolean(root.dataset.mounted && form && form.checkVisibility());
  };
  const first = new MutationObserver(() => {
    const root = document.querySelector("[data-guide]");
    if (!root) return;
    if (liftTimeout !== null && !root.dataset.benchLifted) {
      root.dataset.benchLifted = "true";
      for (const name of ["timeout", "stallTimeout"]) {
        if (root.dataset[name] !== undefined) root.dataset[name] = String(liftTimeout);
      }
    }
    if (answerable(root)) {
      bench.firstQuestion = performance.now();
      first.disconnect();
    }
  });
  first.observe(document, { subtree: true, childList: true, attributes: true });
  new MutationObserver((records) => {
    const at = performance.now();
    for (const { target, attributeName } of records) {
      if (attributeName === "data-current") bench.shown.push({ at, screen: target.dataset.current });
      const state = attributeName === "data-state" && target.matches("[data-guide]") && target.dataset.state;
      if (state === "failed") bench.failedAt ??= at;
      if (state === "ready" && bench.failedAt !== null) bench.backAt ??= at;
    }
  }).observe(document, { subtree: true, attributeFilter: ["data-current", "data-state"] });
})();
""" % ("null" if lift_timeout_ms is None else int(lift_timeout_ms))


COLLECT = """
() => {
  const first = (name) => performance.getEntriesByName(name)[0]?.startTime ?? null;
  const navigation = performance.getEntriesByType("navigation")[0];
  const bench = window.__bench ?? { submits: [], shown: [] };
  const marks = performance.getEntriesByName("guide:screen").map((m) => ({ at: m.startTime, screen: m.detail }));
  return {
    fcp: first("first-contentful-paint"),
    dcl: navigation.domContentLoadedEventEnd,
    load: navigation.loadEventEnd,
    ready: first("guide:ready") ?? first("stock:ready"),
    firstQuestion: bench.firstQuestion ?? null,
    submits: bench.submits,
    screens: [...marks, ...bench.shown].sort((a, b) => a.at - b.at),
    failedAt: bench.failedAt ?? null,
    backAt: bench.backAt ?? null,
    now: performance.now(),
    pyodideVersion: performance.getEntriesByName("stock:ready")[0]?.detail ?? null,
    restored: performance.getEntriesByName("guide:restored").length > 0,
    // What the guide does around "ready", for reading a run whose answer met it.
    moments: Object.fromEntries(
      ["guide:replayed", "guide:snapshot-kept", "guide:wasm-cached"].map((name) => [name, first(name)]),
    ),
  };
}
"""


# -- The yardstick page --------------------------------------------------------------------------


class _GuideAttributes(HTMLParser):
    def __init__(self):
        super().__init__()
        self.attributes: dict[str, str] | None = None

    def handle_starttag(self, tag, attrs):
        found = dict(attrs)
        if self.attributes is None and "data-guide" in found:
            self.attributes = {name: value or "" for name, value in found.items()}


def guide_runtime(site_dir: Path) -> dict[str, str | None]:
    """The runtime paths (site-relative) the built guide page declares."""
    page = site_dir / GUIDE_PAGE / "index.html"
    if not page.is_file():
        raise BenchError(f"{page} does not exist: build the site first (`make build`), or give --site.")
    parser = _GuideAttributes()
    parser.feed(page.read_text(encoding="utf-8"))
    attributes = parser.attributes
    if not attributes or not attributes.get("data-pyodide") or not attributes.get("data-lockfile"):
        raise BenchError(f"{page}: the element [data-guide] with data-pyodide and data-lockfile is missing.")
    return {
        "pyodide": attributes["data-pyodide"],
        "lockfile": attributes["data-lockfile"],
        "stdlib": attributes.get("data-stdlib") or None,
    }


def stock_page(runtime: dict[str, str | None]) -> dict[str, bytes]:
    """The bare ``loadPyodide()`` page, by site-relative path, for the server's extra files.

    With it goes Pyodide's stock standard library, where ``loadPyodide()`` looks for it (beside
    ``pyodide.mjs``): the site does not deploy it, since the guide brings its own.
    """
    index_url = "/" + runtime["pyodide"]
    # Pyodide resolves package URLs against lockFileURL, which must therefore be absolute.
    script = f"""// The yardstick: the site's Pyodide started the documented way, stock stdlib, no packages.
import {{ loadPyodide }} from {json.dumps(index_url + "pyodide.mjs")};
const absolute = (path) => new URL(path, location.href).href;
try {{
  const pyodide = await loadPyodide({{
    indexURL: absolute({json.dumps(index_url)}),
    lockFileURL: absolute({json.dumps("/" + runtime["lockfile"])}),
  }});
  performance.mark("stock:ready", {{ detail: pyodide.version }});
  document.documentElement.dataset.state = "ready";
}} catch (error) {{
  document.documentElement.dataset.error = String(error);
  document.documentElement.dataset.state = "failed";
}}
"""
    html = """<!doctype html>
<html lang="en" data-state="loading"><head><meta charset="utf-8"><title>Stock Pyodide</title>
<script type="module" src="stock.mjs"></script></head><body><p>loadPyodide()</p></body></html>
"""
    return {
        STOCK_DIR + "index.html": html.encode(),
        STOCK_DIR + "stock.mjs": script.encode(),
        runtime["pyodide"] + STOCK_STDLIB.name: STOCK_STDLIB.read_bytes(),
    }


# -- Measuring -----------------------------------------------------------------------------------


def steps(submits: list[float], screens: list[dict]) -> list[dict]:
    """Pair each submitted answer with the first screen shown after it: the step's duration in ms."""
    paired = []
    for submitted in submits:
        shown = next((s for s in screens if s["at"] >= submitted), None)
        if shown is None:
            raise BenchError("an answer was sent, but the guide showed no new screen (performance mark guide:screen).")
        paired.append({"screen": shown["screen"], "ms": shown["at"] - submitted})
    return paired


def poll(page, expression: str, arg=None, timeout: float = 60.0) -> None:
    """Wait until ``expression`` is true in the page.

    Playwright's wait_for_function evaluates its predicate with eval() inside the page, which
    the site's Content-Security-Policy forbids; page.evaluate runs outside the page's CSP.
    """
    deadline = time.monotonic() + timeout
    while not page.evaluate(expression, arg):
        if time.monotonic() > deadline:
            raise BenchError(f"the page did not reach {expression!r} within {timeout:.0f} s")
        time.sleep(0.01)


def _wait_stock(page) -> None:
    page.wait_for_selector('html:not([data-state="loading"])', timeout=READY_TIMEOUT_MS)
    if page.get_attribute("html", "data-state") != "ready":
        raise BenchError(f"Stock Pyodide did not start ({page.get_attribute('html', 'data-error')}).")


def _wait_for_kept_state(page) -> None:
    """Wait until the guide has kept what a revisit starts from: the compiled wasm and the snapshot.

    Both are written in the background after the guide is ready; a real revisit comes later than
    the bench's, which would otherwise measure a second first visit.
    """
    poll(page, """() => performance.getEntriesByName('guide:wasm-cached').length > 0
        && performance.getEntriesByName(performance.getEntriesByName('guide:restored').length
           ? 'guide:restored' : 'guide:snapshot-kept').length > 0""")


def painted(collected: dict, what: str) -> float:
    if collected["fcp"] is None:
        raise BenchError(f"{what}: Chromium reported no first-contentful-paint.")
    return collected["fcp"]


def measure_guide(page, base_url: str) -> dict:
    page.goto(base_url + GUIDE_PAGE)
    try:
        wait_ready_or_failed(page)
        walk(page, PATH, timeout=READY_TIMEOUT_MS)
        see_result(page, timeout=READY_TIMEOUT_MS)
    except GuideError as error:
        raise BenchError(f"The decision guide: {error}") from error
    collected = page.evaluate(COLLECT)
    if collected["firstQuestion"] is None:
        raise BenchError("the first question never became visible with the guide mounted (data-mounted).")
    taken = steps(collected["submits"], collected["screens"])
    _wait_for_kept_state(page)
    return {
        "first_question_ms": max(collected["firstQuestion"], painted(collected, "Beslutningsguiden")),
        "answerable_ms": collected["firstQuestion"],
        "fcp_ms": collected["fcp"],
        "ready_ms": collected["ready"],
        "steps": taken,
        "result_ms": next(step["ms"] for step in taken if step["screen"] == "result"),
        "restored": collected["restored"],
    }


def measure_stock(page, base_url: str) -> dict:
    page.goto(base_url + STOCK_DIR)
    _wait_stock(page)
    collected = page.evaluate(COLLECT)
    return {"ready_ms": collected["ready"], "pyodide_version": collected["pyodideVersion"]}


def measure_plain(page, base_url: str) -> dict:
    page.goto(base_url)
    poll(page, "() => performance.getEntriesByName('first-contentful-paint').length > 0")
    collected = page.evaluate(COLLECT)
    # Shown = painted and its scripts run (search and navigation work), the front page's "answerable".
    shown = max(painted(collected, "Forsiden"), collected["dcl"])
    return {"shown_ms": shown, "fcp_ms": collected["fcp"], "load_ms": collected["load"]}


PAGES = {"stock": measure_stock, "guide": measure_guide, "plain": measure_plain}


def cold_and_warm(browser, server: BenchServer, name: str) -> list[dict]:
    """One cold run of page ``name`` in a fresh context, then one warm run in the same context."""
    measure = PAGES[name]
    context = browser.new_context(**CONTEXT_OPTIONS)
    if name == "guide":
        context.add_init_script(guide_probe(lift_timeout_ms=READY_TIMEOUT_MS))
    runs = []
    try:
        page = context.new_page()
        for phase in ("cold", "warm"):
            if phase == "warm":
                # A revisit in a new tab: the answers the guide keeps for the first tab are not there.
                page.close()
                page = context.new_page()
            server.wire.wait_quiet(QUIET_SECONDS)
            server.wire.take()
            run = {"page": name, "phase": phase, **measure(page, server.url)}
            if not server.wire.wait_quiet(QUIET_SECONDS):
                raise BenchError("the server did not finish sending (unfinished requests).")
            tally = server.wire.take()
            run.update(bytes=tally.bytes, requests=tally.requests, bytes_by_path=tally.by_path)
            runs.append(run)
    finally:
        context.close()
    return runs


def run_rounds(browser, server: BenchServer, rounds: int, warm_up: bool) -> list[dict]:
    """``rounds`` rounds of every page, cold and warm, in rotating order (after one discarded round)."""
    names = list(PAGES)
    if warm_up:
        for name in names:
            cold_and_warm(browser, server, name)
    runs = []
    for number in range(rounds):
        order = names[number % len(names):] + names[: number % len(names)]
        for name in order:
            for run in cold_and_warm(browser, server, name):
                runs.append({"round": number + 1, **run})
        print(f"  round {number + 1}/{rounds} done", file=sys.stderr, flush=True)
    return runs
