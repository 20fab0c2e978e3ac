"""The decision guide's page: its shell, with the first screens rendered at build time.

The opening questions (always asked, before any condition applies) and the danger screen
are rendered by the same code that renders every later screen in the browser, so a reader
can answer them before Python has loaded: the page moves between them and keeps the
answers for the engine. The shell also holds the Danish failure messages and the
guideline's static checklists, shown when Python cannot start and to browsers without
JavaScript.
"""

import json
from html import escape
from itertools import takewhile

from tools.placeholders import PageContext
from wizard import content, render
from wizard.session import ANCHOR_PREFIX, RESULT, _anchor
from wizard.contract import AnswerError
from wizard.conditions import ALWAYS
from wizard.questions import DANGER_SCREEN, QUESTIONS, Question, parse_form

# The kinds of question a choice answers: the page can tell "nothing chosen" without Python.
CHOICE_KINDS = ("single", "multiple", "scale")
# The page sets data-role on the guide's root whenever this question is answered (the fallback reads it).
ROLE_QUESTION = "role"

WORKER = "assets/javascripts/guide/worker.mjs"
# Included right after the guide's root element, so the worker starts while the page still loads.
ENGINE_SCRIPT = "assets/javascripts/guide/engine.js"
# The page gives up on Python only when no byte of its files has arrived for this long (a slow
# link keeps it waiting as long as it makes progress); known failures end the wait at once.
STALL_TIMEOUT_SECONDS = 25

# What staff read when the guide cannot run, by the reason engine.js reports, in plain Danish
# (content/texts/guide_page.yaml): no technical cause here. The cause goes to the browser's console,
# explained for operators in OPERATIONS.md ("When the guide does not start").
FAILURE_REASONS = ("stalled", "unsupported", "files", "checksum", "server", "start")
FAILURES = {reason: content.text("guide_page", f"failure.{reason}") for reason in FAILURE_REASONS}
# Shown above the current screen when the engine could not handle one request; the screen and the
# answers stay.
ENGINE_TROUBLE = content.text("guide_page", "engine_trouble")
PROGRESS = content.text("guide_page", "progress")
STARTING = content.text("guide_page", "starting")
PAGE_TITLE = content.text("guide_page", "page_title")
# 112 is the guide's own addition (the guideline does not name it), so it is marked as such.
DANGER = (
    '<p class="guide-fallback__danger"><strong>'
    + escape(content.text("guide_page", "danger")).format(number='<a href="tel:112">112</a>')
    + f"</strong> <small>{escape(content.text('guide_page', 'own_addition'))}</small></p>"
)
FALLBACK_INTRO = content.text("guide_page", "fallback_intro")
NOSCRIPT = content.text("guide_page", "noscript")


def guide_block(context: PageContext) -> str:
    """The guide's root element with the first question, the failure messages and the fallback."""
    runtime = context.runtime
    if runtime is None:
        raise ValueError("the guide block needs the prepared runtime (tools.bundle)")
    opening = opening_questions()
    first = opening[0]
    ui = render.UI
    data = {
        "data-root": context.root,
        "data-worker": WORKER,
        "data-pyodide": runtime.pyodide_path,
        "data-lockfile": runtime.lockfile_path,
        "data-stdlib": runtime.stdlib_path,
        "data-env": json.dumps(runtime.env),
        "data-files": json.dumps(runtime.files),
        "data-stall-timeout": str(STALL_TIMEOUT_SECONDS * 1000),
        "data-progress-text": PROGRESS,
        "data-starting-text": STARTING,
        "data-engine-trouble": ENGINE_TROUBLE,
        "data-anchor-prefix": ANCHOR_PREFIX,
        "data-role-question": ROLE_QUESTION,
        "data-result-screen": RESULT,
        "data-restoring-text": ui["restoring"],
        "data-page-title": PAGE_TITLE,
        "data-ready-text": ui["ready"],
        "data-kept-while-loading": ui["kept_while_loading"],
        "data-copied": ui["copied"],
        "data-copy-manually": ui["copy_manually"],
    }
    attributes = "".join(f' {name}="{escape(value)}"' for name, value in data.items())
    failures = "".join(
        f'<p class="guide-failure" data-guide-failure="{reason}" hidden><strong>{escape(text)}</strong></p>'
        for reason, text in FAILURES.items()
    )
    checklists = render.static_checklists(root=context.root)
    return (
        # The screens and checklists repeat the guideline, which the search already has.
        f'<div class="guide" data-guide data-state="loading" data-search-exclude{attributes}>'
        f'<p class="guide-status" role="status" aria-live="polite" data-guide-status>{ui["loading"]}</p>'
        f'<div class="guide-screen" data-guide-screen data-current="{first.id}">'
        f"{render.question_screen(first, {}, root=context.root, first=True)}</div>"
        f"{static_screens(opening, root=context.root)}"
        f'<div class="guide-fallback" data-guide-fallback hidden>{DANGER}{failures}<p>{FALLBACK_INTRO}</p>'
        f"<div data-guide-checklists>{checklists}</div></div>"
        f'<noscript><div class="guide-fallback">{DANGER}<p><strong>{NOSCRIPT}</strong></p>{checklists}</div></noscript>'
        f'</div><script src="{escape(context.root + ENGINE_SCRIPT)}"></script>'
    )


def opening_questions() -> tuple[Question, ...]:
    """The questions asked before any condition applies, as long as a choice answers them and
    their wording does not depend on the reader's role (the page shows them before any answer)."""
    opening = tuple(takewhile(
        lambda q: q.asked_if is ALWAYS and q.kind in CHOICE_KINDS and not q.by_role and q.unknown_for is None,
        QUESTIONS,
    ))
    if not opening or opening[0] is not QUESTIONS[0]:
        raise ValueError("the guide's first question must be always asked and answered by a choice")
    return opening


def static_screens(opening: tuple[Question, ...], *, root: str) -> str:
    """Every screen the page shows without Python, each in an inert <template> (so no id is doubled).

    A question comes twice: as asked, and with the error for nothing chosen. ``data-next``
    names the screen after it, or is empty where only the engine knows what comes next.
    """
    unreachable = sorted(
        (q.id, o.leads_to) for q in QUESTIONS for o in q.options
        if o.leads_to and (q not in opening or o.leads_to != DANGER_SCREEN)
    )
    if unreachable:
        raise ValueError(f"the page cannot show the screens these options lead to without Python: {unreachable}")
    templates = []
    for index, question in enumerate(opening):
        following = opening[index + 1].id if index + 1 < len(opening) else ""
        first = index == 0
        asked = render.question_screen(question, {}, root=root, first=first)
        refused = render.question_screen(question, {}, root=root, errors=_unanswered(question), first=first)
        templates.append(_template(question.id, question.label, following, asked))
        error_title = f"{render.UI['error_prefix']} {question.label}"
        templates.append(_template(question.id, error_title, following, refused, error=True))
        if any(option.leads_to for option in question.options):
            danger = render.danger_screen(question=question.id, next_screen=following)
            templates.append(_template(DANGER_SCREEN, render.UI["danger_call"], following, danger, local=True))
    templates.append(f'<template data-guide-notice="cleared">{render.cleared_notice()}</template>')
    return "".join(templates)


def _template(screen: str, title: str, following: str, html: str, error: bool = False, local: bool = False) -> str:
    """One screen; ``local`` marks a screen only the page shows (the engine has no such screen)."""
    flags = (" data-error" if error else "") + (" data-local" if local else "")
    return (
        f'<template data-guide-static="{screen}" data-anchor="{_anchor(screen)}" data-title="{escape(title)}"'
        f' data-next="{following}"{flags}>{html}</template>'
    )


def _unanswered(question: Question) -> dict[str, str]:
    """The engine's own error for a form with nothing chosen."""
    try:
        parse_form(question.id, {})
    except AnswerError as error:
        return {error.field: error.message}
    raise ValueError(f"question {question.id!r} accepts an empty answer, so the page cannot check it without Python")
