"""The pieces every screen is made of: escaping, attributes, the Back button, the session's controls, the
links to the guideline and the marks on what is not the guideline, and the notices above a screen."""

from collections.abc import Mapping

from wizard.guideline import SECTIONS
from wizard.screens.ui import UI

# html.escape would do, but importing html also loads html.entities (a large table this
# module never needs) at every start of the guide in the browser.
_HTML_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;"})


def escape(text: str) -> str:
    """``text`` safe inside HTML text and quoted attribute values (as ``html.escape``)."""
    return str(text).translate(_HTML_ESCAPES)



def attrs(**values: str) -> str:
    return "".join(f' {name.replace("_", "-")}="{escape(value)}"' for name, value in values.items())



def form_tag(**data: str) -> str:
    """A screen's opening <form> tag, with its ``data-*`` hooks (``data_question="role"``).

    ``method="dialog"``: outside a <dialog>, a submitted form goes nowhere, so no answer reaches a URL or a
    request even when the page's script does not run. The script handles every submit.
    """
    return f'<form class="guide-form" method="dialog"{attrs(**data)} novalidate>'


def submit_row(label: str) -> str:
    """The screen's main button, with the slot beside it where the page says what goes on meanwhile.

    The slot is always there, empty in the engine's screens: the page writes into it while the guide
    loads ("you can go on answering", how far a wait has come) and when a request fails, so that
    the words sit where the reader just pressed and nothing on the screen moves when they change.
    Screen readers hear the same words from the status line, so the slot is for the eyes only.
    """
    return (
        '<div class="guide-submit-row">'
        f'<button type="submit" class="md-button md-button--primary guide-submit">{label}</button>'
        '<p class="guide-note" data-guide-note aria-hidden="true"></p></div>'
    )



def back_button(previous: str) -> str:
    """A button, not a link: one step back in the browser's history, or to ``previous`` where there is none."""
    return (
        f'<button type="button" class="guide-back guide-link-button" data-guide-action="back"'
        f' data-screen="{escape(previous)}">{UI["back"]}</button>'
    )



def session_actions(first: bool = False) -> str:
    """Restart and clear the answers, each asking first: a slip of the finger never erases the answers; and open
    a saved case (:mod:`wizard.case_file`), asking first where it would replace answers.

    The question appears below the row of controls, so its "yes" button is never where the
    pointer already was.
    """
    actions = ("clear",) if first else ("restart", "clear")
    asks = "".join(
        f'<button type="button" class="guide-link-button" data-guide-ask="{action}" aria-expanded="false"'
        f' aria-controls="guide-confirm-{action}">{UI[action]}</button>'
        for action in actions
    )
    # Opening a saved case asks first only where it would replace answers (the page knows whether there are any).
    open_case = (
        '<button type="button" class="guide-link-button" data-guide-ask="open" aria-expanded="false"'
        f' aria-controls="guide-confirm-open">{UI["open_case"]}</button>'
        '<input type="file" accept=".json,application/json" data-case-file hidden>'
    )
    return (
        f'<div class="guide-session">{asks}{open_case}<span class="guide-session__hint">{UI["clear_hint"]}</span>'
        '<p class="guide-tool__confirm guide-session__status" role="status" data-guide-tool-status="open"></p>'
        + "".join(_confirmation(action) for action in (*actions, "open"))
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



# What each mark stands for, in the order the legend explains them.
MARKS = ("guideline", "legal_notes", "guide")


def mark(item: Mapping, root: str) -> str:
    """Where an item of the result comes from, as a short mark that one legend explains (:func:`marks_legend`):
    a link to the guideline section it rests on, or a tag for legal information or the guide's own help."""
    if item.get("source"):
        section = next(s for s in SECTIONS.values() if s.href == item["source"])
        return (
            f'<a class="guide-mark guide-source" data-basis="guideline" href="{escape(root + item["source"])}">'
            f'{UI["mark_guideline"]}<span class="guide-visually-hidden">: {escape(section.title)}</span></a>'
        )
    return f'<span class="guide-mark" data-basis="{escape(item["basis"])}">{UI["mark_" + item["basis"]]}</span>'


def marks_legend() -> str:
    """The one legend of the marks, instead of a sentence repeated under every item."""
    items = "".join(
        f'<li><span class="guide-mark" data-basis="{basis}">{UI["mark_" + basis]}</span> {UI["legend_" + basis]}</li>'
        for basis in MARKS
    )
    return f'<div class="guide-marks" data-marks-legend><p>{UI["legend"]}</p><ul>{items}</ul></div>'


def problem_notice(text: str) -> str:
    """Why the last request was not carried out, above the screen; it takes the focus, as an error summary does."""
    return (
        '<div class="guide-notice guide-notice--problem" role="alert" tabindex="-1" data-guide-focus'
        f' data-guide-notice>{escape(text)}</div>'
    )



def opened_notice(lines: list[str]) -> str:
    """What the reader is told above the screen when a saved case opens; it takes the focus, so it is heard."""
    paragraphs = "".join(f"<p>{escape(line)}</p>" for line in lines)
    return (
        '<div class="guide-notice guide-notice--opened" role="status" tabindex="-1" data-guide-focus'
        f" data-case-opened>{paragraphs}</div>"
    )


def cleared_notice() -> str:
    """The confirmation shown above the first question after the answers were cleared."""
    return f'<p class="guide-notice" role="status">{UI["cleared"]}</p>'


def unreadable_notice() -> str:
    """Said once above the screen when answers kept for the tab could not be read and were left out."""
    return f'<p class="guide-notice" role="status" data-guide-unreadable>{UI["kept_unreadable"]}</p>'

