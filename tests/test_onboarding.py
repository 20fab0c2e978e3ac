"""'Til nye medarbejdere': the guideline in ten minutes, and practice cards that teach only what the guide says.

Every card is evaluated by the engine here, and the built page must carry the engine's answer for it. The
onboarding prose is checked against the guideline file and the published guideline pages.
"""

import re
from dataclasses import replace
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.e2e.guide import SIZES, page_of_size
from tests.html_tree import article, section_after
from tools.content.guideline_text import split_sentences
from tools.content.practice_cards import CARDS, HARD_EDGES, NOW
from tools.site import onboarding_page
from tools.site.placeholders import PageContext
from wizard import evaluate
from wizard.danish_time import MONTHS
from wizard.flow import next_question
from wizard.guideline import (
    ACTION_PLAN_THRESHOLD,
    IMPACT_MAX,
    IMPACT_MIN,
    POLICE_REPORT_HOURS,
    REGISTRATION_DAYS,
    SECTIONS,
)
from wizard.rules import CATEGORIES
from wizard.screens.ui import UI
from wizard.texts import CATEGORY_SHORT_LABELS

ROOT = Path(__file__).resolve().parents[1]
PAGE = "nye-medarbejdere/"
SOURCE = ROOT / "docs" / "nye-medarbejdere" / "index.md"
GUIDELINE_FILE = ROOT / "content" / "guideline" / "retningslinje-digital-chikane-2024.txt"
GUIDELINE_PAGES = [
    "retningslinje/",
    "retningslinje/forebyggelse/",
    "retningslinje/naar-det-sker/",
    "retningslinje/strafbar/",
]
# Reading speed for plain Danish prose; ten minutes of it, with room for the headings and links.
WORDS_PER_MINUTE = 200
CARD_IDS = [card.id for card in CARDS]


def guideline_lines() -> list[str]:
    return GUIDELINE_FILE.read_text(encoding="utf-8").splitlines()


def guideline_list(heading: str, end: str) -> list[str]:
    """The items of the guideline's list between its heading line and ``end``, bold marks removed."""
    lines = guideline_lines()
    start = next(i for i, line in enumerate(lines) if line.strip() == heading)
    items: list[str] = []
    for line in lines[start + 1 :]:
        text = line.strip()
        if text == end:
            break
        if text.startswith(("- ", "– ")):
            items.append(text[2:])
        elif text and items:
            items[-1] += " " + text
    return [" ".join(item.replace("**", "").split()) for item in items]


@pytest.fixture(scope="module")
def onboarding(site_dir):
    return article((site_dir / PAGE / "index.html").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def published_guideline(site_dir):
    """The text of the published guideline's pages (checked sentence by sentence in test_site_content.py)."""
    pages = [article((site_dir / url / "index.html").read_text(encoding="utf-8")) for url in GUIDELINE_PAGES]
    return " ".join(page.text() for page in pages)


# --- The cards as data, through the engine ------------------------------------------------------------------


@pytest.mark.parametrize("card", CARDS, ids=CARD_IDS)
def test_the_engine_finds_the_categories_the_card_is_written_for(card):
    assert evaluate(card.answers, NOW)["categories"] == list(card.expected)


@pytest.mark.parametrize("card", CARDS, ids=CARD_IDS)
def test_a_card_answers_every_question_the_guide_would_ask_and_nothing_else(card):
    assert next_question(card.answers) is None
    assert evaluate(card.answers, NOW)["ignored_answers"] == []


def test_there_are_at_least_twelve_cards_with_distinct_ids():
    assert len(CARDS) >= 12
    assert len(set(CARD_IDS)) == len(CARDS)
    assert all(re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", id) for id in CARD_IDS)


def test_the_cards_cover_every_category():
    covered = {category for card in CARDS for category in evaluate(card.answers, NOW)["categories"]}
    assert covered == set(CATEGORIES)


@pytest.mark.parametrize("edge", HARD_EDGES.values(), ids=list(HARD_EDGES))
def test_each_hard_edge_from_the_issue_has_a_card_that_really_shows_it(edge):
    cards = [card for card in CARDS if edge.id in card.edges]
    assert cards, f"no card covers {edge.description}"
    for card in cards:
        assert set(edge.behaviours) <= set(card.answers["behaviours"]), card.id
        if edge.recording_shared is not None:
            assert card.answers["recording_shared"] == edge.recording_shared, card.id
        assert edge.keyword in card.story, card.id


def test_every_edge_a_card_names_exists():
    assert {edge for card in CARDS for edge in card.edges} <= set(HARD_EDGES)


def test_a_recording_that_is_kept_is_lawful_and_the_same_recording_published_is_not():
    kept = evaluate(next(c for c in CARDS if "recording_kept" in c.edges).answers, NOW)
    published = evaluate(next(c for c in CARDS if "recording_published" in c.edges).answers, NOW)
    assert kept["categories"] == ["protected_speech"]
    assert "criminal" in published["categories"] and "protected_speech" not in published["categories"]


def test_the_build_refuses_a_card_whose_story_the_engine_disagrees_with(monkeypatch):
    wrong = replace(CARDS[0], expected=("work_environment",))
    monkeypatch.setattr(onboarding_page, "CARDS", (wrong,))
    with pytest.raises(onboarding_page.ScenarioError, match=wrong.id):
        onboarding_page.scenario_cards_block(PageContext(root="../", extra={}))


# --- The cards on the built page ----------------------------------------------------------------------------


def test_the_page_has_a_card_element_for_every_card(onboarding):
    cards = onboarding.find_all(data_scenario=None)
    assert len(cards) >= 12
    assert [card.attrs["data-scenario"] for card in cards] == CARD_IDS


@pytest.mark.parametrize("card", CARDS, ids=CARD_IDS)
def test_a_card_asks_the_question_with_the_four_categories_as_checkboxes(card, onboarding):
    element = onboarding.one(data_scenario=card.id)
    assert card.title in element.one("h3").text()
    assert element.one("p", **{"class": "scenario__story"}).text() == card.story
    (fieldset,) = element.find_all("fieldset")
    assert fieldset.one("legend").text() == "Hvad mener du, der er tale om?"
    boxes = fieldset.find_all("input", type="checkbox")
    assert [box.attrs["value"] for box in boxes] == list(CATEGORIES)
    labels = {label.attrs["for"]: label.text() for label in fieldset.find_all("label")}
    assert [labels[box.attrs["id"]] for box in boxes] == [CATEGORY_SHORT_LABELS[c] for c in CATEGORIES]
    assert "checked" not in " ".join(" ".join(box.attrs) for box in boxes)


@pytest.mark.parametrize("card", CARDS, ids=CARD_IDS)
def test_a_card_holds_the_engines_answer_hidden_until_asked_for(card, onboarding):
    result = evaluate(card.answers, NOW)
    element = onboarding.one(data_scenario=card.id)
    (answer,) = element.find_all("details", data_scenario_answer=None)
    assert "open" not in answer.attrs
    assert answer.one("summary").text() == "Se svaret"
    verdicts = answer.find_all(data_verdict=None)
    assert {v.attrs["data-category"]: v.attrs["data-applies"] == "true" for v in verdicts} == {
        c: c in result["categories"] for c in CATEGORIES
    }
    text = answer.text()
    # The reasons as what happens in the story ("I historien: …"), for the decisions too: never as answers the
    # learner gave.
    for key in (*result["categories"], "action_plan", "work_accident"):
        for reason in result["reasons"].get(key, ()):
            assert onboarding_page.in_story(reason) in text
    assert UI["because"].split("{")[0].strip() not in text
    for category in result["categories"]:
        for reason in result["reasons"][category]:
            assert reason["outcome"] in text
    for offence in result["offences"]:
        assert f'{offence["label"]} – {offence["reference"]}' in text
    for note in onboarding_page.card_notes(result):
        assert note["text"] in text
    for note in result["notes"]:
        if note not in onboarding_page.card_notes(result):  # about a passed deadline of a made-up date
            assert note["text"] not in text
    assert result["rules_version"] in text
    links = {a.attrs["href"] for a in answer.find_all("a")}
    sources = {r["source"] for c in result["categories"] for r in result["reasons"][c]}
    assert {f"../{source}" for source in sources} <= links


@pytest.mark.parametrize("card", CARDS, ids=CARD_IDS)
def test_a_card_says_why_first_and_ends_with_one_line_on_what_to_do(card, onboarding):
    body = onboarding.one(data_scenario=card.id).one(cls="scenario__answer-body")
    parts = [child for child in body.children if hasattr(child, "tag")]
    why = body.one(data_scenario_why=None)
    assert why.text() == f"{onboarding_page.TEXTS['why']} {card.why}"
    assert parts.index(why) == 1  # after the reader's score, before the verdicts
    todo = body.one(data_scenario_todo=None)
    assert parts[-1] is todo
    assert todo.text() == f"{onboarding_page.TODO_LABELS[card.answers['role']]} {card.todo}"
    assert len(split_sentences(card.why)) == 1


def test_the_cards_say_what_happens_in_the_story_not_what_the_learner_answered(onboarding):
    text = onboarding.text()
    assert "Svar til guiden" not in text
    assert "Fordi du svarede" not in text
    assert text.count("I historien:") >= len(CARDS)


def test_the_cards_numbers_come_from_the_engine():
    source = (ROOT / "content" / "texts" / "cards.yaml").read_text(encoding="utf-8")
    assert not re.search(rf"\b(?:{REGISTRATION_DAYS} dage|{POLICE_REPORT_HOURS} timer)", source)


@pytest.mark.parametrize("card", CARDS, ids=CARD_IDS)
def test_a_card_gives_deadlines_relative_to_the_incident_never_as_dates(card, onboarding):
    result = evaluate(card.answers, NOW)
    text = onboarding.one(data_scenario=card.id).text()
    month = "|".join(MONTHS)
    assert not re.search(rf"\d{{1,2}}\. (?:{month}) \d{{4}}", text)
    shown = {d["id"] for d in result["deadlines"]}
    assert (f"senest {REGISTRATION_DAYS} dage efter hændelsesdagen" in text) == ("safetynet" in shown)
    assert (f"inden for {POLICE_REPORT_HOURS} timer efter hændelsen" in text) == ("police_report" in shown)


# --- The onboarding prose -----------------------------------------------------------------------------------


def test_the_five_things_are_the_guidelines_own_checklist_for_the_employee(onboarding):
    expected = guideline_list(
        "Sådan gør du, hvis DU bliver udsat for digital chikane", "Sådan gør du som KOLLEGA"
    )
    assert len(expected) == 5
    (steps,) = [e for e in section_after(onboarding, "fem-ting") if e.tag == "ol"]
    items = [li.text() for li in steps.find_all("li")]
    assert len(items) == 5
    for item, guideline_item in zip(items, expected, strict=True):
        assert item.startswith(guideline_item)
    assert f"senest {REGISTRATION_DAYS} dage efter hændelsesdagen" in items[3]


def test_the_social_media_advice_is_the_guidelines_own_advice(onboarding):
    advice = guideline_list(
        "Gode råd til at forebygge digital chikane", "Sådan gør vi, når vi oplever digital chikane."
    )
    about_own_accounts = [a for a in advice if re.search(r"privat|venner|opdateringer|online", a)]
    assert len(about_own_accounts) == 4
    (shown,) = [e for e in section_after(onboarding, "sociale-medier") if e.tag == "ul"]
    assert [li.text() for li in shown.find_all("li")] == about_own_accounts


def test_every_quotation_is_the_published_guidelines_own_words(onboarding, published_guideline):
    quotes = [quote.text() for quote in onboarding.find_all("blockquote")]
    assert len(quotes) >= 6
    assert [quote for quote in quotes if quote not in published_guideline] == []


def test_the_page_explains_what_must_be_tolerated_and_links_to_the_sections(onboarding):
    text = " ".join(e.text() for e in section_after(onboarding, "det-skal-du-taale"))
    for word in ("ytringsfriheden", "aktindsigt", "Lydoptagelser"):
        assert word in text
    links = {a.attrs["href"] for a in onboarding.find_all("a")}
    for anchor in ("hvad-er-digital-chikane", "ytringsfrihed", "lydoptagelser", "du-er-udsat", "gode-raad", "frist"):
        assert f"../{SECTIONS[anchor].href}" in links, anchor


def test_the_guidelines_numbers_come_from_the_engine(onboarding):
    text = onboarding.text()
    assert f"senest {REGISTRATION_DAYS} dage efter hændelsesdagen" in text
    assert f"inden for {POLICE_REPORT_HOURS} timer" in text
    assert f"skala fra {IMPACT_MIN} til {IMPACT_MAX}" in text
    assert f"over {ACTION_PLAN_THRESHOLD}" in text
    source = SOURCE.read_text(encoding="utf-8")
    typed = [
        f"{REGISTRATION_DAYS} dage",
        f"{POLICE_REPORT_HOURS} timer",
        f"{IMPACT_MIN}-{IMPACT_MAX}",
        f"over {ACTION_PLAN_THRESHOLD}",
    ]
    assert [literal for literal in typed if literal in source] == []


def test_the_page_reads_in_about_ten_minutes(onboarding):
    # Everything but the answers, which a reader opens one at a time.
    answers = " ".join(a.text() for a in onboarding.find_all("details"))
    words = len(onboarding.text().split()) - len(answers.split())
    assert 5 * WORDS_PER_MINUTE <= words <= 11 * WORDS_PER_MINUTE, words


# --- In the browser -----------------------------------------------------------------------------------------


def score_line(right: int, wrong: int, total: int) -> str:
    return onboarding_page.TEXTS["score"].format(right=right, wrong=wrong, total=total)


@pytest.mark.browser
def test_the_readers_ticks_are_scored_right_and_wrong_beside_the_engines_answer(page, site_url):
    page.goto(site_url + PAGE, wait_until="networkidle")
    card = next(c for c in CARDS if len(c.expected) == 2)
    found = evaluate(card.answers, NOW)["categories"]
    element = page.locator(f'[data-scenario="{card.id}"]')
    answer = element.locator("[data-scenario-answer] .scenario__answer-body")
    assert not answer.is_visible()
    wrong = next(c for c in CATEGORIES if c not in found)
    element.locator(f'input[value="{found[0]}"]').check()
    element.locator(f'input[value="{wrong}"]').check()
    element.locator("summary").click()
    # The details' toggle event, which fills in the comparison, fires after the click: let expect() wait for it.
    expect(answer).to_be_visible()
    summary = element.locator("[data-scenario-summary]")
    expect(summary).to_have_text(score_line(1, 1, len(found)))

    def you(category):
        return element.locator(f'[data-verdict][data-category="{category}"] [data-scenario-you]')

    expect(you(found[0])).to_have_text(onboarding_page.TEXTS["right"])
    expect(you(wrong)).to_have_text(onboarding_page.TEXTS["wrong"])
    expect(you(found[1])).to_have_text(onboarding_page.TEXTS["missed"])
    expect(element.locator(f'[data-verdict][data-category="{wrong}"]')).to_have_attribute("data-mark", "wrong")
    # An empty box where the guide finds nothing says nothing, and scores nothing.
    quiet = next(c for c in CATEGORIES if c not in found and c != wrong)
    expect(you(quiet)).to_be_hidden()
    # Changing the ticks after opening updates the score.
    element.locator(f'input[value="{wrong}"]').uncheck()
    element.locator(f'input[value="{found[1]}"]').check()
    expect(summary).to_have_text(onboarding_page.TEXTS["all_right"])


@pytest.mark.browser
def test_an_answer_opened_with_nothing_ticked_is_not_agreement(page, site_url):
    page.goto(site_url + PAGE, wait_until="networkidle")
    card = page.locator(f'[data-scenario="{CARDS[0].id}"]')
    card.locator("summary").focus()
    page.keyboard.press("Enter")
    expect(card.locator("[data-scenario-answer]")).to_have_attribute("open", "")
    found = evaluate(CARDS[0].answers, NOW)["categories"]
    expect(card.locator("[data-scenario-summary]")).to_have_text(
        onboarding_page.TEXTS["none_ticked"].format(total=len(found))
    )
    for category in CATEGORIES:
        mark = card.locator(f'[data-verdict][data-category="{category}"] [data-scenario-you]')
        if category in found:
            expect(mark).to_have_text(onboarding_page.TEXTS["missed"])
        else:
            expect(mark).to_be_hidden()


@pytest.mark.browser
def test_on_a_phone_the_answer_is_no_box_inside_the_card(browser, site_url):
    with page_of_size(browser, "phone") as page:
        page.goto(site_url + PAGE, wait_until="networkidle")
        card = page.locator(f'[data-scenario="{CARDS[4].id}"]')
        card.locator("summary").click()
        framed = card.evaluate(
            """card => [card, ...card.querySelectorAll('*')].filter(e => {
                const s = getComputedStyle(e);
                return ['Top', 'Right', 'Bottom', 'Left'].filter(side => parseFloat(s['border' + side + 'Width']) > 0
                    && s['border' + side + 'Style'] !== 'none').length >= 3;
            }).map(e => e.tagName + '.' + e.className)"""
        )
        # Only "Se svaret" is a framed button; the card and its answer draw edges, not boxes within boxes.
        assert framed == ["SUMMARY."], framed
        assert page.evaluate("document.documentElement.scrollWidth") <= SIZES["phone"]["width"]
