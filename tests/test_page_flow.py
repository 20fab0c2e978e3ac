"""The page's flow tables (tools/site/page_flow.py) and their walk (flow.js) against the engine's own flow."""

import json
import shutil
import subprocess
from dataclasses import replace
from pathlib import Path
from random import Random

import pytest

from tests.conftest import require
from tools.site import page_flow
from tools.site.page_flow import MAX_COMBINATIONS, flow_table
from wizard import flow
from wizard.conditions import Condition
from wizard.contract import BEHAVIOURS
from wizard.questions import QUESTIONS, QUESTIONS_BY_ID, parse_form
from wizard.rules import categories

FLOW_JS = Path(__file__).resolve().parents[1] / "docs" / "assets" / "javascripts" / "guide" / "flow.js"
WALK = """
import fs from "node:fs";
import { pathToFileURL } from "node:url";
const { position } = await import(pathToFileURL(process.argv[1]).href);
const { table, cases } = JSON.parse(fs.readFileSync(0, "utf8"));
const walked = cases.map((answers) => {
  const place = position(table, answers);
  return place && { asked: place.asked, kept: Object.keys(place.answers).sort(), next: place.next };
});
process.stdout.write(JSON.stringify(walked));
"""


@pytest.fixture(scope="module")
def table():
    return flow_table()


def random_forms(random: Random, skip: float = 0.3) -> tuple[dict, dict]:
    """Forms for a random set of the questions (dates as a plain day), and the engine's answers for them."""
    forms, answers = {}, {}
    for question in QUESTIONS:
        if random.random() < skip:
            continue
        if question.kind == "date_time":
            forms[question.id] = {question.id: ["2024-10-01"], f"{question.id}_time": [""]}
        elif question.kind == "multiple":
            chosen = random.sample([o.id for o in question.options], random.randint(1, 4))
            forms[question.id] = {question.id: chosen}
        else:
            forms[question.id] = {question.id: [random.choice(question.options).id]}
        answers[question.id] = parse_form(question.id, forms[question.id])
    return forms, answers


def expected(answers: dict) -> dict:
    place = flow.position(answers)
    return {"asked": [q.id for q in place.asked], "kept": sorted(place.answers),
            "next": place.next.id if place.next else None}


def test_the_categories_table_is_the_rules_own(table):
    keys = [table["answers"][i] for i in table["categories"]["reads"]]
    assert [k["question"] for k in keys] == ["behaviours", "recording_shared"]
    assert len(table["categories"]["table"]) == 2 ** len(BEHAVIOURS) * 4
    random = Random(20)
    for _ in range(500):
        chosen = random.sample(list(BEHAVIOURS), random.randint(1, 5))
        shared = random.choice([None, True, False, "unknown"])
        answers = {"behaviours": [b for b in BEHAVIOURS if b in chosen]}
        if shared is not None:
            answers["recording_shared"] = shared
        mask = sum(1 << BEHAVIOURS.index(b) for b in chosen)
        shared_state = 0 if shared is None else 1 + ["yes", "no", "unknown"].index(
            {True: "yes", False: "no", "unknown": "unknown"}[shared]
        )
        digit = table["categories"]["table"][mask * 4 + shared_state]
        assert table["categories"]["sets"][table["digits"].index(digit)] == list(categories(answers))


def test_each_question_reads_the_answers_its_condition_reads(table):
    reads = {q: [table["answers"][i]["question"] for i in a["reads"]] for q, a in zip(table["questions"], table["asks"],
                                                                                        strict=True)}
    assert table["questions"] == [q.id for q in QUESTIONS]
    assert reads["recording_shared"] == ["behaviours"]
    assert reads["colleague_knows"] == ["role"]
    assert reads["absence"] == ["role", "colleague_knows"]
    assert reads["latest_incident_at"] == ["repeated"]
    by_question = dict(zip(table["questions"], table["asks"], strict=True))
    assert by_question["impact"]["categories"] and by_question["outside_work_hours"]["categories"]
    assert not by_question["latest_incident_at"]["categories"]
    # No date is read: the date questions are asked on choices only.
    assert not {a["question"] for a in table["answers"]} & {"incident_at", "latest_incident_at"}
    for ask in table["asks"]:
        assert len(ask["table"]) <= MAX_COMBINATIONS and set(ask["table"]) <= {"0", "1"}


def test_a_condition_on_a_date_cannot_be_tabled_and_stops_the_build(monkeypatch):
    on_date = Condition("on_date", "", lambda facts: "incident_at" in facts.answers)
    changed = tuple(replace(q, asked_if=on_date) if q.id == "impact" else q for q in QUESTIONS)
    monkeypatch.setattr(page_flow, "QUESTIONS", changed)
    with pytest.raises(ValueError, match="'incident_at', which is not answered by a choice"):
        flow_table()


def test_a_condition_on_a_decision_cannot_be_tabled(monkeypatch):
    on_decision = Condition("on_decision", "", lambda facts: facts.work_accident is True)
    changed = tuple(replace(q, asked_if=on_decision) if q.id == "impact" else q for q in QUESTIONS)
    monkeypatch.setattr(page_flow, "QUESTIONS", changed)
    with pytest.raises(TypeError, match="'work_accident' cannot be tabled"):
        flow_table()


def test_a_table_too_large_for_the_page_stops_the_build(monkeypatch):
    monkeypatch.setattr(page_flow, "MAX_COMBINATIONS", 2 ** len(BEHAVIOURS))
    with pytest.raises(ValueError, match=f"too many combinations for the page: {2 ** len(BEHAVIOURS) * 4}"):
        flow_table()


def test_the_tables_fit_the_page(table):
    # Some sixty thousand characters, about a kilobyte gzipped: far below the full product of every answer read.
    full = 1
    for key in table["answers"]:
        full *= 2 ** len(key["options"]) if key["multiple"] else len(key["options"]) + 1
    size = len(json.dumps(table, separators=(",", ":")))
    assert full > 100 * size and size < 100_000


@pytest.mark.node
def test_flow_js_walks_the_questions_as_the_engine_does(table):
    require(shutil.which("node") is not None, "Node.js (node)")
    random = Random(2020)
    cases = [random_forms(random, skip) for skip in (0.1, 0.3, 0.5) for _ in range(400)]
    # The paths that matter most, whole: a colleague who does not know, a repetition with its latest incident.
    for behaviours, role, knows, repeated in (
        (["criticism"], "colleague", "no", "yes"),
        (["insults"], "colleague", "no", "yes"),
        (["criticism"], "manager", None, "yes"),
        (["recording"], "employee", None, "unknown"),
    ):
        forms = {"danger_now": {"danger_now": ["no"]}, "role": {"role": [role]},
                 "behaviours": {"behaviours": behaviours}, "recording_shared": {"recording_shared": ["unknown"]},
                 "incident_at": {"incident_at": ["2024-10-01"], "incident_at_time": [""]},
                 "absence": {"absence": ["unknown"]}, "repeated": {"repeated": [repeated]},
                 "latest_incident_at": {"latest_incident_at": ["2024-10-02"], "latest_incident_at_time": [""]}}
        if knows:
            forms["colleague_knows"] = {"colleague_knows": [knows]}
        answers = {q: parse_form(q, f) for q, f in forms.items() if q in QUESTIONS_BY_ID}
        cases.append((forms, answers))
    proc = subprocess.run(
        ["node", "--input-type=module", "-e", WALK, str(FLOW_JS)],
        input=json.dumps({"table": table, "cases": [forms for forms, _ in cases]}),
        capture_output=True, text=True, timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    walked = json.loads(proc.stdout)
    assert walked == [expected(answers) for _, answers in cases]
    assert len({tuple(w["asked"]) for w in walked}) > 10


@pytest.mark.node
def test_an_answer_the_build_does_not_know_leaves_it_to_the_engine(table):
    require(shutil.which("node") is not None, "Node.js (node)")
    cases = [{"role": {"role": ["boss"]}}, {"behaviours": {"behaviours": ["threats", "shouting"]}}]
    proc = subprocess.run(
        ["node", "--input-type=module", "-e", WALK, str(FLOW_JS)], input=json.dumps({"table": table, "cases": cases}),
        capture_output=True, text=True, timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout) == [None, None]
