"""The browser session's state, and how each step a page keeps for the tab changes it; no HTML.

The state is the answers given so far, a "Ret" under way, the result, and a kept answer a replay
refused with the kept steps waiting behind it. :meth:`Session.steps` writes the state as steps
again: the page keeps exactly those, and replaying them in a fresh session gives this state back.
:mod:`wizard.session` takes the page's requests and draws the screens.
"""

from dataclasses import dataclass
from datetime import datetime

from wizard import flow, questions
from wizard.contract import AnswerError, validate
from wizard.result import evaluate
from wizard.screens.ui import UI

# The steps a page keeps for the tab and replays: those that change the answers or where they lead.
KEPT_ACTIONS = ("answer", "change", "confirm")


class Session:
    """The answers given so far, and where the reader is."""

    def __init__(self):
        self.reset()

    def reset(self) -> None:
        """Forget every answer and the result."""
        self.answers: dict = {}
        # The question a "Ret" from the check screen opened: the reader returns there when done.
        self.changing: str | None = None
        self.result: dict | None = None
        # A kept answer a replay refused, then the kept steps behind it: they wait for its question.
        self.waiting: list[dict] = []

    def replace_with(self, other: "Session") -> None:
        """Take ``other``'s answers, result and place: a saved case, replayed apart, becomes this session."""
        vars(self).update(vars(other))

    def steps(self) -> list[dict]:
        """What the page keeps for the tab: replayed in order, they bring a fresh session to this one.

        The answers come in the order the questions are asked (a replay takes an answer to any
        question asked, so an answer given before a "Ret" added an earlier question is kept too).
        """
        answered = [
            {"action": "answer", "question": question_id, "form": questions.form_values(question_id, value)}
            for question_id, value in self.answers.items()
        ]
        result = [{"action": "confirm"}] if self.result is not None else []
        changing = [{"action": "change", "question": self.changing}] if self.changing else []
        return [*answered, *result, *changing, *self.waiting]


@dataclass
class Taken:
    """What a run of kept steps came to: the answer refused (the step and the engine's message), if one
    waits, how many steps were carried out and how many were left out."""

    refused: tuple[dict, AnswerError] | None = None
    taken: int = 0
    dropped: int = 0


def give_answer(
    session: Session, question: "questions.Question", form: dict, now: datetime, replaying: bool = False
) -> str | AnswerError | None:
    """Take ``form`` as the answer to ``question``: None when taken; else, with nothing changed, a notice
    (the question is not asked now) or the engine's refusal (e.g. a time later than now).

    A replay takes an answer to any question the answers so far ask; the reader only answers the
    questions they have reached.
    """
    place = flow.position(session.answers)
    reachable = any(q.id == question.id for q in place.asked) if replaying else place.is_open(question.id)
    if not reachable:
        return UI["notice_not_asked"].format(question=question.label)
    try:
        value = questions.parse_form(question.id, form, now, place.answers)
    except AnswerError as error:
        return error
    place = flow.position({**place.answers, question.id: value})
    session.answers = place.answers
    session.result = None
    if session.changing and place.complete:
        session.changing = None
    return None


def open_change(session: Session, question: "questions.Question") -> str | None:
    """A "Ret" of ``question`` from the answers to check: None when under way, else the notice why not."""
    if not flow.position(session.answers).is_open(question.id):
        return UI["notice_not_changeable"].format(question=question.label)
    session.changing = question.id
    return None


def confirm(session: Session, now: datetime) -> str | None:
    """The result of the answers, evaluated at ``now``: None when made, else the notice why not."""
    place = flow.position(session.answers)
    if not place.complete:
        return UI["notice_incomplete"]
    session.result = evaluate(validate(place.answers), now)
    session.changing = None
    return None


def take(session: Session, steps: list, now: datetime) -> Taken:
    """Carry out kept steps in order.

    An answer refused with the engine's message waits, and the steps behind it wait with it,
    until a later step answers its question again and takes its place; a step that cannot be
    carried out at all (e.g. kept by an older build) is left out, and the rest are taken.
    """
    outcome = Taken()
    pending = list(steps)
    while pending:
        step = kept_step(pending.pop(0))
        if step is None:
            outcome.dropped += 1
            continue
        if session.waiting:
            if step["action"] != "answer" or step["question"] != session.waiting[0]["question"]:
                session.waiting.append(step)
                continue
            pending[:0] = session.waiting[1:]
            session.waiting, outcome.refused = [], None
        problem = _carry_out(session, step, now)
        if problem is None:
            outcome.taken += 1
        elif isinstance(problem, AnswerError):
            session.waiting = [step]
            outcome.refused = (step, problem)
        else:
            outcome.dropped += 1
    return outcome


def catch_up(session: Session, answered: str, now: datetime) -> Taken:
    """After the reader's answer to ``answered``: the steps that waited behind a refused kept answer.

    An answer to the refused question takes its place and the steps behind it follow; after any
    other answer they are all tried again.
    """
    waiting, session.waiting = session.waiting, []
    if waiting and waiting[0]["question"] == answered:
        waiting = waiting[1:]
    return take(session, waiting, now)


def _carry_out(session: Session, step: dict, now: datetime) -> str | AnswerError | None:
    question = question_of(step)
    if step["action"] == "answer":
        return give_answer(session, question, step["form"], now, replaying=True)
    if step["action"] == "change":
        return open_change(session, question)
    return confirm(session, now)


def kept_step(step: object) -> dict | None:
    """A kept step as the session keeps it (an answer with its question's own fields only), or None."""
    if not isinstance(step, dict) or step.get("action") not in KEPT_ACTIONS:
        return None
    if step["action"] == "confirm":
        return {"action": "confirm"}
    question = question_of(step)
    if question is None:
        return None
    if step["action"] == "change":
        return {"action": "change", "question": question.id}
    form = form_fields(step.get("form")) or {}
    own = {key: values for key, values in form.items() if key == question.id or key.startswith(question.id + "_")}
    return {"action": "answer", "question": question.id, "form": own} if own else None


def question_of(request: dict) -> "questions.Question | None":
    question_id = request.get("question")
    return questions.QUESTIONS_BY_ID.get(question_id) if isinstance(question_id, str) else None


def form_fields(raw: object) -> dict[str, list[str]] | None:
    """The form's fields, each a list of strings; None when ``raw`` is not a form."""
    if not raw:
        return {}
    if not isinstance(raw, dict):
        return None
    return {
        key: [plain_text(v) for v in (values if isinstance(values, list) else [values]) if isinstance(v, str)]
        for key, values in raw.items()
    }


def plain_text(value: str) -> str:
    """``value`` without lone surrogates (JSON can carry them), so every reply is valid Unicode."""
    return value.encode("utf-8", "replace").decode("utf-8")
