"""Nothing in the built site loads from another origin: it must work on an intranet without internet.

Links the reader may follow (``<a href>``) may point anywhere; what the browser fetches by itself may not:
``src``/``srcset`` of any element, ``<link href>`` (stylesheets, icons, preloads), and ``url()`` (also in
``@font-face``) and ``@import`` in stylesheets, ``<style>`` and ``style`` attributes.
"""

import html.parser
import re
from pathlib import Path
from urllib.parse import urlsplit

# <link rel> values that never make the browser fetch anything.
NON_LOADING_LINK_RELS = frozenset(
    {"canonical", "alternate", "author", "license", "help", "search", "prev", "next"}
)
CSS_URL = re.compile(r"""url\(\s*(['"]?)(.*?)\1\s*\)""", re.IGNORECASE | re.DOTALL)
CSS_IMPORT = re.compile(r"""@import\s+(?:url\(\s*)?(['"]?)([^'")\s;]+)\1""", re.IGNORECASE)


def is_other_origin(reference: str) -> bool:
    """True if the browser would fetch ``reference`` from somewhere other than the page's own origin."""
    reference = reference.strip()
    if reference.startswith("//"):
        return True
    scheme = urlsplit(reference).scheme.lower()
    # data: and blob: are in the page itself; anything else with a scheme (http, https, ftp, ...) goes out.
    return bool(scheme) and scheme not in {"data", "blob"}


def css_references(css: str) -> list[str]:
    """Every address a stylesheet would fetch: url() (which includes @font-face sources) and @import."""
    references = [match.group(2) for match in CSS_URL.finditer(css)]
    return references + [match.group(2) for match in CSS_IMPORT.finditer(css)]


class _FetchedReferences(html.parser.HTMLParser):
    """Collects what an HTML page makes the browser fetch, with where it was found."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, str]] = []
        self._in_style = False

    def handle_starttag(self, tag, attrs):
        attributes = {name: value or "" for name, value in attrs}
        if "src" in attributes:
            self.found.append((f"<{tag} src>", attributes["src"]))
        for candidate in attributes.get("srcset", "").split(","):
            if candidate.strip():
                self.found.append((f"<{tag} srcset>", candidate.split()[0]))
        if tag == "link" and "href" in attributes:
            rels = set(attributes.get("rel", "").lower().split())
            if not rels or rels - NON_LOADING_LINK_RELS:
                self.found.append((f"<link rel={attributes.get('rel', '')!r}>", attributes["href"]))
        if tag == "object" and "data" in attributes:
            self.found.append(("<object data>", attributes["data"]))
        if "style" in attributes:
            self.found += [(f"<{tag} style>", ref) for ref in css_references(attributes["style"])]
        if tag == "style":
            self._in_style = True

    def handle_endtag(self, tag):
        if tag == "style":
            self._in_style = False

    def handle_data(self, data):
        if self._in_style:
            self.found += [("<style>", ref) for ref in css_references(data)]


def fetched_by_html(markup: str) -> list[tuple[str, str]]:
    parser = _FetchedReferences()
    parser.feed(markup)
    parser.close()
    return parser.found


def test_the_checks_recognise_other_origins():
    # The scanners must see what they are meant to forbid, or the site tests below prove nothing.
    page = """<link rel="stylesheet" href="https://cdn.example/x.css"><link rel="canonical" href="https://a.b/">
      <script src="//cdn.example/x.js"></script><img srcset="a.png 1x, https://x.example/b.png 2x">
      <div style="background: url('http://x.example/i.png')"></div>
      <style>@import "https://f.example/f.css";</style>
      <a href="https://example.org/">ok</a><img src="assets/local.png"><img src="data:image/png;base64,AA==">"""
    outside = [ref for _, ref in fetched_by_html(page) if is_other_origin(ref)]
    assert outside == [
        "https://cdn.example/x.css",
        "//cdn.example/x.js",
        "https://x.example/b.png",
        "http://x.example/i.png",
        "https://f.example/f.css",
    ]
    css = """@font-face { font-family: X; src: url(https://fonts.example/x.woff2) format("woff2"); }
      @import url("https://f.example/g.css"); .a { background: url(../img/a.svg) }"""
    assert [ref for ref in css_references(css) if is_other_origin(ref)] == [
        "https://fonts.example/x.woff2",
        "https://f.example/g.css",
        "https://f.example/g.css",  # both as url() and as @import
    ]


def _site_files(site_dir: Path, pattern: str) -> list[Path]:
    files = sorted(site_dir.rglob(pattern))
    assert files, f"no {pattern} in the built site"
    return files


def test_no_page_fetches_from_another_origin(site_dir):
    offending = [
        f"{path.relative_to(site_dir)}: {where} {reference}"
        for path in _site_files(site_dir, "*.html")
        for where, reference in fetched_by_html(path.read_text(encoding="utf-8"))
        if is_other_origin(reference)
    ]
    assert offending == []


def test_every_page_has_its_stylesheets_and_scripts_locally(site_dir):
    # The other side of the coin: what the pages fetch exists in the site (a missing file is no better).
    missing = []
    for path in _site_files(site_dir, "*.html"):
        if path.name == "404.html":
            continue  # its references are absolute from the server root
        for where, reference in fetched_by_html(path.read_text(encoding="utf-8")):
            if is_other_origin(reference) or reference.startswith("data:"):
                continue
            target = (path.parent / urlsplit(reference).path).resolve()
            if not target.is_file():
                missing.append(f"{path.relative_to(site_dir)}: {where} {reference}")
    assert missing == []


def test_no_stylesheet_fetches_from_another_origin(site_dir):
    offending = [
        f"{path.relative_to(site_dir)}: {reference}"
        for path in _site_files(site_dir, "*.css")
        for reference in css_references(path.read_text(encoding="utf-8"))
        if is_other_origin(reference)
    ]
    assert offending == []
