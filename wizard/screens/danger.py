"""The screen that "Ja" to "Er nogen i fare lige nu?" leads to. 112 and the advice are the guide's own."""

from wizard.screens.markup import back_button, escape, form_tag, submit_row
from wizard.screens.ui import DANGER_ADVICE, UI


def danger_screen(*, question: str, next_screen: str) -> str:
    """Someone is in danger: the call to 112 first, what to do while waiting, and the way on to ``next_screen``."""
    advice = "".join(f"<li>{escape(line)}</li>" for line in DANGER_ADVICE)
    return (
        '<section class="guide-danger" data-danger>'
        # The heading takes the focus, not the link: a second press of Enter must not dial.
        f'<h1 class="guide-question guide-danger__title" tabindex="-1" data-guide-focus>'
        f'<a class="md-button md-button--primary guide-danger__call" href="tel:112">{UI["danger_call"]}</a></h1>'
        f'<p class="guide-danger__intro">{UI["danger_intro"]}</p>'
        f'<h2>{UI["danger_waiting"]}</h2><p class="guide-danger__own"><em>{UI["danger_own"]}</em></p>'
        f'<ul class="guide-danger__advice">{advice}</ul>'
        f'<h2>{UI["danger_safe"]}</h2><p>{UI["danger_safe_text"]}</p>'
        + form_tag(data_continue=next_screen)
        + submit_row(UI["danger_continue"])
        + f"</form>{back_button(question)}</section>"
    )

