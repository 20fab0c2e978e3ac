"""The result's shape as the contract and the browser guide rely on it."""

import json
import re
from datetime import date, datetime

from wizard.contract import ROLES
from wizard.guideline import SECTIONS
from wizard.rules import CATEGORIES, OFFENCES, RULES_BY_ID
from wizard.step_groups import DEADLINE_OF_GROUP, GROUPS
from wizard.steps import STEPS

BASES = ("guideline", "legal_notes", "guide")
# The deadlines in the result's order: the latest (or only) incident's, then the first's of repeated incidents.
DEADLINE_IDS = ("safetynet", "police_report", "safetynet_first", "police_report_first")

HREFS = {s.href for s in SECTIONS.values()}
TOP_KEYS = [
    "rules_version",
    "guideline",
    "evaluated_at",
    "role",
    "categories",
    "offences",
    "reasons",
    "action_plan",
    "work_accident",
    "deadlines",
    "steps",
    "step_groups",
    "steps_by_role",
    "notes",
    "legal_info",
    "labels",
    "answers",
    "answer_labels",
    "ignored_answers",
]


def check_result(result: dict) -> None:
    """Fail with a message if ``result`` is not a complete, consistent result object."""
    assert list(result) == TOP_KEYS
    json.dumps(result, allow_nan=False)  # plain JSON data only
    assert re.fullmatch(r"[0-9a-f]{10}", result["rules_version"])
    assert datetime.fromisoformat(result["evaluated_at"]).utcoffset() is not None
    assert result["role"] in ROLES

    categories = result["categories"]
    assert categories == [c for c in CATEGORIES if c in categories]
    assert set(result["reasons"]) - {"action_plan", "work_accident"} == set(categories)
    for key, fired in result["reasons"].items():
        assert fired, key
        for reason in fired:
            rule = RULES_BY_ID[reason["rule"]]
            assert reason["source"] == rule.source.href
            assert key in rule.categories or rule.kind == key
    offence_ids = [o["id"] for o in result["offences"]]
    assert bool(offence_ids) == ("criminal" in categories)
    for offence in result["offences"]:
        assert offence["basis"] in ("guideline", "legal_notes")
        assert offence["reference"] == OFFENCES[offence["id"]].reference
        assert offence["source"] in HREFS

    assert result["action_plan"] in (True, False, None)
    assert result["work_accident"] in (True, None)  # never "no"
    assert set(result["reasons"]) >= {"action_plan", "work_accident"}
    harassment = bool({"work_environment", "undecided"} & set(categories))
    # A registration happens, or may, for harassment and wherever an answer on the work accident is not "Nej"
    # (three "Nej" on lawful conduct leave it to the manager: nothing the guide registers).
    registration = harassment or result["reasons"]["work_accident"][0]["rule"] != "work_accident_no_reason"
    if not registration:
        assert result["action_plan"] is False

    ids = [d["id"] for d in result["deadlines"]]
    assert ids == [i for i in DEADLINE_IDS if i in ids]
    assert ("safetynet" in ids) == registration
    assert ("police_report" in ids) == harassment
    several = any(d["incident"] for d in result["deadlines"])
    latest = result["answers"].get("latest_incident_at")
    assert several == (bool(ids) and latest is not None and latest != result["answers"]["incident_at"])
    for deadline in result["deadlines"]:
        assert list(deadline)[:5] == ["id", "kind", "label", "incident", "incident_label"]
        assert deadline["id"] == deadline["kind"] + ("_first" if deadline["incident"] == "first" else "")
        assert deadline["incident"] in ((("latest", "first")) if several else (None,))
        assert (deadline["incident_label"] is None) == (deadline["incident"] is None)
        assert deadline["source"] in HREFS
        assert isinstance(deadline["seconds_left"], int)
        if deadline["all_day"]:
            assert isinstance(deadline["overdue"], bool)
            date.fromisoformat(deadline["due"])
            assert deadline["due_text"].startswith("så hurtigt som muligt og senest ")
        else:
            assert datetime.fromisoformat(deadline["due"]).utcoffset() is not None
            assert "kl. 00.00" not in deadline["due_text"]
            if deadline["latest"] is None:
                assert deadline["overdue"] == (deadline["seconds_left"] < 0)
            else:
                assert deadline["counted_from_start_of_day"] is True
                assert datetime.fromisoformat(deadline["latest"]) > datetime.fromisoformat(deadline["due"])
                assert deadline["overdue"] in (True, False, None)
                assert (deadline["overdue"] is False) == (deadline["seconds_left"] >= 0)

    assert list(result["steps_by_role"]) == list(ROLES)
    assert result["steps"] == result["steps_by_role"][result["role"]]
    for role, steps in result["steps_by_role"].items():
        order = [s.id for s in STEPS[role]]
        got = [s["id"] for s in steps]
        assert got == [i for i in order if i in got], role
        assert len(set(got)) == len(got)
        assert (got[:1] == ["call_112"]) == (result["answers"].get("danger_now") is True)
        for step in steps:
            assert list(step) == ["id", "title", "text", "source", "basis", "group", "deadline", "howto"]
            assert step["text"] and step["title"] and "{" not in step["title"]
            assert step["basis"] in BASES and (step["source"] in HREFS) == (step["basis"] == "guideline")
            assert "{" not in step["text"]
            assert step["group"] in GROUPS
            # A step is dated by a deadline of its group's kind, whenever the result has one.
            kinds = {d["id"]: d["kind"] for d in result["deadlines"]}
            kind = DEADLINE_OF_GROUP.get(step["group"])
            assert (step["deadline"] is not None) == (kind in kinds.values())
            assert step["deadline"] is None or kinds[step["deadline"]] == kind
    groups = [g for g in GROUPS if any(s["group"] == g for s in result["steps"])]
    assert [g["id"] for g in result["step_groups"]] == groups
    for group in result["step_groups"]:
        assert {s["deadline"] for s in result["steps"] if s["group"] == group["id"]} == {group["deadline"]}
    for note in result["notes"]:
        assert list(note) == ["id", "text", "source", "basis"] and note["text"]
        assert note["basis"] in BASES and (note["source"] in HREFS) == (note["basis"] == "guideline")
    for info in result["legal_info"]:
        assert list(info) == ["id", "text", "reference"] and info["text"] and info["reference"]
    assert set(result["labels"]["categories"]) == set(categories)
