"""``python -m tests.bench [--quick] [--runs N] [--profiles LIST] [--profile-runs N] [--brotli] [--site DIR]
[--output FILE]``

Serves the built site with production-like headers (:mod:`tests.bench.server`), measures the guide's
start against stock Pyodide on an unthrottled loopback (:mod:`tests.bench.startup`), then a reader's
first visit on slow links and a slow phone (:mod:`tests.bench.profiles`). Bytes are counted by the
server: everything it wrote to its sockets, headers included.

It prints a Markdown table (median, p95, min–max per metric), the ratios the guide is held to and
whether each target is met, where the guide's bytes go, and the profiles; it writes everything, raw
runs included, to ``.bench/latest.json``. The targets are informational: the exit status is 0
whenever the benchmark could run.
"""

import argparse
import json
import os
import sys
from datetime import UTC, datetime
from pathlib import Path

from tests.bench import BenchError
from tests.bench.profiles import PACE_SECONDS, PROFILES, QUICK_PROFILES, run_profiles
from tests.bench.report import (
    TARGETS,
    machine,
    metrics,
    profile_targets,
    ratios,
    render_table,
)
from tests.bench.server import BenchServer
from tests.bench.startup import guide_runtime, run_rounds, stock_page
from tests.harness.chromium import CHROMIUM, CHROMIUM_ARGS
from tests.harness.guide_driver import GuideError

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_SITE = ROOT / "site"
DEFAULT_OUTPUT = ROOT / ".bench" / "latest.json"
DEFAULT_RUNS = 7
DEFAULT_PROFILE_RUNS = 3


COMPRESSION = {
    False: "gzip (the build's Zopfli copies, as deploy/nginx.conf sends them with gzip_static)",
    True: "brotli where the browser accepts it (the build's copies, as nginx with brotli_static: "
          "server_config --brotli), else gzip",
}


def run(
    site_dir: Path, rounds: int, warm_up: bool, profiles: list[str], profile_runs: int, pace: float,
    brotli: bool = False,
) -> dict:
    """Serve ``site_dir``, measure, and return the full report."""
    from playwright.sync_api import Error as PlaywrightError
    from playwright.sync_api import sync_playwright

    runtime = guide_runtime(site_dir)
    if not Path(CHROMIUM).exists():
        raise BenchError(f"Chromium is missing ({CHROMIUM}): install Debian's chromium.")
    load_before = os.getloadavg()
    stock = stock_page(runtime)
    servers = {encoding: BenchServer(site_dir, extra=stock, brotli=encoding).start() for encoding in (False, True)}
    server = servers[brotli]
    try:
        with sync_playwright() as playwright:
            def launch(executable: str):
                return playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS, headless=True)

            try:
                browser = launch(CHROMIUM)
                try:
                    runs = run_rounds(browser, server, rounds, warm_up)
                    chromium_version = browser.version
                finally:
                    browser.close()
                readers = run_profiles(launch, servers, CHROMIUM, profiles, profile_runs, pace)
            except GuideError as error:
                raise BenchError(f"The decision guide: {error}") from error
            except PlaywrightError as error:
                raise BenchError(f"The Chromium run failed: {error}") from error
    finally:
        for each in servers.values():
            each.shutdown()
            each.server_close()
    table = metrics(runs)
    measured = ratios(table, runs)
    versions = {run["pyodide_version"] for run in runs if run["page"] == "stock"}
    return {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": machine(),
        "load_average": {"before": list(load_before), "after": list(os.getloadavg())},
        "chromium_version": chromium_version,
        "pyodide_version": ", ".join(sorted(versions)),
        "site": str(site_dir),
        "compression": COMPRESSION[brotli],
        "guide_runtime": runtime,
        "runs": rounds,
        **measured,
        "targets": {name: {"target": str(t), "met": t.met(measured[name])} for name, t in TARGETS.items()},
        "metrics": table,
        "pace_seconds": pace,
        "profile_runs": profile_runs,
        "profiles": readers,
        "profile_targets": profile_targets(readers),
        "raw": runs,
    }


def _count(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"the number of runs must be a whole number of at least 1 (got {text!r})")
    return value


def _profiles(text: str) -> list[str]:
    keys = [key.strip() for key in text.split(",") if key.strip()]
    if text.strip() == "none":
        return []
    unknown = [key for key in keys if key not in PROFILES]
    if unknown or not keys:
        raise argparse.ArgumentTypeError(
            f"unknown profile {', '.join(unknown) or repr(text)}: choose from {', '.join(PROFILES)} or none"
        )
    return keys


def _pace(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not 0 <= value <= 60:
        raise argparse.ArgumentTypeError(f"the pace must be a number of seconds from 0 to 60 (got {text!r})")
    return value


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.bench", description="Start-up benchmark of the guide.")
    quick = f"1 cold + 1 warm run each, no warm-up round, one reader run at {','.join(QUICK_PROFILES)}"
    parser.add_argument("--quick", action="store_true", help=quick)
    parser.add_argument("--runs", type=_count, default=None, help=f"cold and warm runs each (default {DEFAULT_RUNS})")
    parser.add_argument("--profiles", type=_profiles, default=None,
                        help=f"reader profiles, comma-separated, or none (default {','.join(PROFILES)})")
    parser.add_argument("--profile-runs", type=_count, default=None,
                        help=f"reader runs per profile (default {DEFAULT_PROFILE_RUNS})")
    parser.add_argument("--pace", type=_pace, default=PACE_SECONDS,
                        help=f"the reader's seconds per screen (default {PACE_SECONDS:g})")
    parser.add_argument("--brotli", action="store_true",
                        help="send the runtime's brotli copies to browsers that accept them (nginx with brotli_static) "
                             "in the start-up runs; each reader profile says which it gets")
    parser.add_argument("--site", type=Path, default=DEFAULT_SITE, help="the built site (default site/)")
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT, help="the JSON report (.bench/latest.json)")
    args = parser.parse_args(argv)
    rounds = args.runs or (1 if args.quick else DEFAULT_RUNS)
    profiles = args.profiles if args.profiles is not None else list(QUICK_PROFILES if args.quick else PROFILES)
    profile_runs = args.profile_runs or (1 if args.quick else DEFAULT_PROFILE_RUNS)
    print(f"Benchmark: {rounds} cold + {rounds} warm runs of each page, {profile_runs} reader runs per "
          f"profile ({', '.join(profiles) or 'none'}) ({args.site})", file=sys.stderr)
    try:
        report = run(args.site, rounds, not args.quick, profiles, profile_runs, args.pace, args.brotli)
    except BenchError as error:
        print(f"Error: {error}", file=sys.stderr)
        return 1
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(report, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(render_table(report))
    print(f"\nReport: {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
