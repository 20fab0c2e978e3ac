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

from tests.conftest import CHROMIUM, ROOT, require
from tools import bench
from tools.bench_server import BenchServer, Tally
from tools.deploy_config import IMMUTABLE, REVALIDATE

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
    assert bench.percentile([4, 1, 3, 2], 0.5) == 2.5
    assert bench.percentile([10, 20, 30, 40, 50], 0.95) == pytest.approx(48.0)
    assert bench.percentile([7], 0.95) == 7
    assert bench.percentile([1, 2, 3], 1.0) == 3


def test_each_answer_is_paired_with_the_first_screen_shown_after_it():
    screens = [{"at": 50.0, "screen": "role"}, {"at": 130.0, "screen": "behaviours"}, {"at": 400.0, "screen": "result"}]
    assert bench.steps([40.0, 100.0, 390.0], screens) == [
        {"screen": "role", "ms": 10.0},
        {"screen": "behaviours", "ms": 30.0},
        {"screen": "result", "ms": 10.0},
    ]
    with pytest.raises(bench.BenchError, match="guide:screen"):
        bench.steps([500.0], screens)


def test_targets_are_the_issues_limits():
    assert bench.TARGETS["ready_over_stock_cold"].met(0.40)
    assert not bench.TARGETS["ready_over_stock_warm"].met(0.41)
    assert bench.TARGETS["first_question_over_plain_page"].met(1.2)
    assert not bench.TARGETS["step_p95_over_stock_cold"].met(0.031)
    assert not bench.TARGETS["cold_bytes_over_stock"].met(0.86)
    assert bench.TARGETS["warm_bytes"].met(49_999)
    assert not bench.TARGETS["warm_bytes"].met(50_000)


def test_the_stock_page_loads_the_sites_pyodide_with_the_stock_stdlib_and_no_packages(site_dir):
    runtime = bench.guide_runtime(site_dir)
    files = bench.stock_page(runtime)
    script = files[bench.STOCK_DIR + "stock.mjs"].decode()
    assert f'"/{runtime["pyodide"]}pyodide.mjs"' in script
    assert f'"/{runtime["lockfile"]}"' in script
    assert "stdLibURL" not in script and "packages:" not in script
    assert (site_dir / runtime["pyodide"] / "pyodide.mjs").is_file()
    assert (site_dir / runtime["lockfile"]).is_file()


@pytest.mark.parametrize("arguments, field", [(["--runs", "0"], "--runs"), (["--runs", "tre"], "--runs")])
def test_a_bad_run_count_is_refused_in_danish_naming_the_option(arguments, field):
    proc = subprocess.run([sys.executable, "-m", "tools.bench", *arguments], cwd=ROOT, capture_output=True, text=True)
    assert proc.returncode == 2
    assert field in proc.stderr
    assert "helt tal på mindst 1" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_a_missing_site_is_reported_in_danish(tmp_path):
    proc = subprocess.run(
        [sys.executable, "-m", "tools.bench", "--quick", "--site", str(tmp_path / "intet"), "--output",
         str(tmp_path / "r.json")],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 1
    assert "make build" in proc.stderr and "findes ikke" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert not (tmp_path / "r.json").exists()


@pytest.mark.browser
def test_quick_bench_writes_every_ratio_and_prints_the_table(site_dir, tmp_path):
    require(Path(CHROMIUM).exists(), "Debian's chromium (/usr/bin/chromium)")
    output = tmp_path / "latest.json"
    proc = subprocess.run(
        [sys.executable, "-m", "tools.bench", "--quick", "--site", str(site_dir), "--output", str(output)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert proc.returncode == 0, proc.stderr
    report = json.loads(output.read_text(encoding="utf-8"))

    for key in bench.TARGETS:
        value = report[key]
        assert isinstance(value, (int, float)) and math.isfinite(value) and value > 0, (key, value)
        assert f"`{key}`" in proc.stdout
    assert report["targets"].keys() == bench.TARGETS.keys()
    assert "| Metric | Run | n | Median | p95 | Min–max |" in proc.stdout
    assert "Warm guide runs started from the kept snapshot: 1 of 1." in proc.stdout

    pages = sorted((run["page"], run["phase"]) for run in report["raw"])
    assert pages == sorted((page, phase) for page in bench.PAGES for phase in ("cold", "warm"))
    guide_runs = [run for run in report["raw"] if run["page"] == "guide"]
    assert all(run["steps"][-1]["screen"] == "result" for run in guide_runs)
    # A warm run is a revisit: it starts from the snapshot the cold run kept.
    assert [(run["phase"], run["restored"]) for run in guide_runs] == [("cold", False), ("warm", True)]
    assert all(run["bytes"] > 0 and run["requests"] > 0 for run in report["raw"])
    assert report["pyodide_version"] == Path(bench.guide_runtime(site_dir)["pyodide"]).name
    assert report["chromium_version"]
    assert report["machine"]["cpus"] >= 1 and report["machine"]["cpu_model"]
