"""The decision guide's page: its shell, with every question's screen rendered at build time.

The questions and the danger screen are rendered by the same code that renders them in the
browser, and the flow table (:mod:`tools.site.page_flow`) says which questions the answers ask, so
a reader can answer every question before Python has loaded: the page moves between them and
keeps the answers for the engine, which checks them once it is ready. The shell also holds the fallback:
112, the Danish failure message (with a link to try again where that can help), the front page's two deadlines and
the guideline's own checklists, shown when Python cannot start, and by the page's own inline CSS when the
shell's script does not run at all or JavaScript is off.
"""

import json
import re
from html import escape
from pathlib import Path

from tools.site.page_flow import flow_table
from tools.site.placeholders import PageContext
from tools.site.search_exclusion import excluded_from_search
from wizard import content, flow
from wizard.case_file import MAX_BYTES as CASE_FILE_MAX_BYTES
from wizard.conditions import ALWAYS
from wizard.contract import ROLES, AnswerError
from wizard.danish_time import LONG_DATE, LONG_DATETIME, MONTHS, WEEKDAYS
from wizard.questions import ANSWER_SEPARATOR, DANGER_SCREEN, QUESTIONS, Question, answer_label, parse_form, worded
from wizard.screens.check import check_frame, check_row
from wizard.screens.danger import danger_screen
from wizard.screens.fallback import for_all, role_links, static_checklists, two_deadlines
from wizard.screens.markup import cleared_notice, unreadable_notice
from wizard.screens.question import question_screen
from wizard.screens.ui import UI
from wizard.session import ANCHOR_PREFIX, CHECK, screen_anchor

# The page sets data-role on the guide's root whenever this question is answered (the fallback reads it).
ROLE_QUESTION = "role"

WORKER = "assets/javascripts/guide/worker.mjs"
# The browser shell's one entry point, an ES module. It comes right after the guide's root element,
# with every module it imports preloaded, so the worker starts while the rest of the page still arrives.
SHELL_DIR = "assets/javascripts/guide/"
SHELL_ENTRY = "main.js"
DOCS = Path(__file__).resolve().parents[2] / "docs"
STATIC_IMPORT = re.compile(r'^import\s[^;]*?from\s+"\./([\w.-]+\.m?js)";', re.M)
DYNAMIC_IMPORT = re.compile(r'\bimport\("\./([\w.-]+\.m?js)"\)')
# The page gives up on Python only when no byte of its files has arrived for this long (a slow
# link keeps it waiting as long as it makes progress); known failures end the wait at once.
# The guide's own place on its page: the first entry of the page's table of contents, where Material's skip
# link leads (the page has no Markdown heading before the guide: the question is the heading).
GUIDE_ANCHOR = "spoergsmaalene"
TOC_TITLE = content.text("guide_page", "toc_title")
STALL_TIMEOUT_SECONDS = 25

# What staff read when the guide cannot run, by the reason engine.js reports, in plain Danish
# (content/texts/guide_page.yaml): no technical cause here. The cause goes to the browser's console,
# explained for operators in OPERATIONS.md ("When the guide does not start").
FAILURE_REASONS = ("stalled", "unsupported", "files", "checksum", "server", "start")
FAILURES = {reason: content.text("guide_page", f"failure.{reason}") for reason in FAILURE_REASONS}
# When the shell's script never ran (no console to tell): shown by the page's CSS, not by engine.js.
SCRIPT_FAILURE = content.text("guide_page", "failure.script")
# Where loading the page again can help: a slow or broken link, a start that failed in this browser. Not where
# the server or the browser must change first (IT's or the reader's to fix).
RETRY_HELPS = ("stalled", "files", "start", "script")
RETRY = content.text("guide_page", "retry")
# The page's own CSS for when its script does not take over, inlined (so no other file is needed); the second
# goes into a <noscript>, so only a browser without JavaScript applies it.
FALLBACK_STYLE = (Path(__file__).with_name("guide_fallback.css")).read_text(encoding="utf-8")
NOSCRIPT_STYLE = (Path(__file__).with_name("guide_noscript.css")).read_text(encoding="utf-8")
# Inlined after the guide, so that it runs before Material's bundle (the script says why).
SEARCH_LATER = (Path(__file__).with_name("search_later.js")).read_text(encoding="utf-8")
# Shown above the current screen when the engine could not handle one request; the screen and the
# answers stay.
ENGINE_TROUBLE = content.text("guide_page", "engine_trouble")
# Beside the button while Python loads: that the reader can go on answering; once they wait, how far it is.
MEANWHILE = content.text("guide_page", "meanwhile")
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
        "data-loading-meanwhile": MEANWHILE,
        "data-kept-progress": PROGRESS,
        "data-kept-starting": STARTING,
        "data-engine-trouble": ENGINE_TROUBLE,
        "data-anchor-prefix": ANCHOR_PREFIX,
        "data-role-question": ROLE_QUESTION,
        "data-question-number": ui["progress"],
        # An attribute, not a <script type="application/json">: instant navigation re-inserts a page's
        # scripts, and the browser then runs that one as JavaScript.
        "data-flow": json.dumps(flow_table(), separators=(",", ":")),
        "data-check-screen": CHECK,
        "data-check-words": json.dumps(check_words(), ensure_ascii=False, separators=(",", ":")),
        "data-restoring-text": ui["restoring"],
        "data-page-title": PAGE_TITLE,
        "data-ready-text": ui["ready"],
        "data-kept-while-loading": ui["kept_while_loading"],
        "data-copied": ui["copied"],
        "data-case-not-kept": ui["case_not_kept"],
        "data-copy-manually": ui["copy_manually"],
        # Opening a saved case: the page reads no more of a file than the engine could take, and a byte.
        "data-case-file-limit": str(CASE_FILE_MAX_BYTES),
        "data-opening-text": ui["opening"],
    }
    attributes = "".join(f' {name}="{escape(value)}"' for name, value in data.items())
    return (
        f"<style>{FALLBACK_STYLE}</style><noscript><style>{NOSCRIPT_STYLE}</style></noscript>"
        # The screens and checklists repeat the guideline, which the search already has.
        + excluded_from_search(
            f'<div class="guide" id="{GUIDE_ANCHOR}" data-guide data-state="loading"{attributes}>'
            f'<p class="guide-status guide-visually-hidden" role="status" aria-live="polite" data-guide-status>'
            f'{ui["loading"]}</p>'
            f'<div class="guide-screen" data-guide-screen data-current="{first.id}">'
            f"{question_screen(first, flow.position({}), root=context.root, first=True)}</div>"
            f"{static_screens(root=context.root)}{fallback(context.root)}</div>"
        )
        + f"<script>{SEARCH_LATER}</script>"
        + shell_scripts(context.root)
    )


def fallback(root: str) -> str:
    """What the page offers when the guide cannot run: 112, why (and a way to try again where it can help), the front
    page's two deadlines, a link to each role's checklist, and the guideline's own checklists."""
    failures = "".join(
        _failure(reason, text) for reason, text in [*FAILURES.items(), ("script", SCRIPT_FAILURE)]
    )
    return (
        f'<div class="guide-fallback" data-guide-fallback tabindex="-1" hidden>{DANGER}{failures}'
        f'<noscript><p class="guide-failure"><strong>{escape(NOSCRIPT)}</strong></p></noscript>'
        f"{two_deadlines(root=root)}<p>{escape(FALLBACK_INTRO)}</p>{role_links()}{for_all()}"
        f"<div data-guide-checklists>{static_checklists(root=root)}</div></div>"
    )


def _failure(reason: str, text: str) -> str:
    # A link to the page itself (the guide's page is a folder's index), past Material's instant navigation
    # (target), so the browser loads it again.
    retry = (
        f'<p><a class="md-button guide-retry" href="./" target="_self" data-guide-retry>{escape(RETRY)}</a></p>'
        if reason in RETRY_HELPS
        else ""
    )
    return (
        f'<div class="guide-failure" data-guide-failure="{reason}" hidden><p><strong>{escape(text)}</strong></p>'
        f"{retry}</div>"
    )


def shell_scripts(root: str) -> str:
    """The entry point as an async module, after a preload of every module it imports (no waterfall)."""
    preloads = "".join(
        f'<link rel="modulepreload" href="{escape(root + SHELL_DIR + name)}">' for name in shell_modules()[1:]
    )
    return f'{preloads}<script type="module" async src="{escape(root + SHELL_DIR + SHELL_ENTRY)}"></script>'


def shell_modules(directory: Path = DOCS / SHELL_DIR, *, entry: str = SHELL_ENTRY, dynamic: bool = False) -> list[str]:
    """The ``entry`` module and every module it imports, directly or not, in the order first reached; with
    ``dynamic``, the ones it imports when it runs (``import("./x.mjs")``) too."""
    found = [entry]
    patterns = (STATIC_IMPORT, DYNAMIC_IMPORT) if dynamic else (STATIC_IMPORT,)
    for name in found:
        text = (directory / name).read_text(encoding="utf-8")
        for imported in (module for pattern in patterns for module in pattern.findall(text)):
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
    templates.append(_template(CHECK, UI["check_title"], check_frame(CHECK_ROWS, back_to=CHECK_BACK)))
    templates.append(f'<template data-guide-check-row>{check_row(*CHECK_ROW)}</template>')
    templates.append(f'<template data-guide-notice="cleared">{cleared_notice()}</template>')
    templates.append(f'<template data-guide-notice="unreadable">{unreadable_notice()}</template>')
    return "".join(templates)


# Where the page puts the answers, and each answer's words, into the answers to check (check.js).
CHECK_ROWS = "{rows}"
CHECK_BACK = "{back}"
CHECK_ROW = ("{question}", "{label}", "{answer}")


def check_words() -> dict:
    """The engine's words for the answers to check, for the page to write them before Python is ready.

    Per question: its label as each role is asked it (``""`` before the role is known), and for a
    choice each option's answer in words, as :func:`wizard.questions.answer_label` writes it; a multiple
    choice joins its options' words in the options' order. A date is written with the engine's
    patterns, weekdays and months (:mod:`wizard.danish_time`). ``tests/js/check.test.mjs`` holds the
    page's screen to the engine's on generated answers.
    """
    words = {}
    for question in QUESTIONS:
        labels = {role: worded(question, {ROLE_QUESTION: role}).label for role in ROLES}
        entry = {"label": question.label, "byRole": {r: t for r, t in labels.items() if t != question.label}}
        if question.kind == "date_time":
            entry["date"] = True
        else:
            entry["options"] = [
                [o.id, answer_label(question.id, parse_form(question.id, {question.id: [o.id]}))]
                for o in question.options
            ]
            entry["multiple"] = question.kind == "multiple"
        words[question.id] = entry
    return {
        "questions": words,
        "roleQuestion": ROLE_QUESTION,
        "separator": ANSWER_SEPARATOR,
        "weekdays": list(WEEKDAYS),
        "months": list(MONTHS),
        "date": LONG_DATE,
        "dateTime": LONG_DATETIME,
    }


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
