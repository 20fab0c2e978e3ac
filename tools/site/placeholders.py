"""Expand the placeholders in the site's Markdown pages.

Pages write ``{{ registration_days }}`` for one of the guideline's numbers (see
``wizard.guideline.NUMBERS``), ``{{ link:NAME }}`` for a configurable address from
``mkdocs.yml`` ``extra.links``, and ``{{ block:NAME }}`` for HTML generated from the
engine at build time. An unknown name stops the build: a page must never show a
placeholder or a guessed number. Nothing here depends on MkDocs.
"""

import html
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from tools.runtime.bundle import Runtime
from wizard import content
from wizard.guideline import NUMBERS


@dataclass(frozen=True)
class PageContext:
    """What a generated block may need to know about the page it goes into."""

    root: str  # relative path from the page to the site root, e.g. "../../"
    extra: Mapping
    runtime: Runtime | None = None  # where the guide's Pyodide and packages are in the site


LINK_LABELS = {
    "delpolitik": content.text("pages", "link_delpolitik"),
    "arbejdstilsynet": content.text("pages", "link_arbejdstilsynet"),
}
UNSET_LINK_NOTE = content.text("pages", "link_unset_note")

_PLACEHOLDER = re.compile(r"\{\{\s*(?:(link|block):)?([a-z_]+)\s*\}\}")


class PlaceholderError(ValueError):
    """A page uses a placeholder that names nothing known."""


def expand(
    markdown: str,
    context: PageContext,
    blocks: Mapping[str, Callable[[PageContext], str]] = {},
    numbers: Mapping[str, int] = NUMBERS,
) -> str:
    """Return ``markdown`` with every placeholder replaced; ``blocks`` render the ``{{ block:NAME }}`` ones."""

    def replace(match: re.Match) -> str:
        kind, name = match.group(1), match.group(2)
        if kind == "link":
            return _link(name, context.extra.get("links", {}))
        if kind == "block":
            if name not in blocks:
                raise PlaceholderError(f"unknown block placeholder: {name!r}")
            return blocks[name](context)
        if name not in numbers:
            raise PlaceholderError(f"unknown number placeholder: {name!r}")
        return str(numbers[name])

    return _PLACEHOLDER.sub(replace, markdown)


def _link(name: str, links: Mapping[str, str]) -> str:
    if name not in LINK_LABELS:
        raise PlaceholderError(f"unknown link placeholder: {name!r}")
    label = LINK_LABELS[name]
    address = (links.get(name) or "").strip()
    if address:
        return f'<a href="{html.escape(address)}" data-link="{name}">{html.escape(label)}</a>'
    return (
        f'<span class="unset-link" data-unset-link="{name}">{html.escape(label)} '
        f'<em class="unset-link__note">{html.escape(UNSET_LINK_NOTE)}</em></span>'
    )


def root_from(page_url: str) -> str:
    """Relative path from a page's URL (as MkDocs gives it, e.g. ``retningslinje/``) to the site root."""
    depth = page_url.count("/")
    return "../" * depth if depth else "./"
