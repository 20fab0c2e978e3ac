"""A deadline in words: when it falls ("i morgen kl. 09.30"), how long is left, and what it means once passed.

The result screen, its text and its countdown say the same, from here.
"""

from collections.abc import Mapping
from datetime import date, datetime, time, timedelta

from wizard import content
from wizard.danish_time import long_date, repeated_hour_note
from wizard.deadlines import ends_at, overdue_at
from wizard.moments import COPENHAGEN
from wizard.screens.ui import UI
from wizard.step_groups import DEADLINE_OF_GROUP, group_deadline, nearest_first
from wizard.texts import MAY_BE_OVERDUE, POLICE_REPORT_DUE_TEXT, REGISTRATION_DUE_TEXT

# Below a day left, the summary marks a deadline as urgent (in words, not by colour alone).
URGENT_SECONDS = 24 * 60 * 60
# A deadline that only the unknown time of day could decide, and what to do about it.
UNDECIDED = f"{MAY_BE_OVERDUE} {content.text('ui', 'undecided_advice')}"
# The words the page's countdown writes the time left with: the same as time_left's, sent along
# with the result so the browser has no Danish of its own.
COUNTDOWN_WORDS = (
    "left", "and", "day", "days", "hour", "hours", "minute", "minutes", "under_a_minute", "flag_urgent", "flag_overdue"
)
# The engine's own wording of each deadline ("as soon as possible and at the latest …"), with the day said
# relative to now where that is nearer to hand ("tomorrow at 09.30").
DUE_TEXTS = {"safetynet": REGISTRATION_DUE_TEXT, "police_report": POLICE_REPORT_DUE_TEXT}


def open_first(deadlines, now: datetime | None = None) -> list:
    """The deadlines that have not surely passed first, the one that may run out first at the top (one that
    may have passed runs out at its latest, so it leads: do it now), then those that have passed, in the order
    they ran out. As they stand at ``now``, if given."""
    return sorted(deadlines, key=lambda d: nearest_first(d, now))


def group_heading(group: str, deadlines, now: datetime, *, relative: bool = True) -> str:
    """A group of steps' heading as its deadline stands at ``now``: "Senest i morgen kl. 24.00", or what to do.

    ``relative`` says the day relative to ``now`` where that is nearer to hand ("i morgen"); without it the
    date, for what is printed, copied or read later. A group without a deadline keeps its own heading.
    """
    deadline = group_deadline(group, deadlines, now)
    if deadline is None:
        return UI[f"group_{group}"]
    overdue = overdue_at(deadline, now)
    if overdue is None:
        return UI["group_undecided"]
    if overdue:
        return UI[f"group_overdue_{deadline['kind']}"]
    return UI[f"group_due_{deadline['kind']}"].format(when=due_words(deadline["due"], now if relative else None))


def heading_states(group: str, deadlines, now: datetime) -> dict | None:
    """What a group's heading says in each state, for a page that stays open past a deadline or midnight.

    The group's deadlines in the order they run out, each with when it ends (and when it surely has, for a
    date without a time) and its heading while open, said relative to ``now`` and as a date; then the heading
    while one may have passed, and once all have. None for a group without a deadline.
    """
    kind = DEADLINE_OF_GROUP.get(group)
    candidates = sorted((d for d in deadlines if d["kind"] == kind), key=ends_at)
    if not candidates:
        return None
    due = UI[f"group_due_{kind}"]
    return {
        "deadlines": [
            {
                "ends": ends_at(d).isoformat(),
                # A whole day has passed once it has ended; an instant, once it lies behind.
                "all_day": d["all_day"],
                "latest": d.get("latest"),
                "relative": due.format(when=due_words(d["due"], now)),
                "dated": due.format(when=due_words(d["due"], None)),
            }
            for d in candidates
        ],
        "undecided": UI["group_undecided"],
        "overdue": UI[f"group_overdue_{kind}"],
    }


def due_words(due: str, now: datetime | None) -> str:
    """When ``due`` (a date or an ISO instant) falls, seen from ``now``: "today at 14.00", "tomorrow" or the date.

    Without ``now``, always the date. A deadline at midnight is the end of the day before
    ("at 24.00"), never the next day's first minute.
    """
    clock = None
    if "T" in due:
        moment = datetime.fromisoformat(due).astimezone(COPENHAGEN)
        day, clock = moment.date(), f"{moment:%H.%M}{repeated_hour_note(moment)}"
        if moment.time() == time(0):
            day, clock = day - timedelta(days=1), "24.00"
    else:
        day = date.fromisoformat(due)
    near = {}
    if now is not None:
        today = now.astimezone(COPENHAGEN).date()
        near = {
            today - timedelta(days=1): UI["yesterday"],
            today: UI["today"],
            today + timedelta(days=1): UI["tomorrow"],
        }
    name = near.get(day) or long_date(day)
    return UI["at_clock"].format(day=name, clock=clock) if clock else name


def deadline_state(deadline: Mapping) -> str:
    """``"overdue"``, ``"undecided"`` (it depends on the unknown time of day), ``"urgent"`` or ``"open"``."""
    if deadline["overdue"] is None:
        return "undecided"
    if deadline["overdue"]:
        return "overdue"
    return "urgent" if deadline["seconds_left"] < URGENT_SECONDS else "open"


def deadline_status(deadline: Mapping, now: datetime) -> str:
    """What a deadline means now: the time left, or what to do when it has passed or may have."""
    state = deadline_state(deadline)
    if state == "overdue":
        return overdue_text(deadline)
    if state == "undecided":
        return undecided_text(deadline)
    return UI["left"].format(left=time_left(deadline["seconds_left"]))


def overdue_text(deadline: Mapping) -> str:
    return UI.get(f"overdue_{deadline['kind']}", UI["overdue"])


def undecided_text(deadline: Mapping) -> str:
    # The latest moment as a date, never "today": the sentence is printed and read later too.
    latest = deadline.get("latest_text")
    return UNDECIDED + (f" {latest}" if latest else "")


def time_left(seconds: int) -> str:
    """A positive duration in Danish words (``UI``), e.g. 2 days and 3 hours or 45 minutes; never 0 minutes."""
    if seconds < 60:
        return UI["under_a_minute"]
    minutes = seconds // 60
    days, minutes = divmod(minutes, 24 * 60)
    hours, minutes = divmod(minutes, 60)

    def unit(n: int, one: str) -> str:
        return f"{n} {UI[one] if n == 1 else UI[one + 's']}"

    def both(first: str, second: str) -> str:
        return f"{first} {UI['and']} {second}"

    if days:
        return both(unit(days, "day"), unit(hours, "hour")) if hours else unit(days, "day")
    if hours:
        return both(unit(hours, "hour"), unit(minutes, "minute")) if minutes else unit(hours, "hour")
    return unit(minutes, "minute")

