"""The decision guide's questions as data, in the order they are asked.

Each :class:`Question` says when it is asked (a named condition from
:mod:`wizard.conditions` on the answers so far), which answers it allows and which
guideline section it comes from; where the reader's role changes the wording ("how affected
are you …"), or where only the employee can know the answer, :func:`worded` gives the question
as that role sees it; :mod:`wizard.flow` walks them. The functions here move between the
contract's answer values and the strings of an HTML form, and say in Danish what an answer was.

The wording, the guideline section and the quote it rests on live in
``content/texts/questions.yaml``, the answers' wording in ``content/texts/options.yaml`` and the
form's error messages in ``content/texts/messages.yaml``; the order, the kinds and the conditions
stay here.
"""

import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta

from wizard import conditions as c
from wizard import content
from wizard.conditions import Condition, Facts
from wizard.contract import (
    BEHAVIOURS,
    BOOL_FIELDS,
    BOOL_OR_UNKNOWN_FIELDS,
    ROLES,
    UNKNOWN,
    AnswerError,
)
from wizard.danish_time import MONTHS, long_date, long_datetime
from wizard.guideline import IMPACT_MAX, IMPACT_MIN, SECTIONS, Section
from wizard.moments import (
    COPENHAGEN,
    EARLIEST_DATE,
    LATEST_DATE,
    is_after,
    is_before,
    parse_moment,
    skipped_by_summer_time,
)
from wizard.rules import categories


@dataclass(frozen=True)
class Option:
    """One answer a question offers; ``hint`` holds the guideline's own examples.

    ``leads_to`` names a screen the page shows at once when the option is chosen, before the
    next question (e.g. :data:`DANGER_SCREEN`); the answer itself is kept as any other.
    ``by_role`` maps a role to its own ``(label, hint)`` ("Ved ikke endnu" for the employee).
    """

    id: str
    label: str
    hint: str = ""
    leads_to: str = ""
    by_role: Mapping[str, tuple[str, str]] = field(default_factory=dict, compare=False)


# A yes to "danger_now" stops the guide with 112 first; the page holds that screen, so it needs no Python.
DANGER_SCREEN = "danger"


@dataclass(frozen=True)
class Question:
    """One screen of the guide.

    ``kind`` is ``"single"``, ``"multiple"``, ``"date_time"`` or ``"scale"``; the question is
    asked when the condition ``asked_if`` holds for the earlier answers. ``label`` and ``hint``
    are the wording before a role is chosen; ``by_role`` maps a role to its own ``(label, hint)``.
    ``unknown_for``, when given, lists the roles that are offered "don't know" (the others know).
    """

    id: str
    label: str
    hint: str
    kind: str
    options: tuple[Option, ...]
    asked_if: Condition
    source: Section
    by_role: Mapping[str, tuple[str, str]] = field(default_factory=dict)
    unknown_for: tuple[str, ...] | None = None

    def asked_when(self, answers: Mapping) -> bool:
        """Whether the question is asked, given the answers so far."""
        return self.asked_if(asking_facts(answers))

    @property
    def worded_by_role(self) -> bool:
        """Whether a role sees the question (or one of its answers) worded its own way, or other answers."""
        return bool(self.by_role) or self.unknown_for is not None or any(o.by_role for o in self.options)


def asking_facts(answers: Mapping) -> Facts:
    """What the conditions on asking a question look at: the answers so far and their categories."""
    return Facts(answers, categories(answers))


def _role_wording(texts: Mapping[str, str], label: str, hint: str) -> dict[str, tuple[str, str]]:
    """A role's own ``(label, hint)`` from an entry's ``{role}_label`` and ``{role}_hint`` fields."""
    return {
        role: (texts.get(f"{role}_label", label), texts.get(f"{role}_hint", hint))
        for role in ROLES
        if f"{role}_label" in texts or f"{role}_hint" in texts
    }


def _option(content_id: str, id: str) -> Option:
    """The answer ``id`` with its wording from ``content/texts/options.yaml``."""
    texts = content.fields("options", content_id)
    label, hint = texts["label"], texts.get("hint", "")
    return Option(id, label, hint, by_role=_role_wording(texts, label, hint))


YES = _option("answer.yes", "yes")
NO = _option("answer.no", "no")
DONT_KNOW = _option("answer.unknown", UNKNOWN)
# What the employee may not know yet, shortly after it happened (a treatment need, the wish to report).
NOT_YET = _option("answer.not_yet", UNKNOWN)

_ROLE_OPTIONS = tuple(_option(f"role.{role}", role) for role in ROLES)
_BEHAVIOUR_OPTIONS = tuple(_option(f"behaviours.{behaviour}", behaviour) for behaviour in BEHAVIOURS)
_IMPACT_OPTIONS = tuple(Option(str(n), str(n)) for n in range(IMPACT_MIN, IMPACT_MAX + 1)) + (
    _option("impact.unknown", UNKNOWN),
)

# Only the employee knows this for sure; a colleague or a manager may not have asked yet.
_NOT_THE_EMPLOYEE = ("colleague", "manager")


def _question(
    id: str,
    kind: str,
    options: tuple[Option, ...],
    asked_if: Condition,
    unknown_for: tuple[str, ...] | None = None,
) -> Question:
    """The question ``id`` with its wording and its guideline section from ``content/texts/questions.yaml``."""
    texts = content.fields("questions", id)
    label, hint = texts["label"], texts.get("hint", "")
    by_role = _role_wording(texts, label, hint)
    source = content.source("questions", id)
    if source is None or source.kind != "guideline":
        # The hint links to the question's section of the guideline, so a question must rest on one.
        raise content.ContentMissing(f"content/texts/questions.yaml: entry {id!r} needs a guideline section and quote")
    return Question(id, label, hint, kind, options, asked_if, SECTIONS[source.ref], by_role, unknown_for)


# The work-accident questions come before impact and repetition: a work accident is registered in SafetyNet
# whatever happened, and wherever a registration happens (or may), impact and repetition are asked.
QUESTIONS = (
    _question("danger_now", "single", (replace(YES, leads_to=DANGER_SCREEN), NO), c.ALWAYS),
    _question("role", "single", _ROLE_OPTIONS, c.ALWAYS),
    _question("behaviours", "multiple", _BEHAVIOUR_OPTIONS, c.ALWAYS),
    _question("recording_shared", "single", (YES, NO, DONT_KNOW), c.RECORDING_CHOSEN),
    _question("incident_at", "date_time", (), c.ALWAYS),
    _question("outside_work_hours", "single", (YES, NO, DONT_KNOW), c.INCIDENT_TO_REGISTER),
    _question("colleague_knows", "single", (YES, NO), c.COLLEAGUE),
    _question("absence", "single", (YES, NO, DONT_KNOW), c.ASKED_ABOUT_THE_EMPLOYEE, _NOT_THE_EMPLOYEE),
    _question("treatment", "single", (YES, NO, NOT_YET), c.ASKED_ABOUT_THE_EMPLOYEE),
    _question("wants_work_accident", "single", (YES, NO, NOT_YET), c.ASKED_ABOUT_THE_EMPLOYEE),
    _question("impact", "scale", _IMPACT_OPTIONS, c.IMPACT_ASKED),
    _question("repeated", "single", (YES, NO, DONT_KNOW), c.REGISTRATION_DUE),
    _question("latest_incident_at", "date_time", (), c.REPEATED_YES),
)
QUESTIONS_BY_ID = {q.id: q for q in QUESTIONS}


def worded(question: Question, answers: Mapping) -> Question:
    """``question`` as the chosen role sees it: its wording, and "don't know" only where that role may not know."""
    role = answers.get("role")
    label, hint = question.by_role.get(role, (question.label, question.hint))
    options = question.options
    if question.unknown_for is not None and role not in question.unknown_for and role in ROLES:
        options = tuple(o for o in options if o.id != UNKNOWN)
    options = tuple(_worded_option(o, role) for o in options)
    return replace(question, label=label, hint=hint, options=options)


def _worded_option(option: Option, role: object) -> Option:
    if role not in option.by_role:
        return option
    label, hint = option.by_role[role]
    return replace(option, label=label, hint=hint)


_BOOL_VALUES = {"yes": True, "no": False, UNKNOWN: UNKNOWN}
_BOOL_IDS = {True: "yes", False: "no", UNKNOWN: UNKNOWN}
_BOOL_LABELS = {True: YES.label, False: NO.label, UNKNOWN: DONT_KNOW.label}
# Between the answers of a multiple choice in words ("Trusler, Falsk profil"), in the options' order.
ANSWER_SEPARATOR = ", "
_FORM_DATE = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)
_FORM_TIME = re.compile(r"(\d{1,2})[:.](\d{2})", re.ASCII)
_ERRORS = {
    id: content.text("messages", f"form.{id}")
    for id in (
        "choose_many",
        "choose_one",
        "date_missing",
        "date_format",
        "date_range",
        "no_such_month",
        "no_such_day",
        "time_format",
        "time_skipped",
        "future",
        "before_first",
    )
}
_DATE_RANGE = _ERRORS["date_range"].format(
    day=EARLIEST_DATE.day, month=MONTHS[EARLIEST_DATE.month - 1], year=EARLIEST_DATE.year
)


def parse_form(
    question_id: str, form: Mapping[str, list[str]], now: datetime | None = None, answers: Mapping | None = None
) -> object:
    """The contract's answer value from an HTML form's fields for one question.

    Raises :class:`AnswerError` with a Danish message that names the question. With
    ``now``, a time of incident after ``now`` is refused; with the ``answers`` so far, a latest
    incident before the first.
    """
    question = QUESTIONS_BY_ID[question_id]
    if question.kind == "date_time":
        value = _parse_date_time(question, form, now)
        first = (answers or {}).get("incident_at")
        if question_id == "latest_incident_at" and first is not None:
            if is_before(parse_moment(question_id, value), parse_moment("incident_at", first)):
                message = _ERRORS["before_first"].format(first=answer_label("incident_at", first))
                raise AnswerError(question_id, message)
        return value
    chosen = [v.strip() for v in form.get(question_id, ()) if isinstance(v, str) and v.strip()]
    allowed = [o.id for o in question.options]
    invalid = [v for v in chosen if v not in allowed]
    if question.kind == "multiple":
        if not chosen or invalid:
            raise AnswerError(question_id, _ERRORS["choose_many"].format(question=question.label))
        return [o for o in allowed if o in chosen]
    if len(set(chosen)) != 1 or invalid:
        raise AnswerError(question_id, _ERRORS["choose_one"].format(question=question.label))
    value = chosen[0]
    if question.kind == "scale":
        return value if value == UNKNOWN else int(value)
    if question_id in BOOL_FIELDS or question_id in BOOL_OR_UNKNOWN_FIELDS:
        return _BOOL_VALUES[value]
    return value


def _parse_date_time(question: Question, form: Mapping[str, list[str]], now: datetime | None) -> str:
    day_text = _first(form, question.id)
    time_text = _first(form, f"{question.id}_time")
    if not day_text:
        raise AnswerError(question.id, _ERRORS["date_missing"])
    if not _FORM_DATE.fullmatch(day_text):
        raise AnswerError(question.id, _ERRORS["date_format"])
    year, month, day_of_month = (int(part) for part in day_text.split("-"))
    if not EARLIEST_DATE.year <= year <= LATEST_DATE.year:
        raise AnswerError(question.id, _DATE_RANGE)
    if not 1 <= month <= 12:
        raise AnswerError(question.id, _ERRORS["no_such_month"].format(date=day_text))
    if not 1 <= day_of_month <= _days_in_month(year, month):
        days = _days_in_month(year, month)
        message = _ERRORS["no_such_day"].format(date=day_text, month=MONTHS[month - 1], year=year, days=days)
        raise AnswerError(question.id, message)
    day = date(year, month, day_of_month)
    if not EARLIEST_DATE <= day <= LATEST_DATE:
        raise AnswerError(question.id, _DATE_RANGE)
    value = day.isoformat()
    if time_text:
        match = _FORM_TIME.fullmatch(time_text)
        try:
            if match is None:
                raise ValueError(time_text)
            clock = time(int(match.group(1)), int(match.group(2)))
        except ValueError:
            raise AnswerError(f"{question.id}_time", _ERRORS["time_format"]) from None
        if skipped_by_summer_time(datetime.combine(day, clock)):
            raise AnswerError(f"{question.id}_time", _ERRORS["time_skipped"])
        value = f"{value}T{clock:%H:%M}"
    if now is not None and is_after(parse_moment(question.id, value), now):
        raise AnswerError(question.id, _ERRORS["future"])
    return value


def _days_in_month(year: int, month: int) -> int:
    return (date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)).day


def _first(form: Mapping[str, list[str]], key: str) -> str:
    values = [v.strip() for v in form.get(key, ()) if isinstance(v, str) and v.strip()]
    return values[0] if values else ""


def form_values(question_id: str, value: object) -> dict[str, list[str]]:
    """The form fields that show ``value`` as the chosen answer to the question (inverse of :func:`parse_form`)."""
    question = QUESTIONS_BY_ID[question_id]
    if question.kind == "date_time":
        moment = parse_moment(question_id, value)
        if not moment.has_time:
            return {question_id: [moment.local_date.isoformat()], f"{question_id}_time": [""]}
        local = moment.instant.astimezone(COPENHAGEN)
        return {question_id: [local.date().isoformat()], f"{question_id}_time": [f"{local:%H:%M}"]}
    if question.kind == "multiple":
        return {question_id: list(value)}
    if isinstance(value, bool) or (value == UNKNOWN and question.kind == "single"):
        return {question_id: [_BOOL_IDS[value]]}
    return {question_id: [str(value)]}


def answer_label(question_id: str, value: object) -> str:
    """The answer in Danish for a "check your answers" list, e.g. "Ja", "7" or "Trusler, Falsk profil"."""
    question = QUESTIONS_BY_ID[question_id]
    if question.kind == "date_time":
        moment = parse_moment(question_id, value)
        return long_datetime(moment.instant) if moment.has_time else long_date(moment.local_date)
    if isinstance(value, bool):
        return _BOOL_LABELS[value]
    labels = {o.id: o.label for o in question.options}
    if question.kind == "multiple":
        return ANSWER_SEPARATOR.join(labels[v] for v in value)
    return labels[str(value)]
