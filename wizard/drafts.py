"""The drafts the guideline's duties need, filled from the answers and from what the reader typed.

- **Registration in SafetyNet** (the employee's and the leader's): what happened, when and where, who was
  exposed, the 1–10 assessment with the guideline's sentence on it, the work accident with the guideline's
  sentence, who handles the case and the measures taken; ready to paste.
- **Action plan** (the leader's, where one is required or the answers cannot tell yet): the measures, each with
  who and by when, seeded with the guideline's own measures for the leader.
- **Evidence log** (every role): :mod:`wizard.evidence_log`.
- **Notice to a platform or host** (the leader's, with the employee): the elements Article 16 of the Digital
  Services Act names, and the way on when nothing happens. The guide's help, not the guideline.

Each draft has a basis (what it rests on: the reader's answers, when the result was made, the note, the
fields) shown with it, and a text to copy. Every guideline sentence in a draft is quoted word for word from
the content files, where its source is checked against the adopted text. Nothing the reader typed is ever
read as markup: the drafts are plain text.
"""

from collections.abc import Mapping
from datetime import datetime

from wizard import content
from wizard.bidi_controls import without_bidi_controls
from wizard.case_input import FIELDS, has_input, labelled
from wizard.danish_time import long_date
from wizard.evidence_log import log_lines
from wizard.moments import COPENHAGEN
from wizard.screens.reasons import because
from wizard.screens.stamp import result_stamp
from wizard.screens.ui import UI
from wizard.texts import as_item, entry

REGISTRATION = "registration"
PLAN = "plan"
LOG = "log"
NOTICE = "notice"
DRAFTS = (REGISTRATION, PLAN, LOG, NOTICE)
# The task each draft belongs to: its task links to it.
DRAFT_OF_STEP = {
    "register_safetynet": REGISTRATION,
    "action_plan": PLAN,
    "clarify_action_plan": PLAN,
    "document": LOG,
    "contact_platform": NOTICE,
}
# The guideline's own measures for the leader, which a new action plan starts from (content/texts/case.yaml).
PLAN_SEED = ("two_on_the_case", "first_aid", "wellbeing", "personalejura")
# The way on when a notice brings nothing, in order; each item's source is in the content file.
ESCALATION = tuple(
    entry("case", f"escalation.{step}") for step in ("platform", "host", "datatilsynet", "kfst", "police")
)
# What Article 16 of the Digital Services Act asks of a notice (legal information, shown with the notice).
ARTICLE_16 = entry("case", "draft.notice.article16")
# The guideline's sentences a draft quotes word for word, each checked against the adopted text.
QUOTES = {id: entry("case", f"quote.{id}") for id in ("impact", "work_accident", "action_plan", "follow_up")}


# Every text the drafts are written with (content/texts/case.yaml), read once.
_TEXTS = {
    id: content.text("case", id)
    for id in (
        *(f"draft.{draft}.{key}" for draft in DRAFTS for key in ("title", "basis")),
        *(f"draft.heading.{key}" for key in (
            "what", "when", "where", "exposed", "impact", "work_accident", "handler", "measures", "incident",
            "why_plan", "follow_up", "notice_where", "notice_why", "notice_sender",
        )),
        "draft.not_filled", "draft.guideline_says", "draft.registration.impact_open",
        "draft.registration.work_accident_open", "draft.registration.deadline",
        "draft.registration.deadline_of", "draft.plan.who", "draft.plan.by",
        "plan.seed_who", *(f"plan.seed.{measure}" for measure in PLAN_SEED), "draft.notice.subject",
        "draft.notice.to", "draft.notice.date", "draft.notice.good_faith", "draft.notice.article",
    )
}


def _text(id: str) -> str:
    return _TEXTS[id]


TITLES = {draft: _text(f"draft.{draft}.title") for draft in DRAFTS}
NOT_FILLED = _text("draft.not_filled")


def offered(result: Mapping) -> list[str]:
    """The drafts the reader's result offers, in the order the page shows them.

    The registration wherever the reader's steps register the incident; the action plan for the leader where
    one is required or the answers cannot tell yet (never where it is decided that none is needed); the notice
    where the leader's steps weigh contacting the network provider; the evidence log always.
    """
    steps = {step["id"] for step in result["steps"]}
    drafts = []
    if "register_safetynet" in steps:
        drafts.append(REGISTRATION)
    planned = {"action_plan", "clarify_action_plan"} & steps
    if result["role"] == "manager" and result["action_plan"] is not False and planned:
        drafts.append(PLAN)
    drafts.append(LOG)
    if "contact_platform" in steps:
        drafts.append(NOTICE)
    return drafts


def escalation() -> list[dict]:
    """The way on when a notice to the platform brings nothing, each step with what it rests on."""
    return [as_item(step) for step in ESCALATION]


def plan_seed() -> list[dict]:
    """The guideline's measures for the leader, as the rows a new action plan starts with."""
    who = _text("plan.seed_who")
    return [{"what": _text(f"plan.seed.{measure}"), "who": who, "by": ""} for measure in PLAN_SEED]


def basis(draft: str, result: Mapping) -> str:
    """What the draft rests on, said with it (on the page and on paper)."""
    return _text(f"draft.{draft}.basis").format(stamp=result_stamp(result))


def drafts_for(result: Mapping, case: Mapping, now: datetime) -> dict[str, str]:
    """The text of each draft the result offers, from the answers and the reader's case (already cleaned)."""
    writers = {REGISTRATION: _registration, PLAN: _plan, LOG: _log, NOTICE: _notice}
    return {draft: writers[draft](result, case, now) for draft in offered(result)}


def written(result: Mapping, case: Mapping) -> list[str]:
    """The offered drafts the reader has written something in: those the printout carries."""
    has = has_input(case)
    parts = {REGISTRATION: has["registration"] or has["note"], PLAN: has["plan"], LOG: has["log"],
             NOTICE: has["notice"]}
    return [draft for draft in offered(result) if parts[draft]]


def _value(text: str) -> str:
    written = without_bidi_controls(text).strip()
    return "\n  ".join(line.rstrip() for line in written.splitlines()) if written else NOT_FILLED


def _answers(result: Mapping, ids: tuple[str, ...]) -> list[str]:
    """The reader's answers to ``ids`` as "question answer" lines; a question not answered says so."""
    given = {a["id"]: a for a in result["answer_labels"]}
    return [f"- {given[id]['question']} {given[id]['answer']}" for id in ids if id in given]


def _heading(id: str) -> list[str]:
    return ["", _text(f"draft.heading.{id}").upper()]


def _quote(id: str) -> str:
    return _text("draft.guideline_says").format(quote=QUOTES[id].text)


def _registration(result: Mapping, case: Mapping, now: datetime) -> str:
    note, fields = case["note"], case["registration"]
    labels = {field.id: field.label for field in FIELDS["note"]}
    lines = [TITLES[REGISTRATION]]
    lines += _heading("what") + [_value(note["what"])]
    lines += _answers(result, ("behaviours", "recording_shared"))
    when = ("incident_at", "repeated", "latest_incident_at", "outside_work_hours")
    lines += _heading("when") + _answers(result, when)
    lines += _heading("where")
    lines += [f"- {labelled(labels[id], _value(note[id]))}" for id in ("where", "address")]
    lines += _heading("exposed") + [_value(fields["exposed"])]
    lines += _heading("impact") + [_quote("impact")]
    impact = _answers(result, ("impact",))
    lines += impact or [_text("draft.registration.impact_open")]
    lines.append(result["labels"]["action_plan"])
    lines += _heading("work_accident") + [_quote("work_accident")]
    accident = _answers(result, ("absence", "treatment", "wants_work_accident"))
    lines += accident or [_text("draft.registration.work_accident_open")]
    lines.append(result["labels"]["work_accident"])
    if result["work_accident"] is None:  # the label says why, and who decides, "herunder"
        lines += [reason["outcome"] for reason in result["reasons"]["work_accident"]]
    lines += _heading("handler") + [_value(fields["handler"])]
    lines += _heading("measures") + [_value(fields["measures"])]
    # Every incident of a series has its own deadline, and one that has passed still has to be kept.
    for deadline in (d for d in result["deadlines"] if d["kind"] == "safetynet"):
        due = deadline["due_text"]
        if deadline["incident_label"]:
            due = _text("draft.registration.deadline_of").format(incident=deadline["incident_label"], due=due)
        line = _text("draft.registration.deadline").format(due=due)
        lines += ["", f"{line} {UI['overdue_safetynet']}" if deadline["overdue"] else line]
    return "\n".join(lines) + "\n"


def _plan(result: Mapping, case: Mapping, now: datetime) -> str:
    rows = case["plan"] if case["plan"] is not None else plan_seed()
    lines = [TITLES[PLAN]]
    lines += _heading("incident") + _answers(result, ("incident_at", "latest_incident_at", "behaviours"))
    lines += _heading("why_plan") + [_quote("action_plan"), result["labels"]["action_plan"]]
    lines += [f"- {because(reason)}" for reason in result["reasons"].get("action_plan", ())]
    lines += _heading("measures")
    measures = [row for row in rows if any(value.strip() for value in row.values())]
    if not measures:
        lines.append(NOT_FILLED)
    for number, row in enumerate(measures, start=1):
        lines.append(f"{number}. {_value(row['what'])}")
        lines.append(f"   {_text('draft.plan.who')} {_value(row['who'])}")
        lines.append(f"   {_text('draft.plan.by')} {_value(row['by'])}")
    lines += _heading("follow_up") + [_quote("follow_up")]
    return "\n".join(lines) + "\n"


def _log(result: Mapping, case: Mapping, now: datetime) -> str:
    return "\n".join([TITLES[LOG], "", *log_lines(case["log"])]) + "\n"


def _notice(result: Mapping, case: Mapping, now: datetime) -> str:
    fields = case["notice"]
    # The content's address, if the reader gave it in the note and not here.
    address = fields["address"] if fields["address"].strip() else case["note"]["address"]
    today = long_date(now.astimezone(COPENHAGEN).date())
    lines = [
        _text("draft.notice.subject"),
        f"{_text('draft.notice.to')} {_value(fields['platform'])}",
        f"{_text('draft.notice.date')} {today}",
    ]
    lines += _heading("notice_where") + [_value(address)]
    lines += _heading("notice_why") + [_value(fields["why"])]
    lines += _heading("notice_sender") + [_value(fields["name"]), _value(fields["email"])]
    lines += ["", _text("draft.notice.good_faith"), "", _text("draft.notice.article")]
    return "\n".join(lines) + "\n"
