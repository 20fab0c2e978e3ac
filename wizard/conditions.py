"""Every named condition of the guide, each predicate beside its Danish description.

Questions (when a question is asked), rules (when an action-plan, work-accident or
deadline rule applies), steps and notes (when they are shown) all read these
conditions, and the rules page prints their descriptions, so the page says what the
code does. A condition tests :class:`Facts`: the answers and what the rules found.
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from wizard.contract import BOOL_FIELDS, UNKNOWN
from wizard.moments import Moment
from wizard.guideline import ACTION_PLAN_THRESHOLD, POLICE_REPORT_HOURS


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
    """A named yes/no question about the facts, described in Danish."""

    name: str
    description: str
    test: Callable[[Facts], bool] = field(compare=False)

    def __call__(self, facts: Facts) -> bool:
        return bool(self.test(facts))


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

ALWAYS = Condition("always", "Altid.", lambda f: True)
DANGER_NOW = Condition("danger_now", "Når nogen er i fare lige nu.", _answered("danger_now", True))
RECORDING_CHOSEN = Condition(
    "recording_chosen",
    "Når der er svaret, at borgeren har lydoptaget en samtale.",
    lambda f: "recording" in (f.answers.get("behaviours") or ()),
)
INCIDENT_TO_REGISTER = Condition(
    "incident_to_register",
    "Når der er tale om chikane, der skal registreres i SafetyNet – ikke når der kun er tale om lovlig kritik, "
    "aktindsigt eller en lydoptagelse, der ikke er delt eller måske er delt.",
    _category("work_environment"),
)
UNDECIDED = Condition(
    "undecided",
    "Når det ikke vides, om borgerens lydoptagelse er lagt ud eller givet videre.",
    _category("undecided"),
)
MAY_BE_REPORTED = Condition(
    "may_be_reported",
    "Når der kan blive tale om en eventuel politianmeldelse: ved al chikane, altså alt andet end lovlig kritik, "
    "aktindsigt eller en lydoptagelse, der ikke er delt (også når det ikke vides, om optagelsen er delt).",
    lambda f: "work_environment" in f.categories or "undecided" in f.categories,
)
PROTECTED_SPEECH = Condition(
    "protected_speech",
    "Når (noget af) det skete er lovlig kritik, aktindsigt eller en lydoptagelse, der ikke er delt.",
    _category("protected_speech"),
)
ONLY_PROTECTED_SPEECH = Condition(
    "only_protected_speech",
    "Når der kun er tale om lovlig kritik, aktindsigt eller en lydoptagelse, der ikke er delt.",
    lambda f: f.categories == ("protected_speech",),
)
CRIMINAL = Condition("criminal", "Når chikanen kan være strafbar.", _category("criminal"))
DATA_PROTECTION = Condition(
    "data_protection", "Når der kan være tale om en overtrædelse af Databeskyttelsesloven.", _category("data_protection")
)
STALKING = Condition("stalking", "Når der er svaret forfølgelse.", lambda f: "stalking" in f.offences)
OUTSIDE_WORK_HOURS = Condition(
    "outside_work_hours", "Når chikanen skete uden for arbejdstiden.", _answered("outside_work_hours", True)
)
NOT_MANAGER_WITH_INCIDENT = Condition(
    "not_manager_with_incident",
    "Når den, der bruger guiden, ikke er leder, og der er tale om chikane.",
    lambda f: f.answers.get("role") != "manager" and MAY_BE_REPORTED(f),
)

# The action plan. The guideline says "Handleplanen laves ved påvirkning over 5 og hvis medarbejderen
# gentagne gange over et kort tidsrum har oplevet digital chikane"; the guide reads "og" as either
# condition, which is the reading that protects the employee.
IMPACT_OVER_THRESHOLD = Condition(
    "impact_over_threshold",
    f"Når der er tale om chikane, og påvirkningen er over {ACTION_PLAN_THRESHOLD}.",
    lambda f: INCIDENT_TO_REGISTER(f)
    and answer(f.answers, "impact") != UNKNOWN
    and answer(f.answers, "impact") > ACTION_PLAN_THRESHOLD,
)
REPEATED = Condition(
    "repeated",
    "Når der er tale om chikane, og medarbejderen gentagne gange over et kort tidsrum har oplevet digital chikane.",
    lambda f: INCIDENT_TO_REGISTER(f) and answer(f.answers, "repeated") is True,
)
NOTHING_TO_REGISTER = Condition(
    "nothing_to_register",
    "Når der kun er tale om lovlig kritik, aktindsigt eller en lydoptagelse, der ikke er delt.",
    lambda f: not INCIDENT_TO_REGISTER(f) and not UNDECIDED(f),
)
ACTION_PLAN_NOT_TRIGGERED = Condition(
    "action_plan_not_triggered",
    f"Når der er tale om chikane, påvirkningen er kendt og højst {ACTION_PLAN_THRESHOLD}, og chikanen ikke er sket "
    "gentagne gange over et kort tidsrum.",
    lambda f: INCIDENT_TO_REGISTER(f)
    and answer(f.answers, "impact") != UNKNOWN
    and answer(f.answers, "impact") <= ACTION_PLAN_THRESHOLD
    and answer(f.answers, "repeated") is False,
)
ACTION_PLAN_OPEN = Condition(
    "action_plan_open",
    "Når der er tale om chikane, og påvirkningen eller gentagelsen ikke er kendt, uden at det kendte udløser en "
    "handleplan.",
    lambda f: INCIDENT_TO_REGISTER(f)
    and not IMPACT_OVER_THRESHOLD(f)
    and not REPEATED(f)
    and not ACTION_PLAN_NOT_TRIGGERED(f),
)
UNDECIDED_ONLY = Condition(
    "undecided_only",
    "Når det ikke vides, om en lydoptagelse er delt, og der ikke er anden chikane.",
    lambda f: UNDECIDED(f) and not INCIDENT_TO_REGISTER(f),
)
ACTION_PLAN = Condition("action_plan", "Når der skal laves en handleplan.", lambda f: f.action_plan is True)

# The work accident: asked for every incident.
WORK_ACCIDENT_YES = Condition(
    "work_accident_yes",
    "Når medarbejderen har fravær i forbindelse med chikanen, der er et behandlingsbehov, eller medarbejderen "
    "ønsker sagen anmeldt som arbejdsulykke (mindst ét »Ja«).",
    lambda f: any(answer(f.answers, k) is True for k in WORK_ACCIDENT_FIELDS),
)
WORK_ACCIDENT_ALL_NO = Condition(
    "work_accident_all_no",
    "Når der er svaret »Nej« til fravær, behandlingsbehov og ønsket om at anmelde sagen som arbejdsulykke.",
    lambda f: all(answer(f.answers, k) is False for k in WORK_ACCIDENT_FIELDS),
)
WORK_ACCIDENT_OPEN = Condition(
    "work_accident_open",
    "Når intet svar om fravær, behandlingsbehov eller ønsket om en anmeldelse er »Ja«, og mindst ét er »Ved ikke«.",
    lambda f: not WORK_ACCIDENT_YES(f) and not WORK_ACCIDENT_ALL_NO(f),
)
WORK_ACCIDENT = Condition(
    "work_accident", "Når hændelsen skal anmeldes som arbejdsulykke.", lambda f: f.work_accident is True
)
WORK_ACCIDENT_UNKNOWN = Condition(
    "work_accident_unknown",
    "Når guiden ikke kan afgøre, om hændelsen skal anmeldes som arbejdsulykke, fordi et svar er »Ved ikke«.",
    lambda f: f.work_accident is None,
)

# Deadlines.
REGISTRATION_DUE = Condition(
    "registration_due",
    "Når der er tale om chikane, når det ikke vides, om en lydoptagelse er delt, eller når hændelsen skal anmeldes "
    "som arbejdsulykke.",
    lambda f: INCIDENT_TO_REGISTER(f) or UNDECIDED(f) or WORK_ACCIDENT(f),
)
SAFETYNET_OVERDUE = Condition(
    "safetynet_overdue",
    "Når fristen for registrering i SafetyNet er overskredet.",
    lambda f: f.deadlines.get("safetynet", {}).get("overdue") is True,
)
POLICE_REPORT_PASSED = Condition(
    "police_report_passed",
    f"Når de {POLICE_REPORT_HOURS} timer for en eventuel politianmeldelse er gået, eller kan være gået (kun datoen "
    "er kendt).",
    lambda f: "police_report" in f.deadlines and f.deadlines["police_report"]["overdue"] is not False,
)
DATE_ONLY = Condition(
    "date_only",
    "Når der kan blive tale om en politianmeldelse, og der ikke er angivet et klokkeslæt.",
    lambda f: MAY_BE_REPORTED(f) and f.moment is not None and not f.moment.has_time,
)
AMBIGUOUS_TIME = Condition(
    "ambiguous_time",
    "Når der kan blive tale om en politianmeldelse, og klokkeslættet findes to gange (skift fra sommertid).",
    lambda f: MAY_BE_REPORTED(f) and f.moment is not None and f.moment.ambiguous,
)

# Answers that were "Ved ikke".
IMPACT_UNKNOWN = Condition(
    "impact_unknown",
    "Når der er tale om chikane, og påvirkningen ikke er kendt.",
    lambda f: INCIDENT_TO_REGISTER(f) and answer(f.answers, "impact") == UNKNOWN,
)
REPEATED_UNKNOWN = Condition(
    "repeated_unknown",
    "Når det ikke vides, om chikanen er gentaget, og det afgør, om der skal laves en handleplan.",
    lambda f: f.action_plan is None and INCIDENT_TO_REGISTER(f) and answer(f.answers, "repeated") == UNKNOWN,
)
