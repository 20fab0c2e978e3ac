"""The groups of steps a result shows, by when they are due, and the group of each step.

The result puts the most urgent first, the way a person under stress needs it: what to do
now, what within the police report's hours (a condition for compensation), what within the
registration days, and the follow-up of the next weeks. A step id means the same step in
every role's checklist, so it has one group wherever it appears.
"""

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
