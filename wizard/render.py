"""HTML for the guide's screens: a question, the answers to check, the result, the fallback.

The same functions render the first question into the page at build time and every
screen in the browser, so both look alike. Every text is escaped; links to the
guideline are relative to ``root``, the path from the current page to the site root.
"""

import json
from collections.abc import Mapping
from datetime import date, datetime, time, timedelta

from wizard import content, flow, questions
from wizard.contract import UNKNOWN
from wizard.moments import COPENHAGEN, EARLIEST_DATE, parse_now
from wizard.danish_time import MONTHS, long_date, long_datetime
from wizard.guideline import (
    GUIDELINE_ADOPTED,
    GUIDELINE_ADOPTED_BY,
    IMPACT_MAX,
    IMPACT_MIN,
)
from wizard.rules import RULES_BY_ID
from wizard.steps import STEPS, step_text
from wizard.texts import CONTACT_LABELS, MAY_BE_OVERDUE, POLICE_REPORT_DUE_TEXT, REGISTRATION_DUE_TEXT, ROLE_LABELS
from wizard.step_groups import GROUPS

# html.escape would do, but importing html also loads html.entities (a large table this
# module never needs) at every start of the guide in the browser.
_HTML_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;"})


def escape(text: str) -> str:
    """``text`` safe inside HTML text and quoted attribute values (as ``html.escape``)."""
    return str(text).translate(_HTML_ESCAPES)


def _texts(*ids: str) -> dict[str, str]:
    return {id: content.text("ui", id) for id in ids}


# The guide's own words (buttons, headings, status lines), from content/texts/ui.yaml; engine content
# has its own texts.
UI = _texts(
    "continue", "back", "restart", "clear", "clear_hint", "restart_question", "restart_yes", "clear_question",
    "clear_yes", "keep_answers", "error_title", "error_prefix", "progress", "check_title", "check_intro",
    "check_change", "check_submit", "time_label", "time_hint", "date_label", "date_range", "date_today",
    "date_yesterday", "read_guideline", "read_section", "loading", "ready", "kept_while_loading", "restoring", "copied",
    "copy_manually",
    # What a step or note rests on when it is not the guideline (which gets a link to its section).
    "basis_guide", "basis_legal_notes",
)


def _attrs(**values: str) -> str:
    return "".join(f' {name.replace("_", "-")}="{escape(value)}"' for name, value in values.items())


def _back(previous: str) -> str:
    """A button, not a link: one step back in the browser's history, or to ``previous`` where there is none."""
    return (
        f'<button type="button" class="guide-back guide-link-button" data-guide-action="back"'
        f' data-screen="{escape(previous)}">{UI["back"]}</button>'
    )


def question_screen(
    question: "questions.Question",
    answers: Mapping,
    *,
    root: str,
    form: Mapping[str, list[str]] | None = None,
    errors: Mapping[str, str] | None = None,
    first: bool = False,
) -> str:
    """One question as a GOV.UK-style form: heading, hint, error summary, options, the continue button."""
    question = questions.worded(question, answers)
    errors = errors or {}
    if form is None:
        form = questions.form_values(question.id, answers[question.id]) if question.id in answers else {}
    asked = flow.asked(answers)
    position = next((i for i, q in enumerate(asked, 1) if q.id == question.id), len(asked))
    progress = UI["progress"].format(n=position)
    described = " ".join(
        part for part, present in ((f"{question.id}-hint", question.hint), (f"{question.id}-error", question.id in errors)) if present
    )
    parts = [f'<form class="guide-form" data-question="{question.id}" novalidate>']
    if not first:
        parts.append(_back(asked[position - 2].id if position > 1 else ""))
    if errors:
        parts.append(_error_summary(question, errors))
    parts.append(
        f'<fieldset class="guide-fieldset{" guide-fieldset--error" if errors else ""}"'
        + (f' aria-describedby="{described}"' if described else "")
        + ">"
        # The progress is part of the heading, so it is read out when focus moves to the new screen.
        f'<legend class="guide-legend"><h1 class="guide-question" tabindex="-1" data-guide-focus>'
        f'<span class="guide-progress">{escape(progress)}</span> {escape(question.label)}</h1></legend>'
    )
    if question.hint:
        parts.append(f'<div class="guide-hint" id="{question.id}-hint">{escape(question.hint)} {source_link(question.source.href, root, question.source.title)}</div>')
    for field, message in errors.items():
        parts.append(
            f'<p class="guide-error-message" id="{escape(field)}-error">'
            f'<span class="guide-visually-hidden">{UI["error_prefix"]}</span> {escape(message)}</p>'
        )
    parts.append(_inputs(question, form))
    parts.append("</fieldset>")
    parts.append(f'<button type="submit" class="md-button md-button--primary guide-submit">{UI["continue"]}</button>')
    parts.append("</form>")
    parts.append(_session_actions(first))
    return "".join(parts)


def _error_summary(question: "questions.Question", errors: Mapping[str, str]) -> str:
    items = "".join(
        f'<li><a href="#{escape(_first_input_id(question, field))}">{escape(message)}</a></li>'
        for field, message in errors.items()
    )
    return (
        '<div class="guide-error-summary" role="alert" tabindex="-1" data-guide-focus>'
        f'<h2 class="guide-error-summary__title">{UI["error_title"]}</h2><ul>{items}</ul></div>'
    )


def _first_input_id(question: "questions.Question", field: str) -> str:
    if question.kind == "date_time":
        return field
    return f"{question.id}-{question.options[0].id}"


def _inputs(question: "questions.Question", form: Mapping[str, list[str]]) -> str:
    if question.kind == "date_time":
        day = (form.get(question.id) or [""])[0]
        clock = (form.get(f"{question.id}_time") or [""])[0]
        time_field = f"{question.id}_time"
        return (
            '<div class="guide-date-time">'
            f'<div class="guide-field"><label for="{question.id}">{UI["date_label"]}</label>'
            f'<div class="guide-hint" id="{question.id}-range">{escape(_date_range())}</div>'
            f'<input type="date" id="{question.id}" name="{question.id}" value="{escape(day)}" required'
            f' autocomplete="off" aria-describedby="{question.id}-range" min="{EARLIEST_DATE.isoformat()}"'
            f' data-guide-max-today="{COPENHAGEN.key}">'
            f"{_date_shortcuts(question.id)}</div>"
            f'<div class="guide-field"><label for="{time_field}">{UI["time_label"]}</label>'
            f'<div class="guide-hint" id="{time_field}-hint">{UI["time_hint"]}</div>'
            f'<input type="time" id="{time_field}" name="{time_field}" value="{escape(clock)}"'
            f' aria-describedby="{time_field}-hint" autocomplete="off"></div></div>'
        )
    input_type = "checkbox" if question.kind == "multiple" else "radio"
    chosen = set(form.get(question.id, ()))
    layout = " guide-options--scale" if question.kind == "scale" else ""
    items = []
    for option in question.options:
        input_id = f"{question.id}-{option.id}"
        hint_id = f"{input_id}-hint"
        hint = f'<div class="guide-option__hint" id="{hint_id}">{escape(option.hint)}</div>' if option.hint else ""
        items.append(
            f'<div class="guide-option"><input class="guide-option__input" type="{input_type}" id="{input_id}"'
            f' name="{question.id}" value="{escape(option.id)}"'
            + (" checked" if option.id in chosen else "")
            + (f' aria-describedby="{hint_id}"' if option.hint else "")
            + (f' data-leads-to="{escape(option.leads_to)}"' if option.leads_to else "")
            + f'><label class="guide-option__label" for="{input_id}">{escape(option.label)}</label>{hint}</div>'
        )
    return f'<div class="guide-options guide-options--{input_type}{layout}">{"".join(items)}</div>'


def _date_range() -> str:
    earliest = f"{EARLIEST_DATE.day}. {MONTHS[EARLIEST_DATE.month - 1]} {EARLIEST_DATE.year}"
    return UI["date_range"].format(earliest=earliest)


def _date_shortcuts(field: str) -> str:
    """Buttons that fill the date field with today or yesterday (guide.js; they need no Python)."""
    buttons = "".join(
        f'<button type="button" class="guide-date-shortcut" data-guide-date-field="{field}"'
        f' data-guide-days-ago="{days_ago}">{UI[label]}</button>'
        for label, days_ago in (("date_today", 0), ("date_yesterday", 1))
    )
    return f'<div class="guide-date-shortcuts">{buttons}</div>'


def _session_actions(first: bool = False) -> str:
    """Restart and clear the answers, each asking first: a slip of the finger never erases the answers.

    The question appears below the row of controls, so its "yes" button is never where the
    pointer already was.
    """
    actions = ("clear",) if first else ("restart", "clear")
    asks = "".join(
        f'<button type="button" class="guide-link-button" data-guide-ask="{action}" aria-expanded="false"'
        f' aria-controls="guide-confirm-{action}">{UI[action]}</button>'
        for action in actions
    )
    return (
        f'<div class="guide-session">{asks}<span class="guide-session__hint">{UI["clear_hint"]}</span>'
        + "".join(_confirmation(action) for action in actions)
        + "</div>"
    )


def _confirmation(action: str) -> str:
    question_id = f"guide-confirm-{action}-question"
    return (
        f'<div class="guide-confirm" id="guide-confirm-{action}" role="group" aria-labelledby="{question_id}"'
        f' data-guide-confirm="{action}" hidden>'
        f'<p class="guide-confirm__question" id="{question_id}" tabindex="-1">{UI[f"{action}_question"]}</p>'
        f'<button type="button" class="md-button guide-confirm__yes" data-guide-action="{action}">'
        f'{UI[f"{action}_yes"]}</button>'
        f'<button type="button" class="md-button" data-guide-cancel>{UI["keep_answers"]}</button></div>'
    )


def check_screen(answers: Mapping, *, root: str) -> str:
    """The answers so far, each with a button to change it, and the button to see the result."""
    rows = []
    asked = flow.asked(answers)
    for question in asked:
        question = questions.worded(question, answers)
        label = questions.answer_label(question.id, answers[question.id])
        rows.append(
            '<div class="guide-summary__row">'
            f'<dt class="guide-summary__key">{escape(question.label)}</dt>'
            f'<dd class="guide-summary__value">{escape(label)}</dd>'
            f'<dd class="guide-summary__action"><button type="button" class="guide-link-button"'
            f' data-guide-action="change" data-question="{question.id}">{UI["check_change"]}'
            f'<span class="guide-visually-hidden"> {escape(question.label)}</span></button></dd></div>'
        )
    return (
        f'<form class="guide-form" data-check="answers" novalidate>{_back(asked[-1].id)}'
        f'<h1 class="guide-question" tabindex="-1" data-guide-focus>{UI["check_title"]}</h1>'
        f'<p>{UI["check_intro"]}</p><dl class="guide-summary">{"".join(rows)}</dl>'
        f'<button type="submit" class="md-button md-button--primary guide-submit">{UI["check_submit"]}</button>'
        "</form>" + _session_actions()
    )


# The screen that "yes" to "is anyone in danger right now?" leads to. 112 and the advice are the guide's own.
UI.update(
    _texts(
        "danger_call", "danger_intro", "danger_waiting", "danger_own", "danger_safe", "danger_safe_text",
        "danger_continue",
    )
)
# The advice, in the order it is shown.
DANGER_ADVICE = ("stay_on_the_line", "get_away", "not_alone", "keep_everything")
UI["danger_advice"] = tuple(content.text("ui", f"danger_advice.{id}") for id in DANGER_ADVICE)


def danger_screen(*, question: str, next_screen: str) -> str:
    """Someone is in danger: the call to 112 first, what to do while waiting, and the way on to ``next_screen``."""
    advice = "".join(f"<li>{escape(line)}</li>" for line in UI["danger_advice"])
    return (
        '<section class="guide-danger" data-danger>'
        # The heading takes the focus, not the link: a second press of Enter must not dial.
        f'<h1 class="guide-question guide-danger__title" tabindex="-1" data-guide-focus>'
        f'<a class="md-button md-button--primary guide-danger__call" href="tel:112">{UI["danger_call"]}</a></h1>'
        f'<p class="guide-danger__intro">{UI["danger_intro"]}</p>'
        f'<h2>{UI["danger_waiting"]}</h2><p class="guide-danger__own"><em>{UI["danger_own"]}</em></p>'
        f'<ul class="guide-danger__advice">{advice}</ul>'
        f'<h2>{UI["danger_safe"]}</h2><p>{UI["danger_safe_text"]}</p>'
        f'<form class="guide-form" data-continue="{escape(next_screen)}" novalidate>'
        f'<button type="submit" class="md-button md-button--primary guide-submit">{UI["danger_continue"]}</button>'
        f"</form>{_back(question)}</section>"
    )


GUIDELINE_STAMP = content.text("ui", "guideline_stamp")


def guideline_stamp() -> str:
    """Which guideline the guide implements, for every result and printout."""
    return GUIDELINE_STAMP.format(adopted_by=GUIDELINE_ADOPTED_BY, adopted=GUIDELINE_ADOPTED)


RESULT_TITLE = content.text("ui", "result_title")
# Below a day left, the summary marks a deadline as urgent (in words, not by colour alone).
URGENT_SECONDS = 24 * 60 * 60

UI.update(
    _texts(
        "stamp", "summary", "no_deadlines", "at_clock", "yesterday", "today", "tomorrow", "left", "and", "day",
        "days", "hour", "hours", "minute", "minutes", "under_a_minute", "flag_urgent", "flag_overdue", "overdue",
        "overdue_safetynet", "overdue_police_report", "counted_from_day", "steps", "group_now",
        "group_within_police_report_hours", "group_within_registration_days", "group_next_weeks", "assessment",
        "offences_intro", "decisions", "because", "because_yes", "because_no", "because_unknown", "because_scale",
        "because_scale_unknown", "because_chosen", "claim_danger_now", "claim_recording_shared",
        "claim_outside_work_hours", "claim_repeated", "claim_absence", "claim_treatment",
        "claim_wants_work_accident", "other_steps", "notes", "legal", "legal_intro", "legal_more", "print",
        "calendar", "calendar_ready", "copy", "copy_label", "change_answers", "cleared",
    )
)
UI["undecided"] = f"{MAY_BE_OVERDUE} {content.text('ui', 'undecided_advice')}"

# The words the page's countdown writes the time left with: the same as time_left's, sent along
# with the result so the browser has no Danish of its own.
_COUNTDOWN_WORDS = (
    "left", "and", "day", "days", "hour", "hours", "minute", "minutes", "under_a_minute", "flag_urgent", "flag_overdue"
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
        _grouped_steps(result["steps"], root),
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
    parts.append(_session_actions())
    return "".join(parts)


def result_stamp(result: Mapping) -> str:
    """When the result was made, from which guideline and rules version."""
    return UI["stamp"].format(
        when=long_datetime(parse_now(result["evaluated_at"])),
        guideline=guideline_stamp(),
        version=result["rules_version"],
    )


def nearest_first(deadlines) -> list:
    """The deadlines in the order they run out (the police report's hours before the registration days)."""
    return sorted(deadlines, key=_ends_at)


def _ends_at(deadline: Mapping) -> datetime:
    """The instant a deadline runs out: a timed one at ``due``, an all-day one when its day ends."""
    if deadline["all_day"]:
        return datetime.combine(date.fromisoformat(deadline["due"]) + timedelta(days=1), time(0), COPENHAGEN)
    return datetime.fromisoformat(deadline["due"])


# The engine's own wording of each deadline ("as soon as possible and at the latest …"), with the day said
# relative to now where that is nearer to hand ("tomorrow at 09.30").
DUE_TEXTS = {"safetynet": REGISTRATION_DUE_TEXT, "police_report": POLICE_REPORT_DUE_TEXT}


def due_words(due: str, now: datetime | None) -> str:
    """When ``due`` (a date or an ISO instant) falls, seen from ``now``: "today at 14.00", "tomorrow" or the date.

    Without ``now``, always the date. A deadline at midnight is the end of the day before
    ("at 24.00"), never the next day's first minute.
    """
    clock = None
    if "T" in due:
        moment = datetime.fromisoformat(due).astimezone(COPENHAGEN)
        day, clock = moment.date(), f"{moment:%H.%M}"
        if moment.time() == time(0):
            day, clock = day - timedelta(days=1), "24.00"
    else:
        day = date.fromisoformat(due)
    near = {}
    if now is not None:
        today = now.astimezone(COPENHAGEN).date()
        near = {
            today - timedelta(days=1): UI["yesterday"],
            today: UI["today"],
            today + timedelta(days=1): UI["tomorrow"],
        }
    name = near.get(day) or long_date(day)
    return UI["at_clock"].format(day=name, clock=clock) if clock else name


def deadline_state(deadline: Mapping) -> str:
    """``"overdue"``, ``"undecided"`` (it depends on the unknown time of day), ``"urgent"`` or ``"open"``."""
    if deadline["overdue"] is None:
        return "undecided"
    if deadline["overdue"]:
        return "overdue"
    return "urgent" if deadline["seconds_left"] < URGENT_SECONDS else "open"


def deadline_status(deadline: Mapping, now: datetime) -> str:
    """What a deadline means now: the time left, or what to do when it has passed or may have."""
    state = deadline_state(deadline)
    if state == "overdue":
        return _overdue_text(deadline)
    if state == "undecided":
        return _undecided_text(deadline)
    return UI["left"].format(left=time_left(deadline["seconds_left"]))


def _overdue_text(deadline: Mapping) -> str:
    return UI.get(f"overdue_{deadline['id']}", UI["overdue"])


def _undecided_text(deadline: Mapping) -> str:
    # The latest moment as a date, never "today": the sentence is printed and read later too.
    latest = deadline.get("latest_text")
    return UI["undecided"] + (f" {latest}" if latest else "")


def _summary(result: Mapping) -> str:
    """The deadlines, nearest first, each with when it falls and the time left: what a reader acts on first.

    The steps below carry the guideline's links; the summary is kept short enough for a phone's first screen.
    """
    if not result["deadlines"]:
        return f'<div class="guide-panel" data-summary><p data-no-deadlines>{UI["no_deadlines"]}</p></div>'
    now = parse_now(result["evaluated_at"])
    words = {key: UI[key] for key in _COUNTDOWN_WORDS} | {"urgent_seconds": URGENT_SECONDS}
    data = _attrs(
        data_summary="",
        data_countdown_words=json.dumps(words, ensure_ascii=False),
        data_time_zone=COPENHAGEN.key,
        data_evaluated_on=now.astimezone(COPENHAGEN).date().isoformat(),
    )
    items = [_summary_deadline(deadline, now) for deadline in nearest_first(result["deadlines"])]
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
        "data_overdue_text": _overdue_text(deadline),
        "data_undecided_text": _undecided_text(deadline),
    }
    if deadline["all_day"]:
        data["data_ends_at"] = _ends_at(deadline).isoformat()
    if deadline.get("latest"):
        data["data_latest"] = deadline["latest"]
    flag = {"urgent": UI["flag_urgent"], "undecided": UI["flag_urgent"], "overdue": UI["flag_overdue"]}.get(state, "")
    when = due_words(deadline["due"], now)
    # "Today", "tomorrow": the date as well, for the printout and for a page left open past midnight.
    date_text = ""
    if when != due_words(deadline["due"], None):
        due_text = escape(deadline["due_text"])
        date_text = f'<span data-due-text="{due_text}">{due_text}. </span>'
    counted = f'{UI["counted_from_day"]} ' if deadline.get("counted_from_start_of_day") else ""
    more = f'<p class="guide-deadline__more">{date_text}{counted}</p>' if date_text or counted else ""
    return (
        f'<li class="guide-deadline"{_attrs(**data)}>'
        f'<p class="guide-deadline__title"><span class="guide-deadline__flag" data-flag>{escape(flag)}</span> '
        f'<strong>{escape(deadline["label"])}</strong></p>'
        f'<p class="guide-deadline__when"><time datetime="{escape(deadline["due"])}">'
        f'{escape(DUE_TEXTS[deadline["id"]].format(when=when))}</time></p>'
        f'{more}<p class="guide-deadline__left" data-countdown>{escape(deadline_status(deadline, now))}</p></li>'
    )


def time_left(seconds: int) -> str:
    """A positive duration in Danish words (``UI``), e.g. 2 days and 3 hours or 45 minutes; never 0 minutes."""
    if seconds < 60:
        return UI["under_a_minute"]
    minutes = seconds // 60
    days, minutes = divmod(minutes, 24 * 60)
    hours, minutes = divmod(minutes, 60)

    def unit(n: int, one: str) -> str:
        return f"{n} {UI[one] if n == 1 else UI[one + 's']}"

    def both(first: str, second: str) -> str:
        return f"{first} {UI['and']} {second}"

    if days:
        return both(unit(days, "day"), unit(hours, "hour")) if hours else unit(days, "day")
    if hours:
        return both(unit(hours, "hour"), unit(minutes, "minute")) if minutes else unit(hours, "hour")
    return unit(minutes, "minute")


def grouped(steps) -> list[tuple[str, list]]:
    """The steps by when they are due (:data:`wizard.step_groups.GROUPS`), each group in checklist order."""
    by_group = [(group, [step for step in steps if step["group"] == group]) for group in GROUPS]
    return [(group, in_group) for group, in_group in by_group if in_group]


def _grouped_steps(steps, root: str) -> str:
    return "".join(
        f'<h3 class="guide-step-group" data-step-group="{escape(group)}">{UI["group_" + group]}</h3>'
        + _steps(in_group, root, "data-step")
        for group, in_group in grouped(steps)
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


# Why the guide says what it says, in one wording for the result, its text and print, the practice cards and
# the pages about the rules: the link to a guideline section, the mark of a text that is not the guideline, a
# category's reasons in the reader's own answers, and the offences with their paragraphs.


def source_link(href: str, root: str, title: str = "") -> str:
    """A link to the guideline section at ``href``, labelled "read the guideline" (``UI["read_guideline"]``).

    With ``title`` the label names the section (``UI["read_section"]``): for a link that stands on its own, as
    under a question's hint or in a row of the rules page, where no sentence beside it says what it is about.
    """
    label = UI["read_section"].format(title=title) if title else UI["read_guideline"]
    return f'<a class="guide-source" href="{escape(root + href)}">{escape(label)}</a>'


def basis_mark(basis: str) -> str:
    """The mark of a text that the guideline does not say: the guide's own ("guide") or legal information."""
    return f'<em class="guide-basis" data-basis="{escape(basis)}">{escape(UI["basis_" + basis])}</em>'


def basis_link(item: Mapping, root: str) -> str:
    """The link to the section a step or note of a result rests on, or the mark saying it is not the guideline."""
    if item.get("source"):
        return source_link(item["source"], root)
    return basis_mark(item["basis"])


def offence_paragraph(offence: Mapping) -> str:
    """An offence a result found, with its paragraph: "Trusler – Straffeloven § 266"."""
    return f"{offence['label']} – {offence['reference']}"


def reason_sentence(offence: Mapping | None, reason: Mapping) -> str:
    """A reason as plain text: the offence it found with its paragraph, if any, then the reader's answers."""
    paragraph = f"{offence_paragraph(offence)}. " if offence else ""
    return paragraph + because(reason)


def reasons_list(result: Mapping, category: str, root: str, *, outcomes: bool = False) -> str:
    """A category's reasons (:func:`category_reasons`), each with its offence, the answers and the link.

    With ``outcomes`` each reason also says what its rule means, for a reader learning the rules (the practice
    cards); the result leaves it out, for a reader who must act.
    """
    pairs = category_reasons(result, category)
    intro = f'<p class="guide-reasons">{UI["offences_intro"]}</p>' if any(o for o, _ in pairs) else ""
    items = "".join(_reason_item(offence, reason, root, outcomes) for offence, reason in pairs)
    return f"{intro}<ul>{items}</ul>"


def _reason_item(offence: Mapping | None, reason: Mapping, root: str, outcome: bool = False) -> str:
    lead = f"{escape(offence_paragraph(offence))}. " if offence else ""
    if outcome:
        lead += f"{escape(reason['outcome'])} "
    attrs = _attrs(data_offence=offence["id"]) if offence else ""
    return (
        f'<li{attrs}>{lead}<span class="guide-reasons">{escape(because(reason))}</span> '
        f'{source_link(reason["source"], root)}</li>'
    )


def because(reason: Mapping) -> str:
    """The answers behind a reason, in the person's own words ("because you answered 8 on the scale from 1 to 10")."""
    values: dict[str, list] = {}
    for given in reason["answers"]:
        values.setdefault(given["field"], []).append(given)
    clauses = [_clause(field, given) for field, given in values.items()]
    return UI["because"].format(answers=and_list(clauses)) if clauses else ""


def _clause(field: str, given: list[Mapping]) -> str:
    question = questions.QUESTIONS_BY_ID[field]
    value = given[0]["value"]
    if question.kind == "scale":
        if value == UNKNOWN:
            return UI["because_scale_unknown"].format(question=question.label)
        return UI["because_scale"].format(value=value, low=IMPACT_MIN, high=IMPACT_MAX)
    claim = UI.get(f"claim_{field}")
    if claim and len(given) == 1 and value in (True, False, UNKNOWN):
        key = {True: "because_yes", False: "because_no", UNKNOWN: "because_unknown"}[value]
        return UI[key].format(claim=claim)
    chosen = and_list([f"»{g['label']}«" for g in given])
    return UI["because_chosen"].format(values=chosen, question=question.label)


def and_list(items: list[str]) -> str:
    """``["a", "b", "c"]`` as "a, b and c", in Danish."""
    if len(items) < 2:
        return "".join(items)
    return f"{', '.join(items[:-1])} {UI['and']} {items[-1]}"


def category_reasons(result: Mapping, category: str) -> list[tuple[Mapping | None, Mapping]]:
    """A category's reasons, each with an offence it found and its paragraph (``None`` if it found none)."""
    found = {offence["id"]: offence for offence in result["offences"]}
    pairs = []
    for reason in result["reasons"].get(category, ()):
        offences = [found[id] for id in RULES_BY_ID[reason["rule"]].offences if id in found]
        pairs.extend((offence, reason) for offence in offences or [None])
    return pairs


def _categories(result: Mapping, root: str) -> str:
    items = "".join(
        f'<li data-category="{escape(category)}"><h3 class="guide-category__title">'
        f'{escape(result["labels"]["categories"][category])}</h3>{reasons_list(result, category, root)}</li>'
        for category in result["categories"]
    )
    return f'<ul class="guide-categories">{items}</ul>'


def decisions_list(result: Mapping, root: str) -> str:
    """The action plan and the work accident, each with its reasons in the reader's answers and their links."""
    items = []
    for decision in ("action_plan", "work_accident"):
        why = "".join(_reason_item(None, reason, root) for reason in result["reasons"].get(decision, ()))
        items.append(
            f'<li data-decision="{decision}"><strong>{escape(result["labels"][decision])}</strong>'
            + (f"<ul>{why}</ul>" if why else "")
            + "</li>"
        )
    return f'<ul class="guide-decisions">{"".join(items)}</ul>'


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


def cleared_notice() -> str:
    """The confirmation shown above the first question after the answers were cleared."""
    return f'<p class="guide-notice" role="status">{UI["cleared"]}</p>'


def static_checklists(*, root: str) -> str:
    """Every role's checklist from the guideline, each step with when it applies: the guide without Python."""
    parts = []
    for role, steps in STEPS.items():
        items = "".join(
            f'<li>{"" if step.when.name == "always" else f"<em>{escape(step.when.description)}</em> "}'
            f"{escape(step_text(step, role))} "
            f"{basis_link({'source': step.text.source and step.text.source.href, 'basis': step.text.basis}, root)}</li>"
            for step in steps
        )
        # The page puts the reader's role first when it shows these (guide.js, fail()).
        parts.append(
            f'<section data-guide-checklist="{role}"><h2>{escape(ROLE_LABELS[role])}</h2><ul>{items}</ul></section>'
        )
    return "".join(parts)


# Said above the current screen when a request cannot be carried out; the answers stay as they were.
UI.update(
    _texts(
        "notice_bad_request", "notice_not_asked", "notice_not_changeable", "notice_incomplete", "notice_no_result",
        "notice_no_deadlines", "notice_internal",
    )
)


def problem_notice(text: str) -> str:
    """Why the last request was not carried out, above the screen; it takes the focus, as an error summary does."""
    return (
        '<div class="guide-notice guide-notice--problem" role="alert" tabindex="-1" data-guide-focus'
        f' data-guide-notice>{escape(text)}</div>'
    )


# The guide's own help under a step (wizard.howto), and the documentation note on the result.
UI.update(
    _texts(
        "howto", "doc_note", "doc_note_intro", "doc_note_where", "doc_note_where_hint", "doc_note_address",
        "doc_note_what", "doc_note_witnesses", "doc_note_screenshots", "doc_note_print",
    )
)
# The note's fields, in order: (id, label key, hint key or None, multi-line).
DOCUMENTATION_FIELDS = (
    ("where", "doc_note_where", "doc_note_where_hint", False),
    ("address", "doc_note_address", None, False),
    ("what", "doc_note_what", None, True),
    ("witnesses", "doc_note_witnesses", None, False),
    ("screenshots", "doc_note_screenshots", None, False),
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
    memory only (guide.js), and the browser is asked neither to remember nor to spell-check it remotely.
    """
    fields = []
    rows = []
    for field, label, hint, multiline in DOCUMENTATION_FIELDS:
        field_id = f"doc-note-{field}"
        described = f' aria-describedby="{field_id}-hint"' if hint else ""
        hint_html = f'<div class="guide-hint" id="{field_id}-hint">{UI[hint]}</div>' if hint else ""
        common = f'id="{field_id}" data-doc-note-field="{field}" autocomplete="off" spellcheck="false"{described}'
        control = f'<textarea {common} rows="4"></textarea>' if multiline else f'<input type="text" {common}>'
        fields.append(f'<div class="guide-field doc-note__field"><label for="{field_id}">{UI[label]}</label>{hint_html}{control}</div>')
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
