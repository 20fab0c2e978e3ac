"""Faults of the tab's own data in Chromium: tampered kept answers, and what a typed note may hold on paper.

The faults of the files the guide runs, and of its script, are in tests/test_served_faults.py (nginx with the
shipped configuration); a damaged or edited snapshot in tests/e2e/test_snapshot.py.
"""

import json

import pytest

from tests.e2e.guide import (
    MANAGER_ADDRESS_PUBLISHED,
    STEPS_KEY,
    answer,
    current_screen,
    kept_steps,
    open_guide,
    see_result,
    wait_for_screen,
    walk,
)
from wizard.bidi_controls import BIDI_CONTROLS
from wizard.screens.ui import UI

pytestmark = pytest.mark.browser

DANGER = {"action": "answer", "question": "danger_now", "form": {"danger_now": ["no"]}}
ROLE = {"action": "answer", "question": "role", "form": {"role": ["manager"]}}
BEHAVIOURS = {"action": "answer", "question": "behaviours", "form": {"behaviours": ["insults"]}}
# A kept step as the issue found them tampered with, or one only the engine can refuse.
TAMPERED_STEPS = {
    "no form": {"action": "answer", "question": "role"},
    "null form": {"action": "answer", "question": "role", "form": None},
    "a number for a field": {"action": "answer", "question": "behaviours", "form": {"behaviours": 5}},
    "a bare form": {"behaviours": 5},
    "garbage": "garbage",
    "a question the engine does not know": {"action": "answer", "question": "no_such", "form": {"no_such": ["1"]}},
}
# The whole stored value tampered with.
TAMPERED_VALUES = {
    "garbage": "garbage",
    "cut off": '{"version": 2, "steps": [',
    "steps not a list": '{"version": 2, "steps": 5}',
    "a future format": '{"version": 99, "steps": []}',
    "null": "null",
}
UNREADABLE = " ".join(UI["kept_unreadable"].split())


def keep_for_the_tab(page, stored: str) -> None:
    """``stored`` as the tab's kept answers when the page first opens (a reload keeps what the page made of it)."""
    page.add_init_script(
        "if (!sessionStorage.getItem('test:kept')) {"
        f" sessionStorage.setItem({STEPS_KEY!r}, {json.dumps(stored)}); sessionStorage.setItem('test:kept', '1'); }}"
    )


def told(page) -> list[str]:
    return [" ".join(text.split()) for text in page.locator("[data-guide-unreadable]").all_inner_texts()]


def ready(page) -> None:
    page.wait_for_selector('[data-guide][data-state="ready"]', timeout=60_000)


def clear_answers(page) -> None:
    page.click('[data-guide-screen] [data-guide-ask="clear"]')
    page.click('[data-guide-confirm="clear"] [data-guide-action="clear"]')
    wait_for_screen(page, "danger_now")
    assert kept_steps(page) == []


@pytest.mark.parametrize("tampered", TAMPERED_STEPS.values(), ids=TAMPERED_STEPS.keys())
def test_a_tampered_kept_step_is_skipped_the_answers_after_it_are_kept_and_the_tab_keeps_working(page, site_url,
                                                                                                tampered):
    keep_for_the_tab(page, json.dumps({"version": 2, "steps": [DANGER, tampered, ROLE, BEHAVIOURS]}))
    open_guide(page, site_url)
    wait_for_screen(page, "incident_at")
    assert [step["question"] for step in kept_steps(page)] == ["danger_now", "role", "behaviours"]
    assert told(page) == [UNREADABLE]
    # Across a reload: the same place and answers, and the reader is not told again.
    page.reload()
    ready(page)
    assert current_screen(page) == "incident_at" and told(page) == []
    page.click('[data-guide-screen] [data-guide-action="back"]')
    wait_for_screen(page, "behaviours")
    assert page.is_checked('input[name="behaviours"][value="insults"]')
    # "Slet mine svar" works, and so does the guide after it, reloaded or not.
    clear_answers(page)
    answer(page, "danger_now", "no")
    wait_for_screen(page, "role")
    page.reload()
    ready(page)
    assert current_screen(page) == "role" and told(page) == []
    assert page.locator('input[name="role"]:checked').count() == 0


@pytest.mark.parametrize("stored", TAMPERED_VALUES.values(), ids=TAMPERED_VALUES.keys())
def test_tampered_kept_answers_leave_the_guide_at_its_first_question_working(page, site_url, stored):
    keep_for_the_tab(page, stored)
    open_guide(page, site_url)
    wait_for_screen(page, "danger_now")
    assert told(page) == [UNREADABLE]
    answer(page, "danger_now", "no")
    wait_for_screen(page, "role")
    clear_answers(page)
    page.reload()
    ready(page)
    assert current_screen(page) == "danger_now" and told(page) == []
    assert page.locator("[data-guide-fallback]").is_hidden()


def test_bidirectional_controls_in_a_typed_note_are_not_printed(page, site_url):
    open_guide(page, site_url)
    walk(page, MANAGER_ADDRESS_PUBLISHED)
    see_result(page)
    # U+202E would print "moc.elpmaxe//:sptth" after it; the isolates would reorder "profil".
    typed = "https://\u202eexample.com/\u2066profil\u2069"
    page.locator('[data-case-part="note"] > summary').click()
    page.fill('[data-case-field="note.address"]', typed)
    page.wait_for_function("document.querySelector('[data-case-print]').textContent.includes('profil')")
    page.emulate_media(media="print")
    printed = page.locator("[data-case-print]").inner_text()
    assert "https://example.com/profil" in printed
    assert not set(printed) & set(BIDI_CONTROLS)
    # The field keeps what was typed: the reader's own text is only changed on its way to paper and the copy.
    assert page.input_value('[data-case-field="note.address"]') == typed
