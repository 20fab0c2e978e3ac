"""A new edition of the guideline: the owners' report, adopting it, and the build that waits for the review.

The made-up edition changes a number (10 days to 14), rewords a duty (the employee's "Kontakt din leder …") and
removes a sentence (the colleague's "Kontakt eventuelle pårørende"). The report must name every place in the
guide that rests on those sentences and exit non-zero; adopting it in a copy of the project must stop the build
with the review's list; and once each place is reviewed (quotes updated, reasons recorded, the number set) and
the review dated, the site builds and shows the new date.
"""

import re
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
import yaml

from tests.html_tree import parse_html
from tools.content import edition_review, guideline_diff, guideline_review, guideline_text
from tools.content.guideline_review import MESSAGES, NUMBER_LABELS
from tools.site.legal_page import danish_date
from wizard import content
from wizard.guideline import NUMBERS

ROOT = Path(__file__).resolve().parents[1]
ADOPTED = guideline_text.GUIDELINE_FILE.read_text(encoding="utf-8")

NUMBER_SENTENCE = "Anmeldelse skal ske så hurtigt som muligt og senest 10 dage efter hændelsesdagen."
DUTY_OLD = "og evt. arbejdsmiljø- eller tillidsrepræsentanten"
DUTY_NEW = "og arbejdsmiljørepræsentanten samme dag"
REMOVED = "Kontakt eventuelle pårørende"


def made_up_edition() -> str:
    """The adopted text with a number changed, a duty reworded and a sentence removed."""
    edition = ADOPTED
    for old, new in (("**senest 10 dage**", "**senest 14 dage**"), (DUTY_OLD, DUTY_NEW), (f"- {REMOVED}\n", "")):
        assert edition.count(old) == 1, old
        edition = edition.replace(old, new)
    return edition


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def edition_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("edition") / "ny-udgave.txt"
    path.write_text(made_up_edition(), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def review_run(edition_file):
    """The report on the made-up edition, as `make guideline-review NEW=…` prints it, and its exit status."""
    proc = subprocess.run(
        [sys.executable, "-m", "tools.content.guideline_review", str(edition_file)],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )
    return proc


def places_to_review() -> list:
    """The places the made-up edition puts under review: every text, table row and reading quoting a changed or
    removed sentence (the count grows as the guide quotes the guideline in more places)."""
    findings = guideline_review.review(
        guideline_text.read(), guideline_text.parse(made_up_edition()), guideline_review.Guide()
    )
    return guideline_review.waiting(findings)


# --- Sentence by sentence -----------------------------------------------------------------------------------


def test_the_comparison_finds_the_changed_the_reworded_and_the_removed_sentence():
    changes = guideline_diff.compare(guideline_text.parse(ADOPTED), guideline_text.parse(made_up_edition()))
    assert [(c.kind, c.old.text if c.old else None) for c in changes] == [
        ("changed", NUMBER_SENTENCE),
        ("changed", next(s.text for s in guideline_text.read().sentences if DUTY_OLD in s.text)),
        ("removed", REMOVED),
    ]
    assert changes[0].new.text == NUMBER_SENTENCE.replace("10 dage", "14 dage")
    assert guideline_diff.numbers(changes[0].new.text) == [14]


def test_an_added_sentence_and_a_new_heading_are_reported_as_added():
    text = ADOPTED.replace("Databeskyttelsesloven\n\nDet er ulovligt", "Databeskyttelsesloven\n\nEn ny sætning skal "
                           "følges. Det er ulovligt")
    changes = guideline_diff.compare(guideline_text.read(), guideline_text.parse(text))
    assert [(c.kind, c.new.text) for c in changes] == [("added", "En ny sætning skal følges.")]
    assert changes[0].new.normative


def test_the_same_text_has_no_changes():
    assert guideline_diff.compare(guideline_text.read(), guideline_text.parse(ADOPTED)) == []


# --- The owners' report -------------------------------------------------------------------------------------


def test_the_report_exits_non_zero_while_a_traced_sentence_has_changed(review_run):
    assert review_run.returncode == 1, review_run.stderr
    report = flat(review_run.stdout)
    assert report.startswith(MESSAGES["title"])
    places = places_to_review()
    # Among them the step that quotes the reworded duty.
    assert "steps/employee.contact_manager" in {place.id for place in places}
    assert MESSAGES["summary"].format(changed=2, removed=1, added=0, places=len(places)) in report


def test_the_report_shows_each_sentence_before_and_after(review_run):
    report = flat(review_run.stdout)
    heading = "Sådan gør vi, når vi oplever digital chikane."
    assert f"{MESSAGES['changed'].upper()} {MESSAGES['under'].format(heading=heading)}" in report
    assert f"{MESSAGES['before']} {NUMBER_SENTENCE}" in report
    assert f"{MESSAGES['after']} {NUMBER_SENTENCE.replace('10 dage', '14 dage')}" in report
    assert f"{MESSAGES['removed'].upper()} {MESSAGES['under'].format(heading='Sådan gør du som KOLLEGA')}" in report
    assert f"{MESSAGES['before']} {REMOVED}" in report


def test_the_report_names_every_place_that_rests_on_the_changed_sentences(review_run):
    report = flat(review_run.stdout)
    # Texts whose source quotes a changed sentence, each with its file and id for whoever edits it.
    for where in (
        "content/texts/rules.yaml: deadline_safetynet",
        "content/texts/questions.yaml: incident_at",
        "content/texts/notes.yaml: safetynet_overdue",
        "content/readings.yaml: date_without_time",
        "content/texts/steps.yaml: employee.contact_manager",
        "content/texts/steps.yaml: colleague.contact_relatives",
    ):
        assert f"({where})" in report, where
    # The traceability table's sentence, with what the guide does with it, in the guide's own words.
    assert report.count("(content/traceability.yaml)") == 3
    assert f"Skridt: Kollega: {content.text('steps', 'colleague.contact_relatives')}" in report
    assert "»Hvornår skete det?«" in report


def test_the_report_catches_the_changed_number_and_where_it_is_shown(review_run):
    report = flat(review_run.stdout)
    label = NUMBER_LABELS["registration_days"]
    assert MESSAGES["number_place"].format(what=label, old=NUMBERS["registration_days"], value=14) in report
    # Where {{ registration_days }} is written: they follow once the number is set.
    assert "content/texts/steps.yaml: employee.register_safetynet" in report
    assert "docs/retningslinje/naar-det-sker.md" in report


def test_the_same_edition_is_reported_as_unchanged_with_exit_zero():
    proc = subprocess.run(
        [sys.executable, "-m", "tools.content.guideline_review", str(guideline_text.GUIDELINE_FILE)],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )
    assert proc.returncode == 0
    assert MESSAGES["nothing"] in flat(proc.stdout)


def test_a_missing_file_or_a_text_that_is_not_a_guideline_is_refused_in_danish(tmp_path, capsys):
    assert guideline_review.main([str(tmp_path / "findes-ikke.txt")]) == 2
    assert capsys.readouterr().err.strip() == MESSAGES["not_found"].format(path=tmp_path / "findes-ikke.txt")
    (tmp_path / "tom.txt").write_text("Bare en linje\n", encoding="utf-8")
    assert guideline_review.main([str(tmp_path / "tom.txt")]) == 2
    assert "ligner ikke retningslinjen" in capsys.readouterr().err


# --- The shipped review -------------------------------------------------------------------------------------


def test_the_shipped_review_is_complete_and_belongs_to_the_adopted_text():
    assert guideline_review.build_problems() == []
    review = edition_review.load()
    assert review.sha256 == edition_review.text_sha256()
    assert review.reviewed and review.reviewed_by


def test_the_texts_checksum_ignores_line_endings(tmp_path):
    crlf = tmp_path / "crlf.txt"
    crlf.write_bytes(guideline_text.GUIDELINE_FILE.read_bytes().replace(b"\n", b"\r\n"))
    assert edition_review.text_sha256(crlf) == edition_review.text_sha256()


def test_a_text_that_did_not_come_in_by_adopting_it_stops_the_build(tmp_path):
    path = tmp_path / "review.yaml"
    shipped = edition_review.REVIEW_FILE.read_text(encoding="utf-8")
    path.write_text(shipped.replace(edition_review.load().sha256, "0" * 64), encoding="utf-8")
    assert edition_review.problems(MESSAGES, NUMBERS, path) == [
        MESSAGES["text_changed"].format(
            file="content/guideline/retningslinje-digital-chikane-2024.txt", review=str(path)
        )
    ]
    assert edition_review.problems(MESSAGES, NUMBERS, tmp_path / "none.yaml") == [
        MESSAGES["no_file"].format(file=str(tmp_path / "none.yaml"))
    ]


def test_every_number_is_the_one_its_sentence_states():
    assert edition_review.number_problems(MESSAGES, NUMBERS) == []
    assert set(edition_review.NUMBER_SOURCES) == set(NUMBERS)
    changed = {**NUMBERS, "registration_days": 14}
    (problem,) = edition_review.number_problems(MESSAGES, changed)
    assert problem == MESSAGES["number_differs"].format(
        name="registration_days", value=14, stated=NUMBERS["registration_days"], rule="deadline_safetynet"
    )


# --- Adopting it: the build waits for the review ------------------------------------------------------------


def project_copy(tmp_path: Path) -> Path:
    """The parts of the project a build reads, copied; the installed tools linked."""
    copy = tmp_path / "project"
    ignore = shutil.ignore_patterns("__pycache__")
    for name in ("wizard", "tools", "docs", "overrides", "content"):
        shutil.copytree(ROOT / name, copy / name, ignore=ignore)
    for name in ("mkdocs.yml", "pyproject.toml"):
        shutil.copy(ROOT / name, copy / name)
    for name in ("node_modules", ".venv"):
        (copy / name).symlink_to(ROOT / name)
    return copy


def run(copy: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, *args], cwd=copy, capture_output=True, text=True, timeout=600,
        env={"PATH": "/usr/bin:/bin", "NO_MKDOCS_2_WARNING": "1", "HOME": str(copy)},
    )


def build(copy: Path) -> subprocess.CompletedProcess:
    return run(copy, "-m", "mkdocs", "build", "--strict", "--site-dir", str(copy / "site"))


def replace_in(path: Path, old: str, new: str, count: int | None = None) -> None:
    """Replace ``old`` with ``new`` in a file, whatever line breaks and indentation stand between old's words."""
    pattern = r"\s+".join(re.escape(word) for word in old.split())
    text, found = re.subn(pattern, new, path.read_text(encoding="utf-8"))
    assert found and (count is None or found == count), (path, old, found)
    path.write_text(text, encoding="utf-8")


def remove_trace_entry(path: Path, sentence: str) -> None:
    """Delete the traceability table's entry for ``sentence`` (its block, from "- section:" to the next)."""
    blocks = re.split(r"(?m)^(?=  - section: )", path.read_text(encoding="utf-8"))
    kept = [block for block in blocks if not re.search(rf"text: >-\s+{re.escape(sentence)}\s", block)]
    assert len(kept) == len(blocks) - 1
    path.write_text("".join(kept), encoding="utf-8")


def review_places(copy: Path, reasons: dict[str, str], reviewed: date) -> None:
    """The owners' part in review.yaml: a reason for some places, the date and who reviewed."""
    path = copy / "content" / "guideline" / "review.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    for place in data["places"]:
        place["reason"] = reasons.get(place["id"]) or place.get("reason")
    data["reviewed"], data["reviewed_by"] = reviewed, "HR, personalejura og AMR"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


@pytest.mark.site
def test_adopting_the_edition_stops_the_build_until_every_place_is_reviewed(tmp_path, edition_file):
    copy = project_copy(tmp_path)
    adopted = run(copy, "-m", "tools.content.guideline_review", "--adopt", str(edition_file))
    assert adopted.returncode == 0, adopted.stderr
    assert (copy / "content/guideline/retningslinje-digital-chikane-2024.txt").read_text() == made_up_edition()
    review = edition_review.load(copy / "content" / "guideline" / "review.yaml")
    expected = places_to_review()
    assert [place.id for place in review.places] == [place.id for place in expected] and review.reviewed is None
    # Another edition waits until this review is done: its places would otherwise be lost.
    again = run(copy, "-m", "tools.content.guideline_review", "--adopt", str(guideline_text.GUIDELINE_FILE))
    assert again.returncode == 2
    assert MESSAGES["not_finished"].format(review="content/guideline/review.yaml") in flat(again.stderr)

    # The build refuses, naming each place in Danish, and no traceback.
    refused = build(copy)
    assert refused.returncode != 0
    assert MESSAGES["problems"] in refused.stderr and "Traceback" not in refused.stderr
    for place in review.places:
        assert flat(place.what) in flat(refused.stderr), place.what
    assert MESSAGES["not_dated"].format(review="content/guideline/review.yaml") in flat(refused.stderr)
    assert not (copy / "site" / "index.html").exists()

    # The owners review: the number's sentence quoted anew everywhere, the number set, the reworded duty quoted
    # anew in the table and the web edition, the removed sentence's step given another sentence.
    texts = copy / "content" / "texts"
    new_sentence = NUMBER_SENTENCE.replace("10 dage", "14 dage")
    for path in [*texts.glob("*.yaml"), copy / "content/traceability.yaml", copy / "content/readings.yaml"]:
        if re.search(r"\s+".join(map(re.escape, NUMBER_SENTENCE.split())), path.read_text(encoding="utf-8")):
            replace_in(path, NUMBER_SENTENCE, new_sentence)
    replace_in(copy / "wizard" / "guideline.py", "REGISTRATION_DAYS = 10", "REGISTRATION_DAYS = 14", 1)
    replace_in(copy / "content/traceability.yaml", DUTY_OLD, DUTY_NEW, 1)
    replace_in(copy / "docs/retningslinje/naar-det-sker.md", DUTY_OLD, DUTY_NEW, 1)
    remove_trace_entry(copy / "content/traceability.yaml", REMOVED)
    replace_in(copy / "docs/retningslinje/naar-det-sker.md", f"- {REMOVED}", "", 1)
    replace_in(texts / "steps.yaml", f"quote: {REMOVED}", "quote: Vær opmærksom på, hvad den forurettede kollega har "
               "brug for", 1)
    # The fallback's checklists are the guideline's own words: the reworded item follows, the removed one goes.
    replace_in(texts / "checklists.yaml", DUTY_OLD, DUTY_NEW, 2)
    removed_item = f"colleague.relatives:\n  text: {REMOVED}\n  source:\n    section: kollega\n    quote: {REMOVED}\n\n"
    replace_in(texts / "checklists.yaml", removed_item, "", 1)
    kept = "Skridtet bygger på den del af sætningen, som ikke er ændret."
    # One place still waits: the step whose quote is the part of the duty that did not change. And the date.
    still_waiting = flat(build(copy).stderr)
    (step,) = [place for place in review.places if place.id == "steps/employee.contact_manager"]
    assert MESSAGES["changed_waiting"].format(what=step.what, old=step.old, new=step.new) in still_waiting
    assert MESSAGES["not_dated"].format(review="content/guideline/review.yaml") in still_waiting
    others = [place for place in review.places if place is not step and place.what not in step.what]
    assert [place.what for place in others if flat(place.what) + ":" in still_waiting] == []

    # Reviewed the day it was adopted (today): a review dated before the adoption is refused.
    reviewed = review.adopted
    review_places(copy, {"steps/employee.contact_manager": kept}, reviewed)
    built = build(copy)
    assert built.returncode == 0, built.stderr
    owners = parse_html((copy / "site" / "saadan-vurderer-guiden" / "index.html").read_text(encoding="utf-8"))
    (shown,) = owners.find_all(data_guideline_reviewed=None)
    assert shown.attrs["data-guideline-reviewed"] == reviewed.isoformat()
    assert danish_date(reviewed) in shown.text() and "HR, personalejura og AMR" in shown.text()
    places = owners.find_all("li", data_review_place=None)
    assert len(places) == len(expected)
    assert any(kept in li.text() for li in places)
    # The number follows everywhere it is shown.
    front = (copy / "site" / "index.html").read_text(encoding="utf-8")
    assert "senest 14 dage efter hændelsesdagen" in front and "senest 10 dage" not in front
