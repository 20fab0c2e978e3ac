"""The guide's texts: read from ``content/texts/*.yaml``, checked, and compiled into ``wizard/content_data.py``.

Every Danish text of the guide lives in a content file that the guideline's owners can edit: one
entry per id, each text field plain text, and, where the entry carries policy, its source: the
guideline section and the verbatim sentence it rests on, the legal note it comes from (a heading of
"Lovgrundlag"), or the mark that it is the guide's own wording. This module checks those files and
writes them as one Python module of literals, so the browser's Python imports bytecode and parses
nothing extra at start-up. The engine reads them through :mod:`wizard.content`.

``{{ name }}`` in a text is one of the guideline's numbers (:data:`wizard.guideline.NUMBERS`),
filled in here; ``{name}`` is left for the engine to fill in when it shows the text.

Run ``python -m tools.content.texts`` to compile (the MkDocs hook and ``make`` do it before every build
and test run). Errors name the file, the entry and what is wrong, and stop the build.
"""

import re
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import yaml

from wizard.guideline import NUMBERS
from wizard.source import Source

ROOT = Path(__file__).resolve().parents[2]
CONTENT_DIR = ROOT / "content" / "texts"
GENERATED = ROOT / "wizard" / "content_data.py"
LEGAL_PAGE = ROOT / "docs" / "lovgrundlag" / "index.md"
TRACEABILITY = ROOT / "content" / "traceability.yaml"  # its "corrections": the typos the web edition fixes

_NUMBER = re.compile(r"\{\{\s*([a-z_]+)\s*\}\}")
_ANCHOR = re.compile(r"\{#([a-z0-9-]+)")


@dataclass(frozen=True)
class Schema:
    """What the entries of one content file hold.

    ``fields`` are the text fields an entry may have (``required`` of them must be there);
    ``source`` says whether an entry must name its source ("required"), may ("optional"), or
    never carries policy ("none"); ``browser`` whether the guide's engine reads it in the browser,
    or only the build does (the site's pages, the fallback it renders, its own messages).
    """

    description: str
    fields: tuple[str, ...] = ("text",)
    required: tuple[str, ...] = ("text",)
    source: str = "required"
    browser: bool = True


# A question's wording for one role (the roles of wizard.contract.ROLES; not imported, since the
# contract reads its messages from the compiled content).
ROLE_WORDING = tuple(f"{role}_{part}" for role in ("employee", "colleague", "manager") for part in ("label", "hint"))

# Every content file, by its name without ".yaml". A file not listed here is an error, so a
# misnamed file is never silently left out.
SCHEMAS: dict[str, Schema] = {
    "pages": Schema("texts the build writes into the site's pages", source="none", browser=False),
    "cards": Schema(
        "the practice cards' titles, stories, what each teaches and what to do",
        ("title", "story", "why", "todo"),
        ("title", "story", "why", "todo"),
        "none",
        browser=False,
    ),
    "hard_edges": Schema(
        "the hard edges the practice cards cover",
        ("description", "keyword"),
        ("description", "keyword"),
        "none",
        browser=False,
    ),
    "build_messages": Schema("the build's messages to the content's editors", source="none", browser=False),
    "questions": Schema("the guide's questions", fields=("label", "hint", *ROLE_WORDING), required=("label",)),
    "options": Schema(
        "the answers the questions offer",
        fields=("label", "hint", *ROLE_WORDING),
        required=("label",),
        source="optional",
    ),
    "messages": Schema("error messages and the command line's texts", source="none"),
    "steps": Schema(
        "each role's steps in the result, by 'role.step': the task's short title and the step's text",
        fields=("title", "text"),
        required=("title", "text"),
    ),
    "checklists": Schema(
        "the guideline's own checklists, word for word, and the front page's two deadlines (shown without Python)",
        fields=("lead", "text"),
    ),
    "notes": Schema(
        "the result's notes, a role's own wording in a field", fields=("text", "employee", "colleague", "manager")
    ),
    "legal": Schema("the result's legal information", fields=("text", "reference"), required=("text", "reference")),
    "labels": Schema("category, role, flag and deadline labels, due texts, work-accident reasons", source="optional"),
    "howto": Schema("the guide's own how-to texts, link, phone and contact labels", source="none"),
    "rules": Schema("the rules' wording and guideline sentences", ("inputs", "outcome"), ("inputs", "outcome")),
    "offences": Schema("the possible offences", ("label", "reference", "info"), ("label", "reference", "info")),
    "conditions": Schema("each named condition's description", source="none"),
    "sections": Schema("the titles of the web edition's sections, by anchor", source="none"),
    "guideline": Schema(
        "the guideline's title and adoption",
        ("title", "adopted_by", "adopted"),
        ("title", "adopted_by", "adopted"),
        "none",
    ),
    "ui": Schema("the guide's buttons, headings, status lines and notices", source="optional"),
    "case": Schema(
        "the case: task statuses, the note, the drafts, the evidence log, the reminders and the saved file",
        source="optional",
    ),
    "guide_page": Schema("the guide page's loading, failure and fallback texts", source="optional", browser=False),
}


class ContentError(ValueError):
    """A content file is wrong; the message names the file, the entry and what is wrong."""


@dataclass(frozen=True)
class Entry:
    fields: Mapping[str, str]
    source: Source | None


def load(directory: Path | None = None, schemas: Mapping[str, Schema] | None = None) -> dict[str, dict[str, Entry]]:
    """Every content file's entries by file name and id, checked; raises :class:`ContentError` listing all problems."""
    directory = CONTENT_DIR if directory is None else directory
    schemas = SCHEMAS if schemas is None else schemas
    problems: list[str] = []
    content: dict[str, dict[str, Entry]] = {}
    found = {path.stem: path for path in sorted(directory.glob("*.yaml"))}
    for name in sorted(found.keys() - schemas.keys()):
        problems.append(f"{_rel(found[name])}: unknown content file (known: {', '.join(sorted(schemas))})")
    for name in sorted(schemas.keys() - found.keys()):
        problems.append(f"{_rel(directory / (name + '.yaml'))}: missing content file ({schemas[name].description})")
    context = _Context()
    for name in sorted(found.keys() & schemas.keys()):
        content[name] = _load_file(found[name], schemas[name], context, problems)
    if problems:
        raise ContentError("\n".join(problems))
    return content


class _Context:
    """What sources are checked against: the guideline's text, its sections, the legal page's headings.

    Each is read when a source first needs it.
    """

    @cached_property
    def guideline(self) -> str:
        from tools.content import guideline_text

        return guideline_text.read().plain

    @cached_property
    def web_edition(self) -> str:
        from tools.content import guideline_text

        table = yaml.safe_load(TRACEABILITY.read_text(encoding="utf-8"))
        pairs = [(c["adopted"], c["published"]) for c in table.get("corrections", ())]
        return guideline_text.corrected(self.guideline, pairs)

    @cached_property
    def pending(self) -> frozenset[str]:
        """The quotes a new edition changed that still wait for the owners' review (the build then stops on that)."""
        from tools.content import edition_review

        return edition_review.pending_quotes()

    @cached_property
    def sections(self) -> frozenset[str]:
        from wizard.guideline import SECTIONS

        return frozenset(SECTIONS)

    @cached_property
    def legal_anchors(self) -> frozenset[str]:
        return frozenset(_ANCHOR.findall(LEGAL_PAGE.read_text(encoding="utf-8")))


def _load_file(path: Path, schema: Schema, context: _Context, problems: list[str]) -> dict[str, Entry]:
    where = _rel(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        problems.append(f"{where}: not valid YAML: {error}")
        return {}
    if not isinstance(data, dict):
        problems.append(f"{where}: must be a mapping of ids to entries")
        return {}
    entries = {}
    for id, raw in data.items():
        entry = _entry(f"{where}: entry {id!r}", raw, schema, context, problems)
        if entry is not None:
            entries[str(id)] = entry
    return entries


def _entry(where: str, raw: object, schema: Schema, context: _Context, problems: list[str]) -> Entry | None:
    if isinstance(raw, str) and schema.fields == ("text",) and schema.source != "required":
        raw = {"text": raw}
    if not isinstance(raw, dict):
        sourced = " and source" if schema.source != "none" else ""
        problems.append(f"{where}: must be a mapping with {', '.join(schema.fields)}{sourced}")
        return None
    fields = {}
    for key, value in raw.items():
        if key == "source":
            continue
        if key not in schema.fields:
            problems.append(f"{where}: unknown field {key!r} (allowed: {', '.join(schema.fields)})")
        elif not isinstance(value, str) or not value.strip():
            problems.append(f"{where}: field {key!r} has no text")
        else:
            fields[key] = _numbers(where, key, " ".join(value.split()), problems)
    for key in schema.required:
        if key not in raw:
            problems.append(f"{where}: missing text {key!r}")
    source = None
    if "source" in raw:
        if schema.source == "none":
            problems.append(f"{where}: this file's texts carry no policy; remove 'source'")
        else:
            source = _source(where, raw["source"], context, problems)
    elif schema.source == "required":
        problems.append(f"{where}: missing source (a guideline section and quote, a legal heading, or 'guide')")
    return Entry(fields, source)


def _numbers(where: str, key: str, text: str, problems: list[str]) -> str:
    def number(match: re.Match) -> str:
        name = match.group(1)
        if name not in NUMBERS:
            known = ", ".join(NUMBERS)
            problems.append(f"{where}: field {key!r} names an unknown number {{{{ {name} }}}} (known: {known})")
            return match.group(0)
        return str(NUMBERS[name])

    return _NUMBER.sub(number, text)


# A "guideline" source needs a section and a verbatim quote; "legal" a heading anchor on the page
# "Lovgrundlag"; "guide" marks the guide's own wording.
def _source(where: str, raw: object, context: _Context, problems: list[str]) -> Source | None:
    if raw == "guide":
        return Source("guide")
    if isinstance(raw, dict) and set(raw) == {"legal"}:
        anchor = raw["legal"]
        if anchor not in context.legal_anchors:
            problems.append(f"{where}: source legal {anchor!r} is not a heading anchor on {_rel(LEGAL_PAGE)}")
        return Source("legal", str(anchor))
    if isinstance(raw, dict) and set(raw) == {"section", "quote"}:
        section, quote = raw["section"], raw["quote"]
        if section not in context.sections:
            problems.append(
                f"{where}: source section {section!r} is not a section of the guideline (wizard/guideline.py)"
            )
        if isinstance(quote, str) and _NUMBER.search(quote):
            # A quote is the adopted text's own words, whatever the guide's numbers are set to.
            problems.append(f"{where}: source quote must give numbers as the guideline does, not as {{{{ name }}}}")
        elif not isinstance(quote, str) or not verbatim(quote, context):
            problems.append(f"{where}: source quote is not verbatim in the adopted guideline: {quote!r}")
        return Source("guideline", str(section), " ".join(str(quote).split()))
    problems.append(
        f"{where}: source must be 'guide', {{legal: ANCHOR}} or {{section: ANCHOR, quote: TEXT}}; found {raw!r}"
    )
    return None


def verbatim(quote: str, context: "_Context") -> bool:
    """Whether ``quote`` stands in the adopted guideline, or in the web edition that corrects its typos
    (the corrections declared in ``content/traceability.yaml``); "…" joins verbatim pieces. A quote of the
    previous edition that the review of a new one still lists passes here: the build stops on the review."""
    from tools.content.guideline_text import normalise, quoted_in

    return (
        quoted_in(quote, context.guideline)
        or quoted_in(quote, context.web_edition)
        or normalise(quote) in context.pending
    )


# The content files only the build reads: left out of the browser's engine, and out of its rules version.
BUILD_ONLY = tuple(sorted(name for name, schema in SCHEMAS.items() if not schema.browser))


def python_source(content: Mapping[str, Mapping[str, Entry]], *, browser: bool = False) -> str:
    """The content as a Python module of literals (ASCII, with escapes, so it is byte-for-byte stable); with
    ``browser``, the browser engine's copy, without the files only the build reads."""
    kept = {name: entries for name, entries in content.items() if not (browser and name in BUILD_ONLY)}
    texts = {name: {id: dict(e.fields) for id, e in entries.items()} for name, entries in kept.items()}
    sources = {
        name: {id: (e.source.kind, e.source.ref, e.source.quote) for id, e in entries.items() if e.source}
        for name, entries in kept.items()
    }
    return (
        '"""The guide\'s texts, compiled by tools/content/texts.py from content/texts/*.yaml. Do not edit: edit\n'
        'those files; `make` and the site build compile them again."""\n\n'
        f"TEXTS = {ascii(texts)}\n\nSOURCES = {ascii(sources)}\n\nBUILD_ONLY = {ascii(BUILD_ONLY)}\n"
    )


def compile_content(target: Path | None = None) -> tuple[dict[str, dict[str, Entry]], bool]:
    """Check the content and write the module if it changed; return the content and whether it was written."""
    target = GENERATED if target is None else target
    content = load()
    source = python_source(content)
    if target.is_file() and target.read_text(encoding="utf-8") == source:
        return content, False
    target.write_text(source, encoding="utf-8")
    return content, True


def unused(content: Mapping[str, Mapping[str, Entry]], used: set[tuple[str, str]]) -> list[str]:
    """Entries no part of the guide asked for, as problems naming file and entry."""
    return [
        f"{_rel(CONTENT_DIR / (name + '.yaml'))}: entry {id!r} is not used by the guide (a mistyped or removed id?)"
        for name, entries in content.items()
        for id in entries
        if (name, id) not in used
    ]


def check_usage(content: Mapping[str, Mapping[str, Entry]]) -> None:
    """Raise :class:`ContentError` naming every entry that no module of the guide reads.

    Imports every module of the engine and every build step that reads content, since each
    looks up its texts when it is imported.
    """
    import importlib
    import pkgutil

    import wizard
    from wizard import content as reader

    for module in pkgutil.walk_packages(wizard.__path__, "wizard."):
        importlib.import_module(module.name)
    for path in sorted((ROOT / "tools").rglob("*.py")):
        if "from wizard import content" in path.read_text(encoding="utf-8"):
            importlib.import_module(".".join(path.relative_to(ROOT).with_suffix("").parts))
    # Section titles are read when a link is made, not at import (wizard.guideline is imported
    # before the content is compiled), so every section the guide knows counts as read, and
    # one without a title is named here rather than when a reader follows its link.
    from wizard.guideline import SECTIONS

    titles = content.get("sections", {})
    problems = [
        f"{_rel(CONTENT_DIR / 'sections.yaml')}: no title for the section {anchor!r} (wizard/guideline.py)"
        for anchor in SECTIONS
        if anchor not in titles
    ]
    problems += unused(content, reader.USED | {("sections", anchor) for anchor in SECTIONS})
    if problems:
        raise ContentError("\n".join(problems))


def _rel(path: Path) -> str:
    try:
        return str(path.relative_to(ROOT))
    except ValueError:
        return str(path)


def main() -> int:
    try:
        content, written = compile_content()
        check_usage(content)
    except ContentError as error:
        print(f"Content errors:\n{error}", file=sys.stderr)
        return 2
    print(f"{_rel(GENERATED)} {'written' if written else 'up to date'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
