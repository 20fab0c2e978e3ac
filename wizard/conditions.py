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
    work-accident decisions, the times of the incidents (the first, then the latest, if given) and
    the deadlines by id.
    """

    answers: Mapping
    categories: tuple[str, ...] = ()
    offences: tuple[str, ...] = ()
    action_plan: bool | None = None
    work_accident: bool | None = None
    moments: tuple[Moment, ...] = ()
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
    "outside_work_hours": UNKNOWN,
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
MAY_BE_REPORTED_NOT_CRIMINAL = _named(
    "may_be_reported_not_criminal", lambda f: MAY_BE_REPORTED(f) and not CRIMINAL(f)
)
DATA_PROTECTION = _named("data_protection", _category("data_protection"))
STALKING = _named("stalking", lambda f: "stalking" in f.offences)
RECORDING_SHARED_OR_UNKNOWN = _named(
    "recording_shared_or_unknown",
    lambda f: RECORDING_CHOSEN(f) and answer(f.answers, "recording_shared") is not False,
)
VIDEO = _named("video", lambda f: "video" in (f.answers.get("behaviours") or ()))
# "Ved ikke" too: the step and the information say "if", so they hold either way.
OUTSIDE_WORK_HOURS = _named(
    "outside_work_hours",
    lambda f: INCIDENT_TO_REGISTER(f) and answer(f.answers, "outside_work_hours") is not False,
)
NOT_MANAGER_WITH_INCIDENT = _named(
    "not_manager_with_incident",
    lambda f: f.answers.get("role") != "manager" and MAY_BE_REPORTED(f),
)
COLLEAGUE = _named("colleague", lambda f: f.answers.get("role") == "colleague")
# A colleague who answered "Nej" to "Ved du, om …?" is not asked what only the employee can tell.
ASKED_ABOUT_THE_EMPLOYEE = _named(
    "asked_about_the_employee",
    lambda f: f.answers.get("role") != "colleague" or f.answers.get("colleague_knows") is not False,
)

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
NOT_WORK_ACCIDENT = _named("not_work_accident", lambda f: f.work_accident is not True)
NOT_MANAGER_WORK_ACCIDENT_OPEN = _named(
    "not_manager_work_accident_open", lambda f: f.answers.get("role") != "manager" and WORK_ACCIDENT_OPEN(f)
)

# A registration in SafetyNet: for harassment, and for any incident that is reported as a work accident
# (the guideline's SKAL has no condition on what happened). Where the answers cannot tell yet (a recording
# that may have been shared, a work accident not yet clarified), it may come, so its questions are asked
# and its deadline is shown.
REGISTRATION = _named("registration", lambda f: INCIDENT_TO_REGISTER(f) or WORK_ACCIDENT_YES(f))
REGISTRATION_POSSIBLE = _named(
    "registration_possible",
    lambda f: not REGISTRATION(f) and (UNDECIDED(f) or WORK_ACCIDENT_OPEN(f)),
)
REGISTRATION_DUE = _named("registration_due", lambda f: REGISTRATION(f) or REGISTRATION_POSSIBLE(f))
NOTHING_TO_REGISTER = _named("nothing_to_register", lambda f: not REGISTRATION_DUE(f))
IMPACT_ASKED = _named("impact_asked", lambda f: REGISTRATION_DUE(f) and ASKED_ABOUT_THE_EMPLOYEE(f))
REPEATED_YES = _named("repeated_yes", _answered("repeated", True))

# The action plan. The guideline's sentence (the quote of action_plan_impact in
# content/texts/rules.yaml) joins impact and repetition with "og"; the guide reads it as either
# condition, which is the reading that protects the employee (content/readings.yaml).
def _impact_over(f: Facts) -> bool:
    impact = answer(f.answers, "impact")
    return impact != UNKNOWN and impact > ACTION_PLAN_THRESHOLD


def _impact_at_most(f: Facts) -> bool:
    impact = answer(f.answers, "impact")
    return impact != UNKNOWN and impact <= ACTION_PLAN_THRESHOLD


IMPACT_OVER_THRESHOLD = _named("impact_over_threshold", lambda f: REGISTRATION(f) and _impact_over(f))
REPEATED = _named("repeated", lambda f: REGISTRATION(f) and answer(f.answers, "repeated") is True)
ACTION_PLAN_IF_REGISTERED = _named(
    "action_plan_if_registered",
    lambda f: REGISTRATION_POSSIBLE(f) and (_impact_over(f) or answer(f.answers, "repeated") is True),
)
ACTION_PLAN_NOT_TRIGGERED = _named(
    "action_plan_not_triggered",
    lambda f: REGISTRATION_DUE(f) and _impact_at_most(f) and answer(f.answers, "repeated") is False,
)
ACTION_PLAN_OPEN = _named(
    "action_plan_open",
    lambda f: REGISTRATION_DUE(f)
    and not _impact_over(f)
    and answer(f.answers, "repeated") is not True
    and not ACTION_PLAN_NOT_TRIGGERED(f),
)
ACTION_PLAN = _named("action_plan", lambda f: f.action_plan is True)
# Where the guide's reading of "over 5 og hvis … gentagne gange" decides: not both hold, and not neither for sure.
ACTION_PLAN_READING_DECIDES = _named(
    "action_plan_reading_decides",
    lambda f: REGISTRATION_DUE(f)
    and not ACTION_PLAN_NOT_TRIGGERED(f)
    and not (_impact_over(f) and answer(f.answers, "repeated") is True),
)
# Registration and the action plan for conduct that is lawful, but reported as a work accident.
LAWFUL_REGISTERED = _named(
    "lawful_registered", lambda f: REGISTRATION_DUE(f) and not MAY_BE_REPORTED(f)
)

# Deadlines.
# The latest incident's (or the only one's): the first's are the several incidents' note's to mention.
SAFETYNET_OVERDUE = _named(
    "safetynet_overdue",
    lambda f: "safetynet" in f.deadlines and f.deadlines["safetynet"]["overdue"] is True,
)
POLICE_REPORT_PASSED = _named(
    "police_report_passed",
    lambda f: "police_report" in f.deadlines and f.deadlines["police_report"]["overdue"] is not False,
)
ANY_POLICE_REPORT_PASSED = _named(
    "any_police_report_passed",
    lambda f: any(d["kind"] == "police_report" and d["overdue"] is not False for d in f.deadlines.values()),
)
SEVERAL_INCIDENTS = _named("several_incidents", lambda f: any(d["incident"] for d in f.deadlines.values()))
DATE_ONLY = _named(
    "date_only",
    lambda f: MAY_BE_REPORTED(f) and any(not m.has_time for m in f.moments),
)
AMBIGUOUS_TIME = _named(
    "ambiguous_time",
    lambda f: MAY_BE_REPORTED(f) and any(m.ambiguous for m in f.moments),
)

# Answers that were "Ved ikke", for the roles that cannot clarify them themselves (the manager has steps).
IMPACT_UNKNOWN = _named(
    "impact_unknown",
    lambda f: f.answers.get("role") != "manager" and REGISTRATION_DUE(f) and answer(f.answers, "impact") == UNKNOWN,
)
REPEATED_UNKNOWN = _named(
    "repeated_unknown",
    lambda f: f.answers.get("role") != "manager"
    and f.action_plan is None
    and REGISTRATION_DUE(f)
    and answer(f.answers, "repeated") == UNKNOWN,
)
