"""The guideline as the index: every normative sentence traced to what the guide does with it.

The segmenter and classifier find the normative sentences in the adopted text; the table in
``content/traceability.yaml`` must cover each with a use or a reason, quote it verbatim and name only ids
the engine has. The validator is tried on small bad tables, the engine's own quotes are checked against
the adopted text, and the built "Sådan vurderer guiden" must show the table.
"""

import re
from dataclasses import fields, is_dataclass
from pathlib import Path

import pytest
import yaml

from tests.html_tree import article, parse_html
from tools.content import guideline_text, traceability
from tools.content.guideline_text import normalise
from tools.content.traceability import TraceabilityError, WebSection
from tools.site import placeholders
from tools.site.blocks import BLOCKS
from wizard import texts
from wizard.questions import QUESTIONS
from wizard.rules import OFFENCES, RULES

PAGE = "saadan-vurderer-guiden/"

# The adopted text's headings, in order (the web edition adds more; see tests/test_site_content.py).
ADOPTED_HEADINGS = [
    "Vi forebygger og håndterer digital chikane",
    "Hvad er digital chikane?",
    "Konflikter er en præmis i vores arbejde",
    "Sådan forebygger vi digital chikane",
    "Konflikthåndtering er en væsentlig kompetence",
    "Gode råd til at forebygge digital chikane",
    "Sådan gør vi, når vi oplever digital chikane.",
    "Sådan gør du, hvis DU bliver udsat for digital chikane",
    "Sådan gør du som KOLLEGA",
    "Sådan gør du som LEDER",
    "Hvornår er digital chikane strafbar?",
    "Straffeloven",
    "Arbejds miljøloven",
    "Databeskyttelsesloven",
]

@pytest.fixture(scope="module")
def guideline():
    return guideline_text.read()


@pytest.fixture(scope="module")
def table():
    return traceability.load()


# --- The segmenter and the classifier -----------------------------------------------------------------------


def test_the_guideline_file_is_cut_under_the_adopted_texts_own_headings(guideline):
    assert list(guideline.headings) == ADOPTED_HEADINGS
    assert list(dict.fromkeys(sentence.heading for sentence in guideline.sentences)) == ADOPTED_HEADINGS
    first = guideline.sentences[0]
    assert first.text == "I Aabenraa Kommune har vi nultolerance overfor digital chikane."
    assert guideline.sentences[-1].text == "Også selvom medarbejderen kan genkendes."


def test_no_word_of_the_file_is_lost_and_no_sentence_is_found_twice(guideline):
    texts_found = [normalise(sentence.text) for sentence in guideline.sentences]
    assert len(texts_found) == len(set(texts_found))
    lines = guideline_text.GUIDELINE_FILE.read_text(encoding="utf-8").splitlines()
    whole = normalise(guideline_text.plain("\n".join(re.sub(r"^[-–] ", "", line.strip()) for line in lines)))
    # Every word of the body is in some sentence or heading: nothing between them is lost.
    after_toc = whole[whole.index("Databeskyttelsesloven 8") + len("Databeskyttelsesloven 8") :]
    pieces = " ".join([*guideline.headings, *(s.text for s in guideline.sentences)])
    assert sorted(after_toc.split()) == sorted(normalise(pieces).split())


def test_the_guidelines_lists_are_normative_item_by_item(guideline):
    items = [s.text for s in guideline.sentences if s.in_list]
    assert "Tal en eventuel konflikt ned" in items
    assert "Når det går skævt i relationen, så overvej, om du ikke er 'den rigtige' for borgeren." in items
    assert "Dokumentér chikanen" in items  # the bold first line of an item is a sentence of its own
    # A paragraph between two items of one list belongs to it; one that opens a list of its own does not.
    assert "Det betyder, at lederen følger op på medarbejderens trivsel i tiden efter episoden." in items
    assert "Herudover skal lederen vurdere, om det er relevant at:" not in items
    assert all(s.normative for s in guideline.sentences if s.in_list)


@pytest.mark.parametrize(
    ("sentence", "kinds"),
    [
        ("Du har pligt til at kontakte ledelsen.", ("duty",)),
        ("En hændelse om digital chikane skal anmeldes i SafetyNet.", ("duty",)),
        ("Vi drøfter altid den konkrete situation.", ("duty",)),
        ("Søg rådføring ved Personaleafdelingen i forhold til handlemuligheder.", ("duty",)),
        ("Handleplanen laves ved påvirkning over 5.", ("number",)),
        ("Anmeldelse skal ske så hurtigt som muligt og senest 10 dage efter hændelsesdagen.",
         ("duty", "number", "deadline")),
        ("Juridisk strafbar chikane er reguleret i Straffeloven.", ("legal",)),
        ("Det er fx heller ikke ulovligt at søge om aktindsigt.", ("legal",)),
        ("I lovgivningen er der en demokratisk ret til at kritisere.", ("legal",)),
        ("Vi har fælles fokus på at forebygge digital chikane.", ()),
        # "politi" inside "Delpolitik" is not the police.
        ("Vores retningslinje her bygger på Aabenraa Kommunes Delpolitik for forebyggelse af vold", ()),
        ("Tag et skærmdump.", ("duty",)),
        ("Det kan skabe tryghed i arbejdet.", ()),
    ],
)
def test_the_classifier_finds_duties_numbers_deadlines_and_legal_statements(sentence, kinds):
    assert guideline_text.markers(sentence) == kinds


def test_a_small_guideline_is_cut_into_headings_paragraphs_and_items():
    text = (
        "Titel\n\nIndhold\n\nAfsnit\t2\nAndet afsnit.....\t3\n\n"
        "Afsnit\n\nFørste sætning, fx med evt. forkortelser. Anden sætning har en “pligt”.\n\n"
        "- punkt et\nfortsættes her.\n\nEt stykke mellem punkterne.\n\n– punkt to\n\n"
        "Andet afsnit\n\nEt stykke uden noget.\n"
    )
    cut = guideline_text.parse(text)
    assert cut.headings == ("Afsnit", "Andet afsnit")
    assert [(s.text, s.heading, s.in_list, s.normative) for s in cut.sentences] == [
        ("Første sætning, fx med evt. forkortelser.", "Afsnit", False, False),
        ("Anden sætning har en “pligt”.", "Afsnit", False, True),
        ("punkt et", "Afsnit", True, True),
        ("fortsættes her.", "Afsnit", True, True),
        ("Et stykke mellem punkterne.", "Afsnit", True, True),
        ("punkt to", "Afsnit", True, True),
        ("Et stykke uden noget.", "Andet afsnit", False, False),
    ]
    assert 'har en "pligt"' in cut.plain  # typographic quotes are compared as straight ones


# --- The table ----------------------------------------------------------------------------------------------


def test_the_table_has_no_problems(table, guideline):
    assert traceability.validate(table, guideline, traceability.engine_ids(), traceability.web_sections()) == []


def test_every_normative_sentence_of_the_guideline_has_a_use_or_a_reason(table, guideline):
    assert len(guideline.normative) > 50  # a guard against a segmenter that finds nothing
    covering = {}
    for entry in table.entries:
        for sentence in guideline.normative:
            if any(normalise(sentence.text) in piece for piece in entry.pieces):
                covering.setdefault(sentence.text, []).append(entry)
    assert [s.text for s in guideline.normative if s.text not in covering] == []


def test_every_quote_of_the_table_is_verbatim_in_the_guideline(table, guideline):
    assert [piece for entry in table.entries for piece in entry.pieces if piece not in guideline.plain] == []


def test_every_id_of_the_table_is_one_the_engine_has(table):
    ids = traceability.engine_ids()
    assert [f"{u.kind}: {u.id}" for e in table.entries for u in e.uses if u.id not in ids[u.kind]] == []


def test_the_engine_ids_are_read_from_the_engine():
    ids = traceability.engine_ids()
    assert ids["rule"] == {rule.id for rule in RULES}
    assert ids["offence"] == set(OFFENCES)
    assert "manager/consult_hr" in ids["step"] and "employee/document" in ids["step"]
    assert "behaviours/insults" in ids["option"]
    assert ids["deadline"] == {"safetynet", "police_report"}
    assert set(ids) == set(traceability.KINDS)


def test_each_correction_is_found_in_the_sentence_it_corrects(table):
    corrected = {c.adopted for e in table.entries for c in traceability.corrections_in(e, table.corrections)}
    # The heading's full stop is the one correction outside a sentence.
    assert corrected == {c.adopted for c in table.corrections} - {"Sådan gør vi, når vi oplever digital chikane."}


# --- The validator on small bad tables ----------------------------------------------------------------------

SMALL_GUIDELINE = guideline_text.parse(
    "Indhold\n\nAfsnit\t1\n\nAfsnit\n\n"
    "Du har pligt til at kontakte ledelsen. Vi har det godt.\n\n"
    "- Tag et “skærmdump” med det samme\n- Fortæl om oplevelsen\n"
)
SMALL_SECTIONS = {
    "afsnit": WebSection(
        "afsnit",
        "retningslinje/",
        "Afsnit",
        normalise('Afsnit Du har pligt til at kontakte ledelsen. Vi har det godt. Tag et "skærmdump" med det samme '
                  "Fortæl om oplevelsen"),
    ),
    "andet": WebSection("andet", "retningslinje/", "Andet", "Andet"),
}
SMALL_IDS = {kind: set() for kind in traceability.KINDS} | {
    "step": {"employee/contact_manager", "employee/document"},
    "rule": {"work_accident"},
}
GOOD_SMALL_TABLE = """\
corrections: []
sentences:
  - section: afsnit
    text: Du har pligt til at kontakte ledelsen.
    uses:
      - step: employee/contact_manager
  - section: afsnit
    text: >-
      Tag et "skærmdump"
      med det samme
    uses:
      - step: employee/document
  - section: afsnit
    text: Fortæl om oplevelsen
    reason: Guiden siger det ikke.
"""


def problems_of(tmp_path: Path, yaml_text: str) -> list[str]:
    path = tmp_path / "traceability.yaml"
    path.write_text(yaml_text, encoding="utf-8")
    try:
        table = traceability.load(path)
    except TraceabilityError as error:
        return error.problems
    return traceability.validate(table, SMALL_GUIDELINE, SMALL_IDS, SMALL_SECTIONS)


def line_of(yaml_text: str, fragment: str) -> int:
    """The line of the entry (its "- section:" line) that holds ``fragment``."""
    lines = yaml_text.splitlines()
    at = next(i for i, line in enumerate(lines) if fragment in line)
    return next(i for i in range(at, -1, -1) if lines[i].lstrip().startswith("- section:")) + 1


def test_a_good_small_table_has_no_problems_typographic_quotes_and_line_breaks_aside(tmp_path):
    assert problems_of(tmp_path, GOOD_SMALL_TABLE) == []


def test_a_normative_sentence_with_neither_a_use_nor_a_reason_fails(tmp_path):
    bad = GOOD_SMALL_TABLE.replace("    reason: Guiden siger det ikke.\n", "")
    (problem,) = problems_of(tmp_path, bad)
    where = f"{tmp_path / 'traceability.yaml'}:{line_of(bad, 'Fortæl om oplevelsen')}"
    assert problem.startswith(f"{where}: sætning »Fortæl om oplevelsen«: mangler både »uses« og »reason«")


def test_an_empty_reason_or_both_a_use_and_a_reason_fail(tmp_path):
    empty = GOOD_SMALL_TABLE.replace("reason: Guiden siger det ikke.", 'reason: ""')
    assert [p.split(": ", 2)[2] for p in problems_of(tmp_path, empty)] == [
        "»reason« er tom – skriv, hvorfor guiden ikke bruger sætningen."
    ]
    both = GOOD_SMALL_TABLE.replace("      - step: employee/document\n", "      - step: employee/document\n"
                                    "    reason: Også en grund.\n")
    (problem,) = problems_of(tmp_path, both)
    assert "»Tag et \"skærmdump\" med det samme«: har både »uses« og »reason«" in problem


def test_a_quote_that_is_not_verbatim_fails_and_names_the_piece(tmp_path):
    bad = GOOD_SMALL_TABLE.replace("Du har pligt til at kontakte ledelsen.", "Du har pligt til at kontakte lederen.")
    problems = problems_of(tmp_path, bad)
    where = f"{tmp_path / 'traceability.yaml'}:{line_of(bad, 'kontakte lederen')}"
    assert problems == [
        f"{where}: sætning »Du har pligt til at kontakte lederen.«: citatet står ikke ordret i retningslinjen: "
        "»Du har pligt til at kontakte lederen.«.",
        f"{tmp_path / 'traceability.yaml'}: mangler en normativ sætning fra retningslinjen (under »Afsnit«): "
        "»Du har pligt til at kontakte ledelsen.«",
    ]


def test_an_ellipsis_joins_verbatim_pieces_and_each_piece_is_checked(tmp_path):
    joined = GOOD_SMALL_TABLE.replace(
        "text: Du har pligt til at kontakte ledelsen.", "text: Du har pligt til at kontakte ledelsen. … det godt."
    )
    assert problems_of(tmp_path, joined) == []
    wrong = joined.replace("… det godt.", "… det skidt.")
    (problem,) = problems_of(tmp_path, wrong)
    assert problem.endswith("citatet står ikke ordret i retningslinjen: »det skidt.«.")


def test_an_unknown_id_or_kind_fails_and_names_it(tmp_path):
    bad = GOOD_SMALL_TABLE.replace("- step: employee/document", "- step: manager/document")
    (problem,) = problems_of(tmp_path, bad)
    where = f"{tmp_path / 'traceability.yaml'}:{line_of(bad, 'manager/document')}"
    assert problem == (
        f"{where}: sætning »Tag et \"skærmdump\" med det samme«: ukendt id »step: manager/document« – "
        "guiden har ingen skridt (rolle/skridt) med det id."
    )
    kind = GOOD_SMALL_TABLE.replace("- step: employee/document", "- stepp: employee/document")
    (problem,) = problems_of(tmp_path, kind)
    assert "ukendt slags »stepp« i »uses«" in problem


def test_a_sentence_under_the_wrong_section_or_an_unknown_one_fails(tmp_path):
    last = "  - section: afsnit\n    text: Fortæl"
    wrong = GOOD_SMALL_TABLE.replace(last, last.replace("afsnit", "andet"))
    (problem,) = problems_of(tmp_path, wrong)
    assert problem.endswith("står ikke i afsnittet »Andet« (#andet) i webudgaven.")
    unknown = GOOD_SMALL_TABLE.replace(last, last.replace("afsnit", "nowhere"))
    (problem,) = problems_of(tmp_path, unknown)
    assert "ukendt afsnit »nowhere«" in problem


def test_an_unknown_field_a_missing_text_and_a_repeated_sentence_fail(tmp_path):
    unknown = GOOD_SMALL_TABLE.replace("    reason: Guiden siger det ikke.\n", "    reasons: Guiden siger det ikke.\n")
    assert any("ukendt felt »reasons«" in p for p in problems_of(tmp_path, unknown))
    no_text = GOOD_SMALL_TABLE + "  - section: afsnit\n    reason: Hvad?\n"
    assert any(p.endswith("sætning (uden text): mangler »text«.") for p in problems_of(tmp_path, no_text))
    twice = GOOD_SMALL_TABLE + "  - section: afsnit\n    text: Fortæl om oplevelsen\n    reason: Igen.\n"
    (problem,) = problems_of(tmp_path, twice)
    assert problem.endswith(f"sætningen står allerede i tabellen (linje {line_of(twice, 'Fortæl om')}).")


def test_a_correction_must_be_in_the_guideline_and_its_fix_in_the_web_edition(tmp_path):
    bad = GOOD_SMALL_TABLE.replace(
        "corrections: []",
        "corrections:\n  - section: afsnit\n    adopted: ledelsn\n    published: ledelsen\n    note: Stavefejl.\n"
        "  - section: afsnit\n    adopted: det godt\n    published: det fint\n    note: Ny form.",
    )
    assert [p.split(": ", 2)[2] for p in problems_of(tmp_path, bad)] == [
        "»ledelsn« står ikke i retningslinjen.",
        "»det fint« står ikke i afsnittet »Afsnit« i webudgaven.",
    ]


def test_a_table_that_is_not_yaml_names_the_file(tmp_path):
    (problem,) = problems_of(tmp_path, "sentences: [\n")
    assert problem.startswith(f"{tmp_path / 'traceability.yaml'}: er ikke gyldig YAML")


def test_a_broken_table_stops_the_block_with_every_problem(tmp_path, monkeypatch):
    bad = GOOD_SMALL_TABLE.replace("- step: employee/document", "- step: manager/nope")
    path = tmp_path / "traceability.yaml"
    path.write_text(bad, encoding="utf-8")
    monkeypatch.setattr(traceability, "TABLE_FILE", path)
    context = placeholders.PageContext(root="../", extra={})
    with pytest.raises(TraceabilityError) as raised:
        placeholders.expand("{{ block:traceability }}", context, BLOCKS)
    message = str(raised.value)
    assert message.startswith("Sporbarhedstabellen har fejl:")
    assert f"{path}:{line_of(bad, 'manager/nope')}: sætning »Tag et" in message
    assert "ukendt id »step: manager/nope«" in message
    # Checked against the real guideline, the small table also leaves out its normative sentences.
    assert "mangler en normativ sætning fra retningslinjen" in message


# --- The engine's own quotes --------------------------------------------------------------------------------

_QUOTED = re.compile(r'"([^"]+)"|»([^«]+)«')


def _strings(value) -> list[str]:
    """Every string inside engine data: dataclasses, mappings, sequences."""
    if isinstance(value, str):
        return [value]
    if is_dataclass(value):
        return [s for f in fields(value) for s in _strings(getattr(value, f.name))]
    if isinstance(value, dict):
        return [s for item in value.values() for s in _strings(item)]
    if isinstance(value, (tuple, list)):
        return [s for item in value for s in _strings(item)]
    return []


# Every answer's label, as any role sees it ("Ved ikke endnu" is the employee's).
OPTION_LABELS = {
    label
    for question in QUESTIONS
    for option in question.options
    for label in (option.label, *(worded for worded, _ in option.by_role.values()))
}


def engine_quotes() -> dict[str, list[str]]:
    """What the engine presents as the guideline's own words, by where it is: each rule's quote, and every
    quoted phrase ("…" or »…«) in the engine's Danish content (questions, rules, offences, texts)."""
    quotes = {f"rule {rule.id}": [rule.quote] for rule in RULES}
    content = {
        "questions": [(q.label, q.hint, q.options) for q in QUESTIONS],
        "rules": [(rule.inputs, rule.outcome) for rule in RULES],
        "offences": OFFENCES,
        "texts": {name: value for name, value in vars(texts).items() if name.isupper()},
    }
    for where, data in content.items():
        phrases = [m.group(1) or m.group(2) for text in _strings(data) for m in _QUOTED.finditer(text)]
        # »Ved ikke« and the like name one of the guide's own answers, not the guideline's words.
        quotes[f"{where} (quoted phrases)"] = [p for p in phrases if p not in OPTION_LABELS]
    return quotes


def mismatches(quotes: dict[str, list[str]], guideline) -> dict[str, list[str]]:
    """The quotes that are neither in the adopted text nor in the web edition's declared corrections of it."""
    adopted = guideline.plain
    corrections = [(c.adopted, c.published) for c in traceability.load().corrections]
    web_edition = guideline_text.corrected(adopted, corrections)
    found = {}
    for where, items in quotes.items():
        missing = [
            quote for quote in items
            if not guideline_text.quoted_in(quote, adopted) and not guideline_text.quoted_in(quote, web_edition)
        ]
        if missing:
            found[where] = missing
    return found


def test_the_engine_has_quotes_to_check(guideline):
    quotes = engine_quotes()
    assert len([q for q in quotes if q.startswith("rule ")]) == len(RULES)
    phrases = [p for where, items in quotes.items() if "quoted phrases" in where for p in items]
    assert "magtbegærlige luder" in phrases


def test_every_engine_quote_is_verbatim_in_the_adopted_guideline_or_its_declared_corrections(guideline):
    assert mismatches(engine_quotes(), guideline) == {}


def test_the_mismatch_check_finds_a_changed_quote(guideline):
    quotes = {"rule example": ["Du har pligt til at kontakte ledelsen, … over for dig selv"],
              "rule changed": ["Du har pligt til at kontakte lederen"]}
    assert mismatches(quotes, guideline) == {"rule changed": ["Du har pligt til at kontakte lederen"]}


# --- The published page -------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def published(site_dir):
    return article((site_dir / PAGE / "index.html").read_text(encoding="utf-8"))


def test_the_page_shows_every_sentence_of_the_table_with_what_the_guide_does(published, table):
    tables = published.find_all("table", cls="trace-table")
    rows = [row for t in tables for row in t.find_all("tr", data_trace_line=None)]
    assert len(rows) == len(table.entries)
    by_line = {int(row.attrs["data-trace-line"]): row for row in rows}
    for entry in table.entries:
        row = by_line[entry.line]
        sentence_cell, guide_cell = row.find_all("td")
        assert sentence_cell.one(cls="trace-sentence").text() == " ".join(entry.text.split())
        if entry.uses:
            shown = [li.attrs["data-trace-use"] for li in guide_cell.find_all("li")]
            assert shown == [f"{use.kind}:{use.id}" for use in entry.uses]
        else:
            assert guide_cell.one(cls="trace-reason").text() == f"Bruges ikke: {entry.reason}"


def test_every_normative_sentence_is_on_the_page(published, guideline):
    shown = normalise(" ".join(cell.text() for cell in published.find_all(cls="trace-sentence")))
    assert [s.text for s in guideline.normative if normalise(s.text) not in shown] == []


def test_the_page_shows_the_sentences_in_the_guidelines_order_one_table_per_section(published, table, guideline):
    shown = [normalise(cell.text()).split(" … ")[0] for cell in published.find_all(cls="trace-sentence")]
    positions = [guideline.plain.index(text) for text in shown]
    assert positions == sorted(positions)
    sections = [t.attrs["data-trace-section"] for t in published.find_all("table", cls="trace-table")]
    assert sorted(sections) == sorted({e.section for e in table.entries})
    for anchor in sections:
        heading = published.by_id(f"spor-{anchor}")
        assert heading is not None and heading.tag == "h3"


def test_each_use_links_to_its_entry_on_the_owners_other_pages(published, site_dir):
    links = [li.one("a").attrs["href"] for li in published.find_all("li", data_trace_use=None)]
    assert links
    missing = []
    for href in set(links):
        path, _, anchor = href.partition("#")
        target = parse_html((site_dir / PAGE / path / "index.html").read_text(encoding="utf-8"))
        if target.by_id(anchor) is None:
            missing.append(href)
    assert missing == []


def test_the_page_names_what_the_guide_does_in_danish_without_code_ids_or_file_paths(published):
    text = published.text()
    assert published.find_all("code") == []
    assert "content/" not in text and ".yaml" not in text
    ids = {use.id for entry in traceability.load().entries for use in entry.uses}
    shown_ids = [id for id in ids if re.search(rf"(?<![\w/-]){re.escape(id)}(?![\w/-])", text)]
    assert shown_ids == []


def test_a_corrected_sentence_says_what_the_web_edition_corrects(published, table):
    (row,) = [
        row
        for row in published.find_all("tr", data_trace_line=None)
        if "Arbejds miljøloven" in row.one(cls="trace-sentence").text()
    ]
    (note,) = row.find_all(data_trace_correction=None)
    assert note.text() == (
        "Webudgaven retter »Arbejds miljøloven« til »Arbejdsmiljøloven«: Stavefejl, i overskriften og i teksten."
    )
    shown = [tr.attrs["data-trace-correction-of"] for tr in published.find_all("tr", data_trace_correction_of=None)]
    assert shown == [c.adopted for c in table.corrections]


def test_the_tables_have_column_headers(published):
    for t in published.find_all("table", cls="trace-table"):
        assert [th.attrs.get("scope") for th in t.find_all("th")] == ["col", "col"]


# The sentences the legal review quoted (issue 12), and what must carry each: the table must say so.
DUTIES = {
    "SKAL hændelsen anmeldes som en arbejdsulykke i SafetyNet": {
        "question: absence", "question: treatment", "question: wants_work_accident", "rule: work_accident",
        "step: manager/register_work_accident", "note: work_accident_unknown", "deadline: safetynet",
    },
    "Vi drøfter altid den konkrete situation": {"step: manager/consult_hr", "rule: undecided_recording"},
    "Søg rådføring ved Personaleafdelingen i forhold til handlemuligheder": {"step: manager/consult_hr"},
    "Herudover skal lederen vurdere, om det er relevant at": {
        "step: manager/consider_contact_change", "step: manager/contact_citizen", "step: manager/contact_platform",
    },
    "Derfor skal vi benytte os af muligheden for at være to": {
        "step: employee/two_on_the_case", "step: manager/two_on_the_case",
    },
    "politianmeldelse indenfor 72 timer er en betingelse for at få erstatning": {
        "rule: deadline_police_report", "deadline: police_report", "note: police_report_passed",
        "legal: compensation_condition_waived",
    },
    "en eventuel politianmeldelse skal ske inden for 72 timer": {
        "step: employee/police_report", "note: police_report_passed",
    },
    "Anmeldelse skal ske så hurtigt som muligt og senest 10 dage": {"rule: deadline_safetynet", "deadline: safetynet"},
    "Handleplanen laves ved påvirkning over 5 og hvis medarbejderen gentagne gange": {
        "rule: action_plan_impact", "rule: action_plan_repeated", "step: manager/action_plan",
    },
}


@pytest.mark.parametrize("sentence", DUTIES)
def test_each_duty_of_the_legal_review_is_carried_where_the_table_says(table, sentence):
    (entry,) = [e for e in table.entries if sentence in normalise(e.text)]
    assert DUTIES[sentence] <= {f"{u.kind}: {u.id}" for u in entry.uses}


# --- The guide's readings, as the results state them ---------------------------------------------------------------


READINGS = yaml.safe_load((traceability.ROOT / "content" / "readings.yaml").read_text(encoding="utf-8"))["readings"]


def test_every_reading_note_of_the_results_is_listed_for_the_owners():
    from tests.engine.test_edges import READING_CASES
    from wizard.notes import NOTES

    listed = {use["note"] for reading in READINGS.values() for use in reading["uses"] if "note" in use}
    assert {note for note, _ in READING_CASES} <= listed
    assert {id for id in NOTES if id.startswith("reading_")} <= listed
    assert listed <= set(NOTES)


def test_the_readings_the_issue_names_are_all_there():
    assert {
        "action_plan_either", "recording_shared_is_the_incident", "date_without_time", "stalking_possibly_criminal",
        "police_report_hours_for_all_harassment",
    } <= set(READINGS)
