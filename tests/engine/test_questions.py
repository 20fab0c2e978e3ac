"""The questions as data, the flow between them, and the form round trip."""

from collections import deque

import pytest

from wizard import AnswerError, content, validate
from wizard.conditions import WORK_ACCIDENT_ALL_NO, WORK_ACCIDENT_YES, Facts
from wizard.contract import BEHAVIOURS, FIELDS
from wizard.flow import asked, next_question, prune
from wizard.questions import (
    DONT_KNOW,
    NO,
    NOT_YET,
    QUESTIONS,
    QUESTIONS_BY_ID,
    YES,
    answer_label,
    form_values,
    parse_form,
    worded,
)

INCIDENT_AT = "2024-10-14T09:30"
WORK_ACCIDENT = ["absence", "treatment", "wants_work_accident"]
REGISTRATION = ["impact", "repeated"]
# Lawful conduct: the work-accident questions; impact and repetition only where a registration may come.
PROTECTED_ONLY = ["danger_now", "role", "behaviours", "incident_at", *WORK_ACCIDENT, *REGISTRATION]
HARASSMENT = ["danger_now", "role", "behaviours", "incident_at", "outside_work_hours", *WORK_ACCIDENT, *REGISTRATION]


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
        ("danger_now", [YES, NO]),
        ("recording_shared", [YES, NO, DONT_KNOW]),
        ("outside_work_hours", [YES, NO, DONT_KNOW]),
        ("colleague_knows", [YES, NO]),
        ("repeated", [YES, NO, DONT_KNOW]),
        ("absence", [YES, NO, DONT_KNOW]),
        # What the employee may not know yet, forty minutes after a threat.
        ("treatment", [YES, NO, NOT_YET]),
        ("wants_work_accident", [YES, NO, NOT_YET]),
    ],
)
def test_yes_no_questions_offer_ved_ikke_only_where_the_contract_allows_it(question_id, options):
    question = QUESTIONS_BY_ID[question_id]
    assert [(o.id, o.label) for o in question.options] == [(o.id, o.label) for o in options]
    assert [o.id for o in options] == ["yes", "no", "unknown"][: len(options)]


def test_behaviour_hints_quote_the_guideline_examples():
    hints = {o.id: o.hint for o in QUESTIONS_BY_ID["behaviours"].options}
    # The guideline's examples of insults are all insults, "racist" and "udøver af kriminelle handlinger" too.
    for example in ("er du fucking dum til dit arbejde", "magtbegærlige luder", "racist",
                    "udøver af kriminelle handlinger"):
        assert f"»{example}«" in hints["insults"]
    assert "»udøver af kriminelle handlinger«" not in hints["accusations"]
    assert "»sagsbehandleren er en skændsel for kommunen«" in hints["criticism"]
    assert "falsk profil på Facebook" in hints["fake_profile"]
    assert all(hints.values())
    assert not any('"' in hint for hint in hints.values())  # the guide's own quotes are »…«


def test_what_happened_lists_the_most_serious_first_and_lawful_conduct_last():
    options = [o.id for o in QUESTIONS_BY_ID["behaviours"].options]
    assert options[0] == "threats"
    assert options[-3:] == ["recording", "access_request", "criticism"]
    # A video of a meeting is findable as video, apart from a sound recording.
    assert "video" in options and options.index("video") < options.index("recording")


NO_ACCIDENT = {"absence": False, "treatment": False, "wants_work_accident": False}
RECORDING = ["danger_now", "role", "behaviours", "recording_shared", "incident_at", *WORK_ACCIDENT]


@pytest.mark.parametrize(
    "answers, expected",
    [
        ({}, PROTECTED_ONLY),
        ({"behaviours": ["criticism"]}, PROTECTED_ONLY),
        ({"behaviours": ["criticism"], **NO_ACCIDENT}, PROTECTED_ONLY[:-2]),
        ({"behaviours": ["criticism"], **NO_ACCIDENT, "wants_work_accident": "unknown"}, PROTECTED_ONLY),
        ({"behaviours": ["criticism"], **NO_ACCIDENT, "absence": True}, PROTECTED_ONLY),
        ({"behaviours": ["access_request", "criticism"], **NO_ACCIDENT}, PROTECTED_ONLY[:-2]),
        ({"behaviours": ["recording"], "recording_shared": False, **NO_ACCIDENT}, RECORDING),
        # Whether it was shared is not known: a registration may come, so impact and repetition are asked.
        ({"behaviours": ["recording"], "recording_shared": "unknown", **NO_ACCIDENT}, [*RECORDING, *REGISTRATION]),
        (
            {"behaviours": ["recording"], "recording_shared": True},
            [*RECORDING[:5], "outside_work_hours", *WORK_ACCIDENT, *REGISTRATION],
        ),
        ({"behaviours": ["threats"]}, HARASSMENT),
        ({"behaviours": ["threats"], "repeated": True}, [*HARASSMENT, "latest_incident_at"]),
        ({"behaviours": ["insults", "criticism"]}, HARASSMENT),
        # A colleague is asked whether they know; one who does not skips what only the employee can tell.
        ({"role": "colleague", "behaviours": ["insults"]}, [*HARASSMENT[:5], "colleague_knows", *HARASSMENT[5:]]),
        ({"role": "colleague", "behaviours": ["insults"], "colleague_knows": False},
         [*HARASSMENT[:5], "colleague_knows", "repeated"]),
    ],
)
def test_asked_when(answers, expected):
    assert [q.id for q in asked(answers)] == expected


def test_next_question_walks_in_order_and_ends():
    answers = {}
    seen = []
    values = {"danger_now": False, "role": "manager", "behaviours": ["recording"], "recording_shared": False}
    values |= {"incident_at": INCIDENT_AT, "absence": False, "treatment": "unknown", "wants_work_accident": False}
    values |= {"impact": 3, "repeated": True, "latest_incident_at": "2024-10-20"}
    while (question := next_question(answers)) is not None:
        seen.append(question.id)
        answers[question.id] = values[question.id]
    assert seen == [*RECORDING, *REGISTRATION, "latest_incident_at"]


def test_prune_drops_answers_of_questions_no_longer_asked():
    answers = {
        "role": "employee",
        "behaviours": ["threats", "recording"],
        "recording_shared": True,
        "incident_at": INCIDENT_AT,
        "outside_work_hours": False,
        "absence": False,
        "treatment": False,
        "wants_work_accident": False,
        "impact": 8,
    }
    assert prune(answers) == answers
    answers["behaviours"] = ["threats"]
    assert "recording_shared" not in prune(answers) and prune(answers)["impact"] == 8
    answers["behaviours"] = ["criticism"]
    # The work-accident questions are asked whatever happened, so their answers stay; with no work accident
    # there is nothing to register, so the impact and the hours go.
    assert prune(answers) == {
        "role": "employee", "behaviours": ["criticism"], "incident_at": INCIDENT_AT, **NO_ACCIDENT
    }
    # Lawful, but reported as a work accident: registered, so the impact is asked and stays.
    answers["absence"] = True
    assert prune(answers)["impact"] == 8 and "outside_work_hours" not in prune(answers)
    # A recording kept to the citizen is lawful: the questions about the harassment go too.
    answers.update(behaviours=["recording"], recording_shared=False, absence=False)
    assert set(prune(answers)) == {"role", "behaviours", "recording_shared", "incident_at", *WORK_ACCIDENT}


def test_conditions_read_only_earlier_answers():
    # prune() evaluates each condition on the earlier answers only; the full answers must agree.
    full = {
        "danger_now": True,
        "role": "colleague",
        "behaviours": ["insults", "recording"],
        "recording_shared": True,
        "incident_at": INCIDENT_AT,
        "outside_work_hours": True,
        "colleague_knows": True,
        "absence": True,
        "treatment": True,
        "wants_work_accident": True,
        "impact": 2,
        "repeated": True,
        "latest_incident_at": "2024-10-20",
    }
    for index, question in enumerate(QUESTIONS):
        earlier = {q.id: full[q.id] for q in QUESTIONS[:index]}
        assert question.asked_when(earlier) == question.asked_when(full), question.id


ROUTING = ("role", "behaviours", "recording_shared", "colleague_knows", "repeated")


def test_flow_graph_every_question_reachable_no_dead_ends():
    """Breadth-first over the answers: edges question -> next question (or the result), for every option.

    Every option of every reached question is tried; a state is explored further only if no
    earlier state had the same answered questions, the same questions asked and the same answers
    that route (see below), because then the routing ahead is the same.
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
            # The answers the conditions read decide the routing ahead (the work-accident answers by whether
            # one is "Ja", all are "Nej" or neither); the others (the hours, the impact, the dates) do not.
            read = tuple((k, repr(after[k])) for k in sorted(after) if k in ROUTING)
            accident = tuple(c(Facts(after)) for c in (WORK_ACCIDENT_YES, WORK_ACCIDENT_ALL_NO))
            signature = (tuple(sorted(after)), tuple(q.id for q in asked(after)), read, accident)
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
    assert {t for s, t in edges if s == "wants_work_accident"} == {"RESULT", "impact"}
    assert {t for s, t in edges if s == "repeated"} == {"RESULT", "latest_incident_at"}
    assert {t for s, t in edges if s == "colleague_knows"} == {"absence", "repeated"}
    assert ("latest_incident_at", "RESULT") in edges
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
        ("behaviours", {"behaviours": ["criticism", "threats", "criticism"]}, ["threats", "criticism"]),
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
        ("incident_at", {"incident_at": ["2024-10-14"], "incident_at_time": ["25:00"]}, "incident_at_time",
         content.text("messages", "form.time_format")),
        ("incident_at", {"incident_at": ["2024-10-14"], "incident_at_time": ["kl 9"]}, "incident_at_time",
         content.text("messages", "form.time_format")),
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


def test_a_latest_incident_before_the_first_gets_the_engines_message_on_that_question():
    first = {"incident_at": "2024-10-14T09:30"}
    form = {"latest_incident_at": ["2024-10-13"], "latest_incident_at_time": [""]}
    with pytest.raises(AnswerError) as caught:
        parse_form("latest_incident_at", form, answers=first)
    assert caught.value.field == "latest_incident_at"
    assert caught.value.message == content.text("messages", "form.before_first").format(
        first=answer_label("incident_at", first["incident_at"])
    )
    # The same day counts, with or without a time; and without the first, only the form itself is checked.
    assert parse_form("latest_incident_at", {"latest_incident_at": ["2024-10-14"]}, answers=first) == "2024-10-14"
    assert parse_form("latest_incident_at", form) == "2024-10-13"


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
    options = " ".join(f"{o.label} {o.hint}" for o in question.options)
    text = f"{question.label} {question.hint} {options}".lower()
    # Nor that "Påvirkningen er medarbejderens egen vurdering": it is the employee's own.
    assert "medarbejderen" not in text and "medarbejderens" not in text


@pytest.mark.parametrize("question_id", ["impact", "absence", "treatment", "wants_work_accident"])
@pytest.mark.parametrize("role", ["colleague", "manager"])
def test_a_colleague_or_a_manager_can_answer_ved_ikke_to_what_only_the_employee_knows(question_id, role):
    question = worded(QUESTIONS_BY_ID[question_id], {"role": role})
    assert "unknown" in [o.id for o in question.options]


def test_the_employee_knows_their_own_absence():
    assert "unknown" not in [o.id for o in worded(QUESTIONS_BY_ID["absence"], {"role": "employee"}).options]


@pytest.mark.parametrize("question_id", ["treatment", "wants_work_accident", "impact"])
def test_the_employee_may_not_know_yet(question_id):
    (unknown,) = [o for o in worded(QUESTIONS_BY_ID[question_id], {"role": "employee"}).options if o.id == "unknown"]
    entry = "impact.unknown" if question_id == "impact" else "answer.not_yet"
    assert unknown.label == content.text("options", entry, "employee_label")
    assert unknown.label != DONT_KNOW.label


def test_the_employee_may_not_know_whether_it_was_outside_work_hours():
    assert "unknown" in [o.id for o in worded(QUESTIONS_BY_ID["outside_work_hours"], {"role": "employee"}).options]


def test_a_colleague_is_asked_once_whether_they_know_what_only_the_employee_can_tell():
    for role in ("employee", "manager"):
        assert "colleague_knows" not in [q.id for q in asked({"role": role, "behaviours": ["insults"]})]
    skipped = asked({"role": "colleague", "behaviours": ["insults"], "colleague_knows": False})
    assert not {"impact", *WORK_ACCIDENT} & {q.id for q in skipped}
    assert "repeated" in [q.id for q in skipped]  # a colleague may have seen it happen again


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
