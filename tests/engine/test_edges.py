"""Time counts per incident, and every duty holds at the edges: each finding, shown fixed by a named path or answers.

The findings come from a legal reviewer and new users trying the guide on real cases. Each test names the path
(tests/harness/answer_paths.py) or the answers that show the finding fixed.
"""

import json
import re
from datetime import datetime, timedelta

import pytest

from tests.engine.scenarios import SCENARIOS
from tests.harness import answer_paths
from tests.html_tree import parse_html
from wizard import content, evaluate, export, flow, notes
from wizard.contract import ROLES
from wizard.deadlines import ends_at
from wizard.howto import howto_for
from wizard.screens.deadline_words import due_words, group_heading, open_first
from wizard.screens.result import result_screen
from wizard.screens.ui import UI
from wizard.session import Session, respond
from wizard.texts import POLICE_REPORT_LATEST_TEXT


def scenario_result(name: str, now: str | None = None) -> dict:
    scenario = next(s for s in SCENARIOS if s["name"] == name)
    return evaluate(scenario["answers"], now or scenario["now"])


def by_id(items, id):
    return next(item for item in items if item["id"] == id)


def note_ids(result, role=None) -> list[str]:
    if role is None:
        return [n["id"] for n in result["notes"]]
    return note_ids(evaluate({**result["answers"], "role": role}, result["evaluated_at"]))


def step_ids(result, role=None) -> list[str]:
    return [s["id"] for s in (result["steps_by_role"][role] if role else result["steps"])]


# --- Time: repeated harassment ----------------------------------------------------------------------------------


def test_a_series_counts_each_deadline_from_the_incident_it_belongs_to():
    # The colleague's series of e-mails: the first eight days before, the latest the day before.
    result = scenario_result("series_of_emails_colleague")
    deadlines = {d["id"]: d for d in result["deadlines"]}
    assert set(deadlines) == {"safetynet", "police_report", "safetynet_first", "police_report_first"}
    assert deadlines["police_report_first"]["due"] == "2024-10-17T09:00:00+02:00"  # 72 hours from the first
    assert deadlines["police_report"]["due"] == "2024-10-24T16:30:00+02:00"  # 72 hours from the latest
    assert deadlines["safetynet_first"]["due"] == "2024-10-24" and deadlines["safetynet"]["due"] == "2024-10-31"
    # The first e-mail's 72 hours have passed; yesterday's have not.
    assert (deadlines["police_report_first"]["overdue"], deadlines["police_report"]["overdue"]) == (True, False)
    assert [d["incident"] for d in (deadlines["police_report"], deadlines["police_report_first"])] == [
        "latest", "first",
    ]
    assert deadlines["police_report"]["incident_label"] == content.text("labels", "incident.latest").format(
        when="mandag 21. oktober 2024 kl. 16.30"
    )


def test_the_deadlines_still_open_come_first_and_every_incident_has_its_own():
    result = scenario_result("series_of_emails_colleague")
    shown = [d["id"] for d in open_first(result["deadlines"])]
    assert shown == ["police_report", "safetynet_first", "safetynet", "police_report_first"]
    html = result_screen(result, root="../")
    assert [li.attrs["data-deadline"] for li in parse_html(html).find_all("li", data_deadline=None)] == shown
    # Said plainly, with which earlier deadlines may have passed: the first's are marked, the ones between named.
    assert by_id(result["notes"], "several_incidents")["text"] == notes.NOTES["several_incidents"].text
    assert "police_report_passed" not in note_ids(result)  # the latest incident's 72 hours are still open
    assert "compensation_condition_waived" in [i["id"] for i in result["legal_info"]]


@pytest.mark.parametrize("role", ROLES)
def test_every_role_is_told_that_each_incident_has_its_own_deadlines(role):
    assert "several_incidents" in note_ids(scenario_result("series_of_emails_colleague"), role)


def test_a_step_is_dated_by_the_deadline_that_stands():
    result = scenario_result("series_of_emails_colleague")
    police = by_id(result["steps"], "police_report")
    # The first incident's 72 hours have passed: the step is dated by the latest's, still open.
    assert (police["group"], police["deadline"]) == ("within_police_report_hours", "police_report")
    # The first incident's registration is still open and comes first.
    registration = by_id(result["steps_by_role"]["manager"], "register_safetynet")
    assert registration["deadline"] == "safetynet_first"
    assert {"id": "within_registration_days", "deadline": "safetynet_first"} in evaluate(
        {**result["answers"], "role": "manager"}, result["evaluated_at"]
    )["step_groups"]
    # Once every deadline has passed, the last to pass dates the step.
    passed = scenario_result("series_all_passed_employee")
    assert by_id(passed["steps"], "register_safetynet")["deadline"] == "safetynet"
    assert all(d["overdue"] for d in passed["deadlines"])


def test_the_latest_incident_is_asked_only_when_the_harassment_is_repeated():
    asked = [q.id for q in flow.asked({"role": "employee", "behaviours": ["threats"], "repeated": False})]
    assert "latest_incident_at" not in asked
    assert flow.asked({"role": "employee", "behaviours": ["threats"], "repeated": True})[-1].id == "latest_incident_at"
    # A latest incident the guide does not ask for is left out, and said so.
    result = evaluate({**answer_paths.answers(answer_paths.EMPLOYEE_THREATENED), "latest_incident_at": "2024-10-25"},
                      "2024-10-26T09:00+02:00")
    assert result["ignored_answers"] == ["latest_incident_at"] and len(result["deadlines"]) == 2


def test_a_latest_incident_before_the_first_is_refused_on_its_screen_and_the_answer_waits():
    session = Session()
    now = datetime.fromisoformat("2024-10-22T10:00+02:00")
    for request in answer_paths.answer_requests(answer_paths.SERIES_OF_EMAILS_COLLEAGUE)[:-1]:
        reply = respond(session, request, now)
    assert reply["screen"] == "latest_incident_at"
    form = {"latest_incident_at": ["2024-10-13"], "latest_incident_at_time": ["12:00"]}
    reply = respond(session, {"action": "answer", "question": "latest_incident_at", "form": form}, now)
    assert reply["screen"] == "latest_incident_at" and "guide-error-summary" in reply["html"]
    message = content.text("messages", "form.before_first").format(first="mandag 14. oktober 2024 kl. 09.00")
    assert message in reply["html"].replace("&#x27;", "'")
    assert "latest_incident_at" not in session.answers
    # In the future: the engine's message on that question too.
    form = {"latest_incident_at": ["2024-10-23"], "latest_incident_at_time": [""]}
    reply = respond(session, {"action": "answer", "question": "latest_incident_at", "form": form}, now)
    assert content.text("messages", "form.future") in reply["html"]


# --- Time: group headings tell the truth ------------------------------------------------------------------------


MANAGER = answer_paths.answers(answer_paths.MANAGER_THREATS_ADDRESS_ABSENT)  # threats at 09.30 on 14 October


def headings(result) -> dict[str, str]:
    tree = parse_html(result_screen(result, root="../"))
    return {h.attrs["data-step-group"]: h.one(data_heading_text=None).text()
            for h in tree.find_all("h3", cls="guide-step-group")}


def test_a_group_of_a_deadline_is_headed_by_that_deadline_as_it_stands():
    # A day before: "Senest i morgen kl. 09.30", not "Inden 72 timer".
    result = evaluate(MANAGER, "2024-10-16T12:00+02:00")
    shown = headings(result)
    assert shown["within_police_report_hours"] == UI["group_due_police_report"].format(when="i morgen kl. 09.30")
    assert shown["within_registration_days"] == UI["group_due_safetynet"].format(when="torsdag 24. oktober 2024")
    assert shown["now"] == UI["group_now"] and shown["next_weeks"] == UI["group_next_weeks"]
    assert UI["group_within_police_report_hours"] not in shown.values()


def test_a_passed_deadline_says_to_do_it_anyway_where_the_guideline_still_wants_it():
    result = evaluate(MANAGER, "2024-10-28T12:00+01:00")  # both deadlines have passed
    shown = headings(result)
    assert shown["within_registration_days"] == UI["group_overdue_safetynet"]
    assert shown["within_police_report_hours"] == UI["group_overdue_police_report"]
    # The copied text and the calendar say the same.
    text = export.as_text(result).splitlines()
    assert f"{UI['group_overdue_safetynet']}:" in text and f"{UI['group_overdue_police_report']}:" in text
    calendar = export.calendar_file(result, datetime.fromisoformat(result["evaluated_at"]))["content"]
    unfolded = calendar.replace("\r\n ", "")
    assert "SUMMARY:" + UI["calendar_summary_overdue"].format(label="Registrering i SafetyNet") in unfolded
    assert UI["group_overdue_safetynet"] in unfolded


def test_the_copied_text_says_how_a_deadline_stands_when_it_is_copied():
    result = evaluate(MANAGER, "2024-10-16T12:00+02:00")
    later = datetime.fromisoformat("2024-10-17T10:00+02:00")  # copied the next day, after the police deadline
    text = export.as_text(result, later).splitlines()
    assert f"{UI['group_overdue_police_report']}:" in text
    assert UI["group_due_police_report"].format(when="torsdag 17. oktober 2024 kl. 09.30") + ":" not in text


def test_the_page_gets_each_headings_words_for_every_state():
    result = evaluate(MANAGER, "2024-10-16T12:00+02:00")
    tree = parse_html(result_screen(result, root="../"))
    heading = tree.one("h3", data_step_group="within_police_report_hours")
    states = json.loads(heading.attrs["data-heading-states"])
    (police,) = states["deadlines"]
    assert police["ends"] == ends_at(by_id(result["deadlines"], "police_report")).isoformat()
    assert police["relative"] == heading.one(data_heading_text=None).text()
    assert police["dated"] == UI["group_due_police_report"].format(when="torsdag 17. oktober 2024 kl. 09.30")
    assert (states["overdue"], states["undecided"]) == (UI["group_overdue_police_report"], UI["group_undecided"])
    # On paper the date stands instead of "i morgen".
    assert heading.one(data_heading_dated=None).text() == police["dated"]
    assert tree.one("h3", data_step_group="now").attrs.get("data-heading-states") is None


def test_a_heading_turns_when_its_deadline_passes_and_its_day_comes_nearer():
    result = evaluate(MANAGER, "2024-10-15T12:00+02:00")
    registration = by_id(result["deadlines"], "safetynet")
    end = ends_at(registration)
    start = datetime.fromisoformat("2024-10-15T12:00+02:00")
    for now in (start + timedelta(hours=h) for h in range(0, 24 * 12, 7)):
        heading = group_heading("within_registration_days", result["deadlines"], now)
        if now >= end:
            assert heading == UI["group_overdue_safetynet"], now
        else:
            assert heading == UI["group_due_safetynet"].format(when=due_words(registration["due"], now)), now


# --- Time: a date without a time --------------------------------------------------------------------------------


def test_a_date_without_a_time_shows_both_deadlines_in_plain_words():
    result = scenario_result("manager_address_published")  # first and latest known by their dates only
    for deadline in (d for d in result["deadlines"] if d["kind"] == "police_report"):
        assert deadline["counted_from_start_of_day"] and deadline["latest_text"]
        item = parse_html(result_screen(result, root="../")).one("li", data_deadline=deadline["id"])
        assert UI["counted_from_day"] in item.text()
        # How late it can be, once: beside the safe deadline, or in the status of one that may have passed.
        assert item.text().count(deadline["latest_text"]) == 1
        if deadline["overdue"] is not None:
            assert item.one(data_latest_text=None).text() == deadline["latest_text"]
    latest = by_id(result["deadlines"], "police_report")
    assert latest["latest_text"] == POLICE_REPORT_LATEST_TEXT.format(when="lørdag 26. oktober 2024 kl. 24.00")
    note = notes.NOTES["police_report_from_start_of_day"].text
    assert "Anmeld inden den sikre frist" not in note and "konkret vurdering" in note


# --- Time: the manager's open decisions are steps ---------------------------------------------------------------


def test_the_managers_open_decisions_are_dated_steps_in_the_managers_own_list():
    result = scenario_result("manager_open_decisions")
    assert (result["work_accident"], result["action_plan"]) == (None, None)
    for step_id in ("clarify_work_accident", "clarify_action_plan"):
        step = by_id(result["steps"], step_id)
        assert (step["group"], step["deadline"]) == ("within_registration_days", "safetynet")
        assert step["text"] == content.text("steps", f"manager.{step_id}")
        assert step["text"].startswith("Afklar med medarbejderen")
    # Not repeated as notes for the manager; the other roles are told who can answer.
    assert not {"work_accident_unknown", "impact_unknown", "repeated_unknown"} & set(note_ids(result))
    assert {"work_accident_unknown", "impact_unknown", "repeated_unknown"} <= set(note_ids(result, "colleague"))


# --- Duties: lawful conduct that is still a work accident -------------------------------------------------------


def test_lawful_criticism_that_is_a_work_accident_is_registered_with_the_1_to_10_and_the_action_plan():
    # Manager, criticism, impact 8, repeated, absence: the issue's own example.
    result = scenario_result("lawful_work_accident_manager")
    assert result["categories"] == ["protected_speech"]
    assert (result["work_accident"], result["action_plan"]) == (True, True)
    assert [r["rule"] for r in result["reasons"]["action_plan"]] == ["action_plan_impact", "action_plan_repeated"]
    assert "register_safetynet" in step_ids(result) and "action_plan" in step_ids(result)
    registration = by_id(result["steps"], "register_safetynet")["text"]
    assert "skala fra 1 til 10" in registration
    assert result["labels"]["action_plan"] == content.text("labels", "flag.action_plan.true")
    # Impact and repetition were asked on the way.
    assert {"impact", "repeated", "latest_incident_at"} <= {q.id for q in flow.asked(result["answers"])}
    assert "reading_action_plan_every_registration" in note_ids(result)


@pytest.mark.parametrize(
    "answers",
    [
        {"behaviours": ["access_request"], "absence": True},
        {"behaviours": ["recording"], "recording_shared": False, "wants_work_accident": True},
        {"behaviours": ["recording"], "recording_shared": "unknown"},
        {"behaviours": ["criticism"], "treatment": "unknown"},
    ],
    ids=["access_request", "unshared_recording", "sharing_not_known", "work_accident_not_known"],
)
def test_wherever_a_registration_happens_or_may_impact_and_repetition_are_asked(answers):
    base = {"role": "manager", "incident_at": "2024-10-14T10:00"}
    asked = [q.id for q in flow.asked({**base, **answers})]
    assert {"impact", "repeated"} <= set(asked)
    result = evaluate({**base, **answers, "impact": 7, "repeated": False}, "2024-10-15T09:00+02:00")
    assert "safetynet" in [d["id"] for d in result["deadlines"]]
    assert result["action_plan"] in (True, None)  # never "no" at impact 7
    registered = result["work_accident"] is True
    assert ("register_safetynet" in step_ids(result)) == registered


# --- Duties: wording that changes a duty ------------------------------------------------------------------------


def test_the_offensive_but_lawful_note_keeps_the_whole_sentence():
    result = scenario_result("criticism_only_employee")
    text = by_id(result["notes"], "protected_speech_offensive")["text"]
    assert "håndteres som psykisk vold og dermed en arbejdsulykke." in text
    assert "konkret vurdering" not in text


def test_the_work_accident_recognition_says_what_the_guideline_says():
    text = content.text("legal", "work_accident_recognition")
    assert "ifølge Arbejdsmiljøloven" in text and "intern" not in text


# --- Duties: what the guideline does not say --------------------------------------------------------------------


@pytest.mark.parametrize("role", ROLES)
def test_a_recording_that_may_have_been_shared_is_not_called_unlawful(role):
    result = evaluate({**answer_paths.answers(answer_paths.RECORDING_PERHAPS_SHARED), "role": role},
                      "2024-10-15T09:00+02:00")
    text = by_id(result["notes"], "recording_shared_unknown")["text"]
    assert text.startswith("Selve lydoptagelsen er ikke ulovlig efter Straffeloven")
    assert "er det ikke afgjort, at optagelsen er lovlig" not in text
    assert "for at der kan blive tale om en eventuel erstatning" in text
    if role == "colleague":
        assert "Kontakt forurettede kollegas leder" in text and "Fortæl din leder" not in text


def test_the_police_howto_starts_from_the_concrete_assessment():
    text = howto_for("police_report")["text"]
    assert "konkret vurdering" in text and "Anmeld derefter" not in text
    assert text.index("konkret vurdering") < text.index("114")


# --- Readings the owners must confirm ---------------------------------------------------------------------------


# Each reading's note (content/readings.yaml names it; tests/test_traceability.py checks that), and a path where the
# reading decides something.
READING_CASES = [
    ("reading_action_plan_either", "fake_profile_and_private_info_manager"),
    ("several_incidents", "series_of_emails_colleague"),
    ("reading_sharing_is_the_incident", "recording_published_manager"),
    ("police_report_from_start_of_day", "stalking_date_only_unknowns_colleague"),
    ("stalking_basis", "stalking_date_only_unknowns_colleague"),
    ("reading_police_report_all_harassment", "repeated_messages_colleague_work_accident"),
    ("reading_video", "video_of_a_meeting_employee"),
    ("reading_action_plan_every_registration", "lawful_work_accident_manager"),
    ("reading_work_accident_reasons", "recording_published_manager"),
]


@pytest.mark.parametrize("note, scenario", READING_CASES)
@pytest.mark.parametrize("role", ROLES)
def test_a_reading_is_stated_in_every_roles_result_where_it_decides_something(note, scenario, role):
    result = scenario_result(scenario)
    assert note in note_ids(result, role)


def test_a_reading_says_it_is_the_guides_reading():
    for note in {note for note, _ in READING_CASES}:
        assert notes.NOTES[note].text.startswith("Guidens læsning:")


# --- Language ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("scenario", SCENARIOS, ids=lambda s: s["name"])
def test_one_name_for_the_compensation_act_explained_once(scenario):
    result = evaluate(scenario["answers"], scenario["now"])
    texts = [s["text"] for steps in result["steps_by_role"].values() for s in steps]
    texts += [n["text"] for n in result["notes"]] + [d["label"] for d in result["deadlines"]]
    texts += [i["text"] + " " + i["reference"] for i in result["legal_info"]]
    official = [t for t in texts if re.search(r"(?<!volds)offererstatningsloven", t, re.I)]
    explained = [i["text"] + " " + i["reference"] for i in result["legal_info"] if i["id"] == "offererstatningsloven"]
    assert official == explained


def test_clock_times_are_written_kl_09_30():
    for text in (UI["time_hint"], content.text("messages", "form.time_format")):
        assert "kl. 09.30" in text and "09:30" not in text


# --- A refused answer is named on the field it belongs to -------------------------------------------------------


def refused_screen(question: str, form: dict):
    """The question's screen as the engine sends it back with ``form`` refused, parsed."""
    session = Session()
    now = datetime.fromisoformat("2024-10-22T10:00+02:00")
    for request in answer_paths.answer_requests(answer_paths.EMPLOYEE_THREATENED):
        if request.get("question") == question:
            break
        respond(session, request, now)
    reply = respond(session, {"action": "answer", "question": question, "form": form}, now)
    assert reply["screen"] == question and reply["refused"]["question"] == question
    return parse_html(reply["html"])


def described_by(screen, element) -> list[str]:
    """The ids an element's ``aria-describedby`` names, each checked to be on the screen."""
    ids = element.attrs.get("aria-describedby", "").split()
    assert all(screen.by_id(each) is not None for each in ids), ids
    return ids


@pytest.mark.parametrize(
    ("form", "refused", "accepted", "words"),
    [
        ({"incident_at": ["2024-10-14"], "incident_at_time": ["25:00"]}, "incident_at_time", "incident_at",
         content.text("messages", "form.time_format")),
        ({"incident_at": ["2024-10-23"], "incident_at_time": ["09:30"]}, "incident_at", "incident_at_time",
         content.text("messages", "form.future")),
    ],
)
def test_a_refused_date_or_time_is_marked_invalid_and_described_on_its_own_input(form, refused, accepted, words):
    screen = refused_screen("incident_at", form)
    wrong, right = screen.one("input", id=refused), screen.one("input", id=accepted)
    assert wrong.attrs.get("aria-invalid") == "true" and "aria-invalid" not in right.attrs
    message = screen.by_id(f"{refused}-error")
    assert f"{refused}-error" in described_by(screen, wrong)
    assert f"{accepted}-error" not in described_by(screen, right) and screen.by_id(f"{accepted}-error") is None
    assert words in message.text()
    # Under the field's own label, as GOV.UK places it, and read once: not also as the whole group's description.
    assert message.parent is wrong.parent and message.parent.one("label").attrs["for"] == refused
    assert f"{refused}-error" not in described_by(screen, screen.one("fieldset"))
    summary_link = screen.with_class("guide-error-summary")[0].one("a")
    assert summary_link.attrs["href"] == f"#{refused}"


def test_a_refused_choice_describes_the_group_of_options():
    screen = refused_screen("role", {})
    fieldset = screen.one("fieldset")
    assert "role-error" in described_by(screen, fieldset)
    assert screen.by_id("role-error").parent is fieldset
    assert not screen.find_all("input", aria_invalid=None)
