"""The guide's session in the browser: the one module the Web Worker talks to.

The worker passes every request as JSON text to :func:`handle` and gets JSON text back,
so no JavaScript object reaches the engine. The answers live in this module's memory
while the browser tab is open; the page keeps the answered forms in the tab's
sessionStorage so that a reload can replay them (guide.js), and nothing else: not in the
URL, cookies or any other storage, and never sent anywhere.

Every request is checked before it changes anything. One the session cannot carry out
(text that is not a request, a question that is not asked now, an answer arriving just
after the reader deleted the answers) gets the screen the reader is on with a Danish notice above it
(``notice`` in the reply holds its text), and the answers stay as they were. Nothing
raises out of :func:`handle`: even the engine's own errors are answered that way.
"""

import json
import sys
from datetime import UTC, datetime

from wizard import export, flow, questions
from wizard.contract import AnswerError, validate
from wizard.result import evaluate
from wizard.screens.check import check_screen
from wizard.screens.markup import cleared_notice, problem_notice
from wizard.screens.question import question_screen
from wizard.screens.result import result_screen
from wizard.screens.ui import RESULT_TITLE, UI

CHECK = "check"
RESULT = "result"
PROBLEM = "problem"  # only when even the current screen cannot be drawn: the notice alone
TITLES = {CHECK: UI["check_title"], RESULT: RESULT_TITLE}
# The page's requests are a few hundred characters and its root a few "../": anything this
# long is not the page's.
MAX_REQUEST = 100_000
MAX_ROOT = 200
DEFAULT_ROOT = "../"


class Session:
    """The answers given so far, and where the reader is."""

    def __init__(self):
        self.reset()

    def reset(self) -> None:
        """Forget every answer and the result."""
        self.answers: dict = {}
        self.changing = False  # a "Ret" from the check screen: return there when done
        self.result: dict | None = None


_session = Session()


def handle(request_json: str) -> str:
    """Answer one request from the page; the reply says which screen to show and its HTML."""
    request = _load(request_json)
    try:
        return json.dumps(respond(_session, request, datetime.now(UTC)), ensure_ascii=False)
    except Exception as error:  # the reader keeps the answers and the screen, whatever went wrong
        _log(error)
        return json.dumps(_recover(_session, _root(request)), ensure_ascii=False)


def respond(session: Session, request: object, now: datetime) -> dict:
    """The reply to ``request`` given ``session`` at time ``now`` (updates the session).

    A request that cannot be carried out gets the current screen with a notice and
    changes nothing.
    """
    place = flow.position(session.answers)
    if not isinstance(request, dict):
        return _current(session, place, DEFAULT_ROOT, notice=UI["notice_bad_request"])
    action, root = request.get("action"), _root(request)
    if action == "current":
        return _current(session, place, root)
    if action == "answer":
        return _answer(session, place, request, now, root)
    if action == "confirm":
        return _confirm(session, place, now, root)
    if action == "show":
        return _show(session, place, request, root)
    if action == "change":
        return _change(session, place, request, root)
    if action in ("restart", "clear"):
        session.reset()
        place = flow.position(session.answers)
        reply = _question(place, place.asked[0], root)
        if action == "clear":
            reply["html"] = cleared_notice() + reply["html"]
        return reply
    if action in ("calendar", "copy"):
        return _export(session, place, request, now, root)
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
    return _text(root)


def _text(value: str) -> str:
    """``value`` without lone surrogates (JSON can carry them), so every reply is valid Unicode."""
    return value.encode("utf-8", "replace").decode("utf-8")


def _question_of(request: dict) -> "questions.Question | None":
    question_id = request.get("question")
    return questions.QUESTIONS_BY_ID.get(question_id) if isinstance(question_id, str) else None


def _form(raw: object) -> dict[str, list[str]] | None:
    """The form's fields, each a list of strings; None when ``raw`` is not a form."""
    if not raw:
        return {}
    if not isinstance(raw, dict):
        return None
    return {
        key: [_text(v) for v in (values if isinstance(values, list) else [values]) if isinstance(v, str)]
        for key, values in raw.items()
    }


def _answer(session: Session, place: flow.Position, request: dict, now: datetime, root: str) -> dict:
    question, form = _question_of(request), _form(request.get("form"))
    if question is None or form is None:
        return _current(session, place, root, notice=UI["notice_bad_request"])
    if not place.is_open(question.id):
        notice = UI["notice_not_asked"].format(question=question.label)
        return _current(session, place, root, notice=notice)
    try:
        value = questions.parse_form(question.id, form, now, place.answers)
    except AnswerError as error:
        return _question(place, question, root, form=form, errors={error.field: error.message})
    place = flow.position({**place.answers, question.id: value})
    session.answers = place.answers
    session.result = None
    if session.changing:
        if place.next is not None:
            return _question(place, place.next, root)
        session.changing = False
        return _check(place, root)
    following = place.after(question.id)
    return _question(place, following, root) if following else _check(place, root)


def _confirm(session: Session, place: flow.Position, now: datetime, root: str) -> dict:
    if not place.complete:
        return _current(session, place, root, notice=UI["notice_incomplete"])
    session.result = evaluate(validate(place.answers), now)
    session.changing = False
    return _result(session, root)


def _show(session: Session, place: flow.Position, request: dict, root: str) -> dict:
    """A screen the reader returns to with the browser's Back or Forward button, if it is still valid."""
    screen, anchor = request.get("screen"), request.get("anchor")
    if not all(value is None or isinstance(value, str) for value in (screen, anchor)):
        return _current(session, place, root, notice=UI["notice_bad_request"])
    screen = screen or _screen_of(anchor)
    if screen == RESULT and session.result is not None:
        return _result(session, root)
    if screen == CHECK and place.complete:
        return _check(place, root)
    if screen in questions.QUESTIONS_BY_ID and place.is_open(screen):
        session.changing = False
        return _question(place, questions.QUESTIONS_BY_ID[screen], root)
    return _current(session, place, root)


def _change(session: Session, place: flow.Position, request: dict, root: str) -> dict:
    question = _question_of(request)
    if question is None:
        return _current(session, place, root, notice=UI["notice_bad_request"])
    if not place.is_open(question.id):
        notice = UI["notice_not_changeable"].format(question=question.label)
        return _current(session, place, root, notice=notice)
    session.changing = True
    return _question(place, question, root)


def _export(session: Session, place: flow.Position, request: dict, now: datetime, root: str) -> dict:
    if session.result is None:
        return _current(session, place, root, notice=UI["notice_no_result"])
    if request["action"] == "copy":
        # The reader's documentation note comes with this request only, and goes into the text only.
        return {"copy": export.as_text(session.result, now) + export.note_as_text(request.get("note"))}
    if not session.result["deadlines"]:
        return _current(session, place, root, notice=UI["notice_no_deadlines"])
    return {"download": export.calendar_file(session.result, now), "announce": UI["calendar_ready"]}


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
    return {**reply, "html": problem_notice(notice) + reply["html"], "notice": notice}


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
    session.changing = False
    try:
        return _current(session, flow.position(session.answers), root, notice=notice)
    except Exception as error:
        _log(error)
    return {**_screen(PROBLEM, problem_notice(notice), title=UI["error_title"]), "notice": notice}


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
    title = title or TITLES[screen]
    return {
        "screen": screen,
        "anchor": screen_anchor(screen),
        "title": f"{UI['error_prefix']} {title}" if error else title,
        "html": html,
    }
