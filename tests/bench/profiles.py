"""A reader on a first visit over a slow link or on a slow phone, answering at human pace.

Each run opens the guide in a fresh browser context (nothing cached) and walks the benchmark's
path like a person: a screen is read for ``pace`` seconds (1.5 s; a fast reader's profile has its
own, 0.5 s) from the moment it is shown, then answered and sent. A reader "from the front page" first
reads the front page for ``front_page_s`` seconds (20 s), which fetches the guide ahead, then opens
the guide. The reader answers "Nej" to danger, and acts only through the guide's stable hooks
(:mod:`tests.harness.guide_driver`). Measured inside the page, in ms from the guide's navigation start:

* the time to the result: when the result screen was shown;
* the total wait: over every submit, the time from the submit to the next screen being shown
  (the guide's ``guide:screen`` mark or its ``data-current`` changing, whichever comes first);
* the wait for Python: the part of it spent on screens that came only once the engine was ready
  (submitted before it was, shown after): what the reader waited for the download and start;
* whether, and when, the guide showed its fallback, and whether it came back from it;
* for the front page: its bytes with the guide fetched ahead, when that began against the page's
  load event, and its bytes for a reader whose browser asks to save data (no prefetch).

The guide's own give-up time is left as it is: a fallback is part of what a reader meets.

Network: Chromium's network emulation (``Network.emulateNetworkConditions`` on the page's
DevTools session), which also holds back the page's workers, so Pyodide's files arrive at the
profile's rate. CPU: Chromium's own CPU throttling does not reach workers, so the slow phone's
whole browser runs on one core (``taskset``) in a cgroup with a CPU quota (cgroup v2 ``cpu.max``,
or v1 ``cpu.cfs_quota_us``), every process and thread of it inherited from the launch.
"""

import os
import shlex
import shutil
import stat
import sys
import tempfile
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from playwright.sync_api import TimeoutError as PlaywrightTimeout

from tests.bench import BenchError
from tests.bench.server import BenchServer
from tests.bench.startup import (
    COLLECT,
    CONTEXT_OPTIONS,
    PATH,
    QUIET_SECONDS,
    guide_probe,
)
from tests.harness.guide_driver import (
    ANSWERABLE,
    GUIDE_PAGE,
    ROOT,
    SCREEN,
    SENT,
    choose,
    current_screen,
    failed,
    submit,
    wait_moved,
)
from wizard.questions import DANGER_SCREEN

PACE_SECONDS = 1.5
# Long enough for Pyodide's 5 MB at 1.6 Mbit/s on a loaded machine; a reader would have left earlier.
WAIT_TIMEOUT_MS = 180_000
# After a fallback, how long the reader keeps looking once nothing is loading any more.
GRACE_SECONDS = 10.0
CGROUP_V2 = Path("/sys/fs/cgroup")
CGROUP_V1_CPU = Path("/sys/fs/cgroup/cpu")
# The quota's period: short, so the browser is slowed evenly rather than stopped for long stretches.
CPU_PERIOD_US = 10_000


@dataclass(frozen=True)
class Network:
    """A link as Chromium emulates it: throughput each way and the latency added to every request."""

    down_kbit: int
    up_kbit: int
    latency_ms: int

    def conditions(self) -> dict:
        """The parameters of DevTools' ``Network.emulateNetworkConditions`` (throughput in bytes/s)."""
        return {
            "offline": False,
            "latency": self.latency_ms,
            "downloadThroughput": self.down_kbit * 1000 / 8,
            "uploadThroughput": self.up_kbit * 1000 / 8,
        }

    def __str__(self) -> str:
        return f"{self.down_kbit / 1000:g}/{self.up_kbit / 1000:g} Mbit/s, {self.latency_ms} ms"


@dataclass(frozen=True)
class Profile:
    key: str
    label: str
    network: Network
    # Share of one core for the whole browser, pinned to that core; None: the machine as it is.
    cpu_share: float | None = None
    # The limit on the reader's total wait, in ms.
    wait_target_ms: float | None = None
    # Seconds a screen is read; None: the benchmark's pace (--pace).
    pace: float | None = None
    # Seconds on the front page (which fetches the guide ahead) before the guide is opened; 0: the guide first.
    front_page_s: float = 0
    # The limit on the wait for Python (submitted before the engine was ready, shown after), in ms.
    python_wait_target_ms: float | None = None
    # Served with the runtime's brotli copies (nginx with brotli_static, over https), not the gzip ones.
    brotli: bool = False


# 1.6 Mbit/s with 150 ms is Lighthouse's mobile profile; 4 Mbit/s with 150 ms the weak phone
# link or VPN; 9 Mbit/s with 40 ms a good 4G or office link. The slow phone is on that good link, so
# its numbers show the CPU: half of one core for the whole browser. The fast reader (0.5 s a screen:
# a manager who knows the answers) and the reader who comes from the front page (20 s there, the guide
# fetched ahead meanwhile) are on the weak link. The two readers the link holds back most come again with
# brotli, as an https intranet whose server has the module sends it (OPERATIONS.md); every other profile,
# like the shipped deploy/nginx.conf, sends gzip.
WEAK_LINK = Network(4_000, 1_000, 150)
SLOWEST_LINK = Network(1_600, 750, 150)
PROFILES = {
    profile.key: profile
    for profile in (
        Profile("1.6mbit", "1.6 Mbit/s", SLOWEST_LINK, wait_target_ms=3_000),
        Profile("4mbit", "4 Mbit/s", WEAK_LINK, wait_target_ms=1_000),
        Profile("9mbit", "9 Mbit/s", Network(9_000, 1_500, 40), wait_target_ms=300),
        Profile("slow-phone", "Slow phone", Network(9_000, 1_500, 40), cpu_share=0.5),
        Profile("fast-4mbit", "Fast reader, 4 Mbit/s", WEAK_LINK, wait_target_ms=3_000, pace=0.5),
        Profile("front-page-4mbit", "From the front page, 4 Mbit/s", WEAK_LINK, front_page_s=20,
                python_wait_target_ms=0),
        Profile("1.6mbit-brotli", "1.6 Mbit/s, brotli", SLOWEST_LINK, wait_target_ms=3_000, brotli=True),
        Profile("fast-4mbit-brotli", "Fast reader, 4 Mbit/s, brotli", WEAK_LINK, wait_target_ms=3_000, pace=0.5,
                brotli=True),
    )
}
QUICK_PROFILES = ("9mbit",)


# -- The slow phone's CPU -------------------------------------------------------------------------


def _cgroup(share: float) -> tuple[Path | None, str]:
    """A new cgroup limited to ``share`` of one core, and how; or None and why there is none."""
    quota = max(1_000, round(share * CPU_PERIOD_US))
    name = f"tools-bench-{os.getpid()}"
    attempts = []
    if "cpu" in _read(CGROUP_V2 / "cgroup.controllers").split():
        attempts.append((CGROUP_V2 / name, {"cpu.max": f"{quota} {CPU_PERIOD_US}"}, "cgroup v2 cpu.max"))
    if (CGROUP_V1_CPU / "cpu.cfs_quota_us").exists():
        attempts.append((
            CGROUP_V1_CPU / name,
            {"cpu.cfs_period_us": str(CPU_PERIOD_US), "cpu.cfs_quota_us": str(quota)},
            "cgroup v1 cpu.cfs_quota_us",
        ))
    reasons = []
    for path, settings, how in attempts:
        try:
            path.mkdir()
        except OSError as error:
            reasons.append(f"{how}: {error.strerror}")
            continue
        try:
            for file, value in settings.items():
                (path / file).write_text(value)
        except OSError as error:
            path.rmdir()
            reasons.append(f"{how}: {error.strerror}")
            continue
        return path, f"{how} {quota} µs per {CPU_PERIOD_US} µs"
    return None, "; ".join(reasons) or "no writable cgroup cpu controller"


def _read(path: Path) -> str:
    try:
        return path.read_text()
    except OSError:
        return ""


@contextmanager
def slow_phone_chromium(chromium: str, share: float):
    """An executable that starts ``chromium`` on core 0 within a CPU quota; yields it and a description.

    Without a writable cgroup the browser is still pinned to one core, and the description says the
    quota is missing.
    """
    if not shutil.which("taskset"):
        raise BenchError("taskset is missing (Debian's util-linux): the slow-phone profile cannot limit the CPU.")
    cgroup, how = _cgroup(share)
    with tempfile.TemporaryDirectory(prefix="tools-bench-") as folder:
        launcher = Path(folder) / "chromium"
        join = f"echo $$ > {shlex.quote(str(cgroup / 'cgroup.procs'))}\n" if cgroup else ""
        launcher.write_text(f"#!/bin/sh\n{join}exec taskset -c 0 {shlex.quote(chromium)} \"$@\"\n")
        launcher.chmod(launcher.stat().st_mode | stat.S_IXUSR)
        description = f"core 0 only, {share:.0%} of it ({how})" if cgroup else f"core 0 only, no quota ({how})"
        try:
            yield str(launcher), description
        finally:
            if cgroup:
                _remove_cgroup(cgroup)


def _remove_cgroup(path: Path, timeout: float = 10.0) -> None:
    # The browser's processes leave the group as they exit, shortly after Playwright's close.
    deadline = time.monotonic() + timeout
    while True:
        try:
            path.rmdir()
            return
        except OSError:
            if time.monotonic() > deadline:
                print(f"  warning: could not remove cgroup {path}", file=sys.stderr)
                return
            time.sleep(0.1)


# -- The reader -----------------------------------------------------------------------------------


def _recovered(page, server: BenchServer, before: str) -> bool:
    """After a fallback: whether the guide comes back with a new screen while the reader still looks.

    The reader looks until nothing has been loading for GRACE_SECONDS (or WAIT_TIMEOUT_MS in all).
    """
    back = f'{SCREEN}:visible:not([data-current="{before}"]), {SCREEN}:visible:not(:has(form[{SENT}]))'
    deadline = time.monotonic() + WAIT_TIMEOUT_MS / 1000
    quiet_since = None
    while time.monotonic() < deadline:
        if page.locator(back).count():
            return True
        if server.wire.wait_quiet(QUIET_SECONDS, timeout=0.2):
            quiet_since = quiet_since or time.monotonic()
            if time.monotonic() - quiet_since > GRACE_SECONDS:
                return False
        else:
            quiet_since = None
    return False


def _answerable_or_failed(page) -> None:
    # A slow start may show the fallback before the reader could answer anything.
    page.wait_for_selector(f'{ANSWERABLE}:visible, {ROOT}[data-state="failed"]', timeout=WAIT_TIMEOUT_MS)


def read(page, server: BenchServer, pace: float) -> dict:
    """Walk the path at ``pace`` seconds per screen; what the page recorded, and whether it got there."""
    page.goto(server.url + GUIDE_PAGE, wait_until="commit", timeout=WAIT_TIMEOUT_MS)
    _answerable_or_failed(page)
    shown_at = page.evaluate("() => window.__bench.firstQuestion ?? performance.now()")
    while (screen := current_screen(page)) != "result":
        # A fallback may come while the reader reads, or while it waits after a submit.
        if failed(page):
            if not _recovered(page, server, screen):
                return {"reached": False, **page.evaluate(COLLECT)}
            shown_at = page.evaluate("performance.now()")
            continue
        if screen in PATH:
            choose(page, screen, PATH[screen])
        elif screen not in ("check", DANGER_SCREEN):
            raise BenchError(f"the guide asked {screen!r}, which the benchmark's path does not answer.")
        left = shown_at + pace * 1000 - page.evaluate("performance.now()")
        if left > 0:
            time.sleep(left / 1000)
        submit(page, timeout=WAIT_TIMEOUT_MS)
        wait_moved(page, screen, timeout=WAIT_TIMEOUT_MS)
        if failed(page):
            continue
        if current_screen(page) == screen:
            error = page.locator(f"{SCREEN} .guide-error-summary")
            refusal = error.inner_text() if error.count() else ""
            raise BenchError(f"the guide refused the answer to {screen!r}: {refusal}")
        if current_screen(page) != "result":
            _answerable_or_failed(page)
        collected = page.evaluate(COLLECT)
        after = [shown["at"] for shown in collected["screens"] if shown["at"] >= collected["submits"][-1]]
        shown_at = after[0] if after else collected["now"]
    return {"reached": True, **page.evaluate(COLLECT)}


def waits(submits: list[float], screens: list[dict]) -> list[dict]:
    """Each submit with the time until the next screen was shown (None: no screen came)."""
    paired = []
    for submitted in submits:
        shown = next((s for s in screens if s["at"] >= submitted), None)
        paired.append({"at": submitted, "screen": shown and shown["screen"], "ms": shown and shown["at"] - submitted})
    return paired


def python_wait(waits: list[dict], submits: list[float], ready: float | None) -> float | None:
    """The wait for Python: over the submits made before the engine was ready whose next screen came after."""
    if ready is None:
        return None
    return sum(
        pair["ms"] for pair, submitted in zip(waits, submits, strict=True)
        if pair["ms"] is not None and submitted < ready <= submitted + pair["ms"]
    )


FRONT_PAGE_PROBE = """() => {
  const navigation = performance.getEntriesByType("navigation")[0];
  const ahead = performance.getEntriesByType("resource").filter((entry) => entry.initiatorType === "link"
    && document.querySelector(`link[rel="prefetch"][href="${entry.name}"]`));
  return {
    load: navigation.loadEventEnd,
    prefetchStart: ahead.length ? Math.min(...ahead.map((entry) => entry.startTime)) : null,
    prefetchEnd: ahead.length ? Math.max(...ahead.map((entry) => entry.responseEnd)) : null,
    prefetched: ahead.length,
    lowPriority: [...document.querySelectorAll('link[rel="prefetch"]')].every((link) => link.fetchPriority === "low"),
  };
}"""


def read_front_page(page, server: BenchServer, seconds: float) -> dict:
    """The front page read for ``seconds`` from its navigation; what it fetched, and when."""
    started = time.monotonic()
    page.goto(server.url, wait_until="load", timeout=WAIT_TIMEOUT_MS)
    left = started + seconds - time.monotonic()
    if left > 0:
        time.sleep(left)
    seen = page.evaluate(FRONT_PAGE_PROBE)
    tally = server.wire.take()
    return {**seen, "bytes": tally.bytes, "requests": tally.requests}


def measure_save_data(browser, server: BenchServer, profile: Profile) -> dict:
    """The front page for a reader whose browser asks to save data: its bytes, nothing fetched ahead."""
    context = browser.new_context(**CONTEXT_OPTIONS)
    try:
        page = context.new_page()
        devtools = context.new_cdp_session(page)
        devtools.send("Network.enable")
        devtools.send("Network.emulateNetworkConditions", profile.network.conditions())
        devtools.send("Emulation.setDataSaverOverride", {"dataSaverEnabled": True})
        server.wire.wait_quiet(QUIET_SECONDS)
        server.wire.take()
        seen = read_front_page(page, server, profile.front_page_s)
    finally:
        context.close()
    return seen


def measure_reader(browser, server: BenchServer, profile: Profile, pace: float) -> dict:
    """One first visit of the reader under ``profile``'s network (from the front page, if it says so)."""
    context = browser.new_context(**CONTEXT_OPTIONS)
    context.add_init_script(guide_probe(lift_timeout_ms=None))
    front_page = None
    try:
        page = context.new_page()
        devtools = context.new_cdp_session(page)
        devtools.send("Network.enable")
        devtools.send("Network.emulateNetworkConditions", profile.network.conditions())
        server.wire.wait_quiet(QUIET_SECONDS)
        server.wire.take()
        if profile.front_page_s:
            front_page = read_front_page(page, server, profile.front_page_s)
        try:
            collected = read(page, server, profile.pace or pace)
        except PlaywrightTimeout as error:
            # Kept as this run's outcome, so one stuck run does not cost the other profiles' numbers.
            collected = {"reached": False, "error": str(error).splitlines()[0], **page.evaluate(COLLECT)}
        server.wire.wait_quiet(QUIET_SECONDS, timeout=60)
        tally = server.wire.take()
    finally:
        context.close()
    paired = waits(collected["submits"], collected["screens"])
    answered = [pair["ms"] for pair in paired if pair["ms"] is not None]
    result_at = next((s["at"] for s in collected["screens"] if s["screen"] == "result"), None)
    return {
        "profile": profile.key,
        "pace_seconds": profile.pace or pace,
        "front_page": front_page,
        "python_wait_ms": (
            python_wait(paired, collected["submits"], collected["ready"]) if collected["reached"] else None
        ),
        "reached_result": collected["reached"],
        "error": collected.get("error"),
        "fallback": collected["failedAt"] is not None,
        "fallback_ms": collected["failedAt"],
        "back_from_fallback_ms": collected["backAt"],
        "result_ms": result_at if collected["reached"] else None,
        "total_wait_ms": sum(answered) if collected["reached"] else None,
        "longest_wait_ms": max(answered, default=None),
        "waits": paired,
        "first_question_ms": collected["firstQuestion"] and max(collected["firstQuestion"], collected["fcp"] or 0),
        "ready_ms": collected["ready"],
        "moments_ms": collected.get("moments"),
        "bytes": tally.bytes,
        "requests": tally.requests,
    }


def run_profiles(
    launch, servers: dict[bool, BenchServer], chromium: str, keys: list[str], runs: int, pace: float
) -> dict:
    """``runs`` first visits per profile; ``launch(executable)`` starts a browser; ``servers`` by whether they send
    brotli. Profiles by key."""
    results = {}
    for key in keys:
        profile = PROFILES[key]
        server = servers[profile.brotli]
        with _browser_for(launch, chromium, profile) as (browser, cpu):
            measured = []
            for number in range(runs):
                measured.append(measure_reader(browser, server, profile, pace))
                print(f"  profile {profile.label}: run {number + 1}/{runs} done", file=sys.stderr, flush=True)
            save_data = measure_save_data(browser, server, profile) if profile.front_page_s else None
        results[key] = {
            "label": profile.label, "network": str(profile.network), "cpu": cpu, "pace_seconds": profile.pace or pace,
            "front_page_s": profile.front_page_s, "runs": measured, "save_data": save_data,
            "compression": "brotli" if profile.brotli else "gzip",
        }
    return results


@contextmanager
def _browser_for(launch, chromium: str, profile: Profile):
    if profile.cpu_share is None:
        browser = launch(chromium)
        try:
            yield browser, f"the machine's ({os.cpu_count()} cores, shared)"
        finally:
            browser.close()
        return
    with slow_phone_chromium(chromium, profile.cpu_share) as (executable, cpu):
        browser = launch(executable)
        try:
            yield browser, cpu
        finally:
            browser.close()
