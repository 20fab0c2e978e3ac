"""The drafts the guideline's duties need (issue 21): which each role gets, what each says and rests on, the
guideline's sentences word for word, the evidence log as text and CSV, and the follow-up reminders."""

import csv
import io
import re
from datetime import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.harness import answer_paths
from tests.html_tree import parse_html
from wizard import content, drafts, evidence_log, export, reminders
from wizard.bidi_controls import BIDI_CONTROLS
from wizard.case_input import FIELDS, LOG_MAX_ROWS, ROWS, clean_case
from wizard.moments import COPENHAGEN
from wizard.result import evaluate
from wizard.screens.case import case_print
from wizard.screens.result import result_screen
from wizard.screens.stamp import result_stamp
from wizard.screens.ui import UI
from wizard.texts import FLAG_LABELS

NOW = datetime.fromisoformat("2024-10-26T09:00+02:00")
MANAGER = answer_paths.answers(answer_paths.MANAGER_THREATS_ADDRESS_ABSENT)
MARKUP = '<script>alert("x")</script><img src=x onerror=alert(1)> & "quotes"'


def result_of(answers: dict, now: datetime = NOW) -> dict:
    return evaluate(answers, now)


def quoted(id: str) -> str:
    """The guideline's sentence a draft quotes, as the adopted text has it (its source, checked at build time)."""
    source = content.source("case", id)
    assert source.kind == "guideline"
    return source.quote


def draft(draft_id: str, answers: dict = MANAGER, case: dict | None = None) -> str:
    return drafts.drafts_for(result_of(answers), clean_case(case or {}), NOW)[draft_id]


# --- Which drafts each role gets ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "path, offered",
    [
        (answer_paths.MANAGER_THREATS_ADDRESS_ABSENT, ["registration", "plan", "log", "notice"]),
        (answer_paths.EMPLOYEE_THREATENED, ["registration", "log"]),
        (answer_paths.CRITICISM_ONLY, ["log"]),
        # A leader whose employee is hardly affected, once: no action plan is needed, so none is offered.
        (answer_paths.MANAGER_ADDRESS_PUBLISHED, ["registration", "plan", "log", "notice"]),
    ],
    ids=lambda value: getattr(value, "name", "-"),
)
def test_each_role_gets_the_drafts_its_duties_need(path, offered):
    assert drafts.offered(result_of(answer_paths.answers(path))) == offered


def test_the_action_plan_is_offered_where_it_is_required_or_cannot_be_told_and_never_where_it_is_not():
    required = result_of({**MANAGER, "impact": 8})
    assert required["action_plan"] is True and "plan" in drafts.offered(required)
    unknown = result_of({**MANAGER, "impact": "unknown", "repeated": "unknown"})
    assert unknown["action_plan"] is None and "plan" in drafts.offered(unknown)
    not_needed = result_of({**MANAGER, "impact": 3, "repeated": False})
    assert not_needed["action_plan"] is False and "plan" not in drafts.offered(not_needed)


# --- The registration in SafetyNet -------------------------------------------------------------------------


def test_the_registration_carries_the_guidelines_sentences_on_the_assessment_and_the_work_accident_verbatim():
    text = draft("registration")
    for id in ("quote.impact", "quote.work_accident"):
        assert f"»{quoted(id)}«" in " ".join(text.split())
    assert "1-10" in quoted("quote.impact") and "SKAL" in quoted("quote.work_accident")


def test_the_registration_is_filled_from_the_answers_the_note_and_the_readers_fields():
    case = {
        "note": {"where": "Facebook", "address": "https://facebook.com/opslag/1", "what": "Trussel mod Anna"},
        "registration": {"exposed": "Anna Jensen", "handler": "Leder Lars", "measures": "Samtale\nTo på sagen"},
    }
    result = result_of(MANAGER)
    text = drafts.drafts_for(result, clean_case(case), NOW)["registration"]
    for value in ("Facebook", "https://facebook.com/opslag/1", "Trussel mod Anna", "Anna Jensen", "Leder Lars",
                  "Samtale", "To på sagen"):
        assert value in text
    given_answers = {a["id"]: a for a in result["answer_labels"]}
    for id in ("behaviours", "incident_at", "impact", "absence", "treatment", "wants_work_accident"):
        assert f"- {given_answers[id]['question']} {given_answers[id]['answer']}" in text.splitlines()
    assert result["labels"]["work_accident"] in text and result["labels"]["action_plan"] in text
    registration = next(d for d in result["deadlines"] if d["kind"] == "safetynet")
    assert registration["due_text"] in text
    assert text.count(drafts.NOT_FILLED) == 0


def test_an_assessment_not_yet_made_says_so_and_never_guesses():
    text = draft("registration", {**MANAGER, "impact": "unknown"})
    assert content.text("case", "draft.registration.impact_open") not in text  # "Ved ikke" is an answer, said as such
    assert "Ved ikke" in text
    # A leader who could not answer the employee's own questions: the draft says to clarify them.
    open_case = {**MANAGER}
    for key in ("impact", "absence", "treatment", "wants_work_accident"):
        open_case.pop(key)
    open_case["danger_now"] = False
    result = result_of(open_case)
    text = drafts.drafts_for(result, clean_case({}), NOW)["registration"]
    assert content.text("case", "draft.registration.impact_open") in text
    assert content.text("case", "draft.registration.work_accident_open") in text
    assert FLAG_LABELS["work_accident"]["null"] in text


def test_a_series_has_each_incidents_registration_deadline_and_a_passed_one_says_so():
    answers = {**MANAGER, "incident_at": "2024-10-10T10:00", "repeated": True, "latest_incident_at": "2024-10-24T10:00"}
    result = result_of(answers)
    text = drafts.drafts_for(result, clean_case({}), NOW)["registration"]
    registrations = [d for d in result["deadlines"] if d["kind"] == "safetynet"]
    assert len(registrations) == 2 and [d["overdue"] for d in registrations] == [False, True]
    for deadline in registrations:
        line = next(line for line in text.splitlines() if deadline["incident_label"] in line)
        assert deadline["due_text"] in line
        assert (UI["overdue_safetynet"] in line) == deadline["overdue"]


def test_three_nej_give_the_registration_why_and_who_decides_the_work_accident():
    answers = {**MANAGER, "absence": False, "treatment": False, "wants_work_accident": False}
    result = result_of(answers)
    assert result["work_accident"] is None
    text = draft("registration", answers)
    assert FLAG_LABELS["work_accident"]["null"] in text
    assert result["reasons"]["work_accident"][0]["outcome"] in text and "Lederen afgør" in text
    # On the page as well: the label says why and who decides stand under it.
    (item,) = parse_html(result_screen(result, root="../")).find_all(data_decision="work_accident")
    assert FLAG_LABELS["work_accident"]["null"] in item.text()
    assert result["reasons"]["work_accident"][0]["outcome"] in item.text()


# --- The action plan --------------------------------------------------------------------------------------


def test_a_new_action_plan_starts_from_the_guidelines_own_measures_for_the_leader():
    seed = drafts.plan_seed()
    assert len(seed) == 4
    for measure, row in zip(drafts.PLAN_SEED, seed, strict=True):
        source = content.source("case", f"plan.seed.{measure}")
        assert source.kind == "guideline" and row["what"] == content.text("case", f"plan.seed.{measure}")
        assert row["who"] == content.text("case", "plan.seed_who") and row["by"] == ""
    sections = [content.source("case", f"plan.seed.{m}").ref for m in drafts.PLAN_SEED]
    assert sections == ["konflikthaandtering", "leder", "leder", "personaleafdelingen-og-politianmeldelse"]
    text = draft("plan")
    for row in seed:
        assert row["what"] in text
    assert f"»{quoted('quote.action_plan')}«" in " ".join(text.split())
    assert f"»{quoted('quote.follow_up')}«" in text


def test_the_readers_measures_replace_the_proposal_each_with_who_and_by_when():
    text = draft("plan", case={"plan": [
        {"what": "Ny sagsbehandler på borgerens sag", "who": "Teamleder", "by": "1.11.2024"},
        {"what": "", "who": "", "by": ""},
        {"what": "Opfølgningssamtale", "who": "Leder", "by": ""},
    ]})
    lines = text.splitlines()
    assert "1. Ny sagsbehandler på borgerens sag" in lines and "2. Opfølgningssamtale" in lines
    assert "   Hvem: Teamleder" in lines and "   Senest: 1.11.2024" in lines
    assert f"   Senest: {drafts.NOT_FILLED}" in lines
    assert drafts.plan_seed()[0]["what"] not in text


# --- The notice to a platform ------------------------------------------------------------------------------


def test_the_notice_has_every_element_article_16_names():
    text = draft("notice", case={"notice": {
        "platform": "Facebook", "address": "https://facebook.com/opslag/1\nhttps://facebook.com/opslag/2",
        "why": "Opslaget offentliggør en ansats private adresse.", "name": "Lise Leder", "email": "lise@kommune.dk",
    }})
    for value in ("Til: Facebook", "https://facebook.com/opslag/1", "https://facebook.com/opslag/2",
                  "Opslaget offentliggør en ansats private adresse.", "Lise Leder", "lise@kommune.dk",
                  content.text("case", "draft.notice.good_faith"), content.text("case", "draft.notice.article")):
        assert value in text
    assert "lørdag 26. oktober 2024" in text
    # It is the guide's help and legal information, never the guideline.
    for id in ("draft.notice.basis", "draft.notice.good_faith", "draft.notice.article", "draft.notice.article16"):
        assert content.source("case", id).kind in ("guide", "legal")


def test_the_notice_takes_the_address_from_the_note_when_none_is_given_for_it():
    assert "https://x.example/1" in draft("notice", case={"note": {"address": "https://x.example/1"}})
    assert draft("notice").count(drafts.NOT_FILLED) == 5


def test_the_way_on_when_nothing_happens_ends_with_the_authorities_each_with_its_source():
    steps = drafts.escalation()
    # The owner, then the host: an idea from other guidance (legal notes), so the guide's own advice, not law.
    assert [s["basis"] for s in steps] == ["guide", "guide", "guideline", "legal_notes", "guideline"]
    assert "Datatilsynet" in steps[2]["text"] and "Konkurrence- og Forbrugerstyrelsen" in steps[3]["text"]
    assert "personalejura" in steps[4]["text"]


# --- What every draft says, and how -----------------------------------------------------------------------


@pytest.mark.parametrize("draft_id", drafts.DRAFTS)
def test_every_draft_says_what_it_rests_on(draft_id):
    result = result_of(MANAGER)
    basis = drafts.basis(draft_id, result)
    assert basis and content.source("case", f"draft.{draft_id}.basis").kind == "guide"
    if draft_id != drafts.LOG:
        assert result_stamp(result) in basis  # when it was made, from which guideline and rules version


@given(st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.sampled_from(
        ["note", "registration", "plan", "log", "notice", "statuses", "reminders", "what", "address", "reported",
         "who", "by", "care"]) | st.text(max_size=5), inner, max_size=5),
    max_leaves=20,
))
@settings(max_examples=100, deadline=None)
def test_any_case_from_the_page_gives_every_draft_and_its_printout(raw):
    result = result_of(MANAGER)
    case = clean_case(raw, reminders.REMINDER_IDS)
    texts = drafts.drafts_for(result, case, NOW)
    assert set(texts) == set(drafts.offered(result)) and all(texts.values())
    parse_html(case_print(result, case, texts))


def test_what_the_reader_typed_stays_text_in_the_drafts_and_is_escaped_on_paper():
    case = clean_case({
        "note": {field.id: MARKUP for field in FIELDS["note"]},
        "registration": {"exposed": MARKUP},
        "notice": {"why": MARKUP},
        "plan": [{"what": MARKUP, "who": "", "by": ""}],
        "log": [{"address": MARKUP, "reported": "yes"}],
    })
    result = result_of(MANAGER)
    texts = drafts.drafts_for(result, case, NOW)
    for draft_id in ("registration", "plan", "notice", "log"):
        assert MARKUP in texts[draft_id]
    printed = case_print(result, case, texts)
    assert "<script" not in printed and "<img" not in printed
    tree = parse_html(printed)
    assert MARKUP in tree.text()
    assert [h.text() for h in tree.find_all("h2")] == [
        "Note om hændelsen", *(drafts.TITLES[d] for d in ("registration", "plan", "log", "notice"))
    ]


def test_bidirectional_controls_typed_into_an_address_reach_neither_paper_nor_the_csv():
    # U+202E would print "moc.elpmaxe//:sptth" after it; the isolates would reorder "profil".
    typed = "https://\u202eexample.com/\u2066profil\u2069"
    case = clean_case({"note": {"address": typed}, "log": [{"address": typed, "reported": "no"}]})
    result = result_of(MANAGER)
    texts = drafts.drafts_for(result, case, NOW)
    for made in (case_print(result, case, texts), evidence_log.log_csv(case["log"], NOW)["content"], *texts.values()):
        assert not set(made) & set(BIDI_CONTROLS)
    assert "https://example.com/profil" in parse_html(case_print(result, case, texts)).text()


def test_the_printout_carries_only_what_the_reader_wrote_in():
    result = result_of(MANAGER)
    assert case_print(result, clean_case({}), drafts.drafts_for(result, clean_case({}), NOW)) == ""
    case = clean_case({"registration": {"handler": "Lars"}})
    printed = parse_html(case_print(result, case, drafts.drafts_for(result, case, NOW)))
    assert [h.text() for h in printed.find_all("h2")] == [drafts.TITLES["registration"]]


# --- The evidence log ------------------------------------------------------------------------------------


LOG = [
    {"address": "https://facebook.com/opslag/1", "profile": "@borger", "posted": "3.12.2024 kl. 14.10",
     "saved": "3.12.2024 kl. 15.00", "saved_by": "Anna", "file": "IMG_2041.png", "reported": "yes",
     "reference": "FB-123"},
    {field.id: "" for field in ROWS["log"]},
    {"address": "=HYPERLINK(\"https://evil.example\")", "profile": "+45 1234", "posted": "-1", "saved": "@x",
     "saved_by": 'Han sagde "nej"; gik', "file": "a;b.png", "reported": "no", "reference": ""},
]


def test_the_log_as_csv_opens_in_a_danish_spreadsheet_and_keeps_every_value_as_text():
    file = evidence_log.log_csv(clean_case({"log": LOG})["log"], NOW)
    assert file["filename"] == "bevislog-2024-10-26.csv" and file["mediaType"] == evidence_log.CSV_MEDIA_TYPE
    text = file["content"]
    assert text.startswith("\ufeff") and "\r\n" in text
    rows = list(csv.reader(io.StringIO(text[1:]), delimiter=";"))
    assert rows[0] == [column.label for column in evidence_log.COLUMNS]
    assert len(rows) == 3  # the empty row is left out
    assert rows[1][0] == "https://facebook.com/opslag/1" and rows[1][6] == "Ja"
    # A value a spreadsheet would run as a formula gets an apostrophe; semicolons and quotes stay inside the field.
    assert rows[2][:4] == ["'=HYPERLINK(\"https://evil.example\")", "'+45 1234", "'-1", "'@x"]
    assert rows[2][4] == 'Han sagde "nej"; gik' and rows[2][5] == "a;b.png" and rows[2][6] == "Nej"


def test_the_log_in_the_text_names_each_item_and_each_field_written():
    lines = evidence_log.log_lines(clean_case({"log": LOG})["log"])
    assert lines[0] == "Bevis 1" and "  Adresse (URL): https://facebook.com/opslag/1" in lines
    assert "  Anmeldt til platformen? Ja" in lines and "Bevis 2" in lines and "Bevis 3" not in lines
    assert evidence_log.log_lines([]) == [evidence_log.NOTHING]
    assert export.log_as_text([]) == ""


def test_the_log_keeps_at_most_its_rows():
    many = [{"profile": f"p{i}"} for i in range(LOG_MAX_ROWS + 20)]
    assert len(clean_case({"log": many})["log"]) == LOG_MAX_ROWS


# --- Reminders for the weeks after -----------------------------------------------------------------------


def test_the_leader_is_offered_reminders_to_follow_up_on_wellbeing_at_the_guides_suggested_times():
    early = datetime.fromisoformat("2024-10-14T12:00+02:00")  # the incident's day (Monday 14 October, 09.30)
    offered = reminders.offered(result_of(MANAGER, early), early)
    assert [r["id"] for r in offered] == ["wellbeing_week", "wellbeing_month", "police_status"]
    at = {r["id"]: datetime.fromisoformat(r["at"]) for r in offered}
    assert at["wellbeing_week"] == datetime(2024, 10, 21, 9, 0, tzinfo=COPENHAGEN)
    assert at["wellbeing_month"] == datetime(2024, 11, 11, 9, 0, tzinfo=COPENHAGEN)
    assert at["police_status"] == datetime(2024, 11, 4, 9, 0, tzinfo=COPENHAGEN)
    assert [r["chosen"] for r in offered] == [True, True, False]
    for reminder in offered:
        assert content.source("case", f"reminder.{reminder['id']}.text").kind == "guide"
    assert content.source("case", "reminder.suggested").kind == "guide"


def test_a_reminder_on_a_weekend_moves_to_monday_and_one_whose_time_has_passed_is_not_offered():
    saturday_incident = {**MANAGER, "incident_at": "2024-10-12T10:00"}
    sunday = datetime.fromisoformat("2024-10-13T10:00+02:00")
    at = {r["id"]: r["at"] for r in reminders.offered(result_of(saturday_incident, sunday), sunday)}
    assert at["wellbeing_week"].startswith("2024-10-21T09:00")  # Saturday 19 October moves to Monday
    late = datetime.fromisoformat("2024-10-30T10:00+01:00")
    assert [r["id"] for r in reminders.offered(result_of(MANAGER, late), late)] == ["wellbeing_month", "police_status"]


def test_a_reminder_on_a_public_holiday_moves_to_the_next_working_morning():
    # A week after Friday 18 December 2026 is Christmas Day; Boxing Day and the weekend follow.
    before_christmas = {**MANAGER, "incident_at": "2026-12-18T10:00"}
    now = datetime.fromisoformat("2026-12-18T12:00+01:00")
    week = next(r for r in reminders.offered(result_of(before_christmas, now), now) if r["id"] == "wellbeing_week")
    assert week["at"] == "2026-12-28T09:00:00+01:00" and "mandag 28. december 2026" in week["when"]


def test_only_the_leader_gets_the_follow_up_and_only_a_police_step_the_police_reminder():
    employee = answer_paths.answers(answer_paths.EMPLOYEE_THREATENED)
    early = datetime.fromisoformat("2024-10-24T15:00+02:00")
    assert [r["id"] for r in reminders.offered(result_of(employee, early), early)] == ["police_status"]
    colleague = answer_paths.answers(answer_paths.CRITICISM_ONLY)
    assert reminders.offered(result_of(colleague), NOW) == []


def test_the_guidelines_sentence_on_following_up_goes_with_the_leaders_follow_up_only():
    early = datetime.fromisoformat("2024-10-24T15:00+02:00")
    employee = evaluate(answer_paths.answers(answer_paths.EMPLOYEE_THREATENED), early)
    manager = evaluate(MANAGER, early)
    quote = content.text("case", "quote.follow_up")
    for result, quoted_here in ((employee, False), (manager, True)):
        fold = parse_html(result_screen(result, root="../")).one("details", data_case_part="reminders")
        assert (quote in fold.text()) is quoted_here
    police = [r for r in reminders.offered(employee, early) if r["id"] == "police_status"]
    leaders = reminders.offered(manager, early)[:1]
    for result, chosen, quoted_here in ((employee, police, False), (manager, leaders, True)):
        ics = export.calendar_file(result, early, chosen)["content"].replace("\r\n ", "")
        assert (quote in re.sub(r"\\([,;\\])", r"\1", ics)) is quoted_here


def test_the_calendar_holds_the_deadlines_and_the_reminders_chosen_said_to_be_the_guides_suggestion():
    early = datetime.fromisoformat("2024-10-14T12:00+02:00")
    result = result_of(MANAGER, early)
    chosen = reminders.chosen(result, early, clean_case({}, reminders.REMINDER_IDS))
    assert [r["id"] for r in chosen] == ["wellbeing_week", "wellbeing_month"]
    picked = reminders.chosen(result, early, clean_case({"reminders": ["police_status"]}, reminders.REMINDER_IDS))
    assert [r["id"] for r in picked] == ["police_status"]
    content_ = export.calendar_file(result, early, chosen)["content"].replace("\r\n ", "")
    assert content_.count("BEGIN:VEVENT") == len(result["deadlines"]) + 2
    assert "DTSTART:20241021T070000Z" in content_ and "DTSTART:20241111T080000Z" in content_
    assert content_.count("(guidens forslag)") >= 2
    assert re.sub(r"\\([,;])", r"\1", quoted("quote.follow_up")) in re.sub(r"\\([,;])", r"\1", content_)
    assert export.calendar_file(result, early)["content"].count("BEGIN:VEVENT") == len(result["deadlines"])
