"""The first screens without Python, danger first, answers kept for the tab, safe controls, Back and reload.

Every test runs on a phone (390x844) and on a desktop screen. "Python stalled" holds every request
for Pyodide's and the engine's files until the test lets them through, so the page has only what it
was built with.
"""

import html
import json
import re
from datetime import UTC, date, datetime, timedelta

import pytest

from tests.e2e.guide import (
    EMPLOYEE_THREATENED,
    MANAGER_ADDRESS_PUBLISHED,
    SIZES,
    STEPS_KEY,
    answer,
    answer_time,
    axe_violations,
    choose,
    current_screen,
    days_ago,
    kept_steps,
    open_guide,
    page_of_size,
    see_result,
    submit,
    wait_for_screen,
    walk,
)
from tests.harness import answer_paths
from tests.harness.guide_driver import screen_values
from wizard import session as shell
from wizard.contract import AnswerError
from wizard.questions import DANGER_SCREEN, QUESTIONS_BY_ID, parse_form
from wizard.screens.ui import UI

pytestmark = pytest.mark.browser

PYTHON_FILES = ("**/assets/pyodide/**", "**/assets/wizard/**")
# The guide gives up on a Python that sends nothing for a while; these tests hold it back on purpose.
PATIENT = """
new MutationObserver((_, observer) => {
  const root = document.querySelector("[data-guide]");
  if (!root) return;
  root.dataset.timeout = root.dataset.stallTimeout = "600000";
  observer.disconnect();
}).observe(document, { subtree: true, childList: true });
"""


@pytest.fixture(params=list(SIZES), ids=list(SIZES))
def page(browser, request):
    with page_of_size(browser, request.param) as page:
        yield page


class StalledPython:
    """Holds every request for Python's files until :meth:`release`."""

    def __init__(self, page):
        self.page = page
        self.held = []
        page.add_init_script(PATIENT)
        for pattern in PYTHON_FILES:
            page.route(pattern, lambda route: self.held.append(route))

    def release(self):
        for route in self.held:
            route.continue_()
        for pattern in PYTHON_FILES:
            self.page.unroute(pattern)


def open_stalled(page, site_url) -> StalledPython:
    python = StalledPython(page)
    open_guide(page, site_url, wait_ready=False)
    page.wait_for_selector("[data-guide][data-mounted]")
    return python


def state(page) -> str:
    return page.get_attribute("[data-guide]", "data-state")


def marks(page, name: str) -> list:
    return page.evaluate("(name) => performance.getEntriesByName(name).map((m) => m.detail)", name)


def press_continue(page, click="click") -> None:
    getattr(page.locator("[data-guide-screen] form button[type=submit]"), click)()


def back_through(page, *screens: str) -> None:
    """Press the browser's Back once for each screen, and wait for that screen each time."""
    for screen in screens:
        page.go_back()
        wait_for_screen(page, screen)


def engine_message(question: str, form: dict) -> str:
    """The engine's own message for ``form`` as the answer to ``question``."""
    try:
        parse_form(question, form)
    except AnswerError as error:
        return error.message
    raise AssertionError(f"the engine takes {form}")


def check_screen_text(page) -> str:
    wait_for_screen(page, "check")
    return page.inner_text(".guide-summary")


def test_danger_shows_112_at_once_without_python(page, site_url):
    python = open_stalled(page, site_url)
    page.check('input[name="danger_now"][value="yes"]')
    press_continue(page)
    wait_for_screen(page, DANGER_SCREEN)
    assert state(page) == "loading"
    assert page.url.endswith("#trin-danger")
    links = page.locator("[data-guide-screen] a")
    call = links.first
    assert call.get_attribute("href") == "tel:112" and call.inner_text().strip() == UI["danger_call"]
    box = call.bounding_box()
    viewport = page.viewport_size
    assert box["y"] + box["height"] <= viewport["height"], "112 is seen without scrolling"
    assert box["height"] >= 44, "a finger hits it"
    text = page.inner_text("[data-guide-screen]")
    assert UI["danger_own"] in text
    assert page.locator("[data-guide-screen] .guide-danger__advice li").count() >= 3
    assert axe_violations(page) == []

    # Once everyone is safe, the guide goes on, still without Python, and Back returns to 112.
    press_continue(page)
    wait_for_screen(page, "role")
    back_through(page, DANGER_SCREEN, "danger_now")
    assert page.is_checked('input[name="danger_now"][value="yes"]')
    page.go_forward()
    wait_for_screen(page, DANGER_SCREEN)
    assert state(page) == "loading"

    # The engine keeps "Ja" as the answer: the result still starts with 112.
    python.release()
    page.wait_for_selector('[data-guide][data-state="ready"]', timeout=60_000)
    assert current_screen(page) == DANGER_SCREEN
    press_continue(page)
    walk(page, EMPLOYEE_THREATENED)
    assert "Ja" in check_screen_text(page)
    see_result(page)
    assert page.eval_on_selector("[data-result] [data-step]", "node => node.dataset.step") == "call_112"


def test_danger_screen_with_python_ready(page, site_url):
    open_guide(page, site_url)
    answer(page, "danger_now", "yes")
    wait_for_screen(page, DANGER_SCREEN)
    assert page.locator('[data-guide-screen] a[href="tel:112"]').is_visible()
    press_continue(page)
    wait_for_screen(page, "role")
    answer(page, "role", "colleague")
    wait_for_screen(page, "behaviours")
    back_through(page, "role", DANGER_SCREEN, "danger_now")
    assert page.is_checked('input[name="danger_now"][value="yes"]')


def engine_screen(session, question: str, form: dict | None) -> dict:
    """The engine's reply (in CPython) to answering ``question`` with ``form``; None: just where it is."""
    request = {"action": "answer", "question": question, "form": form} if form is not None else {"action": "current"}
    return shell.respond(session, {**request, "root": "../"}, datetime.now(UTC))


def shown_place(page) -> dict:
    return page.evaluate(r"""() => {
      const screen = document.querySelector("[data-guide-screen]");
      return {
        heading: screen.querySelector("h1").textContent.replace(/\s+/g, " ").trim(),
        back: screen.querySelector('[data-guide-action="back"]')?.dataset.screen ?? null,
        options: [...screen.querySelectorAll("form[data-question] input")].map((input) => input.value || input.name),
      };
    }""")


def engine_place(reply: dict) -> dict:
    back = re.search(r'data-guide-action="back" data-screen="([^"]*)"', reply["html"])
    options = re.findall(r'<input [^>]*?(?:name="([^"]+)" value="([^"]*)"|name="([^"]+)")', reply["html"])
    heading = re.search(r'<h1[^>]*><span class="guide-progress">([^<]*)</span> ([^<]*)</h1>', reply["html"])
    return {
        "heading": f"{heading[1]} {html.unescape(heading[2])}",
        "back": back[1] if back else None,
        "options": [value or single or name for name, value, single in options],
    }


@pytest.mark.parametrize(
    "path, days",
    [
        (answer_paths.RECORDING_PUBLISHED, 2),
        (answer_paths.MANAGER_ADDRESS_PUBLISHED, 2),
        # A colleague who does not know, and a series whose latest incident is asked too.
        (answer_paths.SERIES_OF_EMAILS_COLLEAGUE, 8),
    ],
    ids=lambda p: getattr(p, "name", ""),
)
def test_every_question_is_answered_while_python_stalls_and_replayed(page, site_url, path, days):
    python = open_stalled(page, site_url)
    values = screen_values(path, days_ago(days))
    engine = shell.Session()
    reply = engine_screen(engine, "", None)
    asked = []
    for question, form in answer_paths.forms(path):
        if current_screen(page) == DANGER_SCREEN:
            submit(page)
        wait_for_screen(page, question)
        # The page's screen says what the engine's would: wording for the role, number, "Tilbage".
        assert reply["screen"] == question
        assert shown_place(page) == engine_place(reply)
        if asked:  # the first screen comes with the page, under the page's own title
            assert page.title().startswith(reply["title"])
        if question in ("incident_at", "absence"):
            assert axe_violations(page) == []
        choose(page, question, values[question])
        submit(page)
        asked.append(question)
        if QUESTIONS_BY_ID[question].kind == "date_time":
            form = {question: [values[question][0].isoformat()], f"{question}_time": [values[question][1]]}
        reply = engine_screen(engine, question, form)
    # The answers to check come from the page too, as the engine shows them.
    assert reply["screen"] == "check"
    wait_for_screen(page, "check")
    assert page_summary(page) == summary_of(page, reply["html"])
    assert page.title().startswith(reply["title"])
    assert axe_violations(page) == []
    assert state(page) == "loading"
    assert [step["question"] for step in kept_steps(page)] == asked
    assert [m["question"] for m in marks(page, "guide:answered")] == asked
    assert all(m["early"] for m in marks(page, "guide:answered"))
    # The result is the engine's: "Se resultatet" waits for it, and says so beside the button.
    submit(page)
    assert current_screen(page) == "check"
    assert page.inner_text("[data-guide-status]") == UI["kept_while_loading"]
    assert page.inner_text("[data-guide-screen] [data-guide-note]") == UI["kept_while_loading"]

    python.release()
    wait_for_screen(page, "result", timeout=60_000)
    page.wait_for_selector('[data-guide][data-state="ready"]')
    assert marks(page, "guide:replayed") == [len(asked)]


def page_summary(page) -> str:
    return page.inner_html("[data-guide-screen] .guide-summary")


def summary_of(page, html: str) -> str:
    """The answers of the engine's screen ``html`` as the browser writes them."""
    return page.evaluate(
        """(html) => {
            const template = document.createElement("template");
            template.innerHTML = html;
            return template.content.querySelector(".guide-summary").innerHTML;
        }""",
        html,
    )


def last_sunday_of_march(year: int) -> date:
    day = date(year, 3, 31)
    return day - timedelta(days=(day.weekday() + 1) % 7)


def test_ret_on_the_answers_to_check_while_python_stalls_leads_back_to_them_as_the_engine_does(page, site_url):
    python = open_stalled(page, site_url)
    walk(page, MANAGER_ADDRESS_PUBLISHED)
    assert current_screen(page) == "check" and state(page) == "loading"
    page.click('[data-guide-screen] [data-guide-action="change"][data-question="impact"]')
    wait_for_screen(page, "impact")
    assert page.is_checked(f'input[name="impact"][value="{MANAGER_ADDRESS_PUBLISHED["impact"]}"]')
    answer(page, "impact", "9")
    # Straight back to the answers to check, with the new answer, as the engine's session goes.
    wait_for_screen(page, "check")
    impact = QUESTIONS_BY_ID["impact"]
    row = page.locator(".guide-summary__row", has=page.locator('[data-question="impact"]'))
    assert row.locator(".guide-summary__value").inner_text() == "9"
    assert kept_steps(page)[-2:] == [
        {"action": "change", "question": "impact"},
        {"action": "answer", "question": "impact", "form": {"impact": ["9"]}},
    ]
    before = page_summary(page)
    python.release()
    page.wait_for_selector('[data-guide][data-state="ready"]', timeout=60_000)
    # The engine took the "Ret" and the answer, and shows the same answers to check.
    assert current_screen(page) == "check" and page_summary(page) == before
    assert impact.label in page.inner_text(".guide-summary")
    see_result(page)


def test_a_time_the_page_cannot_check_gets_the_engines_message_and_the_later_answers_wait(page, site_url):
    python = open_stalled(page, site_url)
    answer(page, "danger_now", "no")
    answer(page, "role", "employee")
    answer(page, "behaviours", "threats")
    # A clock time that did not exist in Denmark: the browser takes it, only the engine knows.
    spring = last_sunday_of_march(days_ago(0).year - 1)
    answer_time(page, spring, "02:30")
    wait_for_screen(page, "outside_work_hours")
    answer(page, "outside_work_hours", "yes")
    answer(page, "absence", "no")
    wait_for_screen(page, "treatment")
    assert [step["question"] for step in kept_steps(page)][-3:] == ["incident_at", "outside_work_hours", "absence"]

    python.release()
    # The engine refuses the time: the reader is back on that question with its message and the answer given.
    page.wait_for_selector('[data-guide-screen][data-current="incident_at"] .guide-error-summary', timeout=60_000)
    page.wait_for_selector('[data-guide][data-state="ready"]')
    assert engine_message("incident_at", {"incident_at": [spring.isoformat()], "incident_at_time": ["02:30"]}) in (
        page.inner_text(".guide-error-summary")
    )
    assert page.input_value('input[name="incident_at"]') == spring.isoformat()
    assert page.input_value('input[name="incident_at_time"]') == "02:30"
    # The answers after it wait for it, also in the tab's storage.
    assert [step["question"] for step in kept_steps(page)][-3:] == ["incident_at", "outside_work_hours", "absence"]
    assert axe_violations(page) == []

    answer_time(page, spring, "03:30")
    # On to the next question, with the answer given before; and the one after it too.
    wait_for_screen(page, "outside_work_hours")
    assert page.is_checked('input[name="outside_work_hours"][value="yes"]')
    submit(page)
    wait_for_screen(page, "absence")
    assert page.is_checked('input[name="absence"][value="no"]')
    submit(page)
    walk(page, {"treatment": "no", "wants_work_accident": "no", "impact": "5", "repeated": "no"})
    text = check_screen_text(page)
    assert "03.30" in text or "03:30" in text
    assert [step["question"] for step in kept_steps(page) if step["action"] == "answer"].count("incident_at") == 1


def test_a_date_the_browser_finds_out_of_range_waits_for_the_engines_message(page, site_url):
    python = open_stalled(page, site_url)
    answer(page, "danger_now", "no")
    answer(page, "role", "manager")
    answer(page, "behaviours", "insults")
    answer_time(page, days_ago(-1))
    assert current_screen(page) == "incident_at"
    assert page.inner_text("[data-guide-status]") == UI["kept_while_loading"]
    python.release()
    page.wait_for_selector('[data-guide-screen][data-current="incident_at"] .guide-error-summary', timeout=60_000)
    assert page.input_value('input[name="incident_at"]') == days_ago(-1).isoformat()
    answer_time(page, days_ago(1))
    wait_for_screen(page, "outside_work_hours")
    assert [step["question"] for step in kept_steps(page)][-1] == "incident_at"


def test_a_reload_while_python_stalls_returns_to_the_same_question_with_every_answer(page, site_url):
    open_stalled(page, site_url)
    values = MANAGER_ADDRESS_PUBLISHED
    engine = shell.Session()
    while (screen := current_screen(page)) != "impact":
        choose(page, screen, values[screen])
        form = {screen: [values[screen]]}
        if screen == "incident_at":
            form = {screen: [values[screen][0].isoformat()], "incident_at_time": [values[screen][1]]}
        reply = engine_screen(engine, screen, form)
        submit(page)
    page.reload()
    wait_for_screen(page, "impact")
    assert state(page) == "loading"
    assert shown_place(page) == engine_place(reply)
    page.click('[data-guide-screen] [data-guide-action="back"]')
    wait_for_screen(page, "wants_work_accident")
    assert page.is_checked(f'input[name="wants_work_accident"][value="{values["wants_work_accident"]}"]')
    # Opened without a screen in the address (e.g. from the menu): the next question, without Python.
    page.goto(site_url + "beslutningsguide/")
    wait_for_screen(page, "impact")
    assert page.url.endswith("#trin-impact") and state(page) == "loading"


def test_an_answer_kept_by_an_older_build_does_not_stop_the_page_before_python(page, site_url):
    steps = [
        {"action": "answer", "question": "danger_now", "form": {"danger_now": ["no"]}},
        {"action": "answer", "question": "role", "form": {"role": ["employee"]}},
        {"action": "answer", "question": "behaviours", "form": {"behaviours": ["no_such_behaviour"]}},
    ]
    stored = json.dumps(json.dumps({"steps": steps}))
    page.add_init_script(f"if (!sessionStorage.getItem({STEPS_KEY!r})) sessionStorage.setItem({STEPS_KEY!r}, {stored})")
    python = open_stalled(page, site_url)
    # The page leaves out the answer it cannot read, and asks that question.
    wait_for_screen(page, "behaviours")
    assert page.locator('input[name="behaviours"]:checked').count() == 0
    answer(page, "behaviours", "insults")
    wait_for_screen(page, "incident_at")
    python.release()
    page.wait_for_selector('[data-guide][data-state="ready"]', timeout=60_000)
    # The engine drops the old answer, which the new one replaced; the reader stays where they are.
    assert current_screen(page) == "incident_at"
    assert page.locator("[data-guide-screen] .guide-error-summary").count() == 0
    kept = [step["form"] for step in kept_steps(page) if step["question"] == "behaviours"]
    assert kept == [{"behaviours": ["insults"]}]


def keep_for_the_tab(page, stored: str) -> None:
    """``stored`` as the tab's kept answers when the page first opens (a reload keeps what the page made of it)."""
    page.add_init_script(f"if (!sessionStorage.getItem({STEPS_KEY!r})) sessionStorage.setItem({STEPS_KEY!r}, "
                         f"{json.dumps(stored)})")


def told(page) -> list[str]:
    return [" ".join(text.split()) for text in page.locator("[data-guide-unreadable]").all_inner_texts()]


def test_kept_answers_that_cannot_be_read_are_skipped_the_reader_is_told_once_and_the_rest_kept(page, site_url):
    steps = [
        {"action": "answer", "question": "danger_now", "form": {"danger_now": ["no"]}},
        {"action": "answer", "question": "role", "form": None},
        {"action": "answer", "question": "role", "form": {"role": ["employee"]}},
        {"action": "answer", "question": "behaviours", "form": {"behaviours": 5}},
        {"behaviours": 5},
        "garbage",
        {"action": "answer", "question": "behaviours", "form": {"behaviours": ["insults"]}},
    ]
    keep_for_the_tab(page, json.dumps({"steps": steps}))  # as kept before the format had a version
    python = open_stalled(page, site_url)
    # Opened without a screen in the address: the question after the answers that could be read.
    wait_for_screen(page, "incident_at")
    assert told(page) == [" ".join(UI["kept_unreadable"].split())]
    assert [step["question"] for step in kept_steps(page)] == ["danger_now", "role", "behaviours"]
    assert json.loads(page.evaluate(f"sessionStorage.getItem({STEPS_KEY!r})"))["version"] == 2
    python.release()
    page.wait_for_selector('[data-guide][data-state="ready"]', timeout=60_000)
    assert current_screen(page) == "incident_at" and len(told(page)) <= 1
    # Told once: not again after a reload, and every answer is still there.
    page.reload()
    page.wait_for_selector('[data-guide][data-state="ready"]', timeout=60_000)
    assert current_screen(page) == "incident_at" and told(page) == []
    page.click('[data-guide-screen] [data-guide-action="back"]')
    wait_for_screen(page, "behaviours")
    assert page.is_checked('input[name="behaviours"][value="insults"]')


def test_back_to_an_earlier_first_screen_while_python_stalls(page, site_url):
    python = open_stalled(page, site_url)
    answer(page, "danger_now", "no")
    answer(page, "role", "employee")
    wait_for_screen(page, "behaviours")
    page.click('[data-guide-screen] [data-guide-action="back"]')
    wait_for_screen(page, "role")
    assert page.is_checked('input[name="role"][value="employee"]')
    answer(page, "role", "colleague")
    wait_for_screen(page, "behaviours")
    python.release()
    page.wait_for_selector('[data-guide][data-state="ready"]', timeout=60_000)
    # The reader is still on the screen they were on, and the engine has the changed answer.
    assert current_screen(page) == "behaviours"
    back_through(page, "role")
    assert page.is_checked('input[name="role"][value="colleague"]')
    assert page.get_attribute("[data-guide]", "data-role") == "colleague"


@pytest.mark.parametrize("python", ["ready", "stalled"])
def test_a_double_click_advances_one_screen_and_erases_nothing(page, site_url, python):
    if python == "ready":
        open_guide(page, site_url)
    else:
        open_stalled(page, site_url)
    page.check('input[name="danger_now"][value="no"]')
    press_continue(page, "dblclick")
    wait_for_screen(page, "role")
    # On a phone an option of the next screen lies where "Fortsæt" was: the second click must not choose it.
    assert page.locator('input[name="role"]:checked').count() == 0
    page.check('input[name="role"][value="manager"]')
    press_continue(page, "dblclick")
    wait_for_screen(page, "behaviours")
    # Each double click sent one answer; the second click landed on nothing.
    assert [m["question"] for m in marks(page, "guide:answered")] == ["danger_now", "role"]
    assert page.locator('input[name="behaviours"]:checked').count() == 0
    assert page.locator("[data-guide-confirm]:not([hidden])").count() == 0
    assert [step["question"] for step in kept_steps(page)] == ["danger_now", "role"]
    back_through(page, "role")
    assert page.is_checked('input[name="role"][value="manager"]')
    # A double click on "Slet mine svar" only asks.
    page.locator('[data-guide-screen] [data-guide-ask="clear"]').dblclick()
    assert page.locator('[data-guide-confirm="clear"]').is_visible()
    assert current_screen(page) == "role" and len(kept_steps(page)) == 2


def test_slet_mine_svar_and_start_forfra_ask_first(page, site_url):
    open_guide(page, site_url)
    answer(page, "danger_now", "no")
    answer(page, "role", "employee")
    wait_for_screen(page, "behaviours")
    hint = page.inner_text("[data-guide-screen] .guide-session__hint")
    assert " ".join(hint.split()) == " ".join(UI["clear_hint"].split())

    ask = page.locator('[data-guide-screen] [data-guide-ask="restart"]')
    ask.click()
    panel = page.locator('[data-guide-confirm="restart"]')
    assert panel.is_visible() and ask.get_attribute("aria-expanded") == "true"
    assert page.evaluate("document.activeElement.closest('[data-guide-confirm]')?.dataset.guideConfirm") == "restart"
    assert axe_violations(page) == []
    page.keyboard.press("Escape")
    assert panel.is_hidden() and ask.get_attribute("aria-expanded") == "false"
    assert page.evaluate("document.activeElement.dataset.guideAsk") == "restart"

    page.click('[data-guide-screen] [data-guide-ask="clear"]')
    page.click('[data-guide-confirm="clear"] [data-guide-cancel]')
    assert current_screen(page) == "behaviours" and len(kept_steps(page)) == 2

    page.click('[data-guide-screen] [data-guide-ask="clear"]')
    page.click('[data-guide-confirm="clear"] [data-guide-action="clear"]')
    wait_for_screen(page, "danger_now")
    assert UI["cleared"] in page.inner_text("[data-guide-screen]")
    assert kept_steps(page) == [] and page.get_attribute("[data-guide]", "data-role") is None


def test_answers_are_kept_for_the_tab_and_never_the_result(page, site_url):
    open_guide(page, site_url)
    walk(page, MANAGER_ADDRESS_PUBLISHED)
    see_result(page)
    steps = kept_steps(page)
    assert [s["action"] for s in steps][-1] == "confirm"
    for step in steps:
        assert set(step) <= {"action", "question", "form"}
        for field in step.get("form", {}):
            assert field == step["question"] or field.startswith(step["question"] + "_")
    stored = page.evaluate("JSON.stringify(Object.entries(sessionStorage))")
    for text in ("SafetyNet", UI["result_title"], UI["summary"]):
        assert text not in stored
    assert page.evaluate("Object.keys(localStorage).some((key) => localStorage[key].includes('manager'))") is False
    assert "manager" not in page.evaluate("document.cookie")
    # The reload comes back to the result, made again from the kept answers.
    page.reload()
    wait_for_screen(page, "result")
    assert page.locator('[data-result] [data-category="criminal"]').count() == 1


# Counts the page's requests to the engine.
CALLS = """
window.__calls = 0;
const post = Worker.prototype.postMessage;
Worker.prototype.postMessage = function (message, ...rest) {
  if (message?.type === "call") window.__calls += 1;
  return post.call(this, message, ...rest);
};
"""


def test_reload_mid_walk_returns_to_the_same_screen_with_every_answer(page, site_url):
    page.add_init_script(CALLS)
    open_guide(page, site_url)
    answers = MANAGER_ADDRESS_PUBLISHED
    while (screen := current_screen(page)) != "impact":
        value = answers[screen]
        if screen == "incident_at":
            answer_time(page, *value)
        else:
            answer(page, screen, value)
    page.reload()
    page.wait_for_selector('[data-guide][data-state="ready"]', timeout=60_000)
    assert current_screen(page) == "impact"
    assert page.url.endswith("#trin-impact")
    # Every kept answer went to the engine in one request, which also drew the screen.
    assert page.evaluate("window.__calls") == 1
    assert page.evaluate("document.title").startswith(QUESTIONS_BY_ID["impact"].label)
    answer(page, "impact", "3")
    walk(page, answers)
    assert next(o.label for o in QUESTIONS_BY_ID["role"].options if o.id == "manager") in check_screen_text(page)
    # Back still walks the screens, across the reload too.
    back_through(page, "latest_incident_at", "repeated", "impact", "wants_work_accident", "treatment", "absence",
                 "outside_work_hours")
    assert page.is_checked('input[name="outside_work_hours"][value="no"]')


def test_back_many_times_through_a_whole_walk(page, site_url):
    open_guide(page, site_url)
    seen = []
    while (screen := current_screen(page)) != "check":
        seen.append(screen)
        if screen == DANGER_SCREEN:
            submit(page)
        elif screen == "incident_at":
            answer_time(page, *EMPLOYEE_THREATENED[screen])
        else:
            answer(page, screen, EMPLOYEE_THREATENED[screen])
    see_result(page)
    # Material used to rewrite the fragment while the reader scrolled (navigation.tracking).
    page.mouse.wheel(0, 3000)
    page.wait_for_function("history.state && history.state.y > 0")  # Material has seen the scroll
    assert page.url.endswith("#trin-result")
    for screen in ["check", *reversed(seen)]:
        back_through(page, screen)
        assert page.url.endswith("#trin-" + screen.replace("_", "-"))
    for screen in seen[1:4]:
        page.go_forward()
        wait_for_screen(page, screen)


def test_coming_back_from_the_guideline_returns_to_the_same_place(page, site_url):
    open_guide(page, site_url)
    walk(page, EMPLOYEE_THREATENED)
    see_result(page)
    page.evaluate("window.sameDocument = true")
    # The task opens to its step and the mark that links to the guideline; coming back, it is open again.
    page.click('[data-result] [data-step="police_report"] summary')
    link = page.locator('[data-result] [data-step="police_report"] a.guide-source')
    link.scroll_into_view_if_needed()
    href = link.get_attribute("href")
    before = page.evaluate("window.scrollY")
    assert before > 0
    link.click()
    page.wait_for_url(re.compile(r"/retningslinje/"))
    back_through(page, "result")
    page.wait_for_function("document.activeElement?.classList.contains('guide-source')")
    assert page.evaluate("window.sameDocument") is True  # instant navigation: the same worker
    assert page.evaluate("document.activeElement.getAttribute('href')") == href
    assert abs(page.evaluate("window.scrollY") - before) < 50


def test_the_new_screens_pass_axe_in_the_dark_scheme_too(page, site_url):
    page.emulate_media(color_scheme="dark")
    python = open_stalled(page, site_url)
    violations = {}
    answer(page, "danger_now", "yes")
    violations["danger"] = axe_violations(page)
    press_continue(page)
    wait_for_screen(page, "role")
    submit(page)
    violations["role, nothing chosen"] = axe_violations(page)
    python.release()
    page.wait_for_selector('[data-guide][data-state="ready"]', timeout=60_000)
    page.click('[data-guide-screen] [data-guide-ask="restart"]')
    violations["start forfra?"] = axe_violations(page)
    assert {name: found for name, found in violations.items() if found} == {}


def test_a_kept_step_the_engine_refuses_is_dropped_and_the_rest_replayed(page, site_url):
    # E.g. kept by an older build of the guide, or edited by hand.
    steps = [
        {"action": "answer", "question": "danger_now", "form": {"danger_now": ["no"]}},
        {"action": "answer", "question": "no_such_question", "form": {"no_such_question": ["1"]}},
        {"action": "answer", "question": "role", "form": {"role": ["employee"]}},
    ]
    page.add_init_script(f"sessionStorage.setItem({STEPS_KEY!r}, {json.dumps(json.dumps({'steps': steps}))})")
    open_guide(page, site_url)
    wait_for_screen(page, "behaviours")
    assert [step["question"] for step in kept_steps(page)] == ["danger_now", "role"]
    assert told(page) == [" ".join(UI["kept_unreadable"].split())]
    assert page.get_attribute("[data-guide]", "data-role") == "employee"
    # The tab has no entry for the earlier screens: "Tilbage" still goes to the previous question.
    page.click('[data-guide-screen] [data-guide-action="back"]')
    wait_for_screen(page, "role")
    assert page.is_checked('input[name="role"][value="employee"]')
    assert "/beslutningsguide/" in page.url


def test_the_skip_link_leads_a_keyboard_to_the_question(page, site_url):
    # Material's "Gå til indholdet" goes to the page's first heading in its table of contents; the guide's
    # question is its heading, so the guide is put there first (not "Om beslutningsguiden" below it).
    open_guide(page, site_url)
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.classList.contains('md-skip')")
    page.keyboard.press("Enter")
    # The browser moves where the next Tab starts once it has gone to the fragment and scrolled there (later
    # under load; the guide may then put its screen's own anchor back in the address).
    page.wait_for_function("window.scrollY > 0")
    page.evaluate("new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))")
    page.keyboard.press("Tab")
    # The next stop is in the question's screen (its link to the guideline, then its answers).
    assert page.evaluate("document.activeElement.closest('[data-guide-screen]') !== null")
    for _ in range(3):
        if page.evaluate("document.activeElement.name") == "danger_now":
            break
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.name") == "danger_now"
    assert current_screen(page) == "danger_now"


def test_an_answer_refused_adds_no_entry_to_the_history(page, site_url):
    # Back after a refused answer and the next question returns to the question, and then leaves the guide.
    page.goto(site_url)
    open_guide(page, site_url)
    entries = page.evaluate("history.length")
    submit(page)  # nothing chosen: the same question again, with its message
    page.wait_for_selector('[data-guide-screen][data-current="danger_now"] .guide-error-summary')
    assert page.evaluate("history.length") == entries
    answer(page, "danger_now", "no")
    wait_for_screen(page, "role")
    back_through(page, "danger_now")
    page.go_back()
    page.wait_for_url(site_url)
