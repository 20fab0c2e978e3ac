"""The pieces every screen is made of: escaping, attributes, the Back button, the session's controls, the
links to the guideline and the marks on what is not the guideline, and the notices above a screen."""

from collections.abc import Mapping

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



def problem_notice(text: str) -> str:
    """Why the last request was not carried out, above the screen; it takes the focus, as an error summary does."""
    return (
        '<div class="guide-notice guide-notice--problem" role="alert" tabindex="-1" data-guide-focus'
        f' data-guide-notice>{escape(text)}</div>'
    )



def cleared_notice() -> str:
    """The confirmation shown above the first question after the answers were cleared."""
    return f'<p class="guide-notice" role="status">{UI["cleared"]}</p>'


def unreadable_notice() -> str:
    """Said once above the screen when answers kept for the tab could not be read and were left out."""
    return f'<p class="guide-notice" role="status" data-guide-unreadable>{UI["kept_unreadable"]}</p>'

