"""The groups of steps a result shows, by when they are due, and the group of each step.

The result puts the most urgent first, the way a person under stress needs it: what to do
now, what within the police report's hours (a condition for compensation), what within the
registration days, and the follow-up of the next weeks. A step id means the same step in
every role's checklist, so it has one group wherever it appears.

Two groups belong to a deadline of the result (:data:`DEADLINE_OF_GROUP`). Where the harassment is
repeated there is one such deadline per incident; the group is dated by the one that stands: the one
that may run out first of those not surely passed (one that may have passed: do it now), else the last
to pass.
"""

from collections.abc import Mapping, Sequence
from datetime import datetime

from wizard.deadlines import ends_at, overdue_at

NOW = "now"
WITHIN_POLICE_REPORT_HOURS = "within_police_report_hours"
WITHIN_REGISTRATION_DAYS = "within_registration_days"
NEXT_WEEKS = "next_weeks"

# The groups in the order the result shows them.
GROUPS = (NOW, WITHIN_POLICE_REPORT_HOURS, WITHIN_REGISTRATION_DAYS, NEXT_WEEKS)

GROUP_OF_STEP = {
    # Safety and the person first; documentation before it disappears; personalejura at once,
    # because whether to report to the police is their assessment and the hours are running.
    "call_112": NOW,
    "tolerate": NOW,
    "document": NOW,
    "contact_manager": NOW,
    "tell_colleagues": NOW,
    "inform_manager_after_hours": NOW,
    "support_colleague": NOW,
    "contact_affected_manager": NOW,
    "contact_relatives": NOW,
    "first_aid_colleagues": NOW,
    "care": NOW,
    "work_distribution": NOW,
    "contact_platform": NOW,
    "consult_hr": NOW,
    # A police report within the hours is the condition for compensation.
    "police_report": WITHIN_POLICE_REPORT_HOURS,
    # As soon as possible and within the registration days; the work accident is
    # reported in the same registration in SafetyNet.
    "register_safetynet": WITHIN_REGISTRATION_DAYS,
    "register_work_accident": WITHIN_REGISTRATION_DAYS,
    # What the answers could not decide is clarified with the employee by the registration.
    "clarify_work_accident": WITHIN_REGISTRATION_DAYS,
    "decide_work_accident": WITHIN_REGISTRATION_DAYS,
    "clarify_action_plan": WITHIN_REGISTRATION_DAYS,
    # Follow-up: the action plan, the leader's assessments, the colleague's ongoing attention.
    "action_plan": NEXT_WEEKS,
    "consider_contact_change": NEXT_WEEKS,
    "contact_citizen": NEXT_WEEKS,
    "datatilsynet": NEXT_WEEKS,
    "respect_needs": NEXT_WEEKS,
    # Two on the case and its conversations (the guideline's "konflikthaandtering" section): the
    # next contacts with the citizen.
    "two_on_the_case": NEXT_WEEKS,
}

# The deadline each group is due by, by the deadline's kind.
DEADLINE_OF_GROUP = {WITHIN_POLICE_REPORT_HOURS: "police_report", WITHIN_REGISTRATION_DAYS: "safetynet"}


def group_deadline(group: str, deadlines: Sequence[Mapping], now: datetime | None = None) -> Mapping | None:
    """The deadline that dates ``group``, or None for an undated group (or a result without its deadline).

    As the deadlines stand when the result was made (their ``overdue``), or at ``now`` if given.
    """
    kind = DEADLINE_OF_GROUP.get(group)
    candidates = sorted((d for d in deadlines if d["kind"] == kind), key=lambda d: nearest_first(d, now))
    if not candidates:
        return None
    first = candidates[0]
    passed = first["overdue"] if now is None else overdue_at(first, now)
    return max(candidates, key=ends_at) if passed else first


def nearest_first(deadline: Mapping, now: datetime | None = None) -> tuple:
    """A sort key: the deadlines not surely passed (as at ``now``, if given) before those that have, each group
    by when it may run out; one that may have passed runs out at its latest."""
    overdue = deadline["overdue"] if now is None else overdue_at(deadline, now)
    if overdue is None and deadline.get("latest"):
        return (False, datetime.fromisoformat(deadline["latest"]))
    return (bool(overdue), ends_at(deadline))
