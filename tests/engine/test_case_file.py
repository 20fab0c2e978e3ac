"""The saved case (issue 21): what the reader types, as the engine reads it from the page or a file; the file
"Gem sagen" writes, read back in a fresh session; and every file that cannot be opened, refused with a Danish
message that names what is wrong while nothing on the page changes."""

import json
from datetime import datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.harness import answer_paths
from wizard import case_file, content
from wizard.case_input import (
    FIELDS,
    LONG_MAX,
    PLAN_MAX_ROWS,
    ROWS,
    ROWS_MAX,
    SHORT_MAX,
    case_problem,
    clean_case,
    empty_case,
)
from wizard.reminders import REMINDER_IDS
from wizard.screens.markup import opened_notice
from wizard.screens.ui import UI
from wizard.session import MAX_REQUEST, RESULT, Session, respond

NOW = datetime.fromisoformat("2024-10-26T09:00+02:00")
MARKUP = '<script>alert("x")</script><img src=x onerror=alert(1)>'
CASE = {
    "statuses": {"care": "done", "register_safetynet": "in_progress"},
    "note": {"where": "Facebook", "address": "https://facebook.com/opslag/1", "what": f"Trussel {MARKUP}"},
    "registration": {"exposed": "Anna", "handler": "Lars", "measures": "Samtale"},
    "notice": {"platform": "Facebook", "why": "Privat adresse", "name": "Lars", "email": "lars@kommune.dk"},
    "plan": [{"what": "To på sagen", "who": "Leder", "by": "1.11.2024"}],
    "log": [{"address": "https://facebook.com/opslag/1", "profile": MARKUP, "reported": "yes"}],
    "reminders": ["wellbeing_month"],
}


def message(key: str, **values) -> str:
    return content.text("case", f"file.{key}").format(**values)


def session_with_result(path=answer_paths.MANAGER_THREATS_ADDRESS_ABSENT) -> Session:
    session = Session()
    for request in answer_paths.answer_requests(path):
        respond(session, request, NOW)
    assert respond(session, {"action": "confirm"}, NOW)["screen"] == RESULT
    return session


def saved(session: Session, case: dict = CASE, now: datetime = NOW) -> str:
    reply = respond(session, {"action": "save", "case": case}, now)
    assert reply["accepted"] and reply["announce"] == UI["saved"]
    return reply["download"]["content"]


def open_file(session: Session, text: str, name: str = "sag.json", size: int | None = None, now: datetime = NOW):
    size = len(text.encode()) if size is None else size
    return respond(session, {"action": "open", "file": {"name": name, "size": size, "text": text}}, now)


# --- What the reader types, read from the page ---------------------------------------------------------------


def test_a_case_is_kept_as_typed_and_anything_else_is_left_out():
    raw = {**CASE, "unknown": "x", "note": {**CASE["note"], "extra": "y"}, "statuses": {**CASE["statuses"],
           "care; DROP": "done", "police_report": "maybe"}, "reminders": ["wellbeing_month", "nope"]}
    case = clean_case(raw, REMINDER_IDS)
    assert case["note"]["what"] == CASE["note"]["what"] and "extra" not in case["note"] and "unknown" not in case
    assert case["statuses"] == CASE["statuses"]
    assert case["reminders"] == ["wellbeing_month"]
    assert case["plan"] == [{"what": "To på sagen", "who": "Leder", "by": "1.11.2024"}]
    assert case["log"][0]["reported"] == "yes" and case["log"][0]["file"] == ""


def test_nothing_from_the_page_is_ever_refused_only_cut_to_what_the_fields_take():
    case = clean_case({"note": {"where": "x" * 10_000, "what": "y" * 10_000}, "plan": [{}] * 100,
                       "log": [{"reported": "maybe"}], "statuses": "all done", "reminders": "yes"})
    assert len(case["note"]["where"]) == SHORT_MAX and len(case["note"]["what"]) == LONG_MAX
    assert len(case["plan"]) == PLAN_MAX_ROWS and case["log"][0]["reported"] == ""
    assert case["statuses"] == {} and case["reminders"] is None
    assert clean_case(None) == clean_case([1, 2]) == empty_case()
    assert clean_case({"note": {"what": "a\ud800b"}})["note"]["what"] == "a?b"


@given(st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=5),
    max_leaves=25,
))
@settings(max_examples=200, deadline=None)
def test_any_json_is_read_as_a_case_or_a_reason_naming_what_is_wrong(raw):
    case = clean_case(raw, REMINDER_IDS)
    json.dumps(case).encode("utf-8")
    assert case_problem(case, REMINDER_IDS) is None
    problem = case_problem(raw, REMINDER_IDS)
    assert problem is None or isinstance(problem, str)


def test_a_field_that_does_not_fit_is_named_with_where_it_stands():
    problem = case_problem({"log": [{}, {"profile": "x" * (SHORT_MAX + 1)}]})
    assert problem == content.text("case", "problem.too_long").format(
        field="Profil", where="Bevislog, Bevis 2", count=SHORT_MAX + 1, most=SHORT_MAX
    )
    assert "»Hvad blev skrevet eller gjort?«" in case_problem({"note": {"what": 5}})
    assert "»Anmeldt til platformen?«" in case_problem({"log": [{"reported": "måske"}]})
    assert "Handleplan" in case_problem({"plan": [{}] * (PLAN_MAX_ROWS + 1)})
    assert case_problem({"statuses": {"care": "finished"}}) == content.text("case", "problem.statuses")
    assert case_problem({}) is None  # a part not there (a file from before it existed) is empty


# --- The file "Gem sagen" writes --------------------------------------------------------------------------


def test_the_file_says_what_it_holds_where_to_keep_it_and_carries_its_format_and_the_rules_version():
    session = session_with_result()
    reply = respond(session, {"action": "save", "case": CASE}, NOW)
    download = reply["download"]
    assert download["filename"] == "digital-chikane-sag-2024-10-26.json" and download["mediaType"] == "application/json"
    data = json.loads(download["content"])
    assert list(data)[:3] == ["format", "about", "format_version"]
    assert data["format"] == case_file.FORMAT and data["format_version"] == case_file.FORMAT_VERSION
    assert data["about"] == case_file.ABOUT
    assert "personoplysninger" in data["about"] and "personalesagen" in data["about"]
    assert data["rules_version"] == session.result["rules_version"] and data["guideline"] == session.result["guideline"]
    assert data["saved_at"] == "2024-10-26T09:00:00+02:00"
    assert data["steps"] == session.steps()
    assert data["case"] == clean_case(CASE, REMINDER_IDS)
    assert data["result"] == case_file.result_summary(session.result)


def test_a_saved_case_opens_in_a_fresh_session_with_the_same_answers_result_and_case():
    first = session_with_result()
    text = saved(first)
    later = NOW + timedelta(days=2)
    fresh = Session()
    reply = open_file(fresh, text, now=later)
    assert reply["accepted"] and reply["screen"] == RESULT
    assert fresh.answers == first.answers and reply["steps"] == first.steps()
    assert reply["case"] == clean_case(CASE, REMINDER_IDS)
    # Made again at the moment it is opened: the same deadlines, counted to a later now.
    assert [d["due"] for d in fresh.result["deadlines"]] == [d["due"] for d in first.result["deadlines"]]
    assert datetime.fromisoformat(fresh.result["evaluated_at"]) == later
    # What the reader is told above the result: when it was saved; under the same rules, nothing more.
    notice = opened_notice([message("opened", when="lørdag 26. oktober 2024 kl. 09.00")])
    assert reply["html"].startswith(notice)
    assert reply["replayed"] == {"taken": len(first.steps()), "dropped": 0}


def test_a_case_saved_under_older_rules_opens_with_what_changed_in_the_result():
    session = session_with_result()
    data = json.loads(saved(session))
    data["rules_version"] = "0000000000"
    summary = data["result"]
    summary["action_plan"] = {"value": False, "label": "Der skal ikke laves en handleplan."}
    summary["categories"] = summary["categories"][:1]
    summary["deadlines"][0]["due_text"] = "senest i går"
    summary["deadlines"].append({"id": "gone", "label": "En gammel frist", "due_text": "i morgen"})
    summary["steps"] = [s for s in summary["steps"] if s["id"] != "care"] + [{"id": "old", "title": "Gammel opgave"}]
    reply = open_file(Session(), json.dumps(data))
    html = reply["html"]
    assert reply["accepted"] and reply["screen"] == RESULT
    result = case_file.result_summary(session.result)
    expected = [
        message("rules_changed", old="0000000000", new=session.result["rules_version"]),
        message("changed"),
        message("change.action_plan", before="Der skal ikke laves en handleplan.",
                after=result["action_plan"]["label"]),
        "Gammel opgave",
        "En gammel frist",
        "Tag hånd om medarbejderen",
    ]
    notice = html[: html.index("data-result")]
    for text in expected:
        assert text in notice.replace("&#x27;", "'").replace("&quot;", '"')
    # The same rules but another version: nothing changed, and the reader is told so.
    data = json.loads(saved(session))
    data["rules_version"] = "1111111111"
    assert message("unchanged") in open_file(Session(), json.dumps(data))["html"]


# --- Files that cannot be opened: a Danish message, and nothing changes ---------------------------------------


def truncated(text: str) -> str:
    return text[: len(text) // 2]


def newer(text: str) -> str:
    data = json.loads(text)
    data["format_version"] = case_file.FORMAT_VERSION + 1
    return json.dumps(data)


def field_damaged(text: str) -> str:
    data = json.loads(text)
    data["case"]["log"][0]["profile"] = ["not", "text"]
    return json.dumps(data)


BAD_FILES = [
    ("empty", lambda text: "", "empty"),
    ("another program", lambda text: "%PDF-1.7\n%âãÏÓ\n1 0 obj", "not_a_case"),
    ("another JSON", lambda text: json.dumps({"name": "x", "format": "other"}), "not_a_case"),
    ("a JSON list", lambda text: "[1, 2, 3]", "not_a_case"),
    ("truncated", truncated, "damaged"),
    ("no steps", lambda text: text.replace('"steps"', '"stepz"'), "damaged"),
    ("version not a number", lambda text: text.replace('"format_version": 1', '"format_version": "1"'), "damaged"),
    ("version true", lambda text: text.replace('"format_version": 1', '"format_version": true'), "damaged"),
    ("newer format", newer, "newer"),
    ("thousands of steps", lambda text: text.replace('"steps": [', '"steps": [' + '{"action": "confirm"}, ' * 5000),
     "damaged"),
]


def spoiled_summary(change):
    def spoil(text: str) -> str:
        data = json.loads(text)
        data["rules_version"] = "0000000000"  # so that the summary is read to say what changed
        change(data["result"])
        return json.dumps(data)

    return spoil


BAD_FILES += [
    ("a category without its id", spoiled_summary(lambda r: r["categories"].append({"label": "x"})), "damaged"),
    ("a deadline without its date", spoiled_summary(lambda r: r["deadlines"][0].pop("due_text")), "damaged"),
    ("a step's title null", spoiled_summary(lambda r: r["steps"][0].update(title=None)), "damaged"),
    ("a flag's value text", spoiled_summary(lambda r: r["action_plan"].update(value="ja")), "damaged"),
    ("no steps to replay", lambda text: json.dumps({**json.loads(text), "steps": []}), "damaged"),
    ("no step that can be used", lambda text: json.dumps({**json.loads(text), "steps": [1, "x", {"action": "nope"}]}),
     "damaged"),
]


@pytest.mark.parametrize("name, spoil, key", BAD_FILES, ids=[b[0] for b in BAD_FILES])
def test_a_file_that_cannot_be_opened_is_refused_with_a_danish_message_and_nothing_changes(name, spoil, key):
    session = session_with_result()
    before = (dict(session.answers), session.steps(), session.result)
    reply = open_file(session, spoil(saved(session)), name="fil.json")
    assert reply["accepted"] is False and "html" not in reply
    assert reply["problem"].startswith("»fil.json«") and "Intet er ændret" in reply["problem"]
    expected = {"empty": message("empty", name="fil.json"), "not_a_case": message("not_a_case", name="fil.json"),
                "damaged": message("damaged", name="fil.json")}
    if key in expected:
        assert reply["problem"] == expected[key]
    else:
        assert reply["problem"] == message("newer", name="fil.json", version=case_file.FORMAT_VERSION + 1)
    assert (dict(session.answers), session.steps(), session.result) == before
    assert reply["steps"] == before[1]


def test_the_largest_case_the_fields_take_saves_to_a_file_that_opens():
    # Every field and row to its limit, in the characters that take the most bytes in the file: one outside the
    # BMP (four bytes in UTF-8), a dash (three), a quote (two, escaped).
    for character in ("\U0001d11e", "–", '"'):
        case = {
            part: {f.id: character * (LONG_MAX if f.long else SHORT_MAX) for f in fields}
            for part, fields in FIELDS.items()
        }
        for part, fields in ROWS.items():
            row = {
                f.id: f.choices[-1] if f.choices else character * (LONG_MAX if f.long else SHORT_MAX) for f in fields
            }
            case[part] = [row] * ROWS_MAX[part]
        text = saved(session_with_result(), case)
        assert len(text.encode()) > 1_000_000 or character == '"'  # "–" and the astral: over the old 1 MB limit
        reply = open_file(Session(), text)
        assert reply["accepted"], reply.get("problem")
        assert reply["case"] == clean_case(case, REMINDER_IDS)
        # The page sends what it read (JSON.stringify escapes no letter), in a request the engine takes.
        file = {"name": "sag.json", "size": len(text.encode()), "text": text}
        request = json.dumps({"action": "open", "file": file}, ensure_ascii=False)
        assert len(request) < MAX_REQUEST


def test_control_characters_but_tabs_and_line_breaks_are_left_out_of_a_case():
    case = clean_case({"note": {"what": "a\x01b\x1bc\td\ne\r\nf", "where": "\x00x"}})
    assert (case["note"]["what"], case["note"]["where"]) == ("abc\td\ne\r\nf", "x")


def test_a_file_that_fails_after_its_check_leaves_the_readers_own_answers(monkeypatch):
    session = session_with_result(answer_paths.EMPLOYEE_THREATENED)
    before = (dict(session.answers), session.steps(), session.result)
    text = saved(session_with_result())

    def fails(*args):
        raise RuntimeError("the notice could not be made")

    monkeypatch.setattr("wizard.session.opened_lines", fails)
    with pytest.raises(RuntimeError):
        open_file(session, text)
    assert (dict(session.answers), session.steps(), session.result) == before


def test_a_file_saved_after_now_says_the_clock_that_saved_it_was_wrong():
    text = saved(session_with_result(), now=NOW + timedelta(days=400))
    reply = open_file(Session(), text)
    when = "søndag 30. november 2025 kl. 08.00"
    assert reply["accepted"] and message("opened_later", when=when) in reply["html"].replace("&#x27;", "'")


def test_a_damaged_field_is_named():
    session = session_with_result()
    reply = open_file(session, field_damaged(saved(session)))
    problem = content.text("case", "problem.not_text").format(field="Profil", where="Bevislog, Bevis 1")
    assert reply["problem"] == message("damaged_field", name="sag.json", problem=problem)


def test_a_huge_file_is_refused_by_its_size_before_it_is_read():
    session = session_with_result()
    reply = open_file(session, "x" * 100, size=50_000_000)
    most = f"{round(case_file.MAX_BYTES / 1000):,} kB".replace(",", ".")
    assert reply["problem"] == message("too_large", name="sag.json", size="50.000 kB", most=most)
    text = saved(session)
    padded = text[:-2] + " " * case_file.MAX_BYTES + text[-2:]
    assert "for stor" in open_file(session, padded)["problem"]


def test_markup_in_a_files_name_and_fields_stays_text():
    session = session_with_result()
    reply = open_file(Session(), saved(session), name=f"{MARKUP}.json")
    assert reply["accepted"] and reply["case"]["log"][0]["profile"] == MARKUP
    assert MARKUP not in reply["html"]
    bad = open_file(session, "nope", name=f"{MARKUP}.json")
    assert bad["problem"].startswith(f"»{MARKUP}.json«")  # the page shows it as text (textContent)


@pytest.mark.parametrize(
    "file",
    [None, "text", {"name": "x"}, {"name": 1, "size": 1, "text": ""}, {"name": "x", "size": True, "text": ""},
     {"name": "x", "size": "1", "text": ""}],
)
def test_an_open_request_without_a_file_is_refused(file):
    session = session_with_result()
    reply = respond(session, {"action": "open", "file": file}, NOW)
    assert reply["problem"] == UI["notice_bad_request"] and session.result is not None


# --- The other requests that carry the case -------------------------------------------------------------------


def test_the_drafts_the_copied_text_and_the_csv_come_from_the_case_sent_and_nothing_is_kept():
    session = session_with_result()
    drafted = respond(session, {"action": "case", "case": CASE}, NOW)
    assert set(drafted["drafts"]) == {"registration", "plan", "log", "notice"} and drafted["print"]
    one = respond(session, {"action": "copy", "draft": "notice", "case": CASE}, NOW)
    assert one["copy"] == drafted["drafts"]["notice"]
    assert respond(session, {"action": "copy", "draft": "nope", "case": CASE}, NOW)["problem"]
    whole = respond(session, {"action": "copy", "case": CASE}, NOW)["copy"]
    assert "[x] " in whole and CASE["note"]["what"] in whole and MARKUP in whole
    csv = respond(session, {"action": "csv", "case": CASE}, NOW)
    assert csv["download"]["filename"].endswith(".csv") and csv["announce"] == UI["csv_ready"]
    assert "Anna" not in repr(vars(session)) and MARKUP not in repr(vars(session))


def test_the_calendar_carries_the_reminders_the_reader_chose():
    session = session_with_result()
    chosen = respond(session, {"action": "calendar", "case": {"reminders": ["wellbeing_month"]}}, NOW)
    none = respond(session, {"action": "calendar", "case": {"reminders": []}}, NOW)
    events = chosen["download"]["content"].count("BEGIN:VEVENT")
    assert events == none["download"]["content"].count("BEGIN:VEVENT") + 1
