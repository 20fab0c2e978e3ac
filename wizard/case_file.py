"""The saved case: one file with the answers, the tasks' statuses, the note, the drafts and the evidence log.

The result's "save" writes it and "open a saved case" reads it back, in any browser; nothing is kept on a server or
beyond the tab. The file is JSON the guide writes and reads: it says first what it is, that it holds personal
data and where to keep it, then its format and version, when it was saved, the rules version and guideline it
was made under, the kept steps that replay the answers (:meth:`wizard.session_state.Session.steps`), what the
result said then (so a file opened under newer rules can say what changed) and the reader's case
(:mod:`wizard.case_input`).

:func:`read_case_file` checks a file before anything on the page changes, and says in Danish why one cannot
be opened: too large, empty, from another program, damaged or saved only in part, from a newer format, or
with a field that is not what the guide writes (naming it). Markup or script in any field is plain text to the
guide and is shown as text everywhere.
"""

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from wizard import content
from wizard.case_input import CASE_MAX_CHARS, SHORT_MAX, case_problem, clean_case
from wizard.danish_time import long_datetime
from wizard.moments import COPENHAGEN
from wizard.reminders import REMINDER_IDS
from wizard.session_state import plain_text

FORMAT = "beslutningsguide-sag"
FORMAT_VERSION = 1
# A saved case is a few kB, a few hundred with a long evidence log. The page reads no more than this: the file
# "Gem sagen" writes for the largest case, each character at most four bytes in it (UTF-8; a quote or a line
# break two; control characters are left out of a case), with room for the answers, the result's summary and
# the file's own words, so that every file it writes opens again.
MAX_BYTES = 4 * CASE_MAX_CHARS + 200_000
MEDIA_TYPE = "application/json"
FILENAME = "digital-chikane-sag-{day}.json"
# The most deadlines and steps a saved result lists (a result has at most 4 and 16).
SUMMARY_MAX = 50
# The most kept steps a saved case replays: a reader's answers, "Se resultatet" and a "Ret" are a few dozen, and
# each is carried out again when the case opens, so a file with thousands could keep the guide busy for minutes.
STEPS_MAX = 200

ABOUT = content.text("case", "file.about")
_MESSAGES = {
    key: content.text("case", f"file.{key}")
    for key in ("too_large", "empty", "not_a_case", "damaged", "damaged_field", "newer", "opened", "opened_later",
                "rules_changed", "unchanged", "changed", "dropped", "change.categories", "change.action_plan",
                "change.work_accident", "change.deadline", "change.deadline_added", "change.deadline_removed",
                "change.steps_added", "change.steps_removed")
}


@dataclass(frozen=True)
class OpenedCase:
    """A case file that can be opened: the kept steps to replay, the reader's case, and what it was saved under."""

    steps: list
    case: dict
    saved_at: datetime
    rules_version: str
    result: dict


def case_file(steps: list, result: Mapping, case: Mapping, now: datetime) -> dict:
    """The case as a file to download: ``{filename, mediaType, content}``."""
    saved = now.astimezone(COPENHAGEN)
    data = {
        "format": FORMAT,
        "about": ABOUT,
        "format_version": FORMAT_VERSION,
        "saved_at": saved.isoformat(timespec="seconds"),
        "rules_version": result["rules_version"],
        "guideline": result["guideline"],
        "steps": steps,
        "result": result_summary(result),
        "case": clean_case(case, REMINDER_IDS),
    }
    text = json.dumps(data, ensure_ascii=False, indent=1) + "\n"
    return {"filename": FILENAME.format(day=saved.date().isoformat()), "mediaType": MEDIA_TYPE, "content": text}


def result_summary(result: Mapping) -> dict:
    """What the result said, in ids and the reader's words: enough to tell later what changed."""
    return {
        "evaluated_at": result["evaluated_at"],
        "role": result["role"],
        "categories": [{"id": c, "label": result["labels"]["categories"][c]} for c in result["categories"]],
        "action_plan": {"value": result["action_plan"], "label": result["labels"]["action_plan"]},
        "work_accident": {"value": result["work_accident"], "label": result["labels"]["work_accident"]},
        "deadlines": [
            {"id": d["id"], "label": _deadline_label(d), "due_text": d["due_text"]} for d in result["deadlines"]
        ],
        "steps": [{"id": s["id"], "title": s["title"]} for s in result["steps"]],
    }


def _deadline_label(deadline: Mapping) -> str:
    return deadline["label"] + (f" ({deadline['incident_label']})" if deadline.get("incident_label") else "")


def read_case_file(name: str, size: int, text: str) -> OpenedCase | str:
    """The case in a file the reader chose, or the Danish message why it cannot be opened.

    ``size`` is the file's size in bytes and ``text`` what the page read of it (no more than :data:`MAX_BYTES`
    and one byte, decoded as UTF-8).
    """
    name = plain_text(name)[:SHORT_MAX]
    if size > MAX_BYTES or len(text.encode("utf-8", "replace")) > MAX_BYTES:
        return _MESSAGES["too_large"].format(name=name, size=_kilobytes(size), most=_kilobytes(MAX_BYTES))
    if not text.strip():
        return _MESSAGES["empty"].format(name=name)
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):
        # A file that says it is a case but cannot be read was damaged or saved in part; any other is not one.
        key = "damaged" if f'"{FORMAT}"' in text else "not_a_case"
        return _MESSAGES[key].format(name=name)
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        return _MESSAGES["not_a_case"].format(name=name)
    version = data.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        return _MESSAGES["damaged"].format(name=name)
    if version > FORMAT_VERSION:
        return _MESSAGES["newer"].format(name=name, version=version)
    steps, saved_at, rules_version = data.get("steps"), _moment(data.get("saved_at")), data.get("rules_version")
    summary = data.get("result")
    fits = isinstance(steps, list) and len(steps) <= STEPS_MAX
    fits = fits and saved_at is not None and isinstance(rules_version, str)
    if not fits or not _summary_fits(summary):
        return _MESSAGES["damaged"].format(name=name)
    problem = case_problem(data.get("case"), REMINDER_IDS)
    if problem:
        return _MESSAGES["damaged_field"].format(name=name, problem=problem)
    return OpenedCase(steps, clean_case(data["case"], REMINDER_IDS), saved_at, plain_text(rules_version)[:40], summary)


def damaged_case_file(name: str) -> str:
    """Why a file that passed :func:`read_case_file` still cannot be opened: none of its kept steps can be used."""
    return _MESSAGES["damaged"].format(name=plain_text(name)[:SHORT_MAX])


def _kilobytes(size: int) -> str:
    return f"{max(1, round(size / 1000)):,} kB".replace(",", ".")


def _moment(value: object) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else None


# The keys of what :func:`result_summary` writes for each list and flag, with the types their values must have.
_SUMMARY_ITEMS = {
    "categories": {"id": str, "label": str},
    "deadlines": {"id": str, "label": str, "due_text": str},
    "steps": {"id": str, "title": str},
}
_SUMMARY_FLAG = {"value": bool | None, "label": str}


def _summary_fits(summary: object) -> bool:
    """Whether a saved result summary is what :func:`result_summary` writes (its words are shown again)."""
    if not isinstance(summary, dict):
        return False
    lists = [(summary.get(key), keys) for key, keys in _SUMMARY_ITEMS.items()]
    if not all(isinstance(items, list) and len(items) <= SUMMARY_MAX for items, _ in lists):
        return False
    items = [(item, keys) for items, keys in lists for item in items]
    items += [(summary.get(flag), _SUMMARY_FLAG) for flag in ("action_plan", "work_accident")]
    return all(
        isinstance(item, dict)
        and all(key in item and isinstance(item[key], kind) for key, kind in keys.items())
        and all(len(v) <= SHORT_MAX * 2 for v in item.values() if isinstance(v, str))
        for item, keys in items
    )


def opened_lines(opened: OpenedCase, result: Mapping | None, dropped: int, now: datetime) -> list[str]:
    """What the reader is told when a case opens: when it was saved, what newer rules changed, what was left out.

    A file saved after ``now`` was saved by a computer whose clock was wrong, and the reader is told so."""
    saved = "opened_later" if opened.saved_at > now else "opened"
    lines = [_MESSAGES[saved].format(when=long_datetime(opened.saved_at))]
    if result is not None and opened.rules_version != result["rules_version"]:
        lines.append(_MESSAGES["rules_changed"].format(old=opened.rules_version, new=result["rules_version"]))
        found = changes(opened.result, result)
        lines += [_MESSAGES["changed"], *found] if found else [_MESSAGES["unchanged"]]
    if dropped:
        lines.append(_MESSAGES["dropped"].format(count=dropped))
    return lines


def changes(before: Mapping, result: Mapping) -> list[str]:
    """What the result says now that it did not say when the case was saved, one sentence each."""
    now = result_summary(result)
    found = []
    if [c["id"] for c in before["categories"]] != [c["id"] for c in now["categories"]]:
        words = {"before": _labels(before["categories"]), "after": _labels(now["categories"])}
        found.append(_MESSAGES["change.categories"].format(**words))
    for flag in ("action_plan", "work_accident"):
        if before[flag]["value"] != now[flag]["value"]:
            found.append(_MESSAGES[f"change.{flag}"].format(before=before[flag]["label"], after=now[flag]["label"]))
    old = {d["id"]: d for d in before["deadlines"]}
    new = {d["id"]: d for d in now["deadlines"]}
    for id, deadline in new.items():
        if id not in old:
            found.append(_MESSAGES["change.deadline_added"].format(label=deadline["label"], after=deadline["due_text"]))
        elif old[id]["due_text"] != deadline["due_text"]:
            found.append(
                _MESSAGES["change.deadline"].format(
                    label=deadline["label"], before=old[id]["due_text"], after=deadline["due_text"]
                )
            )
    for id, deadline in old.items():
        if id not in new:
            found.append(
                _MESSAGES["change.deadline_removed"].format(label=deadline["label"], before=deadline["due_text"])
            )
    old_steps = {s["id"]: s["title"] for s in before["steps"]}
    new_steps = {s["id"]: s["title"] for s in now["steps"]}
    added = [title for id, title in new_steps.items() if id not in old_steps]
    removed = [title for id, title in old_steps.items() if id not in new_steps]
    if added:
        found.append(_MESSAGES["change.steps_added"].format(titles=_quoted(added)))
    if removed:
        found.append(_MESSAGES["change.steps_removed"].format(titles=_quoted(removed)))
    return found


def _labels(categories: list) -> str:
    return _quoted([c["label"] for c in categories]) if categories else "–"


def _quoted(items: list[str]) -> str:
    return ", ".join(f"»{item}«" for item in items)
