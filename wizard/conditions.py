"""Every named condition of the guide, each predicate beside its name.

Questions (when a question is asked), rules (when an action-plan, work-accident or
deadline rule applies), steps and notes (when they are shown) all read these
conditions, and the rules page prints their descriptions (``content/texts/conditions.yaml``,
by name), so the page says what the code does. A condition tests :class:`Facts`: the
answers and what the rules found.
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from wizard import content
from wizard.contract import BOOL_FIELDS, UNKNOWN
from wizard.guideline import ACTION_PLAN_THRESHOLD
from wizard.moments import Moment


@dataclass(frozen=True)
class Facts:
    """What a condition may look at.

    ``answers`` are the (possibly partial) answers; ``categories`` what the category rules
    found. The rest is known only once a whole result is being made: the action-plan and
    work-accident decisions, the time of the incident and the deadlines by id.
    """

    answers: Mapping
    categories: tuple[str, ...] = ()
    offences: tuple[str, ...] = ()
    action_plan: bool | None = None
    work_accident: bool | None = None
    moment: Moment | None = None
    deadlines: Mapping[str, dict] = field(default_factory=dict)


@dataclass(frozen=True)
class Condition:
    """A named yes/no question about the facts; its description is read from the content by name."""

    name: str
    description: str
    test: Callable[[Facts], bool] = field(compare=False)

    def __call__(self, facts: Facts) -> bool:
        return bool(self.test(facts))


def _named(name: str, test: Callable[[Facts], bool]) -> Condition:
    return Condition(name, content.text("conditions", name), test)


# Unanswered questions count as "Ved ikke" where that is allowed, and as "Nej" for the others.
_DEFAULTS = {
    "recording_shared": UNKNOWN,
    "impact": UNKNOWN,
    "repeated": UNKNOWN,
    "absence": UNKNOWN,
    "treatment": UNKNOWN,
    "wants_work_accident": UNKNOWN,
} | dict.fromkeys(BOOL_FIELDS, False)


def answer(answers: Mapping, key: str) -> object:
    """The answer to ``key``, or what an unanswered question counts as."""
    return answers.get(key, _DEFAULTS.get(key))


def _answered(key: str, value: object) -> Callable[[Facts], bool]:
    # bool is a subclass of int, and "unknown" must not equal True; compare type and value.
    return lambda f: type(answer(f.answers, key)) is type(value) and answer(f.answers, key) == value


def _category(name: str) -> Callable[[Facts], bool]:
    return lambda f: name in f.categories


WORK_ACCIDENT_FIELDS = ("absence", "treatment", "wants_work_accident")

ALWAYS = _named("always", lambda f: True)
DANGER_NOW = _named("danger_now", _answered("danger_now", True))
RECORDING_CHOSEN = _named("recording_chosen", lambda f: "recording" in (f.answers.get("behaviours") or ()))
INCIDENT_TO_REGISTER = _named("incident_to_register", _category("work_environment"))
UNDECIDED = _named("undecided", _category("undecided"))
MAY_BE_REPORTED = _named(
    "may_be_reported",
    lambda f: "work_environment" in f.categories or "undecided" in f.categories,
)
PROTECTED_SPEECH = _named("protected_speech", _category("protected_speech"))
ONLY_PROTECTED_SPEECH = _named("only_protected_speech", lambda f: f.categories == ("protected_speech",))
CRIMINAL = _named("criminal", _category("criminal"))
DATA_PROTECTION = _named("data_protection", _category("data_protection"))
STALKING = _named("stalking", lambda f: "stalking" in f.offences)
OUTSIDE_WORK_HOURS = _named("outside_work_hours", _answered("outside_work_hours", True))
NOT_MANAGER_WITH_INCIDENT = _named(
    "not_manager_with_incident",
    lambda f: f.answers.get("role") != "manager" and MAY_BE_REPORTED(f),
)

# The action plan. The guideline's sentence (the quote of action_plan_impact in
# content/texts/rules.yaml) joins impact and repetition with "og"; the guide reads it as either
# condition, which is the reading that protects the employee.
IMPACT_OVER_THRESHOLD = _named(
    "impact_over_threshold",
    lambda f: INCIDENT_TO_REGISTER(f)
    and answer(f.answers, "impact") != UNKNOWN
    and answer(f.answers, "impact") > ACTION_PLAN_THRESHOLD,
)
REPEATED = _named("repeated", lambda f: INCIDENT_TO_REGISTER(f) and answer(f.answers, "repeated") is True)
NOTHING_TO_REGISTER = _named(
    "nothing_to_register",
    lambda f: not INCIDENT_TO_REGISTER(f) and not UNDECIDED(f),
)
ACTION_PLAN_NOT_TRIGGERED = _named(
    "action_plan_not_triggered",
    lambda f: INCIDENT_TO_REGISTER(f)
    and answer(f.answers, "impact") != UNKNOWN
    and answer(f.answers, "impact") <= ACTION_PLAN_THRESHOLD
    and answer(f.answers, "repeated") is False,
)
ACTION_PLAN_OPEN = _named(
    "action_plan_open",
    lambda f: INCIDENT_TO_REGISTER(f)
    and not IMPACT_OVER_THRESHOLD(f)
    and not REPEATED(f)
    and not ACTION_PLAN_NOT_TRIGGERED(f),
)
UNDECIDED_ONLY = _named("undecided_only", lambda f: UNDECIDED(f) and not INCIDENT_TO_REGISTER(f))
ACTION_PLAN = _named("action_plan", lambda f: f.action_plan is True)

# The work accident: asked for every incident.
WORK_ACCIDENT_YES = _named(
    "work_accident_yes",
    lambda f: any(answer(f.answers, k) is True for k in WORK_ACCIDENT_FIELDS),
)
WORK_ACCIDENT_ALL_NO = _named(
    "work_accident_all_no",
    lambda f: all(answer(f.answers, k) is False for k in WORK_ACCIDENT_FIELDS),
)
WORK_ACCIDENT_OPEN = _named(
    "work_accident_open",
    lambda f: not WORK_ACCIDENT_YES(f) and not WORK_ACCIDENT_ALL_NO(f),
)
WORK_ACCIDENT = _named("work_accident", lambda f: f.work_accident is True)
WORK_ACCIDENT_UNKNOWN = _named("work_accident_unknown", lambda f: f.work_accident is None)

# Deadlines.
REGISTRATION_DUE = _named(
    "registration_due",
    lambda f: INCIDENT_TO_REGISTER(f) or UNDECIDED(f) or WORK_ACCIDENT(f),
)
SAFETYNET_OVERDUE = _named(
    "safetynet_overdue",
    lambda f: f.deadlines.get("safetynet", {}).get("overdue") is True,
)
POLICE_REPORT_PASSED = _named(
    "police_report_passed",
    lambda f: "police_report" in f.deadlines and f.deadlines["police_report"]["overdue"] is not False,
)
DATE_ONLY = _named(
    "date_only",
    lambda f: MAY_BE_REPORTED(f) and f.moment is not None and not f.moment.has_time,
)
AMBIGUOUS_TIME = _named(
    "ambiguous_time",
    lambda f: MAY_BE_REPORTED(f) and f.moment is not None and f.moment.ambiguous,
)

# Answers that were "Ved ikke".
IMPACT_UNKNOWN = _named(
    "impact_unknown",
    lambda f: INCIDENT_TO_REGISTER(f) and answer(f.answers, "impact") == UNKNOWN,
)
REPEATED_UNKNOWN = _named(
    "repeated_unknown",
    lambda f: f.action_plan is None and INCIDENT_TO_REGISTER(f) and answer(f.answers, "repeated") == UNKNOWN,
)
