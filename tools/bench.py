"""Start-up benchmark of the decision guide against stock Pyodide (``make bench``).

``python -m tools.bench [--quick] [--runs N] [--site DIR] [--output FILE]`` serves the
built site with production-like headers (:mod:`tools.bench_server`) and drives headless
Chromium through cold runs (a fresh browser context) and warm runs (the same context,
the page opened again) of three pages:

* the decision guide, walked from the first question to the result;
* the yardstick: a bare page that only calls ``loadPyodide()`` from the same files, with
  Pyodide's stock standard library and no packages;
* the guideline's front page, a plain MkDocs page.

Times are milliseconds from the start of navigation, taken inside the page:

* guide ready: the guide's ``performance.mark("guide:ready")`` (engine imported);
* first question answerable: the pre-rendered question is visible, the guide has attached
  its handlers (``data-mounted``) and the page has painted (first contentful paint);
* a step: from the answer's submit event to the guide's next ``guide:screen`` mark;
* stock ready: ``loadPyodide()`` resolved on the bare page;
* front page shown: first contentful paint and DOMContentLoaded (its scripts have run).

Bytes are counted by the server: everything it wrote to its sockets during the run,
headers included. The guide's own give-up time is lifted for the benchmark, so a start
slowed by a busy machine is measured instead of ending in the fallback.

It prints a Markdown table (median, p95, min–max per metric), the ratios the guide is
held to and whether each target is met, and where the guide's bytes go; it writes
everything, raw runs included, to ``.bench/latest.json``. The targets are informational:
the exit status is 0 whenever the benchmark could run.
"""

import argparse
import json
import math
import os
import platform
import statistics
import sys
import time
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from html.parser import HTMLParser
from pathlib import Path

from tools.bench_server import BenchServer
from tools.chromium import CHROMIUM, CHROMIUM_ARGS

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SITE = ROOT / "site"
DEFAULT_OUTPUT = ROOT / ".bench" / "latest.json"
DEFAULT_RUNS = 7
GUIDE_PAGE = "beslutningsguide/"
STOCK_DIR = "_bench/stock/"
READY_TIMEOUT_MS = 60_000
# How long the server must be idle before a run's bytes are read (late requests belong to the run).
QUIET_SECONDS = 0.5
CONTEXT_OPTIONS = {"locale": "da-DK", "timezone_id": "Europe/Copenhagen"}

# The longest path through the guide (a manager whose address was published, from the e2e tests).
# The incident date is filled in at run time, three days back.
ANSWERS = {
    "danger_now": ["no"],
    "role": ["manager"],
    "behaviours": ["private_info"],
    "outside_work_hours": ["no"],
    "impact": ["3"],
    "repeated": ["yes"],
    "absence": ["no"],
    "treatment": ["no"],
    "wants_work_accident": ["no"],
}
INCIDENT_DAYS_AGO = 3


@dataclass(frozen=True)
class Target:
    """A ratio's limit from the issue; ``strict`` means below, not at most."""

    limit: float
    strict: bool = False

    def met(self, value: float) -> bool:
        return value < self.limit if self.strict else value <= self.limit

    def __str__(self) -> str:
        return f"{'<' if self.strict else '≤'} {self.limit:g}"


TARGETS = {
    "ready_over_stock_cold": Target(0.40),
    "ready_over_stock_warm": Target(0.40),
    "first_question_over_plain_page": Target(1.2),
    "step_p95_over_stock_cold": Target(0.03),
    "cold_bytes_over_stock": Target(0.85),
    "warm_bytes": Target(50_000, strict=True),
}

# Installed before any page script: notes when the first question can be answered (visible,
# and the guide has attached its submit handler) and when each answer is submitted. It also
# lifts the guide's give-up time (data-timeout) to READY_TIMEOUT_MS before guide.js reads it,
# so a start slowed down by a busy machine is measured rather than cut off.
GUIDE_PROBE = """
(() => {
  const bench = (window.__bench = { firstQuestion: null, submits: [] });
  addEventListener("submit", () => bench.submits.push(performance.now()), true);
  const answerable = (root) => {
    const form = root.querySelector("[data-guide-screen] form[data-question]");
    return Boolean(root.dataset.mounted && form && form.checkVisibility());
  };
  const observer = new MutationObserver(() => {
    const root = document.querySelector("[data-guide]");
    if (!root) return;
    if (!root.dataset.benchTimeout) {
      root.dataset.benchTimeout = root.dataset.timeout;
      root.dataset.timeout = "%d";
    }
    if (answerable(root)) {
      bench.firstQuestion = performance.now();
      observer.disconnect();
    }
  });
  observer.observe(document, { subtree: true, childList: true, attributes: true });
})();
""" % READY_TIMEOUT_MS

COLLECT = """
() => {
  const first = (name) => performance.getEntriesByName(name)[0]?.startTime ?? null;
  const navigation = performance.getEntriesByType("navigation")[0];
  return {
    fcp: first("first-contentful-paint"),
    dcl: navigation.domContentLoadedEventEnd,
    load: navigation.loadEventEnd,
    ready: first("guide:ready") ?? first("stock:ready"),
    firstQuestion: window.__bench?.firstQuestion ?? null,
    submits: window.__bench?.submits ?? [],
    screens: performance.getEntriesByName("guide:screen").map((m) => ({ at: m.startTime, screen: m.detail })),
    pyodideVersion: performance.getEntriesByName("stock:ready")[0]?.detail ?? null,
    restored: performance.getEntriesByName("guide:restored").length > 0,
  };
}
"""


class BenchError(RuntimeError):
    """The benchmark could not run or measure."""


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
        raise BenchError(f"{page} findes ikke: byg siden først (`make build`), eller angiv --site.")
    parser = _GuideAttributes()
    parser.feed(page.read_text(encoding="utf-8"))
    attributes = parser.attributes
    if not attributes or not attributes.get("data-pyodide") or not attributes.get("data-lockfile"):
        raise BenchError(f"{page}: elementet [data-guide] med data-pyodide og data-lockfile mangler.")
    return {
        "pyodide": attributes["data-pyodide"],
        "lockfile": attributes["data-lockfile"],
        "stdlib": attributes.get("data-stdlib") or None,
    }


def stock_page(runtime: dict[str, str | None]) -> dict[str, bytes]:
    """The bare ``loadPyodide()`` page, by site-relative path, for the server's extra files."""
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
    return {STOCK_DIR + "index.html": html.encode(), STOCK_DIR + "stock.mjs": script.encode()}


# -- Measuring -----------------------------------------------------------------------------------


def steps(submits: list[float], screens: list[dict]) -> list[dict]:
    """Pair each submitted answer with the first screen shown after it: the step's duration in ms."""
    paired = []
    for submitted in submits:
        shown = next((s for s in screens if s["at"] >= submitted), None)
        if shown is None:
            raise BenchError("et svar blev sendt, men guiden viste ingen ny skærm (performance-mærket guide:screen).")
        paired.append({"screen": shown["screen"], "ms": shown["at"] - submitted})
    return paired


def _current_screen(page) -> str:
    return page.get_attribute("[data-guide-screen]", "data-current")


def _poll(page, expression: str, arg=None, timeout: float = 60.0) -> None:
    """Wait until ``expression`` is true in the page.

    Playwright's wait_for_function evaluates its predicate with eval() inside the page, which
    the site's Content-Security-Policy forbids; page.evaluate runs outside the page's CSP.
    """
    deadline = time.monotonic() + timeout
    while not page.evaluate(expression, arg):
        if time.monotonic() > deadline:
            raise BenchError(f"siden nåede ikke frem til {expression!r} på {timeout:.0f} s")
        time.sleep(0.01)


def _submit(page) -> None:
    before = _current_screen(page)
    page.locator("[data-guide-screen] form button[type=submit]").click()
    _poll(
        page,
        """before => {
            const screen = document.querySelector('[data-guide-screen]');
            return screen.dataset.current !== before || !!screen.querySelector('.guide-error-summary');
        }""",
        before,
    )
    if _current_screen(page) == before:
        error = page.inner_text("[data-guide-screen] .guide-error-summary")
        raise BenchError(f"guiden afviste svaret på {before!r}: {error}")


def walk_to_result(page) -> None:
    """Answer every question from ANSWERS, confirm the answers, and wait for the result screen."""
    incident = (date.today() - timedelta(days=INCIDENT_DAYS_AGO)).isoformat()
    while (screen := _current_screen(page)) != "result":
        if screen == "incident_at":
            form = page.locator('form[data-question="incident_at"]')
            form.locator('input[name="incident_at"]').fill(incident)
            form.locator('input[name="incident_at_time"]').fill("")
        elif screen in ANSWERS:
            form = page.locator(f'form[data-question="{screen}"]')
            for value in ANSWERS[screen]:
                form.locator(f'input[name="{screen}"][value="{value}"]').check()
        elif screen != "check":
            raise BenchError(f"guiden spurgte om {screen!r}, som benchmarkens sti (ANSWERS) ikke besvarer.")
        _submit(page)


def _wait_state(page, selector: str, what: str) -> None:
    page.wait_for_selector(f'{selector}:not([data-state="loading"])', timeout=READY_TIMEOUT_MS)
    state = page.get_attribute(selector, "data-state")
    if state != "ready":
        detail = page.get_attribute(selector, "data-failure") or page.get_attribute(selector, "data-error")
        raise BenchError(f"{what} startede ikke (data-state={state!r}, {detail}).")


def _wait_for_kept_state(page) -> None:
    """Wait until the guide has kept what a revisit starts from: the compiled wasm and the snapshot.

    Both are written in the background after the guide is ready; a real revisit comes later than
    the bench's, which would otherwise measure a second first visit.
    """
    _poll(page, """() => performance.getEntriesByName('guide:wasm-cached').length > 0
        && performance.getEntriesByName(performance.getEntriesByName('guide:restored').length
           ? 'guide:restored' : 'guide:snapshot-kept').length > 0""")


def _painted(collected: dict, what: str) -> float:
    if collected["fcp"] is None:
        raise BenchError(f"{what}: Chromium rapporterede ingen first-contentful-paint.")
    return collected["fcp"]


def measure_guide(page, base_url: str) -> dict:
    page.goto(base_url + GUIDE_PAGE)
    _wait_state(page, "[data-guide]", "Beslutningsguiden")
    walk_to_result(page)
    collected = page.evaluate(COLLECT)
    if collected["firstQuestion"] is None:
        raise BenchError("det første spørgsmål blev aldrig synligt med guiden monteret (data-mounted).")
    taken = steps(collected["submits"], collected["screens"])
    _wait_for_kept_state(page)
    return {
        "first_question_ms": max(collected["firstQuestion"], _painted(collected, "Beslutningsguiden")),
        "answerable_ms": collected["firstQuestion"],
        "fcp_ms": collected["fcp"],
        "ready_ms": collected["ready"],
        "steps": taken,
        "result_ms": next(step["ms"] for step in taken if step["screen"] == "result"),
        "restored": collected["restored"],
    }


def measure_stock(page, base_url: str) -> dict:
    page.goto(base_url + STOCK_DIR)
    _wait_state(page, "html", "Stock Pyodide")
    collected = page.evaluate(COLLECT)
    return {"ready_ms": collected["ready"], "pyodide_version": collected["pyodideVersion"]}


def measure_plain(page, base_url: str) -> dict:
    page.goto(base_url)
    _poll(page, "() => performance.getEntriesByName('first-contentful-paint').length > 0")
    collected = page.evaluate(COLLECT)
    # Shown = painted and its scripts run (search and navigation work), the front page's "answerable".
    shown = max(_painted(collected, "Forsiden"), collected["dcl"])
    return {"shown_ms": shown, "fcp_ms": collected["fcp"], "load_ms": collected["load"]}


PAGES = {"stock": measure_stock, "guide": measure_guide, "plain": measure_plain}


def cold_and_warm(browser, server: BenchServer, name: str) -> list[dict]:
    """One cold run of page ``name`` in a fresh context, then one warm run in the same context."""
    measure = PAGES[name]
    context = browser.new_context(**CONTEXT_OPTIONS)
    if name == "guide":
        context.add_init_script(GUIDE_PROBE)
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
                raise BenchError("serveren blev ikke færdig med at sende (uafsluttede forespørgsler).")
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
        print(f"  runde {number + 1}/{rounds} færdig", file=sys.stderr, flush=True)
    return runs


# -- Statistics and report -----------------------------------------------------------------------


def percentile(values: list[float], fraction: float) -> float:
    """The ``fraction`` quantile of ``values``, interpolating linearly between closest ranks."""
    if not values:
        raise ValueError("percentile of no values")
    ordered = sorted(values)
    position = (len(ordered) - 1) * fraction
    low = math.floor(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def summary(values: list[float], unit: str) -> dict:
    """Median, p95 and range of one metric's samples."""
    return {
        "unit": unit,
        "n": len(values),
        "median": statistics.median(values),
        "p95": percentile(values, 0.95),
        "min": min(values),
        "max": max(values),
    }


def metrics(runs: list[dict]) -> dict[str, dict]:
    """Every metric's summary, by name (e.g. ``guide_ready_cold``)."""
    def samples(page: str, phase: str, key: str) -> list[float]:
        return [run[key] for run in runs if run["page"] == page and run["phase"] == phase]

    table = {}
    for phase in ("cold", "warm"):
        guide_steps = [s["ms"] for run in runs if run["page"] == "guide" and run["phase"] == phase
                       for s in run["steps"]]
        table.update({
            f"stock_ready_{phase}": summary(samples("stock", phase, "ready_ms"), "ms"),
            f"plain_shown_{phase}": summary(samples("plain", phase, "shown_ms"), "ms"),
            f"guide_first_question_{phase}": summary(samples("guide", phase, "first_question_ms"), "ms"),
            f"guide_ready_{phase}": summary(samples("guide", phase, "ready_ms"), "ms"),
            f"guide_step_{phase}": summary(guide_steps, "ms"),
            f"guide_result_{phase}": summary(samples("guide", phase, "result_ms"), "ms"),
        })
    for phase in ("cold", "warm"):
        for page in PAGES:
            table[f"{page}_bytes_{phase}"] = summary(samples(page, phase, "bytes"), "B")
    return table


RATIOS = (
    "ready_over_stock_cold",
    "ready_over_stock_warm",
    "first_question_over_plain_page",
    "first_question_over_plain_page_warm",
    "step_p95_over_stock_cold",
    "cold_bytes_over_stock",
    "warm_bytes",
)


def ratios(table: dict[str, dict], runs: list[dict]) -> dict[str, float]:
    """The issue's ratios: medians over medians; the step ratio uses the p95 of every step, cold and warm."""
    median = {name: entry["median"] for name, entry in table.items()}
    every_step = [s["ms"] for run in runs if run["page"] == "guide" for s in run["steps"]]
    return {
        "ready_over_stock_cold": median["guide_ready_cold"] / median["stock_ready_cold"],
        "ready_over_stock_warm": median["guide_ready_warm"] / median["stock_ready_warm"],
        "first_question_over_plain_page": median["guide_first_question_cold"] / median["plain_shown_cold"],
        "first_question_over_plain_page_warm": median["guide_first_question_warm"] / median["plain_shown_warm"],
        "step_p95_over_stock_cold": percentile(every_step, 0.95) / median["stock_ready_cold"],
        "cold_bytes_over_stock": median["guide_bytes_cold"] / median["stock_bytes_cold"],
        "warm_bytes": median["guide_bytes_warm"],
    }


LABELS = {
    "stock_ready": "Stock Pyodide: loadPyodide() resolved",
    "plain_shown": "Front page shown (max of FCP, DOMContentLoaded)",
    "guide_first_question": "Guide: first question answerable (painted, handler attached)",
    "guide_ready": "Guide: ready (engine imported)",
    "guide_step": "Guide: answer → next screen (every step)",
    "guide_result": "Guide: confirm → result screen",
    "stock_bytes": "Stock Pyodide: bytes on the wire",
    "guide_bytes": "Guide: bytes on the wire (whole walk)",
    "plain_bytes": "Front page: bytes on the wire",
}


def _number(value: float, unit: str) -> str:
    return f"{value:,.0f} B" if unit == "B" else f"{value:,.0f} ms"


def render_table(report: dict) -> str:
    """The report as Markdown: metrics, then ratios against their targets."""
    machine = report["machine"]
    lines = [
        f"Measured {report['date']} on {machine['cpu_model']}, {machine['cpus']} CPUs, "
        f"{machine['memory_gib']} GiB RAM, load average {report['load_average']['before'][0]:.2f} "
        f"(before) / {report['load_average']['after'][0]:.2f} (after); Chromium {report['chromium_version']}, "
        f"Pyodide {report['pyodide_version']}; {report['runs']} cold + {report['runs']} warm runs each.",
        f"Warm guide runs started from the kept snapshot: {_restored(report['raw'])}.",
        "",
        "| Metric | Run | n | Median | p95 | Min–max |",
        "|---|---|--:|--:|--:|--:|",
    ]
    for name, entry in report["metrics"].items():
        key, _, phase = name.rpartition("_")
        unit = entry["unit"]
        lines.append(
            f"| {LABELS[key]} | {phase} | {entry['n']} | {_number(entry['median'], unit)} | "
            f"{_number(entry['p95'], unit)} | {_number(entry['min'], unit)}–{_number(entry['max'], unit)} |"
        )
    lines += ["", "| Ratio | Value | Target | Met |", "|---|--:|--:|---|"]
    for name in RATIOS:
        value, target = report[name], TARGETS.get(name)
        shown = f"{value:,.0f}" if name == "warm_bytes" else f"{value:.3f}"
        verdict = ("yes" if target.met(value) else "**no**") if target else "–"
        lines.append(f"| `{name}` | {shown} | {target or '–'} | {verdict} |")
    lines += ["", "| Guide, cold: where the bytes go | Median |", "|---|--:|"]
    for path, sent in heaviest(report["raw"], "guide", "cold"):
        lines.append(f"| `{path}` | {_number(sent, 'B')} |")
    return "\n".join(lines)


def _restored(runs: list[dict]) -> str:
    warm = [run["restored"] for run in runs if run["page"] == "guide" and run["phase"] == "warm"]
    return f"{sum(warm)} of {len(warm)}"


def heaviest(runs: list[dict], page: str, phase: str, count: int = 8) -> list[tuple[str, float]]:
    """The request paths that sent the most bytes in ``page``'s ``phase`` runs (median over runs)."""
    chosen = [run["bytes_by_path"] for run in runs if run["page"] == page and run["phase"] == phase]
    paths = {path for by_path in chosen for path in by_path}
    medians = {path: statistics.median(by_path.get(path, 0) for by_path in chosen) for path in paths}
    return sorted(medians.items(), key=lambda item: -item[1])[:count]


def machine() -> dict:
    """The machine the benchmark ran on."""
    cpuinfo = Path("/proc/cpuinfo").read_text() if Path("/proc/cpuinfo").exists() else ""
    model = next((line.split(":", 1)[1].strip() for line in cpuinfo.splitlines()
                  if line.startswith("model name")), platform.processor() or "unknown")
    meminfo = Path("/proc/meminfo").read_text() if Path("/proc/meminfo").exists() else ""
    total_kib = next((int(line.split()[1]) for line in meminfo.splitlines() if line.startswith("MemTotal:")), 0)
    return {
        "cpu_model": model,
        "cpus": os.cpu_count(),
        "cpus_available": len(os.sched_getaffinity(0)),
        "memory_gib": round(total_kib / 1024**2, 1),
        "system": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
    }


def run(site_dir: Path, rounds: int, warm_up: bool) -> dict:
    """Serve ``site_dir``, measure, and return the full report."""
    from playwright.sync_api import Error as PlaywrightError
    from playwright.sync_api import sync_playwright

    runtime = guide_runtime(site_dir)
    if not Path(CHROMIUM).exists():
        raise BenchError(f"Chromium findes ikke ({CHROMIUM}): installér Debians chromium.")
    load_before = os.getloadavg()
    server = BenchServer(site_dir, extra=stock_page(runtime)).start()
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
            try:
                runs = run_rounds(browser, server, rounds, warm_up)
                chromium_version = browser.version
            except PlaywrightError as error:
                raise BenchError(f"Chromium-kørslen fejlede: {error}") from error
            finally:
                browser.close()
    finally:
        server.shutdown()
        server.server_close()
    table = metrics(runs)
    measured = ratios(table, runs)
    versions = {run["pyodide_version"] for run in runs if run["page"] == "stock"}
    return {
        "date": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "machine": machine(),
        "load_average": {"before": list(load_before), "after": list(os.getloadavg())},
        "chromium_version": chromium_version,
        "pyodide_version": ", ".join(sorted(versions)),
        "site": str(site_dir),
        "guide_runtime": runtime,
        "runs": rounds,
        **measured,
        "targets": {name: {"target": str(t), "met": t.met(measured[name])} for name, t in TARGETS.items()},
        "metrics": table,
        "raw": runs,
    }


def _runs(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"antal kørsler skal være et helt tal på mindst 1 (fik {text!r})")
    return value


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="1 cold + 1 warm run each, no warm-up round")
    parser.add_argument("--runs", type=_runs, default=None, help=f"cold and warm runs each (default {DEFAULT_RUNS})")
    parser.add_argument("--site", type=Path, default=DEFAULT_SITE, help="the built site (default site/)")
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT, help="the JSON report (.bench/latest.json)")
    args = parser.parse_args(argv)
    rounds = args.runs or (1 if args.quick else DEFAULT_RUNS)
    print(f"Benchmark: {rounds} kolde + {rounds} varme kørsler af hver side ({args.site})", file=sys.stderr)
    try:
        report = run(args.site, rounds, warm_up=not args.quick)
    except BenchError as error:
        print(f"Fejl: {error}", file=sys.stderr)
        return 1
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(report, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(render_table(report))
    print(f"\nRapport: {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
