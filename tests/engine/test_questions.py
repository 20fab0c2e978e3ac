"""The questions as data, the flow between them, and the form round trip."""

from collections import deque

import pytest

from wizard import AnswerError, validate
from wizard.contract import BEHAVIOURS, FIELDS
from wizard.flow import asked, next_question, prune
from wizard.questions import (
    QUESTIONS,
    QUESTIONS_BY_ID,
    answer_label,
    form_values,
    parse_form,
    worded,
)

INCIDENT_AT = "2024-10-14T09:30"
WORK_ACCIDENT = ["absence", "treatment", "wants_work_accident"]
PROTECTED_ONLY = ["danger_now", "role", "behaviours", "incident_at", *WORK_ACCIDENT]
EVERY_QUESTION = list(FIELDS)


def choices(question):
    """Every answer value a question offers (one fixed date for the date question)."""
    if question.kind == "date_time":
        return [INCIDENT_AT]
    if question.kind == "multiple":
        # Each behaviour alone, and all of them: enough to take every branch (see test_evaluate for all subsets).
        return [[o.id] for o in question.options] + [[o.id for o in question.options]]
    return [parse_form(question.id, {question.id: [o.id]}) for o in question.options]


def test_questions_follow_the_contract():
    assert [q.id for q in QUESTIONS] == list(FIELDS)
    assert [o.id for o in QUESTIONS_BY_ID["behaviours"].options] == list(BEHAVIOURS)
    assert [o.id for o in QUESTIONS_BY_ID["impact"].options] == [str(n) for n in range(1, 11)] + ["unknown"]
    assert [o.id for o in QUESTIONS_BY_ID["role"].options] == ["employee", "colleague", "manager"]
    for question in QUESTIONS:
        assert question.kind in ("single", "multiple", "date_time", "scale")
        assert question.label and question.source.href
        assert (question.kind == "date_time") == (question.options == ())


@pytest.mark.parametrize(
    "question_id, options",
    [
        ("danger_now", ["yes", "no"]),
        ("recording_shared", ["yes", "no", "unknown"]),
        ("outside_work_hours", ["yes", "no"]),
        ("repeated", ["yes", "no", "unknown"]),
        ("absence", ["yes", "no", "unknown"]),
        ("treatment", ["yes", "no", "unknown"]),
        ("wants_work_accident", ["yes", "no", "unknown"]),
    ],
)
def test_yes_no_questions_offer_ved_ikke_only_where_the_contract_allows_it(question_id, options):
    question = QUESTIONS_BY_ID[question_id]
    assert [o.id for o in question.options] == options
    labels = {o.id: o.label for o in question.options}
    assert labels["yes"] == "Ja" and labels["no"] == "Nej" and labels.get("unknown", "Ved ikke") == "Ved ikke"


def test_behaviour_hints_quote_the_guideline_examples():
    hints = {o.id: o.hint for o in QUESTIONS_BY_ID["behaviours"].options}
    assert '"er du fucking dum til dit arbejde"' in hints["insults"]
    assert '"magtbegærlige luder"' in hints["insults"]
    assert '"sagsbehandleren er en skændsel for kommunen"' in hints["criticism"]
    assert '"racist"' in hints["accusations"]
    assert "falsk profil på Facebook" in hints["fake_profile"]
    assert all(hints.values())


@pytest.mark.parametrize(
    "answers, expected",
    [
        ({}, PROTECTED_ONLY),
        ({"behaviours": ["criticism"]}, PROTECTED_ONLY),
        ({"behaviours": ["criticism", "access_request"]}, PROTECTED_ONLY),
        (
            {"behaviours": ["recording"]},
            ["danger_now", "role", "behaviours", "recording_shared", "incident_at", *WORK_ACCIDENT],
        ),
        (
            {"behaviours": ["recording"], "recording_shared": "unknown"},
            ["danger_now", "role", "behaviours", "recording_shared", "incident_at", *WORK_ACCIDENT],
        ),
        ({"behaviours": ["recording"], "recording_shared": True}, EVERY_QUESTION),
        (
            {"behaviours": ["threats"]},
            [f for f in EVERY_QUESTION if f != "recording_shared"],
        ),
        ({"behaviours": ["criticism", "insults"]}, [f for f in EVERY_QUESTION if f != "recording_shared"]),
    ],
)
def test_asked_when(answers, expected):
    assert [q.id for q in asked(answers)] == expected


def test_next_question_walks_in_order_and_ends():
    answers = {}
    seen = []
    values = {"danger_now": False, "role": "manager", "behaviours": ["recording"], "recording_shared": False}
    values |= {"incident_at": INCIDENT_AT, "absence": False, "treatment": "unknown", "wants_work_accident": False}
    while (question := next_question(answers)) is not None:
        seen.append(question.id)
        answers[question.id] = values[question.id]
    assert seen == ["danger_now", "role", "behaviours", "recording_shared", "incident_at", *WORK_ACCIDENT]


def test_prune_drops_answers_of_questions_no_longer_asked():
    answers = {
        "role": "employee",
        "behaviours": ["recording", "threats"],
        "recording_shared": True,
        "incident_at": INCIDENT_AT,
        "impact": 8,
        "absence": True,
    }
    assert prune(answers) == answers
    answers["behaviours"] = ["threats"]
    assert "recording_shared" not in prune(answers) and prune(answers)["impact"] == 8
    answers["behaviours"] = ["criticism"]
    # The work-accident questions are asked whatever happened, so their answers stay.
    assert prune(answers) == {
        "role": "employee", "behaviours": ["criticism"], "incident_at": INCIDENT_AT, "absence": True
    }
    # A recording kept to the citizen is lawful: the questions about the harassment go too.
    answers.update(behaviours=["recording"], recording_shared=False)
    assert set(prune(answers)) == {"role", "behaviours", "recording_shared", "incident_at", "absence"}


def test_conditions_read_only_earlier_answers():
    # prune() evaluates each condition on the earlier answers only; the full answers must agree.
    full = {
        "danger_now": True,
        "role": "colleague",
        "behaviours": ["recording", "insults"],
        "recording_shared": True,
        "incident_at": INCIDENT_AT,
        "outside_work_hours": True,
        "impact": 2,
        "repeated": True,
        "absence": True,
        "treatment": True,
        "wants_work_accident": True,
    }
    for index, question in enumerate(QUESTIONS):
        earlier = {q.id: full[q.id] for q in QUESTIONS[:index]}
        assert question.asked_when(earlier) == question.asked_when(full), question.id


def test_flow_graph_every_question_reachable_no_dead_ends():
    """Breadth-first over the answers: edges question -> next question (or the result), for every option.

    Every option of every reached question is tried; a state is explored further only if no
    earlier state had the same answered questions and the same questions asked, because
    then the routing ahead is the same.
    """
    edges = set()
    results = 0
    queue = deque([{}])
    explored = set()
    while queue:
        answers = queue.popleft()
        question = next_question(answers)
        if question is None:
            results += 1
            validate(answers)  # every finished path is a complete, valid answers object
            continue
        for value in choices(question):
            after = {**answers, question.id: value}
            following = next_question(after)
            assert following is None or following.id != question.id, f"dead end at {question.id}"
            edges.add((question.id, following.id if following else "RESULT"))
            signature = (tuple(sorted(after)), tuple(q.id for q in asked(after)))
            if signature not in explored:
                explored.add(signature)
                queue.append(after)
    reachable = {"danger_now"} | {target for _, target in edges}
    assert reachable == set(FIELDS) | {"RESULT"}
    # Every question leads on: to a later question or to the result.
    for source, target in edges:
        assert target == "RESULT" or FIELDS.index(target) > FIELDS.index(source)
    assert {s for s, _ in edges} == set(FIELDS)
    assert ("incident_at", "absence") in edges and ("incident_at", "outside_work_hours") in edges
    assert ("wants_work_accident", "RESULT") in edges and {t for s, t in edges if s == "wants_work_accident"} == {
        "RESULT"
    }
    assert ("behaviours", "recording_shared") in edges and ("behaviours", "incident_at") in edges
    assert results > 0


@pytest.mark.parametrize(
    "question_id, form, value",
    [
        ("danger_now", {"danger_now": ["yes"]}, True),
        ("danger_now", {"danger_now": ["no"]}, False),
        ("recording_shared", {"recording_shared": ["unknown"]}, "unknown"),
        ("repeated", {"repeated": [" yes "]}, True),
        ("role", {"role": ["manager"]}, "manager"),
        ("behaviours", {"behaviours": ["threats", "criticism", "threats"]}, ["criticism", "threats"]),
        ("impact", {"impact": ["6"]}, 6),
        ("impact", {"impact": ["unknown"]}, "unknown"),
        ("incident_at", {"incident_at": ["2024-10-14"]}, "2024-10-14"),
        ("incident_at", {"incident_at": ["2024-10-14"], "incident_at_time": [""]}, "2024-10-14"),
        ("incident_at", {"incident_at": ["2024-10-14"], "incident_at_time": ["09:30"]}, "2024-10-14T09:30"),
        ("incident_at", {"incident_at": ["2024-10-14"], "incident_at_time": ["9.30"]}, "2024-10-14T09:30"),
    ],
)
def test_parse_form_and_back(question_id, form, value):
    assert parse_form(question_id, form) == value
    assert parse_form(question_id, form_values(question_id, value)) == value


@pytest.mark.parametrize(
    "question_id, form, field, words",
    [
        ("danger_now", {}, "danger_now", "»Er nogen i fare lige nu?«"),
        ("danger_now", {"danger_now": ["maybe"]}, "danger_now", "Vælg ét"),
        ("danger_now", {"danger_now": ["unknown"]}, "danger_now", "Vælg ét"),
        ("danger_now", {"danger_now": ["yes", "no"]}, "danger_now", "Vælg ét"),
        ("role", {"role": [""]}, "role", "»Hvem er du?«"),
        ("behaviours", {"behaviours": []}, "behaviours", "Vælg mindst ét"),
        ("behaviours", {"behaviours": ["threats", "nope"]}, "behaviours", "Vælg mindst ét"),
        ("impact", {"impact": ["11"]}, "impact", "Vælg ét"),
        ("impact", {"impact": ["5.5"]}, "impact", "Vælg ét"),
        ("incident_at", {}, "incident_at", "Skriv datoen"),
        ("incident_at", {"incident_at": ["14-10-2024"]}, "incident_at", "ÅÅÅÅ-MM-DD"),
        ("incident_at", {"incident_at": ["2024-02-30"]}, "incident_at", "findes ikke: februar 2024 har kun 29 dage"),
        ("incident_at", {"incident_at": ["2025-02-31"]}, "incident_at", "februar 2025 har kun 28 dage"),
        ("incident_at", {"incident_at": ["2025-04-31"]}, "incident_at", "april 2025 har kun 30 dage"),
        ("incident_at", {"incident_at": ["2025-13-01"]}, "incident_at", "måneden skal være fra 01 til 12"),
        ("incident_at", {"incident_at": ["2025-01-00"]}, "incident_at", "januar 2025 har kun 31 dage"),
        ("incident_at", {"incident_at": ["1999-12-31"]}, "incident_at", "fra 1. januar 2000 til i dag"),
        ("incident_at", {"incident_at": ["0000-01-01"]}, "incident_at", "fra 1. januar 2000 til i dag"),
        ("incident_at", {"incident_at": ["2024-10-14"], "incident_at_time": ["25:00"]}, "incident_at_time", "TT:MM"),
        ("incident_at", {"incident_at": ["2024-10-14"], "incident_at_time": ["kl 9"]}, "incident_at_time", "TT:MM"),
        (
            "incident_at",
            {"incident_at": ["2024-03-31"], "incident_at_time": ["02:30"]},
            "incident_at_time",
            "sommertid",
        ),
    ],
)
def test_parse_form_refuses_with_danish_message(question_id, form, field, words):
    with pytest.raises(AnswerError) as caught:
        parse_form(question_id, form)
    assert caught.value.field == field
    assert words in caught.value.message


def test_parse_form_refuses_a_future_incident():
    from wizard.moments import parse_now

    now = parse_now("2024-10-14T09:30")
    assert parse_form("incident_at", {"incident_at": ["2024-10-14"], "incident_at_time": ["09:30"]}, now)
    with pytest.raises(AnswerError) as caught:
        parse_form("incident_at", {"incident_at": ["2024-10-14"], "incident_at_time": ["09:31"]}, now)
    assert caught.value.field == "incident_at" and "fremtiden" in caught.value.message


def test_form_values_show_an_offset_time_in_danish_time():
    assert form_values("incident_at", "2024-10-14T07:30Z") == {
        "incident_at": ["2024-10-14"],
        "incident_at_time": ["09:30"],
    }


@pytest.mark.parametrize(
    "question_id, value, label",
    [
        ("danger_now", True, "Ja"),
        ("danger_now", False, "Nej"),
        ("repeated", "unknown", "Ved ikke"),
        ("impact", 7, "7"),
        ("impact", "unknown", "Ved ikke"),
        ("role", "colleague", "Jeg er kollega til en, der er udsat for chikane"),
        ("behaviours", ["threats", "fake_profile"], "Trusler, Falsk profil"),
        ("incident_at", "2024-10-14T09:30", "mandag 14. oktober 2024 kl. 09.30"),
        ("incident_at", "2024-10-14", "mandag 14. oktober 2024"),
        ("incident_at", "2024-12-31T23:30Z", "onsdag 1. januar 2025 kl. 00.30"),
    ],
)
def test_answer_label(question_id, value, label):
    assert answer_label(question_id, value) == label


# --- Wording for the chosen role --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "question_id, role, label",
    [
        ("impact", "employee", "Hvor påvirket er du på en skala fra 1 til 10?"),
        ("impact", "colleague", "Hvor påvirket er din kollega på en skala fra 1 til 10?"),
        ("impact", "manager", "Hvor påvirket er medarbejderen på en skala fra 1 til 10?"),
        ("repeated", "employee", "Har du oplevet digital chikane gentagne gange over et kort tidsrum?"),
        ("absence", "employee", "Har du fravær i forbindelse med chikanen?"),
        ("wants_work_accident", "employee", "Ønsker du sagen anmeldt som arbejdsulykke?"),
        ("wants_work_accident", "colleague", "Ønsker din kollega sagen anmeldt som arbejdsulykke?"),
        ("wants_work_accident", "manager", "Ønsker medarbejderen sagen anmeldt som arbejdsulykke?"),
    ],
)
def test_the_wording_fits_the_role(question_id, role, label):
    assert worded(QUESTIONS_BY_ID[question_id], {"role": role}).label == label


@pytest.mark.parametrize("question_id", ["impact", "repeated", "absence", "treatment", "wants_work_accident"])
def test_the_employee_is_never_told_to_ask_the_employee(question_id):
    question = worded(QUESTIONS_BY_ID[question_id], {"role": "employee"})
    text = f"{question.label} {question.hint}".lower()
    assert "medarbejderen" not in text and "spørg" not in text


@pytest.mark.parametrize("question_id", ["impact", "absence", "treatment", "wants_work_accident"])
@pytest.mark.parametrize("role", ["colleague", "manager"])
def test_a_colleague_or_a_manager_can_answer_ved_ikke_to_what_only_the_employee_knows(question_id, role):
    question = worded(QUESTIONS_BY_ID[question_id], {"role": role})
    assert "unknown" in [o.id for o in question.options]


@pytest.mark.parametrize("question_id", ["absence", "wants_work_accident"])
def test_the_employee_knows_their_own_absence_and_wish(question_id):
    assert "unknown" not in [o.id for o in worded(QUESTIONS_BY_ID[question_id], {"role": "employee"}).options]


def test_the_wish_hint_says_whom_to_ask():
    assert "Spørg medarbejderen" in worded(QUESTIONS_BY_ID["wants_work_accident"], {"role": "manager"}).hint.replace(
        "spørg", "Spørg"
    )
    assert "resultatet siger, hvem der kan spørge" in worded(
        QUESTIONS_BY_ID["wants_work_accident"], {"role": "colleague"}
    ).hint


def test_a_no_to_the_work_accident_questions_is_never_final():
    for question_id in ("absence", "treatment"):
        assert "senere" in QUESTIONS_BY_ID[question_id].hint
    assert "også senere" in worded(QUESTIONS_BY_ID["wants_work_accident"], {"role": "employee"}).hint


def test_which_moment_counts_is_explained():
    hint = QUESTIONS_BY_ID["incident_at"].hint
    assert "også hvis den først blev opdaget senere" in hint
    assert "er det delingen, der er hændelsen" in hint


def test_the_work_accident_questions_are_asked_whatever_happened():
    for behaviour in BEHAVIOURS:
        asked_ids = [q.id for q in asked({"role": "manager", "behaviours": [behaviour], "recording_shared": False})]
        assert set(WORK_ACCIDENT) <= set(asked_ids), behaviour


def test_112_in_the_first_question_is_marked_as_the_guides_own_advice():
    hint = QUESTIONS_BY_ID["danger_now"].hint
    assert "ring 112 først – det er guidens eget råd" in hint and "Retningslinjen siger" in hint
