"""The result screen and the text export: most urgent first, the reader's own answers, escaped."""

import json
import re
from datetime import datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.harness import answer_paths
from tests.html_tree import parse_html
from wizard import export, flow, step_groups
from wizard.contract import ROLES
from wizard.guideline import IMPACT_MAX, IMPACT_MIN
from wizard.moments import COPENHAGEN
from wizard.questions import QUESTIONS_BY_ID
from wizard.result import evaluate
from wizard.screens.deadline_words import (
    URGENT_SECONDS,
    due_words,
    group_heading,
    open_first,
    time_left,
)
from wizard.screens.question import question_screen
from wizard.screens.result import grouped, result_screen
from wizard.screens.ui import UI
from wizard.steps import STEPS
from wizard.texts import MAY_BE_OVERDUE, POLICE_REPORT_LATEST_TEXT

NOW = "2024-10-15T12:00+02:00"
MANAGER = answer_paths.answers(answer_paths.MANAGER_THREATS_ADDRESS_ABSENT)


def label(behaviour: str) -> str:
    return next(o.label for o in QUESTIONS_BY_ID["behaviours"].options if o.id == behaviour)


def screen(result) -> "parse_html":
    return parse_html(result_screen(result, root="../"))


def positions(html: str, *needles: str) -> list[int]:
    found = [html.find(needle) for needle in needles]
    assert -1 not in found, dict(zip(needles, found, strict=True))
    return found


# When each step is due


def test_every_step_of_every_role_has_a_group_with_a_heading():
    for role in ROLES:
        for step in STEPS[role]:
            assert step_groups.GROUP_OF_STEP.get(step.id) in step_groups.GROUPS, (role, step.id)
    for group in step_groups.GROUPS:
        assert UI[f"group_{group}"]
    # Two groups belong to a deadline, and are headed by it as it stands.
    assert step_groups.DEADLINE_OF_GROUP == {
        "within_police_report_hours": "police_report", "within_registration_days": "safetynet",
    }
    for kind in step_groups.DEADLINE_OF_GROUP.values():
        assert "{when}" in UI[f"group_due_{kind}"] and UI[f"group_overdue_{kind}"]


def test_the_result_steps_carry_their_group_and_are_shown_under_it_in_group_order():
    result = evaluate(MANAGER, NOW)
    for step in result["steps"]:
        assert step["group"] == step_groups.GROUP_OF_STEP[step["id"]]
    tree = screen(result)
    headings = tree.find_all("h3", cls="guide-step-group")
    shown = [h.attrs["data-step-group"] for h in headings]
    assert shown == [g for g in step_groups.GROUPS if any(s["group"] == g for s in result["steps"])]
    for heading in headings:
        steps = heading.parent.children[heading.parent.children.index(heading) + 1]
        for item in steps.find_all("li", data_step=None):
            assert step_groups.GROUP_OF_STEP[item.attrs["data-step"]] == heading.attrs["data-step-group"]
    # Within a group, the checklist's own order.
    assert [s["id"] for _, steps in grouped(result["steps"]) for s in steps] == sorted(
        (s["id"] for s in result["steps"]),
        key=lambda id: (
            step_groups.GROUPS.index(step_groups.GROUP_OF_STEP[id]), [s["id"] for s in result["steps"]].index(id)
        ),
    )


# The order of the page


def test_the_page_reads_deadlines_then_steps_then_assessment_then_other_roles_then_the_stamp():
    html = result_screen(evaluate(MANAGER, NOW), root="../")
    summary, steps, assessment, others, stamp = positions(
        html, "data-summary", 'data-result-part="steps"', 'data-result-part="assessment"',
        'data-result-part="other-roles"', "guide-result__stamp",
    )
    assert summary < steps < assessment < others < stamp
    assert "Regelversion" not in html[:steps]


def test_the_police_deadline_comes_before_the_registration():
    result = evaluate(MANAGER, NOW)
    assert [d["id"] for d in result["deadlines"]] == ["safetynet", "police_report"]
    shown = [li.attrs["data-deadline"] for li in screen(result).find_all("li", data_deadline=None)]
    assert shown == ["police_report", "safetynet"]
    assert [d["id"] for d in open_first(result["deadlines"])] == shown


def test_a_deadline_that_may_have_passed_leads_when_it_runs_out_first_and_dates_its_steps():
    # The first incident a date only: its 72 hours may have passed; the latest incident's run for two days more.
    answers = {**MANAGER, "incident_at": "2024-10-12", "repeated": True, "latest_incident_at": "2024-10-14T10:00"}
    result = evaluate(answers, NOW)
    by_id = {d["id"]: d for d in result["deadlines"]}
    assert by_id["police_report_first"]["overdue"] is None and by_id["police_report"]["overdue"] is False
    shown = [li.attrs["data-deadline"] for li in screen(result).find_all("li", data_deadline=None)]
    assert shown[0] == "police_report_first"
    assert shown == [d["id"] for d in open_first(result["deadlines"])]
    assert shown.index("police_report") < shown.index("safetynet")
    # The police report's steps say to act now, not by the later incident's deadline.
    police = step_groups.WITHIN_POLICE_REPORT_HOURS
    assert group_heading(police, result["deadlines"], datetime.fromisoformat(NOW)) == UI["group_undecided"]


def test_no_deadlines_says_so_in_the_summary():
    answers = {"role": "colleague", "behaviours": ["criticism"], "incident_at": "2024-10-15", "colleague_knows": True,
               "absence": False, "treatment": False, "wants_work_accident": False}
    result = evaluate(answers, NOW)
    tree = screen(result)
    assert tree.one(data_summary=None).one("p", data_no_deadlines=None).text() == UI["no_deadlines"]
    assert not tree.find_all(data_guide_action="calendar")


# Deadlines as a stressed reader takes them in


@pytest.mark.parametrize(
    "due, words",
    [
        ("2024-10-15T14:00:00+02:00", "i dag kl. 14.00"),
        ("2024-10-16T09:30:00+02:00", "i morgen kl. 09.30"),
        ("2024-10-14T09:30:00+02:00", "i går kl. 09.30"),
        ("2024-10-18T09:30:00+02:00", "fredag 18. oktober 2024 kl. 09.30"),
        # Midnight is the end of the day before, never the next day's first minute.
        ("2024-10-18T00:00:00+02:00", "torsdag 17. oktober 2024 kl. 24.00"),
        ("2024-10-17T00:00:00+02:00", "i morgen kl. 24.00"),
        ("2024-10-16T00:00:00+02:00", "i dag kl. 24.00"),
        ("2024-10-15", "i dag"),
        ("2024-10-16", "i morgen"),
        ("2024-10-24", "torsdag 24. oktober 2024"),
    ],
)
def test_due_words(due, words):
    assert due_words(due, datetime.fromisoformat(NOW)) == words


def test_without_now_the_words_are_always_the_date():
    assert due_words("2024-10-15T14:00:00+02:00", None) == "tirsdag 15. oktober 2024 kl. 14.00"


@given(seconds=st.integers(min_value=-10**7, max_value=10**8))
def test_time_left_is_never_zero_and_has_at_most_two_units(seconds):
    words = time_left(seconds)
    assert not words.startswith("0 ")
    assert re.fullmatch(r"\d+ (døgn|timer?|minut(ter)?)( og [1-9]\d* (timer?|minut(ter)?))?|under 1 minut", words)


@pytest.mark.parametrize(
    "seconds, words",
    [(0, "under 1 minut"), (59, "under 1 minut"), (60, "1 minut"), (3600, "1 time"), (3660, "1 time og 1 minut"),
     (86400, "1 døgn"), (2 * 86400 + 3 * 3600 + 59, "2 døgn og 3 timer")],
)
def test_time_left(seconds, words):
    assert time_left(seconds) == words


def deadline_item(result, id: str):
    return screen(result).one("li", data_deadline=id)


def test_below_a_day_left_is_urgent_in_words_not_colour_alone():
    result = evaluate(MANAGER, "2024-10-16T12:00+02:00")  # 21.5 hours before the police deadline
    police = deadline_item(result, "police_report")
    assert police.attrs["data-state"] == "urgent"
    assert police.one(data_flag=None).text() == UI["flag_urgent"]
    assert police.one("time").attrs["datetime"] == "2024-10-17T09:30:00+02:00"
    assert police.one("time").text() == "senest i morgen kl. 09.30"
    assert police.one(data_countdown=None).text() == "21 timer og 30 minutter tilbage."
    # The date as well, for the printout and a page left open past midnight.
    assert police.one(data_due_text=None).attrs["data-due-text"] == result["deadlines"][1]["due_text"]
    registration = deadline_item(result, "safetynet")
    assert registration.attrs["data-state"] == "open" and registration.one(data_flag=None).text() == ""
    assert registration.attrs["data-ends-at"] == "2024-10-25T00:00:00+02:00"


def test_an_overdue_deadline_says_what_to_do():
    result = evaluate(MANAGER, "2024-10-18T12:00+02:00")
    police = deadline_item(result, "police_report")
    assert (police.attrs["data-state"], police.attrs["data-overdue"]) == ("overdue", "true")
    text = police.one(data_countdown=None).text()
    assert "overskredet" in text and "personalejura" in text and "tilbage" not in text
    assert police.one(data_flag=None).text() == UI["flag_overdue"]


def test_an_undecided_police_deadline_is_never_overdue_nor_zero_minutes():
    # A date without a time, read after its safe deadline and before its latest.
    result = evaluate({**MANAGER, "incident_at": "2024-10-14"}, "2024-10-17T12:00+02:00")
    latest_text = POLICE_REPORT_LATEST_TEXT.format(when="torsdag 17. oktober 2024 kl. 24.00")
    item = deadline_item(result, "police_report")
    assert (item.attrs["data-state"], item.attrs["data-overdue"]) == ("undecided", "null")
    text = item.one(data_countdown=None).text()
    assert text.startswith(MAY_BE_OVERDUE)
    # The latest moment is a date, not "i går": the sentence is printed and read later too.
    assert latest_text in text and "minutter tilbage" not in text
    assert item.attrs["data-latest"] == "2024-10-18T00:00:00+02:00"
    assert item.attrs["data-undecided-text"] == text
    assert item.one(data_flag=None).text() == UI["flag_urgent"]
    copied = export.as_text(result)
    assert MAY_BE_OVERDUE in copied and latest_text in copied
    # The group it dates says so too, on the screen and in the text.
    heading = screen(result).one("h3", data_step_group="within_police_report_hours")
    assert heading.one(data_heading_text=None).text() == UI["group_undecided"]
    assert f"{UI['group_undecided']}:" in copied.splitlines()


def test_the_countdown_words_are_the_engines_own():
    summary = screen(evaluate(MANAGER, NOW)).one(data_summary=None)
    words = json.loads(summary.attrs["data-countdown-words"])
    assert words.pop("urgent_seconds") == URGENT_SECONDS == 24 * 3600
    assert words == {key: UI[key] for key in words}
    assert summary.attrs["data-time-zone"] == COPENHAGEN.key
    assert summary.attrs["data-evaluated-on"] == "2024-10-15"


# Reasons in the reader's own words


def test_reasons_use_the_readers_answers_for_categories_and_both_decisions():
    answers = {**MANAGER, "repeated": True}
    tree = screen(evaluate(answers, NOW))
    plan = tree.one("li", data_decision="action_plan").text()
    assert f"Fordi du svarede 8 på skalaen fra {IMPACT_MIN} til {IMPACT_MAX}." in plan
    assert "Fordi du svarede ja til, at medarbejderen har oplevet digital chikane gentagne gange" in plan
    accident = tree.one("li", data_decision="work_accident").text()
    assert "Fordi du svarede ja til, at medarbejderen har fravær i forbindelse med chikanen." in accident
    environment = tree.one("li", data_category="work_environment").text()
    assert (
        f"Fordi du svarede »{label('threats')}« og »{label('private_info')}«" in environment
    )
    threats = tree.one("li", data_offence="threats").text()
    assert "Straffeloven § 266" in threats and "Fordi du svarede »Trusler« til »Hvad er der sket?«." in threats


def test_unknown_answers_are_said_as_unknown():
    result = evaluate({**MANAGER, "impact": "unknown", "repeated": "unknown"}, NOW)
    plan = screen(result).one("li", data_decision="action_plan").text()
    assert f"»Ved ikke« til »{QUESTIONS_BY_ID['impact'].label}«" in plan
    assert "»Ved ikke« til, om medarbejderen har oplevet digital chikane gentagne gange" in plan


def test_the_offences_are_under_the_criminal_category_with_the_legal_marking():
    criminal = screen(evaluate(MANAGER, NOW)).one("li", data_category="criminal")
    assert UI["offences_intro"] in criminal.text()
    offences = [li.attrs["data-offence"] for li in criminal.find_all("li", data_offence=None)]
    assert offences == ["private_affairs", "threats"]


# Copy, calendar and print


def test_each_confirmation_has_its_place_beside_its_button():
    tree = screen(evaluate(MANAGER, NOW))
    buttons = tree.find_all("button", data_guide_action=None)
    tools = [b for b in buttons if b.attrs["data-guide-action"] in ("calendar", "copy", "save", "csv")]
    assert {b.attrs["data-guide-action"] for b in tools} == {"calendar", "copy", "save", "csv"}
    for button in tools:
        (place,) = button.parent.find_all(data_guide_tool_status=button.attrs["data-guide-action"])
        assert place.parent is button.parent and place.attrs["role"] == "status"


def test_the_text_puts_every_line_under_its_own_heading():
    result = evaluate({**MANAGER, "behaviours": ["criticism", "accusations", "threats"]}, NOW)
    lines = export.as_text(result).splitlines()
    labels = result["labels"]["categories"]
    now = datetime.fromisoformat(result["evaluated_at"])
    groups = {g: group_heading(g, result["deadlines"], now, relative=False) + ":" for g in step_groups.GROUPS}
    subheadings = {f"{label}:" for label in labels.values()} | set(groups.values())
    sections = {}
    current = None
    for line in lines:
        if line.isupper() or line in subheadings:
            current = line
        sections.setdefault(current, []).append(line)
    criminal = sections[labels["criminal"] + ":"]
    assert [line for line in criminal if "Straffeloven" in line] == [
        f"- {o['label']} – {o['reference']}. Fordi du svarede »{b}« til »Hvad er der sket?«."
        for o, b in zip(result["offences"], (label("accusations"), label("threats")), strict=True)
    ]
    assert not any("Straffeloven" in line for line in sections[labels["protected_speech"] + ":"])
    plan = sections[UI["decisions"].upper()]
    assert "- Fordi du svarede 8 på skalaen fra 1 til 10." in plan
    # The headings come in the screen's order, the nearest deadline first.
    order = [line for line in lines if line.isupper()]
    assert order == [
        "FRISTER", "NÆSTE SKRIDT FOR DIG (LEDER)", "VÆR OPMÆRKSOM PÅ", "VURDERING", "HANDLEPLAN OG ARBEJDSULYKKE"
    ]
    deadlines = sections["FRISTER"]
    assert deadlines[1].startswith("- Eventuel politianmeldelse") and deadlines[2].startswith("- Registrering")
    # Each group under its heading; the deadline's groups headed by the deadline, as a date on paper.
    police = UI["group_due_police_report"].format(when="torsdag 17. oktober 2024 kl. 09.30")
    assert groups["within_police_report_hours"] == f"{police}:"
    for group in groups.values():
        assert all(line.startswith("[ ] ") for line in sections[group][1:] if line)
    assert lines[-1].startswith("Vurderet ") and "Regelversion" in lines[-1]


# Escaping


def test_every_text_of_the_result_is_escaped():
    result = evaluate(MANAGER, NOW)
    hostile = '<img src=x onerror="alert(1)">'
    result["labels"]["categories"]["criminal"] = hostile
    result["labels"]["action_plan"] = hostile
    result["deadlines"][0]["label"] = hostile
    result["deadlines"][0]["due_text"] = hostile
    result["steps"][0]["text"] = hostile
    result["reasons"]["work_accident"][0]["answers"][0]["label"] = hostile
    html = result_screen(result, root="../")
    assert "<img" not in html and "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in html


# The date field


def test_the_date_field_has_its_range_in_words_and_the_shortcuts():
    question = QUESTIONS_BY_ID["incident_at"]
    form = parse_html(question_screen(question, flow.position({}), root="../"))
    field = form.one("input", type="date")
    assert field.attrs["min"] == "2000-01-01" and field.attrs["data-guide-max-today"] == COPENHAGEN.key
    hint = form.by_id(field.attrs["aria-describedby"])
    assert hint.text() == "Vælg en dato fra 1. januar 2000 til og med i dag."
    shortcuts = form.find_all("button", data_guide_date_field="incident_at")
    assert [(b.text(), b.attrs["data-guide-days-ago"], b.attrs["type"]) for b in shortcuts] == [
        ("I dag", "0", "button"), ("I går", "1", "button"),
    ]


def test_the_relative_words_follow_the_evaluation_moment():
    later = datetime.fromisoformat(NOW) + timedelta(days=1)
    assert due_words("2024-10-16T09:30:00+02:00", later) == "i dag kl. 09.30"
