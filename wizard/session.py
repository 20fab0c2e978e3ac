"""The guide's session in the browser: the one module the Web Worker talks to.

The worker passes every request as JSON text to :func:`handle` and gets JSON text back,
so no JavaScript object reaches the engine. The answers live in this module's memory
while the browser tab is open. Every reply says what the page keeps for the tab
(``steps``, :meth:`~wizard.session_state.Session.steps`) and the page keeps exactly that in
sessionStorage, so that a reload gives it back in one ``replay`` request; nothing else: not
in the URL, cookies or any other storage, and never sent anywhere.

Every reply says whether the request was carried out (``accepted``). Every request is
checked before it changes anything. An answer the engine refuses (a time later today than
now, a clock time that does not exist) gets its question with the engine's message
(``refused`` names the question and holds the message). Any other request the session
cannot carry out (text that is not a request, a question that is not asked now, an answer
arriving just after the reader deleted the answers) gets the screen the reader is on with a
Danish notice above it (``notice``), and the answers stay as they were. Nothing raises out
of :func:`handle`: even the engine's own errors are answered that way.
"""

import json
import sys
from datetime import UTC, datetime

from wizard import drafts, evidence_log, export, flow, questions, reminders
from wizard.case_file import MAX_BYTES, OpenedCase, case_file, damaged_case_file, opened_lines, read_case_file
from wizard.case_input import clean_case
from wizard.contract import AnswerError
from wizard.screens.case import case_print
from wizard.screens.check import check_screen
from wizard.screens.markup import cleared_notice, opened_notice, problem_notice
from wizard.screens.question import question_screen
from wizard.screens.result import result_screen
from wizard.screens.ui import RESULT_TITLE, UI
from wizard.session_state import (
    Session,
    catch_up,
    confirm,
    form_fields,
    give_answer,
    open_change,
    plain_text,
    question_of,
    take,
)

CHECK = "check"
RESULT = "result"
PROBLEM = "problem"  # only when even the current screen cannot be drawn: the notice alone
TITLES = {CHECK: UI["check_title"], RESULT: RESULT_TITLE}
# The page's requests are a few kB (a replay of every kept step), or carry the reader's case (the note, drafts
# and evidence log, each field limited: wizard.case_input; at most six characters each in the request's JSON,
# a control character as \u0001) or a saved case file the page read (no more than wizard.case_file.MAX_BYTES
# and a byte, each at most doubled by JSON: a quote or a backslash): anything this long is not the page's.
# Its root is a few "../".
MAX_REQUEST = 2 * MAX_BYTES + 100_000
MAX_ROOT = 200
DEFAULT_ROOT = "../"

_session = Session()


def handle(request_json: str) -> str:
    """Answer one request from the page; the reply says which screen to show and its HTML."""
    if isinstance(request_json, str) and len(request_json) > MAX_REQUEST:
        # Too long to be read at all: the page keeps its screen and everything typed, and says so beside the
        # control that was pressed.
        return json.dumps({"accepted": False, "problem": UI["notice_too_long"], "steps": _session.steps()})
    request = _load(request_json)
    try:
        return json.dumps(respond(_session, request, datetime.now(UTC)), ensure_ascii=False)
    except Exception as error:  # the reader keeps the answers and the screen, whatever went wrong
        _log(error)
        reply = _recover(_session, _root(request))
        try:
            reply["steps"] = _session.steps()
        except Exception as steps_error:  # without "steps" the page keeps the steps it has
            _log(steps_error)
        return json.dumps(reply, ensure_ascii=False)


def respond(session: Session, request: object, now: datetime) -> dict:
    """The reply to ``request`` given ``session`` at time ``now`` (updates the session).

    Every reply says whether the request was carried out (``accepted``) and what the page
    keeps for the tab (``steps``). A request that cannot be carried out gets the current
    screen with a notice and changes nothing.
    """
    return {**_respond(session, request, now), "steps": session.steps()}


def _respond(session: Session, request: object, now: datetime) -> dict:
    place = flow.position(session.answers)
    if not isinstance(request, dict):
        return _current(session, place, DEFAULT_ROOT, notice=UI["notice_bad_request"])
    action, root = request.get("action"), _root(request)
    if action == "current":
        return _current(session, place, root)
    if action == "answer":
        return _answer(session, place, request, now, root)
    if action == "confirm":
        notice = confirm(session, now)
        return _current(session, place, root, notice=notice) if notice else _result(session, root)
    if action == "show":
        return _show(session, place, request, root)
    if action == "change":
        return _change(session, place, request, root)
    if action == "replay":
        return _replay(session, request, now, root)
    if action in ("restart", "clear"):
        session.reset()
        place = flow.position(session.answers)
        reply = _question(place, place.asked[0], root)
        if action == "clear":
            reply["html"] = cleared_notice() + reply["html"]
        return reply
    if action in ("calendar", "copy", "save", "csv", "case"):
        return _export(session, place, request, now, root)
    if action == "open":
        return _open(session, request, now, root)
    return _current(session, place, root, notice=UI["notice_bad_request"])


def _load(request_json: object) -> object:
    """The request, or None for anything that is not JSON text of a sensible size."""
    if not isinstance(request_json, str) or len(request_json) > MAX_REQUEST:
        return None
    try:
        return json.loads(request_json)
    except (ValueError, RecursionError):
        return None


def _root(request: object) -> str:
    """The path from the page to the site root, for the links in the screens."""
    root = request.get("root") if isinstance(request, dict) else None
    if not isinstance(root, str) or len(root) > MAX_ROOT:
        return DEFAULT_ROOT
    return plain_text(root)


def _answer(session: Session, place: flow.Position, request: dict, now: datetime, root: str) -> dict:
    question, form = question_of(request), form_fields(request.get("form"))
    if question is None or form is None:
        return _current(session, place, root, notice=UI["notice_bad_request"])
    changing = session.changing
    problem = give_answer(session, question, form, now)
    if isinstance(problem, AnswerError):
        return _refused(place, question, form, problem, root)
    if problem:
        return _current(session, place, root, notice=problem)
    place = flow.position(session.answers)
    if changing:
        led_to = place.next.id if place.next else CHECK
    else:
        following = place.after(question.id)
        led_to = following.id if following else CHECK
    if session.waiting:
        # The reader has answered again: the kept steps that waited behind a refused answer follow.
        refused = catch_up(session, question.id, now).refused
        if refused:
            return {**_refused(flow.position(session.answers), *_refusal(refused), root), "accepted": True}
        place = flow.position(session.answers)
    return _named(session, place, led_to, root) or _current(session, place, root)


def _refusal(refused: tuple[dict, AnswerError]) -> tuple["questions.Question", dict, AnswerError]:
    step, error = refused
    return questions.QUESTIONS_BY_ID[step["question"]], step["form"], error


def _refused(place: flow.Position, question: "questions.Question", form: dict, error: AnswerError, root: str) -> dict:
    """The question again, with the engine's message and the form as given."""
    reply = _question(place, question, root, form=form, errors={error.field: error.message})
    return {**reply, "refused": {"question": question.id, "field": error.field, "message": error.message}}


def _show(session: Session, place: flow.Position, request: dict, root: str) -> dict:
    """A screen the reader returns to with the browser's Back or Forward button, if it is still valid."""
    screen, anchor = request.get("screen"), request.get("anchor")
    if not all(value is None or isinstance(value, str) for value in (screen, anchor)):
        return _current(session, place, root, notice=UI["notice_bad_request"])
    screen = screen or _screen_of(anchor)
    reply = _named(session, place, screen, root)
    if reply is None:  # not there (any more): where the reader is instead
        return {**_current(session, place, root), "accepted": False}
    if screen in questions.QUESTIONS_BY_ID:
        session.changing = None  # the reader walks the questions again
    return reply


def _named(session: Session, place: flow.Position, screen: str | None, root: str) -> dict | None:
    """The screen ``screen`` as the session stands, or None where the reader cannot be on it now."""
    if screen == RESULT and session.result is not None:
        return _result(session, root)
    if screen == CHECK and place.complete:
        return _check(place, root)
    if screen in questions.QUESTIONS_BY_ID and place.is_open(screen):
        return _question(place, questions.QUESTIONS_BY_ID[screen], root)
    return None


def _change(session: Session, place: flow.Position, request: dict, root: str) -> dict:
    question = question_of(request)
    if question is None:
        return _current(session, place, root, notice=UI["notice_bad_request"])
    notice = open_change(session, question)
    return _current(session, place, root, notice=notice) if notice else _question(place, question, root)


def _replay(session: Session, request: dict, now: datetime, root: str) -> dict:
    """A fresh session from the steps the page kept for the tab, on the screen the reader is on.

    The screen is the refused answer's question with its message, if one waits; else the one
    in the address bar (``anchor``) if the reader can still be there; else where the answers
    lead. ``replayed`` counts the kept steps taken and those left out.
    """
    steps, anchor = request.get("steps"), request.get("anchor")
    if not isinstance(steps, list) or not (anchor is None or isinstance(anchor, str)):
        return _current(session, flow.position(session.answers), root, notice=UI["notice_bad_request"])
    session.reset()
    taken = take(session, steps, now)
    place = flow.position(session.answers)
    if taken.refused:
        reply = _refused(place, *_refusal(taken.refused), root)
    else:
        reply = _named(session, place, _screen_of(anchor), root) or _current(session, place, root)
    return {
        **reply,
        "accepted": taken.refused is None and not taken.dropped,
        "replayed": {"taken": taken.taken, "dropped": taken.dropped},
    }


def _export(session: Session, place: flow.Position, request: dict, now: datetime, root: str) -> dict:
    """What the result's tools make from the result and the reader's case: the drafts and their printout, the
    text to copy (the whole result or one draft), the saved case, the evidence log as CSV, the calendar file.

    The reader's case comes with each request and is read, never kept: the page keeps it for the tab.
    """
    result = session.result
    if result is None:
        return _current(session, place, root, notice=UI["notice_no_result"])
    action = request["action"]
    case = clean_case(request.get("case"), reminders.REMINDER_IDS)
    if action == "case":
        texts = drafts.drafts_for(result, case, now)
        return {"drafts": texts, "print": case_print(result, case, texts), "accepted": True}
    if action == "copy":
        draft = request.get("draft")
        if draft:
            texts = drafts.drafts_for(result, case, now)
            if draft not in texts:
                return {"problem": UI["notice_bad_request"], "accepted": False}
            return {"copy": texts[draft], "accepted": True}
        copied = export.as_text(result, now, case["statuses"]) + export.note_as_text(case["note"])
        return {"copy": copied + export.log_as_text(case["log"]), "accepted": True}
    if action == "save":
        return {"download": case_file(session.steps(), result, case, now), "announce": UI["saved"], "accepted": True}
    if action == "csv":
        return {"download": evidence_log.log_csv(case["log"], now), "announce": UI["csv_ready"], "accepted": True}
    chosen = reminders.chosen(result, now, case)
    if not result["deadlines"] and not chosen:
        return _current(session, place, root, notice=UI["notice_no_deadlines"])
    download = export.calendar_file(result, now, chosen)
    return {"download": download, "announce": UI["calendar_ready"], "accepted": True}


def _open(session: Session, request: dict, now: datetime, root: str) -> dict:
    """A saved case the reader chose, checked before anything changes; then its answers replayed in a fresh
    session (as a ``replay`` request does), the result made again at ``now``, and the case handed back to the
    page, with what the reader should know above the screen: when it was saved, what newer rules changed."""
    file = request.get("file")
    fields = (file.get("name"), file.get("size"), file.get("text")) if isinstance(file, dict) else (None, None, None)
    name, size, text = fields
    if not (isinstance(name, str) and isinstance(size, int) and not isinstance(size, bool) and isinstance(text, str)):
        return {"problem": UI["notice_bad_request"], "accepted": False}
    opened = read_case_file(name, size, text)
    if not isinstance(opened, OpenedCase):
        return {"problem": opened, "accepted": False}
    # Replayed apart, so that the reader's own answers stay until the whole reply is made.
    scratch = Session()
    reply = _replay(scratch, {"steps": opened.steps, "anchor": screen_anchor(RESULT)}, now, root)
    if not reply["replayed"]["taken"]:
        return {"problem": damaged_case_file(name), "accepted": False}
    lines = opened_lines(opened, scratch.result, reply["replayed"]["dropped"], now)
    reply = {**reply, "html": opened_notice(lines) + reply["html"], "case": opened.case, "accepted": True}
    session.replace_with(scratch)
    return reply


def _current(session: Session, place: flow.Position, root: str, notice: str | None = None) -> dict:
    """The screen the reader is on: the result, the next question, or the answers to check."""
    if session.result is not None:
        reply = _result(session, root)
    elif place.complete:
        reply = _check(place, root)
    else:
        reply = _question(place, place.next, root)
    return _noticed(reply, notice) if notice else reply


def _noticed(reply: dict, notice: str) -> dict:
    return {**reply, "html": problem_notice(notice) + reply["html"], "notice": notice, "accepted": False}


def _question(place: flow.Position, question: "questions.Question", root: str, form=None, errors=None) -> dict:
    first = place.previous(question.id) is None
    html = question_screen(question, place, root=root, form=form, errors=errors, first=first)
    return _screen(question.id, html, title=question.label, error=bool(errors))


def _check(place: flow.Position, root: str) -> dict:
    return _screen(CHECK, check_screen(place, root=root))


def _result(session: Session, root: str) -> dict:
    return _screen(RESULT, result_screen(session.result, root=root))


def _recover(session: Session, root: str) -> dict:
    """After an error of the engine's own, the current screen with a notice; the answers are kept.

    If the current screen cannot be drawn either, the result is dropped (the reader can ask
    for it again from the answers to check), and if even that fails, the notice is shown alone.
    """
    notice = UI["notice_internal"]
    try:
        return _current(session, flow.position(session.answers), root, notice=notice)
    except Exception as error:
        _log(error)
    session.result = None
    session.changing = None
    try:
        return _current(session, flow.position(session.answers), root, notice=notice)
    except Exception as error:
        _log(error)
    return _noticed(_screen(PROBLEM, "", title=UI["error_title"]), notice)


def _log(error: Exception) -> None:
    """What went wrong and where, on standard error: the browser's console, for whoever looks into it."""
    frames = []
    trace = error.__traceback__
    while trace is not None:
        code = trace.tb_frame.f_code
        frames.append(f"\n  {code.co_filename}:{trace.tb_lineno} in {code.co_name}")
        trace = trace.tb_next
    try:
        print(f"wizard.session: {error!r}{''.join(frames)}", file=sys.stderr)
    except Exception:  # a console that cannot take it must not cost the reader the reply
        pass


ANCHOR_PREFIX = "trin-"


def screen_anchor(screen: str) -> str:
    """The URL fragment that names a screen (never an answer), e.g. ``trin-outside-work-hours``."""
    return ANCHOR_PREFIX + screen.replace("_", "-")


def _screen_of(anchor: str | None) -> str | None:
    screens = [q.id for q in questions.QUESTIONS] + [CHECK, RESULT]
    return next((screen for screen in screens if screen_anchor(screen) == anchor), None)


def _screen(screen: str, html: str, title: str | None = None, error: bool = False) -> dict:
    """A screen to show; one with an error is the reader's answer refused (``accepted`` is false)."""
    title = title or TITLES[screen]
    return {
        "screen": screen,
        "anchor": screen_anchor(screen),
        "title": f"{UI['error_prefix']} {title}" if error else title,
        "html": html,
        "accepted": not error,
    }
