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
from wizard import render
from wizard.browser import ANCHOR_PREFIX, RESULT, _anchor
from wizard.conditions import ALWAYS
from wizard.contract import AnswerError
from wizard.questions import DANGER_SCREEN, QUESTIONS, Question, parse_form

# The kinds of question a choice answers: the page can tell "nothing chosen" without Python.
CHOICE_KINDS = ("single", "multiple", "scale")
# The page sets data-role on the guide's root whenever this question is answered (the fallback reads it).
ROLE_QUESTION = "role"

WORKER = "assets/javascripts/guide/worker.mjs"
# Included right after the guide's root element, so the worker starts while the page still loads.
ENGINE_SCRIPT = "assets/javascripts/guide/engine.js"
# How long the page waits for Python before it shows the static checklists instead.
START_TIMEOUT_SECONDS = 10

FAILURES = {
    "timeout": (
        f"Beslutningsguiden kunne ikke starte inden for {START_TIMEOUT_SECONDS} sekunder. Det kan skyldes, at "
        "WebAssembly er blokeret i browseren, at webserveren sender en forkert filtype for .wasm-filer (den skal "
        "være application/wasm), eller at forbindelsen er meget langsom."
    ),
    "unsupported": (
        "Beslutningsguiden kan ikke køre her: den kræver en nyere browser med WebAssembly og JavaScript-moduler, og "
        "siden skal åbnes fra en webserver – ikke som en fil på computeren."
    ),
    "package": (
        "Beslutningsguiden blev stoppet, fordi en af dens filer ikke er den forventede (kontrolsummen passer ikke). "
        "Kontakt den, der driver siden."
    ),
    "start": "Beslutningsguiden kunne ikke starte i denne browser.",
    "engine": "Der opstod en fejl i beslutningsguiden.",
}
FALLBACK_INTRO = "Brug i stedet retningslinjens tjeklister herunder – de gælder, uanset hvad guiden ville have svaret."
NOSCRIPT = "Beslutningsguiden kræver JavaScript. Brug i stedet retningslinjens tjeklister herunder."


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
        "data-timeout": str(START_TIMEOUT_SECONDS * 1000),
        "data-anchor-prefix": ANCHOR_PREFIX,
        "data-role-question": ROLE_QUESTION,
        "data-result-screen": RESULT,
        "data-restoring-text": ui["restoring"],
        "data-page-title": "Beslutningsguide",
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
        f'<div class="guide-fallback" data-guide-fallback hidden>{failures}<p>{FALLBACK_INTRO}</p>{checklists}</div>'
        f'<noscript><div class="guide-fallback"><p><strong>{NOSCRIPT}</strong></p>{checklists}</div></noscript>'
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
