"""A question as a GOV.UK-style form: its heading with the question's number, hint, error summary, options.

The session passes the position it has already found (:func:`wizard.flow.position`), so the number and
the "Tilbage" target come from the same walk of the flow as everything else the session decides.
"""

from collections.abc import Mapping

from wizard import flow, questions
from wizard.danish_time import MONTHS
from wizard.moments import COPENHAGEN, EARLIEST_DATE
from wizard.screens.markup import back_button, escape, form_tag, session_actions, source_link, submit_row
from wizard.screens.ui import UI


def question_screen(
    question: "questions.Question",
    place: "flow.Position",
    *,
    root: str,
    form: Mapping[str, list[str]] | None = None,
    errors: Mapping[str, str] | None = None,
    first: bool = False,
) -> str:
    """One question as a GOV.UK-style form: heading, hint, error summary, options, the continue button.

    ``place`` is where the answers so far lead; the question's number and "Tilbage" come from its questions asked.
    """
    answers = place.answers
    question = questions.worded(question, answers)
    errors = errors or {}
    if form is None:
        form = questions.form_values(question.id, answers[question.id]) if question.id in answers else {}
    asked = place.asked
    position = next((i for i, q in enumerate(asked, 1) if q.id == question.id), len(asked))
    progress = UI["progress"].format(n=position)
    # A date's or a time's message describes its own input (_described_by), so a screen reader reads it once.
    own = _fields_with_own_message(question)
    group_errors = [field for field in errors if field not in own]
    described = " ".join([f"{question.id}-hint"] * bool(question.hint) + [f"{field}-error" for field in group_errors])
    parts = [form_tag(data_question=question.id)]
    if not first:
        parts.append(back_button(asked[position - 2].id if position > 1 else ""))
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
        link = source_link(question.source.href, root, question.source.title)
        parts.append(f'<div class="guide-hint" id="{question.id}-hint">{escape(question.hint)} {link}</div>')
    parts.extend(_error_message(field, errors[field]) for field in group_errors)
    parts.append(_inputs(question, form, errors))
    parts.append("</fieldset>")
    parts.append(submit_row(UI["continue"]))
    parts.append("</form>")
    parts.append(session_actions(first))
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


def _error_message(field: str, message: str) -> str:
    return (
        f'<p class="guide-error-message" id="{escape(field)}-error">'
        f'<span class="guide-visually-hidden">{UI["error_prefix"]}</span> {escape(message)}</p>'
    )


def _fields_with_own_message(question: "questions.Question") -> frozenset[str]:
    """The inputs that show their message under their own label; any other message stands above them all."""
    return frozenset({question.id, f"{question.id}_time"}) if question.kind == "date_time" else frozenset()


def _first_input_id(question: "questions.Question", field: str) -> str:
    if question.kind == "date_time":
        return field if field in _fields_with_own_message(question) else question.id
    return f"{question.id}-{question.options[0].id}"


def _inputs(question: "questions.Question", form: Mapping[str, list[str]], errors: Mapping[str, str]) -> str:
    if question.kind == "date_time":
        day = (form.get(question.id) or [""])[0]
        clock = (form.get(f"{question.id}_time") or [""])[0]
        time_field = f"{question.id}_time"
        return (
            '<div class="guide-date-time">'
            f'<div class="guide-field"><label for="{question.id}">{UI["date_label"]}</label>'
            f'<div class="guide-hint" id="{question.id}-range">{escape(_date_range())}</div>'
            f"{_field_error(question.id, errors)}"
            f'<input type="date" id="{question.id}" name="{question.id}" value="{escape(day)}" required'
            f' autocomplete="off"{_described_by(question.id, f"{question.id}-range", errors)}'
            f' min="{EARLIEST_DATE.isoformat()}" data-guide-max-today="{COPENHAGEN.key}">'
            f"{_date_shortcuts(question.id)}</div>"
            f'<div class="guide-field"><label for="{time_field}">{UI["time_label"]}</label>'
            f'<div class="guide-hint" id="{time_field}-hint">{UI["time_hint"]}</div>'
            f"{_field_error(time_field, errors)}"
            f'<input type="time" id="{time_field}" name="{time_field}" value="{escape(clock)}"'
            f'{_described_by(time_field, f"{time_field}-hint", errors)} autocomplete="off"></div></div>'
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


def _field_error(field: str, errors: Mapping[str, str]) -> str:
    """A date's or a time's message, under its label and hint and above its input, as GOV.UK places it."""
    return _error_message(field, errors[field]) if field in errors else ""


def _described_by(field: str, hint_id: str, errors: Mapping[str, str]) -> str:
    """The input's own description, and for a refused value its message and ``aria-invalid``: a screen reader
    names what is wrong with the field it is on, not only with the group."""
    if field not in errors:
        return f' aria-describedby="{hint_id}"'
    return f' aria-describedby="{hint_id} {escape(field)}-error" aria-invalid="true"'


def _date_range() -> str:
    earliest = f"{EARLIEST_DATE.day}. {MONTHS[EARLIEST_DATE.month - 1]} {EARLIEST_DATE.year}"
    return UI["date_range"].format(earliest=earliest)


def _date_shortcuts(field: str) -> str:
    """Buttons that fill the date field with today or yesterday (dates.js; they need no Python)."""
    buttons = "".join(
        f'<button type="button" class="guide-date-shortcut" data-guide-date-field="{field}"'
        f' data-guide-days-ago="{days_ago}">{UI[label]}</button>'
        for label, days_ago in (("date_today", 0), ("date_yesterday", 1))
    )
    return f'<div class="guide-date-shortcuts">{buttons}</div>'
