"""The evidence log: one row per item saved, as the how-to page on documenting teaches, as text and CSV.

A row says where the item is (its address), the profile behind it, when it was posted and when it was saved,
by whom, the file it was saved as, and whether it was reported to the platform, with the platform's
reference. The reader types the rows (:mod:`wizard.case_input`); this module writes them out.

The CSV is for a spreadsheet: UTF-8 with a byte order mark and semicolons between the fields, as a Danish
Excel opens it in columns. A field that a spreadsheet would read as a formula (it begins with ``=``, ``+``,
``-``, ``@`` or a tab or line break) gets an apostrophe in front, so whatever the reader pasted stays text.
"""

from collections.abc import Mapping, Sequence
from datetime import datetime

from wizard import content
from wizard.bidi_controls import without_bidi_controls
from wizard.case_input import REPORTED_LABELS, ROW_LABELS, ROWS, labelled
from wizard.moments import COPENHAGEN

COLUMNS = ROWS["log"]
CSV_MEDIA_TYPE = "text/csv;charset=utf-8"
CSV_FILENAME = "bevislog-{day}.csv"
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")
NOTHING = content.text("case", "draft.log.empty")


def cell(row: Mapping, column: str) -> str:
    """A row's value in ``column`` as the reader reads it (the choice's words for "reported"), without the
    bidirectional controls that would reorder a typed address on paper and in the CSV."""
    value = without_bidi_controls(row.get(column, ""))
    return REPORTED_LABELS[value] if column == "reported" and value else value


def filled(rows: Sequence[Mapping]) -> list[Mapping]:
    """The rows with anything written in them."""
    return [row for row in rows if any(str(value).strip() for value in row.values())]


def log_lines(rows: Sequence[Mapping]) -> list[str]:
    """The log as text, one block per item: its number, then each field written."""
    rows = filled(rows)
    if not rows:
        return [NOTHING]
    lines = []
    for number, row in enumerate(rows, start=1):
        lines.append(ROW_LABELS["log"].format(n=number))
        written = [column for column in COLUMNS if cell(row, column.id).strip()]
        lines += [f"  {labelled(column.label, cell(row, column.id))}" for column in written]
    return lines


def log_csv(rows: Sequence[Mapping], now: datetime) -> dict:
    """The log as a CSV file: ``{filename, mediaType, content}``, a header row of the columns' labels first."""
    table = [[column.label for column in COLUMNS]]
    table += [[cell(row, column.id) for column in COLUMNS] for row in filled(rows)]
    text = "".join(";".join(_csv_field(value) for value in line) + "\r\n" for line in table)
    day = now.astimezone(COPENHAGEN).date().isoformat()
    return {"filename": CSV_FILENAME.format(day=day), "mediaType": CSV_MEDIA_TYPE, "content": "\ufeff" + text}


def _csv_field(value: str) -> str:
    if value.startswith(_FORMULA_START):
        value = "'" + value
    return '"' + value.replace('"', '""') + '"'
