"""The case on the result screen: the note, the drafts' fields and texts, the evidence log, the reminders, and
what the printout carries of them.

The engine renders every field, label and choice; the page fills in what the reader typed (kept for the tab)
and shows each draft's text as the engine writes it (:mod:`wizard.drafts`), on the screen and on paper. No field
sits in a <form>, so Enter never submits what is typed into a URL; the browser is asked neither to remember nor
to spell-check it remotely.
"""

import json
from collections.abc import Mapping
from datetime import datetime

from wizard import content, drafts
from wizard.bidi_controls import without_bidi_controls
from wizard.case_input import (
    FIELDS,
    LONG_MAX,
    PART_LABELS,
    REPORTED_LABELS,
    ROWS,
    SHORT_MAX,
    Field,
)
from wizard.evidence_log import COLUMNS, cell, filled
from wizard.reminders import FOLLOW_UP, FOLLOW_UP_REMINDERS, SUGGESTED, offered
from wizard.screens.markup import attrs, escape, mark
from wizard.screens.ui import UI
from wizard.texts import as_item

# A part of the case the page can open from a task: the drafts, and the reminders of the follow-up.
REMINDERS = "reminders"
NOTE = "note"
PART_OF_STEP = {**drafts.DRAFT_OF_STEP, "care": REMINDERS}
# Where each draft's fields come from: a part of named fields, or rows.
_DRAFT_FIELDS = {drafts.REGISTRATION: "registration", drafts.NOTICE: "notice"}
_DRAFT_ROWS = {drafts.PLAN: "plan", drafts.LOG: "log"}


# The rows' own words: each row's name, its remove button and the button that adds one ({n}: the row's number).
_ROW_TEXTS = {f"{key}.{part}": content.text("case", f"{key}.{part}") for key in ("row", "remove_row", "add_row")
              for part in ROWS}


def _case(id: str) -> str:
    return _ROW_TEXTS[id]


def part_id(part: str) -> str:
    """The id of a part's fold on the page (a task's button opens it)."""
    return f"guide-sag-{part}"


def offered_parts(result: Mapping) -> list[str]:
    """The parts of the case the result offers, in the page's order: the note, the drafts, the reminders."""
    parts = [NOTE, *drafts.offered(result)]
    if offered(result, _made(result)):
        parts.append(REMINDERS)
    return parts


def _made(result: Mapping) -> datetime:
    return datetime.fromisoformat(result["evaluated_at"])


def case_section(result: Mapping, root: str) -> str:
    """The note, each draft the result offers and the reminders, each folded until the reader opens it.

    ``data-case-seed`` carries what the engine proposes until the reader changes it: the action plan's
    measures and the reminders chosen.
    """
    reminders = offered(result, _made(result))
    seed = {"plan": drafts.plan_seed(), "reminders": [r["id"] for r in reminders if r["chosen"]]}
    folds = [_note()]
    for draft in drafts.offered(result):
        folds.append(_draft(draft, result, root))
    if reminders:
        folds.append(_reminders(reminders, root))
    return (
        f'<section class="guide-case" data-case aria-labelledby="guide-sagen"'
        f'{attrs(data_case_seed=json.dumps(seed, ensure_ascii=False))}>'
        f'<h2 id="guide-sagen">{UI["case_title"]}</h2><p class="guide-case__intro">{UI["case_intro"]}</p>'
        f'{"".join(folds)}</section>'
        # What the printout carries of the case: the page puts the engine's print of it here (case_print).
        '<div class="guide-case-print" data-case-print></div>'
    )


def _fold(part: str, title: str, body: str) -> str:
    return (
        f'<details class="guide-fold guide-case__part" id="{part_id(part)}" data-case-part="{part}">'
        f'<summary><h3 class="guide-fold__title">{escape(title)}</h3></summary>'
        f'<div class="guide-fold__body">{body}</div></details>'
    )


def _note() -> str:
    body = f'<p class="guide-case__hint">{UI["note_intro"]}</p>{_fields("note")}'
    return _fold(NOTE, PART_LABELS["note"], body)


def _draft(draft: str, result: Mapping, root: str) -> str:
    parts = [f'<p class="guide-case__hint">{escape(drafts.basis(draft, result))}</p>']
    if draft == drafts.NOTICE:
        parts.append(f'<p class="guide-case__hint">{_marked(drafts.ARTICLE_16, root)}</p>{_escalation(root)}')
    if draft in _DRAFT_FIELDS:
        parts.append(_fields(_DRAFT_FIELDS[draft]))
    if draft in _DRAFT_ROWS:
        parts.append(_rows(_DRAFT_ROWS[draft]))
    if draft == drafts.LOG:
        parts.append(_tool("csv", UI["csv"]))
    else:
        parts.append(
            f'<h4 class="guide-draft__heading">{UI["draft_text"]}</h4>'
            f'<pre class="guide-draft__text" data-draft-text="{draft}" tabindex="0"'
            f' aria-label="{escape(drafts.TITLES[draft])}"></pre>'
            + _tool("copy", UI["copy_draft"], draft=draft)
        )
    return _fold(draft, drafts.TITLES[draft], "".join(parts))


def _tool(action: str, label: str, draft: str = "") -> str:
    """A button with its confirmation right below it (the page writes there, beside the button pressed)."""
    extra = attrs(data_draft=draft) if draft else ""
    return (
        f'<div class="guide-tool"><button type="button" class="md-button" data-guide-action="{action}"{extra}>'
        f'{label}</button><p class="guide-tool__confirm" role="status" data-guide-tool-status="{action}"></p></div>'
    )


def _control(field: Field, control_id: str, data: str) -> str:
    described = f' aria-describedby="{control_id}-hint"' if field.hint else ""
    common = f'id="{control_id}" {data} autocomplete="off" spellcheck="false"{described}'
    if field.choices:
        options = "".join(
            f'<option value="{escape(value)}">{escape(REPORTED_LABELS[value])}</option>' for value in field.choices
        )
        return f"<select {common}>{options}</select>"
    if field.long:
        return f'<textarea {common} rows="3" maxlength="{LONG_MAX}"></textarea>'
    return f'<input type="text" {common} maxlength="{SHORT_MAX}">'


def _field_block(field: Field, control_id: str, data: str) -> str:
    hint = f'<div class="guide-hint" id="{control_id}-hint">{escape(field.hint)}</div>' if field.hint else ""
    return (
        f'<div class="guide-field guide-case__field"><label for="{control_id}">{escape(field.label)}</label>'
        f"{hint}{_control(field, control_id, data)}</div>"
    )


def _fields(part: str) -> str:
    return "".join(
        _field_block(field, f"sag-{part}-{field.id}", f'data-case-field="{part}.{field.id}"') for field in FIELDS[part]
    )


def _rows(part: str) -> str:
    """The rows the reader adds: the page makes one from the template per row, ``{n}`` its number."""
    fields = "".join(
        _field_block(field, f"sag-{part}-{{n}}-{field.id}", f'data-case-row-field="{field.id}"') for field in ROWS[part]
    )
    row = (
        f'<fieldset class="guide-row" data-case-row><legend>{escape(_case(f"row.{part}"))}</legend>{fields}'
        f'<button type="button" class="guide-link-button" data-case-remove-row>'
        f'{escape(_case(f"remove_row.{part}"))}</button></fieldset>'
    )
    return (
        f'<div class="guide-rows" data-case-rows="{part}"><div data-case-row-list></div>'
        f'<template data-case-row-template="{part}">{row}</template>'
        f'<button type="button" class="md-button guide-rows__add" data-case-add-row="{part}">'
        f'{escape(_case(f"add_row.{part}"))}</button></div>'
    )


def _marked(text, root: str) -> str:
    item = as_item(text)
    return f"{escape(item['text'])} {mark(item, root)}"


def _escalation(root: str) -> str:
    items = "".join(f"<li>{escape(item['text'])} {mark(item, root)}</li>" for item in drafts.escalation())
    return f'<p class="guide-case__label">{UI["escalation"]}</p><ol class="guide-escalation">{items}</ol>'


def _reminders(reminders: list[dict], root: str) -> str:
    choices = "".join(
        f'<div class="guide-check"><input type="checkbox" id="sag-reminder-{escape(r["id"])}"'
        f' data-case-reminder="{escape(r["id"])}"{" checked" if r["chosen"] else ""}'
        f' aria-describedby="sag-reminder-{escape(r["id"])}-hint">'
        f'<label for="sag-reminder-{escape(r["id"])}">{escape(r["when"])}</label>'
        f'<p class="guide-hint" id="sag-reminder-{escape(r["id"])}-hint">{escape(r["text"])}</p></div>'
        for r in reminders
    )
    # The guideline's sentence on following up stands where a follow-up is offered (the leader's).
    follow_up = f"{_marked(FOLLOW_UP, root)} " if any(r["id"] in FOLLOW_UP_REMINDERS for r in reminders) else ""
    body = (
        f'<p class="guide-case__hint">{follow_up}{_marked(SUGGESTED, root)}</p>'
        f'<fieldset class="guide-fieldset"><legend class="guide-case__label">{UI["reminders_choose"]}</legend>'
        f"{choices}</fieldset>{_tool('calendar', UI['calendar'])}"
    )
    return _fold(REMINDERS, UI["reminders_title"], body)


def case_print(result: Mapping, case: Mapping, texts: Mapping[str, str]) -> str:
    """What the printout carries of the case: the note, each draft the reader has written in (its basis and
    text), and the evidence log as a table. Every text is escaped: what the reader typed stays text on paper."""
    parts = []
    typed = {field: without_bidi_controls(case["note"][field.id]).strip() for field in FIELDS["note"]}
    note = [(field, value) for field, value in typed.items() if value]
    if note:
        rows = "".join(f"<dt>{escape(field.label)}</dt><dd>{escape(value)}</dd>" for field, value in note)
        title = escape(PART_LABELS["note"])
        parts.append(f'<section class="guide-print-part"><h2>{title}</h2><dl>{rows}</dl></section>')
    for draft in drafts.written(result, case):
        if draft == drafts.LOG:
            parts.append(_log_table(case["log"]))
            continue
        parts.append(
            f'<section class="guide-print-part"><h2>{escape(drafts.TITLES[draft])}</h2>'
            f'<p class="guide-case__hint">{escape(drafts.basis(draft, result))}</p>'
            f'<pre class="guide-draft__text">{escape(texts[draft])}</pre></section>'
        )
    return "".join(parts)


def _log_table(rows: list) -> str:
    head = "".join(f'<th scope="col">{escape(column.label)}</th>' for column in COLUMNS)
    body = "".join(
        "<tr>" + "".join(f"<td>{escape(cell(row, column.id))}</td>" for column in COLUMNS) + "</tr>"
        for row in filled(rows)
    )
    return (
        f'<section class="guide-print-part"><h2>{escape(drafts.TITLES[drafts.LOG])}</h2>'
        f'<table class="guide-log-table"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></section>'
    )
