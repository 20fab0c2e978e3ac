"""The result of the decision guide for one answers object at one point in time.

The result is the CLI's and the browser's contract (plain JSON, fixed key order). Values a
consumer must be ready for: ``action_plan`` and ``work_accident`` are true, false or null
(the answers cannot tell; a step or a note says whom to ask). A deadline's ``overdue`` is true,
false or, for the police report of an incident whose time of day is not known, null while only
the time of day could tell; ``latest`` is then the latest the deadline can be. Where the
harassment is repeated, each deadline is given for the latest and for the first incident
(``incident``: "latest" or "first", else null). Every step and note has a ``basis``:
"guideline" (``source`` is its section), "legal_notes" or "guide" (the guide's own wording;
``source`` is null); a step's ``deadline`` is the id of the deadline it is dated by, and
``step_groups`` lists the reader's groups of steps with theirs.
"""

from collections.abc import Mapping
from datetime import datetime
from functools import cache

from wizard.contract import ROLES, validate
from wizard.deadlines import police_report_deadline, registration_deadline
from wizard.flow import prune
from wizard.guideline import GUIDELINE_ADOPTED, GUIDELINE_ADOPTED_BY
from wizard.moments import COPENHAGEN, Moment, parse_moment, parse_now
from wizard.notes import legal_info_for, notes_for
from wizard.questions import QUESTIONS, answer_label, worded
from wizard.rules import DEADLINE_RULES, OFFENCES, RULES_BY_ID, assess
from wizard.rules_version import rules_version
from wizard.step_groups import GROUPS
from wizard.steps import steps_for
from wizard.texts import CATEGORY_LABELS, FLAG_LABELS, ROLE_LABELS

GUIDELINE = f"{GUIDELINE_ADOPTED_BY}, {GUIDELINE_ADOPTED}"

# Each deadline rule's computation; the rule's condition says when it applies.
_DEADLINES = {"deadline_safetynet": registration_deadline, "deadline_police_report": police_report_deadline}


@cache
def _rules_version() -> str:
    """The rules' version, hashed at the first result rather than when the engine starts."""
    return rules_version()


def evaluate(answers: Mapping, now: datetime) -> dict:
    """The result for ``answers`` (the contract's answers object) evaluated at ``now``.

    ``now`` is a timezone-aware datetime (or an ISO 8601 string). Raises
    :class:`~wizard.contract.AnswerError` for answers the contract does not allow.
    Answers to questions that the other answers do not ask are left out of the
    evaluation and listed in ``ignored_answers``. The result is plain JSON data with
    a fixed key order.
    """
    now = parse_now(now)
    valid = validate(answers, now)
    kept = prune(valid)
    assessment = assess(kept)
    incidents = _incidents(kept)
    moments = tuple(moment for _, moment in incidents)

    facts = assessment.facts(moments=moments)
    deadlines = [
        _DEADLINES[rule.id](moment, now, which)
        for which, moment in incidents
        for rule in DEADLINE_RULES
        if rule.applies(facts)
    ]
    facts = assessment.facts(moments=moments, deadlines={d["id"]: d for d in deadlines})
    steps_by_role = {role: steps_for(role, facts) for role in ROLES}

    return {
        "rules_version": _rules_version(),
        "guideline": GUIDELINE,
        "evaluated_at": now.astimezone(COPENHAGEN).isoformat(timespec="seconds"),
        "role": kept["role"],
        "categories": list(assessment.categories),
        "offences": [_offence(id) for id in assessment.offences],
        "reasons": {key: [_reason(r) for r in fired] for key, fired in assessment.reasons.items()},
        "action_plan": assessment.action_plan,
        "work_accident": assessment.work_accident,
        "deadlines": deadlines,
        "steps": steps_by_role[kept["role"]],
        "step_groups": step_groups_of(steps_by_role[kept["role"]]),
        "steps_by_role": steps_by_role,
        "notes": notes_for(facts),
        "legal_info": legal_info_for(facts),
        "labels": {
            "categories": {c: CATEGORY_LABELS[c].text for c in assessment.categories},
            "roles": dict(ROLE_LABELS),
            "action_plan": FLAG_LABELS["action_plan"][_json_key(assessment.action_plan)],
            "work_accident": FLAG_LABELS["work_accident"][_json_key(assessment.work_accident)],
        },
        "answers": kept,
        "answer_labels": [
            {"id": q.id, "question": worded(q, kept).label, "answer": answer_label(q.id, kept[q.id])}
            for q in QUESTIONS
            if q.id in kept
        ],
        "ignored_answers": [key for key in valid if key not in kept],
    }


def _incidents(answers: Mapping) -> list[tuple[str | None, Moment]]:
    """The incidents the deadlines count from: the latest and the first of repeated ones, or the one."""
    first = parse_moment("incident_at", answers["incident_at"])
    if "latest_incident_at" not in answers:
        return [(None, first)]
    latest = parse_moment("latest_incident_at", answers["latest_incident_at"])
    if (latest.instant, latest.has_time) == (first.instant, first.has_time):
        return [(None, first)]
    return [("latest", latest), ("first", first)]


def step_groups_of(steps: list[dict]) -> list[dict]:
    """The groups the steps fall in, in the result's order, each with the deadline it is dated by (or None)."""
    return [
        {"id": group, "deadline": next(s["deadline"] for s in steps if s["group"] == group)}
        for group in GROUPS
        if any(s["group"] == group for s in steps)
    ]


def _offence(id: str) -> dict:
    offence = OFFENCES[id]
    return {
        "id": offence.id,
        "label": offence.label,
        "reference": offence.reference,
        "basis": offence.basis,
        "info": offence.info,
        "source": offence.source.href,
    }


def _reason(fired: Mapping) -> dict:
    rule = RULES_BY_ID[fired["rule"]]
    return {
        "rule": rule.id,
        "outcome": rule.outcome,
        "source": rule.source.href,
        "answers": [
            {"field": a["field"], "value": a["value"], "label": _value_label(a["field"], a["value"])}
            for a in fired["answers"]
        ],
    }


def _value_label(field: str, value: object) -> str:
    return answer_label(field, [value] if field == "behaviours" else value)


def _json_key(value: bool | None) -> str:
    return {True: "true", False: "false", None: "null"}[value]
