"""The result's shape as the contract and the browser guide rely on it."""

import json
import re
from datetime import date, datetime

from wizard.contract import ROLES
from wizard.guideline import SECTIONS
from wizard.rules import CATEGORIES, OFFENCES, RULES_BY_ID
from wizard.steps import STEPS

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
    assert result["work_accident"] in (True, False)
    if "work_environment" not in categories:
        assert result["action_plan"] is False and result["work_accident"] is False

    ids = [d["id"] for d in result["deadlines"]]
    assert ids == [i for i in ("safetynet", "police_report") if i in ids]
    assert ("safetynet" in ids) == ("work_environment" in categories)
    assert ("police_report" in ids) == ("criminal" in categories)
    for deadline in result["deadlines"]:
        assert deadline["source"] in HREFS
        assert isinstance(deadline["overdue"], bool) and isinstance(deadline["seconds_left"], int)
        if deadline["all_day"]:
            date.fromisoformat(deadline["due"])
        else:
            assert datetime.fromisoformat(deadline["due"]).utcoffset() is not None
            assert deadline["overdue"] == (deadline["seconds_left"] < 0)

    assert list(result["steps_by_role"]) == list(ROLES)
    assert result["steps"] == result["steps_by_role"][result["role"]]
    for role, steps in result["steps_by_role"].items():
        order = [s.id for s in STEPS[role]]
        got = [s["id"] for s in steps]
        assert got == [i for i in order if i in got], role
        assert len(set(got)) == len(got)
        assert (got[:1] == ["call_112"]) == (result["answers"].get("danger_now") is True)
        for step in steps:
            assert list(step) == ["id", "text", "source", "howto"] and step["text"] and step["source"] in HREFS
    for note in result["notes"]:
        assert list(note) == ["id", "text", "source"] and note["text"] and note["source"] in HREFS
    for info in result["legal_info"]:
        assert list(info) == ["id", "text", "reference"] and info["text"] and info["reference"]
    assert set(result["labels"]["categories"]) == set(categories)
