"""What the guide's page shows when the guide cannot run: the front page's two deadlines, a way to each role's
checklist, and the guideline's own checklists, word for word (``content/texts/checklists.yaml``).

Rendered at build time only (tools/site/guide_page.py, and the front page's deadlines through tools/site/blocks.py).
"""

from wizard import content
from wizard.contract import ROLES
from wizard.guideline import SECTIONS
from wizard.screens.markup import escape
from wizard.screens.ui import UI

# The front page's two deadlines, each with the section that says more.
DEADLINES = (("safetynet", "frist"), ("police_report", "personaleafdelingen-og-politianmeldelse"))

# Each role's checklist: the guideline's section it comes from. Its items are the entries under the role in
# checklists.yaml, in that file's order (the guideline's), so the owners add or remove an item there; an item with
# a list of its own (the manager's "Herudover skal lederen vurdere, om det er relevant at:") has it under its id.
CHECKLISTS = {"employee": "du-er-udsat", "colleague": "kollega", "manager": "leder"}
if set(CHECKLISTS) != set(ROLES):
    raise ValueError(f"every role needs the guideline's checklist: {sorted(set(ROLES) ^ set(CHECKLISTS))}")
# What the guideline asks of everyone, before the roles' lists.
FOR_ALL = "all"


def _tree(prefix: str, ids: list[str]) -> list[tuple[str, list]]:
    """The ids one level under ``prefix``, each with the ones under it."""
    return [
        (id, _tree(id, [below for below in ids if below.startswith(id + ".")]))
        for id in ids
        if "." not in id.removeprefix(prefix + ".")
    ]


# Every text, read once (the content check counts what a module reads when it is imported).
ITEMS = {list_id: _tree(list_id, content.ids("checklists", list_id)) for list_id in (FOR_ALL, *CHECKLISTS)}
_TEXTS = {
    id: content.text("checklists", id)
    for id in [
        *(f"deadline.{name}" for name, _ in DEADLINES),
        *(id for list_id in ITEMS for id in content.ids("checklists", list_id)),
    ]
}
_LEADS = {name: content.text("checklists", f"deadline.{name}", "lead") for name, _ in DEADLINES}
_LINKS = {name: content.text("pages", f"deadlines.{name}") for name, _ in DEADLINES}
_DEADLINES_TITLE = content.text("pages", "deadlines.title")
_ROLE_WORDS = {role: content.text("pages", f"role_link.{role}") for role in ROLES}
_ROLE_LINKS = {role: content.text("pages", f"role_card.{role}.who") for role in ROLES}
_ROLES_INTRO = content.text("guide_page", "fallback_roles")
_FOR_ALL = content.text("guide_page", "fallback_all")


def _text(id: str) -> str:
    return escape(_TEXTS[id])


def two_deadlines(*, root: str) -> str:
    """The front page's two deadlines, as Material's warning box (the front page and the guide without Python)."""
    items = "".join(
        f"<li><strong>{escape(_LEADS[name])}</strong> {_text(f'deadline.{name}')}"
        f' <a href="{escape(root + SECTIONS[section].href)}">{escape(_LINKS[name])}</a></li>'
        for name, section in DEADLINES
    )
    title = escape(_DEADLINES_TITLE)
    return (
        f'<div class="admonition warning" data-deadlines><p class="admonition-title">{title}</p><ul>{items}</ul></div>'
    )


def checklist_anchor(role: str) -> str:
    """The id of the role's checklist on the guide's page, e.g. ``tjekliste-leder``."""
    return f"tjekliste-{_ROLE_WORDS[role]}"


def role_links() -> str:
    """A link to each role's checklist below, worded as the front page's cards ("Jeg er leder")."""
    links = " · ".join(f'<a href="#{checklist_anchor(role)}">{escape(_ROLE_LINKS[role])}</a>' for role in ROLES)
    return f'<p class="guide-fallback__roles">{escape(_ROLES_INTRO)} {links}</p>'


def for_all() -> str:
    """What the guideline asks of everyone who learns of harassment."""
    return f"<h2>{escape(_FOR_ALL)}</h2>{_items(ITEMS[FOR_ALL])}"


def static_checklists(*, root: str) -> str:
    """Every role's checklist in the guideline's own words, each under its heading in the guideline."""
    parts = []
    for role, section in CHECKLISTS.items():
        link = f'<a class="guide-source" href="{escape(root + SECTIONS[section].href)}">{UI["read_guideline"]}</a>'
        # The page puts the reader's role first when it shows these (loading.js, fail()).
        parts.append(
            f'<section data-guide-checklist="{role}" id="{checklist_anchor(role)}">'
            f"<h2>{escape(SECTIONS[section].title)}</h2>{_items(ITEMS[role])}<p>{link}</p></section>"
        )
    return "".join(parts)


def _items(items: list[tuple[str, list]]) -> str:
    lines = "".join(f"<li>{_text(id)}{_items(below) if below else ''}</li>" for id, below in items)
    return f"<ul>{lines}</ul>"
