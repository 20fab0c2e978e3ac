"""The owners' pages on how the guide decides are generated from the engine, and the guideline's numbers have
one source.

"Reglerne", "Spørgsmålene" and "Skridt og noter" must show every rule, offence, question, step, note and the
rules version exactly as the engine holds them, in Danish, without the engine's ids. The single-source test
edits one constant in a copy of the project and shows that the engine's results and every page's text follow it.
"""

import json
import re
import shutil
import subprocess
import sys
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from tests.html_tree import article, section_after
from tools.site import rules_page as rules_page_module
from wizard import content, evaluate, howto
from wizard.contract import ROLES
from wizard.guideline import (
    ACTION_PLAN_THRESHOLD,
    IMPACT_MAX,
    IMPACT_MIN,
    POLICE_REPORT_HOURS,
    REGISTRATION_DAYS,
)
from wizard.notes import LEGAL_INFO, LEGAL_INFO_RULES, NOTE_RULES, NOTES
from wizard.questions import QUESTIONS, QUESTIONS_BY_ID
from wizard.rules import CATEGORIES, OFFENCES, RULES
from wizard.rules_version import rules_version
from wizard.screens.ui import UI
from wizard.step_groups import GROUP_OF_STEP
from wizard.steps import STEPS, step_text
from wizard.texts import CATEGORY_LABELS, CONTACT_LABELS

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "docs" / "saadan-vurderer-guiden" / "regler.md"
# The owners' pages are two levels down: their links to the guideline start here.
UP = "../../"


def owners_page(site_dir, name: str):
    return article((site_dir / "saadan-vurderer-guiden" / name / "index.html").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def rules_page(site_dir):
    return owners_page(site_dir, "regler")


@pytest.fixture(scope="module")
def questions_page(site_dir):
    return owners_page(site_dir, "spoergsmaal")


@pytest.fixture(scope="module")
def steps_page(site_dir):
    return owners_page(site_dir, "skridt")


def hrefs(element) -> set[str]:
    return {a.attrs["href"] for a in element.find_all("a")}


# --- Generated from the engine ------------------------------------------------------------------------------


@pytest.mark.parametrize("rule", RULES, ids=[rule.id for rule in RULES])
def test_every_rule_is_shown_with_its_inputs_outcome_quote_and_source(rule, rules_page):
    entry = rules_page.one(data_rule=rule.id)
    text = entry.text()
    assert entry.one("h4").text() == rules_page_module.rule_title(rule, rules_page_module.rule_numbers()[rule.id])
    for part in (rule.inputs, rule.outcome, rule.quote):
        assert part in text
    assert entry.one("blockquote").text() == rule.quote
    assert f"{UP}{rule.source.href}" in hrefs(entry)
    for category in rule.categories:
        assert CATEGORY_LABELS[category].text in text
    for offence in rule.offences:
        assert OFFENCES[offence].reference in text


@pytest.mark.parametrize("rule", [r for r in RULES if r.when], ids=[r.id for r in RULES if r.when])
def test_a_category_rule_names_the_answers_that_set_it_off(rule, rules_page):
    text = rules_page.one(data_rule=rule.id).text()
    for match in rule.when:
        question = QUESTIONS_BY_ID[match.field]
        assert f"»{question.label}«" in text
        labels = {option.id: option.label for option in question.options}
        for value in match.values:
            key = value if isinstance(value, str) else {True: "yes", False: "no"}[value]
            assert labels[key] in text


@pytest.mark.parametrize("rule", [r for r in RULES if r.applies], ids=[r.id for r in RULES if r.applies])
def test_every_other_rule_shows_the_condition_the_engine_applies(rule, rules_page):
    # The condition on the page is the very object evaluate() tests, by name and description.
    shown = rules_page.one(data_rule=rule.id).one(data_condition=rule.applies.name)
    assert shown.text() == rule.applies.description


def test_the_registration_deadline_rule_says_both_halves(rules_page):
    assert "så hurtigt som muligt og senest" in rules_page.one(data_rule="deadline_safetynet").text()


def test_the_rules_are_in_the_engines_order(rules_page):
    assert [entry.attrs["data-rule"] for entry in rules_page.find_all(data_rule=None)] == [r.id for r in RULES]


def test_every_category_is_shown_with_its_section(rules_page):
    for category in CATEGORIES:
        entry = rules_page.one("li", data_category=category)
        assert CATEGORY_LABELS[category].text in entry.text()
        assert f"{UP}{CATEGORY_LABELS[category].source.href}" in hrefs(entry)


@pytest.mark.parametrize("offence", OFFENCES.values(), ids=list(OFFENCES))
def test_every_offence_is_shown_with_its_reference_and_basis(offence, rules_page):
    entry = rules_page.one(data_offence=offence.id)
    text = entry.text()
    for part in (offence.label, offence.reference, offence.info):
        assert part in text
    assert ("Står i retningslinjens liste." in text) == (offence.basis == "guideline")
    assert f"{UP}{offence.source.href}" in hrefs(entry)


def test_every_question_is_shown_in_order_with_its_options_and_when_it_is_asked(questions_page):
    entries = questions_page.find_all(data_question=None)
    assert [entry.attrs["data-question"] for entry in entries] == [q.id for q in QUESTIONS]
    for question, entry in zip(QUESTIONS, entries, strict=True):
        text = entry.text()
        assert question.label in text
        assert question.asked_if.description in text
        for label, hint in question.by_role.values():
            assert label in text and hint in text
        assert question.hint in text
        assert [o.attrs["data-option"] for o in entry.find_all(data_option=None)] == [o.id for o in question.options]
        for option in question.options:
            assert option.label in text and option.hint in text
        assert f"{UP}{question.source.href}" in hrefs(entry)


def shown_steps(steps_page, role: str) -> list:
    """The role's steps on the page, each with its item, in the checklist's order."""
    items = steps_page.one("ol", data_role=role).find_all("li", data_step=None)
    assert [item.attrs["data-step"] for item in items] == [step.id for step in STEPS[role]]
    return list(zip(STEPS[role], items, strict=True))


@pytest.mark.parametrize("role", ROLES)
def test_every_step_of_every_role_is_shown_in_order_with_its_condition(role, steps_page):
    for step, item in shown_steps(steps_page, role):
        text = item.text()
        assert step_text(step, role) in text
        assert step.when.description in text
        if step.text.source:
            assert f"{UP}{step.text.source.href}" in hrefs(item)
        else:  # the guide's own wording or legal information: marked, never cited to the guideline
            cited = {href for href in hrefs(item) if not href.startswith("tel:")}  # its how-to's number to ring
            assert cited == set() and item.find_all(data_basis=step.text.basis)


@pytest.mark.parametrize("role", ROLES)
def test_every_step_shows_the_group_the_result_puts_it_under(role, steps_page):
    for step, item in shown_steps(steps_page, role):
        group = GROUP_OF_STEP[step.id]
        shown = item.one(data_step_group=None)
        assert shown.attrs["data-step-group"] == group
        assert shown.text() == f'{content.text("pages", "rules.due")}: {UI[f"group_{group}"]}'


def test_the_groups_name_the_guidelines_deadlines(steps_page):
    groups = {step.id: item.one(data_step_group=None).text() for step, item in shown_steps(steps_page, "employee")}
    assert groups["police_report"].endswith(f": Inden {POLICE_REPORT_HOURS} timer")
    assert groups["register_safetynet"].endswith(f": Inden {REGISTRATION_DAYS} dage")
    assert groups["call_112"].endswith(": Nu")


@pytest.mark.parametrize("role", ROLES)
def test_every_step_shows_its_how_to_marked_as_the_guides_own(role, steps_page):
    for step, item in shown_steps(steps_page, role):
        expected = howto.howto_for(step.id)
        blocks = item.with_class("guide-howto")
        if expected is None:
            assert blocks == [], step.id
            continue
        (block,) = blocks
        (label,) = block.with_class("guide-howto__label")
        assert label.text() == UI["howto"]  # the result's mark: the guide's help, not the guideline
        if expected["text"]:
            assert expected["text"] in block.text()
        assert hrefs(block) == {f"{UP}{link['href']}" for link in expected["links"]} | {
            f"tel:{phone['number']}" for phone in expected["phones"]
        }
        for link in expected["links"] + expected["phones"]:
            assert link["label"] in block.text()
        slots = block.find_all(data_contact_slot=None)
        assert [slot.attrs["data-contact-slot"] for slot in slots] == expected["contacts"]
        assert [slot.text() for slot in slots] == [CONTACT_LABELS[id] for id in expected["contacts"]]


def test_the_police_report_step_says_how_to_report_and_whom_to_ask_first(steps_page):
    item = steps_page.one("ol", data_role="employee").one("li", data_step="police_report")
    assert {
        f"tel:{howto.POLICE_PHONE}", f"{UP}{howto.PAGES['police']}", f"{UP}{howto.PAGES['document']}"
    } <= hrefs(item)
    assert item.one(data_contact_slot="personalejura").text() == CONTACT_LABELS["personalejura"]
    assert content.text("howto", "howto.police_report") in item.text()


def test_every_note_and_piece_of_legal_information_is_shown_with_when(steps_page):
    for id, when in NOTE_RULES:
        item = steps_page.one("li", data_note=id)
        assert NOTES[id].text in item.text() and when.description in item.text()
        for text in NOTES[id].by_role.values():
            assert text in item.text()
        if NOTES[id].source:
            assert f"{UP}{NOTES[id].source.href}" in hrefs(item)
        else:
            assert item.one(data_basis=NOTES[id].basis)
    for id, when in LEGAL_INFO_RULES:
        item = steps_page.one("li", data_legal=id)
        for part in (LEGAL_INFO[id].text, LEGAL_INFO[id].reference, when.description):
            assert part in item.text()


def test_the_rules_version_is_the_one_every_result_carries(rules_page):
    shown = rules_page.one(data_rules_version=None).text()
    answers = {"role": "employee", "behaviours": ["criticism"], "incident_at": "2024-10-14"}
    assert shown == rules_version() == evaluate(answers, "2024-10-15T12:00+02:00")["rules_version"]


def test_the_numbers_table_shows_the_engines_constants_and_none_are_typed_in(rules_page):
    (table,) = [e for e in section_after(rules_page, "tal") if e.tag == "table"]
    table = table.text()
    for shown in (
        f"så hurtigt som muligt og senest {REGISTRATION_DAYS} dage efter hændelsesdagen",
        f"inden for {POLICE_REPORT_HOURS} timer",
        "betingelse for erstatning efter voldsoffererstatningsloven",
        f"fra {IMPACT_MIN} til {IMPACT_MAX}",
        f"over {ACTION_PLAN_THRESHOLD}",
    ):
        assert shown in table
    source = SOURCE.read_text(encoding="utf-8")
    assert not re.search(r"\d", source.split("---", 2)[2]), "a number is typed into the page's Markdown"


# --- One constant changes the engine and the text -----------------------------------------------------------

# How the site's prose writes each number; each pattern takes the number and finds every place it is shown.
PROSE = {
    "REGISTRATION_DAYS": lambda n: rf"(?<![\d.,]){n}\s+dage",
    "POLICE_REPORT_HOURS": lambda n: rf"(?<![\d.,]){n}\s+timer",
    "IMPACT_MIN": lambda n: rf"(?<![\d.,]){n}\s*(?:-|–|til)\s*{IMPACT_MAX}(?!\d)|mellem\s+{n}\s+og\s",
    "IMPACT_MAX": lambda n: rf"(?<![\d.,]){IMPACT_MIN}\s*(?:-|–|til)\s*{n}(?!\d)",
    "ACTION_PLAN_THRESHOLD": lambda n: rf"over\s+{n}(?![\d.,])|mellem\s+{IMPACT_MIN}\s+og\s+{n}(?!\d)",
}
CHANGES = {
    "REGISTRATION_DAYS": 13,
    "POLICE_REPORT_HOURS": 60,
    "IMPACT_MIN": 0,
    "IMPACT_MAX": 12,
    "ACTION_PLAN_THRESHOLD": 7,
}
CURRENT = {
    "REGISTRATION_DAYS": REGISTRATION_DAYS,
    "POLICE_REPORT_HOURS": POLICE_REPORT_HOURS,
    "IMPACT_MIN": IMPACT_MIN,
    "IMPACT_MAX": IMPACT_MAX,
    "ACTION_PLAN_THRESHOLD": ACTION_PLAN_THRESHOLD,
}
# Pages whose results follow a number: with the threshold at 7, a practice card at impact 6 or 7 gets no action
# plan, and no note on the guide's reading of the plan's rule, which names the threshold.
RESULTS_VARY = {"ACTION_PLAN_THRESHOLD": ("nye-medarbejdere/index.md",)}
# Pages that show every number.
SHOWS_EVERY_NUMBER = ["saadan-vurderer-guiden/regler.md", "retningslinje/naar-det-sker.md"]
INCIDENT = datetime.fromisoformat("2024-10-21T10:00+02:00")

# Run in a copy of the project: the engine's results and every page's Markdown with its placeholders expanded.
PROBE = """
import json
import re
from pathlib import Path

from mkdocs.config import load_config

from tools.content import texts

texts.compile_content()  # before the engine is imported: the texts carry the numbers, as in a build

from tools.site import placeholders
from tools.site.blocks import BLOCKS
from wizard import AnswerError, evaluate
from wizard.guideline import NUMBERS
from wizard.questions import QUESTIONS_BY_ID

extra = load_config("mkdocs.yml")["extra"]
blocks = {**BLOCKS, "guide": lambda context: ""}  # the guide's shell needs the browser runtime, not numbers
# These quote the adopted text, whose numbers stay when a constant moves (and check that the web edition does too).
for quoting in ("traceability", "readings", "web_edition_changes"):
    blocks[quoting] = lambda context: ""
context = placeholders.PageContext(root="../", extra=extra)
quotes = re.compile("<blockquote>.*?</blockquote>", re.S)  # the rules' quotes: the adopted text, numbers too
pages = {
    path.relative_to("docs").as_posix(): quotes.sub(
        "", placeholders.expand(path.read_text(encoding="utf-8"), context, blocks)
    )
    for path in sorted(Path("docs").rglob("*.md"))
}
now = "2024-10-22T12:00+02:00"
base = {"danger_now": False, "role": "employee", "behaviours": ["threats"], "incident_at": "2024-10-21T10:00",
        "repeated": False}
deadlines = {d["id"]: d["due"] for d in evaluate(base | {"impact": 3}, now)["deadlines"]}
plans = {}
for impact in range(-1, 16):
    try:
        plans[impact] = evaluate(base | {"impact": impact}, now)["action_plan"]
    except AnswerError:
        plans[impact] = "invalid"
options = [option.id for option in QUESTIONS_BY_ID["impact"].options]
print(json.dumps({"numbers": NUMBERS, "deadlines": deadlines, "plans": plans, "options": options, "pages": pages}))
"""


def probe(tmp_path: Path, change: tuple[str, int] | None = None) -> dict:
    """Copy the engine, the build tools, the content, the pages and the configuration; edit one constant; run PROBE
    there."""
    ignore = shutil.ignore_patterns("__pycache__", "assets")
    for name in ("wizard", "tools", "docs", "overrides", "content"):
        shutil.copytree(ROOT / name, tmp_path / name, ignore=ignore)
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    if change:
        constant, value = change
        source = tmp_path / "wizard" / "guideline.py"
        text, count = re.subn(rf"^{constant} = \d+$", f"{constant} = {value}", source.read_text(), flags=re.M)
        assert count == 1, f"{constant} is not defined exactly once in wizard/guideline.py"
        source.write_text(text)
    (tmp_path / "probe.py").write_text(PROBE)
    proc = subprocess.run(
        [sys.executable, "probe.py"], cwd=tmp_path, capture_output=True, text=True, timeout=120
    )
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


@pytest.fixture(scope="module")
def unchanged(tmp_path_factory):
    return probe(tmp_path_factory.mktemp("unchanged"))


def expected_engine(numbers: dict) -> dict:
    """The engine's results that follow from the numbers, worked out independently of the engine."""
    low, high, threshold = numbers["impact_min"], numbers["impact_max"], numbers["action_plan_threshold"]
    return {
        "safetynet": (INCIDENT.date() + timedelta(days=numbers["registration_days"])).isoformat(),
        "police_report": INCIDENT + timedelta(hours=numbers["police_report_hours"]),
        "plans": {str(i): ("invalid" if not low <= i <= high else i > threshold) for i in range(-1, 16)},
        "options": [str(i) for i in range(low, high + 1)] + ["unknown"],
    }


def check_engine(run: dict) -> None:
    expected = expected_engine(run["numbers"])
    assert run["deadlines"]["safetynet"] == expected["safetynet"]
    assert datetime.fromisoformat(run["deadlines"]["police_report"]) == expected["police_report"]
    assert run["plans"] == expected["plans"]
    assert run["options"] == expected["options"]


def test_the_unchanged_constants_give_the_guidelines_results(unchanged):
    assert unchanged["numbers"] == {
        "registration_days": 10,
        "police_report_hours": 72,
        "impact_min": 1,
        "impact_max": 10,
        "action_plan_threshold": 5,
    }
    check_engine(unchanged)
    assert unchanged["deadlines"]["safetynet"] == date(2024, 10, 31).isoformat()


@pytest.mark.parametrize(("constant", "value"), CHANGES.items(), ids=list(CHANGES))
def test_changing_a_constant_changes_the_engine_and_every_page(constant, value, unchanged, tmp_path):
    old, pattern = CURRENT[constant], PROSE[constant]
    changed = probe(tmp_path, (constant, value))
    assert changed["numbers"][constant.lower()] == value

    check_engine(changed)
    assert changed["deadlines"] != unchanged["deadlines"] or changed["plans"] != unchanged["plans"] or (
        changed["options"] != unchanged["options"]
    )

    shown_before = {url: len(re.findall(pattern(old), text)) for url, text in unchanged["pages"].items()}
    assert all(shown_before[url] for url in SHOWS_EVERY_NUMBER), shown_before
    for url, text in changed["pages"].items():
        assert not re.search(pattern(value), unchanged["pages"][url]), f"{url}: the new value is there already"
        if url in RESULTS_VARY.get(constant, ()):
            # The page shows the engine's results, and they follow the number: as many or fewer mentions.
            assert 0 < len(re.findall(pattern(value), text)) <= shown_before[url], url
        else:
            assert len(re.findall(pattern(value), text)) == shown_before[url], url
        assert not re.search(pattern(old), text), f"{url} still shows {old} where the constant was {value}"
