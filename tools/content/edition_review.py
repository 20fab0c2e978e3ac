"""The review of the guide against the adopted edition of the guideline: ``content/guideline/review.yaml``.

When a new edition is adopted (``make guideline-adopt NEW=…``, :mod:`tools.content.guideline_review`), the
file records the new text's SHA-256, the day it was adopted, and every place in the guide that quoted a
sentence the edition changed or removed (a text's source in ``content/texts``, a sentence of the
traceability table, a reading) or that holds a number the edition changed (``wizard/guideline.py``). The
owners then review each place: they update its quote, or record in the file why it can stay as it is;
a number must be set to the edition's. When every place is done they write the day they finished
(``reviewed``), and the site shows that day.

:func:`problems` is the build's check, run before any page is built: the adopted text must be the one
the file was written for, every place reviewed and the review dated, and every number of the engine the
one its sentence states (the standing check that catches a changed number however the text came in).
Until then the build stops, naming each place in Danish. :func:`pending_quotes` lets the content checks
accept a quote the review still lists, so the build can say this first.
"""

import hashlib
import re
import textwrap
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import yaml

from tools.content import guideline_text
from tools.content.guideline_diff import numbers
from tools.content.guideline_text import normalise

ROOT = Path(__file__).resolve().parents[2]
REVIEW_FILE = ROOT / "content" / "guideline" / "review.yaml"
TEXTS_DIR = ROOT / "content" / "texts"
TABLE_FILE = ROOT / "content" / "traceability.yaml"
READINGS_FILE = ROOT / "content" / "readings.yaml"

# Each of the guideline's numbers (wizard.guideline.NUMBERS), by the rule in content/texts/rules.yaml whose
# quote states it and its position among the numbers of that quote.
NUMBER_SOURCES = {
    "registration_days": ("deadline_safetynet", 0),
    "police_report_hours": ("deadline_police_report", 0),
    "impact_min": ("action_plan_unknown", 0),
    "impact_max": ("action_plan_unknown", 1),
    "action_plan_threshold": ("action_plan_not_needed", 1),
}


@dataclass(frozen=True)
class Place:
    """A place in the guide that rests on a sentence the new edition changed or removed."""

    # "text": a text's source (id "file/entry"); "trace": a sentence of the traceability table (found by its
    # quote); "reading": a reading (id); "number": one of the guideline's numbers (id its name).
    kind: str
    id: str
    what: str  # the place in the guide's own words, for the owners
    sentence: str  # "changed" or "removed"
    old: str  # the quote (or the number) as it was
    new: str = ""  # the edition's sentence, when it was changed
    value: int | None = None  # a number: the edition's value
    reason: str = ""  # the owners' reason for leaving the place as it is


@dataclass(frozen=True)
class Review:
    sha256: str
    adopted: date | None
    reviewed: date | None
    reviewed_by: str
    places: tuple[Place, ...] = field(default_factory=tuple)


def text_sha256(path: Path = guideline_text.GUIDELINE_FILE) -> str:
    """The SHA-256 of the text with its line endings as LF: a checkout that turns them into CRLF is the same text."""
    text = path.read_bytes().replace(b"\r\n", b"\n")
    return hashlib.sha256(text).hexdigest()


def _date(value: object) -> date | None:
    if isinstance(value, date):
        return value
    if isinstance(value, str) and value.strip():
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None


def load(path: Path = REVIEW_FILE) -> Review:
    """The review file; a missing field reads as empty (the check names it)."""
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    places = tuple(
        Place(
            str(item.get("kind", "")),
            str(item.get("id", "")),
            " ".join(str(item.get("what", "")).split()),
            str(item.get("sentence", "")),
            " ".join(str(item.get("old", "")).split()),
            " ".join(str(item.get("new") or "").split()),
            item.get("value"),
            " ".join(str(item.get("reason") or "").split()),
        )
        for item in data.get("places") or ()
        if isinstance(item, dict)
    )
    return Review(
        str(data.get("sha256", "")),
        _date(data.get("adopted")),
        _date(data.get("reviewed")),
        " ".join(str(data.get("reviewed_by") or "").split()),
        places,
    )


def dump(review: Review, header: list[str]) -> str:
    """The review file's text: ``header``'s paragraphs as the comment on top, then the fields, a block per place."""
    data = {
        "sha256": review.sha256,
        "adopted": review.adopted,
        "reviewed": review.reviewed,
        "reviewed_by": review.reviewed_by or None,
        "places": [
            {
                key: value
                for key, value in (
                    ("kind", p.kind), ("id", p.id), ("what", p.what), ("sentence", p.sentence), ("old", p.old),
                    ("new", p.new or None), ("value", p.value), ("reason", p.reason or None),
                )
                if value is not None or key == "reason"
            }
            for p in review.places
        ],
    }
    body = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=110)
    # An empty field reads better than "null" to the owners who fill it in.
    body = re.sub(r"(?m)^(\s*[a-z_]+:) null$", r"\1", body)
    comment = "\n#\n".join(
        textwrap.fill(paragraph, width=110, initial_indent="# ", subsequent_indent="# ") for paragraph in header
    )
    return f"{comment}\n\n{body.rstrip()}\n"


def pending_quotes(path: Path = REVIEW_FILE) -> frozenset[str]:
    """The old quotes the review still lists as not reviewed, normalised (the content checks accept them)."""
    if not path.is_file():
        return frozenset()
    review = load(path)
    state = _State()
    return frozenset(normalise(p.old) for p in review.places if p.kind != "number" and not state.resolved(p))


class _State:
    """The content as it is now, read from the files themselves (the compiled texts may not be up to date)."""

    def __init__(self):
        self._texts: dict[str, dict] = {}
        self._table: list[str] | None = None
        self._readings: dict | None = None

    def text_quote(self, id: str) -> str | None:
        file, _, entry = id.partition("/")
        if file not in self._texts:
            path = TEXTS_DIR / f"{file}.yaml"
            self._texts[file] = (yaml.safe_load(path.read_text(encoding="utf-8")) or {}) if path.is_file() else {}
        source = (self._texts[file].get(entry) or {}).get("source") if isinstance(self._texts[file], dict) else None
        return source.get("quote") if isinstance(source, dict) else None

    def table_texts(self) -> list[str]:
        if self._table is None:
            data = yaml.safe_load(TABLE_FILE.read_text(encoding="utf-8")) or {}
            self._table = [normalise(str(item.get("text", ""))) for item in data.get("sentences") or ()]
        return self._table

    def reading_text(self, id: str) -> str | None:
        if self._readings is None:
            self._readings = (yaml.safe_load(READINGS_FILE.read_text(encoding="utf-8")) or {}).get("readings") or {}
        reading = self._readings.get(id)
        return reading.get("text") if isinstance(reading, dict) else None

    def resolved(self, place: Place, numbers_now: Mapping[str, int] | None = None) -> bool:
        """Whether the place is reviewed: a reason recorded, or it no longer quotes the old sentence; a number
        must be the edition's."""
        if place.kind == "number":
            return numbers_now is not None and numbers_now.get(place.id) == place.value
        if place.reason:
            return True
        if place.kind == "text":
            quote = self.text_quote(place.id)
        elif place.kind == "trace":
            return normalise(place.old) not in self.table_texts()
        else:
            quote = self.reading_text(place.id)
        return quote is None or normalise(str(quote)) != normalise(place.old)


def problems(messages: Mapping[str, str], numbers_now: Mapping[str, int], path: Path = REVIEW_FILE) -> list[str]:
    """Why the site may not be published yet: each a line in Danish (``messages``, build_messages.yaml's review.*)."""
    if not path.is_file():
        return [messages["no_file"].format(file=rel(path))]
    review = load(path)
    found = []
    if review.sha256 != text_sha256():
        found.append(messages["text_changed"].format(file=rel(guideline_text.GUIDELINE_FILE), review=rel(path)))
    state = _State()
    waiting = [place for place in review.places if not state.resolved(place, numbers_now)]
    for place in waiting:
        key = "number_waiting" if place.kind == "number" else f"{place.sentence}_waiting"
        found.append(messages[key].format(what=place.what, old=place.old, new=place.new, value=place.value))
    if not review.reviewed:
        found.append(messages["not_dated"].format(review=rel(path)))
    elif review.adopted and review.reviewed < review.adopted:
        found.append(messages["dated_before"].format(reviewed=review.reviewed, adopted=review.adopted))
    waiting_numbers = {place.id for place in waiting if place.kind == "number"}
    found.extend(number_problems(messages, numbers_now, skip=waiting_numbers))
    return found


def number_problems(
    messages: Mapping[str, str], numbers_now: Mapping[str, int], skip: set[str] = frozenset()
) -> list[str]:
    """Each number of the engine that its sentence in the adopted text (its rule's quote) does not state."""
    state = _State()
    found = []
    for name, (rule, index) in NUMBER_SOURCES.items():
        if name in skip:
            continue
        quote = state.text_quote(f"rules/{rule}") or ""
        stated = numbers(quote)
        if index >= len(stated) or stated[index] != numbers_now.get(name):
            shown = stated[index] if index < len(stated) else None
            found.append(messages["number_differs"].format(name=name, value=numbers_now.get(name), stated=shown,
                                                           rule=rule))
    return found


def rel(path: Path) -> str:
    """``path`` relative to the repository, as the messages name it."""
    try:
        return path.resolve().relative_to(ROOT).as_posix()
    except ValueError:
        return str(path)
