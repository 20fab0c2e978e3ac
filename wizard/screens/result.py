"""The result, most urgent first: the deadlines and the result's tools, the role's tasks by when, the notes, the
case (note, drafts, reminders), then folded: the assessment, the other roles and the legal information.

Also the guide's own help under a task (:mod:`wizard.howto`). Where a text comes from is shown by one legend and
a mark per item (:func:`wizard.screens.markup.mark`).
"""

import json
from collections.abc import Mapping
from datetime import datetime

from wizard.moments import COPENHAGEN, parse_now
from wizard.reminders import offered as reminders_offered
from wizard.screens.case import PART_OF_STEP, case_section, offered_parts, part_id
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
from wizard.screens.markup import attrs, escape, mark, marks_legend, session_actions
from wizard.screens.reasons import decisions_list, reasons_list
from wizard.screens.stamp import result_stamp
from wizard.screens.ui import RESULT_TITLE, UI
from wizard.step_groups import GROUPS
from wizard.tasks import NOT_STARTED, STATUS_LABELS
from wizard.texts import CATEGORY_SHORT_LABELS, CONTACT_LABELS


def result_screen(result: Mapping, *, root: str) -> str:
    """The result, most urgent first: the deadlines and tools, the tasks by when, then the rest, folded."""
    labels = result["labels"]
    role_label = labels["roles"][result["role"]]
    parts_offered = offered_parts(result)
    parts = [
        '<section class="guide-result" data-result>',
        f'<h1 class="guide-question" tabindex="-1" data-guide-focus>{RESULT_TITLE}</h1>',
        _summary(result),
        _result_tools(result),
        f'<h2 id="guide-skridt" data-result-part="steps">{escape(UI["steps"].format(role=role_label.lower()))}</h2>',
        _grouped_tasks(result, root, parts_offered),
        marks_legend(),
    ]
    if result["notes"]:
        items = "".join(
            f'<li data-note="{escape(note["id"])}">{escape(note["text"])} {mark(note, root)}</li>'
            for note in result["notes"]
        )
        parts.append(f'<h2 id="guide-opmaerksom">{UI["notes"]}</h2><ul class="guide-notes">{items}</ul>')
    parts.append(case_section(result, root))
    short = " · ".join(CATEGORY_SHORT_LABELS[c] for c in result["categories"])
    parts.append(
        _fold(
            "assessment",
            UI["assessment"],
            f"{_categories(result, root)}"
            f'<h3 id="guide-beslutninger">{UI["decisions"]}</h3>{decisions_list(result, root)}',
            more=short,
            heading_id="guide-vurdering",
        )
    )
    parts.extend(
        _fold(
            "other-roles",
            UI["other_steps"].format(role=labels["roles"][role].lower()),
            _other_steps(steps, root),
            css="guide-other-role",
        )
        for role, steps in result["steps_by_role"].items()
        if role != result["role"]
    )
    if result["legal_info"]:
        items = "".join(
            f'<li data-legal="{escape(info["id"])}">{escape(info["text"])} <em>({escape(info["reference"])})</em></li>'
            for info in result["legal_info"]
        )
        parts.append(
            _fold(
                "legal",
                UI["legal"],
                f'<p>{UI["legal_intro"]}</p><ul>{items}</ul>'
                f'<p><a href="{escape(root)}lovgrundlag/">{UI["legal_more"]}</a></p>',
                css="guide-legal",
            )
        )
    parts.append(f'<p class="guide-result__stamp">{escape(result_stamp(result))}</p>')
    parts.append(
        '<div class="guide-tool"><button type="button" class="md-button" data-guide-action="show"'
        f' data-screen="check">{UI["change_answers"]}</button></div>'
    )
    parts.append("</section>")
    parts.append(session_actions())
    return "".join(parts)


def _fold(part: str, title: str, body: str, *, more: str = "", heading_id: str = "", css: str = "") -> str:
    """A part of the result that opens on request, its heading in the summary."""
    id_attr = f' id="{heading_id}"' if heading_id else ""
    more_html = f' <span class="guide-fold__more">{escape(more)}</span>' if more else ""
    return (
        f'<details class="guide-fold {css}" data-result-part="{part}"><summary>'
        f'<h2 class="guide-fold__title"{id_attr}>{escape(title)}{more_html}</h2></summary>'
        f'<div class="guide-fold__body">{body}</div></details>'
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
    # A date without a time: the safe deadline above, and how late it can be, both in words (how late once only:
    # a deadline that may have passed says it in its status below).
    counted = ""
    if deadline.get("counted_from_start_of_day"):
        latest = f'<span data-latest-text>{escape(deadline["latest_text"])}</span>' if state != "undecided" else ""
        counted = f'{escape(UI["counted_from_day"])} {latest}'.rstrip()
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


def _grouped_tasks(result: Mapping, root: str, parts: list[str]) -> str:
    now = parse_now(result["evaluated_at"])
    return "".join(
        _group_heading(group, result["deadlines"], now) + _tasks(in_group, root, parts)
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


def _tasks(steps, root: str, parts: list[str]) -> str:
    """The role's tasks (GOV.UK's task list): each its title, opening to the step, its mark and the guide's help,
    and a status the reader sets beside it. A task with a draft or the reminders opens them too."""
    items = []
    for step in steps:
        step_id = escape(step["id"])
        select_id = f"guide-status-{step_id}"
        options = "".join(
            f'<option value="{status}"{" selected" if status == NOT_STARTED else ""}>{escape(label)}</option>'
            for status, label in STATUS_LABELS.items()
        )
        part = PART_OF_STEP.get(step["id"])
        opens = ""
        if part in parts:
            opens = (
                f'<p class="guide-task__opens"><button type="button" class="guide-link-button"'
                f' data-guide-open="{part_id(part)}">'
                f'{escape(UI["open_" + part])}</button></p>'
            )
        items.append(
            f'<li class="guide-task" data-step="{step_id}" data-task-status="{NOT_STARTED}">'
            f'<details class="guide-task__details"><summary class="guide-task__title">{escape(step["title"])}'
            f'</summary><div class="guide-task__body"><p class="guide-task__text">{escape(step["text"])} '
            f'{mark(step, root)}</p>{howto_block(step.get("howto"), root, mark({"basis": "guide"}, root))}{opens}'
            f'</div></details><label class="guide-visually-hidden" for="{select_id}">'
            f'{escape(UI["status_of"].format(task=step["title"]))}</label>'
            f'<select class="guide-task__status" id="{select_id}" data-task-status-select="{step_id}">'
            f'{options}</select><span class="guide-task__status-text" data-task-status-text>'
            f"{escape(STATUS_LABELS[NOT_STARTED])}</span></li>"
        )
    return f'<ul class="guide-tasks">{"".join(items)}</ul>'


def _other_steps(steps, root: str) -> str:
    items = "".join(
        f'<li data-other-step="{escape(step["id"])}">{escape(step["text"])} {mark(step, root)}</li>' for step in steps
    )
    return f'<ul class="guide-other-steps">{items}</ul>'


def _categories(result: Mapping, root: str) -> str:
    items = "".join(
        f'<li data-category="{escape(category)}"><h3 class="guide-category__title">'
        f'{escape(result["labels"]["categories"][category])}</h3>{reasons_list(result, category, root)}</li>'
        for category in result["categories"]
    )
    return f'<ul class="guide-categories">{items}</ul>'


def _result_tools(result: Mapping) -> str:
    """Save the case, copy, print and the calendar, on the first screen; each confirmation beside its button."""

    def tool(action: str, label: str, extra: str = "") -> str:
        return (
            f'<div class="guide-tool"><button type="button" class="md-button" data-guide-action="{action}">'
            f'{label}</button><p class="guide-tool__confirm" role="status" data-guide-tool-status="{action}"></p>'
            f"{extra}</div>"
        )

    copy_field = (
        f'<label class="guide-visually-hidden" for="guide-copy-text">{UI["copy_label"]}</label>'
        '<textarea id="guide-copy-text" class="guide-copy-text" data-guide-copy-text readonly hidden></textarea>'
    )
    calendar = ""
    if result["deadlines"] or reminders_offered(result, parse_now(result["evaluated_at"])):
        calendar = tool("calendar", UI["calendar"])
    return (
        f'<div class="guide-tools" data-result-tools>{tool("save", UI["save"])}{tool("copy", UI["copy"], copy_field)}'
        f'<div class="guide-tool"><button type="button" class="md-button" data-guide-action="print">{UI["print"]}'
        f"</button></div>{calendar}</div>"
    )


def howto_block(howto: Mapping | None, root: str, label: str = UI["howto"]) -> str:
    """A step's how-to: the guide's label (or mark), its text, numbers to ring, pages to read and slots for contacts.

    The slots hold the contact's role; the page fills in the municipality's name, phone and e-mail from the
    contact cards rendered at build time (tools/site/contacts.py), because the engine never sees mkdocs.yml.
    """
    if not howto:
        return ""
    parts = [f'<div class="guide-howto"><p class="guide-howto__label">{label}</p>']
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
