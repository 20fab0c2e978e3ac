"""The guide's readings (content/readings.yaml): checked like the traceability table, with a status each.

The shipped file must have no problems; small bad files show that each check names the file, the reading's
line and what is wrong, in Danish.
"""

from pathlib import Path

import pytest

from tools.content import guideline_text, readings, traceability
from tools.content.guideline_text import normalise
from tools.content.readings import ReadingsError
from tools.content.traceability import WebSection

GUIDELINE = guideline_text.parse(
    "Indhold\n\nAfsnit\t1\n\nAfsnit\n\n"
    "Handleplanen laves ved påvirkning over 5 og hvis det gentages. Vi har det godt.\n"
)
SECTIONS = {
    "afsnit": WebSection(
        "afsnit", "retningslinje/", "Afsnit",
        normalise("Afsnit Handleplanen laves ved påvirkning over 5 og hvis det gentages. Vi har det godt."),
    ),
    "andet": WebSection("andet", "retningslinje/", "Andet", "Andet"),
}
IDS = {kind: set() for kind in traceability.KINDS} | {"rule": {"action_plan_impact", "action_plan_repeated"}}
GOOD = """\
readings:
  og_som_eller:
    section: afsnit
    text: >-
      Handleplanen laves ved påvirkning over 5 og hvis det gentages.
    reading: »og« læses som »eller«.
    alternative: »og« læses som »og«.
    changes: Færre får en handleplan.
    status: afventer
    uses:
      - rule: action_plan_impact
      - rule: action_plan_repeated
"""


def problems_of(tmp_path: Path, text: str) -> list[str]:
    path = tmp_path / "readings.yaml"
    path.write_text(text, encoding="utf-8")
    try:
        found = readings.load(path)
    except ReadingsError as error:
        return error.problems
    return readings.validate(found, GUIDELINE, IDS, SECTIONS, path=path)


def test_the_shipped_readings_have_no_problems():
    found = readings.checked()
    assert len(found) >= 5
    assert {reading.status for reading in found} <= set(readings.STATUSES)


def test_every_shipped_reading_stands_beside_its_sentence_in_the_traceability_table():
    table = traceability.load()
    shipped = readings.checked()
    for reading in shipped:
        assert [e for e in table.entries if reading in readings.readings_of(e, shipped)], reading.id


def test_a_good_small_file_has_no_problems(tmp_path):
    assert problems_of(tmp_path, GOOD) == []


def test_a_reading_whose_quote_is_not_verbatim_fails_and_names_the_line(tmp_path):
    bad = GOOD.replace("over 5 og hvis", "over 6 og hvis")
    (problem,) = problems_of(tmp_path, bad)
    assert problem.startswith(f"{tmp_path / 'readings.yaml'}:3: læsning »og_som_eller«: ")
    assert problem.endswith("citatet står ikke ordret i retningslinjen: »Handleplanen laves ved påvirkning over 6 og "
                            "hvis det gentages.«.")


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (("section: afsnit", "section: andet"), "står ikke i afsnittet »Andet« (#andet) i webudgaven."),
        (("section: afsnit", "section: intet"), "ukendt afsnit »intet«"),
        (("rule: action_plan_impact", "rule: action_plan_x"), "ukendt id »rule: action_plan_x«"),
        (("status: afventer", "status: godkendt"), "ukendt status »godkendt« – brug en af afventer"),
        (("status: afventer", "status: bekraeftet"), "status »bekraeftet« kræver »decided«"),
        (("status: afventer", "status: rettet\n    decided: i går"), "»decided« skal være dato og hvem"),
        (("status: afventer", "status: afventer\n    decided: 2026-12-01, HR"), "sæt status til bekraeftet"),
        (("    changes: Færre får en handleplan.\n", ""), "mangler »changes«."),
        (("reading: »og« læses som »eller«.", "readin: x"), "ukendt felt »readin«"),
    ],
)
def test_each_problem_is_named(tmp_path, change, expected):
    problems = problems_of(tmp_path, GOOD.replace(*change))
    assert any(expected in problem for problem in problems), problems


def test_a_confirmed_reading_with_its_date_and_who_is_good(tmp_path):
    confirmed = GOOD.replace("status: afventer", "status: bekraeftet\n    decided: 2026-12-01, personalejura")
    assert problems_of(tmp_path, confirmed) == []


def test_a_file_without_readings_names_the_field(tmp_path):
    (problem,) = problems_of(tmp_path, "readings: []\n")
    assert "»readings«" in problem
