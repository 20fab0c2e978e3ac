"""MkDocs hooks: the only place MkDocs meets the site's own build steps."""

import sys
from pathlib import Path

# MkDocs loads hooks by file path; make the project's packages importable however it was started.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tools import placeholders  # noqa: E402


def on_page_markdown(markdown, page, config, files):
    context = placeholders.PageContext(root=placeholders.root_from(page.url), extra=config["extra"])
    return placeholders.expand(markdown, context)
