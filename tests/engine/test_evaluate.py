"""Whole results: every combination of the choice answers, the scenarios, steps, notes and rules_version."""

import itertools
import json
import re

import pytest

from tests.engine.result_schema import check_result
from tests.engine.scenarios import SCENARIOS
from wizard import evaluate, fingerprint, guideline, texts
from wizard.contract import BEHAVIOURS, ROLES
from wizard.guideline import SECTIONS
from wizard.notes import LEGAL_INFO_RULES, NOTE_RULES
from wizard.questions import QUESTIONS
from wizard.rules import CATEGORIES, OFFENCES, RULES
from wizard.steps import STEPS

NOW = "2024-10-15T12:00+02:00"
INCIDENT_AT = "2024-10-14T09:30"
FOLLOW_UPS = {
    "outside_work_hours": [True, False],
    "impact": [*range(1, 11), "unknown"],
    "repeated": [True, False, "unknown"],
    "absence": [True, False],
    "treatment": [True, False],
    "wants_work_accident": [True, False],
}


def behaviour_answers():
    """Every non-empty set of behaviours, and with a recording every answer about sharing it."""
    for size in range(1, len(BEHAVIOURS) + 1):
        for chosen in itertools.combinations(BEHAVIOURS, size):
            if "recording" in chosen:
                for shared in (True, False, "unknown"):
                    yield {"behaviours": list(chosen), "recording_shared": shared}
            else:
                yield {"behaviours": list(chosen)}


def test_categories_depend_only_on_behaviours_and_the_recording():
    # This is why the two enumerations below may vary those answers and the others separately.
    fields = {match.field for rule in RULES if rule.kind == "category" for match in rule.when}
    assert fields == {"behaviours", "recording_shared"}


def test_every_behaviour_combination_gives_a_valid_result(outcomes):
    for index, answers in enumerate(behaviour_answers()):
        answers = {
            "danger_now": index % 2 == 0,
            "role": ROLES[index % 3],
            **answers,
            "incident_at": INCIDENT_AT,
            "impact": 6,
            "repeated": False,
        }
        result = evaluate(answers, NOW)
        check_result(result)
        outcomes.add(result)


def test_every_combination_of_the_other_choice_answers_gives_a_valid_result(outcomes):
    keys = list(FOLLOW_UPS)
    for danger_now, role, values in itertools.product(
        [True, False], ROLES, itertools.product(*FOLLOW_UPS.values())
    ):
        answers = {
            "danger_now": danger_now,
            "role": role,
            "behaviours": ["criticism", "threats", "fake_profile"],
            "incident_at": INCIDENT_AT,
            **dict(zip(keys, values)),
        }
        result = evaluate(answers, NOW)
        check_result(result)
        outcomes.add(result)


@pytest.mark.parametrize("scenario", SCENARIOS, ids=lambda s: s["name"])
def test_scenario_gives_a_valid_result(scenario, outcomes):
    result = evaluate(scenario["answers"], scenario["now"])
    check_result(result)
    outcomes.add(result)


def test_every_outcome_is_reachable(outcomes):
    """Runs after the enumerations and scenarios above (same module, file order)."""
    assert outcomes.count > 8000
    assert outcomes.values("categories") == set(CATEGORIES)
    assert outcomes.values("offences") == set(OFFENCES)
    assert outcomes.values("action_plan") == {True, False, None}
    assert outcomes.values("work_accident") == {True, False}
    assert outcomes.values("deadlines") == {"safetynet", "police_report"}
    assert outcomes.values("overdue") == {("safetynet", True), ("safetynet", False)} | {
        ("police_report", True),
        ("police_report", False),
    }
    assert outcomes.values("rules") == {r.id for r in RULES}
    assert outcomes.values("notes") == {id for id, _ in NOTE_RULES}
    assert outcomes.values("legal_info") == {id for id, _ in LEGAL_INFO_RULES}
    for role in ROLES:
        assert outcomes.values(f"steps:{role}") == {s.id for s in STEPS[role]}, role


def test_scenarios_cover_every_category_step_and_deadline():
    results = [evaluate(s["answers"], s["now"]) for s in SCENARIOS]
    assert len(SCENARIOS) >= 12 and len({s["name"] for s in SCENARIOS}) == len(SCENARIOS)
    assert {c for r in results for c in r["categories"]} == set(CATEGORIES)
    step_ids = {s.id for role in ROLES for s in STEPS[role]}
    assert {s["id"] for r in results for s in r["steps"]} == step_ids
    deadlines = {(d["id"], d["overdue"]) for r in results for d in r["deadlines"]}
    assert deadlines == {("safetynet", False), ("safetynet", True), ("police_report", False), ("police_report", True)}
    json.dumps(SCENARIOS)  # plain data, as the Pyodide parity test needs


class Outcomes:
    """What the results of the tests in this module have shown to be reachable."""

    def __init__(self):
        self.seen: dict[str, set] = {}
        self.count = 0

    def add(self, result: dict) -> None:
        self.count += 1
        put = lambda key, *values: self.seen.setdefault(key, set()).update(values)  # noqa: E731
        put("categories", *result["categories"])
        put("offences", *(o["id"] for o in result["offences"]))
        put("action_plan", result["action_plan"])
        put("work_accident", result["work_accident"])
        put("deadlines", *(d["id"] for d in result["deadlines"]))
        put("overdue", *((d["id"], d["overdue"]) for d in result["deadlines"]))
        put("rules", *(r["rule"] for fired in result["reasons"].values() for r in fired))
        put("rules", *(d["rule"] for d in result["deadlines"]))
        put("notes", *(n["id"] for n in result["notes"]))
        put("legal_info", *(i["id"] for i in result["legal_info"]))
        for role, steps in result["steps_by_role"].items():
            put(f"steps:{role}", *(s["id"] for s in steps))

    def values(self, key: str) -> set:
        return self.seen.get(key, set())


@pytest.fixture(scope="module")
def outcomes():
    return Outcomes()


def by_name(name):
    scenario = next(s for s in SCENARIOS if s["name"] == name)
    return evaluate(scenario["answers"], scenario["now"])


def step_ids(result, role=None):
    return [s["id"] for s in (result["steps_by_role"][role] if role else result["steps"])]


def note_ids(result):
    return [n["id"] for n in result["notes"]]


def test_protected_speech_only():
    result = by_name("criticism_only_employee")
    assert result["categories"] == ["protected_speech"]
    assert (result["action_plan"], result["work_accident"], result["deadlines"]) == (False, False, [])
    assert result["ignored_answers"] == ["impact"] and "impact" not in result["answers"]
    assert step_ids(result) == ["tolerate", "document", "contact_manager", "tell_colleagues"]
    assert "contact_citizen" in step_ids(result, "manager")
    assert "register_safetynet" not in step_ids(result, "manager")
    assert note_ids(result) == ["protected_speech_offensive"]


def test_danger_now_puts_112_first_for_every_role():
    result = by_name("threats_after_hours_in_danger")
    for role in ROLES:
        assert step_ids(result, role)[0] == "call_112"
    assert step_ids(result) == [
        "call_112",
        "document",
        "contact_manager",
        "tell_colleagues",
        "register_safetynet",
        "register_work_accident",
        "inform_manager_after_hours",
        "police_report",
    ]


def test_manager_steps_for_data_protection_and_crime():
    result = by_name("fake_profile_and_private_info_manager")
    assert result["categories"] == ["work_environment", "criminal", "data_protection"]
    assert step_ids(result) == [
        "register_safetynet",
        "action_plan",
        "care",
        "work_distribution",
        "consider_contact_change",
        "contact_platform",
        "datatilsynet",
        "consult_hr",
        "police_report",
    ]
    assert {"criminal_assessment", "data_protection_assessment"} <= set(note_ids(result))
    assert {"datatilsynet", "platforms", "offererstatningsloven"} <= {i["id"] for i in result["legal_info"]}


def test_colleague_steps():
    result = by_name("repeated_messages_colleague_work_accident")
    assert step_ids(result) == [
        "support_colleague",
        "contact_affected_manager",
        "contact_relatives",
        "respect_needs",
        "first_aid_colleagues",
        "register_work_accident",
    ]
    assert result["action_plan"] is True and result["work_accident"] is True
    assert "duty_to_contact_management" in note_ids(result)


def test_unknown_answers_say_who_to_ask():
    result = by_name("stalking_date_only_unknowns_colleague")
    assert result["action_plan"] is None
    assert {"impact_unknown", "repeated_unknown", "stalking_basis", "police_report_from_start_of_day"} <= set(
        note_ids(result)
    )
    assert [o["basis"] for o in result["offences"]] == ["legal_notes"]
    recording = by_name("recording_shared_unknown_employee")
    assert recording["categories"] == ["protected_speech"] and "criminal" not in recording["categories"]
    assert "recording_shared_unknown" in note_ids(recording)
    assert "personalejura" in next(n["text"] for n in recording["notes"] if n["id"] == "recording_shared_unknown")


def test_deadlines_in_results():
    october = by_name("racism_across_end_of_summer_time")
    assert [d["due"] for d in october["deadlines"]] == ["2024-11-04", "2024-10-28T11:00:00+01:00"]
    march = by_name("surveillance_across_start_of_summer_time")
    assert march["deadlines"][1]["due"] == "2024-04-01T13:00:00+02:00"
    overdue = by_name("accusations_both_deadlines_overdue")
    assert [d["overdue"] for d in overdue["deadlines"]] == [True, True]
    assert "safetynet_overdue" in note_ids(overdue)
    on_the_minute = by_name("police_deadline_this_very_minute")
    assert (on_the_minute["deadlines"][1]["overdue"], on_the_minute["deadlines"][1]["seconds_left"]) == (False, 0)
    last_day = by_name("registration_last_day")
    assert (last_day["deadlines"][0]["due"], last_day["deadlines"][0]["overdue"]) == ("2024-11-11", False)
    ambiguous = by_name("ambiguous_hour_end_of_summer_time")
    assert ambiguous["deadlines"][1]["due"] == "2024-10-30T01:30:00+01:00"
    assert "ambiguous_time" in note_ids(ambiguous)


def test_result_is_deterministic_and_names_its_rules_version():
    first = by_name("fake_profile_and_private_info_manager")
    assert json.dumps(first) == json.dumps(by_name("fake_profile_and_private_info_manager"))
    assert first["rules_version"] == fingerprint.rules_version()
    assert first["guideline"] == "Jobcenter og Borgerservice, september 2024"
    assert first["evaluated_at"] == "2024-02-20T10:00:00+01:00"


def test_rules_version_changes_when_a_number_or_text_changes(monkeypatch):
    original = fingerprint.rules_version()
    assert re.fullmatch(r"[0-9a-f]{10}", original)
    monkeypatch.setitem(guideline.NUMBERS, "registration_days", 11)
    changed_number = fingerprint.rules_version()
    monkeypatch.undo()
    monkeypatch.setitem(texts.NOTES, "impact_unknown", texts.Text("Spørg nogen.", SECTIONS["handleplan"]))
    changed_text = fingerprint.rules_version()
    monkeypatch.undo()
    assert len({original, changed_number, changed_text}) == 3
    assert fingerprint.rules_version() == original


def test_every_source_is_a_guideline_section():
    used = [q.source for q in QUESTIONS] + [r.source for r in RULES] + [o.source for o in OFFENCES.values()]
    used += [s.text.source for role in ROLES for s in STEPS[role]]
    used += [t.source for t in texts.NOTES.values()] + [t.source for t in texts.CATEGORY_LABELS.values()]
    for section in used:
        assert SECTIONS[section.anchor] == section
    hrefs = {s.href for s in SECTIONS.values()}
    for scenario in SCENARIOS:
        result = evaluate(scenario["answers"], scenario["now"])
        found = [s["source"] for steps in result["steps_by_role"].values() for s in steps]
        found += [n["source"] for n in result["notes"]] + [d["source"] for d in result["deadlines"]]
        found += [r["source"] for fired in result["reasons"].values() for r in fired]
        assert set(found) <= hrefs


@pytest.mark.parametrize(
    "answers, employee, colleague, manager",
    [
        (
            {"behaviours": ["access_request"]},
            ["tolerate", "document", "contact_manager", "tell_colleagues"],
            ["tolerate", "support_colleague", "contact_affected_manager", "respect_needs", "first_aid_colleagues"],
            ["tolerate", "care", "consider_contact_change", "contact_citizen"],
        ),
        (
            {"behaviours": ["insults"], "impact": 5, "repeated": False, "outside_work_hours": False},
            ["document", "contact_manager", "tell_colleagues", "register_safetynet"],
            [
                "support_colleague",
                "contact_affected_manager",
                "contact_relatives",
                "respect_needs",
                "first_aid_colleagues",
            ],
            ["register_safetynet", "care", "work_distribution", "consider_contact_change"],
        ),
        (
            {"danger_now": True, "behaviours": ["threats"], "impact": 6, "outside_work_hours": True, "treatment": True},
            [
                "call_112",
                "document",
                "contact_manager",
                "tell_colleagues",
                "register_safetynet",
                "register_work_accident",
                "inform_manager_after_hours",
                "police_report",
            ],
            [
                "call_112",
                "support_colleague",
                "contact_affected_manager",
                "contact_relatives",
                "respect_needs",
                "first_aid_colleagues",
                "register_work_accident",
                "police_report",
            ],
            [
                "call_112",
                "register_safetynet",
                "action_plan",
                "register_work_accident",
                "care",
                "work_distribution",
                "consider_contact_change",
                "consult_hr",
                "police_report",
            ],
        ),
    ],
)
def test_steps_for_each_role(answers, employee, colleague, manager):
    result = evaluate({"role": "employee", "incident_at": INCIDENT_AT, **answers}, NOW)
    assert step_ids(result, "employee") == employee
    assert step_ids(result, "colleague") == colleague
    assert step_ids(result, "manager") == manager
