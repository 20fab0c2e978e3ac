"""What the answers mean under the guideline: categories, offences, action plan and work accident.

The rules are data: :data:`RULES` lists every rule in the order the rules page shows
them, each with what makes it apply and what it yields. Its description (inputs and
outcome), the guideline sentence it implements and that sentence's section are its entry
in ``content/texts/rules.yaml``. The functions below only read the table, so the page and
the engine cannot disagree. Offences (``content/texts/offences.yaml``) carry their
paragraph reference from the legal notes; that is information, never policy.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache

from wizard import conditions as c
from wizard import content
from wizard.conditions import Condition, answer
from wizard.contract import BEHAVIOURS, UNKNOWN
from wizard.guideline import ACTION_PLAN_THRESHOLD, IMPACT_MAX, SECTIONS, Section

# The order in which a result lists them: what must be done about harassment comes first, what must
# be tolerated last.
CATEGORIES = ("work_environment", "criminal", "data_protection", "undecided", "protected_speech")

# Lawful conduct that must be tolerated; every other behaviour is harassment (their rules below).
LAWFUL = ("criticism", "access_request", "recording")
HARASSMENT = tuple(b for b in BEHAVIOURS if b not in LAWFUL)


@dataclass(frozen=True)
class Match:
    """Holds when the answer to ``field`` is one of ``values`` (for a list: contains one of them)."""

    field: str
    values: tuple


@dataclass(frozen=True)
class Offence:
    """A possible offence and where the law says so.

    ``basis`` is ``"guideline"`` when the guideline's Straffeloven list names the act, or
    ``"legal_notes"`` when only the verified legal notes do. ``label``, ``reference`` and
    ``info`` are its entry in ``content/texts/offences.yaml``; ``reference`` and ``info`` come
    from the legal notes and are information, not the municipality's policy. ``source`` is the
    section of the guideline sentence that the entry's source quotes.
    """

    id: str
    label: str
    reference: str
    basis: str
    info: str
    source: Section


@dataclass(frozen=True)
class Rule:
    """One rule of the guideline as the engine applies it.

    ``inputs`` and ``outcome`` describe the rule; ``quote`` is the guideline's own sentence and
    ``source`` its section (all four from the rule's entry in ``content/texts/rules.yaml``). A category rule
    also holds its machine-readable condition (``when``: every :class:`Match` must hold) and what it yields.
    Every other rule holds the named condition under which it applies (``applies``, from :mod:`wizard.conditions`);
    an action-plan or work-accident rule also what it decides (``decision``) and which answers it
    reports as its reason (``reported``, only those with a value in ``reported_values`` if given).
    """

    id: str
    kind: str  # "category", "action_plan", "work_accident" or "deadline"
    inputs: str
    outcome: str
    quote: str
    source: Section
    when: tuple[Match, ...] = ()
    categories: tuple[str, ...] = ()
    offences: tuple[str, ...] = ()
    applies: Condition | None = None
    decision: bool | None = None
    reported: tuple[str, ...] = ()
    reported_values: tuple | None = None


@dataclass(frozen=True)
class Assessment:
    """The rules' findings for one answers object.

    ``reasons`` maps each category in ``categories`` and, when decided by answers,
    ``"action_plan"`` and ``"work_accident"`` to the rules that fired, each with the
    answers that made it fire: ``{"rule": id, "answers": [{"field", "value"}]}``.
    """

    answers: Mapping
    categories: tuple[str, ...]
    offences: tuple[str, ...]
    reasons: Mapping[str, tuple]
    action_plan: bool | None
    work_accident: bool | None

    def facts(self, **more) -> c.Facts:
        """What the conditions may look at, with ``more`` (the moment, the deadlines) when known."""
        return c.Facts(
            self.answers, self.categories, self.offences, self.action_plan, self.work_accident, **more
        )


def _worded(file: str, id: str) -> tuple[dict[str, str], str, Section]:
    """An entry's texts, its guideline quote and that quote's section."""
    source = content.source(file, id)
    if source is None or source.kind != "guideline":
        problem = f"content/texts/{file}.yaml: entry {id!r} needs a guideline section and quote"
        raise content.ContentMissing(problem)
    return content.fields(file, id), source.quote, SECTIONS[source.ref]


def _offence(id: str, basis: str) -> Offence:
    texts, _, section = _worded("offences", id)
    return Offence(id, texts["label"], texts["reference"], basis, texts["info"], section)


# Only stalking is missing from the guideline's Straffeloven list (see criminal_stalking below).
OFFENCES = {
    o.id: o
    for o in (
        _offence("defamation", "guideline"),
        _offence("private_affairs", "guideline"),
        _offence("racism", "guideline"),
        _offence("threats", "guideline"),
        _offence("surveillance", "guideline"),
        _offence("recording_shared", "guideline"),
        _offence("stalking", "legal_notes"),
    )
}


def _rule(id: str, kind: str, **structure) -> Rule:
    texts, quote, section = _worded("rules", id)
    return Rule(id, kind, texts["inputs"], texts["outcome"], quote, section, **structure)


def _category_rule(id, when, categories, offences=()):
    return _rule(id, "category", when=tuple(when), categories=tuple(categories), offences=tuple(offences))


WORK_ACCIDENT_FIELDS = c.WORK_ACCIDENT_FIELDS


def _decision_rule(id, kind, applies, decision, reported, values=None):
    return _rule(id, kind, applies=applies, decision=decision, reported=reported, reported_values=values)


def _behaviour(*ids):
    return Match("behaviours", ids)


_RECORDING = _behaviour("recording")
# What makes the plan wait for the registration: an impact over the threshold or a yes to repetition, and the
# "Ved ikke" that leaves the registration open.
_IF_REGISTERED_VALUES = (True, UNKNOWN, *range(ACTION_PLAN_THRESHOLD + 1, IMPACT_MAX + 1))

RULES = (
    _category_rule("protected_criticism", [_behaviour("criticism")], ["protected_speech"]),
    _category_rule("protected_access_request", [_behaviour("access_request")], ["protected_speech"]),
    _category_rule("protected_recording", [_RECORDING, Match("recording_shared", (False,))], ["protected_speech"]),
    # Not known to be lawful: sharing it can be criminal, and the guideline leaves that judgement to
    # personalejura. Until it is clarified, the incident is neither tolerated nor registered as harassment.
    _category_rule("undecided_recording", [_RECORDING, Match("recording_shared", (UNKNOWN,))], ["undecided"]),
    _category_rule("harassment_work_environment", [_behaviour(*HARASSMENT)], ["work_environment"]),
    _category_rule(
        "recording_shared_work_environment", [_RECORDING, Match("recording_shared", (True,))], ["work_environment"]
    ),
    _category_rule("criminal_defamation", [_behaviour("accusations")], ["criminal"], ["defamation"]),
    _category_rule("criminal_private_affairs", [_behaviour("private_info")], ["criminal"], ["private_affairs"]),
    _category_rule("criminal_racism", [_behaviour("racism")], ["criminal"], ["racism"]),
    _category_rule("criminal_threats", [_behaviour("threats")], ["criminal"], ["threats"]),
    _category_rule("criminal_surveillance", [_behaviour("surveillance")], ["criminal"], ["surveillance"]),
    _category_rule(
        "criminal_recording_shared",
        [_RECORDING, Match("recording_shared", (True,))],
        ["criminal"],
        ["recording_shared"],
    ),
    # Stalking is not in the guideline's Straffeloven list, but the legal notes verify § 242 and § 119 a,
    # and the guideline says to consult personalejura also when in doubt (this rule's quote). Treating it
    # as possibly criminal costs a consultation; not doing so could cost the 72-hour condition for
    # compensation.
    _category_rule("criminal_stalking", [_behaviour("stalking")], ["criminal"], ["stalking"]),
    _category_rule("data_protection_private_info", [_behaviour("private_info")], ["data_protection"]),
    _category_rule("data_protection_fake_profile", [_behaviour("fake_profile")], ["data_protection"]),
    # The guideline treats video and pictures under Databeskyttelsesloven, sound recordings under Straffeloven.
    _category_rule("data_protection_video", [_behaviour("video")], ["data_protection"]),
    _decision_rule("action_plan_impact", "action_plan", c.IMPACT_OVER_THRESHOLD, True, ("impact",)),
    _decision_rule("action_plan_repeated", "action_plan", c.REPEATED, True, ("repeated",), (True,)),
    # Where the registration itself is not certain yet, neither is the plan that comes with it.
    _decision_rule(
        "action_plan_if_registered",
        "action_plan",
        c.ACTION_PLAN_IF_REGISTERED,
        None,
        ("impact", "repeated", "recording_shared", *c.WORK_ACCIDENT_FIELDS),
        _IF_REGISTERED_VALUES,
    ),
    _decision_rule(
        "action_plan_not_needed", "action_plan", c.ACTION_PLAN_NOT_TRIGGERED, False, ("impact", "repeated")
    ),
    _decision_rule(
        "action_plan_unknown", "action_plan", c.ACTION_PLAN_OPEN, None, ("impact", "repeated"), (UNKNOWN,)
    ),
    _decision_rule(
        "action_plan_no_registration",
        "action_plan",
        c.NOTHING_TO_REGISTER,
        False,
        ("behaviours", *c.WORK_ACCIDENT_FIELDS),
    ),
    _decision_rule("work_accident", "work_accident", c.WORK_ACCIDENT_YES, True, WORK_ACCIDENT_FIELDS, (True,)),
    # None of the three reasons is not a "no": the guideline also says that what is experienced as offensive is
    # handled as psychological violence "og dermed en arbejdsulykke", and how the two sentences meet is the
    # owners' to confirm (content/readings.yaml). Until then the manager decides it with the employee.
    _decision_rule(
        "work_accident_no_reason", "work_accident", c.WORK_ACCIDENT_ALL_NO, None, WORK_ACCIDENT_FIELDS, (False,)
    ),
    _decision_rule(
        "work_accident_unknown", "work_accident", c.WORK_ACCIDENT_OPEN, None, WORK_ACCIDENT_FIELDS, (UNKNOWN,)
    ),
    _rule("deadline_safetynet", "deadline", applies=c.REGISTRATION_DUE),
    _rule("deadline_police_report", "deadline", applies=c.MAY_BE_REPORTED),
)
RULES_BY_ID = {rule.id: rule for rule in RULES}

def _matched(match: Match, answers: Mapping) -> list:
    value = answer(answers, match.field)
    if isinstance(value, list):
        return [v for v in value if v in match.values]
    # bool is a subclass of int, and "unknown" must not equal True; compare type and value.
    return [value] if any(type(value) is type(v) and value == v for v in match.values) else []


def _fire(rule: Rule, answers: Mapping) -> dict | None:
    found = []
    for match in rule.when:
        values = _matched(match, answers)
        if not values:
            return None
        found.extend({"field": match.field, "value": v} for v in values)
    return {"rule": rule.id, "answers": found}


_CATEGORY_RULES = tuple(rule for rule in RULES if rule.kind == "category")


# The answers the category rules read; the categories depend on nothing else, so they are found once per
# combination of these (the flow asks for them at every question).
_CATEGORY_FIELDS = tuple(sorted({match.field for rule in _CATEGORY_RULES for match in rule.when}))


def categories(answers: Mapping) -> tuple[str, ...]:
    """The categories that the (possibly partial) answers fall under, in :data:`CATEGORIES` order."""
    key = tuple((field, _frozen(answer(answers, field))) for field in _CATEGORY_FIELDS)
    return _categories(key)


def _frozen(value: object) -> tuple:
    # A list as a tuple, and True apart from 1 (bool is a subclass of int): a cache key that tells answers apart.
    return ("list", tuple(value)) if isinstance(value, list) else (type(value).__name__, value)


@cache
def _categories(key: tuple) -> tuple[str, ...]:
    answers = {field: list(value) if kind == "list" else value for field, (kind, value) in key}
    hits = {c for rule in _CATEGORY_RULES if _fire(rule, answers) for c in rule.categories}
    return tuple(c for c in CATEGORIES if c in hits)


def assess(answers: Mapping) -> Assessment:
    """Apply every rule to validated, pruned answers."""
    reasons: dict[str, list] = {}
    offences = []
    for rule in _CATEGORY_RULES:
        fired = _fire(rule, answers)
        if fired is None:
            continue
        for category in rule.categories:
            reasons.setdefault(category, []).append(fired)
        offences.extend(o for o in rule.offences if o not in offences)
    found = tuple(c for c in CATEGORIES if c in reasons)
    ordered = {c: tuple(reasons[c]) for c in found}
    facts = c.Facts(answers, found, tuple(offences))
    plan, ordered["action_plan"] = decide("action_plan", facts)
    accident, ordered["work_accident"] = decide("work_accident", facts)
    return Assessment(answers, found, tuple(offences), ordered, plan, accident)


def decide(kind: str, facts: c.Facts) -> tuple[bool | None, tuple]:
    """The action-plan or work-accident decision and the rules behind it.

    Every rule of ``kind`` whose condition holds is a reason. A rule that requires the plan or
    the report decides on its own (either of them is enough); otherwise the first that applies.
    """
    applied = [rule for rule in RULES if rule.kind == kind and rule.applies(facts)]
    required = [rule for rule in applied if rule.decision is True]
    chosen = required or applied[:1]
    return chosen[0].decision, tuple(_reason(rule, facts.answers) for rule in chosen)


def _reason(rule: Rule, answers: Mapping) -> dict:
    given = []
    for key in rule.reported:
        value = answer(answers, key)
        for v in value if isinstance(value, list) else [value]:
            if rule.reported_values is None or any(type(v) is type(w) and v == w for w in rule.reported_values):
                given.append({"field": key, "value": v})
    return {"rule": rule.id, "answers": given}


DEADLINE_RULES = tuple(rule for rule in RULES if rule.kind == "deadline")
