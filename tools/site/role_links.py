"""A way in per role: the front page's cards, and the links an intranet page can use (OPERATIONS.md).

Each role has two plainly labelled ways in: the decision guide with that role chosen
(``beslutningsguide/?rolle=leder``), and the guideline's own checklist for it. The guide's page carries the
words of the links (``?rolle=``) with the role each stands for, so ``role-link.mjs`` can choose it on the
role question; the reader still answers "Er nogen i fare lige nu?" first and confirms the role. The words
of the links are content (``content/texts/pages.yaml``), the roles and checklists the engine's.
"""

import json
from html import escape

from tools.site.placeholders import PageContext
from wizard import content
from wizard.contract import ROLES
from wizard.guideline import SECTIONS
from wizard.screens import fallback

GUIDE_PAGE = "beslutningsguide/"
PARAMETER = "rolle"
# The guideline's checklist for each role: its section.
CHECKLISTS = fallback.CHECKLISTS

SLUGS = {role: content.text("pages", f"role_link.{role}") for role in ROLES}
CARD_TEXTS = {
    role: {
        part: content.text("pages", f"role_card.{role}.{part}")
        for part in ("who", "about", "guide_for", "checklist_for")
    }
    for role in ROLES
}
# The two ways in ("start the guide", "read the checklist"), each followed by the role's own words (a phone shows
# those to screen readers only: the card already says whose it is).
WAYS_IN = {way: content.text("pages", f"role_card.{way}") for way in ("nav", "guide", "checklist")}


def guide_link(role: str, root: str = "") -> str:
    """The guide with ``role`` chosen, from a page at ``root`` (or from the site root)."""
    return f"{root}{GUIDE_PAGE}?{PARAMETER}={SLUGS[role]}"


def role_cards_block(context: PageContext) -> str:
    """The front page's cards: for each role, the guide with the role chosen and the guideline's checklist."""
    cards = "".join(
        f'<li data-role-card="{role}"><p class="role-entry__who"><strong>{escape(CARD_TEXTS[role]["who"])}</strong> '
        f'<span>{escape(CARD_TEXTS[role]["about"])}</span></p>'
        f'<a class="role-entry__guide" data-role-guide href="{escape(guide_link(role, context.root))}">'
        f'{escape(WAYS_IN["guide"])}<span class="role-entry__for"> {escape(CARD_TEXTS[role]["guide_for"])}</span></a>'
        f'<a class="role-entry__checklist" data-role-checklist'
        f' href="{escape(context.root + SECTIONS[CHECKLISTS[role]].href)}">{escape(WAYS_IN["checklist"])}'
        f'<span class="role-entry__for"> {escape(CARD_TEXTS[role]["checklist_for"])}</span></a>'
        "</li>"
        for role in ROLES
    )
    return f'<nav class="role-entry" aria-label="{escape(WAYS_IN["nav"])}"><ul>{cards}</ul></nav>'


def role_links_block(context: PageContext) -> str:
    """For the guide's page: which word after ``?rolle=`` stands for which role (read by role-link.mjs)."""
    links = json.dumps({slug: role for role, slug in SLUGS.items()}, ensure_ascii=False)
    return f'<div hidden data-role-links="{escape(links)}" data-role-parameter="{PARAMETER}"></div>'
