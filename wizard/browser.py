"""The guide's session in the browser: the one module the Web Worker talks to.

The worker passes every request as JSON text to :func:`handle` and gets JSON text back,
so no JavaScript object reaches the engine. The answers live in this module's memory
while the browser tab is open, and nowhere else: not in the URL, cookies or storage.
"""

import json
from datetime import datetime, timezone

from wizard import export, questions, render
from wizard.contract import AnswerError, validate
from wizard.evaluate import evaluate

CHECK = "check"
RESULT = "result"
TITLES = {CHECK: render.UI["check_title"], RESULT: render.RESULT_TITLE}


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
    request = json.loads(request_json)
    return json.dumps(respond(_session, request, datetime.now(timezone.utc)), ensure_ascii=False)


def respond(session: Session, request: dict, now: datetime) -> dict:
    """The reply to ``request`` given ``session`` at time ``now`` (updates the session)."""
    action = request.get("action")
    root = request.get("root", "../")
    if action == "answer":
        return _answer(session, request["question"], request.get("form") or {}, now, root)
    if action == "confirm":
        return _confirm(session, now, root)
    if action == "show":
        return _show(session, request.get("screen") or _screen_of(request.get("anchor")), root)
    if action == "change":
        session.changing = True
        return _question(session, questions.QUESTIONS_BY_ID[request["question"]], root)
    if action in ("restart", "clear"):
        session.reset()
        reply = _question(session, questions.QUESTIONS[0], root)
        if action == "clear":
            reply["html"] = render.cleared_notice() + reply["html"]
        return reply
    if action in ("calendar", "copy") and session.result is None:
        return _current(session, root)
    if action == "calendar":
        return {"download": export.calendar_file(session.result, now), "announce": render.UI["calendar_ready"]}
    if action == "copy":
        return {"copy": export.as_text(session.result) + export.note_as_text(request.get("note"))}
    return _current(session, root)


def _current(session: Session, root: str) -> dict:
    if session.result is not None:
        return _screen(RESULT, render.result_screen(session.result, root=root))
    question = questions.next_question(session.answers)
    if question is None:
        return _screen(CHECK, render.check_screen(session.answers, root=root))
    return _question(session, question, root)


def _question(session: Session, question, root: str, form=None, errors=None) -> dict:
    first = question.id == questions.QUESTIONS[0].id
    html = render.question_screen(question, session.answers, root=root, form=form, errors=errors, first=first)
    return _screen(question.id, html, title=question.label, error=bool(errors))


def _answer(session: Session, question_id: str, form: dict, now: datetime, root: str) -> dict:
    question = questions.QUESTIONS_BY_ID[question_id]
    try:
        value = questions.parse_form(question_id, form, now)
    except AnswerError as error:
        return _question(session, question, root, form=form, errors={error.field: error.message})
    session.answers = questions.prune({**session.answers, question_id: value})
    session.result = None
    pending = questions.next_question(session.answers)
    if session.changing:
        if pending is not None:
            return _question(session, pending, root)
        session.changing = False
        return _screen(CHECK, render.check_screen(session.answers, root=root))
    asked = questions.asked(session.answers)
    later = asked[[q.id for q in asked].index(question_id) + 1:]
    if later:
        return _question(session, later[0], root)
    return _screen(CHECK, render.check_screen(session.answers, root=root))


def _confirm(session: Session, now: datetime, root: str) -> dict:
    pending = questions.next_question(session.answers)
    if pending is not None:
        return _question(session, pending, root)
    session.result = evaluate(validate(session.answers), now)
    session.changing = False
    return _screen(RESULT, render.result_screen(session.result, root=root))


def _show(session: Session, screen: str | None, root: str) -> dict:
    """A screen the reader returns to with the browser's Back or Forward button, if it is still valid."""
    if screen == RESULT and session.result is not None:
        return _screen(RESULT, render.result_screen(session.result, root=root))
    if screen == CHECK and questions.next_question(session.answers) is None:
        return _screen(CHECK, render.check_screen(session.answers, root=root))
    asked = questions.asked(session.answers)
    for question in asked:
        if question.id == screen:
            session.changing = False
            return _question(session, question, root)
        if question.id not in session.answers:
            break
    return _current(session, root)


ANCHOR_PREFIX = "trin-"


def _anchor(screen: str) -> str:
    """The URL fragment that names a screen (never an answer), e.g. ``trin-outside-work-hours``."""
    return ANCHOR_PREFIX + screen.replace("_", "-")


def _screen_of(anchor: str | None) -> str | None:
    screens = [q.id for q in questions.QUESTIONS] + [CHECK, RESULT]
    return next((screen for screen in screens if _anchor(screen) == anchor), None)


def _screen(screen: str, html: str, title: str | None = None, error: bool = False) -> dict:
    title = title or TITLES[screen]
    return {
        "screen": screen,
        "anchor": _anchor(screen),
        "title": f"{render.UI['error_prefix']} {title}" if error else title,
        "html": html,
    }
