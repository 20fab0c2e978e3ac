"""The guide's readings of ambiguous sentences: where the guideline can be read more than one way.

The readings are ``content/readings.yaml``, kept by the guideline's owners, who confirm or correct
each one. Every reading quotes its sentence of the adopted text (``text``, "…" may join verbatim
pieces) with the section of the web edition it stands in, says how the guide reads it, the other
reading and what would change, and names what in the guide the reading decides (``uses``, the ids
of :mod:`tools.content.traceability`). Its ``status`` is one of :data:`STATUSES`; a confirmed or
corrected reading says when and by whom (``decided``).

:func:`validate` finds every problem at once and names the file, the reading's line and what is
wrong, in Danish (``content/texts/build_messages.yaml``), as the traceability table's checks do.
Nothing here depends on MkDocs.
"""

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import yaml

from tools.content import guideline_text, traceability
from tools.content.guideline_text import Guideline
from tools.content.traceability import LINE, LineLoader, Use, WebSection, display_path, parse_uses, text_field
from wizard import content

READINGS_FILE = traceability.ROOT / "content" / "readings.yaml"

# Not reviewed yet; confirmed by the owners; corrected (the owners chose another reading, and the guide follows it).
STATUSES = ("afventer", "bekraeftet", "rettet")
DECIDED_STATUSES = ("bekraeftet", "rettet")
FIELDS = ("section", "text", "reading", "alternative", "changes", "status", "decided", "uses")
REQUIRED = ("section", "text", "reading", "alternative", "changes", "status", "uses")
# "2026-12-01, personalejura": the date, then who decided.
_DECIDED = re.compile(r"(\d{4}-\d{2}-\d{2}),\s*(\S.*)")

MESSAGES = {
    id: content.text("build_messages", f"readings.{id}")
    for id in ("problems", "not_mapping", "reading", "bad_status", "no_decided", "bad_decided", "decided_pending")
}


@dataclass(frozen=True)
class Reading:
    """One of the guide's readings of a sentence of the guideline."""

    id: str
    line: int
    section: str
    text: str
    reading: str
    alternative: str
    changes: str
    status: str
    decided: str
    uses: tuple[Use, ...]

    @property
    def pieces(self) -> list[str]:
        """The verbatim pieces of the quote."""
        return traceability.quote_pieces(self.text)


class ReadingsError(ValueError):
    """The readings file has problems; the message lists each, one a line."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__(MESSAGES["problems"] + "\n" + "\n".join(f"  - {p}" for p in problems))


def load(path: Path = READINGS_FILE) -> tuple[Reading, ...]:
    """The readings in ``path``, in the file's order; raises :class:`ReadingsError` when their shape is wrong."""
    where = display_path(path)
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=LineLoader)
    except yaml.YAMLError as error:
        raise ReadingsError([traceability.MESSAGES["not_yaml"].format(where=where, error=error)]) from None
    readings = data.get("readings") if isinstance(data, dict) else None
    if not isinstance(readings, dict):
        raise ReadingsError([MESSAGES["not_mapping"].format(where=where)])
    problems: list[str] = []
    found = []
    for id, item in readings.items():
        if id == LINE:
            continue
        reading = _reading(str(id), item, where, problems)
        if reading:
            found.append(reading)
    if problems:
        raise ReadingsError(problems)
    return tuple(found)


def _reading(id: str, item: object, where: str, problems: list[str]) -> Reading | None:
    if not isinstance(item, dict):
        problems.append(MESSAGES["not_mapping"].format(where=f"{where}: {id}"))
        return None
    at = MESSAGES["reading"].format(where=where, line=item[LINE], id=id)
    found = [
        traceability.MESSAGES["unknown_field"].format(key=key, fields=", ".join(FIELDS))
        for key in item
        if key not in (*FIELDS, LINE)
    ]
    found += [traceability.MESSAGES["missing_field"].format(key=key) for key in REQUIRED if key not in item]
    found += [
        traceability.MESSAGES["missing_field"].format(key=key)
        for key in REQUIRED
        if key in item and key != "uses" and not text_field(item, key)
    ]
    uses = parse_uses(item["uses"], found) if "uses" in item else ()
    status, decided = text_field(item, "status"), text_field(item, "decided")
    if status and status not in STATUSES:
        found.append(MESSAGES["bad_status"].format(status=status, statuses=", ".join(STATUSES)))
    if status in DECIDED_STATUSES and not decided:
        found.append(MESSAGES["no_decided"].format(status=status))
    elif decided and status not in DECIDED_STATUSES:
        found.append(MESSAGES["decided_pending"].format(status=status))
    elif decided and not _valid_decided(decided):
        found.append(MESSAGES["bad_decided"].format(decided=decided))
    problems.extend(f"{at}: {problem}" for problem in found)
    if found:
        return None
    return Reading(
        id, item[LINE], text_field(item, "section"), item["text"],
        *(text_field(item, key) for key in ("reading", "alternative", "changes")), status, decided, uses,
    )


def _valid_decided(decided: str) -> bool:
    match = _DECIDED.fullmatch(decided)
    if not match:
        return False
    try:
        date.fromisoformat(match.group(1))
    except ValueError:
        return False
    return True


def validate(
    readings: tuple[Reading, ...],
    guideline: Guideline,
    ids: Mapping[str, set[str]],
    sections: Mapping[str, WebSection],
    corrections: tuple[traceability.Correction, ...] = (),
    path: Path = READINGS_FILE,
) -> list[str]:
    """Every problem of ``readings``: quotes not verbatim or not in their section, unknown sections and ids."""
    where = display_path(path)
    body = guideline.plain
    problems: list[str] = []
    for reading in readings:
        at = MESSAGES["reading"].format(where=where, line=reading.line, id=reading.id)
        found = [
            traceability.MESSAGES["not_verbatim"].format(piece=piece) for piece in reading.pieces if piece not in body
        ]
        section = sections.get(reading.section)
        if section is None:
            found.append(traceability.MESSAGES["unknown_section"].format(anchor=reading.section))
        elif any(
            piece in body and traceability.published(piece, corrections) not in section.text for piece in reading.pieces
        ):
            found.append(traceability.MESSAGES["not_in_section"].format(title=section.title, anchor=section.anchor))
        found.extend(
            traceability.MESSAGES["unknown_id"].format(
                kind=use.kind, id=use.id, kind_name=traceability.KINDS[use.kind]
            )
            for use in reading.uses
            if use.id not in ids.get(use.kind, set())
        )
        problems.extend(f"{at}: {problem}" for problem in found)
    return problems


def checked(path: Path | None = None) -> tuple[Reading, ...]:
    """The readings (by default :data:`READINGS_FILE`), validated.

    Raises :class:`ReadingsError` listing every problem.
    """
    path = path or READINGS_FILE
    readings = load(path)
    corrections = traceability.load().corrections
    problems = validate(
        readings, guideline_text.read(), traceability.engine_ids(), traceability.web_sections(), corrections, path
    )
    if problems:
        raise ReadingsError(problems)
    return readings


def readings_of(entry: traceability.Entry, readings: tuple[Reading, ...]) -> list[Reading]:
    """The readings of a sentence of the traceability table: those whose quote overlaps the entry's."""
    return [
        reading
        for reading in readings
        if any(piece in other or other in piece for piece in reading.pieces for other in entry.pieces)
    ]
