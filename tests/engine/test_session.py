"""The browser session survives any request: a screen and a Danish notice, never an exception, no answer lost.

The page talks to ``wizard.session.handle`` only; these tests do the same, with requests a
page would never send (tampered, out of order, racing "Slet mine svar", not JSON at all)
and, with Hypothesis, any JSON message and sequences mixing real answers with garbage.
Every reply says whether the request was carried out and what the page keeps for the tab;
one ``replay`` of those steps brings a fresh session back to the same place.
"""

import json
import os
from contextlib import contextmanager
from datetime import UTC, datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.harness import answer_paths
from wizard import flow, session_state
from wizard import session as shell
from wizard.contract import AnswerError
from wizard.questions import QUESTIONS, QUESTIONS_BY_ID, form_values, parse_form
from wizard.screens.markup import problem_notice
from wizard.screens.ui import UI
from wizard.session import CHECK, RESULT, Session, handle

INCIDENT_AT = "2024-10-14T09:30"
THREATENED = answer_paths.answers(answer_paths.MANAGER_THREATENED_AT_WORK)
CRITICISM = answer_paths.answers(answer_paths.CRITICISM_ONLY)
HALFWAY = {k: THREATENED[k] for k in ("danger_now", "role", "behaviours", "incident_at")}
# Where a reader halfway through is, and a question further on: read from the flow, so these
# tests hold whichever conditions the questions have.
HALFWAY_SCREEN = flow.position(HALFWAY).next.id
FURTHER_ON = flow.position(HALFWAY).asked[-1].id
SCREENS = {*QUESTIONS_BY_ID, CHECK, RESULT}
# Modest by default (the suite also runs inside Pyodide); set ENGINE_EXAMPLES=5000 for a deeper search.
EXAMPLES = int(os.environ.get("ENGINE_EXAMPLES", "200"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
FUZZ_SEQUENCES = settings(
    max_examples=max(1, EXAMPLES // 4), deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


@contextmanager
def session_with(answers: dict, result: bool = False):
    """The page's session, for the time of a test, holding ``answers`` (and their result)."""
    saved = shell._session
    shell._session = session = Session()
    session.answers = dict(answers)
    try:
        if result:
            assert send({"action": "confirm"})["screen"] == RESULT
        yield session
    finally:
        shell._session = saved


def send(message: object) -> dict:
    """The page's request as the worker passes it (JSON text), and the checked reply."""
    return check_reply(handle(json.dumps(message)))


def check_reply(text: str) -> dict:
    """A reply the page can use: JSON with a screen to show, a file to download, a text to copy, the drafts to
    show, or why a tool's request was not carried out (said beside its button; the screen stays)."""
    assert isinstance(text, str)
    text.encode("utf-8")  # valid Unicode: no lone surrogate got through
    reply = json.loads(text)
    assert isinstance(reply, dict)
    assert isinstance(reply["accepted"], bool)
    assert all(step["action"] in session_state.KEPT_ACTIONS for step in reply["steps"])
    if "download" in reply:
        assert set(reply["download"]) == {"filename", "mediaType", "content"}
    elif "copy" in reply:
        assert isinstance(reply["copy"], str) and reply["copy"]
    elif "drafts" in reply:
        assert isinstance(reply["drafts"], dict) and isinstance(reply["print"], str)
    elif "problem" in reply:
        assert reply["accepted"] is False and isinstance(reply["problem"], str) and reply["problem"]
    else:
        assert reply["screen"] in SCREENS
        assert reply["anchor"] == "trin-" + reply["screen"].replace("_", "-")
        assert isinstance(reply["title"], str) and reply["title"]
        assert isinstance(reply["html"], str) and reply["html"]
        if "notice" in reply:
            assert reply["html"].startswith(problem_notice(reply["notice"]))
            assert reply["accepted"] is False
        if "refused" in reply:
            assert reply["screen"] == reply["refused"]["question"] and reply["refused"]["message"] in reply["html"]
    return reply


def answer(question_id: str, value: object) -> dict:
    return {"action": "answer", "question": question_id, "form": form_values(question_id, value)}


# --- Requests the page would never send, one by one ---------------------------------------------

NOT_A_REQUEST = [
    "",
    "not json",
    "{",
    "null",
    "[]",
    "42",
    '"answer"',
    "{}",
    '{"action": 5}',
    '{"action": "launch"}',
    '{"action": ["answer"]}',
    '{"action": "answer"}',
    '{"action": "answer", "question": "nope", "form": {}}',
    '{"action": "answer", "question": ["role"], "form": {"role": ["manager"]}}',
    '{"action": "answer", "question": "impact", "form": ["6"]}',
    '{"action": "answer", "question": "impact", "form": "6"}',
    '{"action": "change", "question": 7}',
    '{"action": "change"}',
    '{"action": "show", "screen": {"id": "check"}}',
    '{"action": "show", "anchor": 12}',
    "[" * 5000 + "]" * 5000,
]


@pytest.mark.parametrize("text", NOT_A_REQUEST, ids=range(len(NOT_A_REQUEST)))
def test_a_request_that_makes_no_sense_gets_the_current_screen_with_a_notice(text):
    with session_with(HALFWAY) as session:
        reply = check_reply(handle(text))
        assert session.answers == HALFWAY
    assert reply["screen"] == HALFWAY_SCREEN
    assert reply["notice"] == UI["notice_bad_request"]
    assert 'role="alert"' in reply["html"] and "data-guide-focus" in reply["html"]


def test_a_request_too_long_to_be_the_pages_is_refused_beside_its_button_and_changes_nothing():
    # E.g. a copy of a note far beyond what the page's fields take: the reader is told, and loses nothing.
    too_long = json.dumps({"action": "copy", "case": {"note": {"what": "x" * shell.MAX_REQUEST}}})
    with session_with(THREATENED, result=True) as session:
        before = session.steps()
        reply = check_reply(handle(too_long))
        assert session.steps() == before and session.result is not None
    assert reply["problem"] == UI["notice_too_long"] and reply["steps"] == before


def test_a_tampered_option_is_refused_on_its_question_with_the_question_named():
    with session_with(HALFWAY) as session:
        reply = send({"action": "answer", "question": HALFWAY_SCREEN, "form": {HALFWAY_SCREEN: ["maybe"]}})
        assert session.answers == HALFWAY
    assert reply["screen"] == HALFWAY_SCREEN and reply["title"].startswith("Fejl:")
    assert f"»{QUESTIONS_BY_ID[HALFWAY_SCREEN].label}«" in reply["html"] and "notice" not in reply


def test_an_answer_out_of_order_is_not_kept_and_the_notice_names_the_question():
    with session_with(HALFWAY) as session:
        reply = send(answer(FURTHER_ON, True))
        assert session.answers == HALFWAY
    assert reply["screen"] == HALFWAY_SCREEN
    assert reply["notice"] == UI["notice_not_asked"].format(question=QUESTIONS_BY_ID[FURTHER_ON].label)


def test_an_answer_to_a_question_the_answers_do_not_ask_is_not_kept():
    with session_with(CRITICISM) as session:
        reply = send(answer("recording_shared", True))  # no recording was chosen
        assert session.answers == CRITICISM
    assert reply["screen"] == CHECK and QUESTIONS_BY_ID["recording_shared"].label in reply["notice"]


def test_an_answer_racing_slet_mine_svar_is_not_kept():
    with session_with(THREATENED) as session:
        cleared = send({"action": "clear"})
        reply = send(answer(FURTHER_ON, True))
        assert session.answers == {}
    assert cleared["screen"] == reply["screen"] == QUESTIONS[0].id
    assert QUESTIONS_BY_ID[FURTHER_ON].label in reply["notice"]


def test_a_change_of_a_question_not_asked_keeps_the_check_screen():
    with session_with(CRITICISM) as session:
        reply = send({"action": "change", "question": "recording_shared"})
        assert session.answers == CRITICISM and not session.changing
    assert reply["screen"] == CHECK
    label = QUESTIONS_BY_ID["recording_shared"].label
    assert reply["notice"] == UI["notice_not_changeable"].format(question=label)


def test_see_the_result_before_every_answer_is_given_shows_the_next_question():
    with session_with(HALFWAY) as session:
        reply = send({"action": "confirm"})
        assert session.result is None
    assert reply["screen"] == HALFWAY_SCREEN and reply["notice"] == UI["notice_incomplete"]


@pytest.mark.parametrize("action", ["calendar", "copy"])
def test_calendar_and_copy_without_a_result_say_there_is_none_yet(action):
    with session_with(THREATENED) as session:
        reply = send({"action": action})
        assert session.answers == THREATENED
    assert reply["screen"] == CHECK and reply["notice"] == UI["notice_no_result"]


def test_calendar_without_deadlines_says_so_on_the_result():
    with session_with(CRITICISM, result=True):
        reply = send({"action": "calendar"})
    assert reply["screen"] == RESULT and reply["notice"] == UI["notice_no_deadlines"]
    with session_with(THREATENED, result=True):
        assert send({"action": "calendar"})["download"]["filename"].endswith(".ics")


def test_show_of_a_screen_that_is_not_there_shows_the_current_one_without_a_notice():
    with session_with(HALFWAY):
        for wrong in ({}, {"anchor": "trin-nowhere"}, {"screen": RESULT}, {"screen": "wants_work_accident"}):
            reply = send({"action": "show", **wrong})
            assert reply["screen"] == HALFWAY_SCREEN and "notice" not in reply


@pytest.mark.parametrize("root", [None, 1e999, ["../"], "../" * 100])
def test_a_root_that_is_no_path_is_replaced_by_the_guide_pages(root):
    with session_with(HALFWAY):
        reply = send({"action": "current", "root": root})
    assert reply["screen"] == HALFWAY_SCREEN and "notice" not in reply
    assert 'href="../retningslinje/' in reply["html"]


def test_lone_surrogates_never_reach_the_reply():
    # JSON can carry half a UTF-16 pair; the reply must still be valid Unicode (send() checks it).
    with session_with(HALFWAY) as session:
        assert 'href="?../' in send({"action": "current", "root": "\ud800../"})["html"]
        reply = send({"action": "answer", "question": "incident_at", "form": {"incident_at": ["2024-10-\udc00"]}})
        assert reply["title"].startswith("Fejl:") and 'value="2024-10-?"' in reply["html"]
        assert session.answers == HALFWAY


# --- The steps kept for the tab, and one replay of them ------------------------------------------

STEPS = answer_paths.answer_requests(answer_paths.MANAGER_ADDRESS_PUBLISHED)
# A clock time that did not exist in Denmark (summer time began at 02:00): only the engine can tell.
NO_SUCH_TIME = {"incident_at": ["2024-03-31"], "incident_at_time": ["02:30"]}


def replay(steps: list, anchor: str | None = None) -> tuple[Session, dict]:
    """A fresh session given ``steps`` in one replay request, and the reply."""
    with session_with({}) as session:
        reply = send({"action": "replay", "steps": steps, "anchor": anchor})
    return session, reply


def test_one_replay_takes_every_kept_step_and_shows_the_screen_in_the_address():
    session, reply = replay(STEPS, shell.screen_anchor(CHECK))
    assert session.answers == answer_paths.answers(answer_paths.MANAGER_ADDRESS_PUBLISHED)
    assert (reply["screen"], reply["accepted"]) == (CHECK, True)
    assert reply["replayed"] == {"taken": len(STEPS), "dropped": 0}
    assert reply["steps"] == STEPS
    # The same steps again (a retry after a fault) give the same reply.
    assert replay(STEPS, shell.screen_anchor(CHECK))[1] == reply


def test_a_replay_shows_where_the_answers_lead_when_the_address_names_no_screen_they_reach():
    for anchor in (None, "trin-nowhere", shell.screen_anchor(RESULT)):
        assert replay(STEPS[:4], anchor)[1]["screen"] == STEPS[4]["question"]
    assert replay([*STEPS, {"action": "confirm"}])[1]["screen"] == RESULT


def test_a_kept_answer_the_engine_refuses_waits_with_the_steps_behind_it_until_answered_again():
    before = [step for step in STEPS if step["question"] in ("danger_now", "role", "behaviours")]
    behind = [step for step in STEPS if step["question"] in ("outside_work_hours", "impact")]
    refused = {"action": "answer", "question": "incident_at", "form": NO_SUCH_TIME}
    with session_with({}) as session:
        reply = send({"action": "replay", "steps": [*before, refused, *behind], "anchor": "trin-impact"})
        assert reply["screen"] == "incident_at" and reply["accepted"] is False
        with pytest.raises(AnswerError) as error:
            parse_form("incident_at", NO_SUCH_TIME)
        refused_as = {"question": "incident_at", "field": error.value.field, "message": error.value.message}
        assert reply["refused"] == refused_as
        assert 'value="02:30"' in reply["html"]
        assert reply["replayed"] == {"taken": len(before), "dropped": 0}
        assert reply["steps"] == [*before, refused, *behind]
        # Answered again: on to the screen the answer leads to, with the answers that waited filled in.
        reply = send({"action": "answer", "question": "incident_at", "form": {"incident_at": ["2024-10-14"]}})
        assert reply["screen"] == "outside_work_hours" and reply["accepted"] is True
        assert 'value="no" checked' in reply["html"]
        assert [step["question"] for step in reply["steps"]] == [
            "danger_now", "role", "behaviours", "incident_at", "outside_work_hours", "impact"
        ]
        assert session.answers["impact"] == 3 and not session.waiting


def test_a_later_answer_to_the_refused_question_takes_its_place():
    # E.g. kept by an older build that had another option, then answered again before Python was ready.
    old = {"action": "answer", "question": "behaviours", "form": {"behaviours": ["no_such_behaviour"]}}
    session, reply = replay([*STEPS[:2], old, STEPS[2]], "trin-incident-at")
    assert (reply["screen"], reply["accepted"], "refused" in reply) == ("incident_at", True, False)
    assert reply["steps"] == STEPS[:3]


def test_a_kept_step_the_engine_cannot_use_is_left_out_and_the_rest_are_taken():
    unusable = [
        {"action": "answer", "question": "no_such_question", "form": {"no_such_question": ["1"]}},
        {"action": "answer", "question": "impact"},
        {"action": "answer", "question": "impact", "form": None},
        {"action": "launch"},
        "garbage",
        {"action": "confirm"},  # not every question is answered yet
    ]
    session, reply = replay([STEPS[0], *unusable, STEPS[1]], "trin-behaviours")
    assert session.answers == {"danger_now": False, "role": "manager"}
    assert reply["replayed"] == {"taken": 2, "dropped": len(unusable)} and reply["accepted"] is False
    assert (reply["screen"], reply["steps"]) == ("behaviours", STEPS[:2])


def test_a_change_under_way_and_the_result_are_kept_and_replayed():
    with session_with(THREATENED, result=True) as session:
        kept = send({"action": "change", "question": "impact"})["steps"]
        assert kept[-2:] == [{"action": "confirm"}, {"action": "change", "question": "impact"}]
    session, reply = replay(kept, "trin-impact")
    assert (reply["screen"], session.changing, session.result is not None) == ("impact", "impact", True)
    with session_with(THREATENED, result=True):
        kept = send({"action": "current"})["steps"]
    assert replay(kept, shell.screen_anchor(RESULT))[1]["screen"] == RESULT


@pytest.mark.parametrize("message", [{"steps": "x"}, {"steps": {}}, {"steps": [], "anchor": 5}])
def test_a_replay_that_is_not_one_changes_nothing(message):
    with session_with(HALFWAY) as session:
        reply = send({"action": "replay", **message})
        assert session.answers == HALFWAY
    assert reply["notice"] == UI["notice_bad_request"] and reply["accepted"] is False


# --- The engine's own errors ----------------------------------------------------------------------


def test_an_error_of_the_engine_keeps_the_answers_and_is_logged_for_the_console(monkeypatch, capsys):
    def broken(*args, **kwargs):
        raise RuntimeError("rules table broken")

    monkeypatch.setattr(session_state, "evaluate", broken)
    with session_with(THREATENED) as session:
        reply = send({"action": "confirm"})
        assert session.answers == THREATENED
    assert reply["screen"] == CHECK and reply["notice"] == UI["notice_internal"]
    logged = capsys.readouterr().err
    assert "RuntimeError('rules table broken')" in logged and "wizard/session_state.py" in logged


def test_a_result_that_cannot_be_drawn_falls_back_to_the_answers_to_check(monkeypatch, capsys):
    def broken(*args, **kwargs):
        raise KeyError("labels")

    monkeypatch.setattr(shell, "result_screen", broken)
    with session_with(THREATENED) as session:
        reply = send({"action": "confirm"})
        assert session.answers == THREATENED and session.result is None
        assert send({"action": "current"})["screen"] == CHECK
    assert reply["screen"] == CHECK and reply["notice"] == UI["notice_internal"]
    assert capsys.readouterr().err.count("KeyError('labels')") == 2


def test_when_no_screen_can_be_drawn_the_notice_is_shown_alone(monkeypatch, capsys):
    def broken(*args, **kwargs):
        raise ValueError("render")

    monkeypatch.setattr(shell, "question_screen", broken)
    with session_with(HALFWAY) as session:
        reply = json.loads(handle(json.dumps(answer("incident_at", "2024-10-13"))))
        assert session.answers == {**HALFWAY, "incident_at": "2024-10-13"}
    assert reply["screen"] == shell.PROBLEM and reply["notice"] == UI["notice_internal"]
    assert reply["html"] == problem_notice(reply["notice"])
    assert "ValueError('render')" in capsys.readouterr().err


def test_when_even_the_kept_steps_cannot_be_written_the_reply_leaves_them_out(monkeypatch, capsys):
    def broken(self):
        raise ValueError("steps")

    monkeypatch.setattr(Session, "steps", broken)
    with session_with(HALFWAY) as session:
        reply = json.loads(handle(json.dumps({"action": "current"})))
        assert session.answers == HALFWAY
    assert reply["screen"] == HALFWAY_SCREEN and reply["notice"] == UI["notice_internal"]
    assert "steps" not in reply and capsys.readouterr().err.count("ValueError('steps')") == 2


# --- Any message, and sequences of them (Hypothesis) ---------------------------------------------

ACTIONS = ["current", "answer", "confirm", "show", "change", "restart", "clear", "calendar", "copy", "replay"]
ANCHORS = ["trin-" + screen.replace("_", "-") for screen in sorted(SCREENS)]
OPTION_IDS = sorted({o.id for q in QUESTIONS for o in q.options} | {"2024-10-14", "09:30", "2024-13-40"})
FORM_KEYS = [*QUESTIONS_BY_ID, "incident_at_time", "latest_incident_at_time"]
# Every valid answer to each question: enough to walk every branch (behaviours: each alone, and two).
CHOICES = {
    q.id: (
        [INCIDENT_AT, "2024-10-14"]
        if q.kind == "date_time"
        else [[o.id] for o in q.options] + [["recording", "criticism"], ["threats", "recording"]]
        if q.kind == "multiple"
        else [parse_form(q.id, {q.id: [o.id]}) for o in q.options]
    )
    for q in QUESTIONS
}

# Strings as JSON carries them, lone surrogates included.
texts = st.text(st.one_of(st.characters(), st.sampled_from("\ud800\udbff\udc00\udfff")), max_size=20)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | texts,
    lambda children: st.lists(children, max_size=3) | st.dictionaries(texts, children, max_size=3),
    max_leaves=8,
)
forms = st.dictionaries(
    st.sampled_from(FORM_KEYS) | texts,
    st.lists(st.sampled_from(OPTION_IDS) | texts, max_size=3) | json_values,
    max_size=3,
)
kept_steps = st.fixed_dictionaries(
    {},
    optional={
        "action": st.sampled_from(session_state.KEPT_ACTIONS) | json_values,
        "question": st.sampled_from(list(QUESTIONS_BY_ID)) | json_values,
        "form": forms | json_values,
    },
)
requests = st.fixed_dictionaries(
    {},
    optional={
        "action": st.sampled_from(ACTIONS) | json_values,
        "question": st.sampled_from(list(QUESTIONS_BY_ID)) | json_values,
        "form": forms | json_values,
        "screen": st.sampled_from(sorted(SCREENS)) | json_values,
        "anchor": st.sampled_from(ANCHORS) | json_values,
        "root": st.sampled_from(["../", "./"]) | json_values,
        "steps": st.lists(kept_steps | json_values, max_size=6) | json_values,
    },
)
messages = requests | json_values
starts = st.sampled_from([({}, False), (HALFWAY, False), (CRITICISM, False), (THREATENED, False), (THREATENED, True)])


def check_no_answer_lost(before: dict, after: dict, message: object, reply: dict) -> None:
    """Only "Start forfra"/"Slet mine svar" forget answers; an answer taken may drop the ones it no longer asks."""
    action = message.get("action") if isinstance(message, dict) else None
    if action == "replay" and isinstance(message.get("steps"), list):
        assert after == flow.position(after).answers  # a replay starts afresh from the steps it is given
    elif action in ("restart", "clear"):
        assert after == {}
    elif action == "answer" and "notice" not in reply and after != before:
        changed = message["question"]
        asked = {q.id for q in flow.position(after).asked}
        assert {k: v for k, v in before.items() if k != changed and k in asked}.items() <= after.items()
    else:
        assert after == before


def check_the_kept_steps_bring_the_session_back(session: Session) -> None:
    """What the page keeps for the tab, replayed in a fresh session, is this session again."""
    fresh = Session()
    reply = shell.respond(fresh, {"action": "replay", "steps": session.steps()}, datetime.now(UTC))
    assert reply["replayed"]["dropped"] == 0
    state = (fresh.answers, fresh.changing, fresh.waiting, fresh.result is None)
    assert state == (session.answers, session.changing, session.waiting, session.result is None)
    assert reply["steps"] == session.steps()


@FUZZ
@given(start=starts, message=messages)
def test_any_json_message_gets_a_reply_and_loses_no_answer(start, message):
    answers, with_result = start
    with session_with(answers, result=with_result) as session:
        reply = send(message)
        check_no_answer_lost(answers, session.answers, message, reply)
        check_the_kept_steps_bring_the_session_back(session)


@FUZZ
@given(start=starts, text=st.text(max_size=200) | texts)
def test_any_text_gets_a_reply_and_loses_no_answer(start, text):
    answers, with_result = start
    with session_with(answers, result=with_result) as session:
        reply = check_reply(handle(text))
        assert session.answers == answers
    assert "screen" in reply


@FUZZ_SEQUENCES
@given(data=st.data())
def test_answers_mixed_with_garbage_are_all_kept(data):
    with session_with({}) as session:
        reply = send({"action": "current"})
        for _ in range(data.draw(st.integers(min_value=1, max_value=15), label="length")):
            before = dict(session.answers)
            question = QUESTIONS_BY_ID.get(reply.get("screen"))
            if question is not None and data.draw(st.booleans(), label="answer the screen"):
                value = data.draw(st.sampled_from(CHOICES[question.id]), label=question.id)
                message = answer(question.id, value)
                reply = send(message)
                assert session.answers[question.id] == value and "notice" not in reply
            else:
                message = data.draw(messages, label="garbage")
                reply = send(message)
            check_no_answer_lost(before, session.answers, message, reply)
            assert session.answers == flow.position(session.answers).answers
            check_the_kept_steps_bring_the_session_back(session)
