"""The decision guide's page: its shell, with every question's screen rendered at build time.

The questions and the danger screen are rendered by the same code that renders them in the
browser, and the flow table (:mod:`tools.site.page_flow`) says which questions the answers ask, so
a reader can answer every question before Python has loaded: the page moves between them and
keeps the answers for the engine, which checks them once it is ready. The shell also holds the Danish
failure messages and the guideline's static checklists, shown when Python cannot start and to browsers
without JavaScript.
"""

import json
import re
from html import escape
from pathlib import Path

from tools.site.page_flow import flow_table
from tools.site.placeholders import PageContext
from wizard import content, flow
from wizard.case_file import MAX_BYTES as CASE_FILE_MAX_BYTES
from wizard.conditions import ALWAYS
from wizard.contract import ROLES, AnswerError
from wizard.questions import DANGER_SCREEN, QUESTIONS, Question, parse_form
from wizard.screens.danger import danger_screen
from wizard.screens.fallback import static_checklists
from wizard.screens.markup import cleared_notice, unreadable_notice
from wizard.screens.question import question_screen
from wizard.screens.ui import UI
from wizard.session import ANCHOR_PREFIX, screen_anchor

# The page sets data-role on the guide's root whenever this question is answered (the fallback reads it).
ROLE_QUESTION = "role"

WORKER = "assets/javascripts/guide/worker.mjs"
# The browser shell's one entry point, an ES module. It comes right after the guide's root element,
# with every module it imports preloaded, so the worker starts while the rest of the page still arrives.
SHELL_DIR = "assets/javascripts/guide/"
SHELL_ENTRY = "main.js"
DOCS = Path(__file__).resolve().parents[2] / "docs"
STATIC_IMPORT = re.compile(r'^import\s[^;]*?from\s+"\./([\w.-]+\.js)";', re.M)
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
    first = QUESTIONS[0]
    ui = UI
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
        "data-question-number": ui["progress"],
        # An attribute, not a <script type="application/json">: instant navigation re-inserts a page's
        # scripts, and the browser then runs that one as JavaScript.
        "data-flow": json.dumps(flow_table(), separators=(",", ":")),
        "data-restoring-text": ui["restoring"],
        "data-page-title": PAGE_TITLE,
        "data-ready-text": ui["ready"],
        "data-kept-while-loading": ui["kept_while_loading"],
        "data-copied": ui["copied"],
        "data-copy-manually": ui["copy_manually"],
        # Opening a saved case: the page reads no more of a file than the engine could take, and a byte.
        "data-case-file-limit": str(CASE_FILE_MAX_BYTES),
        "data-opening-text": ui["opening"],
    }
    attributes = "".join(f' {name}="{escape(value)}"' for name, value in data.items())
    failures = "".join(
        f'<p class="guide-failure" data-guide-failure="{reason}" hidden><strong>{escape(text)}</strong></p>'
        for reason, text in FAILURES.items()
    )
    checklists = static_checklists(root=context.root)
    return (
        # The screens and checklists repeat the guideline, which the search already has.
        f'<div class="guide" data-guide data-state="loading" data-search-exclude{attributes}>'
        f'<p class="guide-status" role="status" aria-live="polite" data-guide-status>{ui["loading"]}</p>'
        f'<div class="guide-screen" data-guide-screen data-current="{first.id}">'
        f"{question_screen(first, flow.position({}), root=context.root, first=True)}</div>"
        f"{static_screens(root=context.root)}"
        f'<div class="guide-fallback" data-guide-fallback hidden>{DANGER}{failures}<p>{FALLBACK_INTRO}</p>'
        f"<div data-guide-checklists>{checklists}</div></div>"
        f'<noscript><div class="guide-fallback">{DANGER}<p><strong>{NOSCRIPT}</strong></p>{checklists}</div></noscript>'
        f"</div>{shell_scripts(context.root)}"
    )


def shell_scripts(root: str) -> str:
    """The entry point as an async module, after a preload of every module it imports (no waterfall)."""
    preloads = "".join(
        f'<link rel="modulepreload" href="{escape(root + SHELL_DIR + name)}">' for name in shell_modules()[1:]
    )
    return f'{preloads}<script type="module" async src="{escape(root + SHELL_DIR + SHELL_ENTRY)}"></script>'


def shell_modules(directory: Path = DOCS / SHELL_DIR) -> list[str]:
    """The entry point and every module it imports, directly or not, in the order first reached."""
    found = [SHELL_ENTRY]
    for name in found:
        for imported in STATIC_IMPORT.findall((directory / name).read_text(encoding="utf-8")):
            if imported not in found:
                found.append(imported)
    return found


def static_screens(*, root: str) -> str:
    """Every question screen the page shows without Python, each in an inert <template> (so no id is doubled).

    A question comes once per wording: a question that a role words its own way (its text or an
    answer's, or where only some roles are offered "Ved ikke") comes once per role, marked ``data-role``.
    Each comes as asked and with the engine's error for an empty form. The progress and the "Tilbage"
    button depend on the path: the page sets them from the flow tables (:mod:`tools.site.page_flow`).
    """
    first = QUESTIONS[0]
    if first.asked_if is not ALWAYS:
        raise ValueError("the guide's first question must always be asked")
    elsewhere = sorted(
        (q.id, o.leads_to) for q in QUESTIONS for o in q.options if o.leads_to not in ("", DANGER_SCREEN)
    )
    if elsewhere:
        raise ValueError(f"the page cannot show the screens these options lead to without Python: {elsewhere}")
    templates = []
    for question in QUESTIONS:
        is_first = question is first
        for role in _wordings(question):
            answers = {ROLE_QUESTION: role} if role else {}
            place = flow.position(answers)
            asked = question_screen(question, place, root=root, first=is_first)
            refused = question_screen(question, place, root=root, errors=_unanswered(question), first=is_first)
            templates.append(_template(question.id, question.label, asked, role=role))
            error_title = f"{UI['error_prefix']} {question.label}"
            templates.append(_template(question.id, error_title, refused, role=role, error=True))
        leading = [o for o in question.options if o.leads_to == DANGER_SCREEN]
        if leading:
            following = flow.position({question.id: parse_form(question.id, {question.id: [leading[0].id]})})
            danger = danger_screen(question=question.id, next_screen=following.after(question.id).id)
            templates.append(_template(DANGER_SCREEN, UI["danger_call"], danger, local=True))
    templates.append(f'<template data-guide-notice="cleared">{cleared_notice()}</template>')
    templates.append(f'<template data-guide-notice="unreadable">{unreadable_notice()}</template>')
    return "".join(templates)


def _wordings(question: Question) -> tuple[str, ...]:
    """The roles with a template of their own for ``question``, or ("",) for one wording for all.

    The role question is always asked before it, so the page knows the role by then.
    """
    if not question.worded_by_role:
        return ("",)
    role = next((q for q in QUESTIONS if q.id == ROLE_QUESTION), None)
    if role is None or role.asked_if is not ALWAYS or QUESTIONS.index(role) > QUESTIONS.index(question):
        raise ValueError(f"{question.id!r} is worded by role, so the role question must always be asked before it")
    return ROLES


def _template(screen: str, title: str, html: str, role: str = "", error: bool = False, local: bool = False) -> str:
    """One screen; ``local`` marks a screen only the page shows (the engine has no such screen)."""
    flags = (" data-error" if error else "") + (" data-local" if local else "")
    return (
        f'<template data-guide-static="{screen}" data-role="{role}" data-anchor="{screen_anchor(screen)}"'
        f' data-title="{escape(title)}"{flags}>{html}</template>'
    )


def _unanswered(question: Question) -> dict[str, str]:
    """The engine's own error for an empty form (nothing chosen, no date)."""
    try:
        parse_form(question.id, {})
    except AnswerError as error:
        return {error.field: error.message}
    raise ValueError(f"question {question.id!r} accepts an empty answer, so the page cannot check it without Python")
