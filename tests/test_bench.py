"""The start-up benchmark's harness: its server's headers and byte count, its arithmetic, and a
quick run against the session's built site. No timing is asserted: the numbers are the bench's
output, not a property of the code."""

import gzip
import json
import math
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from tests.bench import BenchError, profiles, report, startup
from tests.bench.server import BenchServer, Tally
from tests.conftest import CHROMIUM, ROOT, require
from tools.deploy.server_config import IMMUTABLE, REVALIDATE

WASM = b"\0asm" + bytes(range(256)) * 40
PAGE = b"<!doctype html><html lang='da'><title>x</title><p>" + b"tekst " * 400 + b"</p></html>"


@pytest.fixture
def tiny_site(tmp_path):
    files = {
        "index.html": PAGE,
        "404.html": b"<!doctype html><title>404</title><p>Siden findes ikke.</p>",
        "retningslinje/index.html": PAGE,
        "assets/pyodide/1.0/pyodide.asm.wasm": WASM,
        "assets/pyodide/1.0/python_stdlib.zip": b"PK" + bytes(3000),
        "assets/javascripts/bundle.a5f9d56c.min.js": b"console.log('x');" * 100,
        "assets/javascripts/guide/guide.js": b"console.log('y');" * 100,
        "assets/css/small.css": b"p{}",
    }
    for name, body in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(body)
    server = BenchServer(tmp_path).start()
    yield server
    server.shutdown()
    server.server_close()


def fetch(server: BenchServer, path: str, **headers) -> tuple[int, dict[str, str], bytes, int]:
    """One GET over a fresh socket: status, headers (lower-case names), body, and raw bytes received."""
    host, port = server.server_address[:2]
    lines = [f"GET {path} HTTP/1.1", f"Host: {host}:{port}", "Connection: close"]
    lines += [f"{name.replace('_', '-')}: {value}" for name, value in headers.items()]
    with socket.create_connection((host, port)) as sock:
        sock.sendall(("\r\n".join(lines) + "\r\n\r\n").encode())
        raw = b""
        while chunk := sock.recv(65536):
            raw += chunk
    head, _, body = raw.partition(b"\r\n\r\n")
    status_line, *header_lines = head.decode("latin-1").split("\r\n")
    parsed = {}
    for line in header_lines:
        name, _, value = line.partition(":")
        parsed[name.strip().lower()] = value.strip()
    return int(status_line.split()[1]), parsed, body, len(raw)


def test_wasm_goes_gzipped_with_its_type_and_a_years_caching_when_the_browser_accepts_gzip(tiny_site):
    status, headers, body, _ = fetch(tiny_site, "/assets/pyodide/1.0/pyodide.asm.wasm", Accept_Encoding="gzip, br")
    assert status == 200
    assert headers["content-type"] == "application/wasm"
    assert headers["content-encoding"] == "gzip"
    assert headers["vary"] == "Accept-Encoding"
    assert headers["cache-control"] == IMMUTABLE
    assert gzip.decompress(body) == WASM
    assert int(headers["content-length"]) == len(body) < len(WASM)


def test_without_accept_encoding_the_body_goes_as_it_is(tiny_site):
    status, headers, body, _ = fetch(tiny_site, "/assets/pyodide/1.0/pyodide.asm.wasm")
    assert status == 200
    assert "content-encoding" not in headers
    assert body == WASM


def test_stored_zip_archives_are_gzipped_and_tiny_files_never(tiny_site):
    _, zipped, body, _ = fetch(tiny_site, "/assets/pyodide/1.0/python_stdlib.zip", Accept_Encoding="gzip")
    assert zipped["content-encoding"] == "gzip" and zipped["content-type"] == "application/zip"
    assert gzip.decompress(body) == b"PK" + bytes(3000)
    _, tiny, body, _ = fetch(tiny_site, "/assets/css/small.css", Accept_Encoding="gzip")
    assert "content-encoding" not in tiny
    assert body == b"p{}"


def test_hashed_bundles_are_immutable_and_unversioned_files_revalidate(tiny_site):
    _, bundle, _, _ = fetch(tiny_site, "/assets/javascripts/bundle.a5f9d56c.min.js")
    _, guide_js, _, _ = fetch(tiny_site, "/assets/javascripts/guide/guide.js")
    _, page, _, _ = fetch(tiny_site, "/")
    assert bundle["cache-control"] == IMMUTABLE
    assert guide_js["cache-control"] == REVALIDATE
    assert page["cache-control"] == REVALIDATE
    assert guide_js["content-type"] == "text/javascript; charset=utf-8"
    assert page["content-type"] == "text/html; charset=utf-8"


def test_a_page_with_a_matching_etag_or_date_gets_304_and_no_body(tiny_site):
    _, first, _, _ = fetch(tiny_site, "/", Accept_Encoding="gzip")
    by_etag = fetch(tiny_site, "/", Accept_Encoding="gzip", If_None_Match=first["etag"])
    by_date = fetch(tiny_site, "/", If_Modified_Since=first["last-modified"])
    stale = fetch(tiny_site, "/", If_None_Match='"something-else"')
    assert by_etag[0] == 304 and by_etag[2] == b""
    assert by_date[0] == 304 and by_date[2] == b""
    assert stale[0] == 200 and stale[2] == PAGE


def test_the_gzipped_and_the_plain_body_have_different_etags(tiny_site):
    _, plain, _, _ = fetch(tiny_site, "/")
    _, zipped, _, _ = fetch(tiny_site, "/", Accept_Encoding="gzip")
    assert plain["etag"] != zipped["etag"]
    assert fetch(tiny_site, "/", If_None_Match=plain["etag"], Accept_Encoding="gzip")[0] == 200


def test_directories_redirect_to_their_slash_and_unknown_paths_get_the_404_page(tiny_site):
    status, headers, _, _ = fetch(tiny_site, "/retningslinje")
    assert (status, headers["location"]) == (301, "/retningslinje/")
    status, _, body, _ = fetch(tiny_site, "/findes-ikke/")
    assert status == 404
    assert b"Siden findes ikke." in body


def test_the_security_headers_of_the_deployed_site_are_sent(tiny_site):
    _, headers, _, _ = fetch(tiny_site, "/")
    assert headers["x-content-type-options"] == "nosniff"
    assert "wasm-unsafe-eval" in headers["content-security-policy"]


def test_the_wire_counter_counts_every_byte_the_client_receives(tiny_site):
    tiny_site.wire.wait_quiet(0.05)
    tiny_site.wire.take()
    paths = ("/", "/assets/pyodide/1.0/pyodide.asm.wasm", "/nope")
    received = {path: fetch(tiny_site, path, Accept_Encoding="gzip")[3] for path in paths}
    assert tiny_site.wire.wait_quiet(0.05)
    tally = tiny_site.wire.take()
    assert tally.by_path == received
    assert (tally.bytes, tally.requests) == (sum(received.values()), 3)
    assert tiny_site.wire.take() == Tally(0, 0, {})


def test_percentile_interpolates_between_closest_ranks():
    assert report.percentile([4, 1, 3, 2], 0.5) == 2.5
    assert report.percentile([10, 20, 30, 40, 50], 0.95) == pytest.approx(48.0)
    assert report.percentile([7], 0.95) == 7
    assert report.percentile([1, 2, 3], 1.0) == 3


def test_each_answer_is_paired_with_the_first_screen_shown_after_it():
    screens = [{"at": 50.0, "screen": "role"}, {"at": 130.0, "screen": "behaviours"}, {"at": 400.0, "screen": "result"}]
    assert startup.steps([40.0, 100.0, 390.0], screens) == [
        {"screen": "role", "ms": 10.0},
        {"screen": "behaviours", "ms": 30.0},
        {"screen": "result", "ms": 10.0},
    ]
    with pytest.raises(BenchError, match="guide:screen"):
        startup.steps([500.0], screens)


def test_each_submit_is_paired_with_the_next_screen_or_none_when_the_guide_never_answered():
    screens = [{"at": 1500.0, "screen": "role"}, {"at": 3100.0, "screen": "behaviours"}]
    assert profiles.waits([1490.0, 3000.0, 4600.0], screens) == [
        {"at": 1490.0, "screen": "role", "ms": 10.0},
        {"at": 3000.0, "screen": "behaviours", "ms": 100.0},
        {"at": 4600.0, "screen": None, "ms": None},
    ]


def test_the_wait_for_python_counts_the_screens_submitted_before_the_engine_was_ready_and_shown_after():
    waits = [{"screen": "role", "ms": 10.0}, {"screen": "check", "ms": 4_000.0}, {"screen": "result", "ms": 60.0}]
    # Ready at 6 s: the second screen waited for it, the first came from the page, the third from the engine.
    assert profiles.python_wait(waits, [1_000.0, 3_000.0, 8_000.0], ready=6_000.0) == 4_000.0
    assert profiles.python_wait(waits, [1_000.0, 3_000.0, 8_000.0], ready=500.0) == 0
    assert profiles.python_wait(waits, [1_000.0, 3_000.0, 8_000.0], ready=None) is None


def test_the_profiles_are_the_issues_links_in_bytes_per_second():
    assert [key for key in profiles.PROFILES] == [
        "1.6mbit", "4mbit", "9mbit", "slow-phone", "fast-4mbit", "front-page-4mbit", "1.6mbit-brotli",
        "fast-4mbit-brotli",
    ]
    # The same readers, with brotli instead of the shipped gzip; no other profile sends brotli.
    for key in ("1.6mbit", "fast-4mbit"):
        gzip, brotli = profiles.PROFILES[key], profiles.PROFILES[f"{key}-brotli"]
        assert brotli.brotli and not gzip.brotli
        assert (brotli.network, brotli.pace, brotli.wait_target_ms) == (gzip.network, gzip.pace, gzip.wait_target_ms)
    assert sum(profile.brotli for profile in profiles.PROFILES.values()) == 2
    assert profiles.PROFILES["fast-4mbit"].pace == 0.5
    assert profiles.PROFILES["fast-4mbit"].network == profiles.PROFILES["4mbit"].network
    assert profiles.PROFILES["front-page-4mbit"].front_page_s == 20
    assert profiles.PROFILES["front-page-4mbit"].python_wait_target_ms == 0
    conditions = profiles.PROFILES["1.6mbit"].network.conditions()
    assert conditions == {"offline": False, "latency": 150, "downloadThroughput": 200_000, "uploadThroughput": 93_750}
    assert profiles.PROFILES["4mbit"].network.conditions()["downloadThroughput"] == 500_000
    assert profiles.PROFILES["9mbit"].network.conditions()["downloadThroughput"] == 1_125_000
    assert profiles.PROFILES["slow-phone"].cpu_share == 0.5
    assert set(profiles.QUICK_PROFILES) <= set(profiles.PROFILES)


def reader_run(reached: bool, fallback: bool = False, wait: float | None = 100.0) -> dict:
    return {
        "reached_result": reached,
        "fallback": fallback,
        "fallback_ms": 10_500.0 if fallback else None,
        "result_ms": 18_000.0 if reached else None,
        "total_wait_ms": wait if reached else None,
        "python_wait_ms": 0.0 if reached else None,
        "longest_wait_ms": wait,
        "waits": [
            {"screen": "role", "ms": wait},
            {"screen": "result", "ms": 0.0} if reached else {"screen": None, "ms": None},
        ],
        "first_question_ms": 700.0,
        "ready_ms": 6_000.0 if reached else None,
        "bytes": 5_000_000,
    }


def profile(*runs: dict) -> dict:
    return {"label": "x", "network": "y", "cpu": "z", "runs": list(runs)}


def test_the_reader_targets_need_every_run_at_the_result_without_fallback_and_short_waits():
    good = {"4mbit": profile(reader_run(True, wait=900.0)), "9mbit": profile(reader_run(True, wait=250.0))}
    assert {name: entry["met"] for name, entry in report.profile_targets(good).items()} == {
        "result_without_fallback": True,
        "total_wait_4mbit": True,
        "total_wait_9mbit": True,
    }
    front = {"front-page-4mbit": profile(reader_run(True)), "fast-4mbit": profile(reader_run(True, wait=2_900.0))}
    assert {name: entry["met"] for name, entry in report.profile_targets(front).items()} == {
        "result_without_fallback": True,
        "total_wait_fast-4mbit": True,
        "python_wait_front-page-4mbit": True,
    }
    front["front-page-4mbit"]["runs"][0]["python_wait_ms"] = 150.0
    assert not report.profile_targets(front)["python_wait_front-page-4mbit"]["met"]
    slow = {"4mbit": profile(reader_run(True, wait=1_200.0)), "9mbit": profile(reader_run(True, wait=250.0))}
    assert not report.profile_targets(slow)["total_wait_4mbit"]["met"]
    # A fallback the guide came back from still misses the target; a run that never got there has no wait.
    recovered = {"9mbit": profile(reader_run(True, fallback=True, wait=250.0))}
    assert not report.profile_targets(recovered)["result_without_fallback"]["met"]
    stuck = {"4mbit": profile(reader_run(True), reader_run(False, fallback=True))}
    targets = report.profile_targets(stuck)
    assert targets["total_wait_4mbit"] == {"target": "≤ 1000 ms", "value": None, "met": False}
    assert report.profile_targets({}) == {}


def test_the_profile_table_shows_a_run_that_never_reached_the_result_as_missing():
    data = {
        "pace_seconds": 1.5,
        "profile_runs": 2,
        "profiles": {"4mbit": profile(reader_run(True), reader_run(False, fallback=True))},
    }
    data["profile_targets"] = report.profile_targets(data["profiles"])
    lines = report.render_profiles(data)
    row = next(line for line in lines if line.startswith("| x |"))
    assert "| 1.5 s a screen | 1 of 2 | 1 of 2 (at 10.50 s) |" in row and "| – (–) |" in row
    assert "The path has 2 screens to answer, so reading alone takes 3 s after the first question." in lines[0]
    assert "| `result_without_fallback` | no | every profile, every run | **no** |" in lines


def test_the_profile_table_says_what_the_front_page_costs_with_and_without_save_data():
    run = {**reader_run(True), "front_page": {
        "load": 600.0, "prefetchStart": 700.0, "prefetchEnd": 11_000.0, "prefetched": 30, "lowPriority": True,
        "bytes": 5_400_000, "requests": 60,
    }}
    front = {**profile(run), "front_page_s": 20, "save_data": {"bytes": 120_000, "prefetched": 0}}
    data = {"pace_seconds": 1.5, "profile_runs": 1, "profiles": {"front-page-4mbit": front}}
    data["profile_targets"] = report.profile_targets(data["profiles"])
    text = "\n".join(report.render_profiles(data))
    assert "1.5 s a screen, 20 s on the front page first" in text
    assert "5,400,000 B on the wire with the guide fetched ahead (30 files, begun 100 ms after" in text
    assert "all at low priority" in text and "With Save-Data: 120,000 B, 0 files fetched ahead." in text


def test_the_slow_phone_starts_chromium_on_one_core_inside_a_cpu_quota(tmp_path, monkeypatch):
    # A stand-in for cgroup v2's root: the benchmark makes its group there and sets cpu.max.
    (tmp_path / "cgroup.controllers").write_text("cpuset cpu io memory pids\n")
    monkeypatch.setattr(profiles, "CGROUP_V2", tmp_path)
    monkeypatch.setattr(profiles, "CGROUP_V1_CPU", tmp_path / "absent")
    monkeypatch.setattr(profiles, "_remove_cgroup", lambda path: None)
    with profiles.slow_phone_chromium("/usr/bin/chromium", 0.5) as (launcher, description):
        (group,) = [path for path in tmp_path.iterdir() if path.is_dir()]
        assert (group / "cpu.max").read_text() == "5000 10000"
        script = Path(launcher).read_text()
        assert f"echo $$ > {group / 'cgroup.procs'}" in script
        assert script.rstrip().endswith('exec taskset -c 0 /usr/bin/chromium "$@"')
        assert "50%" in description and "cgroup v2 cpu.max" in description


def test_without_a_writable_cgroup_the_slow_phone_is_one_core_and_says_it_has_no_quota(tmp_path, monkeypatch):
    monkeypatch.setattr(profiles, "CGROUP_V2", tmp_path / "absent")
    monkeypatch.setattr(profiles, "CGROUP_V1_CPU", tmp_path / "absent")
    with profiles.slow_phone_chromium("/usr/bin/chromium", 0.5) as (launcher, description):
        script = Path(launcher).read_text()
        assert "cgroup.procs" not in script and "taskset -c 0" in script
        assert description.startswith("core 0 only, no quota")


def test_targets_are_the_issues_limits():
    assert report.TARGETS["ready_over_stock_cold"].met(0.40)
    assert not report.TARGETS["ready_over_stock_warm"].met(0.41)
    assert report.TARGETS["first_question_over_plain_page"].met(1.2)
    assert not report.TARGETS["step_p95_over_stock_cold"].met(0.031)
    assert not report.TARGETS["cold_bytes_over_stock"].met(0.86)
    assert report.TARGETS["warm_bytes"].met(49_999)
    assert not report.TARGETS["warm_bytes"].met(50_000)


def test_the_stock_page_loads_the_sites_pyodide_with_the_stock_stdlib_and_no_packages(site_dir):
    runtime = startup.guide_runtime(site_dir)
    files = startup.stock_page(runtime)
    script = files[startup.STOCK_DIR + "stock.mjs"].decode()
    assert f'"/{runtime["pyodide"]}pyodide.mjs"' in script
    assert f'"/{runtime["lockfile"]}"' in script
    assert "stdLibURL" not in script and "packages:" not in script
    assert (site_dir / runtime["pyodide"] / "pyodide.mjs").is_file()
    assert (site_dir / runtime["lockfile"]).is_file()
    # Pyodide's stock standard library is the benchmark's own: the site does not deploy it.
    stock_stdlib = runtime["pyodide"] + "python_stdlib.zip"
    assert files[stock_stdlib] == (ROOT / "node_modules/pyodide/python_stdlib.zip").read_bytes()
    assert not (site_dir / stock_stdlib).exists()


@pytest.mark.parametrize(
    "arguments, field, message",
    [
        (["--runs", "0"], "--runs", "whole number of at least 1"),
        (["--runs", "tre"], "--runs", "whole number of at least 1"),
        (["--profile-runs", "0"], "--profile-runs", "whole number of at least 1"),
        (["--profiles", "3g"], "--profiles", "unknown profile 3g"),
        (["--pace", "hurtigt"], "--pace", "number of seconds"),
    ],
)
def test_a_bad_option_is_refused_naming_it(arguments, field, message):
    proc = subprocess.run([sys.executable, "-m", "tests.bench", *arguments], cwd=ROOT, capture_output=True, text=True)
    assert proc.returncode == 2
    assert field in proc.stderr
    assert message in proc.stderr
    assert "Traceback" not in proc.stderr


def test_a_missing_site_is_reported_without_a_traceback(tmp_path):
    proc = subprocess.run(
        [sys.executable, "-m", "tests.bench", "--quick", "--site", str(tmp_path / "intet"), "--output",
         str(tmp_path / "r.json")],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 1
    assert "make build" in proc.stderr and "does not exist" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert not (tmp_path / "r.json").exists()


@pytest.mark.browser
def test_quick_bench_writes_every_ratio_and_prints_the_table(site_dir, tmp_path):
    require(Path(CHROMIUM).exists(), "Debian's chromium (/usr/bin/chromium)")
    output = tmp_path / "latest.json"
    proc = subprocess.run(
        [sys.executable, "-m", "tests.bench", "--quick", "--site", str(site_dir), "--output", str(output)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert proc.returncode == 0, proc.stderr
    written = json.loads(output.read_text(encoding="utf-8"))

    for key in report.TARGETS:
        value = written[key]
        assert isinstance(value, (int, float)) and math.isfinite(value) and value > 0, (key, value)
        assert f"`{key}`" in proc.stdout
    assert written["targets"].keys() == report.TARGETS.keys()
    assert "| Metric | Run | n | Median | p95 | Min–max |" in proc.stdout
    assert "Warm guide runs started from the kept snapshot: 1 of 1." in proc.stdout

    pages = sorted((run["page"], run["phase"]) for run in written["raw"])
    assert pages == sorted((page, phase) for page in startup.PAGES for phase in ("cold", "warm"))
    guide_runs = [run for run in written["raw"] if run["page"] == "guide"]
    assert all(run["steps"][-1]["screen"] == "result" for run in guide_runs)
    # A warm run is a revisit: it starts from the snapshot the cold run kept.
    assert [(run["phase"], run["restored"]) for run in guide_runs] == [("cold", False), ("warm", True)]
    assert all(run["bytes"] > 0 and run["requests"] > 0 for run in written["raw"])
    assert written["pyodide_version"] == Path(startup.guide_runtime(site_dir)["pyodide"]).name
    assert written["chromium_version"]
    assert written["machine"]["cpus"] >= 1 and written["machine"]["cpu_model"]

    # One quick first visit of the reader at a quick profile, with what it saw.
    assert list(written["profiles"]) == list(profiles.QUICK_PROFILES)
    (reader,) = written["profiles"][profiles.QUICK_PROFILES[0]]["runs"]
    assert reader["reached_result"] or reader["fallback"]
    assert reader["waits"] and reader["first_question_ms"] > 0 and reader["bytes"] > 0
    if reader["reached_result"]:
        assert [wait["screen"] for wait in reader["waits"]][-1] == "result"
        assert reader["total_wait_ms"] == pytest.approx(sum(wait["ms"] for wait in reader["waits"]))
    assert written["profile_targets"].keys() == {"result_without_fallback", "total_wait_9mbit"}
    assert "| Profile | Network (down/up, latency), compression | CPU |" in proc.stdout
    assert "| `result_without_fallback` |" in proc.stdout


def test_each_reader_profile_is_served_by_the_server_with_its_compression(monkeypatch):
    used = []
    monkeypatch.setattr(profiles, "measure_reader", lambda browser, server, profile, pace: used.append(server) or {})

    class Browser:
        def close(self):
            pass

    servers = {False: "gzip server", True: "brotli server"}
    keys = ["1.6mbit", "1.6mbit-brotli", "fast-4mbit-brotli"]
    results = profiles.run_profiles(lambda executable: Browser(), servers, "chromium", keys, 1, 1.5)
    assert used == ["gzip server", "brotli server", "brotli server"]
    assert [results[key]["compression"] for key in keys] == ["gzip", "brotli", "brotli"]
