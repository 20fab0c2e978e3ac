"""The answers to check: each answer with a button to change it, and the button to see the result.

The screen is a frame around one row per answer, each made by its own function, so the build can put
the same frame and row into the guide's page (:mod:`tools.site.guide_page`) for the page to show the
answers to check before Python is ready, with the words the engine uses for each answer.
"""

from wizard import flow, questions
from wizard.screens.markup import back_button, escape, form_tag, session_actions, submit_row
from wizard.screens.ui import UI


def check_screen(place: "flow.Position", *, root: str) -> str:
    """The answers of a complete ``place``, each with a button to change it, and the button to see the result."""
    answers, asked = place.answers, place.asked
    rows = []
    for question in asked:
        label = questions.worded(question, answers).label
        rows.append(check_row(question.id, label, questions.answer_label(question.id, answers[question.id])))
    return check_frame("".join(rows), back_to=asked[-1].id)


def check_row(question_id: str, label: str, answer: str) -> str:
    """One answer: the question as the reader was asked it, the answer in words, and "Ret"."""
    return (
        '<div class="guide-summary__row">'
        f'<dt class="guide-summary__key">{escape(label)}</dt>'
        f'<dd class="guide-summary__value">{escape(answer)}</dd>'
        f'<dd class="guide-summary__action"><button type="button" class="guide-link-button"'
        f' data-guide-action="change" data-question="{escape(question_id)}">{UI["check_change"]}'
        f'<span class="guide-visually-hidden"> {escape(label)}</span></button></dd></div>'
    )


def check_frame(rows: str, *, back_to: str) -> str:
    """The screen around the answers' ``rows``; "Tilbage" leads to the question ``back_to``."""
    return (
        f'{form_tag(data_check="answers")}{back_button(back_to)}'
        f'<h1 class="guide-question" tabindex="-1" data-guide-focus>{UI["check_title"]}</h1>'
        f'<p>{UI["check_intro"]}</p><dl class="guide-summary">{rows}</dl>'
        f"{submit_row(UI['check_submit'])}</form>" + session_actions()
    )
