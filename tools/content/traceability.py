"""The traceability table: every sentence of the adopted guideline and what the guide does with it.

The table is ``content/traceability.yaml``, kept by the guideline's owners. Each entry quotes a
sentence of the adopted text (``text``) with the section of the web edition it stands in
(``section``, the anchor of a heading in ``docs/retningslinje/``), and gives either the engine's ids
that implement it (``uses``: questions, options, rules, offences, categories, steps, notes,
legal information, deadlines) or the reason the guide does not use it (``reason``). The table's
``corrections`` list every place where the web edition changes the adopted wording.

:func:`validate` finds every problem at once (a missing text or reason, an unknown field or id,
a quote that is not verbatim in the guideline or not in its section of the web edition, a
normative sentence the table leaves out) and names the file, the entry's line and what is
wrong, in Danish (the messages are in ``content/texts/build_messages.yaml``): the owners edit
the file. The ids are read from the engine when the check runs, so a new step or rule only needs
its line in the table. Nothing here depends on MkDocs.
"""

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import yaml

from tools.content import guideline_text
from tools.content.guideline_text import Guideline, normalise
from tools.site.placeholders import LINK_LABELS
from wizard import content
from wizard.guideline import NUMBERS
from wizard.notes import LEGAL_INFO_RULES, NOTE_RULES
from wizard.questions import QUESTIONS
from wizard.rules import CATEGORIES, OFFENCES, RULES
from wizard.steps import STEPS
from wizard.texts import DEADLINE_LABELS

ROOT = Path(__file__).resolve().parents[2]
TABLE_FILE = ROOT / "content" / "traceability.yaml"
WEB_EDITION = ROOT / "docs" / "retningslinje"

# "…" joins verbatim pieces of one quote, as the engine's quotes do.
ELLIPSIS = "…"

# The kinds of engine ids a sentence can be used by, with their Danish names for the messages.
KINDS = {
    kind: content.text("build_messages", f"trace.kind.{kind}")
    for kind in ("question", "option", "rule", "offence", "category", "step", "note", "legal", "deadline")
}
# The messages, in Danish for the table's owners (content/texts/build_messages.yaml).
MESSAGES = {
    id: content.text("build_messages", f"trace.{id}")
    for id in (
        "problems", "not_yaml", "not_mapping", "not_list", "item_not_mapping", "sentence", "correction", "no_text",
        "unknown_field", "missing_field", "empty_reason", "no_use_or_reason", "use_and_reason", "uses_not_list",
        "use_shape", "unknown_kind", "repeated", "missing_normative", "adopted_not_found",
        "published_not_in_section", "not_verbatim", "not_in_section", "unknown_id", "unknown_section",
    )
}
ENTRY_FIELDS = ("section", "text", "uses", "reason", "note")
CORRECTION_FIELDS = ("section", "adopted", "published", "note")
TOP_FIELDS = ("corrections", "sentences")

# Where the loader keeps each mapping's line number.
LINE = "__line__"


@dataclass(frozen=True)
class Use:
    """An engine id that implements a sentence, e.g. ``step: manager/consult_hr``."""

    kind: str
    id: str


def quote_pieces(text: str) -> list[str]:
    """The verbatim pieces of a quote, normalised: more than one where "…" joins them."""
    return [piece for piece in (normalise(p) for p in text.split(ELLIPSIS)) if piece]


@dataclass(frozen=True)
class Entry:
    """One sentence of the guideline in the table."""

    line: int
    section: str
    text: str
    uses: tuple[Use, ...]
    reason: str
    note: str

    @property
    def pieces(self) -> list[str]:
        """The verbatim pieces of the quote (more than one where "…" joins them)."""
        return quote_pieces(self.text)


@dataclass(frozen=True)
class Correction:
    """A place where the web edition changes the adopted wording (a typo, a reference, a heading)."""

    line: int
    section: str
    adopted: str
    published: str
    note: str


@dataclass(frozen=True)
class Table:
    path: Path
    entries: tuple[Entry, ...]
    corrections: tuple[Correction, ...]


class TraceabilityError(ValueError):
    """The traceability table has problems; the message lists each, one a line."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__(MESSAGES["problems"] + "\n" + "\n".join(f"  - {p}" for p in problems))


class LineLoader(yaml.SafeLoader):
    """PyYAML's safe loader that keeps each mapping's line number (for the messages)."""

    def construct_mapping(self, node, deep=False):
        mapping = super().construct_mapping(node, deep=deep)
        mapping[LINE] = node.start_mark.line + 1
        return mapping


def engine_ids() -> dict[str, set[str]]:
    """Every id the table may name, by kind, read from the engine now."""
    return {
        "question": {q.id for q in QUESTIONS},
        "option": {f"{q.id}/{o.id}" for q in QUESTIONS for o in q.options},
        "rule": {rule.id for rule in RULES},
        "offence": set(OFFENCES),
        "category": set(CATEGORIES),
        "step": {f"{role}/{step.id}" for role, steps in STEPS.items() for step in steps},
        "note": {id for id, _ in NOTE_RULES},
        "legal": {id for id, _ in LEGAL_INFO_RULES},
        "deadline": set(DEADLINE_LABELS),
    }


def display_path(path: Path) -> str:
    """``path`` as the messages name it: relative to the repository when it is inside it."""
    try:
        return path.resolve().relative_to(ROOT).as_posix()
    except ValueError:
        return str(path)


def load(path: Path = TABLE_FILE) -> Table:
    """The table in ``path``; raises :class:`TraceabilityError` when its shape is wrong."""
    where = display_path(path)
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=LineLoader)
    except yaml.YAMLError as error:
        raise TraceabilityError([MESSAGES["not_yaml"].format(where=where, error=error)]) from None
    problems: list[str] = []
    if not isinstance(data, dict):
        raise TraceabilityError([MESSAGES["not_mapping"].format(where=where, fields=", ".join(TOP_FIELDS))])
    for key in data:
        if key not in (*TOP_FIELDS, LINE):
            unknown = MESSAGES["unknown_field"].format(key=key, fields=", ".join(TOP_FIELDS))
            problems.append(f"{where}:{data[LINE]}: {unknown}")
    entries = _items(data, "sentences", where, problems)
    corrections = _items(data, "corrections", where, problems)
    table = Table(
        path,
        tuple(entry for item in entries if (entry := _entry(item, where, problems))),
        tuple(c for item in corrections if (c := _correction(item, where, problems))),
    )
    if problems:
        raise TraceabilityError(problems)
    return table


def _items(data: dict, key: str, where: str, problems: list[str]) -> list[dict]:
    items = data.get(key)
    if not isinstance(items, list):
        problems.append(MESSAGES["not_list"].format(where=where, key=key))
        return []
    good = [item for item in items if isinstance(item, dict)]
    if len(good) != len(items):
        problems.append(MESSAGES["item_not_mapping"].format(where=where, key=key))
    return good


def label(text: object) -> str:
    """An entry as the messages name it: the start of its quote."""
    text = " ".join(str(text or "").split())
    return f"»{text[:60]}{ELLIPSIS if len(text) > 60 else ''}«" if text else MESSAGES["no_text"]


def text_field(item: dict, key: str) -> str:
    value = item.get(key)
    return " ".join(value.split()) if isinstance(value, str) else ""


def _entry(item: dict, where: str, problems: list[str]) -> Entry | None:
    at = MESSAGES["sentence"].format(where=where, line=item[LINE], label=label(item.get("text")))
    found: list[str] = []
    for key in item:
        if key not in (*ENTRY_FIELDS, LINE):
            found.append(MESSAGES["unknown_field"].format(key=key, fields=", ".join(ENTRY_FIELDS)))
    for key in ("section", "text"):
        if not text_field(item, key):
            found.append(MESSAGES["missing_field"].format(key=key))
    uses = parse_uses(item["uses"], found) if "uses" in item else ()
    reason = text_field(item, "reason")
    if "reason" in item and not reason:
        found.append(MESSAGES["empty_reason"])
    if "uses" not in item and "reason" not in item:
        found.append(MESSAGES["no_use_or_reason"])
    if uses and reason:
        found.append(MESSAGES["use_and_reason"])
    problems.extend(f"{at}: {problem}" for problem in found)
    if found:
        return None
    return Entry(
        item[LINE], text_field(item, "section"), item["text"], uses, reason, text_field(item, "note")
    )


def parse_uses(value: object, found: list[str]) -> tuple[Use, ...]:
    if not isinstance(value, list) or not value:
        found.append(MESSAGES["uses_not_list"])
        return ()
    uses = []
    for use in value:
        pairs = [(k, v) for k, v in use.items() if k != LINE] if isinstance(use, dict) else []
        if len(pairs) != 1 or not isinstance(pairs[0][1], str) or not pairs[0][1].strip():
            found.append(MESSAGES["use_shape"].format(use=use))
            continue
        kind, id = pairs[0]
        if kind not in KINDS:
            found.append(MESSAGES["unknown_kind"].format(kind=kind, kinds=", ".join(KINDS)))
            continue
        uses.append(Use(kind, id.strip()))
    return tuple(uses)


def _correction(item: dict, where: str, problems: list[str]) -> Correction | None:
    at = MESSAGES["correction"].format(where=where, line=item[LINE], label=label(item.get("adopted")))
    found = [
        MESSAGES["unknown_field"].format(key=key, fields=", ".join(CORRECTION_FIELDS))
        for key in item
        if key not in (*CORRECTION_FIELDS, LINE)
    ]
    found += [MESSAGES["missing_field"].format(key=key) for key in CORRECTION_FIELDS if not text_field(item, key)]
    problems.extend(f"{at}: {problem}" for problem in found)
    if found:
        return None
    return Correction(item[LINE], *(text_field(item, key) for key in CORRECTION_FIELDS))


@dataclass(frozen=True)
class WebSection:
    """A section of the web edition: its heading's anchor, page, title and plain normalised text."""

    anchor: str
    page: str  # the site URL of its page, e.g. "retningslinje/naar-det-sker/"
    title: str
    text: str

    @property
    def href(self) -> str:
        return f"{self.page}#{self.anchor}"


def web_sections(directory: Path = WEB_EDITION) -> dict[str, WebSection]:
    """Every section of the web edition (a heading with an anchor and what follows it), by anchor."""
    found: dict[str, list] = {}
    for path in sorted(directory.glob("*.md")):
        page = f"{directory.name}/" + ("" if path.stem == "index" else f"{path.stem}/")
        anchor = None
        for line in _web_lines(path.read_text(encoding="utf-8")):
            heading = WEB_HEADING.match(line)
            if heading:
                anchor = heading.group(2)
                found[anchor] = [page, heading.group(1), heading.group(1)]
            elif anchor:
                found[anchor][2] += " " + line
    return {anchor: WebSection(anchor, page, title, normalise(text)) for anchor, (page, title, text) in found.items()}


WEB_HEADING = re.compile(r"^#+ (.*?) \{#([a-z0-9-]+)\}$")
_WEB_SKIP = re.compile(r"^(?:!!!|\{ ?\.|<!--|---$|description:)")
_WEB_COMMENT = re.compile(r"<!--.*?-->", re.S)
_WEB_MARKUP = [
    (re.compile(r"\{\{\s*link:([a-z_]+)\s*\}\}"), lambda m: LINK_LABELS[m.group(1)]),
    (re.compile(r"\{\{\s*([a-z_]+)\s*\}\}"), lambda m: str(NUMBERS[m.group(1)])),
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),
    (re.compile(r"\*\*|<br>"), " "),
]


def _web_lines(markdown: str):
    """The Markdown's lines with markup, admonition titles, attribute lists and front matter left out."""
    for line in _WEB_COMMENT.sub("", markdown).splitlines():
        line = line.strip()
        if not line or _WEB_SKIP.match(line):
            continue
        for pattern, replacement in _WEB_MARKUP:
            line = pattern.sub(replacement, line)
        yield re.sub(r"^[-*] ", "", line).replace("**", "")


def published(text: str, corrections: tuple[Correction, ...]) -> str:
    """``text`` as the web edition words it: with every correction applied."""
    text = normalise(text)
    for correction in corrections:
        text = text.replace(normalise(correction.adopted), normalise(correction.published))
    return text


def corrections_in(entry: Entry, corrections: tuple[Correction, ...]) -> list[Correction]:
    """The corrections the web edition makes in this entry's sentence."""
    return [c for c in corrections if any(normalise(c.adopted) in piece for piece in entry.pieces)]


def validate(
    table: Table,
    guideline: Guideline,
    ids: Mapping[str, set[str]],
    sections: Mapping[str, WebSection],
) -> list[str]:
    """Every problem of ``table`` against the guideline, the engine's ids and the web edition's sections."""
    where = display_path(table.path)
    body = guideline.plain
    problems: list[str] = []
    for correction in table.corrections:
        at = MESSAGES["correction"].format(where=where, line=correction.line, label=label(correction.adopted))
        problems.extend(f"{at}: {problem}" for problem in _correction_problems(correction, body, sections))
    seen: dict[str, int] = {}
    for entry in table.entries:
        at = MESSAGES["sentence"].format(where=where, line=entry.line, label=label(entry.text))
        found = _entry_problems(entry, table.corrections, body, ids, sections)
        key = " … ".join(entry.pieces)
        if key in seen:
            found.append(MESSAGES["repeated"].format(line=seen[key]))
        seen.setdefault(key, entry.line)
        problems.extend(f"{at}: {problem}" for problem in found)
    # A normative sentence counts as covered when an entry quotes it, alone or within a longer verbatim passage.
    quoted = [piece for entry in table.entries for piece in entry.pieces]
    for sentence in guideline.normative:
        if not any(normalise(sentence.text) in piece for piece in quoted):
            problems.append(
                MESSAGES["missing_normative"].format(where=where, heading=sentence.heading, text=sentence.text)
            )
    return problems


def _correction_problems(correction: Correction, body: str, sections: Mapping[str, WebSection]) -> list[str]:
    found = []
    if normalise(correction.adopted) not in body:
        found.append(MESSAGES["adopted_not_found"].format(adopted=correction.adopted))
    if correction.section not in sections:
        found.append(_unknown_section(correction.section))
    elif normalise(correction.published) not in sections[correction.section].text:
        title = sections[correction.section].title
        found.append(MESSAGES["published_not_in_section"].format(published=correction.published, title=title))
    return found


def _entry_problems(
    entry: Entry,
    corrections: tuple[Correction, ...],
    body: str,
    ids: Mapping[str, set[str]],
    sections: Mapping[str, WebSection],
) -> list[str]:
    found = [MESSAGES["not_verbatim"].format(piece=piece) for piece in entry.pieces if piece not in body]
    section = sections.get(entry.section)
    if section is None:
        found.append(_unknown_section(entry.section))
    elif any(piece in body and published(piece, corrections) not in section.text for piece in entry.pieces):
        found.append(MESSAGES["not_in_section"].format(title=section.title, anchor=section.anchor))
    found.extend(
        MESSAGES["unknown_id"].format(kind=use.kind, id=use.id, kind_name=KINDS[use.kind])
        for use in entry.uses
        if use.id not in ids.get(use.kind, set())
    )
    return found


def _unknown_section(anchor: str) -> str:
    return MESSAGES["unknown_section"].format(anchor=anchor)


def checked(path: Path | None = None) -> Table:
    """The table (by default :data:`TABLE_FILE`), validated against the guideline, the engine and the web edition.

    Raises :class:`TraceabilityError` listing every problem.
    """
    table = load(path or TABLE_FILE)
    problems = validate(table, guideline_text.read(), engine_ids(), web_sections())
    if problems:
        raise TraceabilityError(problems)
    return table
