"""The date the page "Lovgrundlag" was last reviewed, and the build's warning when it is stale.

The date is kept once, as ``extra.legal_notes_reviewed`` in ``mkdocs.yml``. The page shows
it with the date of the next review; a build more than twelve months after it logs a
warning (which fails a ``--strict`` build: legal notes nobody has looked at for a year
should not be published as current) and the page says that the notes may be out of date.
"""

import logging
from collections.abc import Mapping
from datetime import date, datetime

from tools.site.placeholders import PageContext
from wizard import content
from wizard.danish_time import MONTHS

REVIEWED_KEY = "legal_notes_reviewed"
REVIEW_INTERVAL_MONTHS = 12

# A child of MkDocs' logger, so the build shows the warning and --strict counts it; no MkDocs import needed.
log = logging.getLogger("mkdocs.hooks.legal_notes")

TEXTS = {
    "reviewed": content.text("pages", "legal_reviewed"),
    "next": content.text("pages", "legal_next_review"),
    "stale": content.text("pages", "legal_stale"),
}
# The build's messages, in Danish for whoever keeps the legal notes.
NOT_A_DATE = content.text("build_messages", "legal.not_a_date")
STALE_WARNING = content.text("build_messages", "legal.stale")


class LegalNotesError(ValueError):
    """The review date in ``mkdocs.yml`` is missing or not a date."""


def reviewed_date(extra: Mapping) -> date:
    """The date the legal notes were last reviewed, from ``extra`` in ``mkdocs.yml``."""
    value = extra.get(REVIEWED_KEY)
    # PyYAML reads an unquoted 2026-11-24 as a date; a quoted one stays a string.
    if isinstance(value, str):
        try:
            value = date.fromisoformat(value.strip())
        except ValueError:
            pass
    if isinstance(value, datetime):
        value = value.date()
    if not isinstance(value, date):
        raise LegalNotesError(NOT_A_DATE.format(key=REVIEWED_KEY, value=value))
    return value


def next_review(reviewed: date) -> date:
    """The last day the notes count as current: the same day twelve months later (28 February for 29 February)."""
    try:
        return reviewed.replace(year=reviewed.year + REVIEW_INTERVAL_MONTHS // 12)
    except ValueError:
        return reviewed.replace(year=reviewed.year + REVIEW_INTERVAL_MONTHS // 12, day=28)


def staleness(reviewed: date, today: date) -> str | None:
    """The build warning when ``today`` is past the next review, else None."""
    if today <= next_review(reviewed):
        return None
    return STALE_WARNING.format(reviewed=danish_date(reviewed), months=REVIEW_INTERVAL_MONTHS, key=REVIEWED_KEY)


def danish_date(day: date) -> str:
    """``day`` as e.g. "24. november 2026"."""
    return f"{day.day}. {MONTHS[day.month - 1]} {day.year}"


def today() -> date:
    """The build's date (a function, so a test can give another)."""
    return date.today()


def legal_reviewed_block(context: PageContext) -> str:
    """The review date and the next review as inline HTML; warns the build when the date is stale."""
    reviewed = reviewed_date(context.extra)
    due = next_review(reviewed)
    warning = staleness(reviewed, today())
    if warning:
        log.warning(warning)
    stale = f' <strong class="legal-stale" data-legal-stale>{TEXTS["stale"]}</strong>' if warning else ""
    return (
        f'<span class="legal-reviewed" data-legal-reviewed="{reviewed.isoformat()}">'
        f'<strong>{TEXTS["reviewed"]}</strong> <time datetime="{reviewed.isoformat()}">{danish_date(reviewed)}</time>. '
        f'{TEXTS["next"]} <time datetime="{due.isoformat()}">{danish_date(due)}</time>.</span>{stale}'
    )
