"""Whole results: every combination of the choice answers, the scenarios, steps, notes and rules_version."""

import itertools
import json
import re

import pytest

from tests.engine.result_schema import DEADLINE_IDS, check_result
from tests.engine.scenarios import SCENARIOS
from wizard import content, content_data, evaluate, guideline, notes, texts
from wizard import rules_version as fingerprint
from wizard.contract import BEHAVIOURS, ROLES
from wizard.guideline import SECTIONS
from wizard.notes import LEGAL_INFO_RULES, NOTE_RULES
from wizard.questions import QUESTIONS
from wizard.rules import CATEGORIES, OFFENCES, RULES
from wizard.steps import STEPS

NOW = "2024-10-15T12:00+02:00"
INCIDENT_AT = "2024-10-14T09:30"
FOLLOW_UPS = {
    "outside_work_hours": [True, False, "unknown"],
    "absence": [True, False, "unknown"],
    "treatment": [True, False, "unknown"],
    "wants_work_accident": [True, False, "unknown"],
    "impact": [*range(1, 11), "unknown"],
    "repeated": [True, False, "unknown"],
}
HARASSMENT_CATEGORIES = {"work_environment", "undecided"}


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
            "absence": [True, False, "unknown"][index % 3],
        }
        result = evaluate(answers, NOW)
        check_result(result)
        outcomes.add(result)
        check_duties(result)


def check_duties(result):
    """The duties the guideline states without a condition, in every result."""
    manager = step_ids(result, "manager")
    # Personalejura always; the leader's three assessments and being two, always.
    for step in ("consult_hr", "consider_contact_change", "contact_citizen", "contact_platform", "datatilsynet",
                 "two_on_the_case", "care", "work_distribution"):
        assert step in manager, step
    # The 72 hours for every incident that may be reported: all harassment.
    harassment = bool(HARASSMENT_CATEGORIES & set(result["categories"]))
    assert ("police_report" in [d["id"] for d in result["deadlines"]]) == harassment
    for role in ROLES:
        assert ("police_report" in step_ids(result, role)) == harassment
    # A work accident whatever happened, with its registration deadline, the registration with the 1-10
    # assessment, and the action-plan rule applied to it.
    if result["work_accident"] is True:
        assert "safetynet" in [d["id"] for d in result["deadlines"]]
        assert all("register_work_accident" in step_ids(result, role) for role in ROLES)
        assert {"register_safetynet"} <= set(step_ids(result, "employee")) & set(step_ids(result, "manager"))
        assert result["reasons"]["action_plan"][0]["rule"] != "action_plan_no_registration"
    # What the answers cannot decide: the manager clarifies it by the registration, the others are told who can.
    if result["work_accident"] is None:
        assert ("clarify_work_accident" in step_ids(result)) if result["role"] == "manager" else (
            "work_accident_unknown" in note_ids(result)
        )
    if result["action_plan"] is None and result["reasons"]["action_plan"][0]["rule"] == "action_plan_unknown":
        assert "clarify_action_plan" in step_ids(result, "manager")
    # "Ikke nødvendigt" only where the guideline says so: nothing to register, or 1-5 and not repeated.
    if result["action_plan"] is False:
        assert result["reasons"]["action_plan"][0]["rule"] in ("action_plan_no_registration", "action_plan_not_needed")
    # What must be done about harassment comes before what must be tolerated.
    if "protected_speech" in result["categories"]:
        assert result["categories"][-1] == "protected_speech"
        for role in ROLES:
            assert step_ids(result, role)[-1] == "tolerate"


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
            **dict(zip(keys, values, strict=True)),
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
    # Never "no": three "Nej" leave the work accident to the manager.
    assert outcomes.values("work_accident") == {True, None}
    assert outcomes.values("deadlines") == set(DEADLINE_IDS)
    assert {(kind, overdue) for _, kind, overdue in outcomes.values("overdue")} == {
        ("safetynet", True), ("safetynet", False), ("police_report", True), ("police_report", False),
        ("police_report", None),
    }
    # A series: the first incident's deadlines open and passed, beside the latest's.
    assert {(incident, overdue) for incident, _, overdue in outcomes.values("overdue")} >= {
        ("first", True), ("first", False), ("latest", True), ("latest", False),
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
    deadlines = {(d["kind"], d["overdue"]) for r in results for d in r["deadlines"]}
    assert deadlines == {("safetynet", False), ("safetynet", True)} | {
        ("police_report", False),
        ("police_report", True),
        ("police_report", None),
    }
    assert {r["work_accident"] for r in results} == {True, None}
    assert "work_accident_no_reason" in {r["reasons"]["work_accident"][0]["rule"] for r in results}
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
        put("overdue", *((d["incident"], d["kind"], d["overdue"]) for d in result["deadlines"]))
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


# Runs of steps that stand together, in this order, in many expected lists below: the colleague's support for
# the one it happened to; the leader's care, sharing of the work, being two, the assessments (contact person,
# citizen, platform, Datatilsynet) and Personalejura. A list names the run and spells out what the answers add.
COLLEAGUE_SUPPORT = [
    "support_colleague", "contact_affected_manager", "contact_relatives", "respect_needs", "first_aid_colleagues",
]
MANAGER_DUTIES = [
    "care", "work_distribution", "two_on_the_case", "consider_contact_change", "contact_citizen", "contact_platform",
    "datatilsynet", "consult_hr",
]
# An employee threatened after working hours, in danger now and in need of treatment: 112 first, both
# registrations, telling the leader afterwards and the 72 hours.
EMPLOYEE_IN_DANGER_AFTER_HOURS = [
    "call_112",
    "document",
    "contact_manager",
    "tell_colleagues",
    "register_safetynet",
    "register_work_accident",
    "inform_manager_after_hours",
    "police_report",
    "two_on_the_case",
]


def test_protected_speech_only():
    result = by_name("criticism_only_employee")
    assert result["categories"] == ["protected_speech"]
    # No reason for a work accident: nothing the guide registers, so no impact, no registration and no deadline;
    # whether it is reported as a work accident all the same is the manager's, with the employee.
    assert (result["action_plan"], result["work_accident"], result["deadlines"]) == (False, None, [])
    assert result["reasons"]["work_accident"][0]["rule"] == "work_accident_no_reason"
    assert "decide_work_accident" in step_ids(result, "manager")
    assert result["ignored_answers"] == ["impact"] and "impact" not in result["answers"]
    assert step_ids(result) == ["document", "contact_manager", "tell_colleagues", "two_on_the_case", "tolerate"]
    assert "contact_citizen" in step_ids(result, "manager")
    assert "register_safetynet" not in step_ids(result, "manager")
    assert note_ids(result) == ["reading_work_accident_reasons", "protected_speech_offensive"]


def test_unanswered_work_accident_questions_are_never_read_as_no():
    result = by_name("criticism_work_accident_not_asked_colleague")
    assert (result["work_accident"], result["ignored_answers"]) == (None, [])
    # A registration may come: its deadline stands, and the impact is asked and counts (7: a plan if registered).
    assert [d["id"] for d in result["deadlines"]] == ["safetynet"]
    assert result["action_plan"] is None
    assert [r["rule"] for r in result["reasons"]["action_plan"]] == ["action_plan_if_registered"]
    assert "work_accident_unknown" in note_ids(result)
    assert "clarify_work_accident" in step_ids(result, "manager")


def test_danger_now_puts_112_first_for_every_role():
    result = by_name("threats_after_hours_in_danger")
    for role in ROLES:
        assert step_ids(result, role)[0] == "call_112"
    assert step_ids(result) == EMPLOYEE_IN_DANGER_AFTER_HOURS


def test_manager_steps_for_data_protection_and_crime():
    result = by_name("fake_profile_and_private_info_manager")
    assert result["categories"] == ["work_environment", "criminal", "data_protection"]
    assert step_ids(result) == [
        "register_safetynet", "decide_work_accident", "action_plan", *MANAGER_DUTIES, "police_report"
    ]
    assert {"criminal_assessment", "data_protection_assessment"} <= set(note_ids(result))
    assert {"datatilsynet", "platforms", "offererstatningsloven"} <= {i["id"] for i in result["legal_info"]}


def test_colleague_steps():
    result = by_name("repeated_messages_colleague_work_accident")
    assert step_ids(result) == [*COLLEAGUE_SUPPORT, "register_work_accident", "police_report"]
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
    # Not lawful criticism: undecided until clarified with personalejura, and the 72 hours are shown.
    assert recording["categories"] == ["undecided"]
    assert [d["id"] for d in recording["deadlines"]] == ["safetynet", "police_report"]
    assert "recording_shared_unknown" in note_ids(recording)
    assert "personalejura" in next(n["text"] for n in recording["notes"] if n["id"] == "recording_shared_unknown")
    assert "tolerate" not in step_ids(recording, "manager") and "consult_hr" in step_ids(recording, "manager")


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
    monkeypatch.setitem(notes.NOTES, "impact_unknown", texts.Text("Spørg nogen.", SECTIONS["handleplan"]))
    changed_text = fingerprint.rules_version()
    monkeypatch.undo()
    monkeypatch.setitem(content_data.TEXTS["rules"]["work_accident"], "outcome", "Anmeld den.")
    changed_content = fingerprint.rules_version()
    monkeypatch.undo()
    assert len({original, changed_number, changed_text, changed_content}) == 4
    assert fingerprint.rules_version() == original


def test_every_source_is_a_guideline_section_and_every_other_text_says_what_it_is():
    texts_ = [s.text for role in ROLES for s in STEPS[role]] + list(notes.NOTES.values())
    used = [q.source for q in QUESTIONS] + [r.source for r in RULES] + [o.source for o in OFFENCES.values()]
    used += [t.source for t in texts_ if t.basis == "guideline"] + [t.source for t in texts.CATEGORY_LABELS.values()]
    for section in used:
        assert SECTIONS[section.anchor] == section
    for text in texts_:
        assert text.basis in ("guideline", "legal_notes", "guide")
        assert (text.source is None) == (text.basis != "guideline"), text.text
    hrefs = {s.href for s in SECTIONS.values()}
    for scenario in SCENARIOS:
        result = evaluate(scenario["answers"], scenario["now"])
        found = [s["source"] for steps in result["steps_by_role"].values() for s in steps if s["basis"] == "guideline"]
        found += [n["source"] for n in result["notes"] if n["basis"] == "guideline"]
        found += [d["source"] for d in result["deadlines"]]
        found += [r["source"] for fired in result["reasons"].values() for r in fired]
        assert set(found) <= hrefs


def test_what_the_guide_adds_is_marked_as_its_own():
    # "Ring 112" is the guide's own; the stalking paragraphs come from the legal notes. Neither cites the guideline.
    for role in ROLES:
        call = next(s for s in STEPS[role] if s.id == "call_112")
        assert (call.text.basis, call.text.source) == ("guide", None)
    assert (notes.NOTES["stalking_basis"].basis, notes.NOTES["stalking_basis"].source) == ("legal_notes", None)
    result = by_name("threats_after_hours_in_danger")
    assert result["steps"][0] == {
        "id": "call_112", "title": content.text("steps", "employee.call_112", "title"),
        "text": content.text("steps", "employee.call_112"), "source": None, "basis": "guide",
        "group": "now", "deadline": None,
        # The guide's own help: the number to tap.
        "howto": {"text": None, "links": [], "contacts": [],
                  "phones": [{"number": "112", "label": content.text("howto", "phone.112")}]},
    }


@pytest.mark.parametrize(
    "answers, employee, colleague, manager",
    [
        (
            {"behaviours": ["access_request"], "absence": False, "treatment": False, "wants_work_accident": False},
            ["document", "contact_manager", "tell_colleagues", "two_on_the_case", "tolerate"],
            [*COLLEAGUE_SUPPORT, "tolerate"],
            # Three "Nej": whether it is reported as a work accident all the same is the manager's decision.
            ["decide_work_accident", *MANAGER_DUTIES, "tolerate"],
        ),
        (
            {"behaviours": ["insults"], "impact": 5, "repeated": False, "outside_work_hours": False},
            [
                "document", "contact_manager", "tell_colleagues", "register_safetynet", "police_report",
                "two_on_the_case",
            ],
            [*COLLEAGUE_SUPPORT, "police_report"],
            # The work-accident questions unanswered: the leader's open decision, dated by the registration.
            ["register_safetynet", "clarify_work_accident", *MANAGER_DUTIES, "police_report"],
        ),
        (
            {"danger_now": True, "behaviours": ["threats"], "impact": 6, "outside_work_hours": True, "treatment": True},
            EMPLOYEE_IN_DANGER_AFTER_HOURS,
            ["call_112", *COLLEAGUE_SUPPORT, "register_work_accident", "police_report"],
            ["call_112", "register_safetynet", "action_plan", "register_work_accident", *MANAGER_DUTIES,
             "police_report"],
        ),
    ],
)
def test_steps_for_each_role(answers, employee, colleague, manager):
    result = evaluate({"role": "employee", "incident_at": INCIDENT_AT, **answers}, NOW)
    assert step_ids(result, "employee") == employee
    assert step_ids(result, "colleague") == colleague
    assert step_ids(result, "manager") == manager


# --- Issue 12, point by point ---------------------------------------------------------------------------------


def step_text(result, step_id, role=None):
    return next(s["text"] for s in (result["steps_by_role"][role] if role else result["steps"]) if s["id"] == step_id)


def note_text(result, note_id):
    return next(n["text"] for n in result["notes"] if n["id"] == note_id)


@pytest.mark.parametrize("behaviour", ["criticism", "access_request", "recording"])
@pytest.mark.parametrize("field", ["absence", "treatment", "wants_work_accident"])
def test_1_a_work_accident_is_a_skal_whatever_happened(behaviour, field):
    answers = {
        "role": "manager",
        "behaviours": [behaviour],
        "recording_shared": False,
        "incident_at": INCIDENT_AT,
        "absence": False,
        "treatment": False,
        "wants_work_accident": False,
        field: True,
    }
    result = evaluate(answers, NOW)
    assert result["categories"] == ["protected_speech"]
    assert result["work_accident"] is True
    assert result["labels"]["work_accident"] == "Hændelsen SKAL anmeldes som en arbejdsulykke i SafetyNet."
    (deadline,) = result["deadlines"]
    assert deadline["id"] == "safetynet" and deadline["due_text"].startswith("så hurtigt som muligt og senest")
    reason = {"absence": "medarbejderen har fravær", "treatment": "der er et behandlingsbehov",
              "wants_work_accident": "medarbejderen ønsker sagen anmeldt"}[field]
    assert f"fordi {reason}" in step_text(result, "register_work_accident")


def test_1_the_work_accident_step_names_every_reason_that_applied_in_the_roles_words():
    result = by_name("threats_after_hours_in_danger")
    assert "fordi der er et behandlingsbehov –" in step_text(result, "register_work_accident")
    both = evaluate({**by_name("threats_after_hours_in_danger")["answers"], "absence": True}, NOW)
    assert "fordi du har fravær i forbindelse med chikanen og der er et behandlingsbehov" in step_text(
        both, "register_work_accident"
    )
    assert "fordi medarbejderen har fravær" in step_text(both, "register_work_accident", "manager")
    assert "fordi din kollega har fravær" in step_text(both, "register_work_accident", "colleague")


@pytest.mark.parametrize("role", ["employee", "colleague", "manager"])
@pytest.mark.parametrize("behaviours", [["threats"], ["criticism"]])
def test_1_three_nej_are_never_a_no(role, behaviours):
    # "SKAL ... anmeldes" for the three reasons, and "skal ... håndteres som psykisk vold og dermed en
    # arbejdsulykke" for what is experienced as offensive: three "Nej" leave it to the manager, never "not needed".
    answers = {"role": role, "behaviours": behaviours, "incident_at": INCIDENT_AT, "absence": False,
               "treatment": False, "wants_work_accident": False}
    result = evaluate(answers, NOW)
    assert result["work_accident"] is None
    assert result["labels"]["work_accident"] == texts.FLAG_LABELS["work_accident"]["null"]
    words = " ".join(every_result_text(result)).lower()
    assert "behøver ikke" not in words and "skal hændelsen ikke anmeldes" not in words
    (reason,) = result["reasons"]["work_accident"]
    assert reason["rule"] == "work_accident_no_reason" and "Lederen afgør" in reason["outcome"]
    if role == "manager":
        step = next(s for s in result["steps"] if s["id"] == "decide_work_accident")
        assert step["group"] == "within_registration_days" and "SKAL" in step["text"]
        assert "clarify_work_accident" not in step_ids(result)
    else:
        assert "afgør" in note_text(result, "reading_work_accident_reasons")
        assert "work_accident_unknown" not in note_ids(result)


@pytest.mark.parametrize("role", ["employee", "colleague", "manager"])
def test_1_ved_ikke_says_whom_to_ask(role):
    result = evaluate({"role": role, "behaviours": ["criticism"], "incident_at": INCIDENT_AT,
                       "absence": False, "treatment": False, "wants_work_accident": "unknown"}, NOW)
    assert result["work_accident"] is None
    assert result["labels"]["work_accident"] == texts.FLAG_LABELS["work_accident"]["null"]
    if role == "manager":
        # The manager's open decision is a dated step, not a note far down the page.
        step = next(s for s in result["steps"] if s["id"] == "clarify_work_accident")
        assert (step["group"], step["deadline"]) == ("within_registration_days", "safetynet")
        assert step["text"] == content.text("steps", "manager.clarify_work_accident")
        assert "work_accident_unknown" not in note_ids(result)
    else:
        assert note_text(result, "work_accident_unknown") == notes.NOTES["work_accident_unknown"].for_role(role)


def test_2_personalejura_always_and_an_undecided_recording_is_not_lawful():
    result = by_name("access_request_manager")
    # Lawful conduct only, and still the step that rests on the guideline's sentence about personalejura.
    assert step_text(result, "consult_hr") == content.text("steps", "manager.consult_hr")
    assert content.source("steps", "manager.consult_hr").quote.startswith(
        "Søg rådføring ved Personaleafdelingen i forhold til handlemuligheder"
    )
    recording = by_name("recording_shared_unknown_employee")
    assert "protected_speech" not in recording["categories"]
    police = next(d for d in recording["deadlines"] if d["id"] == "police_report")
    assert "voldsoffererstatningsloven" in police["label"]
    assert "offererstatningsloven" in [i["id"] for i in recording["legal_info"]]


def test_3_the_leaders_three_assessments_and_being_two():
    result = by_name("criticism_only_employee")
    for step in ("consider_contact_change", "contact_citizen", "contact_platform"):
        assert step_text(result, step, "manager").startswith("Vurdér, om det er relevant at")
    assert "Datatilsynet" in step_text(result, "datatilsynet", "manager")
    # The guideline's "skal", for every role that gets the step.
    for role in ("employee", "manager"):
        assert "skal benytte os af muligheden for at være to" in step_text(result, "two_on_the_case", role)


def test_4_the_72_hours_are_a_condition_for_compensation_for_all_harassment():
    insults = evaluate({"role": "employee", "behaviours": ["insults"], "incident_at": INCIDENT_AT}, NOW)
    assert "criminal" not in insults["categories"]
    police = next(d for d in insults["deadlines"] if d["id"] == "police_report")
    assert police["label"] == (
        "Eventuel politianmeldelse – en betingelse for erstatning efter voldsoffererstatningsloven"
    )
    assert "betingelse for at få erstatning efter voldsoffererstatningsloven" in step_text(insults, "police_report")


def test_4_when_the_72_hours_have_passed():
    result = by_name("accusations_both_deadlines_overdue")
    text = note_text(result, "police_report_passed")
    assert "stadig mulig" in text and "personalejura" in text and "med det samme" in text
    waived = next(i for i in result["legal_info"] if i["id"] == "compensation_condition_waived")
    assert waived["reference"] == content.text("legal", "compensation_condition_waived", "reference")
    assert "police_report_passed" not in note_ids(by_name("police_deadline_this_very_minute"))


def test_4_outside_working_hours_keeps_the_whole_sentence():
    text = step_text(by_name("threats_after_hours_in_danger"), "inform_manager_after_hours")
    assert text == (
        "Hvis du bliver udsat for digital chikane uden for arbejdstiden, skal du orientere din nærmeste leder "
        "efterfølgende. Vær opmærksom på, at en eventuel politianmeldelse skal ske inden for 72 timer, for at der "
        "kan blive tale om en eventuel erstatning efter voldsoffererstatningsloven."
    )


def test_5_a_date_without_time_in_the_window_is_undecided():
    result = by_name("insults_date_only_police_window_manager")
    police = next(d for d in result["deadlines"] if d["id"] == "police_report")
    assert police["overdue"] is None
    assert police["due_text"] == "senest torsdag 3. december 2026 kl. 24.00"
    assert police["latest"] == "2026-12-05T00:00:00+01:00"
    assert {"police_report_passed", "police_report_from_start_of_day"} <= set(note_ids(result))


@pytest.mark.parametrize("role", ROLES)
def test_7_the_action_plan_reading_is_stated_in_every_roles_result_where_it_decides(role):
    # Impact 6, not repeated: under "og" no plan, under the guide's "eller" a plan. The reading decides.
    answers = {**by_name("fake_profile_and_private_info_manager")["answers"], "role": role}
    result = evaluate(answers, NOW)
    assert result["action_plan"] is True
    reading = notes.NOTES["reading_action_plan_either"]
    assert note_text(result, "reading_action_plan_either") == reading.text
    assert (reading.basis, reading.source.anchor) == ("guideline", "handleplan")
    # One source for the reading's text: the manager's step does not repeat it.
    assert "»og«" not in step_text(result, "action_plan", "manager")
    # Where both hold, or neither can, the reading decides nothing and is not said.
    both = evaluate({**answers, "repeated": True}, NOW)
    neither = evaluate({**answers, "impact": 3, "repeated": False}, NOW)
    assert "reading_action_plan_either" not in note_ids(both) + note_ids(neither)


def test_10_criticism_and_harassment_lead_with_the_harassment():
    result = by_name("criticism_and_threats_impact_five_manager")
    assert result["categories"] == ["work_environment", "criminal", "protected_speech"]
    assert step_ids(result)[0] == "register_safetynet" and step_ids(result)[-1] == "tolerate"
    text = step_text(result, "tolerate")
    assert text.startswith("Den del, der er kritik") and "ikke, at det ikke må gå medarbejderen på" in text


def every_result_text(result) -> list[str]:
    texts_ = [s["text"] for steps in result["steps_by_role"].values() for s in steps]
    texts_ += [n["text"] for n in result["notes"]] + list(result["labels"]["categories"].values())
    texts_ += [r["outcome"] for fired in result["reasons"].values() for r in fired]
    return texts_ + [result["labels"]["action_plan"], result["labels"]["work_accident"]]


@pytest.mark.parametrize("scenario", SCENARIOS, ids=lambda s: s["name"])
def test_language(scenario):
    result = evaluate(scenario["answers"], scenario["now"])
    words = " ".join(every_result_text(result))
    assert "mulig strafbar" not in words.lower() and "1-10" not in words
    assert "kollegaer" not in words and "Registrer " not in words and "kl. 09:30" not in words
    assert '"' not in words  # the guide's own quotes are »…«
    employee = [s["text"] for s in result["steps_by_role"]["employee"]]
    if result["role"] == "employee":
        employee += [n["text"] for n in result["notes"]]
    assert not any("Spørg medarbejderen" in t or "med medarbejderen" in t for t in employee)
    if result["role"] == "manager":
        assert not any("medarbejderen og lederen" in n["text"] for n in result["notes"])
    # No label printed twice: a category's or a decision's reasons do not repeat its label.
    for category, label in result["labels"]["categories"].items():
        assert all(label not in r["outcome"] for r in result["reasons"][category])
    for decision in ("action_plan", "work_accident"):
        label = result["labels"][decision].split(".")[0]
        assert all(label not in r["outcome"] for r in result["reasons"][decision]), decision
    if "protected_speech" in result["categories"]:
        assert "kritik" not in result["labels"]["categories"]["protected_speech"].lower()
