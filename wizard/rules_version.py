"""``rules_version``: a short hash of everything that decides or words a result.

It covers the guideline's numbers and sections, the questions, the rules and offences,
the steps, notes, legal information and labels, and every text of the compiled content
(``wizard.content_data``) that the engine reads, so a changed text changes the version.
It is computed from the data in memory, never from source files, so CPython and Pyodide
give the same value; a printed result can be traced to the rules that produced it.
"""

import json
from dataclasses import fields, is_dataclass

from wizard import content_data, guideline, howto, notes, questions, rules, steps, texts
from wizard.conditions import Condition
from wizard.guideline import Section


def _plain(value: object) -> object:
    """``value`` as JSON-ready data; conditions by name and description, sections by address and title."""
    if isinstance(value, Section):
        return {"href": value.href, "title": value.title}
    if isinstance(value, Condition):
        return {"name": value.name, "description": value.description}
    if is_dataclass(value):
        return {f.name: _plain(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def _for_the_engine(by_file: dict) -> dict:
    """The content files the engine reads: the browser's engine has no others (the site's pages, the practice
    cards and the build's messages are the build's), and must come to the same version."""
    return {file: entries for file, entries in by_file.items() if file not in content_data.BUILD_ONLY}


def rules_data() -> dict:
    """Everything the hash covers, as plain data."""
    return _plain(
        {
            "guideline": [guideline.GUIDELINE_TITLE, guideline.GUIDELINE_ADOPTED_BY, guideline.GUIDELINE_ADOPTED],
            "numbers": guideline.NUMBERS,
            "sections": guideline.SECTIONS,
            "questions": questions.QUESTIONS,
            "rules": rules.RULES,
            "offences": rules.OFFENCES,
            "steps": steps.STEPS,
            "howto": [howto.HOWTO, howto.PAGES],
            "notes": [notes.NOTE_RULES, notes.NOTES],
            "legal_info": [notes.LEGAL_INFO_RULES, notes.LEGAL_INFO],
            "labels": [
                texts.CATEGORY_LABELS,
                texts.CATEGORY_SHORT_LABELS,
                texts.ROLE_LABELS,
                texts.FLAG_LABELS,
                texts.DEADLINE_LABELS,
            ],
            "deadline_texts": [
                texts.REGISTRATION_DUE_TEXT,
                texts.POLICE_REPORT_DUE_TEXT,
                texts.POLICE_REPORT_LATEST_TEXT,
                texts.MAY_BE_OVERDUE,
            ],
            "work_accident_reasons": [texts.WORK_ACCIDENT_REASONS, texts.REASONS_JOIN],
            "content": [_for_the_engine(content_data.TEXTS), _for_the_engine(content_data.SOURCES)],
        }
    )


def rules_version() -> str:
    """Ten hex digits of the SHA-256 of :func:`rules_data` as canonical JSON."""
    # Imported here: hashlib loads every hash module it knows, which the browser guide would
    # otherwise pay for at start-up rather than at its first result.
    import hashlib

    canonical = json.dumps(rules_data(), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:10]
