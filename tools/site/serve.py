"""Serve the built site on loopback with the MIME types the decision guide needs.

``python -m tools.site.serve [--host 127.0.0.1] [--port 8000] SITE_DIR``. A small
stand-in for the intranet's web server: correct types for ``.wasm`` and ``.mjs``
(a wrong ``.wasm`` type makes Pyodide hang), no caching surprises while editing.
For production, see ``deploy/``.
"""

import argparse
import functools
import http.server
import threading
from pathlib import Path

MIME_TYPES = {
    ".wasm": "application/wasm",
    ".mjs": "text/javascript",
    ".js": "text/javascript",
    ".json": "application/json",
    ".whl": "application/zip",
    ".zip": "application/zip",
    ".ics": "text/calendar",
}


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Static files with the guide's MIME types and quiet logging."""

    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, **MIME_TYPES}

    def end_headers(self):
        self.send_header("Cache-Control", "no-cache")
        super().end_headers()

    def log_message(self, format, *args):
        if self.server.verbose:
            super().log_message(format, *args)


def make_server(
    site_dir: Path, host: str = "127.0.0.1", port: int = 0, verbose: bool = False, handler_class=SiteHandler
):
    """Create (not start) a threading HTTP server for ``site_dir``; port 0 picks a free port.

    ``handler_class`` is :class:`SiteHandler` or a subclass (a test's server that serves a page in parts)."""
    handler = functools.partial(handler_class, directory=str(site_dir))
    server = http.server.ThreadingHTTPServer((host, port), handler)
    server.verbose = verbose
    server.daemon_threads = True
    return server


def serve_in_background(site_dir: Path, host: str = "127.0.0.1", port: int = 0, handler_class=SiteHandler):
    """Start a server in a daemon thread (port 0: a free one); return it (``server.server_address``)."""
    server = make_server(site_dir, host, port, handler_class=handler_class)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site_dir", type=Path)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    args = parser.parse_args(argv)
    if not (args.site_dir / "index.html").is_file():
        parser.exit(2, f"Error: {args.site_dir}/index.html does not exist. Run `make build` first.\n")
    server = make_server(args.site_dir, args.host, args.port, verbose=True)
    print(f"The site runs at http://{args.host}:{args.port}/  (stop with Ctrl+C)", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
