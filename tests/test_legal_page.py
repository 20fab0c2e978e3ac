"""'Lovgrundlag': the legal notes as information beside the guideline, with a review date the build watches."""

import logging
import re
from datetime import date
from pathlib import Path

import pytest
from mkdocs.config import load_config

from tests.html_tree import article, parse_html
from tools.site import legal_page
from tools.site.placeholders import PageContext
from wizard.guideline import POLICE_REPORT_HOURS, REGISTRATION_DAYS, SECTIONS

ROOT = Path(__file__).resolve().parents[1]
PAGE = "lovgrundlag/"
SOURCE = ROOT / "docs" / "lovgrundlag" / "index.md"
NOTES_FILE = ROOT / "content" / "guideline" / "legal-notes.md"
# The official texts the legal notes cite as their sources, one link each.
OFFICIAL_TEXTS = [
    "https://danskelove.dk/straffeloven/267",
    "https://danskelove.dk/straffeloven/268",
    "https://danskelove.dk/straffeloven/269",
    "https://danskelove.dk/straffeloven/264a",
    "https://elov.dk/straffeloven/paragraf/264d",
    "https://danskelove.dk/offererstatningsloven/10",
    "https://elov.dk/offererstatningsloven/paragraf/1",
]


def configured_review_date() -> date:
    return load_config(str(ROOT / "mkdocs.yml"))["extra"]["legal_notes_reviewed"]


@pytest.fixture(scope="module")
def legal(site_dir):
    return article((site_dir / PAGE / "index.html").read_text(encoding="utf-8"))


# --- The page -----------------------------------------------------------------------------------------------


def test_the_page_opens_with_a_notice_that_this_is_information_not_the_guideline(legal):
    elements = [c for c in legal.children if not isinstance(c, str)]
    heading = next(i for i, e in enumerate(elements) if e.tag == "h1")
    notice = elements[heading + 1]
    assert "admonition" in notice.attrs["class"].split() and "info" in notice.attrs["class"].split()
    title = notice.with_class("admonition-title")[0].text()
    assert title == "Information – ikke en del af den vedtagne retningslinje"
    assert "../retningslinje/" in {a.attrs["href"] for a in notice.find_all("a")}


def test_the_review_date_is_the_configured_one(legal):
    reviewed = configured_review_date()
    shown = legal.one(data_legal_reviewed=None)
    assert shown.attrs["data-legal-reviewed"] == reviewed.isoformat()
    assert f"Senest gennemgået: {legal_page.danish_date(reviewed)}" in shown.text()
    assert shown.find_all("time")[0].attrs["datetime"] == reviewed.isoformat()


def test_every_paragraph_in_the_notes_is_on_the_page(legal):
    paragraphs = set(re.findall(r"§ \d+(?: [a-z]\b)?", NOTES_FILE.read_text(encoding="utf-8")))
    assert {"§ 267", "§ 268", "§ 264 d", "§ 119 a", "§ 242", "§ 10"} <= paragraphs
    text = legal.text()
    assert sorted(p for p in paragraphs if p not in text) == []


def test_the_official_texts_are_linked(legal):
    links = {a.attrs["href"] for a in legal.find_all("a")}
    assert [link for link in OFFICIAL_TEXTS if link not in links] == []


def test_the_caveats_are_there(legal):
    text = legal.text()
    # The statutory 14 days beside the guideline's own deadline, in one table.
    (table,) = [t for t in legal.find_all("table") if "Lovens frist" in t.text()]
    assert f"senest {REGISTRATION_DAYS} dage efter hændelsesdagen" in table.text()
    assert "Senest 14 dage efter første fraværsdag" in table.text()
    assert f"../{SECTIONS['frist'].href}" in {a.attrs["href"] for a in table.find_all("a")}
    # § 268's current wording, the provisions the guideline does not name, the household exemption.
    assert "Ordene »mod bedre vidende« står ikke i den gældende lovtekst." in text
    assert "§ 119 a" in text and "§ 242 (siden 1. januar 2022)" in text
    assert "undtagelsen for private forhold" in text
    assert f"inden for {POLICE_REPORT_HOURS} timer" in text


def test_what_the_notes_call_unverified_is_not_stated_as_fact(legal):
    # L 31 appears only in a warning that says it is not confirmed; § 121's text is not described.
    warnings = [a for a in legal.with_class("admonition") if "warning" in a.attrs["class"].split()]
    unconfirmed = [w for w in warnings if w.with_class("admonition-title")[0].text() == "Ikke bekræftet"]
    assert len(unconfirmed) == 1 and "L 31" in unconfirmed[0].text()
    outside = legal.text().replace(unconfirmed[0].text(), "")
    assert "L 31" not in outside
    mentions_121 = [p.text() for p in legal.find_all("p") if "§ 121" in p.text()]
    assert mentions_121 == ["§ 121 er ikke med på siden, fordi dens tekst ikke er gennemgået."]


def test_the_guidelines_numbers_are_not_typed_into_the_page():
    source = SOURCE.read_text(encoding="utf-8")
    assert f"{REGISTRATION_DAYS} dage" not in source
    assert f"{POLICE_REPORT_HOURS} timer" not in source


# --- The review date and the build's warning ----------------------------------------------------------------


def block(reviewed, today: date, monkeypatch) -> str:
    monkeypatch.setattr(legal_page, "today", lambda: today)
    return legal_page.legal_reviewed_block(PageContext(root="../", extra={"legal_notes_reviewed": reviewed}))


@pytest.mark.parametrize(
    ("reviewed", "today", "stale"),
    [
        (date(2026, 11, 24), date(2026, 11, 24), False),
        (date(2026, 11, 24), date(2027, 11, 24), False),  # twelve months to the day: still current
        (date(2026, 11, 24), date(2027, 11, 25), True),
        (date(2024, 2, 29), date(2025, 2, 28), False),
        (date(2024, 2, 29), date(2025, 3, 1), True),
        (date(2020, 1, 1), date(2026, 11, 24), True),
    ],
)
def test_the_build_warns_only_when_the_review_is_more_than_twelve_months_old(
    reviewed, today, stale, monkeypatch, caplog
):
    with caplog.at_level(logging.INFO, logger="mkdocs"):
        markup = block(reviewed, today, monkeypatch)
    warnings = [r for r in caplog.records if r.levelno == logging.WARNING]
    if stale:
        (warning,) = warnings
        assert warning.name.startswith("mkdocs.")  # so MkDocs shows it and --strict counts it
        assert legal_page.danish_date(reviewed) in warning.getMessage()
        assert "extra.legal_notes_reviewed" in warning.getMessage()
    else:
        assert warnings == []
    stale_notes = parse_html(markup).find_all(data_legal_stale=None)
    assert len(stale_notes) == (1 if stale else 0)


def test_a_quoted_date_is_read_too(monkeypatch):
    assert 'data-legal-reviewed="2026-11-24"' in block("2026-11-24", date(2026, 11, 25), monkeypatch)


@pytest.mark.parametrize("value", [None, "", "24-11-2026", "snart", 2026])
def test_a_missing_or_malformed_date_stops_the_build_with_a_danish_message(value, monkeypatch):
    with pytest.raises(legal_page.LegalNotesError, match=r"extra\.legal_notes_reviewed skal være datoen"):
        block(value, date(2026, 11, 25), monkeypatch)


def test_a_stale_review_date_fails_the_strict_build_with_the_warning(changed_build):
    # MkDocs' own build with the project's mkdocs.yml (strict: true), only the review date changed.
    proc = changed_build(
        "config['extra']['legal_notes_reviewed'] = datetime.date(2020, 1, 1)\n"
        "try:\n"
        "    build(config)\n"
        "except Exception as error:\n"
        "    sys.exit(f'ABORTED: {error}')\n"
    )
    assert proc.returncode != 0
    assert "Lovgrundlag: de juridiske noter blev senest gennemgået 1. januar 2020" in proc.stderr
    assert "ABORTED: Aborted with 1 warnings in strict mode!" in proc.stderr
