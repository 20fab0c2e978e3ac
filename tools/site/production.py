"""The production switch: ``extra.production`` in ``mkdocs.yml``, set by ``PRODUCTION=true`` at build time.

A production build is what staff will read: every contact must be set up (``extra.contacts``, with a name
and a phone number or an e-mail address) and every document address the pages link to (``extra.links``),
so no reader is ever shown a note that something is missing. The build stops with one Danish message
naming each missing key. A development build shows a missing contact as one quiet line (see
:mod:`tools.site.contacts`). Nothing here depends on MkDocs.
"""

from collections.abc import Mapping

from tools.site import contacts
from tools.site.placeholders import LINK_LABELS
from wizard import content

PRODUCTION_KEY = "production"
MESSAGES = {
    id: content.text("build_messages", f"production.{id}") for id in ("problems", "not_bool", "contact", "link")
}


class ProductionError(ValueError):
    """A production build with something missing, or a switch that is neither true nor false."""


def is_production(extra: Mapping) -> bool:
    """Whether this is a production build; ``PRODUCTION=true`` (or ``production: true`` in ``mkdocs.yml``)."""
    value = extra.get(PRODUCTION_KEY, False)
    # MkDocs' !ENV reads PRODUCTION=true as YAML, so true and false arrive as booleans; anything else is a typo.
    if isinstance(value, str) and value.strip().lower() in ("true", "false", "1", "0", ""):
        value = value.strip().lower() in ("true", "1")
    if value is None:
        value = False
    if not isinstance(value, bool):
        raise ProductionError(MESSAGES["not_bool"].format(key=PRODUCTION_KEY, value=value))
    return value


def missing(extra: Mapping) -> list[str]:
    """What a production build lacks, one line each: the contacts and the document addresses not set up."""
    configured = contacts.read_contacts(extra)
    found = [
        MESSAGES["contact"].format(id=id, label=contact.label)
        for id, contact in configured.items()
        if not contact.is_set
    ]
    links = extra.get("links") or {}
    found += [
        MESSAGES["link"].format(id=name, label=label)
        for name, label in LINK_LABELS.items()
        if not str(links.get(name) or "").strip()
    ]
    return found


def check(extra: Mapping) -> None:
    """Raise :class:`ProductionError` naming everything a production build lacks; a development build passes."""
    if not is_production(extra):
        return
    problems = missing(extra)
    if problems:
        raise ProductionError(MESSAGES["problems"] + "\n" + "\n".join(f"  - {problem}" for problem in problems))
