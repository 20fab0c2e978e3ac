"""Cases the engine makes for the browser shell's own tests (``tests/js/*.test.mjs``, run by ``tests/test_js.py``).

What the page works out before Python is ready, and what its countdown says later, must be what the
engine says. So the engine writes the cases and the answers: the flow table the build puts in the page
with the engine's position for random answers; readers' steps (answers, going back, answering again)
with the screen the engine shows after each and each question's number and "Tilbage" on its screens;
and result screens with deadlines, with what the engine's own screen says about them at later moments.

``python -m tests.js.fixtures FILE`` writes them as JSON.
"""

import json
import re
import sys
from datetime import UTC, datetime, timedelta
from random import Random

from tests.harness import answer_paths
from tests.html_tree import parse_html
from tools.site.guide_page import CHECK_BACK, CHECK_ROW, CHECK_ROWS, check_words
from tools.site.page_flow import flow_table
from wizard import flow
from wizard.contract import ROLES
from wizard.questions import QUESTIONS, QUESTIONS_BY_ID, parse_form
from wizard.result import evaluate
from wizard.screens.check import check_frame, check_row
from wizard.screens.deadline_words import time_left
from wizard.screens.result import result_screen
from wizard.screens.ui import UI
from wizard.session import CHECK, Session, respond

NOW = datetime(2024, 10, 26, 9, 0, tzinfo=UTC)  # the day before summer time ends: 72 hours cross it
ROOT = "../"
NUMBER = re.compile(re.escape(UI["progress"]).replace(re.escape("{n}"), r"(\d+)"))


def random_form(question, random: Random) -> dict[str, list[str]]:
    """A form a reader can send for ``question`` (the engine takes it at :data:`NOW`)."""
    if question.kind == "date_time":
        return {question.id: ["2024-10-01"], f"{question.id}_time": [random.choice(["", "09:30"])]}
    options = [o.id for o in question.options]
    if question.kind == "multiple":
        return {question.id: random.sample(options, random.randint(1, 4))}
    return {question.id: [random.choice(options)]}


def walks(count: int = 400) -> list[dict]:
    """Random answers (some questions left out) and where the engine's flow says they lead."""
    random = Random(14)
    cases = []
    for _ in range(count):
        forms = {q.id: random_form(q, random) for q in QUESTIONS if random.random() >= 0.35}
        place = flow.position({question: parse_form(question, form) for question, form in forms.items()})
        cases.append({
            "forms": forms,
            "asked": [q.id for q in place.asked],
            "kept": sorted(place.answers),
            "next": place.next.id if place.next else None,
        })
    return cases


def on_screen(html: str) -> dict:
    """A question screen's number and the question its "Tilbage" leads to ("" on the first)."""
    tree = parse_html(html)
    backs = tree.find_all(data_guide_action="back")
    return {
        "number": int(NUMBER.fullmatch(tree.with_class("guide-progress")[0].text())[1]),
        "back": backs[0].attrs["data-screen"] if backs else "",
    }


def readers(count: int = 200) -> list[dict]:
    """Readers who answer the screen they are on, and now and then go back to an earlier question and answer
    it again, or press "Ret" on the answers to check, as a reader can before Python is ready; with the
    engine's screen after each step, and, once done, the answers it keeps, the questions asked and reached,
    and each reached question as it shows it."""
    random = Random(20)
    cases = []
    for _ in range(count):
        session = Session()
        screen = respond(session, {"action": "current", "root": ROOT}, NOW)["screen"]
        steps, screens = [], []
        for _ in range(random.randint(1, 40)):
            place = flow.position(session.answers)
            reached = [q.id for q in place.asked if place.is_open(q.id)]
            if screen == CHECK and random.random() > 0.3:
                step = {"action": "change", "question": random.choice(reached)}
                reply = respond(session, {**step, "root": ROOT}, NOW)
                assert reply["accepted"] and reply["screen"] == step["question"], reply.get("notice")
                steps.append(step)
                screen = reply["screen"]
                screens.append(screen)
                continue
            question = screen if screen in QUESTIONS_BY_ID and random.random() > 0.2 else random.choice(reached)
            step = {"action": "answer", "question": question, "form": random_form(QUESTIONS_BY_ID[question], random)}
            reply = respond(session, {**step, "root": ROOT}, NOW)
            assert reply["accepted"], reply.get("notice") or reply.get("refused")
            steps.append(step)
            screen = reply["screen"]
            screens.append(screen)
        place = flow.position(session.answers)
        reached = [q.id for q in place.asked if place.is_open(q.id)]
        shown = {
            question: on_screen(respond(session, {"action": "show", "screen": question, "root": ROOT}, NOW)["html"])
            for question in reached
        }
        cases.append({
            "steps": steps,
            "screens": screens,
            "kept": sorted(session.answers),
            "asked": [q.id for q in place.asked],
            "next": place.next.id if place.next else None,
            "reached": reached,
            "shown": shown,
        })
    return cases


# Incidents before NOW: with a time (hours before) and without one (days before), around both deadlines.
INCIDENT_HOURS = (1, 30, 60, 71.5, 73, 9 * 24 + 5, 10 * 24 + 5, 11 * 24)
INCIDENT_DAYS = (0, 1, 3, 4, 10, 11)
# Later moments at which the page's countdown speaks, from the result made at NOW.
LATER = (0, 30, 59, 60, 3_600, 12 * 3_600, 86_399, 86_400, 36 * 3_600, 71 * 3_600, 72 * 3_600, 73 * 3_600,
         5 * 86_400, 9 * 86_400, 10 * 86_400, 11 * 86_400, 12 * 86_400)


def incidents() -> list[str]:
    timed = [(NOW - timedelta(hours=hours)).isoformat(timespec="minutes") for hours in INCIDENT_HOURS]
    dated = [(NOW - timedelta(days=days)).date().isoformat() for days in INCIDENT_DAYS]
    return [moment.replace("+00:00", "Z") for moment in timed] + dated


def deadlines(html: str) -> dict[str, dict]:
    """Each deadline of a result screen's summary, by id: its data, due instant and what it says."""
    found = {}
    for item in parse_html(html).find_all("li", data_deadline=None):
        found[item.attrs["data-deadline"]] = {
            **{name: value for name, value in item.attrs.items() if name.startswith("data-")},
            "due": item.one("time").attrs["datetime"],
            "flag": item.one("span", data_flag=None).text(),
            "text": item.one("p", data_countdown=None).text(),
        }
    return found


def headings(html: str) -> dict[str, dict]:
    """Each group heading that belongs to a deadline, by group: its words for each state, and what it says (on
    screen, and on paper where the date stands instead of "i morgen")."""
    found = {}
    for heading in parse_html(html).find_all("h3", data_heading_states=None):
        text = heading.one("span", data_heading_text=None).text()
        dated = heading.find_all("span", data_heading_dated=None)
        found[heading.attrs["data-step-group"]] = {
            "states": json.loads(heading.attrs["data-heading-states"]),
            "text": text,
            "dated": dated[0].text() if dated else text,
        }
    return found


def edges(made: dict[str, dict]) -> set[datetime]:
    """Each deadline's instants (due, the end of its day, the latest), a second either side, after NOW."""
    instants = set()
    for item in made.values():
        for key in ("due", "data-ends-at", "data-latest"):
            if "T" in item.get(key, ""):
                instants |= {datetime.fromisoformat(item[key]) + timedelta(seconds=d) for d in (-1, 0, 1)}
    return {moment for moment in instants if moment >= NOW}


def countdown() -> dict:
    """The countdown's words from a result screen, durations in the engine's words, and deadlines at later moments."""
    # One incident, moved about: the path's latest incident of a series would come before some of them.
    answers = {**answer_paths.answers(answer_paths.MANAGER_ADDRESS_PUBLISHED), "repeated": False}
    answers.pop("latest_incident_at", None)
    # And a series whose first incident is a date only: its 72 hours may have passed while the latest's run.
    series = {
        **answers,
        "repeated": True,
        "incident_at": (NOW - timedelta(days=3)).date().isoformat(),
        "latest_incident_at": (NOW - timedelta(hours=23)).isoformat(timespec="minutes").replace("+00:00", "Z"),
    }
    given = [(incident, {**answers, "incident_at": incident}) for incident in incidents()] + [("series", series)]
    cases = []
    words = None
    for incident, case in given:
        made = result_screen(evaluate(case, NOW), root=ROOT)
        words = words or json.loads(parse_html(made).one(data_countdown_words=None).attrs["data-countdown-words"])
        later = []
        for moment in sorted({NOW + timedelta(seconds=seconds) for seconds in LATER} | edges(deadlines(made))):
            then = result_screen(evaluate(case, moment), root=ROOT)
            later.append({"now": moment.isoformat(), "said": deadlines(then), "headings": headings(then)})
        cases.append({"incident": incident, "made": deadlines(made), "headings": headings(made), "later": later})
    seconds = sorted({0, 1, 59, 60, 61, 119, 3_599, 3_600, 3_660, 86_399, 86_400, 86_460, 90_000, 172_800,
                      *Random(3).sample(range(1, 20 * 86_400), 200)})
    return {
        "words": words, "madeAt": NOW.isoformat(), "durations": [[s, time_left(s)] for s in seconds], "deadlines": cases
    }


def check_form(question, random: Random) -> dict[str, list[str]]:
    """A form for ``question`` as a reader sends it, with dates and times of every kind the page must word."""
    if question.kind != "date_time":
        return random_form(question, random)
    day = random.choice(["2024-10-01", "2024-02-29", "2023-10-29", "2024-03-31", "2024-10-26", "2021-01-04"])
    clock = random.choice(["", "", "09:30", "9.30", "00:05", "23:59", "02:30", "12:00"])
    if day == "2024-10-26" and clock > "09:00":
        clock = "08:15"  # not later than NOW, which the engine would refuse
    return {question.id: [day], f"{question.id}_time": [clock]}


def checks(count: int = 150) -> list[dict]:
    """Readers who answer every question the engine asks, each role and every kind of answer, with the
    engine's answers to check as it shows them; the page's frame, row and words for them from the build."""
    random = Random(22)
    cases = []
    for number in range(count):
        session = Session()
        steps = []
        while (place := flow.position(session.answers)).next is not None:
            question = place.next
            form = check_form(question, random)
            if question.id == "role":
                form = {"role": [ROLES[number % len(ROLES)]]}
            step = {"action": "answer", "question": question.id, "form": form}
            reply = respond(session, {**step, "root": ROOT}, NOW)
            if not reply["accepted"]:  # e.g. a latest incident before the first: the reader answers again
                continue
            steps.append(step)
        shown = respond(session, {"action": "show", "screen": CHECK, "root": ROOT}, NOW)
        assert shown["screen"] == CHECK
        cases.append({"steps": steps, "html": shown["html"]})
    return cases


def check_page() -> dict:
    """What the build puts into the guide's page for the answers to check (tools/site/guide_page.py)."""
    return {
        "frame": check_frame(CHECK_ROWS, back_to=CHECK_BACK),
        "row": check_row(*CHECK_ROW),
        "words": check_words(),
        "cases": checks(),
    }


def fixtures() -> dict:
    return {
        "check": CHECK, "table": flow_table(), "walks": walks(), "readers": readers(), "countdown": countdown(),
        "checkPage": check_page(),
    }


if __name__ == "__main__":
    with open(sys.argv[1], "w", encoding="utf-8") as out:
        json.dump(fixtures(), out, ensure_ascii=False)
