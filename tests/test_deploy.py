"""The intranet deployment kit: the generated nginx and IIS files, and the site served by Debian's nginx."""

import base64
import gzip
import hashlib
import html
import http.client
import json
import os
import re
import socket
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import pytest

from tests.conftest import ROOT, require
from tests.harness import answer_paths
from tools.deploy import server_config
from tools.deploy.server_config import IMMUTABLE, MIME_TYPES, REVALIDATE
from tools.runtime import precompress
from tools.site.serve import serve_in_background

DEPLOY = ROOT / "deploy"
NGINX = Path("/usr/sbin/nginx")
SUB_PATH = "/digital-chikane/"


# --- The generator --------------------------------------------------------------------------


def test_committed_files_match_a_fresh_generation_from_the_build(site_dir):
    for name, text in server_config.generate(site_dir).items():
        committed = (DEPLOY / name).read_text(encoding="utf-8")
        assert committed == text, f"deploy/{name} is stale: run `make deploy-config` and commit it"


def test_every_file_type_in_the_build_has_a_mime_type(site_dir):
    extensions = {path.suffix.lstrip(".") for path in site_dir.rglob("*") if path.is_file()}
    assert extensions - MIME_TYPES.keys() == set()


def test_hashes_are_the_ones_the_csp_specification_gives(tmp_path):
    # The example in CSP Level 3, "hash-source": alert('Hello, world.');
    (tmp_path / "index.html").write_text("<script>alert('Hello, world.');</script>", encoding="utf-8")
    hashes = server_config.inline_hashes(tmp_path)
    assert hashes.scripts == ("'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='",)


def _sha256_source(text: str) -> str:
    return f"'sha256-{base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()}'"


def test_only_executable_inline_code_is_hashed(tmp_path):
    (tmp_path / "a.html").write_text(
        '<script type="application/json">{"x": 1}</script><script src="a.js"></script>'
        "<script type=module>m()</script><style>p{}</style>",
        encoding="utf-8",
    )
    (tmp_path / "b.html").write_text("<script>\r\nm()</script><script type=module>m()</script>", encoding="utf-8")
    hashes = server_config.inline_hashes(tmp_path)
    # Browsers hash the text after turning CR LF into LF; the JSON block and src script are not hashed.
    assert hashes.scripts == tuple(sorted({_sha256_source("m()"), _sha256_source("\nm()")}))
    assert hashes.styles == (_sha256_source("p{}"),)
    policy = server_config.content_security_policy(hashes)
    assert f"script-src 'self' 'wasm-unsafe-eval' {' '.join(hashes.scripts)};" in policy
    assert f"style-src 'self' {hashes.styles[0]};" in policy
    assert "unsafe-inline" not in policy


@pytest.mark.parametrize("markup", ['<p style="color: red">x</p>', '<button onclick="go()">x</button>'])
def test_inline_code_no_hash_can_allow_is_refused_with_the_page_named(tmp_path, markup):
    (tmp_path / "side").mkdir()
    (tmp_path / "side" / "index.html").write_text(markup, encoding="utf-8")
    with pytest.raises(server_config.InlineCodeError, match=r"side/index\.html"):
        server_config.inline_hashes(tmp_path)


def test_command_line_names_the_missing_build(tmp_path, capsys):
    with pytest.raises(SystemExit) as exit_:
        server_config.main([str(tmp_path / "site"), str(tmp_path / "out")])
    assert exit_.value.code == 2
    message = capsys.readouterr().err
    assert "Error:" in message and "make build" in message
    assert not (tmp_path / "out").exists()


def test_command_line_names_a_bad_prefix(site_dir, tmp_path, capsys):
    with pytest.raises(SystemExit) as exit_:
        server_config.main([str(site_dir), str(tmp_path), "--prefix", "/digital chikane/"])
    assert exit_.value.code == 2
    assert "--prefix" in capsys.readouterr().err


# --- nginx serving the shipped configuration ---------------------------------------------------


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _build(site_url: str, site: Path) -> Path:
    """Build the site for the address it is served from, as on the intranet (SITE_URL)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": site_url}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)]
    proc = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
    assert proc.returncode == 0, f"mkdocs build failed:\n{proc.stderr}"
    return site


def _for_test(config: str, port: int, directive: str, site: Path) -> str:
    """The server block with only its listen line and its root (or alias) line changed."""
    config, listens = re.subn(r"(?m)^(\s*)listen 80;$", rf"\g<1>listen 127.0.0.1:{port};", config)
    path = f"{site}/" if directive == "alias" else str(site)
    config, roots = re.subn(rf"(?m)^(\s*){directive} \S+;$", rf"\g<1>{directive} {path};", config)
    assert (listens, roots) == (1, 1), "the server block should have one listen and one root line"
    return config


class Response:
    """Status, headers and the undecoded body of one HTTP response."""

    def __init__(self, status: int, headers: http.client.HTTPMessage, body: bytes):
        self.status, self.headers, self.body = status, headers, body


@dataclass(frozen=True)
class Served:
    """One site served by the test's nginx: where, and from which build."""

    port: int
    prefix: str
    site: Path

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}{self.prefix}"

    def get(self, path: str, **headers: str) -> Response:
        """GET ``path`` (relative to the site) with headers given as Accept_Encoding="gzip" etc."""
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        try:
            names = {key.replace("_", "-"): value for key, value in headers.items()}
            connection.request("GET", self.prefix + path, headers=names)
            response = connection.getresponse()
            return Response(response.status, response.headers, response.read())
        finally:
            connection.close()

    def one(self, pattern: str) -> str:
        """The site-relative path of the first file in the build matching ``pattern``."""
        matches = sorted(self.site.glob(pattern))
        assert matches, f"the build has no {pattern}"
        return matches[0].relative_to(self.site).as_posix()

    def assert_security_headers(self, response: Response):
        expected = server_config.security_headers(server_config.inline_hashes(self.site))
        for name, value in expected.items():
            assert response.headers.get_all(name) == [value], name
        assert response.headers.get("Strict-Transport-Security") is None
        assert response.headers.get("Server") == "nginx"  # server_tokens off: no version


@contextmanager
def running_nginx(work: Path, sites: list[str], ports: list[int], access_log: Path | None = None):
    """Debian's nginx as one process of the current user (it can read the builds in the private tmp dir), serving
    the server blocks in ``sites`` (files in ``work``) on ``ports`` until the block ends; its configuration checked
    first. ``access_log``: where it logs each request (none by default)."""
    temp_paths = "".join(
        f"    {kind}_temp_path {work}/{kind};\n" for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    includes = "".join(f"    include {work / site};\n" for site in sites)
    (work / "nginx.conf").write_text(
        f"daemon off;\nmaster_process off;\npid {work}/nginx.pid;\nerror_log {work}/error.log warn;\n"
        "events { worker_connections 64; }\n"
        "http {\n"
        "    include /etc/nginx/mime.types;\n"
        "    default_type application/octet-stream;\n"
        f"    access_log {access_log or 'off'};\n{temp_paths}{includes}"
        "}\n",
        encoding="utf-8",
    )
    command = [str(NGINX), "-p", str(work), "-c", str(work / "nginx.conf")]
    check = subprocess.run([*command, "-e", "stderr", "-t"], capture_output=True, text=True)
    assert check.returncode == 0, check.stderr
    assert "test is successful" in check.stderr and "[warn]" not in check.stderr, check.stderr
    with open(work / "error.log", "a") as log:
        server = subprocess.Popen([*command, "-e", str(work / "error.log")], stdout=log, stderr=log)
    deadline = time.monotonic() + 10
    while True:
        try:
            for port in ports:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            if server.poll() is not None or time.monotonic() > deadline:
                server.kill()
                pytest.fail(f"nginx did not start:\n{(work / 'error.log').read_text(errors='replace')}")
            time.sleep(0.05)
    try:
        yield
    finally:
        server.terminate()
        server.wait(timeout=10)


@dataclass(frozen=True)
class Nginx:
    root: Served  # deploy/nginx.conf as shipped
    sub_path: Served  # the variant generated for SUB_PATH
    embedded: Served  # the root's build with the variant generated for a portal that frames it (--frame-ancestors)
    portal: str  # the portal's address: another origin, whose pages put the site in an <iframe>


@pytest.fixture(scope="session")
def nginx(tmp_path_factory):
    """Debian's nginx on loopback serving deploy/nginx.conf, and the sub-path variant."""
    require(NGINX.exists(), "Debian's nginx (/usr/sbin/nginx)")
    work = tmp_path_factory.mktemp("nginx")
    root_port, sub_path_port, embedded_port = _free_port(), _free_port(), _free_port()
    root = Served(root_port, "/", _build(f"http://127.0.0.1:{root_port}/", work / "site"))
    sub_path = Served(sub_path_port, SUB_PATH, _build(f"http://127.0.0.1:{sub_path_port}{SUB_PATH}", work / "sub"))
    # The same build: the policy does not depend on the address the site is built for (a test below).
    embedded = Served(embedded_port, "/", root.site)
    portal = serve_in_background(_portal_pages(work / "portal", root, embedded))
    portal_url = f"http://127.0.0.1:{portal.server_address[1]}/"
    shipped = (DEPLOY / "nginx.conf").read_text(encoding="utf-8")
    (work / "site.conf").write_text(_for_test(shipped, root.port, "root", root.site), encoding="utf-8")
    variant = server_config.generate(sub_path.site, prefix=SUB_PATH)["nginx.conf"]
    (work / "sub-path.conf").write_text(_for_test(variant, sub_path.port, "alias", sub_path.site), encoding="utf-8")
    framed = server_config.generate(embedded.site, frame_ancestors=(portal_url,))["nginx.conf"]
    (work / "embedded.conf").write_text(_for_test(framed, embedded.port, "root", embedded.site), encoding="utf-8")
    ports = [root.port, sub_path.port, embedded.port]
    with running_nginx(work, ["site.conf", "sub-path.conf", "embedded.conf"], ports):
        yield Nginx(root=root, sub_path=sub_path, embedded=embedded, portal=portal_url)
    portal.shutdown()


# The intranet portal's pages (OPERATIONS.md, "Link and embed"): the guide for a manager in an <iframe>, served
# with the variant that allows the portal, and with the shipped configuration, which does not.
PORTAL_PAGE = (
    '<!doctype html><html lang="da"><head><meta charset="utf-8"><title>Intranet</title></head><body>'
    '<h1>Digital chikane</h1><iframe src="{src}" title="Beslutningsguide for ledere" width="800" height="900">'
    "</iframe></body></html>"
)


def _portal_pages(folder: Path, shipped: Served, embedded: Served) -> Path:
    folder.mkdir()
    for name, site in (("indlejret.html", embedded), ("uden-tilladelse.html", shipped)):
        src = f"{site.url}beslutningsguide/?rolle=leder"
        (folder / name).write_text(PORTAL_PAGE.format(src=src), encoding="utf-8")
    return folder


@pytest.mark.nginx
def test_the_policy_does_not_depend_on_the_address_the_site_is_built_for(nginx):
    # The browser tests serve deploy/nginx.conf as committed with a build for the nginx address.
    for name, text in server_config.generate(nginx.root.site).items():
        assert (DEPLOY / name).read_text(encoding="utf-8") == text, name


@pytest.mark.nginx
def test_pages_are_utf8_html_revalidated_under_the_policy(nginx):
    site = nginx.root
    response = site.get("retningslinje/")
    assert response.status == 200
    assert response.headers["Content-Type"] == "text/html; charset=utf-8"
    assert response.headers.get_all("Cache-Control") == [REVALIDATE]
    assert response.headers["Content-Security-Policy"].startswith(
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-"
    )
    site.assert_security_headers(response)
    assert response.headers["ETag"] and response.headers["Last-Modified"]
    again = site.get("retningslinje/", If_None_Match=response.headers["ETag"])
    assert again.status == 304
    site.assert_security_headers(again)


@pytest.mark.nginx
def test_every_file_type_is_sent_with_its_type(nginx):
    site = nginx.root
    samples = {}
    for path in sorted(site.site.rglob("*")):
        if path.is_file():
            samples.setdefault(path.suffix.lstrip("."), path.relative_to(site.site).as_posix())
    assert {"html", "css", "js", "mjs", "wasm", "json"} <= samples.keys()
    for extension, path in samples.items():
        response = site.get(path)
        assert response.status == 200, path
        assert response.headers["Content-Type"] == MIME_TYPES[extension].content_type, path


@pytest.mark.nginx
def test_pyodide_is_sent_as_webassembly_and_javascript(nginx):
    site = nginx.root
    assert site.get(site.one("assets/pyodide/*/pyodide.asm.wasm")).headers["Content-Type"] == "application/wasm"
    module = site.get(site.one("assets/pyodide/*/pyodide.mjs"))
    assert module.headers["Content-Type"] == "text/javascript; charset=utf-8"


@pytest.mark.nginx
def test_versioned_files_are_immutable_and_everything_else_revalidates(nginx):
    site = nginx.root
    immutable = [
        site.one("assets/pyodide/*/pyodide.asm.wasm"),
        site.one("assets/wizard/*/*.whl"),
        site.one("assets/javascripts/bundle.*.min.js"),
        site.one("assets/javascripts/workers/search.*.min.js"),
        site.one("assets/stylesheets/main.*.min.css"),
    ]
    revalidate = [
        "",
        "retningslinje/forebyggelse/",
        "assets/css/site.css",
        site.one("assets/javascripts/lunr/min/lunr.da.min.js"),
        "search/search_index.json",
        "sitemap.xml",
    ]
    for path in immutable:
        assert site.get(path).headers.get_all("Cache-Control") == [IMMUTABLE], path
    for path in revalidate:
        assert site.get(path).headers.get_all("Cache-Control") == [REVALIDATE], path


@pytest.mark.nginx
def test_errors_under_a_versioned_path_are_not_kept_for_a_year(nginx):
    site = nginx.root
    version_dir = site.one("assets/pyodide/*/pyodide.asm.wasm").rsplit("/", 1)[0]
    # A file not there (yet: a copy to the server half done) gets the site's 404 page, revalidated.
    missing = site.get(f"{version_dir}/findes-ikke.wasm")
    assert missing.status == 404
    assert missing.body == (site.site / "404.html").read_bytes()
    assert missing.headers.get_all("Cache-Control") == [REVALIDATE]
    site.assert_security_headers(missing)
    # A refused one (here a folder without an index) gets no caching header at all.
    refused = site.get(f"{version_dir}/")
    assert refused.status == 403
    assert refused.headers.get_all("Cache-Control") is None
    site.assert_security_headers(refused)
    # The file itself is still kept for a year.
    assert site.get(f"{version_dir}/pyodide.asm.wasm").headers.get_all("Cache-Control") == [IMMUTABLE]


@pytest.mark.nginx
@pytest.mark.parametrize(
    "pattern", ["assets/pyodide/*/pyodide.asm.wasm", "assets/javascripts/bundle.*.min.js", "retningslinje/index.html"]
)
def test_a_range_is_answered_with_the_whole_file_and_its_headers_once(nginx, pattern):
    # nginx answered a range past the end (416) with the file's headers and then the error's: a year-long
    # Cache-Control on an error, and every security header twice.
    site = nginx.root
    path = site.one(pattern)
    whole = (site.site / path).read_bytes()
    for requested in (f"bytes={len(whole) + 10}-", "bytes=0-99"):
        response = site.get(path, Range=requested)
        assert (response.status, response.body) == (200, whole), requested
        assert response.headers.get("Content-Range") is None
        assert len(response.headers.get_all("Cache-Control")) == 1
        site.assert_security_headers(response)


@pytest.mark.nginx
@pytest.mark.parametrize(
    "pattern",
    [
        "assets/stylesheets/main.*.min.css",
        "assets/javascripts/bundle.*.min.js",
        "assets/pyodide/*/pyodide.asm.wasm",
        "assets/wizard/*/python_stdlib.zip",
        "assets/wizard/*/wizard-*.whl",
    ],
)
def test_text_webassembly_and_the_stored_archives_are_compressed(nginx, pattern):
    site = nginx.root
    path = site.one(pattern)
    response = site.get(path, Accept_Encoding="gzip")
    assert response.headers["Content-Encoding"] == "gzip"
    assert response.headers["Vary"] == "Accept-Encoding"
    assert gzip.decompress(response.body) == (site.site / path).read_bytes()


@pytest.mark.nginx
@pytest.mark.parametrize(
    "pattern",
    ["assets/pyodide/*/pyodide.asm.wasm", "assets/pyodide/*/pyodide.asm.mjs", "assets/wizard/*/python_stdlib.zip"],
)
def test_the_runtime_is_sent_as_its_copy_compressed_at_build_time(nginx, pattern):
    site = nginx.root
    path = site.one(pattern)
    original = (site.site / path).read_bytes()
    copy = (site.site / f"{path}.gz").read_bytes()
    # Debian's nginx has gzip_static built in; brotli needs a module the shipped file does not ask for.
    response = site.get(path, Accept_Encoding="gzip, deflate, br, zstd")
    assert response.headers["Content-Encoding"] == "gzip"
    assert response.body == copy and gzip.decompress(copy) == original
    assert len(copy) < len(gzip.compress(original, server_config.GZIP_LEVEL, mtime=0))
    assert response.headers["Cache-Control"] == IMMUTABLE
    assert response.headers["Content-Type"] == MIME_TYPES[path.rpartition(".")[2]].content_type
    assert site.get(path).body == original


def test_with_brotli_nginx_sends_the_brotli_copies_of_the_versioned_files_and_only_then(site_dir):
    for brotli in (False, True):
        conf = server_config.generate(site_dir, brotli=brotli)["nginx.conf"]
        blocks = conf.split("location ")[2:]  # the versioned files' blocks, after the site's own
        assert blocks and all(("gzip_static on;" in block) for block in blocks)
        assert all(("brotli_static on;" in block) == brotli for block in blocks)
        assert conf.count("brotli_static") == (len(blocks) if brotli else 0)


def test_the_build_compresses_every_file_of_the_guides_first_visit_once_at_the_highest_levels(site_dir):
    guide = (site_dir / "beslutningsguide" / "index.html").read_text(encoding="utf-8")
    declared = json.loads(html.unescape(re.search(r'data-files="([^"]*)"', guide)[1]))
    pyodide = html.unescape(re.search(r'data-pyodide="([^"]*)"', guide)[1])
    files = [*declared, pyodide + "pyodide.mjs", pyodide + "pyodide.asm.mjs"]
    for path in files:
        original = (site_dir / path).read_bytes()
        if len(original) < precompress.MIN_SIZE:
            continue
        gzipped = (site_dir / f"{path}.gz").read_bytes()
        assert gzip.decompress(gzipped) == original, path
        # Zopfli's gzip: smaller than zlib's highest level (3.2 % for the .wasm, 114 kB).
        assert len(gzipped) < len(gzip.compress(original, 9)) or len(original) < 10_000, path
        brotli = subprocess.run(
            ["node", "-e", "process.stdout.write(require('zlib').brotliDecompressSync(require('fs').readFileSync(0)))"],
            input=(site_dir / f"{path}.br").read_bytes(), capture_output=True, check=True,
        )
        assert brotli.stdout == original, path
    # Nothing else under the versioned paths has a copy (MkDocs' own sitemap.xml.gz is a file of its own).
    copies = {
        p.relative_to(site_dir).as_posix() for directory in server_config.IMMUTABLE_DIRS
        for p in (site_dir / directory).rglob("*") if p.suffix in (".gz", ".br")
    }
    assert {c.rpartition(".")[0] for c in copies} <= set(files)


@pytest.mark.nginx
@pytest.mark.parametrize(
    "pattern",
    [
        "index.html",
        "assets/css/site.css",
        "assets/javascripts/bundle.*.min.js",
        "assets/pyodide/*/pyodide.asm.wasm",
        "assets/pyodide/*/pyodide.mjs",
        "assets/wizard/*/*.whl",
        "search/search_index.json",
    ],
)
def test_every_kind_of_response_has_the_security_headers(nginx, pattern):
    site = nginx.root
    response = site.get(site.one(pattern))
    assert response.status == 200
    site.assert_security_headers(response)


@pytest.mark.nginx
def test_missing_pages_get_the_sites_404_page_with_the_headers(nginx):
    site = nginx.root
    response = site.get("findes-ikke/")
    assert response.status == 404
    assert response.body == (site.site / "404.html").read_bytes()
    assert response.headers.get_all("Cache-Control") == [REVALIDATE]
    site.assert_security_headers(response)


@pytest.mark.nginx
def test_a_folder_without_its_slash_redirects_relatively(nginx):
    site = nginx.root
    response = site.get("retningslinje")
    assert response.status == 301
    assert response.headers["Location"] == "/retningslinje/"
    site.assert_security_headers(response)


@pytest.mark.nginx
def test_the_site_can_be_hosted_under_a_sub_path(nginx):
    site = nginx.sub_path
    page = site.get("retningslinje/")
    assert page.status == 200 and page.body == (site.site / "retningslinje/index.html").read_bytes()
    assert page.headers.get_all("Cache-Control") == [REVALIDATE]
    site.assert_security_headers(page)
    assert site.get(site.one("assets/javascripts/bundle.*.min.js")).headers.get_all("Cache-Control") == [IMMUTABLE]
    wasm = site.get(site.one("assets/pyodide/*/pyodide.asm.wasm"))
    assert (wasm.status, wasm.headers["Content-Type"]) == (200, "application/wasm")
    assert wasm.headers.get_all("Cache-Control") == [IMMUTABLE]
    missing = site.get("findes-ikke/")
    assert missing.status == 404 and missing.body == (site.site / "404.html").read_bytes()
    site.assert_security_headers(missing)
    # With site_url set to the sub-path, the 404 page links into it (OPERATIONS.md: hosting under a sub-path).
    assert f'href="{SUB_PATH}assets/' in missing.body.decode()


# --- Embedded in the intranet's portal (--frame-ancestors) ------------------------------------------------------


def test_the_portal_that_may_frame_the_site_is_named_in_both_files(site_dir):
    portal = ("https://Intranet.example.dk/", "https://intranet.example.dk")  # the same origin, written twice
    files = server_config.generate(site_dir, frame_ancestors=portal)
    policy = "frame-ancestors 'self' https://intranet.example.dk"
    assert f'{policy}" always;' in files["nginx.conf"]
    header = ET.fromstring(files["web.config"].split("\n", 1)[1]).find(
        "system.webServer/httpProtocol/customHeaders/add[@name='Content-Security-Policy']"
    )
    assert header.get("value").endswith(policy)
    # Only the site itself in the shipped files.
    shipped = (DEPLOY / "nginx.conf").read_text(encoding="utf-8")
    assert shipped.count("frame-ancestors") == shipped.count("frame-ancestors 'self'\"") > 0


@pytest.mark.parametrize("origin", ["intranet.example.dk", "https://intranet.example.dk/portal/", "*"])
def test_a_frame_ancestor_that_is_not_an_origin_is_refused(site_dir, tmp_path, capsys, origin):
    with pytest.raises(SystemExit) as exit_:
        server_config.main([str(site_dir), str(tmp_path / "out"), "--frame-ancestors", origin])
    assert exit_.value.code == 2
    assert "--frame-ancestors" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


@pytest.mark.nginx
def test_the_embedding_variant_sends_the_portal_in_frame_ancestors_and_the_shipped_file_does_not(nginx):
    for path in ("", "beslutningsguide/", "findes-ikke/"):
        policy = nginx.embedded.get(path).headers["Content-Security-Policy"]
        assert policy.endswith(f"frame-ancestors 'self' {nginx.portal.rstrip('/')}"), path
        assert nginx.root.get(path).headers["Content-Security-Policy"].endswith("frame-ancestors 'self'"), path


@pytest.mark.nginx
@pytest.mark.browser
def test_the_portal_shows_the_guide_for_a_role_in_an_iframe(watched, nginx):
    page = watched.page
    page.goto(nginx.portal + "indlejret.html")
    frame = page.frame_locator("iframe")
    frame.locator('[data-guide]:is([data-state="ready"], [data-state="failed"])').wait_for(timeout=60_000)
    assert frame.locator("[data-guide]").get_attribute("data-state") == "ready"
    frame.locator('form[data-question="danger_now"] label[for="danger_now-no"]').click()
    frame.locator('form[data-question="danger_now"] button[type="submit"]').click()
    frame.locator('form[data-question="role"]').wait_for()
    assert frame.locator('input[name="role"][value="manager"]').is_checked()
    assert watched.violations() == []


@pytest.mark.nginx
@pytest.mark.browser
def test_the_shipped_configuration_refuses_to_be_framed_by_another_site(browser, nginx):
    context = browser.new_context(locale="da-DK")
    try:
        page = context.new_page()
        refused = []
        page.on("console", lambda message: refused.append(message.text) if "frame-ancestors" in message.text else None)
        page.goto(nginx.portal + "uden-tilladelse.html", wait_until="load")
        page.wait_for_timeout(500)  # the refusal has no event of its own beyond the console message
        (child,) = page.main_frame.child_frames
        assert child.url.startswith("chrome-error://") or not child.url.startswith(nginx.root.url)
        assert page.frame_locator("iframe").locator("[data-guide]").count() == 0
        assert refused, "Chromium did not report the frame-ancestors refusal"
    finally:
        context.close()


def test_the_operators_guide_gives_a_link_per_role_and_the_embedding_switch():
    from tools.site import role_links
    from wizard.guideline import SECTIONS

    operations = (ROOT / "OPERATIONS.md").read_text(encoding="utf-8")
    for role, slug in role_links.SLUGS.items():
        assert f"/{role_links.GUIDE_PAGE}?{role_links.PARAMETER}={slug}`" in operations, role
        assert f"…/{SECTIONS[role_links.CHECKLISTS[role]].href}`" in operations, role
    assert "--frame-ancestors https://portal.example.dk" in operations
    assert "<iframe src=" in operations and "PRODUCTION=true" in operations


# --- IIS -------------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def expected_headers(site_dir):
    """The security headers every response must carry, as generated for this build."""
    return server_config.security_headers(server_config.inline_hashes(site_dir))


def _web_config() -> ET.Element:
    return ET.parse(DEPLOY / "web.config").getroot()


def _custom_headers(element: ET.Element) -> dict[str, str]:
    headers = {}
    for entry in element.find("system.webServer/httpProtocol/customHeaders"):
        if entry.tag == "remove":
            headers.pop(entry.get("name"), None)
        else:
            assert entry.get("name") not in headers, f"{entry.get('name')} added twice"
            headers[entry.get("name")] = entry.get("value")
    return headers


def test_web_config_maps_every_type_removing_first():
    static = _web_config().find("system.webServer/staticContent")
    entries = [(entry.tag, entry.get("fileExtension"), entry.get("mimeType")) for entry in static]
    maps = {extension: mime for tag, extension, mime in entries if tag == "mimeMap"}
    assert maps == {f".{extension}": mime.content_type for extension, mime in MIME_TYPES.items()}
    for extension in maps:
        assert entries.index(("remove", extension, None)) < entries.index(("mimeMap", extension, maps[extension]))
    assert maps[".wasm"] == "application/wasm" and maps[".mjs"].startswith("text/javascript")


# IIS compresses these without being told (its default staticTypes).
IIS_DEFAULT_COMPRESSED = {
    "text/*", "message/*", "application/javascript", "application/atom+xml", "application/xaml+xml"
}


def test_the_operators_guide_has_iis_compress_every_type_the_source_compresses():
    operations = (ROOT / "OPERATIONS.md").read_text()
    listed = set(re.findall(r"staticTypes\.\[mimeType='([^']+)',enabled='True'\]", operations))
    wanted = {mime.media_type for mime in MIME_TYPES.values() if mime.compress}
    wanted = {t for t in wanted if not t.startswith("text/")} - IIS_DEFAULT_COMPRESSED
    assert "application/zip" in wanted
    assert listed == wanted


def test_the_operators_guide_explains_every_reason_the_guide_gives_for_not_starting():
    from tools.site.guide_page import FAILURES

    operations = (ROOT / "OPERATIONS.md").read_text()
    for reason in [*FAILURES, "engine"]:
        assert f"`Beslutningsguiden ({reason})" in operations, reason


def test_web_config_sends_the_same_headers_as_the_source(expected_headers):
    root = _web_config()
    assert _custom_headers(root) == {**expected_headers, "Cache-Control": REVALIDATE}
    assert root.find("system.webServer/staticContent/clientCache").get("cacheControlMode") == "NoControl"
    assert root.find("system.webServer/urlCompression").get("doStaticCompression") == "true"
    error = root.find("system.webServer/httpErrors/error[@statusCode='404']")
    assert (error.get("path"), error.get("responseMode")) == ("/404.html", "ExecuteURL")


def _directives(cache_control: str) -> set[str]:
    return {directive.strip() for directive in cache_control.split(",")}


def _iis_file_cache_control(location: ET.Element) -> set[str]:
    """The Cache-Control directives IIS's static file handler sends for a file under ``location``."""
    client = location.find("system.webServer/staticContent/clientCache")
    assert client.get("cacheControlMode") == "UseMaxAge"
    days, clock = client.get("cacheControlMaxAge").split(".")
    assert clock == "00:00:00"
    return _directives(client.get("cacheControlCustom")) | {f"max-age={int(days) * 86400}"}


def test_web_config_keeps_only_served_files_for_a_year():
    locations = _web_config().findall("location")
    assert locations
    for location in locations:
        # No custom Cache-Control (it would go on errors too): the file handler's clientCache only.
        assert "Cache-Control" not in _custom_headers(location), location.get("path")
        assert _iis_file_cache_control(location) == _directives(IMMUTABLE), location.get("path")


@pytest.mark.nginx
def test_web_config_and_nginx_agree_on_every_response(nginx):
    """Every file: the same Content-Type and Cache-Control from nginx as web.config declares."""
    site, site_dir = nginx.root, nginx.root.site
    root = _web_config()
    types = {entry.get("fileExtension"): entry.get("mimeType") for entry in root.iter("mimeMap")}
    locations = {location.get("path"): _iis_file_cache_control(location) for location in root.findall("location")}
    site_cache_control = _directives(_custom_headers(root)["Cache-Control"])
    for location in locations:
        assert (site_dir / location).exists(), f"web.config names {location}, which the build does not have"
    for path in sorted(site_dir.rglob("*")):
        if not path.is_file():
            continue
        relative = path.relative_to(site_dir).as_posix()
        covering = [name for name in locations if relative == name or relative.startswith(f"{name}/")]
        iis_cache_control = locations[covering[0]] if covering else site_cache_control
        response = site.get(relative)
        assert response.headers["Content-Type"] == types[path.suffix], relative
        assert _directives(response.headers["Cache-Control"]) == iis_cache_control, relative


# --- The site under the policy in Chromium ----------------------------------------------------

COLLECT_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  const { violatedDirective, blockedURI, sourceFile, lineNumber } = event;
  window.__cspViolations.push(`${violatedDirective} blocked ${blockedURI} in ${sourceFile}:${lineNumber}`);
});
"""

# The path through the guide, as form fields by question id: threats, so a criminal matter. Its
# first incident is moved to yesterday, the latest to today (``_answer``). A question not in the
# path is answered with its first option, so a new question does not stall the path.
GUIDE_ANSWERS = {
    question_id: form[question_id]
    for question_id, form in answer_paths.forms(answer_paths.MANAGER_THREATENED_AT_WORK)
}


class PolicyWatch:
    """A browser page on the nginx-served site, and every CSP violation reported while it ran."""

    def __init__(self, page, base: str):
        self.page, self.base, self.reported = page, base, []

    def violations(self) -> list[str]:
        return self.reported + self.page.evaluate("window.__cspViolations")


@pytest.fixture
def watched(browser, nginx):
    """A fresh context whose pages, workers and console report every CSP violation."""
    context = browser.new_context(locale="da-DK", timezone_id="Europe/Copenhagen")
    context.add_init_script(COLLECT_VIOLATIONS)
    watch = PolicyWatch(context.new_page(), nginx.root.url)

    def on_console(message):
        if "content security policy" in message.text.lower() or "content-security-policy" in message.text.lower():
            watch.reported.append(message.text)

    watch.page.on("console", on_console)
    watch.page.on("worker", lambda worker: worker.on("console", on_console))
    watch.page.on("pageerror", lambda error: watch.reported.append(f"page error: {error}"))
    yield watch
    context.close()


@pytest.mark.nginx
@pytest.mark.browser
def test_pages_and_search_work_under_the_policy(watched, nginx):
    index = json.loads((nginx.root.site / "search/search_index.json").read_text(encoding="utf-8"))
    title = next(doc["title"] for doc in index["docs"] if doc["location"] == "retningslinje/")
    query = max(re.findall(r"\w+", title), key=len)
    page = watched.page
    page.goto(watched.base)
    assert watched.violations() == []
    # Material's instant navigation fetches the next page and re-runs its inline scripts; the
    # marker survives only if the page was not loaded afresh.
    page.evaluate("window.__sameDocument = true")
    heading = page.locator("article h1").element_handle()
    page.locator("a[href$='/retningslinje/']:visible").first.click()
    page.wait_for_function("heading => !heading.isConnected", arg=heading)
    assert page.url == watched.base + "retningslinje/"
    assert page.evaluate("window.__sameDocument") is True
    page.locator("input.md-search__input").click()
    # Typed key by key: Material's search listens to key events, not to a programmatic fill.
    page.locator("input.md-search__input").press_sequentially(query, delay=20)
    # The search worker (lunr and its Danish stemmer) ran under the policy and found the page.
    # Results are checked in the DOM: whether Material keeps its search overlay open right after an
    # instant navigation is a matter of timing, not of the policy.
    page.locator(".md-search-result__item a[href*='/retningslinje/?h=']").first.wait_for(state="attached")
    page.goto(watched.base + "retningslinje/forebyggelse/")
    page.locator("article h1").wait_for()
    assert watched.violations() == []


@pytest.mark.nginx
@pytest.mark.browser
def test_the_guide_completes_a_path_under_the_policy(watched):
    page = watched.page
    page.goto(watched.base + "beslutningsguide/")
    guide = page.locator("[data-state]").first
    page.locator("[data-state='ready'], [data-state='failed']").first.wait_for(timeout=60_000)
    state = (guide.get_attribute("data-state"), guide.get_attribute("data-failure"))
    assert state == ("ready", None), (state, watched.violations())
    for _ in range(len(GUIDE_ANSWERS) + 5):
        if page.locator("[data-result]").count():
            break
        form = page.locator("form[data-question], form[data-check]").first
        question = form.get_attribute("data-question")
        if question:
            _answer(form, question)
        shown = form.element_handle()
        form.locator("button[type='submit']").click()
        page.wait_for_function("form => !form.isConnected", arg=shown)
    result = page.locator("[data-result]")
    assert result.count() == 1, page.locator("form").first.inner_text()
    assert result.locator("[data-category='criminal']").count() == 1
    assert watched.violations() == []


def _answer(form, question: str):
    """Answer one question screen the way a reader would: click the labels, type the date."""
    # The first incident yesterday, the latest (the harassment is repeated) today.
    days_ago = {"incident_at": 1, "latest_incident_at": 0}
    if question in days_ago:
        form.locator(f"input[name='{question}']").fill((date.today() - timedelta(days=days_ago[question])).isoformat())
        return
    values = GUIDE_ANSWERS.get(question)
    if values is None:
        values = [form.locator(f"input[name='{question}']").first.get_attribute("value")]
    for value in values:
        form.locator(f"label[for='{question}-{value}']").click()


def test_dev_server_and_deployment_agree_on_the_guides_types():
    from tools.site.serve import MIME_TYPES as DEV_TYPES

    for extension, media_type in DEV_TYPES.items():
        assert MIME_TYPES[extension.lstrip(".")].media_type == media_type, extension
