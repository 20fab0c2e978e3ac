"""The municipality's contacts (``extra.contacts`` in ``mkdocs.yml``): read, checked, and rendered as cards.

Each contact has an id from ``wizard.howto.CONTACT_IDS`` and a name, a phone number and an e-mail address.
A malformed one stops the build with a Danish message that names the key (``content/texts/build_messages.yaml``).
A production build needs every contact (:mod:`tools.site.production`); in development a contact left empty
is one quiet line, never a dead link and never advice to ask someone: the front page shows the configured
contacts as cards and names the others on one line, a how-to page's card says it is not set up yet, and the
result's slot keeps only the contact's role.
The decision guide's page carries the same cards as ``<template>`` elements, one per contact, and tools.js
copies one into each slot the engine's result names (``data-contact-slot``): the engine runs in the browser
and never reads ``mkdocs.yml``, so the build puts the configured text where the page can find it.
Nothing here depends on MkDocs.
"""

import html
import re
from collections.abc import Mapping
from dataclasses import dataclass

from tools.site.placeholders import PageContext
from tools.site.search_exclusion import excluded_from_search
from wizard import content
from wizard.howto import CONTACT_IDS
from wizard.texts import CONTACT_LABELS

CONTACTS_KEY = "contacts"
FIELDS = ("name", "phone", "email")
UNSET_NOTE = content.text("pages", "contact_unset_note")
UNSET_LINE = content.text("pages", "contacts_unset_line")
# What each key must hold, for the messages to whoever edits mkdocs.yml.
MESSAGES = {
    id: content.text("build_messages", f"contacts.{id}")
    for id in (
        "not_mapping", "unknown", "not_fields", "unknown_field", "not_text", "phone", "email", "no_name",
        "no_phone_or_email", "found",
    )
}

# Digits with spaces or hyphens between them and an optional leading +; 3 to 15 digits (E.164's maximum).
_PHONE = re.compile(r"\+?[0-9](?:[ -]?[0-9]){2,14}")
_EMAIL = re.compile(r"[^@\s<>\"',;:()\[\]]+@[^@\s<>\"',;:()\[\]]+\.[A-Za-z]{2,}")


class ContactsError(ValueError):
    """``extra.contacts`` in ``mkdocs.yml`` holds something that is not a contact."""


@dataclass(frozen=True)
class Contact:
    id: str
    name: str = ""
    phone: str = ""
    email: str = ""

    @property
    def label(self) -> str:
        return CONTACT_LABELS[self.id]

    @property
    def is_set(self) -> bool:
        return bool(self.name)


def read_contacts(extra: Mapping) -> dict[str, Contact]:
    """Every contact by id (unset ones empty), from ``extra`` in ``mkdocs.yml``; raises :class:`ContactsError`."""
    configured = extra.get(CONTACTS_KEY) or {}
    if not isinstance(configured, Mapping):
        raise _error(CONTACTS_KEY, MESSAGES["not_mapping"].format(ids=", ".join(CONTACT_IDS)), configured)
    unknown = [key for key in configured if key not in CONTACT_IDS]
    if unknown:
        raise _error(
            f"{CONTACTS_KEY}.{unknown[0]}",
            MESSAGES["unknown"].format(ids=", ".join(CONTACT_IDS)),
        )
    return {id: _contact(id, configured.get(id)) for id in CONTACT_IDS}


def _contact(id: str, entry: object) -> Contact:
    key = f"{CONTACTS_KEY}.{id}"
    if entry is None:
        return Contact(id)
    if not isinstance(entry, Mapping):
        raise _error(key, MESSAGES["not_fields"], entry)
    for field in entry:
        if field not in FIELDS:
            raise _error(f"{key}.{field}", MESSAGES["unknown_field"])
    values = {}
    for field in FIELDS:
        value = entry.get(field)
        if value is None:
            value = ""
        if not isinstance(value, str):
            raise _error(f"{key}.{field}", MESSAGES["not_text"], value)
        values[field] = " ".join(value.split())
    if values["phone"] and not _PHONE.fullmatch(values["phone"]):
        raise _error(f"{key}.phone", MESSAGES["phone"], values["phone"])
    if values["email"] and not _EMAIL.fullmatch(values["email"]):
        raise _error(f"{key}.email", MESSAGES["email"], values["email"])
    if (values["phone"] or values["email"]) and not values["name"]:
        raise _error(f"{key}.name", MESSAGES["no_name"])
    if values["name"] and not (values["phone"] or values["email"]):
        raise _error(key, MESSAGES["no_phone_or_email"])
    return Contact(id, **values)


def _error(key: str, requirement: str, value: object = ...) -> ContactsError:
    found = "" if value is ... else " " + MESSAGES["found"].format(value=value)
    return ContactsError(f"mkdocs.yml: extra.{key} {requirement}.{found}")


def phone_href(phone: str) -> str:
    """The ``tel:`` address of a phone number as written, e.g. "+45 12 34 56 78" → "tel:+4512345678"."""
    return "tel:" + re.sub(r"[ -]", "", phone)


def contact_body(contact: Contact) -> str:
    """The contact's name with ``tel:`` and ``mailto:`` links; nothing for a contact not set up."""
    if not contact.is_set:
        return ""
    links = []
    if contact.phone:
        links.append(f'<a href="{html.escape(phone_href(contact.phone))}">{html.escape(contact.phone)}</a>')
    if contact.email:
        links.append(f'<a href="mailto:{html.escape(contact.email)}">{html.escape(contact.email)}</a>')
    return (
        f'<p class="contact__name">{html.escape(contact.name)}</p>'
        f'<p class="contact__links">{" · ".join(links)}</p>'
    )


def _card(contact: Contact, tag: str) -> str:
    body = contact_body(contact) or f'<p class="contact__unset" data-contact-unset>{html.escape(UNSET_NOTE)}</p>'
    return (
        f'<{tag} class="contact" data-contact="{contact.id}"><p class="contact__role">{html.escape(contact.label)}</p>'
        f"{body}</{tag}>"
    )


def contacts_block(context: PageContext) -> str:
    """The configured contacts as cards with their roles, for the front page, and one quiet line for the rest."""
    configured = read_contacts(context.extra).values()
    cards = "".join(_card(contact, "li") for contact in configured if contact.is_set)
    unset = [contact.label for contact in configured if not contact.is_set]
    line = (
        f'<p class="contact__unset" data-contacts-unset>{html.escape(UNSET_LINE.format(labels=", ".join(unset)))}</p>'
        if unset
        else ""
    )
    return (f'<ul class="contact-list">{cards}</ul>' if cards else "") + line


def contact_block(id: str):
    """The block that shows one contact's card, for the how-to pages (``{{ block:contact_personalejura }}``)."""
    return lambda context: _card(read_contacts(context.extra)[id], "div")


CONTACT_BLOCKS = {f"contact_{id}": contact_block(id) for id in CONTACT_IDS}


def contact_templates_block(context: PageContext) -> str:
    """Every contact's card body as a ``<template>``, for tools.js to copy into the result's contact slots.

    A contact not set up has an empty template: its slot shows only the contact's role.
    """
    templates = "".join(
        f'<template data-contact-template="{contact.id}">{contact_body(contact)}</template>'
        for contact in read_contacts(context.extra).values()
    )
    # The front page already has the contacts in the search.
    return excluded_from_search(templates)
