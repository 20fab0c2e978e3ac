"""What comes next: node by node (each answer to each question, the screen that follows), then path by path.

As GOV.UK's smart-answers tests its flows with ``assert_next_node``. The expectations are
the tables below; when a question's condition changes, change the rows it moves.
"""

from datetime import UTC, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.harness import answer_paths
from wizard import flow
from wizard.questions import QUESTIONS, form_values
from wizard.session import CHECK, RESULT, Session, respond

NOW = datetime(2024, 10, 26, 8, 0, tzinfo=UTC)
INCIDENT_AT = "2024-10-14T09:30"
LATEST_INCIDENT_AT = "2024-10-21T16:00"

# Answers so far, named for where they lead.
START = {}
DANGER_ANSWERED = {"danger_now": False}
ROLE_ANSWERED = {**DANGER_ANSWERED, "role": "manager"}
LAWFUL = {**ROLE_ANSWERED, "behaviours": ["access_request", "criticism"]}
LAWFUL_DATED = {**LAWFUL, "incident_at": INCIDENT_AT}
LAWFUL_NO_ACCIDENT_YET = {**LAWFUL_DATED, "absence": False, "treatment": False}
COLLEAGUE_LAWFUL = {**DANGER_ANSWERED, "role": "colleague", "behaviours": ["criticism"], "incident_at": INCIDENT_AT}
RECORDED = {**ROLE_ANSWERED, "behaviours": ["recording"]}
RECORDING_KEPT = {**RECORDED, "recording_shared": False}
RECORDING_MAYBE_SHARED = {**RECORDED, "recording_shared": "unknown"}
RECORDING_SHARED = {**RECORDED, "recording_shared": True}
HARASSED = {**ROLE_ANSWERED, "behaviours": ["threats"]}
REGISTERED = {**HARASSED, "incident_at": INCIDENT_AT}
OUTSIDE_ANSWERED = {**REGISTERED, "outside_work_hours": False}
ABSENCE_ANSWERED = {**OUTSIDE_ANSWERED, "absence": False}
TREATMENT_ANSWERED = {**ABSENCE_ANSWERED, "treatment": False}
WISH_ANSWERED = {**TREATMENT_ANSWERED, "wants_work_accident": False}
IMPACT_ANSWERED = {**WISH_ANSWERED, "impact": 6}
REPEATED_ANSWERED = {**IMPACT_ANSWERED, "repeated": True}

# For each question: (the answers before it, answers to it, the screen that follows each of them).
NEXT_SCREEN = {
    "danger_now": [(START, [True, False], "role")],
    "role": [(DANGER_ANSWERED, ["employee", "colleague", "manager"], "behaviours")],
    "behaviours": [
        (ROLE_ANSWERED, [["criticism"], ["access_request"], ["access_request", "criticism"]], "incident_at"),
        (ROLE_ANSWERED, [["recording"], ["recording", "criticism"]], "recording_shared"),
        (
            ROLE_ANSWERED,
            [
                ["threats"],
                ["private_info"],
                ["stalking"],
                ["surveillance"],
                ["racism"],
                ["accusations"],
                ["fake_profile"],
                ["video"],
                ["insults"],
                ["work_phone_messages"],
                ["threats", "criticism"],
            ],
            "incident_at",
        ),
        (ROLE_ANSWERED, [["threats", "recording"]], "recording_shared"),
    ],
    "recording_shared": [(RECORDED, [True, False, "unknown"], "incident_at")],
    "incident_at": [
        # Every incident is asked the work-accident questions, lawful or not (the guideline's SKAL has no condition).
        (LAWFUL, [INCIDENT_AT, "2024-10-14"], "absence"),
        (RECORDING_KEPT, [INCIDENT_AT], "absence"),
        (RECORDING_MAYBE_SHARED, [INCIDENT_AT], "absence"),
        (RECORDING_SHARED, [INCIDENT_AT], "outside_work_hours"),
        (HARASSED, [INCIDENT_AT, "2024-10-14"], "outside_work_hours"),
        # A colleague is first asked whether they know what only the harassed colleague can tell.
        ({k: v for k, v in COLLEAGUE_LAWFUL.items() if k != "incident_at"}, [INCIDENT_AT], "colleague_knows"),
    ],
    "outside_work_hours": [(REGISTERED, [True, False, "unknown"], "absence")],
    # "Ved du, om …?": a colleague who does not know skips the employee's own answers.
    "colleague_knows": [(COLLEAGUE_LAWFUL, [True], "absence"), (COLLEAGUE_LAWFUL, [False], "repeated")],
    # A manager may not know the employee's answers: "Ved ikke" is offered.
    "absence": [
        (OUTSIDE_ANSWERED, [True, False, "unknown"], "treatment"),
        (LAWFUL_DATED, [False], "treatment"),
    ],
    "treatment": [(ABSENCE_ANSWERED, [True, False, "unknown"], "wants_work_accident")],
    "wants_work_accident": [
        (TREATMENT_ANSWERED, [True, False, "unknown"], "impact"),
        # Lawful conduct: impact and repetition are asked where a registration happens (or may), and only there.
        (LAWFUL_NO_ACCIDENT_YET, [False], CHECK),
        (LAWFUL_NO_ACCIDENT_YET, [True, "unknown"], "impact"),
    ],
    "impact": [(WISH_ANSWERED, [*range(1, 11), "unknown"], "repeated")],
    "repeated": [(IMPACT_ANSWERED, [False, "unknown"], CHECK), (IMPACT_ANSWERED, [True], "latest_incident_at")],
    # Each incident has its own deadlines: a repeated one asks for the latest too.
    "latest_incident_at": [(REPEATED_ANSWERED, [LATEST_INCIDENT_AT, "2024-10-21"], CHECK)],
}
NODES = [
    (question_id, before, value, expected)
    for question_id, rows in NEXT_SCREEN.items()
    for before, values, expected in rows
    for value in values
]


def node_id(node) -> str:
    question_id, _, value, _ = node
    return f"{question_id}={value}"


def answer(question_id: str, value: object) -> dict:
    return {"action": "answer", "question": question_id, "form": form_values(question_id, value)}


def screen_of(position: flow.Position) -> str:
    return position.next.id if position.next else CHECK


def test_the_table_has_every_question_and_every_option():
    assert list(NEXT_SCREEN) == [q.id for q in QUESTIONS]
    for question in QUESTIONS:
        given_answers = [value for _, values, _ in NEXT_SCREEN[question.id] for value in values]
        if question.kind == "date_time":
            assert given_answers, question.id
            continue
        if question.kind == "multiple":
            alone = {value[0] for value in given_answers if len(value) == 1}
            assert alone == {o.id for o in question.options}, question.id
            continue
        chosen = {form_values(question.id, value)[question.id][0] for value in given_answers}
        assert chosen == {o.id for o in question.options}, question.id


@pytest.mark.parametrize("node", NODES, ids=node_id)
def test_next_node(node):
    question_id, before, value, expected = node
    assert screen_of(flow.position(before)) == question_id, "the answers before do not lead to the question"
    after = flow.position({**before, question_id: value})
    assert after.answers == {**before, question_id: value}
    assert screen_of(after) == expected
    following = after.after(question_id)
    assert (following.id if following else CHECK) == expected
    # The question before is the last one answered on the way here (the named answers are in question order).
    previous = after.previous(question_id)
    assert (previous.id if previous else None) == (list(before)[-1] if before else None)


@pytest.mark.parametrize("node", NODES, ids=node_id)
def test_next_screen_in_the_session(node):
    question_id, before, value, expected = node
    session = Session()
    session.answers = dict(before)
    reply = respond(session, answer(question_id, value), NOW)
    assert reply["screen"] == expected and "notice" not in reply
    assert session.answers == {**before, question_id: value}


# Whole paths: each answer in the order its screen comes, then the answers to check.
PATHS = {path.name: list(path.steps) for path in answer_paths.PATHS}


def walk(session: Session, path: list) -> dict:
    """Answer each screen of ``path`` in turn, checking that its screen is the one shown; the last reply."""
    reply = respond(session, {"action": "current"}, NOW)
    for question_id, value in path:
        assert reply["screen"] == question_id
        reply = respond(session, answer(question_id, value), NOW)
    return reply


def test_every_named_path_has_its_own_name():
    assert len(PATHS) == len(answer_paths.PATHS)


@pytest.mark.parametrize("name", PATHS)
def test_path(name):
    path = PATHS[name]
    assert [q.id for q in flow.position(dict(path)).asked] == [question_id for question_id, _ in path]
    session = Session()
    assert walk(session, path)["screen"] == CHECK
    assert respond(session, {"action": "confirm"}, NOW)["screen"] == RESULT
    assert session.result["answers"] == dict(path)


def test_changing_the_behaviours_from_the_check_screen_drops_or_asks_the_follow_up_questions():
    session = Session()
    walk(session, PATHS["threatened_in_danger"])
    incident_at = session.answers["incident_at"]
    assert respond(session, {"action": "change", "question": "behaviours"}, NOW)["screen"] == "behaviours"
    assert respond(session, answer("behaviours", ["criticism"]), NOW)["screen"] == CHECK
    work_accident = ["absence", "treatment", "wants_work_accident"]  # asked for every incident
    # A work accident is registered whatever happened: impact and repetition stay asked.
    registration = ["impact", "repeated"]
    assert list(session.answers) == ["danger_now", "role", "behaviours", "incident_at", *work_accident, *registration]

    respond(session, {"action": "change", "question": "behaviours"}, NOW)
    assert respond(session, answer("behaviours", ["recording"]), NOW)["screen"] == "recording_shared"
    # The time of the incident was answered before the change: only the new questions are asked.
    answered = {"incident_at", "absence", "treatment", "wants_work_accident", "impact", "repeated"}
    asked_now = [(q, v) for q, v in PATHS["recording_published_manager"][3:] if q not in answered]
    for (question_id, value), following in zip(asked_now, [*(q for q, _ in asked_now[1:]), CHECK], strict=True):
        assert respond(session, answer(question_id, value), NOW)["screen"] == following
    assert session.answers["incident_at"] == incident_at


def test_back_then_continue_goes_to_the_next_screen_and_keeps_the_later_answers():
    session = Session()
    walk(session, PATHS["recording_published_manager"][:7])
    assert respond(session, {"action": "show", "anchor": "trin-role"}, NOW)["screen"] == "role"
    assert respond(session, answer("role", "employee"), NOW)["screen"] == "behaviours"
    assert session.answers == {**dict(PATHS["recording_published_manager"][:7]), "role": "employee"}
    # A screen further on than the reader has come shows where the reader is.
    assert respond(session, {"action": "show", "anchor": "trin-impact"}, NOW)["screen"] == "treatment"


def test_position_says_which_questions_the_reader_can_be_on():
    position = flow.position({**REGISTERED, "impact": 6})  # an answer to a question further on is kept
    assert position.next.id == "outside_work_hours" and not position.complete
    assert position.answers == {**REGISTERED, "impact": 6}
    open_now = [q.id for q in QUESTIONS if position.is_open(q.id)]
    assert open_now == ["danger_now", "role", "behaviours", "incident_at", "outside_work_hours"]
    assert position.previous("danger_now") is None and position.previous("incident_at").id == "behaviours"
    assert position.after("incident_at").id == "outside_work_hours" and position.after("repeated") is None
    assert flow.position(dict(PATHS["criticism_only"])).complete


choices = {
    question_id: [value for _, values, _ in rows for value in values] for question_id, rows in NEXT_SCREEN.items()
}
any_answers = st.fixed_dictionaries({}, optional={q: st.sampled_from(v) for q, v in choices.items()})


@settings(max_examples=200, deadline=None)
@given(answers=any_answers)
def test_one_walk_keeps_what_is_asked_and_finds_the_next_question(answers):
    position = flow.position(answers)
    asked_ids = [q.id for q in position.asked]
    assert flow.position(position.answers) == position
    assert position.answers == {k: v for k, v in answers.items() if k in asked_ids}
    # The walk asks each condition once, of the earlier answers; the whole answers must agree.
    assert asked_ids == [q.id for q in QUESTIONS if q.asked_when(position.answers)]
    assert position.next == next((q for q in position.asked if q.id not in answers), None)
    assert position.complete == (position.next is None)
