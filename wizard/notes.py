"""The notes and legal information a result carries, and when.

Notes say where the guideline calls for a concrete assessment and who to ask about an
answer that was "Ved ikke". Legal information comes from the legal notes and is shown
as information, never as policy. Each note or piece of information is shown when its
named condition (from :mod:`wizard.conditions`) holds.
"""

from wizard import conditions as c
from wizard import content
from wizard.conditions import Facts
from wizard.texts import LegalInfo, entry

# The notes whose id begins "reading_" state one of the guide's readings of an ambiguous sentence
# (content/readings.yaml lists them for the owners), in every role's result where the reading decides something.
NOTE_RULES = (
    ("several_incidents", c.SEVERAL_INCIDENTS),
    ("criminal_assessment", c.CRIMINAL),
    ("stalking_basis", c.STALKING),
    ("reading_police_report_all_harassment", c.MAY_BE_REPORTED_NOT_CRIMINAL),
    ("data_protection_assessment", c.DATA_PROTECTION),
    ("reading_video", c.VIDEO),
    ("recording_shared_unknown", c.UNDECIDED),
    ("reading_sharing_is_the_incident", c.RECORDING_SHARED_OR_UNKNOWN),
    ("work_accident_unknown", c.NOT_MANAGER_WORK_ACCIDENT_OPEN),
    ("reading_work_accident_reasons", c.NOT_WORK_ACCIDENT),
    ("impact_unknown", c.IMPACT_UNKNOWN),
    ("repeated_unknown", c.REPEATED_UNKNOWN),
    ("reading_action_plan_either", c.ACTION_PLAN_READING_DECIDES),
    ("reading_action_plan_every_registration", c.LAWFUL_REGISTERED),
    ("duty_to_contact_management", c.NOT_MANAGER_WITH_INCIDENT),
    ("safetynet_overdue", c.SAFETYNET_OVERDUE),
    ("police_report_passed", c.POLICE_REPORT_PASSED),
    ("police_report_from_start_of_day", c.DATE_ONLY),
    ("ambiguous_time", c.AMBIGUOUS_TIME),
    ("protected_speech_offensive", c.ONLY_PROTECTED_SPEECH),
)

# Notes that depend on when the result is made (a deadline that has passed), not only on the answers.
DEPENDS_ON_NOW = ("safetynet_overdue", "police_report_passed")

LEGAL_INFO_RULES = (
    ("offererstatningsloven", c.MAY_BE_REPORTED),
    ("compensation_condition_waived", c.ANY_POLICE_REPORT_PASSED),
    ("psychological_violence", c.INCIDENT_TO_REGISTER),
    ("outside_work_hours", c.OUTSIDE_WORK_HOURS),
    ("work_accident_recognition", c.WORK_ACCIDENT),
    ("work_accident_statutory_deadline", c.WORK_ACCIDENT),
    ("datatilsynet", c.DATA_PROTECTION),
    ("platforms", c.DATA_PROTECTION),
)

# The texts, by the ids above (content/texts/notes.yaml and legal.yaml).
NOTES = {id: entry("notes", id) for id, _ in NOTE_RULES}
LEGAL_INFO = {
    id: LegalInfo(content.text("legal", id), content.text("legal", id, "reference")) for id, _ in LEGAL_INFO_RULES
}


def notes_for(facts: Facts) -> list[dict]:
    """The notes that apply, as ``{id, text, source, basis}``, in the reader's role's words."""
    role = facts.answers["role"]
    return [
        {
            "id": id,
            "text": NOTES[id].for_role(role),
            "source": NOTES[id].source.href if NOTES[id].source else None,
            "basis": NOTES[id].basis,
        }
        for id, when in NOTE_RULES
        if when(facts)
    ]


def legal_info_for(facts: Facts) -> list[dict]:
    """The legal information that applies, as ``{id, text, reference}``."""
    return [
        {"id": id, "text": LEGAL_INFO[id].text, "reference": LEGAL_INFO[id].reference}
        for id, when in LEGAL_INFO_RULES
        if when(facts)
    ]
