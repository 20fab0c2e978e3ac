"""The map of the guide's questions on ``saadan-vurderer-guiden/spoergsmaal/``: which question leads to which, and when.

The guide walks its questions in one order and asks each one when its named condition holds
(:mod:`wizard.flow`); a question whose condition does not hold is skipped. The map draws exactly that,
read from :data:`wizard.questions.QUESTIONS` when the site is built: the questions as a column of cards,
and each run of questions asked under the same condition as a branch beside the main line, with its
condition and the question the guide goes on to when the condition does not hold. An option that
leads to a screen of its own (the 112 screen) says so on its card. Then come the answers to check and
the result. HTML and CSS only: no script, nothing from another origin.
"""

from html import escape
from itertools import groupby

from tools.site import rules_page
from tools.site.placeholders import PageContext
from wizard import content
from wizard.conditions import ALWAYS
from wizard.questions import QUESTIONS, Question
from wizard.screens.ui import UI

TEXTS = {
    name: content.text("pages", f"map.{name}")
    for name in ("intro", "number", "only_when", "otherwise", "otherwise_end", "leads_to", "check", "result")
}
# The screens an option can lead to, by the name in Option.leads_to.
SCREEN_NAMES = {"danger": UI["danger_call"]}


def branches() -> list[tuple[str, list[Question]]]:
    """The questions in order, in runs asked under the same condition, each run with its condition's name."""
    return [(name, list(run)) for name, run in groupby(QUESTIONS, key=lambda q: q.asked_if.name)]


def question_map_block(context: PageContext) -> str:
    """The map as an ordered list: a card per question, a branch per run of conditional questions."""
    numbers = {q.id: n for n, q in enumerate(QUESTIONS, 1)}
    runs = branches()
    items = []
    for index, (name, run) in enumerate(runs):
        cards = "".join(_card(question, numbers[question.id], context.root) for question in run)
        if name == ALWAYS.name:
            items.append(cards)
            continue
        after = runs[index + 1][1][0] if index + 1 < len(runs) else None
        otherwise = (
            TEXTS["otherwise"].format(number=numbers[after.id], label=after.label)
            if after
            else TEXTS["otherwise_end"]
        )
        items.append(
            f'<li class="qmap__branch" data-map-branch="{escape(name)}">'
            f'<p class="qmap__when"><strong>{TEXTS["only_when"]}</strong> {escape(run[0].asked_if.description)}</p>'
            f'<ol class="qmap__run">{cards}</ol>'
            f'<p class="qmap__otherwise" data-map-otherwise="{escape(after.id if after else "")}">'
            f"{escape(otherwise)}</p></li>"
        )
    ends = "".join(
        f'<li class="qmap__end" data-map-end="{id}"><p>{escape(text)}</p></li>'
        for id, text in (("check", TEXTS["check"]), ("result", TEXTS["result"]))
    )
    return (
        f'<p class="qmap__intro">{TEXTS["intro"]}</p>'
        f'<ol class="qmap" data-question-map>{"".join(items)}{ends}</ol>'
    )


def _card(question: Question, number: int, root: str) -> str:
    leads = "".join(
        f'<p class="qmap__leads" data-map-leads-to="{escape(option.leads_to)}">'
        f"{escape(TEXTS['leads_to'].format(option=option.label, screen=SCREEN_NAMES[option.leads_to]))}</p>"
        for option in question.options
        if option.leads_to
    )
    details = rules_page.href(root, "spoergsmaal", question.id)
    return (
        f'<li class="qmap__question" data-map-question="{question.id}">'
        f'<p class="qmap__label"><span class="qmap__number">{TEXTS["number"].format(number=number)}</span> '
        f'<a href="{escape(details)}">{escape(question.label)}</a></p>{leads}</li>'
    )
