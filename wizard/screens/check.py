"""The answers to check: each answer with a button to change it, and the button to see the result."""

from wizard import flow, questions
from wizard.screens.markup import back_button, escape, form_tag, session_actions
from wizard.screens.ui import UI


def check_screen(place: "flow.Position", *, root: str) -> str:
    """The answers of a complete ``place``, each with a button to change it, and the button to see the result."""
    rows = []
    answers, asked = place.answers, place.asked
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
        f'{form_tag(data_check="answers")}{back_button(asked[-1].id)}'
        f'<h1 class="guide-question" tabindex="-1" data-guide-focus>{UI["check_title"]}</h1>'
        f'<p>{UI["check_intro"]}</p><dl class="guide-summary">{"".join(rows)}</dl>'
        f'<button type="submit" class="md-button md-button--primary guide-submit">{UI["check_submit"]}</button>'
        "</form>" + session_actions()
    )

