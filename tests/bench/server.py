"""A production-like static server for the start-up benchmark, counting the bytes it sends.

It serves a built site from memory the way ``deploy/`` configures the intranet's servers
(types, cache rules and security headers from :mod:`tools.deploy.server_config`): gzip for
compressible types when the browser accepts it, at nginx's configured level, and for a versioned file
its copy compressed at build time where there is one (nginx's ``gzip_static``; with ``brotli``, the
brotli copy to a browser that accepts it, as ``brotli_static`` would), a year of caching for versioned paths,
``no-cache`` with ETag/Last-Modified revalidation (and 304 answers) for everything else,
keep-alive connections. Every byte written to a socket, headers included, is added to
:attr:`BenchServer.wire`, so the benchmark measures what travels, worker requests too.
"""

import email.utils
import gzip
import hashlib
import http.server
import re
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from tools.deploy.server_config import (
    FALLBACK_MEDIA_TYPE,
    GZIP_LEVEL,
    GZIP_MIN_LENGTH,
    IMMUTABLE,
    IMMUTABLE_DIRS,
    IMMUTABLE_FILES,
    MIME_TYPES,
    PRECOMPRESSED,
    REVALIDATE,
    inline_hashes,
    security_headers,
)

_IMMUTABLE_FILE = re.compile(IMMUTABLE_FILES)


@dataclass(frozen=True)
class Variant:
    """One encoding of a file's body, with its validator."""

    body: bytes
    etag: str
    encoding: str | None = None


@dataclass(frozen=True)
class Asset:
    """A file as the server sends it."""

    identity: Variant
    gzipped: Variant | None
    content_type: str
    cache_control: str
    last_modified: float
    brotli: Variant | None = None

    def variant(self, accepts_gzip: bool, accepts_brotli: bool = False) -> Variant:
        """The body to send to a client that does (or does not) accept gzip, or brotli."""
        if accepts_brotli and self.brotli:
            return self.brotli
        return self.gzipped if accepts_gzip and self.gzipped else self.identity


def make_asset(path: str, body: bytes, modified: float, copies: dict[str, bytes] | None = None) -> Asset:
    """Prepare ``body``, served at site-relative ``path``, with its type, cache rule and compressed variants.

    ``copies`` are the file's copies compressed at build time, by suffix (``gz``, ``br``): a versioned file
    is sent as those, as nginx does with ``gzip_static`` and ``brotli_static``.
    """
    mime = MIME_TYPES.get(path.rpartition(".")[2].lower()) if "." in path else None
    tag = hashlib.sha256(body).hexdigest()[:20]
    identity = Variant(body, f'"{tag}"')
    versioned = path.startswith(IMMUTABLE_DIRS) or _IMMUTABLE_FILE.fullmatch(path) is not None
    copies = (copies or {}) if versioned else {}
    gzipped = brotli = None
    if "gz" in copies:
        gzipped = Variant(copies["gz"], f'"{tag}-gz"', "gzip")
    elif mime and mime.compress and len(body) >= GZIP_MIN_LENGTH:
        gzipped = Variant(gzip.compress(body, GZIP_LEVEL, mtime=0), f'"{tag}-gz"', "gzip")
    if "br" in copies:
        brotli = Variant(copies["br"], f'"{tag}-br"', "br")
    return Asset(
        identity=identity,
        gzipped=gzipped,
        content_type=mime.content_type if mime else FALLBACK_MEDIA_TYPE,
        cache_control=IMMUTABLE if versioned else REVALIDATE,
        last_modified=float(int(modified)),
        brotli=brotli,
    )


@dataclass(frozen=True)
class Tally:
    """What the server sent in one stretch of time."""

    bytes: int
    requests: int
    by_path: dict[str, int]


class WireCounter:
    """Bytes sent (in all, and by request path) and requests under way, shared by the server's threads."""

    def __init__(self):
        self._lock = threading.Lock()
        self._by_path: dict[str, int] = {}
        self._requests = 0
        self._in_flight = 0
        self._last_activity = time.monotonic()

    def sent(self, count: int, path: str) -> None:
        with self._lock:
            self._by_path[path] = self._by_path.get(path, 0) + count
            self._last_activity = time.monotonic()

    def begin(self) -> None:
        with self._lock:
            self._in_flight += 1
            self._requests += 1
            self._last_activity = time.monotonic()

    def end(self) -> None:
        with self._lock:
            self._in_flight -= 1
            self._last_activity = time.monotonic()

    def take(self) -> Tally:
        """Return what was sent since the last call, and start counting again from zero."""
        with self._lock:
            tally = Tally(sum(self._by_path.values()), self._requests, self._by_path)
            self._by_path, self._requests = {}, 0
            return tally

    def wait_quiet(self, quiet: float = 0.3, timeout: float = 15.0) -> bool:
        """Wait until no request is under way and nothing was sent for ``quiet`` seconds."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self._lock:
                idle = self._in_flight == 0 and time.monotonic() - self._last_activity >= quiet
            if idle:
                return True
            time.sleep(quiet / 4)
        return False


class _CountingWriter:
    """The handler's socket writer, adding every byte it writes to the server's counter."""

    def __init__(self, raw, counter: WireCounter):
        self._raw = raw
        self._counter = counter
        self.path = ""  # the request being answered, set by the handler

    def write(self, data) -> int:
        written = self._raw.write(data)
        self._counter.sent(len(data), self.path)
        return written

    def flush(self) -> None:
        self._raw.flush()

    def close(self) -> None:
        self._raw.close()

    @property
    def closed(self) -> bool:
        return self._raw.closed


class _Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "bench"
    sys_version = ""

    def setup(self):
        super().setup()
        self.wfile = _CountingWriter(self.wfile, self.server.wire)

    def do_GET(self):
        self._serve(with_body=True)

    def do_HEAD(self):
        self._serve(with_body=False)

    def log_message(self, format, *args):
        pass

    def _serve(self, with_body: bool) -> None:
        wire = self.server.wire
        wire.begin()
        self.wfile.path = urlsplit(self.path).path
        try:
            self._respond(with_body)
        finally:
            wire.end()

    def _respond(self, with_body: bool) -> None:
        assets = self.server.assets
        path = unquote(urlsplit(self.path).path).lstrip("/")
        if path == "" or path.endswith("/"):
            path += "index.html"
        asset = assets.get(path)
        if asset is None and f"{path}/index.html" in assets:
            self._redirect("/" + path + "/")
            return
        status = 200
        if asset is None:
            status, asset = 404, assets.get("404.html")
            if asset is None:
                self.send_error(404)
                return
        accepted = self.headers.get("Accept-Encoding", "")
        variant = asset.variant(_accepts(accepted, "gzip"), self.server.brotli and _accepts(accepted, "br"))
        if status == 200 and self._not_modified(asset, variant):
            self.send_response(304)
            self._common_headers(asset, variant)
            self.end_headers()
            return
        self.send_response(status)
        self._common_headers(asset, variant)
        self.send_header("Content-Type", asset.content_type)
        self.send_header("Content-Length", str(len(variant.body)))
        if variant.encoding:
            self.send_header("Content-Encoding", variant.encoding)
        self.end_headers()
        if with_body:
            self.wfile.write(variant.body)

    def _common_headers(self, asset: Asset, variant: Variant) -> None:
        for name, value in self.server.security_headers.items():
            self.send_header(name, value)
        self.send_header("Cache-Control", asset.cache_control)
        self.send_header("ETag", variant.etag)
        self.send_header("Last-Modified", email.utils.formatdate(asset.last_modified, usegmt=True))
        if asset.gzipped or asset.brotli:
            self.send_header("Vary", "Accept-Encoding")

    def _not_modified(self, asset: Asset, variant: Variant) -> bool:
        if_none_match = self.headers.get("If-None-Match")
        if if_none_match is not None:
            tags = {tag.strip().removeprefix("W/") for tag in if_none_match.split(",")}
            return "*" in tags or variant.etag in tags
        if_modified_since = self.headers.get("If-Modified-Since")
        if if_modified_since:
            try:
                since = email.utils.parsedate_to_datetime(if_modified_since).timestamp()
            except (TypeError, ValueError):
                return False
            return asset.last_modified <= since
        return False

    def _redirect(self, location: str) -> None:
        self.send_response(301)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()


def _accepts(header: str, encoding: str) -> bool:
    for part in header.split(","):
        coding, _, params = part.strip().partition(";")
        if coding.strip().lower() in (encoding, "*"):
            quality = params.strip().removeprefix("q=")
            try:
                return not params or float(quality) > 0
            except ValueError:
                return False
    return False


def load_site(site_dir: Path, extra: dict[str, bytes] | None = None) -> dict[str, Asset]:
    """Every file under ``site_dir`` (and the ``extra`` files by site-relative path), ready to send."""
    def copies(path: Path) -> dict[str, bytes]:
        found = {suffix: path.with_name(f"{path.name}.{suffix}") for suffix in PRECOMPRESSED}
        return {suffix: copy.read_bytes() for suffix, copy in found.items() if copy.is_file()}

    assets = {
        path.relative_to(site_dir).as_posix(): make_asset(
            path.relative_to(site_dir).as_posix(), path.read_bytes(), path.stat().st_mtime, copies(path)
        )
        for path in sorted(site_dir.rglob("*"))
        if path.is_file()
    }
    started = time.time()
    for path, body in (extra or {}).items():
        assets[path] = make_asset(path, body, started)
    return assets


class BenchServer(http.server.ThreadingHTTPServer):
    """The site on a free loopback port, served from memory; start with :meth:`start`."""

    daemon_threads = True

    def __init__(
        self, site_dir: Path, extra: dict[str, bytes] | None = None, host: str = "127.0.0.1", brotli: bool = False
    ):
        self.brotli = brotli  # send the brotli copies, as nginx with brotli_static (server_config --brotli)
        self.assets = load_site(site_dir, extra)
        self.security_headers = security_headers(inline_hashes(site_dir))
        self.wire = WireCounter()
        super().__init__((host, 0), _Handler)

    @property
    def url(self) -> str:
        """The site's base URL, ending in ``/``."""
        host, port = self.server_address[:2]
        return f"http://{host}:{port}/"

    def handle_error(self, request, client_address):
        # Closing a browser context drops its keep-alive connections: expected, not worth a traceback.
        if isinstance(sys.exc_info()[1], ConnectionError):
            return
        super().handle_error(request, client_address)

    def start(self) -> "BenchServer":
        threading.Thread(target=self.serve_forever, daemon=True).start()
        return self
