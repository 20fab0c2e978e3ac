"""The result, most urgent first: the deadlines, the role's steps by when, the assessment, the rest.

Also the guide's own help under a step (:mod:`wizard.howto`) and the documentation note.
"""

import json
from collections.abc import Mapping
from datetime import datetime

from wizard.danish_time import long_datetime
from wizard.guideline import GUIDELINE_ADOPTED, GUIDELINE_ADOPTED_BY
from wizard.moments import COPENHAGEN, parse_now
from wizard.screens.deadline_words import (
    COUNTDOWN_WORDS,
    DUE_TEXTS,
    URGENT_SECONDS,
    deadline_state,
    deadline_status,
    due_words,
    ends_at,
    group_heading,
    heading_states,
    open_first,
    overdue_text,
    undecided_text,
)
from wizard.screens.markup import attrs, basis_link, escape, session_actions
from wizard.screens.reasons import decisions_list, reasons_list
from wizard.screens.ui import RESULT_TITLE, UI
from wizard.step_groups import GROUPS
from wizard.texts import CONTACT_LABELS

# The note's fields, in order: (id, label key, hint key or None, multi-line).
DOCUMENTATION_FIELDS = (
    ("where", "doc_note_where", "doc_note_where_hint", False),
    ("address", "doc_note_address", None, False),
    ("what", "doc_note_what", None, True),
    ("witnesses", "doc_note_witnesses", None, False),
    ("screenshots", "doc_note_screenshots", None, False),
)


def result_screen(result: Mapping, *, root: str) -> str:
    """The result, most urgent first: the deadlines, the role's steps by when, the assessment, the rest."""
    labels = result["labels"]
    role_label = labels["roles"][result["role"]]
    parts = [
        '<section class="guide-result" data-result>',
        f'<h1 class="guide-question" tabindex="-1" data-guide-focus>{RESULT_TITLE}</h1>',
        _summary(result),
        f'<h2 id="guide-skridt" data-result-part="steps">{escape(UI["steps"].format(role=role_label.lower()))}</h2>',
        _grouped_steps(result, root),
    ]
    if result["notes"]:
        items = "".join(
            f'<li data-note="{escape(note["id"])}">{escape(note["text"])} {basis_link(note, root)}</li>'
            for note in result["notes"]
        )
        parts.append(f'<h2 id="guide-opmaerksom">{UI["notes"]}</h2><ul class="guide-notes">{items}</ul>')
    parts.append(
        f'<h2 id="guide-vurdering" data-result-part="assessment">{UI["assessment"]}</h2>'
        f"{_categories(result, root)}"
        f'<h3 id="guide-beslutninger">{UI["decisions"]}</h3>{decisions_list(result, root)}'
    )
    others = [
        f'<details class="guide-other-role" data-result-part="other-roles"><summary>'
        f'{escape(UI["other_steps"].format(role=labels["roles"][role].lower()))}</summary>'
        f'{_steps(steps, root, "data-other-step")}</details>'
        for role, steps in result["steps_by_role"].items()
        if role != result["role"]
    ]
    parts.extend(others)
    if result["legal_info"]:
        items = "".join(
            f'<li data-legal="{escape(info["id"])}">{escape(info["text"])} <em>({escape(info["reference"])})</em></li>'
            for info in result["legal_info"]
        )
        parts.append(
            f'<aside class="admonition info guide-legal"><p class="admonition-title">{UI["legal"]}</p>'
            f'<p>{UI["legal_intro"]}</p><ul>{items}</ul>'
            f'<p><a href="{escape(root)}lovgrundlag/">{UI["legal_more"]}</a></p></aside>'
        )
    parts.append(documentation_note())
    parts.append(_result_tools(result))
    parts.append(f'<p class="guide-result__stamp">{escape(result_stamp(result))}</p>')
    parts.append("</section>")
    parts.append(session_actions())
    return "".join(parts)


def guideline_stamp() -> str:
    """Which guideline the guide implements, for every result and printout."""
    return UI["guideline_stamp"].format(adopted_by=GUIDELINE_ADOPTED_BY, adopted=GUIDELINE_ADOPTED)


def result_stamp(result: Mapping) -> str:
    """When the result was made, from which guideline and rules version."""
    return UI["stamp"].format(
        when=long_datetime(parse_now(result["evaluated_at"])),
        guideline=guideline_stamp(),
        version=result["rules_version"],
    )


def _summary(result: Mapping) -> str:
    """The deadlines, nearest first, each with when it falls and the time left: what a reader acts on first.

    The steps below carry the guideline's links; the summary is kept short enough for a phone's first screen.
    """
    if not result["deadlines"]:
        return f'<div class="guide-panel" data-summary><p data-no-deadlines>{UI["no_deadlines"]}</p></div>'
    now = parse_now(result["evaluated_at"])
    words = {key: UI[key] for key in COUNTDOWN_WORDS} | {"urgent_seconds": URGENT_SECONDS}
    data = attrs(
        data_summary="",
        data_countdown_words=json.dumps(words, ensure_ascii=False),
        data_time_zone=COPENHAGEN.key,
        data_evaluated_on=now.astimezone(COPENHAGEN).date().isoformat(),
    )
    items = [_summary_deadline(deadline, now) for deadline in open_first(result["deadlines"])]
    return (
        f'<div class="guide-panel"{data}><h2 class="guide-panel__title" id="guide-frister">{UI["summary"]}</h2>'
        f'<ul class="guide-deadlines">{"".join(items)}</ul></div>'
    )


def _summary_deadline(deadline: Mapping, now: datetime) -> str:
    state = deadline_state(deadline)
    overdue = {True: "true", False: "false", None: "null"}[deadline["overdue"]]
    # What the countdown says when the deadline passes while the page is open.
    data = {
        "data_deadline": deadline["id"],
        "data_overdue": overdue,
        "data_state": state,
        "data_overdue_text": overdue_text(deadline),
        "data_undecided_text": undecided_text(deadline),
    }
    if deadline["all_day"]:
        data["data_ends_at"] = ends_at(deadline).isoformat()
    if deadline.get("latest"):
        data["data_latest"] = deadline["latest"]
    flag = {"urgent": UI["flag_urgent"], "undecided": UI["flag_urgent"], "overdue": UI["flag_overdue"]}.get(state, "")
    when = due_words(deadline["due"], now)
    # "Today", "tomorrow": the date as well, for the printout and for a page left open past midnight.
    date_text = ""
    if when != due_words(deadline["due"], None):
        due_text = escape(deadline["due_text"])
        date_text = f'<span data-due-text="{due_text}">{due_text}. </span>'
    # A date without a time: the safe deadline above, and how late it can be, both in words.
    counted = ""
    if deadline.get("counted_from_start_of_day"):
        counted = f'{escape(UI["counted_from_day"])} <span data-latest-text>{escape(deadline["latest_text"])}</span>'
    more = f'<p class="guide-deadline__more">{date_text}{counted}</p>' if date_text or counted else ""
    incident = ""
    if deadline.get("incident_label"):
        incident = f'<p class="guide-deadline__incident" data-incident>{escape(deadline["incident_label"])}</p>'
    return (
        f'<li class="guide-deadline"{attrs(**data)}>'
        f'<p class="guide-deadline__title"><span class="guide-deadline__flag" data-flag>{escape(flag)}</span> '
        f'<strong>{escape(deadline["label"])}</strong></p>{incident}'
        f'<p class="guide-deadline__when"><time datetime="{escape(deadline["due"])}">'
        f'{escape(DUE_TEXTS[deadline["kind"]].format(when=when))}</time></p>'
        f'{more}<p class="guide-deadline__left" data-countdown>{escape(deadline_status(deadline, now))}</p></li>'
    )


def grouped(steps) -> list[tuple[str, list]]:
    """The steps by when they are due (:data:`wizard.step_groups.GROUPS`), each group in checklist order."""
    by_group = [(group, [step for step in steps if step["group"] == group]) for group in GROUPS]
    return [(group, in_group) for group, in_group in by_group if in_group]


def _grouped_steps(result: Mapping, root: str) -> str:
    now = parse_now(result["evaluated_at"])
    return "".join(
        _group_heading(group, result["deadlines"], now) + _steps(in_group, root, "data-step")
        for group, in_group in grouped(result["steps"])
    )


def _group_heading(group: str, deadlines, now: datetime) -> str:
    """A group's heading: its deadline as it stands ("Senest i morgen kl. 24.00"), or what to do once it passed.

    For a page left open, the heading's words for each state ride along (the page's countdown picks one); on
    paper the date stands instead of "i morgen".
    """
    heading = group_heading(group, deadlines, now)
    dated = group_heading(group, deadlines, now, relative=False)
    states = heading_states(group, deadlines, now)
    data = attrs(data_heading_states=json.dumps(states, ensure_ascii=False)) if states else ""
    on_paper = ""
    if dated != heading:
        on_paper = f'<span class="guide-step-group__dated" data-heading-dated>{escape(dated)}</span>'

    return (
        f'<h3 class="guide-step-group" data-step-group="{escape(group)}"{data}>'
        f"<span data-heading-text>{escape(heading)}</span>{on_paper}</h3>"
    )


def _steps(steps, root: str, hook: str) -> str:
    items = []
    for step in steps:
        step_id = escape(step["id"])
        box_id = f"{hook}-{step_id}"
        items.append(
            f'<li {hook}="{step_id}"><input type="checkbox" id="{box_id}">'
            f'<div><label for="{box_id}">{escape(step["text"])}</label>'
            f'<span class="guide-step__source">{basis_link(step, root)}</span>'
            f'{howto_block(step.get("howto"), root)}</div></li>'
        )
    return f'<ul class="guide-steps">{"".join(items)}</ul>'


def _categories(result: Mapping, root: str) -> str:
    items = "".join(
        f'<li data-category="{escape(category)}"><h3 class="guide-category__title">'
        f'{escape(result["labels"]["categories"][category])}</h3>{reasons_list(result, category, root)}</li>'
        for category in result["categories"]
    )
    return f'<ul class="guide-categories">{items}</ul>'


def _result_tools(result: Mapping) -> str:
    """Print, calendar, copy and change, each confirmation beside the button that was pressed."""

    def tool(action: str, label: str, extra: str = "", attrs: str = "") -> str:
        return (
            f'<div class="guide-tool"><button type="button" class="md-button" data-guide-action="{action}"{attrs}>'
            f'{label}</button><p class="guide-tool__confirm" role="status" data-guide-tool-status="{action}"></p>'
            f"{extra}</div>"
        )

    copy_field = (
        f'<label class="guide-visually-hidden" for="guide-copy-text">{UI["copy_label"]}</label>'
        '<textarea id="guide-copy-text" class="guide-copy-text" data-guide-copy-text readonly hidden></textarea>'
    )
    calendar = tool("calendar", UI["calendar"]) if result["deadlines"] else ""
    return (
        '<div class="guide-tools">'
        f'<div class="guide-tool"><button type="button" class="md-button" data-guide-action="print">{UI["print"]}'
        f"</button></div>{calendar}{tool('copy', UI['copy'], copy_field)}"
        f'<div class="guide-tool"><button type="button" class="md-button" data-guide-action="show"'
        f' data-screen="check">{UI["change_answers"]}</button></div></div>'
    )


def howto_block(howto: Mapping | None, root: str) -> str:
    """A step's how-to: the guide's label, its text, numbers to ring, pages to read and slots for contacts.

    The slots hold the contact's role; the page fills in the municipality's name, phone and e-mail from the
    contact cards rendered at build time (tools/site/contacts.py), because the engine never sees mkdocs.yml.
    """
    if not howto:
        return ""
    parts = [f'<div class="guide-howto"><p class="guide-howto__label">{UI["howto"]}</p>']
    if howto["text"]:
        parts.append(f'<p class="guide-howto__text">{escape(howto["text"])}</p>')
    actions = [
        f'<li><a href="tel:{escape(phone["number"])}" data-howto-phone="{escape(phone["number"])}">'
        f'{escape(phone["label"])}</a></li>'
        for phone in howto["phones"]
    ] + [
        f'<li><a href="{escape(root + link["href"])}" data-howto-page>{escape(link["label"])}</a></li>'
        for link in howto["links"]
    ]
    if actions:
        parts.append(f'<ul class="guide-howto__actions">{"".join(actions)}</ul>')
    for contact in howto["contacts"]:
        parts.append(
            f'<div class="guide-contact" data-contact-slot="{escape(contact)}">'
            f'<p class="guide-contact__role">{escape(CONTACT_LABELS[contact])}</p></div>'
        )
    parts.append("</div>")
    return "".join(parts)


def documentation_note() -> str:
    """The optional note's fields, and the block the page fills with the same text for printing.

    The fields sit in no <form>, so Enter never submits them into a URL; the page keeps what is typed in
    memory only (tools.js), and the browser is asked neither to remember nor to spell-check it remotely.
    """
    fields = []
    rows = []
    for field, label, hint, multiline in DOCUMENTATION_FIELDS:
        field_id = f"doc-note-{field}"
        described = f' aria-describedby="{field_id}-hint"' if hint else ""
        hint_html = f'<div class="guide-hint" id="{field_id}-hint">{UI[hint]}</div>' if hint else ""
        common = f'id="{field_id}" data-doc-note-field="{field}" autocomplete="off" spellcheck="false"{described}'
        control = f'<textarea {common} rows="4"></textarea>' if multiline else f'<input type="text" {common}>'
        fields.append(
            f'<div class="guide-field doc-note__field"><label for="{field_id}">{UI[label]}</label>'
            f"{hint_html}{control}</div>"
        )
        rows.append(
            f'<div data-doc-note-row hidden><dt>{UI[label]}</dt><dd data-doc-note-value="{field}"></dd></div>'
        )
    return (
        '<section class="doc-note" data-doc-note aria-labelledby="guide-note">'
        f'<h2 id="guide-note">{UI["doc_note"]}</h2><p class="doc-note__intro">{UI["doc_note_intro"]}</p>'
        f'<div class="doc-note__fields">{"".join(fields)}</div>'
        f'<div class="doc-note-print" data-doc-note-print hidden><h2>{UI["doc_note_print"]}</h2>'
        f'<dl>{"".join(rows)}</dl></div></section>'
    )

