"""One table-driven test per rule, and the rules table's link to the published guideline."""

import re
from pathlib import Path

import pytest

from wizard.contract import BEHAVIOURS
from wizard.guideline import NUMBERS, SECTIONS
from wizard.rules import HARASSMENT, OFFENCES, RULES, RULES_BY_ID, assess, categories

DOCS = Path(__file__).resolve().parents[2] / "docs"


def assessed(**answers):
    return assess({"role": "employee", "incident_at": "2024-10-14", **answers})


@pytest.mark.parametrize(
    "behaviour, expected_categories, expected_offences",
    [
        ("criticism", ("protected_speech",), ()),
        ("access_request", ("protected_speech",), ()),
        ("insults", ("work_environment",), ()),
        ("work_phone_messages", ("work_environment",), ()),
        ("fake_profile", ("work_environment", "data_protection"), ()),
        # Video and pictures under Databeskyttelsesloven, not the sound recording's rule.
        ("video", ("work_environment", "data_protection"), ()),
        ("accusations", ("work_environment", "criminal"), ("defamation",)),
        ("private_info", ("work_environment", "criminal", "data_protection"), ("private_affairs",)),
        ("racism", ("work_environment", "criminal"), ("racism",)),
        ("threats", ("work_environment", "criminal"), ("threats",)),
        ("surveillance", ("work_environment", "criminal"), ("surveillance",)),
        ("stalking", ("work_environment", "criminal"), ("stalking",)),
    ],
)
def test_behaviour_rules(behaviour, expected_categories, expected_offences):
    result = assessed(behaviours=[behaviour])
    assert result.categories == expected_categories
    assert result.offences == expected_offences
    for category in expected_categories:
        assert {"field": "behaviours", "value": behaviour} in result.reasons[category][0]["answers"]


@pytest.mark.parametrize(
    "shared, expected_categories, expected_offences, rules",
    [
        (False, ("protected_speech",), (), {"protected_recording"}),
        # A recording whose sharing is not known is not lawful criticism: it stays undecided.
        ("unknown", ("undecided",), (), {"undecided_recording"}),
        (
            True,
            ("work_environment", "criminal"),
            ("recording_shared",),
            {"recording_shared_work_environment", "criminal_recording_shared"},
        ),
    ],
)
def test_recording_rules(shared, expected_categories, expected_offences, rules):
    result = assessed(behaviours=["recording"], recording_shared=shared)
    assert result.categories == expected_categories
    assert result.offences == expected_offences
    fired = {r["rule"] for c in expected_categories for r in result.reasons[c]}
    assert fired == rules


def test_unanswered_recording_question_counts_as_unknown():
    assert assessed(behaviours=["recording"]).categories == ("undecided",)


def test_every_harassment_behaviour_is_an_incident_to_register():
    for behaviour in HARASSMENT:
        assert "work_environment" in categories({"behaviours": [behaviour]}), behaviour
    lawful = set(BEHAVIOURS) - set(HARASSMENT)
    assert lawful == {"criticism", "access_request", "recording"}


def test_categories_combine_harassment_first_and_what_is_tolerated_last():
    result = assessed(behaviours=["threats", "criticism", "fake_profile"])
    assert result.categories == ("work_environment", "criminal", "data_protection", "protected_speech")
    both = assessed(behaviours=["criticism", "recording"], recording_shared="unknown")
    assert both.categories == ("undecided", "protected_speech")


@pytest.mark.parametrize(
    "impact, repeated, expected, rules",
    [
        (1, False, False, ["action_plan_not_needed"]),
        (5, False, False, ["action_plan_not_needed"]),  # "mellem 1 og 5 laves der ikke en handleplan"
        (6, False, True, ["action_plan_impact"]),  # "ved påvirkning over 5"
        (10, False, True, ["action_plan_impact"]),
        (1, True, True, ["action_plan_repeated"]),
        (5, True, True, ["action_plan_repeated"]),
        (6, True, True, ["action_plan_impact", "action_plan_repeated"]),
        (6, "unknown", True, ["action_plan_impact"]),
        ("unknown", True, True, ["action_plan_repeated"]),
        (5, "unknown", None, ["action_plan_unknown"]),
        ("unknown", False, None, ["action_plan_unknown"]),
        ("unknown", "unknown", None, ["action_plan_unknown"]),
        (None, None, None, ["action_plan_unknown"]),  # unanswered counts as "Ved ikke"
    ],
)
def test_action_plan_rule(impact, repeated, expected, rules):
    answers = {"behaviours": ["insults"]}
    if impact is not None:
        answers["impact"] = impact
    if repeated is not None:
        answers["repeated"] = repeated
    result = assessed(**answers)
    assert result.action_plan is expected
    assert [r["rule"] for r in result.reasons["action_plan"]] == rules


NO_ACCIDENT = {"absence": False, "treatment": False, "wants_work_accident": False}


def test_no_action_plan_without_anything_to_register():
    result = assessed(behaviours=["access_request", "criticism"], **NO_ACCIDENT)
    assert result.action_plan is False
    assert [r["rule"] for r in result.reasons["action_plan"]] == ["action_plan_no_registration"]
    # A work accident not yet clarified may still bring a registration: never read as "no".
    open_accident = assessed(behaviours=["access_request", "criticism"])
    assert open_accident.action_plan is None
    assert [r["rule"] for r in open_accident.reasons["action_plan"]] == ["action_plan_unknown"]


@pytest.mark.parametrize("behaviour", ["criticism", "access_request", "recording"])
def test_lawful_conduct_reported_as_a_work_accident_gets_the_action_plan_rule(behaviour):
    # "Når man foretager en registrering …": a work accident is registered, whatever happened.
    answers = {"behaviours": [behaviour], "recording_shared": False, **NO_ACCIDENT, "absence": True}
    result = assessed(**answers, impact=8, repeated=False)
    assert (result.categories, result.work_accident, result.action_plan) == (("protected_speech",), True, True)
    assert [r["rule"] for r in result.reasons["action_plan"]] == ["action_plan_impact"]
    assert assessed(**answers, impact=3, repeated=False).action_plan is False
    assert assessed(**answers, impact=3, repeated=True).action_plan is True


@pytest.mark.parametrize(
    "impact, repeated, expected, rule",
    [
        (8, False, None, "action_plan_if_registered"),
        (2, True, None, "action_plan_if_registered"),
        (2, False, False, "action_plan_not_needed"),  # "mellem 1 og 5 laves der ikke en handleplan", either way
        ("unknown", False, None, "action_plan_unknown"),
    ],
)
def test_where_the_registration_is_open_so_is_the_plan_it_brings(impact, repeated, expected, rule):
    result = assessed(behaviours=["recording"], recording_shared="unknown", impact=impact, repeated=repeated)
    assert result.action_plan is expected
    assert [r["rule"] for r in result.reasons["action_plan"]] == [rule]


@pytest.mark.parametrize("rule", [r for r in RULES if r.id in ("action_plan_impact", "action_plan_repeated")])
def test_the_action_plan_rules_say_they_are_the_guides_reading_of_og(rule):
    # The guideline says "over 5 og hvis … gentagne gange"; the guide applies either condition alone.
    assert "og" in rule.quote and "guiden læser det som hver af de to betingelser" in rule.outcome


ALL_NO = {"absence": False, "treatment": False, "wants_work_accident": False}


@pytest.mark.parametrize("behaviours", [["threats"], ["criticism"], ["access_request"], ["recording"]])
@pytest.mark.parametrize(
    "answers, expected, rule",
    [
        ({}, None, "work_accident_unknown"),  # unanswered counts as "Ved ikke", never as "Nej"
        (ALL_NO, None, "work_accident_no_reason"),  # not a "no": the manager decides with the employee
        ({**ALL_NO, "treatment": "unknown"}, None, "work_accident_unknown"),
        ({**ALL_NO, "absence": True}, True, "work_accident"),
        ({**ALL_NO, "treatment": True}, True, "work_accident"),
        ({**ALL_NO, "wants_work_accident": True}, True, "work_accident"),
        ({"absence": True, "treatment": "unknown", "wants_work_accident": True}, True, "work_accident"),
    ],
)
def test_work_accident_rule_whatever_happened(behaviours, answers, expected, rule):
    # "SKAL hændelsen anmeldes som en arbejdsulykke" has no condition on what happened.
    result = assessed(behaviours=behaviours, recording_shared=False, **answers)
    assert result.work_accident is expected
    (reason,) = result.reasons["work_accident"]
    assert reason["rule"] == rule
    if expected:
        fields = [a["field"] for a in reason["answers"]]
        assert fields == [k for k in ("absence", "treatment", "wants_work_accident") if answers.get(k) is True]


@pytest.mark.parametrize(
    "offence, reference, basis",
    [
        ("defamation", "Straffeloven § 267 (og § 268)", "guideline"),
        ("private_affairs", "Straffeloven § 264 d", "guideline"),
        ("racism", "Straffeloven § 266 b (se også § 267)", "guideline"),
        ("threats", "Straffeloven § 266 (se også § 119)", "guideline"),
        ("surveillance", "Straffeloven § 264 a", "guideline"),
        # Sharing is § 264 d ("åbenbart kan forlanges unddraget offentligheden"); § 263 makes the recording lawful.
        ("recording_shared", "Straffeloven § 264 d (optagelsen selv, se § 263, stk. 2, nr. 2)", "guideline"),
        ("stalking", "Straffeloven § 242 og § 119 a", "legal_notes"),
    ],
)
def test_offence_references_from_the_legal_notes(offence, reference, basis):
    assert (OFFENCES[offence].reference, OFFENCES[offence].basis) == (reference, basis)
    assert OFFENCES[offence].info


def test_every_offence_comes_from_a_rule_and_every_criminal_rule_names_one():
    named = {o for rule in RULES for o in rule.offences}
    assert named == set(OFFENCES)
    for rule in RULES:
        assert bool(rule.offences) == ("criminal" in rule.categories), rule.id


def test_rule_records_are_complete():
    assert len(RULES_BY_ID) == len(RULES)
    for rule in RULES:
        assert rule.kind in ("category", "action_plan", "work_accident", "deadline")
        assert rule.inputs and rule.outcome and rule.quote
        assert SECTIONS[rule.source.anchor] is rule.source
        assert bool(rule.when) == (rule.kind == "category") == bool(rule.categories)
        # Every other rule names the condition under which the engine applies it.
        assert (rule.applies is None) == (rule.kind == "category")


def test_the_deadline_rules_are_the_ones_evaluate_applies():
    from wizard.rules import DEADLINE_RULES

    assert [r.id for r in DEADLINE_RULES] == ["deadline_safetynet", "deadline_police_report"]
    assert "så hurtigt som muligt og senest" in RULES_BY_ID["deadline_safetynet"].outcome
    assert "betingelse for erstatning efter voldsoffererstatningsloven" in RULES_BY_ID["deadline_police_report"].outcome


def _section_text(page: str, anchor: str) -> str:
    """The published words of one section: the Markdown from its heading to the next heading."""
    path = DOCS / (page.rstrip("/") + ".md" if page.rstrip("/") != "retningslinje" else "retningslinje/index.md")
    text = path.read_text(encoding="utf-8")
    start = re.search(rf"^#+ .*\{{#{re.escape(anchor)}\}}\s*$", text, re.M)
    assert start, f"{anchor} is not a heading on {path}"
    end = re.search(r"^#+ ", text[start.end() :], re.M)
    body = text[start.end() : start.end() + end.start() if end else None]
    body = re.sub(r"\{\{\s*([a-z_]+)\s*\}\}", lambda m: str(NUMBERS[m.group(1)]), body)
    body = re.sub(r"^\s*- ", "", body.replace("**", "").replace("<br>", " "), flags=re.M)
    return " ".join(body.split())


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_rule_quotes_its_section_word_for_word(rule):
    # Every rule traces to a sentence of the adopted guideline as the site publishes it.
    published = _section_text(rule.source.page, rule.source.anchor)
    for fragment in rule.quote.split("…"):
        fragment = " ".join(fragment.split())
        if fragment:
            assert fragment in published, f"{rule.id}: {fragment!r} not in {rule.source.href}"


def _texts_with_quotes():
    from wizard.notes import NOTES
    from wizard.steps import STEPS

    found = [(f"step {role}.{s.id}", s.text) for role, steps in STEPS.items() for s in steps]
    found += [(f"note {id}", text) for id, text in NOTES.items()]
    return [(name, text) for name, text in found if text.quote]


@pytest.mark.parametrize("name, text", _texts_with_quotes(), ids=[n for n, _ in _texts_with_quotes()])
def test_a_step_or_note_quotes_its_section_word_for_word(name, text):
    assert text.basis == "guideline" and text.source is not None
    published = _section_text(text.source.page, text.source.anchor)
    for fragment in text.quote.split("…"):
        fragment = " ".join(fragment.split())
        if fragment:
            assert fragment in published, f"{name}: {fragment!r} not in {text.source.href}"


def test_evaluate_applies_a_deadline_rule_exactly_under_its_condition(monkeypatch):
    # The condition the rules page prints is the one evaluate() tests: change it and the result follows.
    from dataclasses import replace

    from wizard import result as evaluate_module
    from wizard.conditions import Condition
    from wizard.rules import DEADLINE_RULES

    answers = {"role": "manager", "behaviours": ["threats"], "incident_at": "2024-10-14T09:30"}
    before = [d["id"] for d in evaluate_module.evaluate(answers, "2024-10-15T12:00+02:00")["deadlines"]]
    never = Condition("never", "Aldrig.", lambda facts: False)
    monkeypatch.setattr(evaluate_module, "DEADLINE_RULES", tuple(replace(r, applies=never) for r in DEADLINE_RULES))
    after = [d["id"] for d in evaluate_module.evaluate(answers, "2024-10-15T12:00+02:00")["deadlines"]]
    assert (before, after) == (["safetynet", "police_report"], [])
