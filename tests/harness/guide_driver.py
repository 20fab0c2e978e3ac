"""Driving the decision guide in Chromium the way a reader does, through its stable hooks.

Shared by the e2e tests (through ``tests/e2e/guide.py``) and the benchmark (``tests/bench``).
The hooks: the guide's root ``[data-guide]`` with ``data-state`` (loading, ready, failed), the
screen ``[data-guide-screen]`` with ``data-current`` (the screen's id), a question's form
``form[data-question]`` and the check screen's ``form[data-check]``.

Every wait is a selector Playwright watches, never a script evaluated in the page: the site's
Content-Security-Policy forbids ``eval``, which ``wait_for_function`` needs.
"""

from datetime import date, datetime, timedelta

from tests.harness import answer_paths
from tests.harness.answer_paths import AnswerPath, forms
from wizard.moments import COPENHAGEN
from wizard.questions import DANGER_SCREEN, QUESTIONS_BY_ID

GUIDE_PAGE = "beslutningsguide/"
READY_TIMEOUT_MS = 60_000
ROOT = "[data-guide]"
SCREEN = "[data-guide-screen]"
SUBMIT = f"{SCREEN} form button[type=submit]"
# Set on the form whose answer was sent, so the next screen can be told from it.
SENT = "data-driver-sent"
# A screen the reader can answer: shown, and the guide has attached its handlers.
ANSWERABLE = f'{ROOT}[data-mounted] {SCREEN} form:is([data-question], [data-check])'


class GuideError(RuntimeError):
    """The guide did not do what the reader expected: it showed its fallback, refused an answer, or asked
    a question the reader's path does not answer."""


def open_guide(page, site_url: str, wait_ready: bool = True, wait_until: str = "load") -> None:
    page.goto(site_url + GUIDE_PAGE, wait_until=wait_until)
    if wait_ready:
        wait_ready_or_failed(page)


def wait_ready_or_failed(page, timeout: float = READY_TIMEOUT_MS) -> None:
    """Wait until the engine is ready; raise :class:`GuideError` if the guide gave up instead."""
    page.wait_for_selector(f'{ROOT}:is([data-state="ready"], [data-state="failed"])', timeout=timeout)
    if failed(page):
        raise GuideError(f"the guide showed its fallback (data-failure={page.get_attribute(ROOT, 'data-failure')!r})")


def failed(page) -> bool:
    return page.get_attribute(ROOT, "data-state") == "failed"


def current_screen(page) -> str:
    return page.get_attribute(SCREEN, "data-current")


def wait_for_screen(page, screen: str, timeout: float | None = None) -> None:
    page.wait_for_selector(f'{SCREEN}[data-current="{screen}"]', timeout=timeout)


def wait_answerable(page, timeout: float | None = None) -> None:
    """Wait until the shown screen's form is visible and the guide listens to it."""
    page.locator(ANSWERABLE).first.wait_for(state="visible", timeout=timeout)


def submit(page, timeout: float | None = None) -> None:
    """Press the screen's submit button and wait until the guide answers.

    The guide has answered when it shows another screen, shows the same one again (an error
    summary re-renders it, so the sent form is gone), says it keeps an answer given while it
    loads until the engine can take it (``data-awaiting`` on the root), or shows its fallback.
    """
    before = current_screen(page)
    button = page.locator(SUBMIT)
    button.evaluate(f"button => button.form.setAttribute('{SENT}', '')")
    button.click()
    answered = [*_moved(before), f'{ROOT}[data-state="loading"][data-awaiting]']
    page.wait_for_selector(", ".join(answered), state="attached", timeout=timeout)


def wait_moved(page, before: str, timeout: float | None = None) -> None:
    """After a submit on screen ``before``: wait until the guide shows a screen, or its fallback.

    Unlike :func:`submit`'s wait, an answer kept while the guide loads is not enough.
    """
    page.wait_for_selector(", ".join(_moved(before)), state="attached", timeout=timeout)


def _moved(before: str) -> list[str]:
    return [
        f'{SCREEN}:not([data-current="{before}"])',
        f"{SCREEN}:not(:has(form[{SENT}]))",
        f'{ROOT}[data-state="failed"]',
    ]


def choose(page, question: str, value) -> None:
    """Fill in ``value`` on the question's screen without sending it.

    ``value`` is what a path holds for the question: an option's value, a list of them, or for
    an incident's time ``(date,)`` or ``(date, "HH:MM")``.
    """
    form = page.locator(f'form[data-question="{question}"]')
    form.wait_for()
    if QUESTIONS_BY_ID[question].kind == "date_time":
        day, clock = (*value, "")[:2]
        form.locator(f'input[name="{question}"]').fill(day.isoformat())
        form.locator(f'input[name="{question}_time"]').fill(clock)
        return
    for option in [value] if isinstance(value, str) else value:
        form.locator(f'input[name="{question}"][value="{option}"]').check()


def answer(page, question: str, *values: str) -> None:
    """Choose ``values`` on the question's screen and continue."""
    choose(page, question, list(values))
    submit(page)


def answer_time(page, day: date, clock: str = "", question: str = "incident_at") -> None:
    choose(page, question, (day, clock))
    submit(page)


def walk(page, answers: dict, timeout: float | None = None) -> None:
    """Answer every question the guide asks from ``answers`` until the check-your-answers screen.

    Raises :class:`GuideError` when the guide asks a question ``answers`` lacks, refuses an answer,
    or shows its fallback: a path that no longer fits the guide stops at once, naming the question.
    """
    while (screen := current_screen(page)) != "check":
        if screen == DANGER_SCREEN:  # 112 first; the reader continues once everyone is safe
            submit(page, timeout)
            continue
        if screen not in answers:
            raise GuideError(f"the guide asked {screen!r}, which the path does not answer")
        choose(page, screen, answers[screen])
        submit(page, timeout)
        wait_moved(page, screen, timeout)
        if failed(page):
            raise GuideError(f"the guide showed its fallback after the answer to {screen!r}")
        if current_screen(page) == screen:
            error = page.locator(f"{SCREEN} .guide-error-summary")
            refusal = error.inner_text() if error.count() else ""
            raise GuideError(f"the guide refused the answer to {screen!r}: {refusal}")


def see_result(page, timeout: float | None = None) -> None:
    wait_for_screen(page, "check", timeout)
    submit(page, timeout)
    wait_for_screen(page, "result", timeout)


def copenhagen_now() -> datetime:
    return datetime.now(COPENHAGEN)


def days_ago(n: int) -> date:
    return copenhagen_now().date() - timedelta(days=n)


def screen_values(path: AnswerPath, incident_day: date) -> dict:
    """What :func:`walk` chooses on each screen for ``path``, its incident moved to ``incident_day``.

    The incident keeps the path's time of day (or none), and a latest incident its distance from the
    first: the result's deadlines then lie around today, as a reader in a case sees them.
    """
    values = {}
    shift = None
    for question_id, form in forms(path):
        if QUESTIONS_BY_ID[question_id].kind == "date_time":
            day = date.fromisoformat(form[question_id][0])
            shift = incident_day - day if shift is None else shift
            values[question_id] = (day + shift, form[f"{question_id}_time"][0])
        else:
            chosen = form[question_id]
            values[question_id] = chosen[0] if len(chosen) == 1 else chosen
    return values


# The named paths of :mod:`tests.harness.answer_paths` as the e2e tests and the benchmark walk them.
EMPLOYEE_THREATENED = screen_values(answer_paths.EMPLOYEE_THREATENED, days_ago(1))
MANAGER_ADDRESS_PUBLISHED = screen_values(answer_paths.MANAGER_ADDRESS_PUBLISHED, days_ago(3))
CRITICISM_ONLY = screen_values(answer_paths.CRITICISM_ONLY, days_ago(0))
