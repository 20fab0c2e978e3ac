"""The notes and legal information a result carries, and when.

Notes say where the guideline calls for a concrete assessment and who to ask about an
answer that was "Ved ikke". Legal information comes from the legal notes and is shown
as information, never as policy.
"""

from collections.abc import Mapping
from dataclasses import dataclass

from wizard.contract import UNKNOWN, Moment
from wizard.rules import Assessment, Condition, answer
from wizard.texts import LEGAL_INFO, NOTES


@dataclass(frozen=True)
class Situation:
    """What a note may depend on: the assessment, the time of the incident and the deadlines by id."""

    assessment: Assessment
    moment: Moment
    deadlines: Mapping[str, dict]


def _category(name: str, description: str) -> Condition:
    return Condition(name, description, lambda s: name in s.assessment.categories)


CRIMINAL = _category("criminal", "Når chikanen kan være strafbar.")
DATA_PROTECTION = _category("data_protection", "Når der kan være tale om en overtrædelse af Databeskyttelsesloven.")
WORK_ENVIRONMENT = _category("work_environment", "Når der er en hændelse, der skal registreres i SafetyNet.")
WORK_ACCIDENT = Condition(
    "work_accident", "Når hændelsen skal anmeldes som arbejdsulykke.", lambda s: s.assessment.work_accident
)

NOTE_RULES = (
    ("criminal_assessment", CRIMINAL),
    (
        "stalking_basis",
        Condition("stalking", "Når der er svaret forfølgelse.", lambda s: "stalking" in s.assessment.offences),
    ),
    ("data_protection_assessment", DATA_PROTECTION),
    (
        "protected_speech_offensive",
        Condition(
            "only_protected_speech",
            "Når der kun er tale om lovlig kritik, aktindsigt eller en lovlig lydoptagelse.",
            lambda s: s.assessment.categories == ("protected_speech",),
        ),
    ),
    (
        "recording_shared_unknown",
        Condition(
            "recording_shared_unknown",
            "Når det ikke vides, om lydoptagelsen er delt.",
            lambda s: "recording" in s.assessment.answers["behaviours"]
            and answer(s.assessment.answers, "recording_shared") == UNKNOWN,
        ),
    ),
    (
        "impact_unknown",
        Condition(
            "impact_unknown",
            "Når påvirkningen ikke er kendt.",
            lambda s: "work_environment" in s.assessment.categories
            and answer(s.assessment.answers, "impact") == UNKNOWN,
        ),
    ),
    (
        "repeated_unknown",
        Condition(
            "repeated_unknown",
            "Når det ikke vides, om chikanen er gentaget, og det afgør, om der skal laves en handleplan.",
            lambda s: s.assessment.action_plan is None and answer(s.assessment.answers, "repeated") == UNKNOWN,
        ),
    ),
    (
        "duty_to_contact_management",
        Condition(
            "not_manager",
            "Når den, der bruger guiden, ikke er leder, og der er en hændelse at registrere.",
            lambda s: s.assessment.answers["role"] != "manager" and "work_environment" in s.assessment.categories,
        ),
    ),
    (
        "safetynet_overdue",
        Condition(
            "safetynet_overdue",
            "Når fristen for registrering i SafetyNet er overskredet.",
            lambda s: s.deadlines.get("safetynet", {}).get("overdue", False),
        ),
    ),
    (
        "police_report_from_start_of_day",
        Condition(
            "police_report_date_only",
            "Når chikanen kan være strafbar, og der ikke er angivet et klokkeslæt.",
            lambda s: "criminal" in s.assessment.categories and not s.moment.has_time,
        ),
    ),
    (
        "ambiguous_time",
        Condition(
            "ambiguous_time",
            "Når chikanen kan være strafbar, og klokkeslættet findes to gange (skift fra sommertid).",
            lambda s: "criminal" in s.assessment.categories and s.moment.ambiguous,
        ),
    ),
)

LEGAL_INFO_RULES = (
    ("offererstatningsloven", CRIMINAL),
    ("psychological_violence", WORK_ENVIRONMENT),
    (
        "outside_work_hours",
        Condition(
            "outside_work_hours",
            "Når chikanen skete uden for arbejdstiden.",
            lambda s: answer(s.assessment.answers, "outside_work_hours") is True,
        ),
    ),
    ("work_accident_recognition", WORK_ACCIDENT),
    ("work_accident_statutory_deadline", WORK_ACCIDENT),
    ("datatilsynet", DATA_PROTECTION),
    ("platforms", DATA_PROTECTION),
)


def notes_for(situation: Situation) -> list[dict]:
    """The notes that apply, as ``{id, text, source}``."""
    return [
        {"id": id, "text": NOTES[id].text, "source": NOTES[id].source.href}
        for id, when in NOTE_RULES
        if when(situation)
    ]


def legal_info_for(situation: Situation) -> list[dict]:
    """The legal information that applies, as ``{id, text, reference}``."""
    return [
        {"id": id, "text": LEGAL_INFO[id].text, "reference": LEGAL_INFO[id].reference}
        for id, when in LEGAL_INFO_RULES
        if when(situation)
    ]
