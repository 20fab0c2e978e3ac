"""How the guide loads: progress on a slow link, fast failures on known faults, recovery, and what staff see.

The waits are for events (the guide's state and reason), never for a time: a known failure is
told apart from a stall by its reason, since the page gives up on silence only after
data-stall-timeout.
"""

import re
import time

import pytest

from tests.e2e.guide import (
    MANAGER_ADDRESS_PUBLISHED,
    READY_TIMEOUT_MS,
    SIZES,
    answer,
    answer_time,
    axe_violations,
    current_screen,
    days_ago,
    kept_steps,
    open_guide,
    page_of_size,
    see_result,
    wait_for_screen,
    wait_ready_or_failed,
    walk,
)
from tests.harness.chromium import CHROMIUM, CHROMIUM_ARGS
from tools.site.guide_page import ENGINE_TROUBLE, FAILURES, MEANWHILE, PROGRESS, RETRY_HELPS, STALL_TIMEOUT_SECONDS
from wizard.questions import QUESTIONS_BY_ID

pytestmark = pytest.mark.browser

# Words that belong in the console and the operators' guide, never in what staff read.
TECHNICAL = re.compile(r"wasm|webassembly|mime|kontrolsum|checksum|sha-?256|http|404|javascript-modul", re.I)

# Notes every text the status line shows and every state the guide passes through, from the start.
RECORD = """
window.__seen = { status: [], states: [], notes: [] };
new MutationObserver(() => {
  const root = document.querySelector("[data-guide]");
  if (!root) return;
  const status = root.querySelector("[data-guide-status]")?.textContent;
  if (status && window.__seen.status.at(-1) !== status) window.__seen.status.push(status);
  const note = root.querySelector("[data-guide-screen] [data-guide-note]")?.textContent;
  if (note && window.__seen.notes.at(-1) !== note) window.__seen.notes.push(note);
  const state = `${root.dataset.state}:${root.dataset.failure ?? ""}`;
  if (window.__seen.states.at(-1) !== state) window.__seen.states.push(state);
}).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
"""

# The give-up time for a test that holds a file back, so that it stalls without a long wait.
SHORT_STALL_MS = 4000


def seen(page) -> dict:
    return page.evaluate("window.__seen")


def wait_for_failure(page) -> str:
    page.wait_for_selector('[data-guide][data-state="failed"]', timeout=READY_TIMEOUT_MS)
    return page.get_attribute("[data-guide]", "data-failure")


def console_errors(page) -> list[str]:
    errors = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    return errors


def assert_staff_message(page, reason: str):
    """The fallback shows 112 first and the reason's plain Danish message, and nothing technical."""
    fallback = page.locator("[data-guide-fallback]")
    assert fallback.is_visible()
    assert page.locator("[data-guide-screen]").is_hidden()
    message = page.locator("[data-guide-failure]:visible")
    assert message.count() == 1
    assert message.get_attribute("data-guide-failure") == reason
    assert message.locator("strong").inner_text().strip() == FAILURES[reason]
    # "Prøv igen" where loading the page again can help.
    assert message.locator("[data-guide-retry]").count() == (reason in RETRY_HELPS)
    danger = fallback.locator("a[href='tel:112']")
    assert danger.is_visible()
    first_text = fallback.locator("p").first
    assert first_text.locator("a[href='tel:112']").count() == 1
    visible = fallback.inner_text() + page.inner_text("[data-guide-status]")
    assert not TECHNICAL.search(visible), TECHNICAL.search(visible)


def damaged(response) -> bytes:
    body = bytearray(response.body())
    body[len(body) // 2] ^= 0xFF
    return bytes(body)


def damage(route):
    """Serve the file as the server sent it, with one byte changed."""
    response = route.fetch()
    route.fulfill(response=response, body=damaged(response))


def stall_soon_as_a_manager(route):
    """The guide's page with the give-up time shortened, and the reader's role given (as the first
    screens record it in data-role when it is answered without Python)."""
    response = route.fetch()
    html = response.text()
    shortened = html.replace(
        f'data-stall-timeout="{STALL_TIMEOUT_SECONDS * 1000}"', f'data-stall-timeout="{SHORT_STALL_MS}"'
    ).replace(" data-guide data-state=", ' data-guide data-role="manager" data-state=', 1)
    assert shortened.count(f'data-stall-timeout="{SHORT_STALL_MS}"') == 1
    assert shortened.count(' data-guide data-role="manager" ') == 1
    route.fulfill(response=response, body=shortened)


def test_a_slow_first_visit_shows_progress_keeps_an_early_answer_and_needs_no_fallback(page, site_url):
    page.add_init_script(RECORD)
    network = page.context.new_cdp_session(page)
    network.send("Network.enable")
    # About 4 Mbit/s with 150 ms latency: a phone on a weak connection, or a VPN. It reaches the worker too.
    network.send(
        "Network.emulateNetworkConditions",
        {"offline": False, "latency": 150, "downloadThroughput": 4_000_000 / 8, "uploadThroughput": 1_000_000 / 8},
    )
    open_guide(page, site_url, wait_ready=False)
    page.locator('input[name="danger_now"][value="no"]').check()
    page.click("[data-guide-screen] form button[type=submit]")
    assert page.get_attribute("[data-guide]", "data-state") == "loading"
    # The next question comes at once from the page; the answer waits for the engine, and the page says,
    # beside the button, that the reader can go on answering.
    wait_for_screen(page, "role")
    assert page.inner_text("[data-guide-screen] [data-guide-note]") == MEANWHILE
    answer(page, "role", "manager")
    wait_for_screen(page, "behaviours")
    assert page.inner_text("[data-guide-screen] .guide-progress") == "Spørgsmål 3"
    # The reader goes on through every question and the answers to check, whenever the engine comes; the
    # result waits for it, and the page says how far it has come beside "Se resultatet".
    walk(page, MANAGER_ADDRESS_PUBLISHED, timeout=120_000)
    assert page.get_attribute("[data-guide]", "data-state") == "loading"
    see_result(page, timeout=120_000)
    assert page.evaluate("performance.getEntriesByName('guide:replayed').length") == 1
    answered = page.evaluate("performance.getEntriesByName('guide:answered').map((m) => m.detail)")
    assert answered[0] == {"question": "danger_now", "early": True}
    assert [m["question"] for m in answered] == list(MANAGER_ADDRESS_PUBLISHED)
    record = seen(page)
    assert all(not state.startswith("failed") for state in record["states"]), record["states"]
    waiting = re.compile(re.escape(PROGRESS).replace(re.escape("{percent}"), r"(\d+)"))
    percents = [int(waiting.fullmatch(text)[1]) for text in record["notes"] if waiting.fullmatch(text)]
    assert len(percents) >= 2, record["notes"]
    assert percents == sorted(percents) and 0 not in percents
    # The status line says the same for screen readers; no "0 %" anywhere while questions can be answered.
    assert [text for text in record["status"] if waiting.fullmatch(text)] == [
        text for text in record["notes"] if waiting.fullmatch(text)
    ]
    assert not any(re.search(r"(?<!\d)0 %", text) for text in record["notes"] + record["status"])
    assert page.locator("[data-guide-fallback]").is_hidden()


@pytest.mark.parametrize(
    "pattern",
    ["**/assets/wizard/*/python_stdlib.zip", "**/tzdata-*.whl", "**/wizard-*.whl", "**/pyodide.asm.wasm"],
    ids=["stdlib", "tzdata", "engine-wheel", "wasm"],
)
def test_a_damaged_runtime_file_is_refused_at_start_with_the_staff_message(page, site_url, pattern):
    errors = console_errors(page)
    page.route(pattern, damage)
    open_guide(page, site_url, wait_ready=False)
    assert wait_for_failure(page) == "checksum"
    assert_staff_message(page, "checksum")
    assert any("Beslutningsguiden (checksum)" in error and "SHA-256" in error for error in errors), errors
    assert page.evaluate("performance.getEntriesByName('guide:ready').length") == 0


def test_wasm_with_the_wrong_type_fails_at_once_with_the_staff_message(page, site_url):
    errors = console_errors(page)

    def wrong_type(route):
        response = route.fetch()
        route.fulfill(response=response, headers={**response.headers, "content-type": "text/plain"})

    page.route("**/*.wasm", wrong_type)
    open_guide(page, site_url, wait_ready=False)
    # "server", not "stalled": the worker reports it when the response arrives.
    assert wait_for_failure(page) == "server"
    assert_staff_message(page, "server")
    assert any("Beslutningsguiden (server)" in error and "application/wasm" in error for error in errors), errors


@pytest.mark.parametrize("fault", ["404", "blocked"])
def test_a_runtime_file_the_server_does_not_deliver_fails_at_once(page, site_url, fault):
    errors = console_errors(page)
    if fault == "404":
        page.route("**/assets/wizard/*/python_stdlib.zip", lambda route: route.fulfill(status=404, body="Not Found"))
    else:
        page.route("**/*.wasm", lambda route: route.abort())
    open_guide(page, site_url, wait_ready=False)
    assert wait_for_failure(page) == "files"
    assert_staff_message(page, "files")
    assert any("Beslutningsguiden (files)" in error for error in errors), errors
    # The guideline's checklists stand in for the guide.
    assert page.locator("[data-guide-checklist]").count() == 3


def test_prøv_igen_loads_the_page_again_and_the_guide_starts_with_the_answers(page, site_url):
    held = []
    page.route("**/*.wasm", lambda route: held.append(route))
    open_guide(page, site_url, wait_ready=False)
    answer(page, "danger_now", "no")
    answer(page, "role", "manager")
    wait_for_screen(page, "behaviours")
    while not held:  # on a slow machine the reader can be this far before the worker asks for the .wasm
        page.wait_for_timeout(50)
    for route in held:
        route.abort()
    assert wait_for_failure(page) == "files"
    page.evaluate("window.__samePage = true")
    page.unroute("**/*.wasm")
    page.click('[data-guide-failure="files"] [data-guide-retry]')
    page.wait_for_selector('[data-guide][data-state="ready"]', timeout=READY_TIMEOUT_MS)
    # Loaded anew in place (not swapped in by instant navigation): the same screen and history, the answers kept.
    assert page.evaluate("window.__samePage") is None
    wait_for_screen(page, "behaviours")
    page.click('[data-guide-screen] [data-guide-action="back"]')
    wait_for_screen(page, "role")
    assert page.is_checked('input[name="role"][value="manager"]')
    page.go_back()
    wait_for_screen(page, "danger_now")


def test_a_reader_on_a_question_when_the_guide_gives_up_is_taken_to_the_fallback(page, site_url):
    held = []
    page.route("**/*.wasm", lambda route: held.append(route))
    open_guide(page, site_url, wait_ready=False)
    answer(page, "danger_now", "no")
    wait_for_screen(page, "role")
    assert page.evaluate("document.querySelector('[data-guide-screen]').contains(document.activeElement)")
    while not held:  # the worker asks for the .wasm once it has looked for a snapshot
        page.wait_for_timeout(50)
    for route in held:
        route.abort()
    assert wait_for_failure(page) == "files"
    # Not left on the page's body: the next Tab starts at 112, not at the top of the page.
    assert page.evaluate("document.activeElement.hasAttribute('data-guide-fallback')")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.getAttribute('href')") == "tel:112"


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("cause", ["the runtime", "the script"])
def test_the_fallback_leads_with_112_and_the_deadlines_and_passes_axe(browser, site_url, size, cause):
    with page_of_size(browser, size) as page:
        if cause == "the runtime":
            page.route("**/*.wasm", lambda route: route.abort())
        else:
            page.route("**/guide/main.js", lambda route: route.abort())
        page.goto(site_url + "beslutningsguide/", wait_until="domcontentloaded")
        fallback = page.locator("[data-guide-fallback]")
        fallback.locator("[data-guide-checklist]").first.wait_for(state="visible", timeout=READY_TIMEOUT_MS)
        # 112 and the two deadlines are seen without scrolling; the links to each role follow.
        viewport = page.viewport_size["height"]
        for shown in (fallback.locator("a[href='tel:112']"), fallback.locator("[data-deadlines] li").last):
            box = shown.bounding_box()
            assert box and box["y"] + box["height"] <= viewport, shown
        assert fallback.locator(".guide-fallback__roles a").count() == 3
        assert axe_violations(page) == []


def test_without_webassembly_the_guide_says_at_once_that_this_browser_cannot_run_it(page, site_url):
    page.add_init_script("delete window.WebAssembly;")
    open_guide(page, site_url, wait_ready=False)
    assert wait_for_failure(page) == "unsupported"
    assert_staff_message(page, "unsupported")


def test_an_engine_ready_late_brings_the_guide_back_with_the_answers(page, site_url):
    page.route("**/beslutningsguide/", stall_soon_as_a_manager)
    held = []
    page.route("**/pyodide.asm.wasm", lambda route: held.append(route))
    open_guide(page, site_url, wait_ready=False)
    page.check('input[name="danger_now"][value="no"]')
    page.click("[data-guide-screen] form button[type=submit]")
    assert wait_for_failure(page) == "stalled"
    assert_staff_message(page, "stalled")
    checklists = page.locator("[data-guide-fallback] [data-guide-checklist]")
    assert checklists.first.get_attribute("data-guide-checklist") == "manager"
    assert checklists.first.is_visible()
    page.unroute("**/pyodide.asm.wasm")
    for route in held:
        route.continue_()
    page.wait_for_selector('[data-guide][data-state="ready"]', timeout=READY_TIMEOUT_MS)
    wait_for_screen(page, "role")
    assert page.locator("[data-guide-fallback]").is_hidden()
    assert page.locator("[data-guide-screen]").is_visible()
    assert page.get_attribute("[data-guide]", "data-failure") is None
    answer(page, "role", "manager")
    wait_for_screen(page, "behaviours")


def test_a_failed_request_keeps_the_screen_and_the_answers(page, site_url):
    open_guide(page, site_url)
    answer(page, "danger_now", "no")
    wait_for_screen(page, "role")
    page.check('input[name="role"][value="colleague"]')
    # The worker's next reply breaks on its way back, as a transport failure would.
    (worker,) = [worker for worker in page.workers if worker.url.endswith("/guide/worker.mjs")]
    worker.evaluate("""() => {
        const parse = JSON.parse;
        JSON.parse = () => { JSON.parse = parse; throw new Error("test: the reply broke"); };
    }""")
    errors = console_errors(page)
    page.click("[data-guide-screen] form button[type=submit]")
    page.wait_for_function(
        "text => document.querySelector('[data-guide-status]').textContent === text", arg=ENGINE_TROUBLE
    )
    assert page.locator("[data-guide-status]").is_visible()
    assert current_screen(page) == "role"
    assert page.get_attribute("[data-guide]", "data-state") == "ready"
    assert page.locator("[data-guide-fallback]").is_hidden()
    assert page.is_checked('input[name="role"][value="colleague"]')
    assert any("Beslutningsguiden (engine)" in error for error in errors), errors
    # Trying again works, and the answer before is still there.
    answer(page, "role", "colleague")
    wait_for_screen(page, "behaviours")
    assert page.locator("[data-guide-status]").is_hidden()
    page.click('[data-guide-screen] [data-guide-action="back"]')
    wait_for_screen(page, "role")
    page.go_back()
    wait_for_screen(page, "danger_now")
    assert page.is_checked('input[name="danger_now"][value="no"]')


def test_a_fault_while_the_early_answers_are_replayed_loses_none_of_them(page, site_url):
    held = []
    page.route("**/assets/wizard/**", lambda route: held.append(route))
    open_guide(page, site_url, wait_ready=False)
    answer(page, "danger_now", "no")
    answer(page, "role", "colleague")
    answer(page, "behaviours", "insults")
    wait_for_screen(page, "incident_at")
    # The engine's first two replies break on their way back: the first answer replayed fails twice.
    (worker,) = [worker for worker in page.workers if worker.url.endswith("/guide/worker.mjs")]
    worker.evaluate("""() => {
        const parse = JSON.parse;
        let breaks = 2;
        JSON.parse = (text, ...rest) => {
          if (breaks > 0 && String(text).includes('"anchor"')) {
            breaks -= 1;
            throw new Error("test: the reply broke");
          }
          return parse(text, ...rest);
        };
    }""")
    errors = console_errors(page)
    for route in held:
        route.continue_()
    page.unroute("**/assets/wizard/**")
    page.wait_for_selector('[data-guide][data-state="ready"]', timeout=READY_TIMEOUT_MS)
    page.wait_for_function(
        "text => document.querySelector('[data-guide-status]').textContent === text", arg=ENGINE_TROUBLE
    )
    assert any("Beslutningsguiden (engine)" in error for error in errors), errors
    # Every answer is still kept, and the reader is where they were.
    assert [step["question"] for step in kept_steps(page)] == ["danger_now", "role", "behaviours"]
    assert current_screen(page) == "incident_at"
    # The next answer gives the engine the kept ones first, and the guide goes on.
    answer_time(page, days_ago(1))
    wait_for_screen(page, "outside_work_hours")
    walk(
        page,
        {
            "outside_work_hours": "no",
            "colleague_knows": "yes",
            "absence": "no",
            "treatment": "no",
            "wants_work_accident": "no",
            "impact": "3",
            "repeated": "no",
        },
    )
    insults = next(o.label for o in QUESTIONS_BY_ID["behaviours"].options if o.id == "insults")
    assert insults in page.inner_text(".guide-summary")


def test_the_workers_own_sha256_agrees_with_the_browsers(page, site_url):
    page.goto(site_url)
    mismatches = page.evaluate(
        """async (url) => {
            const { sha256 } = await import(url);
            const hex = (buffer) => Array.from(new Uint8Array(buffer), (b) => b.toString(16).padStart(2, "0")).join("");
            const wrong = [];
            for (const size of [0, 1, 55, 56, 63, 64, 65, 1000, 65536]) {
                const bytes = crypto.getRandomValues(new Uint8Array(size));
                if (hex(sha256(bytes)) !== hex(await crypto.subtle.digest("SHA-256", bytes))) wrong.push(size);
            }
            return wrong;
        }""",
        site_url + "assets/javascripts/guide/sha256.mjs",
    )
    assert mismatches == []


def test_on_plain_http_without_subtlecrypto_the_files_are_checked_all_the_same(browser, site_url):
    """An intranet host over http is not a secure context: the worker checks with its own SHA-256."""
    port = re.search(r":(\d+)/", site_url).group(1)
    intranet = browser.browser_type.launch(
        executable_path=CHROMIUM, args=[*CHROMIUM_ARGS, "--host-resolver-rules=MAP guide.intranet 127.0.0.1"]
    )
    try:
        page = intranet.new_page()
        page.goto(f"http://guide.intranet:{port}/beslutningsguide/")
        assert page.evaluate("window.isSecureContext") is False
        page.wait_for_selector('[data-guide][data-state="ready"]', timeout=READY_TIMEOUT_MS)

        def damage_from_loopback(route):
            # Playwright's own fetch does not use the browser's host mapping.
            response = route.fetch(url=route.request.url.replace("//guide.intranet:", "//127.0.0.1:"))
            route.fulfill(response=response, body=damaged(response))

        broken = intranet.new_page()  # a fresh context: no snapshot, no cache
        broken.route("**/assets/wizard/*/python_stdlib.zip", damage_from_loopback)
        broken.goto(f"http://guide.intranet:{port}/beslutningsguide/")
        assert wait_for_failure(broken) == "checksum"
    finally:
        intranet.close()


def test_the_runtime_keeps_the_link_busy_and_the_wheels_come_after_the_interpreters_files(page, site_url):
    # Pyodide's module is held back: the standard library must be on its way without it (fetched ahead),
    # or the guide never starts and the wait below times out.
    held = []
    # Only its first request: with routes, the browser's cache is off, and the checked module's import asks again.
    page.route("**/pyodide.asm.mjs", lambda route: route.continue_() if held else held.append(route))
    seen = {}
    page.context.on(
        "request", lambda request: seen.setdefault(("asked", request.url.rsplit("/", 1)[-1]), time.monotonic())
    )
    page.context.on(
        "requestfinished", lambda request: seen.setdefault(("in", request.url.rsplit("/", 1)[-1]), time.monotonic())
    )
    with page.context.expect_event(
        "request", lambda request: request.url.endswith("/python_stdlib.zip"), timeout=READY_TIMEOUT_MS
    ):
        open_guide(page, site_url, wait_ready=False)
    # The held module's route is handed over as Playwright's events are processed.
    for _ in range(100):
        if held:
            break
        page.wait_for_timeout(50)
    assert held, "the worker asked for pyodide.asm.mjs"
    held[0].continue_()
    wait_ready_or_failed(page)
    assert page.get_attribute("[data-guide]", "data-state") == "ready"
    interpreter = max(seen[("in", "pyodide.asm.wasm")], seen[("in", "python_stdlib.zip")])
    wheels = [when for (event, name), when in seen.items() if event == "asked" and name.endswith(".whl")]
    assert len(wheels) == 2 and min(wheels) >= interpreter, seen
