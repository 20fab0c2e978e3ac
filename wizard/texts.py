"""Every Danish text of a result, each with what it rests on, as the content files give them.

The texts live in ``content/texts/`` (steps.yaml, notes.yaml, legal.yaml, labels.yaml, howto.yaml),
where the guideline's owners can read and edit them; each names its source there: a guideline
section and the verbatim sentence it rests on, a heading of "Lovgrundlag", or the mark that it
is the guide's own wording. This module gives them the shapes the engine uses, built when it is
imported (so the build can name the entries nothing reads). Which entries exist is listed here
by id: the ids are the engine's, the words are the content's.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field

from wizard import content
from wizard.contract import ROLES
from wizard.guideline import SECTIONS, Section


@dataclass(frozen=True)
class Text:
    """A Danish text and what it rests on.

    ``basis`` says what kind of source it is: ``"guideline"`` (the adopted guideline: ``source``
    is its section and ``quote``, when given, the verbatim sentence), ``"legal_notes"`` (the
    verified legal notes: information, not policy) or ``"guide"`` (the guide's own wording, such
    as "Ring 112"). Only a guideline text has a ``source``. ``by_role`` holds the wording for a
    role where the text speaks to the reader, so nobody is told to ask themselves. ``title`` is a step's
    short name as a task in the result (empty for other texts).
    """

    text: str
    source: Section | None
    basis: str = "guideline"
    quote: str = ""
    by_role: Mapping[str, str] = field(default_factory=dict)
    title: str = ""

    def for_role(self, role: str) -> str:
        """The wording for ``role``."""
        return self.by_role.get(role, self.text)


def as_item(text: Text) -> dict:
    """A text as the result's items are: ``{text, basis, source}`` (``source`` the guideline section's address)."""
    return {"text": text.text, "basis": text.basis, "source": text.source.href if text.source else None}


@dataclass(frozen=True)
class LegalInfo:
    """Information from the legal notes and the provision or authority it refers to."""

    text: str
    reference: str


# A content source's kind, as a Text's basis.
_BASIS = {"guideline": "guideline", "legal": "legal_notes", "guide": "guide"}


def entry(file: str, id: str) -> Text:
    """The entry ``id`` of ``file`` as a :class:`Text`; a field named for a role is that role's own wording."""
    fields = content.fields(file, id)
    source = content.source(file, id)
    if source is None:
        raise content.ContentMissing(f"content/texts/{file}.yaml: entry {id!r} has no source")
    by_role = {role: wording for role, wording in fields.items() if role in ROLES}
    title = fields.get("title", "")
    if source.kind == "guideline":
        return Text(fields["text"], SECTIONS[source.ref], "guideline", source.quote, by_role, title)
    return Text(fields["text"], None, _BASIS[source.kind], by_role=by_role, title=title)


_CATEGORIES = ("work_environment", "criminal", "data_protection", "undecided", "protected_speech")
CATEGORY_LABELS = {category: entry("labels", f"category.{category}") for category in _CATEGORIES}
# The same categories in a few words, where a list of them is a choice (the practice cards' checkboxes).
CATEGORY_SHORT_LABELS = {category: content.text("labels", f"category_short.{category}") for category in _CATEGORIES}

ROLE_LABELS = {role: content.text("labels", f"role.{role}") for role in ROLES}

_WORK_ACCIDENT_ANSWERS = ("absence", "treatment", "wants_work_accident")
# The reason(s) that applied, by answer and role, joined into the work-accident step ("fordi {reasons}").
WORK_ACCIDENT_REASONS = {
    role: {answer: content.text("labels", f"work_accident_reason.{role}.{answer}") for answer in _WORK_ACCIDENT_ANSWERS}
    for role in ROLES
}
# Joining the reasons that applied ("all"), or every reason the step can name ("any").
REASONS_JOIN = {kind: f" {content.text('labels', f'reasons_join.{kind}')} " for kind in ("all", "any")}


# Keyed by the flag's JSON value (true, false, null). The work accident is never "false": where none of the three
# reasons applies, the guide leaves it to the manager (wizard.rules, work_accident_no_reason).
FLAG_VALUES = {"action_plan": ("true", "false", "null"), "work_accident": ("true", "null")}
FLAG_LABELS = {
    flag: {value: content.text("labels", f"flag.{flag}.{value}") for value in values}
    for flag, values in FLAG_VALUES.items()
}

DEADLINE_LABELS = {
    deadline: content.text("labels", f"deadline.{deadline}") for deadline in ("safetynet", "police_report")
}
# Which of repeated incidents a deadline counts from ({when} is its date, and time if known).
INCIDENT_LABELS = {incident: content.text("labels", f"incident.{incident}") for incident in ("first", "latest")}
# Both halves of the guideline's sentence (as soon as possible, and at the latest), wherever the date is shown.
REGISTRATION_DUE_TEXT = content.text("labels", "registration_due")
POLICE_REPORT_DUE_TEXT = content.text("labels", "police_report_due")
# A date without a time: the deadline counted from the end of that day.
POLICE_REPORT_LATEST_TEXT = content.text("labels", "police_report_latest")
# A deadline that only a time of day could decide (the incident's date is known, its time is not).
MAY_BE_OVERDUE = content.text("labels", "may_be_overdue")

# The guide's own help beside the steps (wizard.howto): how to do a step, and who the municipality's contacts are.
# It is not the guideline: the result shows it under a label that says so.
HOWTO_TEXTS = {
    step: content.text("howto", f"howto.{step}")
    for step in ("police_report", "document", "contact_platform", "datatilsynet")
}
HOWTO_LINK_LABELS = {
    page: content.text("howto", f"link.{page}") for page in ("police", "document", "take_down", "datatilsynet")
}
HOWTO_PHONE_LABELS = {number: content.text("howto", f"phone.{number}") for number in ("114", "112")}
# The municipality's contacts, set in mkdocs.yml under extra.contacts (tools/site/contacts.py).
CONTACT_LABELS = {
    id: content.text("howto", f"contact.{id}") for id in ("personalejura", "amr_tr", "first_aid", "psychologist", "it")
}
