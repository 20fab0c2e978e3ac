"""Named answer objects with a fixed evaluation time, shared by the engine tests and the
Pyodide parity test (the same JSON must come out under CPython and Pyodide).

Pure data: each scenario is ``{"name", "about", "answers", "now"}`` with ``now`` as an
ISO 8601 string. Together they cover every category, every step id of the chosen roles,
both deadlines (on time, overdue and, for a date without a time, undecided), the
summer-time changes, every "Ved ikke" and every work-accident decision.

A scenario whose answers are a whole path through the guide is that named path of
``tests/harness/answer_paths.py`` at a fixed time; the others are answer objects no reader sends
(a question skipped, an answer not asked, a deadline's edge) that the engine must still take.
"""

from tests.harness import answer_paths
from tests.harness.answer_paths import scenario

SCENARIOS = [
    {
        "name": "criticism_only_employee",
        "about": "Lawful criticism only, no work accident: nothing to register, so an impact answer is ignored.",
        "answers": {
            "danger_now": False,
            "role": "employee",
            "behaviours": ["criticism"],
            "incident_at": "2024-10-14",
            "absence": False,
            "treatment": False,
            "wants_work_accident": False,
            "impact": 7,
        },
        "now": "2024-10-14T15:00+02:00",
    },
    {
        "name": "criticism_work_accident_not_asked_colleague",
        "about": "Lawful criticism; the work-accident questions are not answered: never read as no, so a "
        "registration may come, its deadline is shown and the impact counts.",
        "answers": {"role": "colleague", "behaviours": ["criticism"], "incident_at": "2024-10-14", "impact": 7},
        "now": "2024-10-14T15:00+02:00",
    },
    {
        "name": "access_request_manager",
        "about": "Access to the personnel file: lawful; the manager may contact the citizen.",
        "answers": {"role": "manager", "behaviours": ["access_request"], "incident_at": "2024-11-20T10:15"},
        "now": "2024-11-21T08:00+01:00",
    },
    scenario(answer_paths.RECORDING_KEPT, "2024-06-04T09:00+02:00"),
    scenario(answer_paths.CRITICISM_WORK_ACCIDENT_WISH, "2024-10-15T09:00+02:00"),
    {
        "name": "insults_date_only_police_window_manager",
        "about": "Insults on a date without time, evaluated between the safe and the latest police deadline.",
        "answers": {
            "role": "manager",
            "behaviours": ["insults"],
            "incident_at": "2026-12-01",
            "outside_work_hours": False,
            "impact": 6,
            "repeated": False,
            "absence": "unknown",
            "treatment": False,
            "wants_work_accident": "unknown",
        },
        "now": "2026-12-04T10:00+01:00",
    },
    {
        "name": "recording_shared_unknown_employee",
        "about": "Whether the recording was passed on is not known: no criminal category, a note on who to ask.",
        "answers": {
            "role": "employee",
            "behaviours": ["recording"],
            "recording_shared": "unknown",
            "incident_at": "2024-06-03T13:00",
        },
        "now": "2024-06-04T09:00+02:00",
    },
    scenario(answer_paths.RECORDING_PUBLISHED, "2024-05-07T09:00+02:00"),
    scenario(answer_paths.THREATS_AFTER_HOURS_IN_DANGER, "2024-09-12T22:05+02:00"),
    scenario(answer_paths.FAKE_PROFILE_AND_PRIVATE_INFO, "2024-02-20T10:00+01:00"),
    scenario(answer_paths.REPEATED_MESSAGES_WORK_ACCIDENT, "2024-04-09T12:00+02:00"),
    {
        "name": "accusations_both_deadlines_overdue",
        "about": "Accusations a month ago: the SafetyNet and police-report deadlines have both passed.",
        "answers": {
            "role": "employee",
            "behaviours": ["accusations"],
            "incident_at": "2024-09-02T10:00",
            "outside_work_hours": False,
            "impact": 5,
            "repeated": False,
            "absence": False,
            "treatment": False,
            "wants_work_accident": True,
        },
        "now": "2024-10-01T09:00+02:00",
    },
    {
        "name": "racism_across_end_of_summer_time",
        "about": "72 hours from 25 October 2024 12:00 end at 28 October 11:00 (+01:00).",
        "answers": {
            "role": "manager",
            "behaviours": ["racism"],
            "incident_at": "2024-10-25T12:00",
            "impact": 6,
            "repeated": "unknown",
        },
        "now": "2024-10-26T09:00+02:00",
    },
    {
        "name": "surveillance_across_start_of_summer_time",
        "about": "72 hours from 29 March 2024 12:00 end at 1 April 13:00 (+02:00).",
        "answers": {
            "role": "employee",
            "behaviours": ["surveillance"],
            "incident_at": "2024-03-29T12:00",
            "outside_work_hours": False,
            "impact": 2,
            "repeated": False,
        },
        "now": "2024-03-30T09:00+01:00",
    },
    scenario(answer_paths.STALKING_DATE_ONLY_UNKNOWNS, "2024-01-16T08:00+01:00"),
    # Issue 20: time counts per incident, and every duty holds at the edges.
    scenario(answer_paths.SERIES_OF_EMAILS_COLLEAGUE, "2024-10-22T10:00+02:00"),
    scenario(answer_paths.LAWFUL_WORK_ACCIDENT_MANAGER, "2024-10-15T09:00+02:00"),
    scenario(answer_paths.EMPLOYEE_JUST_THREATENED, "2024-10-14T10:00+02:00"),
    scenario(answer_paths.MANAGER_OPEN_DECISIONS, "2024-10-15T09:00+02:00"),
    scenario(answer_paths.VIDEO_OF_A_MEETING, "2024-10-15T09:00+02:00"),
    scenario(answer_paths.MANAGER_ADDRESS_PUBLISHED, "2024-10-25T10:00+02:00"),
    {
        "name": "series_all_passed_employee",
        "about": "Repeated harassment, the latest incident a month before: every deadline has passed.",
        "answers": {
            "role": "employee",
            "behaviours": ["threats"],
            "incident_at": "2024-08-19T09:00",
            "repeated": True,
            "latest_incident_at": "2024-08-30T14:00",
        },
        "now": "2024-10-01T09:00+02:00",
    },
    {
        "name": "criticism_and_threats_impact_five_manager",
        "about": "Criticism together with threats; impact exactly 5 and not repeated: no action plan.",
        "answers": {
            "role": "manager",
            "behaviours": ["criticism", "threats"],
            "incident_at": "2024-08-26T14:00",
            "impact": 5,
            "repeated": False,
        },
        "now": "2024-08-26T16:00+02:00",
    },
    {
        "name": "police_deadline_this_very_minute",
        "about": "Evaluated exactly 72 hours after the incident: due now, not yet overdue.",
        "answers": {"role": "employee", "behaviours": ["threats"], "incident_at": "2024-11-04T09:30"},
        "now": "2024-11-07T09:30+01:00",
    },
    {
        "name": "registration_last_day",
        "about": "Evaluated late on the tenth day after the incident: the registration is still on time.",
        "answers": {"role": "manager", "behaviours": ["insults"], "incident_at": "2024-11-01", "impact": 1},
        "now": "2024-11-11T23:59+01:00",
    },
    {
        "name": "ambiguous_hour_end_of_summer_time",
        "about": "02:30 on 27 October 2024 happens twice; the earlier one counts.",
        "answers": {"role": "employee", "behaviours": ["threats"], "incident_at": "2024-10-27T02:30"},
        "now": "2024-10-27T12:00+01:00",
    },
]
