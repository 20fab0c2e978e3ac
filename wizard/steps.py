"""Which steps each role takes, in order, given what the rules found.

:data:`STEPS` holds, for each role, every step it can get and the named condition (from
:mod:`wizard.conditions`) under which it is shown; the texts and their sources live in
``content/texts/steps.yaml`` (read by :mod:`wizard.texts`). What must be done about harassment comes
first; what must be tolerated comes last. Where the guideline gives a step no condition, neither does
the guide.
"""

from dataclasses import dataclass

from wizard import conditions as c
from wizard.conditions import Condition, Facts
from wizard.contract import ROLES
from wizard.howto import howto_for
from wizard.step_groups import GROUP_OF_STEP, group_deadline
from wizard.texts import REASONS_JOIN, WORK_ACCIDENT_REASONS, Text, entry


@dataclass(frozen=True)
class Step:
    """A step of a role's checklist, shown when ``when`` holds."""

    id: str
    when: Condition
    text: Text


_ORDER = {
    "employee": (
        ("call_112", c.DANGER_NOW),
        ("document", c.ALWAYS),
        ("contact_manager", c.ALWAYS),
        ("tell_colleagues", c.ALWAYS),
        ("register_safetynet", c.REGISTRATION),
        ("register_work_accident", c.WORK_ACCIDENT),
        ("inform_manager_after_hours", c.OUTSIDE_WORK_HOURS),
        ("police_report", c.MAY_BE_REPORTED),
        ("two_on_the_case", c.ALWAYS),
        ("tolerate", c.PROTECTED_SPEECH),
    ),
    "colleague": (
        ("call_112", c.DANGER_NOW),
        ("support_colleague", c.ALWAYS),
        ("contact_affected_manager", c.ALWAYS),
        ("contact_relatives", c.ALWAYS),
        ("respect_needs", c.ALWAYS),
        ("first_aid_colleagues", c.ALWAYS),
        ("register_work_accident", c.WORK_ACCIDENT),
        ("police_report", c.MAY_BE_REPORTED),
        ("tolerate", c.PROTECTED_SPEECH),
    ),
    "manager": (
        ("call_112", c.DANGER_NOW),
        ("register_safetynet", c.REGISTRATION),
        # The leader's open decisions, dated by the registration: what the answers could not decide.
        ("clarify_work_accident", c.WORK_ACCIDENT_OPEN),
        ("decide_work_accident", c.WORK_ACCIDENT_ALL_NO),
        ("clarify_action_plan", c.ACTION_PLAN_OPEN),
        ("action_plan", c.ACTION_PLAN),
        ("register_work_accident", c.WORK_ACCIDENT),
        ("care", c.ALWAYS),
        ("work_distribution", c.ALWAYS),
        ("two_on_the_case", c.ALWAYS),
        ("consider_contact_change", c.ALWAYS),
        ("contact_citizen", c.ALWAYS),
        ("contact_platform", c.ALWAYS),
        ("datatilsynet", c.ALWAYS),
        ("consult_hr", c.ALWAYS),
        ("police_report", c.MAY_BE_REPORTED),
        ("tolerate", c.PROTECTED_SPEECH),
    ),
}

STEPS = {
    role: tuple(Step(id, when, entry("steps", f"{role}.{id}")) for id, when in _ORDER[role]) for role in ROLES
}


def _joined(reasons: list[str], last: str) -> str:
    return reasons[0] if len(reasons) == 1 else ", ".join(reasons[:-1]) + last + reasons[-1]


def step_text(step: Step, role: str, facts: Facts | None = None) -> str:
    """The step's text for the role.

    The work-accident step names the reasons that applied (labels.yaml, work_accident_reason); without
    facts (the rules page, the checklists without Python) it names every reason it can give.
    """
    if "{reasons}" not in step.text.text:
        return step.text.text
    reasons = WORK_ACCIDENT_REASONS[role]
    if facts is None:
        return step.text.text.format(reasons=_joined(list(reasons.values()), REASONS_JOIN["any"]))
    applied = [text for key, text in reasons.items() if facts.answers.get(key) is True]
    return step.text.text.format(reasons=_joined(applied, REASONS_JOIN["all"]))


def steps_for(role: str, facts: Facts) -> list[dict]:
    """The role's steps as ``{id, title, text, source, basis, group, deadline, howto}``, in order.

    ``title`` is the step's short name as a task of the result, ``text`` the whole step.
    ``source`` is None unless ``basis`` is guideline; ``group`` says when the step is due (:mod:`wizard.step_groups`),
    and ``deadline`` is the id of the deadline it is dated by, if any (:func:`wizard.step_groups.group_deadline`);
    ``howto`` is the guide's own help on doing it (:mod:`wizard.howto`), or None.
    """
    deadlines = list(facts.deadlines.values())
    dated = {group: group_deadline(group, deadlines) for group in {GROUP_OF_STEP[step.id] for step in STEPS[role]}}
    return [
        {
            "id": step.id,
            "title": step.text.title,
            "text": step_text(step, role, facts),
            "source": step.text.source.href if step.text.source else None,
            "basis": step.text.basis,
            "group": GROUP_OF_STEP[step.id],
            "deadline": dated[GROUP_OF_STEP[step.id]]["id"] if dated[GROUP_OF_STEP[step.id]] else None,
            "howto": howto_for(step.id),
        }
        for step in STEPS[role]
        if step.when(facts)
    ]
