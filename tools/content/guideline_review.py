"""A new edition of the guideline, for the owners: ``make guideline-review NEW=…``, then ``make guideline-adopt``.

``python -m tools.content.guideline_review NEW`` compares the new text with the adopted one sentence by
sentence (:mod:`tools.content.guideline_diff`) and prints a report in Danish for the guideline's owners:
every sentence added, changed or removed, and for each changed or removed one the places in the guide that
rest on it: the traceability table's sentence with the questions, rules, steps and texts it traces to
(``content/traceability.yaml``), the guide's readings (``content/readings.yaml``), every text whose source
quotes it (``content/texts/*.yaml``), and the guideline's numbers it states (``wizard/guideline.py``, with
the texts and pages that show each number). It exits with 1 while any place rests on a changed or removed
sentence, with 0 when none does, and with 2 when the new text cannot be read.

``--adopt`` then puts the new text in place as the adopted one and writes ``content/guideline/review.yaml``
with every such place (:mod:`tools.content.edition_review`): the build refuses to publish until each is
reviewed. ``--report FILE`` also writes the report to a file. Run it while the content is the adopted
edition's (before adopting): it reads the guide's texts and ids as they are.
"""

import argparse
import re
import shutil
import sys
import textwrap
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import yaml

from tools.content import edition_review, guideline_text, readings, texts, traceability
from tools.content.edition_review import NUMBER_SOURCES, Place, Review
from tools.content.guideline_diff import Change, compare, headings_changed, numbers
from tools.content.guideline_text import Guideline, normalise, split_sentences
from tools.site import rules_page
from tools.site.traceability_page import describe
from wizard import content
from wizard.guideline import NUMBERS
from wizard.rules import RULES_BY_ID
from wizard.texts import ROLE_LABELS

_MESSAGE_IDS = (
    "title", "adopted_file", "new_file", "summary", "nothing", "title_page", "heading_changed", "heading_added",
    "heading_removed", "changed", "removed", "added", "before", "after", "under", "places", "no_places",
    "trace_place", "reading_place", "number_place", "number_unknown", "number_shown",
    "added_normative", "next", "next_none", "not_found", "not_guideline", "same_text", "not_finished", "adopted",
    "header", "header_quote", "header_number", "header_date",
    "problems", "no_file", "text_changed", "changed_waiting", "removed_waiting", "number_waiting", "not_dated",
    "dated_before", "number_differs",
)
MESSAGES = {id: content.text("build_messages", f"review.{id}") for id in _MESSAGE_IDS}
# What each content file's entries are, for the owners ("Regel", "Skridt", …).
FILE_KINDS = {name: content.text("build_messages", f"review.file.{name}") for name in texts.SCHEMAS}
NUMBER_LABELS = {name: content.text("build_messages", f"review.number.{name}") for name in NUMBERS}

# Between the uses of a sentence of the table, in a place's description (the report lists them one a line).
USE_SEPARATOR = " | "
_PLACEHOLDER = r"\{{\{{\s*{name}\s*\}}\}}"


@dataclass(frozen=True)
class Finding:
    """A sentence added, changed or removed, with the places in the guide that rest on it."""

    change: Change
    places: tuple[Place, ...]


def _pieces(quote: str) -> list[str]:
    return [piece for piece in (normalise(p).strip(" .") for p in quote.split(traceability.ELLIPSIS)) if piece]


def _overlaps(quote: str, sentence: str, corrections: tuple) -> bool:
    """Whether a quote (verbatim pieces joined by "…") quotes the sentence, or part of it, in either edition's words."""
    said = traceability.published(sentence, corrections).strip(" .")
    return any(
        piece in said or said in piece
        for piece in (traceability.published(p, corrections) for p in _pieces(quote))
        if piece
    )


def _first(text: str) -> str:
    return split_sentences(text)[0] if text.strip() else ""


def text_label(file: str, id: str, fields: dict) -> str:
    """A content entry in the owners' words: what it is and what it says."""
    if file == "rules" and id in RULES_BY_ID:
        return rules_page.rule_title(RULES_BY_ID[id], rules_page.rule_numbers()[id])
    if file == "steps":
        role, _, _ = id.partition(".")
        who = ROLE_LABELS.get(role, role)
        return f"{FILE_KINDS[file]} ({who}): {_first(fields.get('text', ''))}"
    main = next((fields[key] for key in ("label", "text", "outcome", "title") if key in fields), "")
    return f"{FILE_KINDS[file]}: {_first(main)}"


class Guide:
    """The guide's places that can rest on a sentence, read once: texts with a source, the table, the readings."""

    def __init__(self):
        loaded = texts.load()
        self.texts = [
            (file, id, entry) for file, entries in loaded.items() for id, entry in entries.items()
            if entry.source is not None and entry.source.kind == "guideline" and entry.source.quote
        ]
        self.table = traceability.load()
        self.readings = readings.load()
        self.raw_texts = {
            path.stem: yaml.safe_load(path.read_text(encoding="utf-8")) or {}
            for path in sorted(texts.CONTENT_DIR.glob("*.yaml"))
        }

    def places(self, change: Change) -> list[Place]:
        """Every place that quotes the old sentence of ``change`` (nothing for an added sentence)."""
        if change.old is None:
            return []
        sentence, corrections = change.old.text, self.table.corrections
        new = change.new.text if change.new else ""
        kind = change.kind
        found = [
            Place("trace", "", self._trace_what(entry), kind, " ".join(entry.text.split()), new)
            for entry in self.table.entries
            if any(_overlaps(piece, sentence, corrections) for piece in entry.pieces)
        ]
        found += [
            Place("reading", reading.id, MESSAGES["reading_place"].format(reading=_first(reading.reading)), kind,
                  " ".join(reading.text.split()), new)
            for reading in self.readings
            if any(_overlaps(piece, sentence, corrections) for piece in reading.pieces)
        ]
        found += [
            Place("text", f"{file}/{id}", text_label(file, id, dict(entry.fields)), kind, entry.source.quote, new)
            for file, id, entry in self.texts
            if _overlaps(entry.source.quote, sentence, corrections)
        ]
        found += self._numbers(change)
        return found

    def _trace_what(self, entry: traceability.Entry) -> str:
        uses = (
            USE_SEPARATOR.join(f"{kind}: {says}" for _, kind, says in (describe(use, "") for use in entry.uses))
            if entry.uses
            else entry.reason
        )
        return MESSAGES["trace_place"].format(line=entry.line, uses=uses)

    def _numbers(self, change: Change) -> list[Place]:
        found = []
        for name, (rule, index) in NUMBER_SOURCES.items():
            quote = RULES_BY_ID[rule].quote
            if not _overlaps(quote, change.old.text, self.table.corrections):
                continue
            value = NUMBERS[name]
            before = numbers(change.old.text)
            after = numbers(change.new.text) if change.new else []
            # Where the number stands in the sentence: as in the rule's quote when that is the whole sentence.
            position = index if numbers(quote) == before else (before.index(value) if value in before else None)
            new_value = after[position] if position is not None and len(after) == len(before) else None
            if new_value == value:
                continue
            found.append(Place("number", name, NUMBER_LABELS[name], change.kind, str(value), value=new_value))
        return found

    def shown(self, name: str) -> list[str]:
        """Where the number ``name`` is shown: the content entries and the site's pages that write ``{{ name }}``."""
        pattern = re.compile(_PLACEHOLDER.format(name=name))
        found = [
            f"content/texts/{file}.yaml: {id}"
            for file, entries in self.raw_texts.items()
            for id, entry in entries.items()
            if pattern.search(yaml.safe_dump(entry, allow_unicode=True))
        ]
        docs = texts.ROOT / "docs"
        found += [path.relative_to(texts.ROOT).as_posix() for path in sorted(docs.rglob("*.md"))
                  if pattern.search(path.read_text(encoding="utf-8"))]
        return found


def review(old: Guideline, new: Guideline, guide: Guide) -> list[Finding]:
    """Every sentence added, changed or removed, each with the places that rest on it."""
    return [Finding(change, tuple(guide.places(change))) for change in compare(old, new)]


def waiting(findings: list[Finding]) -> list[Place]:
    """The places a review must go through: each rests on a changed or removed sentence (the same place once)."""
    seen, found = set(), []
    for finding in findings:
        for place in finding.places:
            key = (place.kind, place.id, place.old)
            if key not in seen:
                seen.add(key)
                found.append(place)
    return found


WIDTH = 100


def _wrap(text: str, first: str = "", rest: str | None = None) -> list[str]:
    """``text`` wrapped for a terminal or a printout, after ``first`` and indented under it by ``rest``."""
    rest = " " * len(first) if rest is None else rest
    return textwrap.wrap(text, WIDTH, initial_indent=first, subsequent_indent=rest, break_on_hyphens=False) or [first]


def report(findings: list[Finding], old_text: str, new_text: str, old_path: str, new_path: str, guide: Guide) -> str:
    """The owners' report, in Danish, as plain text."""
    old, new = guideline_text.parse(old_text), guideline_text.parse(new_text)
    counts = {kind: sum(1 for f in findings if f.change.kind == kind) for kind in ("added", "changed", "removed")}
    places = waiting(findings)
    lines = [
        MESSAGES["title"], "=" * len(MESSAGES["title"]), "",
        MESSAGES["adopted_file"].format(path=old_path), MESSAGES["new_file"].format(path=new_path), "",
        *_wrap(MESSAGES["summary"].format(places=len(places), **counts) if findings else MESSAGES["nothing"]),
    ]
    before_title, after_title = guideline_text.title_page(old_text), guideline_text.title_page(new_text)
    if before_title != after_title:
        changed = MESSAGES["title_page"].format(before=" / ".join(before_title), after=" / ".join(after_title))
        lines += ["", *_wrap(changed)]
    for before, after in headings_changed(old, new):
        key = "heading_changed" if before and after else ("heading_added" if after else "heading_removed")
        lines += ["", *_wrap(MESSAGES[key].format(before=before, after=after))]
    for finding in findings:
        lines += ["", *_finding(finding, guide)]
    added = [f.change.new for f in findings if f.change.kind == "added" and f.change.new.normative]
    if added:
        lines += ["", *_wrap(MESSAGES["added_normative"].format(count=len(added)))]
    lines += ["", *_wrap(MESSAGES["next"] if places else MESSAGES["next_none"])]
    return "\n".join(lines).rstrip() + "\n"


def _finding(finding: Finding, guide: Guide) -> list[str]:
    change = finding.change
    label = {"before": MESSAGES["before"], "after": MESSAGES["after"]}
    width = max(len(text) for text in label.values()) + 1
    lines = [f"{MESSAGES[change.kind].upper()} {MESSAGES['under'].format(heading=change.heading)}"]
    if change.old:
        lines += _wrap(change.old.text, f"  {label['before']:<{width}}")
    if change.new:
        lines += _wrap(change.new.text, f"  {label['after']:<{width}}")
    if change.kind == "added":
        return lines
    if not finding.places:
        return lines + [f"  {MESSAGES['no_places']}"]
    lines.append(f"  {MESSAGES['places']}")
    for place in finding.places:
        lines += _place(place, guide)
    return lines


def _place(place: Place, guide: Guide) -> list[str]:
    if place.kind == "number":
        key = "number_place" if place.value is not None else "number_unknown"
        lines = _wrap(MESSAGES[key].format(what=place.what, old=place.old, value=place.value), "  - ", "    ")
        shown = guide.shown(place.id)
        if shown:
            lines += _wrap(MESSAGES["number_shown"].format(count=len(shown), where=", ".join(shown)), "    ")
        return lines
    if place.kind == "trace":
        head, _, uses = place.what.partition(": ")
        lines = _wrap(f"{head} (content/traceability.yaml):", "  - ", "    ")
        return lines + [line for use in uses.split(USE_SEPARATOR) for line in _wrap(use, "      · ", "        ")]
    where = (
        f"content/readings.yaml: {place.id}" if place.kind == "reading"
        else f"content/texts/{place.id.replace('/', '.yaml: ', 1)}"
    )
    return _wrap(f"{place.what} ({where})", "  - ", "    ")


def build_problems() -> list[str]:
    """Why the site may not be published yet (the build's check, :func:`tools.content.edition_review.problems`)."""
    return edition_review.problems(MESSAGES, NUMBERS)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("new", type=Path, help="the new edition as a text file, in the adopted text's format")
    parser.add_argument("--adopt", action="store_true", help="put the new text in place and write review.yaml")
    parser.add_argument("--report", type=Path, help="also write the report to this file")
    args = parser.parse_args(argv)
    if not args.new.is_file():
        print(MESSAGES["not_found"].format(path=args.new), file=sys.stderr)
        return 2
    new_text = args.new.read_text(encoding="utf-8")
    new = guideline_text.parse(new_text)
    if len(new.sentences) == 0:
        print(MESSAGES["not_guideline"].format(path=args.new), file=sys.stderr)
        return 2
    old_path = guideline_text.GUIDELINE_FILE
    old_text = old_path.read_text(encoding="utf-8")
    guide = Guide()
    findings = review(guideline_text.parse(old_text), new, guide)
    text = report(findings, old_text, new_text, edition_review.rel(old_path), str(args.new), guide)
    print(text)
    if args.report:
        args.report.write_text(text, encoding="utf-8")
    places = waiting(findings)
    if args.adopt:
        if new_text == old_text:
            print(MESSAGES["same_text"], file=sys.stderr)
            return 2
        if edition_review.REVIEW_FILE.is_file() and edition_review.load().reviewed is None:
            # The places of the edition under review would be lost: they quote neither text of this comparison.
            print(MESSAGES["not_finished"].format(review=edition_review.rel(edition_review.REVIEW_FILE)),
                  file=sys.stderr)
            return 2
        adopt(args.new, places)
        print(MESSAGES["adopted"].format(count=len(places), review=edition_review.rel(edition_review.REVIEW_FILE)))
        return 0
    return 1 if places else 0


def adopt(new: Path, places: list[Place], today: date | None = None) -> None:
    """Put ``new`` in place as the adopted text, and write the review file with the places to review."""
    shutil.copyfile(new, guideline_text.GUIDELINE_FILE)
    today = today or date.today()
    # With nothing to review, the review is done the day the text is adopted.
    state = Review(edition_review.text_sha256(), today, None if places else today, "", tuple(places))
    header = [MESSAGES[key] for key in ("header", "header_quote", "header_number", "header_date")]
    edition_review.REVIEW_FILE.write_text(edition_review.dump(state, header), encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
