"""A link per role into the guide (the front page's cards, an intranet page): the role is chosen for the reader,
who still answers "Er nogen i fare lige nu?" first and confirms the role."""

import pytest

from tests.e2e.guide import answer, kept_steps, submit, wait_for_screen, wait_ready_or_failed
from tools.site import role_links

pytestmark = pytest.mark.browser


def role_inputs(page) -> dict[str, bool]:
    return page.eval_on_selector_all(
        'form[data-question="role"] input[name="role"]',
        "inputs => Object.fromEntries(inputs.map(i => [i.value, i.checked]))",
    )


@pytest.mark.parametrize("ready", [False, True], ids=["while-loading", "ready"])
@pytest.mark.parametrize("role", ["employee", "colleague", "manager"])
def test_the_guide_opened_for_a_role_asks_about_danger_first_then_shows_the_role_chosen(page, site_url, role, ready):
    page.goto(site_url + role_links.guide_link(role), wait_until="load")
    if ready:
        wait_ready_or_failed(page)
    wait_for_screen(page, "danger_now")
    answer(page, "danger_now", "no")
    wait_for_screen(page, "role")
    assert role_inputs(page) == {r: r == role for r in ("employee", "colleague", "manager")}
    submit(page)
    wait_for_screen(page, "behaviours")
    if ready:
        assert [step["form"] for step in kept_steps(page) if step.get("question") == "role"] == [{"role": [role]}]


def test_the_readers_own_choice_is_kept(page, site_url):
    page.goto(site_url + role_links.guide_link("manager"), wait_until="load")
    wait_for_screen(page, "danger_now")
    answer(page, "danger_now", "no")
    wait_for_screen(page, "role")
    page.locator('form[data-question="role"] input[value="employee"]').check()
    submit(page)
    wait_for_screen(page, "behaviours")
    page.go_back()
    wait_for_screen(page, "role")
    assert role_inputs(page)["employee"] is True and role_inputs(page)["manager"] is False


def test_the_front_page_card_opens_the_guide_with_the_role_chosen(page, site_url):
    page.goto(site_url, wait_until="networkidle")
    page.locator('[data-role-card="colleague"] a[data-role-guide]').click()
    page.wait_for_url(f"**/{role_links.guide_link('colleague')}*")
    wait_for_screen(page, "danger_now")
    answer(page, "danger_now", "no")
    wait_for_screen(page, "role")
    assert role_inputs(page)["colleague"] is True


def test_the_front_page_card_also_opens_the_guidelines_checklist(page, site_url):
    page.goto(site_url, wait_until="networkidle")
    page.locator('[data-role-card="manager"] a[data-role-checklist]').click()
    page.wait_for_url("**/retningslinje/naar-det-sker/#leder")
