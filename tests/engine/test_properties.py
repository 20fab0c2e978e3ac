"""Property-based tests: any JSON value in any field gives a valid result or a Danish message naming the field."""

from hypothesis import given
from hypothesis import strategies as st

from tests.engine.answer_values import (
    BASE,
    NOW,
    PROFILE,
    any_key,
    any_value,
    assert_danish,
    assert_danish_naming,
    json_values,
)
from tests.engine.result_schema import check_result
from wizard import AnswerError, evaluate
from wizard.contract import FIELDS, REQUIRED


@PROFILE
@given(key=any_key, value=any_value, delete=st.booleans())
def test_any_value_in_any_field_gives_a_result_or_names_the_field(key, value, delete):
    answers = dict(BASE)
    if delete:
        answers.pop(key, None)
    else:
        answers[key] = value
    try:
        result = evaluate(answers, NOW)
    except AnswerError as error:
        assert error.field == key
        assert_danish_naming(error.message, key, value)
    else:
        check_result(result)
        assert delete or key not in FIELDS or key in result["answers"] or key in result["ignored_answers"]


@PROFILE
@given(raw=st.one_of(json_values, st.dictionaries(any_key, any_value, max_size=len(FIELDS) + 2)))
def test_any_json_document_gives_a_result_or_names_a_field(raw):
    try:
        result = evaluate(raw, NOW)
    except AnswerError as error:
        allowed = {"answers", *REQUIRED, *(raw if isinstance(raw, dict) else ())}
        assert error.field in allowed
        if error.field != "answers":
            assert_danish_naming(error.message, error.field, raw.get(error.field))
        else:
            assert_danish(error.message, raw)
    else:
        check_result(result)
