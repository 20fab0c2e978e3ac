"""The answers contract: what validate() accepts, how it normalises, and what it refuses."""

from datetime import UTC, datetime

import pytest

from wizard import AnswerError, content, validate
from wizard.contract import BEHAVIOURS, FIELDS
from wizard.moments import parse_moment, parse_now

BASE = {"role": "employee", "behaviours": ["threats"], "incident_at": "2024-10-14"}
NOW = datetime(2024, 10, 20, 12, 0, tzinfo=UTC)


def with_(**changes):
    return {**BASE, **changes}


@pytest.mark.parametrize(
    "field, value",
    [
        ("danger_now", True),
        ("danger_now", False),
        ("role", "colleague"),
        ("role", "manager"),
        ("recording_shared", "unknown"),
        ("recording_shared", True),
        ("outside_work_hours", False),
        ("outside_work_hours", "unknown"),
        ("colleague_knows", False),
        ("absence", True),
        ("treatment", False),
        ("wants_work_accident", True),
        ("impact", 1),
        ("impact", 10),
        ("impact", "unknown"),
        ("repeated", "unknown"),
        ("repeated", False),
        ("incident_at", "2024-10-14T09:30"),
        ("incident_at", "2024-10-14T09:30:15"),
        ("incident_at", "2024-10-14T09:30+02:00"),
        ("incident_at", "2024-10-14T07:30Z"),
        ("incident_at", "2024-10-14T07:30:00.250-01:00"),
        ("latest_incident_at", "2024-10-14"),  # the same day as the first
        ("latest_incident_at", "2024-10-19T23:00"),
    ],
)
def test_accepts_allowed_values(field, value):
    assert validate(with_(**{field: value}))[field] == value


@pytest.mark.parametrize(
    "field, value, allowed",
    [
        ("danger_now", "yes", "true (ja) eller false (nej)"),
        ("danger_now", 1, "true (ja) eller false (nej)"),
        ("danger_now", None, "true (ja) eller false (nej)"),
        ("danger_now", "unknown", "true (ja) eller false (nej)"),
        ("role", "leader", "employee, colleague, manager"),
        ("role", ["employee"], "employee, colleague, manager"),
        ("behaviours", [], "mindst én"),
        ("behaviours", "threats", "mindst én"),
        ("behaviours", ["threats", "shouting"], '"shouting" er ikke en af dem'),
        ("behaviours", [1], "1 er ikke en af dem"),
        ("recording_shared", "maybe", '"unknown" (ved ikke)'),
        ("repeated", None, '"unknown" (ved ikke)'),
        ("impact", 0, "helt tal fra 1 til 10"),
        ("impact", 11, "helt tal fra 1 til 10"),
        ("impact", 5.5, "helt tal fra 1 til 10"),
        ("impact", 6.0, "helt tal fra 1 til 10"),
        ("impact", "6", "helt tal fra 1 til 10"),
        ("impact", True, "helt tal fra 1 til 10"),
        ("impact", "Ved ikke", "helt tal fra 1 til 10"),
        ("incident_at", "14-10-2024", "en dato som"),
        ("incident_at", "2024-10-14 09:30", "en dato som"),
        ("incident_at", "2024-1-4", "en dato som"),
        ("incident_at", "２０２４-10-14", "en dato som"),
        ("incident_at", 20241014, "en dato som"),
        ("incident_at", "2024-02-30", "der findes"),
        ("incident_at", "2024-10-14T24:00", "der findes"),
        ("incident_at", "2024-10-14T09:30+24:00", "der findes"),
        ("incident_at", "2024-10-14T09:30+01:60", "der findes"),
        ("incident_at", "1999-12-31", "fra 2000-01-01"),
        ("incident_at", "2024-03-31T02:30", "sommertid"),
        ("colleague_knows", "unknown", "true (ja) eller false (nej)"),
        ("latest_incident_at", "2024-10-13T23:59", '"incident_at" er 2024-10-14'),
        ("latest_incident_at", "14-10-2024", "en dato som"),
    ],
)
def test_refuses_with_danish_message_naming_the_field(field, value, allowed):
    with pytest.raises(AnswerError) as caught:
        validate(with_(**{field: value}))
    assert caught.value.field == field
    assert caught.value.message.startswith(f'Feltet "{field}" ')
    assert allowed in caught.value.message


@pytest.mark.parametrize("field", ["role", "behaviours", "incident_at"])
def test_required_fields(field):
    answers = dict(BASE)
    del answers[field]
    with pytest.raises(AnswerError) as caught:
        validate(answers)
    assert caught.value.field == field
    assert "mangler" in caught.value.message


def test_a_latest_incident_needs_the_first_and_lies_between_it_and_now():
    latest = {"role": "employee", "behaviours": ["threats"], "latest_incident_at": "2024-10-14"}
    with pytest.raises(AnswerError) as caught:
        validate(latest)
    assert caught.value.field == "incident_at"
    assert caught.value.message == content.text("messages", "answers.field").format(
        field="incident_at", requirement=content.text("messages", "field.first_missing")
    )
    with pytest.raises(AnswerError) as caught:
        validate(with_(latest_incident_at="2024-10-20T14:01"), NOW)
    assert caught.value.field == "latest_incident_at"
    assert content.text("messages", "field.after_now") in caught.value.message
    # A time on the first incident's day is not before a first incident known only by its date, nor the reverse.
    assert validate(with_(incident_at="2024-10-14T18:00", latest_incident_at="2024-10-14"), NOW)
    assert validate(with_(latest_incident_at="2024-10-14T00:00"), NOW)


@pytest.mark.parametrize("key", ["Role", "impact_score", "", "now"])
def test_extra_keys_are_refused(key):
    with pytest.raises(AnswerError) as caught:
        validate(with_(**{key: True}))
    assert caught.value.field == key
    assert "kendes ikke" in caught.value.message and ", ".join(FIELDS) in caught.value.message


@pytest.mark.parametrize("raw", [None, [], "answers", 3, [BASE]])
def test_answers_must_be_an_object(raw):
    with pytest.raises(AnswerError) as caught:
        validate(raw)
    assert caught.value.field == "answers"
    assert "JSON-objekt" in caught.value.message


def test_normalises_order_and_repeats():
    got = validate(
        {"incident_at": "2024-10-14", "behaviours": ["criticism", "threats", "criticism"], "role": "manager"}
    )
    assert list(got) == ["role", "behaviours", "incident_at"]
    assert got["behaviours"] == ["threats", "criticism"]
    assert validate(with_(behaviours=list(reversed(BEHAVIOURS))))["behaviours"] == list(BEHAVIOURS)


@pytest.mark.parametrize(
    "incident_at, refused",
    [
        ("2024-10-20", False),  # the same day as now, without time: the day has begun
        ("2024-10-21", True),
        ("2024-10-20T14:00", False),  # 12:00 UTC is 14:00 in Copenhagen
        ("2024-10-20T14:01", True),
        ("2024-10-20T12:00Z", False),
        ("2024-10-20T12:00:01Z", True),
    ],
)
def test_incident_after_now_is_refused(incident_at, refused):
    if refused:
        with pytest.raises(AnswerError) as caught:
            validate(with_(incident_at=incident_at), NOW)
        assert caught.value.field == "incident_at" and "efter" in caught.value.message
    else:
        assert validate(with_(incident_at=incident_at), NOW)["incident_at"] == incident_at


@pytest.mark.parametrize(
    "text, instant, ambiguous",
    [
        ("2024-10-14", "2024-10-14T00:00:00+02:00", False),
        ("2024-01-14T09:30", "2024-01-14T09:30:00+01:00", False),
        ("2024-07-14T09:30", "2024-07-14T09:30:00+02:00", False),
        # 02:30 on 27 October 2024 happens twice; the earlier occurrence (summer time) is used.
        ("2024-10-27T02:30", "2024-10-27T02:30:00+02:00", True),
        ("2024-10-27T03:30", "2024-10-27T03:30:00+01:00", False),
        ("2024-03-31T03:00", "2024-03-31T03:00:00+02:00", False),
        ("2024-10-14T09:30Z", "2024-10-14T09:30:00+00:00", False),
    ],
)
def test_parse_moment_reads_danish_local_time(text, instant, ambiguous):
    moment = parse_moment("incident_at", text)
    assert moment.instant.isoformat() == instant
    assert moment.ambiguous is ambiguous
    assert moment.has_time is ("T" in text)


def test_local_date_of_an_instant_with_offset_is_the_danish_date():
    assert parse_moment("incident_at", "2024-10-14T23:30Z").local_date.isoformat() == "2024-10-15"


@pytest.mark.parametrize("value", ["i går", "", "2024-10-14T09", datetime(2024, 10, 14, 9, 30), "1970-01-01T00:00Z"])
def test_now_is_validated_as_the_field_now(value):
    with pytest.raises(AnswerError) as caught:
        parse_now(value)
    assert caught.value.field == "now" and caught.value.message.startswith('Feltet "now" ')


def test_now_without_offset_is_danish_local_time():
    assert parse_now("2024-07-01T12:00").isoformat() == "2024-07-01T12:00:00+02:00"
    aware = datetime(2024, 7, 1, 10, 0, tzinfo=UTC)
    assert parse_now(aware) is aware
