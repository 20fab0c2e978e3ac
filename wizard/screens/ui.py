"""The guide's own words (buttons, headings, status lines, notices) from ``content/texts/ui.yaml``, in one table.

Every id is named here, once, and read when the module is imported, so the build can tell an entry that nothing
uses from one that is used (engine content such as steps and notes has texts of its own).
"""

from wizard import content

_IDS = (
    # The questions
    "continue", "back", "progress", "error_title", "error_prefix", "date_label", "date_range", "date_today",
    "date_yesterday", "time_label", "time_hint",
    # Restart and clear the answers, each asking first
    "restart", "clear", "clear_hint", "restart_question", "restart_yes", "clear_question", "clear_yes",
    "keep_answers", "cleared", "kept_unreadable",
    # Open a saved case (asking first where answers would be replaced)
    "open_case", "open_question", "open_yes", "opening",
    # The answers to check
    "check_title", "check_intro", "check_change", "check_submit",
    # Links to the guideline, and the mark on what is not in it
    "read_section", "read_guideline", "basis_guide", "basis_legal_notes", "howto",
    # The result's marks, explained once in a legend, and a task's status
    "mark_guideline", "mark_legal_notes", "mark_guide", "legend", "legend_guideline", "legend_legal_notes",
    "legend_guide", "status_of",
    # Status lines while the guide loads, and when the result is copied
    "loading", "ready", "kept_while_loading", "restoring", "copied", "copy_manually", "case_not_kept",
    # The danger screen (112 and the advice are the guide's own)
    "danger_call", "danger_intro", "danger_waiting", "danger_own", "danger_safe", "danger_safe_text",
    "danger_continue",
    # The result
    "result_title", "stamp", "guideline_stamp", "summary", "no_deadlines", "steps", "group_now",
    "group_within_police_report_hours", "group_within_registration_days", "group_next_weeks", "group_due_safetynet",
    "group_due_police_report", "group_undecided", "group_overdue_safetynet", "group_overdue_police_report", "notes",
    "assessment", "offences_intro", "decisions", "other_steps", "legal", "legal_intro", "legal_more",
    # A deadline in words, and the time left
    "at_clock", "yesterday", "today", "tomorrow", "left", "and", "day", "days", "hour", "hours", "minute",
    "minutes", "under_a_minute", "flag_urgent", "flag_overdue", "counted_from_day", "overdue", "overdue_safetynet",
    "overdue_police_report", "undecided_advice",
    # Why: the reader's own answers behind a reason
    "because", "because_yes", "because_no", "because_unknown", "because_scale", "because_scale_unknown",
    "because_chosen", "claim_danger_now", "claim_recording_shared", "claim_outside_work_hours", "claim_repeated",
    "claim_absence", "claim_treatment", "claim_wants_work_accident",
    # The result's tools
    "save", "saved", "print", "calendar", "calendar_ready", "copy", "copy_label", "change_answers",
    "calendar_summary", "calendar_summary_overdue", "calendar_description", "calendar_stamp",
    # The case: the note, the drafts, the evidence log, the reminders, and the tasks' buttons that open them
    "case_title", "case_intro", "note_intro", "draft_text", "copy_draft", "csv", "csv_ready", "escalation",
    "reminders_title", "reminders_choose", "open_registration", "open_plan", "open_log", "open_notice",
    "open_reminders",
    # Said above the current screen when a request cannot be carried out; the answers stay as they were
    "notice_bad_request", "notice_not_asked", "notice_not_changeable", "notice_incomplete", "notice_no_result",
    "notice_no_deadlines", "notice_internal", "notice_too_long",
)
UI = {id: content.text("ui", id) for id in _IDS}

RESULT_TITLE = UI["result_title"]
# What to do while waiting for 112, in the order it is shown.
DANGER_ADVICE = tuple(
    content.text("ui", f"danger_advice.{id}") for id in ("stay_on_the_line", "get_away", "not_alone", "keep_everything")
)
