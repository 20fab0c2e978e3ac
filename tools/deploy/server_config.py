"""Web-server configurations for the intranet: nginx and IIS, generated from one source.

``python -m tools.deploy.server_config [--prefix /sti/] [--root DIR] [--frame-ancestors ORIGIN …] SITE_DIR
OUT_DIR`` (``make deploy-config`` for the shipped files) writes ``nginx.conf`` and ``web.config`` to OUT_DIR.
``--frame-ancestors`` names the intranet portal(s) that may show the site in an ``<iframe>`` (OPERATIONS.md);
the shipped files allow only the site itself.
Every response header, MIME type and cache rule is defined here, once. The built site
supplies the rest: the hashes of the pages' inline scripts and styles, which the
Content-Security-Policy allows one by one, and the names of Material's versioned bundles,
which IIS can only match by exact path.
"""

import argparse
import base64
import hashlib
import re
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path


@dataclass(frozen=True)
class MimeType:
    """How files with one extension are sent."""

    media_type: str
    text: bool = False  # sent with "; charset=utf-8" (MkDocs writes every text file as UTF-8)
    compress: bool = False  # worth gzip on the fly

    @property
    def content_type(self) -> str:
        """The Content-Type header value."""
        return f"{self.media_type}; charset=utf-8" if self.text else self.media_type


# Every extension the built site contains must be here: IIS refuses to serve a file whose
# extension it has no type for, and a wrong .wasm type makes Pyodide give up on streaming
# compilation (the guide then falls back to its static answer).
MIME_TYPES = {
    "html": MimeType("text/html", text=True, compress=True),
    "css": MimeType("text/css", text=True, compress=True),
    "js": MimeType("text/javascript", text=True, compress=True),
    "mjs": MimeType("text/javascript", text=True, compress=True),
    "json": MimeType("application/json", text=True, compress=True),
    "map": MimeType("application/json", text=True, compress=True),
    "xml": MimeType("application/xml", text=True, compress=True),
    "txt": MimeType("text/plain", text=True, compress=True),
    "svg": MimeType("image/svg+xml", text=True, compress=True),
    "ics": MimeType("text/calendar", text=True, compress=True),
    "wasm": MimeType("application/wasm", compress=True),
    # The guide's standard library and wheels are stored zips, left for the server to compress.
    "zip": MimeType("application/zip", compress=True),
    "whl": MimeType("application/zip", compress=True),
    "gz": MimeType("application/gzip"),
    # The build's brotli copies of the guide's runtime files (tools/runtime/precompress.py); sent in their
    # file's place, with its type, by a server with brotli_static.
    "br": MimeType("application/octet-stream"),
    "png": MimeType("image/png"),
    "ico": MimeType("image/x-icon"),
}
FALLBACK_MEDIA_TYPE = "application/octet-stream"

# Compressing on the fly: nginx's default level 1 sends the guide's first visit some 0.7 MB larger.
GZIP_LEVEL = 6
GZIP_MIN_LENGTH = 1024
# The versioned files come with copies compressed at build time at the highest levels (.gz, .br beside
# each: tools/runtime/precompress.py), which nginx sends instead (gzip_static; brotli_static with --brotli).
PRECOMPRESSED = ("gz", "br")

REVALIDATE = "no-cache"
IMMUTABLE_SECONDS = 31536000
IMMUTABLE = f"public, max-age={IMMUTABLE_SECONDS}, immutable"
# Only a file actually served is kept for a year: an error under a versioned path (a 403 or a 404
# while a copy to the server is half done) is not cached, so it is gone once the file is there.
# Directories whose names carry the Pyodide version or a content hash: a changed file gets a new URL.
IMMUTABLE_DIRS = ("assets/pyodide/", "assets/wizard/")
# Material's own bundles carry a content hash in their names (bundle.a5f9d56c.min.js).
IMMUTABLE_FILES = r"assets/(?:javascripts|stylesheets)/(?:[^/]+/)*[^/]+\.[0-9a-f]{8}\.min\.(?:js|css)(?:\.map)?"

# The site loads nothing from another origin. Pyodide compiles WebAssembly ('wasm-unsafe-eval')
# in a module worker and fetches its wasm, stdlib zip, lock file and wheels; Material's CSS draws
# its icons from data: SVGs. Inline scripts and styles are added by hash (see inline_hashes).
CSP_DIRECTIVES = (
    ("default-src", ("'self'",)),
    ("script-src", ("'self'", "'wasm-unsafe-eval'")),
    ("style-src", ("'self'",)),
    ("img-src", ("'self'", "data:")),
    ("font-src", ("'self'",)),
    ("connect-src", ("'self'",)),
    ("worker-src", ("'self'",)),
    ("object-src", ("'none'",)),
    ("base-uri", ("'self'",)),
    # No form on the site is sent anywhere: the guide's answers never reach a URL, even if its script fails.
    ("form-action", ("'none'",)),
    ("frame-ancestors", ("'self'",)),
)
# Powerful features the site never uses, switched off for it and anything it could be tricked into running.
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()"
)
# No Strict-Transport-Security: the intranet may serve the site over plain http (see OPERATIONS.md).
OTHER_SECURITY_HEADERS = (
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "no-referrer"),
    ("Permissions-Policy", PERMISSIONS_POLICY),
)

DEFAULT_ROOT = "/var/www/digital-chikane/site"
DEFAULT_SERVER_NAME = "digital-chikane.intranet.local"

# Script types a browser runs (and the CSP governs); anything else, such as Material's
# type="application/json" configuration, is a data block.
_EXECUTABLE_SCRIPT_TYPES = {"", "module", "importmap", "text/javascript", "application/javascript"}


class InlineCodeError(ValueError):
    """A built page holds inline code that a hash-based policy cannot allow."""


@dataclass(frozen=True)
class InlineHashes:
    """CSP source expressions ('sha256-…') for the site's inline scripts and styles."""

    scripts: tuple[str, ...]
    styles: tuple[str, ...]


class _InlineCodeCollector(HTMLParser):
    """Collects the text of inline <script> and <style> elements and what no hash can cover."""

    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.scripts: list[str] = []
        self.styles: list[str] = []
        self.problems: list[str] = []
        self._open: tuple[str, list[str]] | None = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        for name in attributes:
            if name == "style" or re.fullmatch(r"on[a-z]+", name):
                self.problems.append(f'the attribute {name}="…" on <{tag}> (line {self.getpos()[0]})')
        if tag == "script" and "src" not in attributes:
            if (attributes.get("type") or "").strip().lower() in _EXECUTABLE_SCRIPT_TYPES:
                self._open = ("script", [])
        elif tag == "style":
            self._open = ("style", [])

    def handle_data(self, data):
        if self._open:
            self._open[1].append(data)

    def handle_endtag(self, tag):
        if self._open and self._open[0] == tag:
            text = "".join(self._open[1])
            (self.scripts if tag == "script" else self.styles).append(text)
            self._open = None


def _csp_hash(text: str) -> str:
    # Browsers hash the element's text after the HTML parser has normalised line breaks to LF.
    normalised = text.replace("\r\n", "\n").replace("\r", "\n")
    digest = hashlib.sha256(normalised.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def inline_hashes(site_dir: Path) -> InlineHashes:
    """Return the hashes of every inline script and style in the built pages under ``site_dir``.

    Raises InlineCodeError if a page has a style attribute or an event-handler attribute,
    which the policy would block.
    """
    scripts, styles, problems = set(), set(), []
    for page in sorted(site_dir.rglob("*.html")):
        collector = _InlineCodeCollector()
        collector.feed(page.read_text(encoding="utf-8"))
        collector.close()
        scripts.update(map(_csp_hash, collector.scripts))
        styles.update(map(_csp_hash, collector.styles))
        problems += [f"{page.relative_to(site_dir)}: {problem}" for problem in collector.problems]
    if problems:
        raise InlineCodeError(
            "inline code that the Content-Security-Policy would block (move it to site.css or a script file):\n  "
            + "\n  ".join(problems)
        )
    return InlineHashes(scripts=tuple(sorted(scripts)), styles=tuple(sorted(styles)))


def content_security_policy(hashes: InlineHashes, frame_ancestors: tuple[str, ...] = ()) -> str:
    """The Content-Security-Policy header value for a site with these inline hashes, which the pages of
    ``frame_ancestors`` (origins such as ``https://intranet.example.dk``) may show in a frame."""
    extra = {"script-src": hashes.scripts, "style-src": hashes.styles, "frame-ancestors": frame_ancestors}
    return "; ".join(" ".join((name, *sources, *extra.get(name, ()))) for name, sources in CSP_DIRECTIVES)


def security_headers(hashes: InlineHashes, frame_ancestors: tuple[str, ...] = ()) -> dict[str, str]:
    """Every header sent with every response (besides Cache-Control), by name."""
    policy = content_security_policy(hashes, frame_ancestors)
    return {"Content-Security-Policy": policy, **dict(OTHER_SECURITY_HEADERS)}


def normalise_origin(origin: str) -> str:
    """An origin that may frame the site, as the policy needs it: scheme, host and port, no path."""
    match = re.fullmatch(r"(https?)://([A-Za-z0-9.-]+|\[[0-9A-Fa-f:]+\])(:\d{1,5})?/?", origin.strip())
    if not match:
        raise ValueError(
            f"--frame-ancestors: {origin!r} is not an origin (use e.g. https://intranet.example.dk, no path)"
        )
    return f"{match.group(1)}://{match.group(2).lower()}{match.group(3) or ''}"


def immutable_files(site_dir: Path) -> list[str]:
    """Paths (relative to the site root) of the versioned files outside IMMUTABLE_DIRS."""
    pattern = re.compile(IMMUTABLE_FILES)
    paths = (path.relative_to(site_dir).as_posix() for path in site_dir.rglob("*") if path.is_file())
    return sorted(path for path in paths if pattern.fullmatch(path) and not path.startswith(IMMUTABLE_DIRS))


def normalise_prefix(prefix: str) -> str:
    """The URL path the site is served under, with one leading and one trailing slash."""
    stripped = prefix.strip("/")
    segments = stripped.split("/") if stripped else []
    if not all(re.fullmatch(r"[A-Za-z0-9_~-][A-Za-z0-9._~-]*", segment) for segment in segments):
        raise ValueError(f"--prefix: invalid path {prefix!r} (use e.g. /digital-chikane/)")
    return f"/{stripped}/" if stripped else "/"


_GENERATED_NOTE = (
    "Generated by tools/deploy/server_config.py (`make deploy-config`) from the built site: do not edit by hand.",
    "The Content-Security-Policy allows the pages' inline scripts by hash; after any change to the",
    "pages or to mkdocs.yml, rebuild and regenerate (OPERATIONS.md).",
)


def _quote_nginx(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def render_nginx(
    hashes: InlineHashes,
    prefix: str = "/",
    root: str = DEFAULT_ROOT,
    server_name: str = DEFAULT_SERVER_NAME,
    frame_ancestors: tuple[str, ...] = (),
    brotli: bool = False,
) -> str:
    """The nginx ``server`` block (for ``conf.d/``) serving the built site under ``prefix``; with ``brotli``, the
    versioned files' brotli copies too (needs the brotli module: Debian's libnginx-mod-http-brotli-static)."""
    prefix = normalise_prefix(prefix)
    headers = [*security_headers(hashes, frame_ancestors).items()]
    by_type: dict[str, list[str]] = {}
    for extension, mime in MIME_TYPES.items():
        by_type.setdefault(mime.media_type, []).append(extension)
    # nginx always treats text/html as text and always compresses it.
    text_types = sorted({m.media_type for m in MIME_TYPES.values() if m.text} - {"text/html"})
    compressed = sorted({m.media_type for m in MIME_TYPES.values() if m.compress} - {"text/html"})

    def add_headers(cache_control: str) -> list[str]:
        # "always": error responses (404) carry the headers too; but a year-long Cache-Control
        # only goes with a successful response (nginx adds a header without "always" to 2xx and
        # 3xx only); an error in a versioned block gets none, and its 404 page revalidates.
        cache = "" if cache_control == IMMUTABLE else " always"
        return [
            *(f"add_header {name} {_quote_nginx(value)} always;" for name, value in headers),
            f"add_header Cache-Control {_quote_nginx(cache_control)}{cache};",
        ]

    versioned = [f"location ^~ {prefix}{directory} {{" for directory in IMMUTABLE_DIRS]
    versioned.append(f'location ~ "^{prefix.replace(".", chr(92) + ".")}{IMMUTABLE_FILES}$" {{')
    site = [
        "index index.html;",
        "try_files $uri $uri/ =404;",
        f"error_page 404 {prefix}404.html;",
        "",
        "# The complete type map for the site (here it replaces the server's mime.types).",
        "types {",
        *(f"    {media_type} {' '.join(extensions)};" for media_type, extensions in by_type.items()),
        "}",
        f"default_type {FALLBACK_MEDIA_TYPE};",
        "charset utf-8;",
        f"charset_types {' '.join(text_types)};",
        "",
        "# No byte ranges: nothing on the site needs them (compressed responses are whole anyway), and nginx",
        "# answers a range it cannot satisfy (416) with the file's headers and then the error's: a year-long",
        "# Cache-Control on an error, and every security header twice.",
        "max_ranges 0;",
        "",
        "gzip on;",
        "gzip_vary on;",
        "gzip_proxied any;",
        f"gzip_comp_level {GZIP_LEVEL};",
        f"gzip_min_length {GZIP_MIN_LENGTH};",
        f"gzip_types {' '.join(compressed)};",
        "",
        "# Pages and unversioned files: browsers keep them but revalidate (ETag/Last-Modified) before use.",
        "# A block with its own add_header loses every inherited one, so the versioned-file blocks",
        "# below repeat them all.",
        *add_headers(REVALIDATE),
        "",
        "# Versioned files: a new version gets a new URL, so browsers may keep these for a year. The guide's",
        "# runtime files come with copies compressed at build time at the highest level, sent instead.",
    ]
    static = ["gzip_static on;", *(["brotli_static on;"] if brotli else [])]
    for block in versioned:
        site += [block, *(f"    {line}" for line in [*static, *add_headers(IMMUTABLE)]), "}"]

    if prefix == "/":
        usage = "Put this file in /etc/nginx/conf.d/, set server_name and root, then run `nginx -t`."
        server_lines = [f"root {root.rstrip('/')};", "", "location / {"]
    else:
        usage = "Put this file in /etc/nginx/conf.d/, or paste its location block into a server block."
        server_lines = ["", f"location ^~ {prefix} {{", f"    alias {root.rstrip('/')}/;"]
    lines = [
        *(f"# {line}" for line in _GENERATED_NOTE),
        "#",
        f"# Serves the site under {prefix}.",
        f"# {usage}",
        "",
        "server {",
        *(
            f"    {line}" if line else ""
            for line in [
                "listen 80;",
                f"server_name {server_name};",
                "server_tokens off;",
                "# Relative redirects (/retningslinje -> /retningslinje/) survive proxies and port changes.",
                "absolute_redirect off;",
                *server_lines,
                *(f"    {line}" if line else "" for line in site),
                "}",
            ]
        ),
        "}",
        "",
    ]
    return "\n".join(lines)


def render_iis(
    hashes: InlineHashes, site_dir: Path, prefix: str = "/", frame_ancestors: tuple[str, ...] = ()
) -> str:
    """The IIS ``web.config`` for the site's folder (an IIS site or an application under ``prefix``)."""
    prefix = normalise_prefix(prefix)
    configuration = ET.Element("configuration")
    web_server = ET.SubElement(configuration, "system.webServer")

    static = ET.SubElement(web_server, "staticContent")
    for extension, mime in MIME_TYPES.items():
        # Remove first: adding an extension the server already maps is a configuration error.
        ET.SubElement(static, "remove", fileExtension=f".{extension}")
        ET.SubElement(static, "mimeMap", fileExtension=f".{extension}", mimeType=mime.content_type)
    # Cache-Control comes from the custom headers below, never also from IIS's own setting.
    ET.SubElement(static, "clientCache", cacheControlMode="NoControl")

    custom = ET.SubElement(ET.SubElement(web_server, "httpProtocol"), "customHeaders")
    ET.SubElement(custom, "remove", name="X-Powered-By")
    for name, value in [*security_headers(hashes, frame_ancestors).items(), ("Cache-Control", REVALIDATE)]:
        ET.SubElement(custom, "remove", name=name)
        ET.SubElement(custom, "add", name=name, value=value)

    # Which types IIS compresses is set server-wide (httpCompression); see OPERATIONS.md.
    ET.SubElement(web_server, "urlCompression", doStaticCompression="true", doDynamicCompression="false")

    errors = ET.SubElement(web_server, "httpErrors", errorMode="Custom", existingResponse="Replace")
    ET.SubElement(errors, "remove", statusCode="404", subStatusCode="-1")
    ET.SubElement(errors, "error", statusCode="404", path=f"{prefix}404.html", responseMode="ExecuteURL")

    # IIS's static file handler sets clientCache only on a file it serves (200, 304), never on an
    # error: the custom Cache-Control is removed there, and the file's comes from clientCache.
    paths = [directory.rstrip("/") for directory in IMMUTABLE_DIRS] + immutable_files(site_dir)
    days = IMMUTABLE_SECONDS // 86400
    for path in paths:
        location = ET.SubElement(configuration, "location", path=path)
        server = ET.SubElement(location, "system.webServer")
        ET.SubElement(
            ET.SubElement(server, "staticContent"),
            "clientCache",
            cacheControlMode="UseMaxAge",
            cacheControlMaxAge=f"{days}.00:00:00",
            cacheControlCustom="public, immutable",
        )
        headers = ET.SubElement(ET.SubElement(server, "httpProtocol"), "customHeaders")
        ET.SubElement(headers, "remove", name="Cache-Control")

    for line in reversed(_GENERATED_NOTE):
        configuration.insert(0, ET.Comment(f" {line} "))
    ET.indent(configuration, space="  ")
    body = ET.tostring(configuration, encoding="unicode")
    return f'<?xml version="1.0" encoding="utf-8"?>\n{body}\n'


def generate(
    site_dir: Path,
    prefix: str = "/",
    root: str = DEFAULT_ROOT,
    frame_ancestors: tuple[str, ...] = (),
    brotli: bool = False,
) -> dict[str, str]:
    """The configuration files for the site built in ``site_dir``, by file name; the pages of ``frame_ancestors``
    (origins) may show it in a frame; with ``brotli``, nginx sends the brotli copies too."""
    hashes = inline_hashes(site_dir)
    origins = tuple(dict.fromkeys(normalise_origin(origin) for origin in frame_ancestors))
    return {
        "nginx.conf": render_nginx(hashes, prefix=prefix, root=root, frame_ancestors=origins, brotli=brotli),
        "web.config": render_iis(hashes, site_dir, prefix=prefix, frame_ancestors=origins),
    }


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site_dir", type=Path, help="the built site (make build writes site/)")
    parser.add_argument("out_dir", type=Path, help="where nginx.conf and web.config are written")
    parser.add_argument("--prefix", default="/", help="the path the site is served under, e.g. /digital-chikane/")
    parser.add_argument("--root", default=DEFAULT_ROOT, help="the site's directory on the nginx server")
    parser.add_argument(
        "--frame-ancestors",
        action="append",
        default=[],
        metavar="ORIGIN",
        help="an intranet origin whose pages may show the site in an <iframe>, e.g. https://intranet.example.dk "
        "(repeat for more)",
    )
    parser.add_argument(
        "--brotli",
        action="store_true",
        help="nginx also sends the runtime's brotli copies (needs Debian's libnginx-mod-http-brotli-static)",
    )
    args = parser.parse_args(argv)
    if not (args.site_dir / "index.html").is_file():
        parser.exit(2, f"Error: {args.site_dir}/index.html does not exist. Run `make build` first.\n")
    try:
        files = generate(
            args.site_dir, prefix=args.prefix, root=args.root, frame_ancestors=args.frame_ancestors, brotli=args.brotli
        )
    except (InlineCodeError, ValueError) as error:
        parser.exit(2, f"Error: {error}\n")
    args.out_dir.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (args.out_dir / name).write_text(text, encoding="utf-8")
        print(f"Wrote {args.out_dir / name}", file=sys.stderr)


if __name__ == "__main__":
    main()
