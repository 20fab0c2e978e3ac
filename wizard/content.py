"""The guide's texts, as the content files (``content/texts/*.yaml``) give them.

``tools/content/texts.py`` checks those files and compiles them into :mod:`wizard.content_data`; this
module is how the engine reads them. Every lookup is remembered in :data:`USED`, so the build can
name the entries that nothing asks for (a mistyped or removed id).
"""

from wizard.content_data import SOURCES, TEXTS
from wizard.source import Source

USED: set[tuple[str, str]] = set()


class ContentMissing(LookupError):
    """The guide asks for a text that no content file has."""


def fields(file: str, id: str) -> dict[str, str]:
    """Every text field of the entry ``id`` in ``content/texts/{file}.yaml``."""
    USED.add((file, id))
    try:
        return TEXTS[file][id]
    except KeyError:
        raise ContentMissing(f"content/texts/{file}.yaml: no entry {id!r}") from None


def text(file: str, id: str, field: str = "text") -> str:
    """One text field of an entry."""
    entry = fields(file, id)
    try:
        return entry[field]
    except KeyError:
        raise ContentMissing(f"content/texts/{file}.yaml: entry {id!r} has no {field!r}") from None


def ids(file: str, prefix: str) -> list[str]:
    """The ids of the entries under ``prefix`` (``prefix.…``) in ``content/texts/{file}.yaml``, in the file's order."""
    found = [id for id in TEXTS.get(file, {}) if id.startswith(prefix + ".")]
    USED.update((file, id) for id in found)
    return found


def source(file: str, id: str) -> Source | None:
    """Where the entry's text comes from, or None for a text that carries no policy."""
    USED.add((file, id))
    found = SOURCES.get(file, {}).get(id)
    return Source(*found) if found else None
