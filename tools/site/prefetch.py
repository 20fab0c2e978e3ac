"""The guide's files fetched ahead on the front page and the guideline's pages (``prefetch.mjs``).

A manager in an acute conflict usually starts on the front page or in the guideline, and only then opens
the guide. Those pages ask the browser to fetch the guide's page, its scripts and Python's files once they
themselves are loaded and the browser is idle, at the lowest priority, and not at all where the reader has
asked to save data: the guide then starts from the browser's cache. Every path is versioned or revalidated,
so nothing stale is ever used. ``make bench`` measures what this costs a reader who never opens the guide.
"""

import json
from html import escape

from tools.runtime.bundle import Runtime
from tools.site.guide_page import SHELL_DIR, WORKER, shell_modules
from tools.site.role_links import GUIDE_PAGE

SCRIPT = "assets/javascripts/prefetch.mjs"
# The pages a reader opens the guide from: the front page and the guideline's own pages.
SECTIONS = ("", "retningslinje/")


def prefetches(url: str) -> bool:
    """Whether the page at ``url`` (as MkDocs gives it, e.g. ``retningslinje/``) fetches the guide ahead."""
    return url == "" or any(section and url.startswith(section) for section in SECTIONS)


def paths(runtime: Runtime) -> list[str]:
    """What the guide fetches on a first visit, by site-relative path: Python's largest files first."""
    runtime_files = sorted(runtime.files, key=lambda path: -runtime.files[path]["size"])
    return [
        *runtime_files,
        GUIDE_PAGE,
        *(SHELL_DIR + name for name in shell_modules()),
        *(SHELL_DIR + name for name in shell_modules(entry=WORKER.removeprefix(SHELL_DIR), dynamic=True)),
    ]


def script(root: str, runtime: Runtime) -> str:
    """The module that fetches ``paths`` ahead, for a page whose path to the site root is ``root``; async, so the
    page never waits for it."""
    listed = escape(json.dumps(paths(runtime), separators=(",", ":")))
    return f'<script type="module" async src="{escape(root + SCRIPT)}" data-guide-prefetch="{listed}"></script>'
