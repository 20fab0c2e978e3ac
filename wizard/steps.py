"""Which steps each role takes, in the guideline's order, given the assessment.

:data:`STEPS` holds, for each role, every step it can get and the condition under which
it is shown; the texts and their sources live in :mod:`wizard.texts`.
"""

from dataclasses import dataclass

from wizard.contract import ROLES
from wizard.howto import howto_for
from wizard.rules import Assessment, Condition, answer
from wizard.texts import STEP_TEXTS, Text


@dataclass(frozen=True)
class Step:
    """A step of a role's checklist, shown when ``when`` holds for the assessment."""

    id: str
    when: Condition
    text: Text


def _category(name: str, description: str) -> Condition:
    return Condition(name, description, lambda a: name in a.categories)


ALWAYS = Condition("always", "Altid.", lambda a: True)
DANGER_NOW = Condition("danger_now", "Når nogen er i fare lige nu.", lambda a: answer(a.answers, "danger_now") is True)
PROTECTED_SPEECH = _category(
    "protected_speech", "Når (noget af) det skete er lovlig kritik, aktindsigt eller en lovlig lydoptagelse."
)
WORK_ENVIRONMENT = _category("work_environment", "Når der er en hændelse, der skal registreres i SafetyNet.")
CRIMINAL = _category("criminal", "Når chikanen kan være strafbar.")
DATA_PROTECTION = _category("data_protection", "Når der kan være tale om en overtrædelse af Databeskyttelsesloven.")
ACTION_PLAN = Condition("action_plan", "Når der skal laves en handleplan.", lambda a: a.action_plan is True)
WORK_ACCIDENT = Condition(
    "work_accident", "Når hændelsen skal anmeldes som arbejdsulykke.", lambda a: a.work_accident
)
OUTSIDE_WORK_HOURS = Condition(
    "outside_work_hours",
    "Når chikanen skete uden for arbejdstiden.",
    lambda a: answer(a.answers, "outside_work_hours") is True,
)

_ORDER = {
    "employee": (
        ("call_112", DANGER_NOW),
        ("tolerate", PROTECTED_SPEECH),
        ("document", ALWAYS),
        ("contact_manager", ALWAYS),
        ("tell_colleagues", ALWAYS),
        ("register_safetynet", WORK_ENVIRONMENT),
        ("register_work_accident", WORK_ACCIDENT),
        ("inform_manager_after_hours", OUTSIDE_WORK_HOURS),
        ("police_report", CRIMINAL),
    ),
    "colleague": (
        ("call_112", DANGER_NOW),
        ("tolerate", PROTECTED_SPEECH),
        ("support_colleague", ALWAYS),
        ("contact_affected_manager", ALWAYS),
        ("contact_relatives", WORK_ENVIRONMENT),
        ("respect_needs", ALWAYS),
        ("first_aid_colleagues", ALWAYS),
        ("register_work_accident", WORK_ACCIDENT),
        ("police_report", CRIMINAL),
    ),
    "manager": (
        ("call_112", DANGER_NOW),
        ("tolerate", PROTECTED_SPEECH),
        ("register_safetynet", WORK_ENVIRONMENT),
        ("action_plan", ACTION_PLAN),
        ("register_work_accident", WORK_ACCIDENT),
        ("care", ALWAYS),
        ("work_distribution", WORK_ENVIRONMENT),
        ("consider_contact_change", ALWAYS),
        ("contact_citizen", PROTECTED_SPEECH),
        ("contact_platform", DATA_PROTECTION),
        ("datatilsynet", DATA_PROTECTION),
        ("consult_hr", CRIMINAL),
        ("police_report", CRIMINAL),
    ),
}

STEPS = {role: tuple(Step(id, when, STEP_TEXTS[role][id]) for id, when in _ORDER[role]) for role in ROLES}


def steps_for(role: str, assessment: Assessment) -> list[dict]:
    """The role's steps as ``{id, text, source, howto}``, in order (``howto``: the guide's own help, or None)."""
    return [
        {"id": step.id, "text": step.text.text, "source": step.text.source.href, "howto": howto_for(step.id)}
        for step in STEPS[role]
        if step.when(assessment)
    ]
