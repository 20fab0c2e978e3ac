"""The guide's own help beside the guideline's steps: which page says how, which number to ring, who to call.

The guideline says what to do (help the employee report to the police, document the harassment); this module
says how, for the steps where the guide can help. It is the guide's own addition, never the guideline, and the
result shows it as such; its texts live in ``content/texts/howto.yaml``. Page addresses are relative to the site
root; the contacts' names and numbers are the municipality's and are set in ``mkdocs.yml`` (``extra.contacts``),
so the engine only names which contacts belong to a step, by id.
"""

from dataclasses import dataclass

from wizard.texts import (
    CONTACT_LABELS,
    HOWTO_LINK_LABELS,
    HOWTO_PHONE_LABELS,
    HOWTO_TEXTS,
)

# The how-to pages, relative to the site root (docs/saadan-goer-du/).
PAGES = {
    "police": "saadan-goer-du/anmeld-til-politiet/",
    "document": "saadan-goer-du/dokumenter/",
    "take_down": "saadan-goer-du/faa-det-fjernet/",
    "datatilsynet": "saadan-goer-du/faa-det-fjernet/#datatilsynet",
}
# The police's non-emergency number and the emergency number.
POLICE_PHONE = "114"
EMERGENCY_PHONE = "112"
CONTACT_IDS = tuple(CONTACT_LABELS)


@dataclass(frozen=True)
class HowTo:
    """How to do one step: a short text, pages to read, numbers to ring and the contacts to call (by id)."""

    text: str | None = None
    pages: tuple[str, ...] = ()
    phones: tuple[str, ...] = ()
    contacts: tuple[str, ...] = ()


HOWTO = {
    # Every other 112 of the site is a number to tap; so is the first task of a reader in danger.
    "call_112": HowTo(phones=(EMERGENCY_PHONE,)),
    "police_report": HowTo(
        HOWTO_TEXTS["police_report"],
        pages=("police", "document"),
        phones=(POLICE_PHONE, EMERGENCY_PHONE),
        contacts=("personalejura",),
    ),
    "consult_hr": HowTo(contacts=("personalejura",)),
    "document": HowTo(HOWTO_TEXTS["document"], pages=("document",), contacts=("it",)),
    "contact_manager": HowTo(contacts=("amr_tr",)),
    "register_safetynet": HowTo(contacts=("amr_tr",)),
    "support_colleague": HowTo(contacts=("first_aid",)),
    "first_aid_colleagues": HowTo(contacts=("first_aid",)),
    "care": HowTo(contacts=("first_aid", "psychologist")),
    "contact_platform": HowTo(HOWTO_TEXTS["contact_platform"], pages=("take_down", "document")),
    "datatilsynet": HowTo(HOWTO_TEXTS["datatilsynet"], pages=("datatilsynet",)),
}


def howto_for(step_id: str) -> dict | None:
    """The how-to of a step as plain data (``None`` when the guide has none for it)."""
    howto = HOWTO.get(step_id)
    if howto is None:
        return None
    return {
        "text": howto.text,
        "links": [{"label": HOWTO_LINK_LABELS[page], "href": PAGES[page]} for page in howto.pages],
        "phones": [{"number": number, "label": HOWTO_PHONE_LABELS[number]} for number in howto.phones],
        "contacts": list(howto.contacts),
    }
