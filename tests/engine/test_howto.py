"""The guide's own how-tos on the steps, and the documentation note in the copied text (issue 15)."""

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.html_tree import parse_html
from wizard import export, howto
from wizard.bidi_controls import without_bidi_controls
from wizard.case_input import FIELDS as CASE_FIELDS
from wizard.case_input import PART_LABELS
from wizard.contract import ROLES
from wizard.moments import parse_now
from wizard.result import evaluate
from wizard.screens.result import result_screen
from wizard.screens.ui import UI
from wizard.session import Session, respond
from wizard.steps import STEPS
from wizard.texts import CONTACT_LABELS

NOW = "2024-10-15T12:00+02:00"
MARKUP = '<script>alert("x")</script><img src=x onerror=alert(1)> & "quotes"'


def criminal(role: str) -> dict:
    return evaluate({"role": role, "behaviours": ["threats"], "incident_at": "2024-10-14T09:30"}, NOW)


def step(result: dict, step_id: str) -> dict:
    (found,) = [s for s in result["steps"] if s["id"] == step_id]
    return found


@pytest.mark.parametrize("role", ROLES)
def test_a_possibly_criminal_incident_carries_the_police_how_to(role):
    result = criminal(role)
    assert "criminal" in result["categories"]
    police = step(result, "police_report")["howto"]
    assert "114" in [phone["number"] for phone in police["phones"]]
    assert "114" in police["text"] and "personalejura" in police["text"]
    assert howto.PAGES["police"] in [link["href"] for link in police["links"]]
    assert police["contacts"] == ["personalejura"]


def test_the_police_how_to_is_rendered_with_a_tel_link_and_the_page_link():
    html = result_screen(criminal("manager"), root="../")
    tree = parse_html(html)
    (item,) = tree.find_all(data_step="police_report")
    hrefs = [a.attrs["href"] for a in item.find_all("a")]
    assert "tel:114" in hrefs and "tel:112" in hrefs
    assert "../" + howto.PAGES["police"] in hrefs
    # Marked as the guide's own, not the guideline: by the mark the legend explains, not a sentence under each step.
    (label,) = item.with_class("guide-howto__label")
    assert label.one(data_basis="guide").text() == UI["mark_guide"]
    assert UI["howto"] not in item.text()
    (slot,) = item.find_all(data_contact_slot="personalejura")
    assert CONTACT_LABELS["personalejura"] in slot.text()


def test_document_and_platform_steps_link_their_pages():
    employee = criminal("employee")
    assert howto.PAGES["document"] in [link["href"] for link in step(employee, "document")["howto"]["links"]]
    manager = evaluate({"role": "manager", "behaviours": ["private_info"], "incident_at": "2024-10-14"}, NOW)
    platform = step(manager, "contact_platform")["howto"]
    assert howto.PAGES["take_down"] in [link["href"] for link in platform["links"]]
    assert howto.PAGES["datatilsynet"] in [link["href"] for link in step(manager, "datatilsynet")["howto"]["links"]]


def test_every_how_to_belongs_to_a_step_and_names_known_contacts_and_pages():
    step_ids = {s.id for steps in STEPS.values() for s in steps}
    assert set(howto.HOWTO) <= step_ids
    for entry in howto.HOWTO.values():
        assert set(entry.contacts) <= set(CONTACT_LABELS)
        assert set(entry.pages) <= set(howto.PAGES)
        assert entry.text or entry.pages or entry.phones or entry.contacts
    assert set(howto.CONTACT_IDS) == {c for entry in howto.HOWTO.values() for c in entry.contacts}


@pytest.mark.parametrize("role", ROLES)
def test_the_task_to_ring_112_is_a_number_to_tap(role):
    result = evaluate({"role": role, "danger_now": True, "behaviours": ["threats"], "incident_at": "2024-10-14"}, NOW)
    assert result["steps"][0]["id"] == "call_112"
    (item,) = parse_html(result_screen(result, root="../")).find_all(data_step="call_112")
    assert [a.attrs["href"] for a in item.find_all("a") if a.attrs["href"].startswith("tel:")] == ["tel:112"]


def test_a_step_without_a_how_to_renders_nothing_extra():
    result = criminal("employee")
    assert step(result, "tell_colleagues")["howto"] is None
    (item,) = parse_html(result_screen(result, root="../")).find_all(data_step="tell_colleagues")
    assert item.with_class("guide-howto") == []


# --- The documentation note (the case's note: wizard/case_input.py) -------------------------------------------


NOTE = CASE_FIELDS["note"]
FIELDS = [field.id for field in NOTE]


def test_the_note_fields_sit_in_no_form_and_ask_the_browser_to_keep_nothing():
    html = result_screen(criminal("employee"), root="../")
    tree = parse_html(html)
    (note,) = tree.find_all("details", data_case_part="note")
    assert "<form" not in html  # Enter in a field can never submit it into a URL
    controls = note.find_all("input") + note.find_all("textarea")
    assert sorted(c.attrs["data-case-field"] for c in controls) == sorted(f"note.{field}" for field in FIELDS)
    for control in controls:
        assert control.attrs["autocomplete"] == "off" and control.attrs["spellcheck"] == "false"
        assert "name" not in control.attrs and "value" not in control.attrs
        (label,) = [lab for lab in tree.find_all("label") if lab.attrs.get("for") == control.attrs["id"]]
        assert label.text()
    # On paper the engine prints what is written (wizard/screens/case.py), into this block.
    assert len(tree.find_all(data_case_print=None)) == 1


def test_the_result_screen_has_the_tools_before_the_tasks_and_the_note_after_them():
    html = result_screen(criminal("employee"), root="../")
    assert html.index('data-guide-action="copy"') < html.index("data-step=") < html.index('data-case-part="note"')


def test_an_empty_or_missing_note_adds_nothing():
    for note in (None, {}, {f: "  " for f in FIELDS}, "text", ["where"], {"where": 3, "what": None}):
        assert export.note_as_text(note) == ""


def test_the_note_is_copied_as_plain_text_in_field_order_with_markup_kept_literally():
    note = {field: f"{field}: {MARKUP}" for field in FIELDS}
    note["what"] = "første linje\nanden <b>linje</b>"
    text = export.note_as_text(note)
    lines = text.splitlines()
    assert lines[1] == PART_LABELS["note"].upper()
    for field in NOTE:
        assert f"- {field.label}" in lines
    assert f"  where: {MARKUP}" in lines
    assert "  første linje" in lines and "  anden <b>linje</b>" in lines
    positions = [text.index(field.label) for field in NOTE]
    assert positions == sorted(positions)


@given(
    st.dictionaries(st.sampled_from(FIELDS), st.text()),
    st.dictionaries(st.text().filter(lambda key: key not in FIELDS), st.text()),
)
def test_every_written_field_and_nothing_else_reaches_the_text(note, unknown):
    text = export.note_as_text({**unknown, **note})
    typed = [without_bidi_controls(value) for value in note.values()]
    for value in typed:
        for line in value.strip().splitlines():
            assert line.rstrip() in text
    assert bool(text) == any(value.strip() for value in typed)
    label_lines = [line for line in text.splitlines() if line.startswith("- ")]
    assert len(label_lines) == sum(1 for value in typed if value.strip())


def test_a_typed_address_with_bidirectional_controls_is_copied_in_the_order_it_was_typed():
    # U+202E (right-to-left override) would show "moc.elpmaxe//:sptth" after it in the copied text.
    text = export.note_as_text({"address": "https://\u202eexample.com/\u2066profil\u2069"})
    assert "  https://example.com/profil" in text.splitlines()
    assert not any(char in text for char in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def test_the_session_copies_the_note_after_the_result_only_when_asked():
    session = Session()
    now = parse_now(NOW)
    session.answers = {"danger_now": False, "role": "employee", "behaviours": ["threats"],
                       "incident_at": "2024-10-14T09:30", "outside_work_hours": False, "impact": 3,
                       "repeated": False, "absence": False, "treatment": False, "wants_work_accident": False}
    assert respond(session, {"action": "confirm"}, now)["screen"] == "result"
    plain = respond(session, {"action": "copy"}, now)["copy"]
    assert plain == export.as_text(session.result)
    noted = respond(session, {"action": "copy", "case": {"note": {"where": MARKUP}}}, now)["copy"]
    assert noted.startswith(plain) and MARKUP in noted
    # The session keeps nothing of it: the next copy without a note has none.
    assert respond(session, {"action": "copy"}, now)["copy"] == plain
    assert not re.search("where|" + re.escape(MARKUP), repr(vars(session)))
