"""Named paths through the decision guide: one set, in one format, for every test and tool that walks it.

Each path is a name, what it is about, and the answers in the order the guide asks them, as
the contract's values (``False``, ``"unknown"``, ``["threats"]``, ``"2024-10-25T12:00"``, ``4``).
The helpers turn a path into what each user needs: an answers object (the engine, the CLI),
the form fields per screen (a browser session, the stdlib probe) or a scenario with a fixed
``now`` (the engine tests, the parity test). A user that needs a date relative to today (the
e2e tests, the benchmark) moves the path's incident to that day where it walks it
(``tests.harness.guide_driver.screen_values``); the answers stay here.

Pure data and functions of the engine only, so ``tools/`` and ``tests/`` both import it.
"""

from dataclasses import dataclass

from tools.runtime.stdlib import PROBE_STEPS
from wizard.questions import form_values


@dataclass(frozen=True)
class AnswerPath:
    name: str
    about: str
    # (question id, answer) in the order the guide asks them; several choices in the options' order,
    # as the session keeps them.
    steps: tuple[tuple[str, object], ...]


def answers(path: AnswerPath) -> dict:
    """The answers object the engine and ``python -m wizard evaluate`` take (a fresh one: callers change it)."""
    return {question_id: list(value) if isinstance(value, list) else value for question_id, value in path.steps}


def forms(path: AnswerPath) -> list[tuple[str, dict[str, list[str]]]]:
    """Each question with the form fields a reader sends for its answer, in the order asked."""
    return [(question_id, form_values(question_id, value)) for question_id, value in path.steps]


def answer_requests(path: AnswerPath) -> list[dict]:
    """The session requests (``wizard.session.respond``) that answer the path, screen by screen."""
    return [{"action": "answer", "question": question_id, "form": form} for question_id, form in forms(path)]


def scenario(path: AnswerPath, now: str) -> dict:
    """The path as a scenario evaluated at the fixed time ``now`` (ISO 8601)."""
    return {"name": path.name, "about": path.about, "answers": answers(path), "now": now}


EMPLOYEE_THREATENED = AnswerPath(
    "employee_threatened",
    "An employee threatened in the afternoon, outside work hours, someone in danger, high impact, absent.",
    (
        ("danger_now", True),
        ("role", "employee"),
        ("behaviours", ["threats"]),
        ("incident_at", "2024-10-24T14:00"),
        ("outside_work_hours", True),
        ("absence", True),
        ("treatment", False),
        ("wants_work_accident", False),
        ("impact", 8),
        ("repeated", False),
    ),
)
MANAGER_ADDRESS_PUBLISHED = AnswerPath(
    "manager_address_published",
    "A manager whose employee's private address was published, repeatedly, first and latest on dates without "
    "time. The longest path a reader takes without a recording.",
    (
        ("danger_now", False),
        ("role", "manager"),
        ("behaviours", ["private_info"]),
        ("incident_at", "2024-10-22"),
        ("outside_work_hours", False),
        ("absence", False),
        ("treatment", False),
        ("wants_work_accident", False),
        ("impact", 3),
        ("repeated", True),
        ("latest_incident_at", "2024-10-23"),
    ),
)
CRITICISM_ONLY = AnswerPath(
    "criticism_only",
    "A colleague reports lawful criticism only, today, date without time, and knows the colleague's answers.",
    (
        ("danger_now", False),
        ("role", "colleague"),
        ("behaviours", ["criticism"]),
        ("incident_at", "2024-10-25"),
        ("colleague_knows", True),
        ("absence", False),
        ("treatment", False),
        ("wants_work_accident", False),
    ),
)
MANAGER_THREATENED_AT_WORK = AnswerPath(
    "manager_threatened_at_work",
    "A manager's employee had her private information posted with threats at noon, in work hours, repeatedly, "
    "the latest the same evening.",
    (
        ("danger_now", False),
        ("role", "manager"),
        ("behaviours", ["threats", "private_info"]),
        ("incident_at", "2024-10-25T12:00"),
        ("outside_work_hours", False),
        ("absence", False),
        ("treatment", False),
        ("wants_work_accident", False),
        ("impact", 4),
        ("repeated", True),
        ("latest_incident_at", "2024-10-25T17:45"),
    ),
)
RECORDING_PERHAPS_SHARED = AnswerPath(
    "recording_perhaps_shared",
    "An employee criticised and recorded; whether the recording was passed on is not known. A registration may "
    "come, so impact and repetition are asked.",
    (
        ("danger_now", False),
        ("role", "employee"),
        ("behaviours", ["recording", "criticism"]),
        ("recording_shared", "unknown"),
        ("incident_at", "2024-10-14T09:30"),
        ("absence", True),
        ("treatment", False),
        ("wants_work_accident", False),
        ("impact", 7),
        ("repeated", False),
    ),
)
THREATENED_IN_DANGER = AnswerPath(
    "threatened_in_danger",
    "A manager: private information and threats, someone in danger now, impact and repetition not known, "
    "treatment and a work-accident report wished.",
    (
        ("danger_now", True),
        ("role", "manager"),
        ("behaviours", ["threats", "private_info"]),
        ("incident_at", "2024-10-14T09:30"),
        ("outside_work_hours", True),
        ("absence", True),
        ("treatment", True),
        ("wants_work_accident", True),
        ("impact", "unknown"),
        ("repeated", "unknown"),
    ),
)
RECORDING_KEPT = AnswerPath(
    "recording_not_shared_colleague",
    "A citizen recorded a meeting they took part in and kept it to themselves.",
    (
        ("danger_now", False),
        ("role", "colleague"),
        ("behaviours", ["recording"]),
        ("recording_shared", False),
        ("incident_at", "2024-06-03T13:00"),
        ("colleague_knows", True),
        ("absence", False),
        ("treatment", False),
        ("wants_work_accident", False),
    ),
)
CRITICISM_WORK_ACCIDENT_WISH = AnswerPath(
    "criticism_work_accident_wish_employee",
    "Lawful criticism, but the employee wishes a work-accident report: it SKAL be reported, by the "
    "registration deadline, with the 1-10 assessment and the action-plan rule.",
    (
        ("danger_now", False),
        ("role", "employee"),
        ("behaviours", ["criticism"]),
        ("incident_at", "2024-10-14T10:00"),
        ("absence", False),
        ("treatment", False),
        ("wants_work_accident", True),
        ("impact", 4),
        ("repeated", False),
    ),
)
RECORDING_PUBLISHED = AnswerPath(
    "recording_published_manager",
    "The recording was put online; impact 4, not repeated: no action plan.",
    (
        ("danger_now", False),
        ("role", "manager"),
        ("behaviours", ["recording"]),
        ("recording_shared", True),
        ("incident_at", "2024-05-06T11:00"),
        ("outside_work_hours", False),
        ("absence", False),
        ("treatment", False),
        ("wants_work_accident", False),
        ("impact", 4),
        ("repeated", False),
    ),
)
THREATS_AFTER_HOURS_IN_DANGER = AnswerPath(
    "threats_after_hours_in_danger",
    "Threats in the evening, someone in danger now, high impact.",
    (
        ("danger_now", True),
        ("role", "employee"),
        ("behaviours", ["threats"]),
        ("incident_at", "2024-09-12T21:40"),
        ("outside_work_hours", True),
        ("absence", False),
        ("treatment", True),
        ("wants_work_accident", False),
        ("impact", 8),
        ("repeated", False),
    ),
)
FAKE_PROFILE_AND_PRIVATE_INFO = AnswerPath(
    "fake_profile_and_private_info_manager",
    "A fake profile with the employee's picture and private address: data protection and criminal.",
    (
        ("danger_now", False),
        ("role", "manager"),
        ("behaviours", ["private_info", "fake_profile"]),
        ("incident_at", "2024-02-19T08:30"),
        ("outside_work_hours", False),
        ("absence", False),
        ("treatment", False),
        ("wants_work_accident", False),
        ("impact", 6),
        ("repeated", False),
    ),
)
REPEATED_MESSAGES_WORK_ACCIDENT = AnswerPath(
    "repeated_messages_colleague_work_accident",
    "Insulting texts to the work phone, repeatedly, first and latest on dates without time; the colleague is "
    "absent.",
    (
        ("danger_now", False),
        ("role", "colleague"),
        ("behaviours", ["insults", "work_phone_messages"]),
        ("incident_at", "2024-04-03"),
        ("outside_work_hours", False),
        ("colleague_knows", True),
        ("absence", True),
        ("treatment", False),
        ("wants_work_accident", False),
        ("impact", 3),
        ("repeated", True),
        ("latest_incident_at", "2024-04-08"),
    ),
)
STALKING_DATE_ONLY_UNKNOWNS = AnswerPath(
    "stalking_date_only_unknowns_colleague",
    "Stalking, date without time, impact and repetition not known: action plan cannot be decided.",
    (
        ("danger_now", False),
        ("role", "colleague"),
        ("behaviours", ["stalking"]),
        ("incident_at", "2024-01-15"),
        ("outside_work_hours", False),
        ("colleague_knows", True),
        ("absence", False),
        ("treatment", False),
        ("wants_work_accident", False),
        ("impact", "unknown"),
        ("repeated", "unknown"),
    ),
)
MANAGER_THREATS_ADDRESS_ABSENT = AnswerPath(
    "manager_threats_address_absent",
    "A manager: threats and the employee's private information, high impact, the employee absent; the result "
    "screen's tests read it a day and more after.",
    (
        ("danger_now", False),
        ("role", "manager"),
        ("behaviours", ["threats", "private_info"]),
        ("incident_at", "2024-10-14T09:30"),
        ("outside_work_hours", False),
        ("absence", True),
        ("treatment", False),
        ("wants_work_accident", False),
        ("impact", 8),
        ("repeated", False),
    ),
)
# Issue 20: time counts per incident, and every duty holds at the edges.
SERIES_OF_EMAILS_COLLEAGUE = AnswerPath(
    "series_of_emails_colleague",
    "A colleague reports a series of insulting e-mails: the first eight days before, the latest the day before. "
    "The colleague does not know the harassed colleague's own answers, so one question skips them. The first "
    "e-mail's police deadline has passed; the latest's has not.",
    (
        ("danger_now", False),
        ("role", "colleague"),
        ("behaviours", ["insults"]),
        ("incident_at", "2024-10-14T09:00"),
        ("outside_work_hours", False),
        ("colleague_knows", False),
        ("repeated", True),
        ("latest_incident_at", "2024-10-21T16:30"),
    ),
)
LAWFUL_WORK_ACCIDENT_MANAGER = AnswerPath(
    "lawful_work_accident_manager",
    "Lawful criticism, repeatedly, impact 8, the employee absent: a work accident, registered with the 1-10 "
    "assessment and an action plan.",
    (
        ("danger_now", False),
        ("role", "manager"),
        ("behaviours", ["criticism"]),
        ("incident_at", "2024-10-07T10:00"),
        ("absence", True),
        ("treatment", False),
        ("wants_work_accident", False),
        ("impact", 8),
        ("repeated", True),
        ("latest_incident_at", "2024-10-14T11:00"),
    ),
)
EMPLOYEE_JUST_THREATENED = AnswerPath(
    "employee_just_threatened",
    "An employee threatened forty minutes before: not sure yet about the work hours, a treatment need, the wish "
    "to report or the impact.",
    (
        ("danger_now", False),
        ("role", "employee"),
        ("behaviours", ["threats"]),
        ("incident_at", "2024-10-14T09:20"),
        ("outside_work_hours", "unknown"),
        ("absence", False),
        ("treatment", "unknown"),
        ("wants_work_accident", "unknown"),
        ("impact", "unknown"),
        ("repeated", False),
    ),
)
MANAGER_OPEN_DECISIONS = AnswerPath(
    "manager_open_decisions",
    "A manager who has not yet asked the employee about the work accident, the impact or repetition: the open "
    "decisions become dated steps.",
    (
        ("danger_now", False),
        ("role", "manager"),
        ("behaviours", ["fake_profile"]),
        ("incident_at", "2024-10-14"),
        ("outside_work_hours", False),
        ("absence", "unknown"),
        ("treatment", "unknown"),
        ("wants_work_accident", "unknown"),
        ("impact", "unknown"),
        ("repeated", "unknown"),
    ),
)
VIDEO_OF_A_MEETING = AnswerPath(
    "video_of_a_meeting_employee",
    "A video of a meeting put online: video, under Databeskyttelsesloven, not a sound recording.",
    (
        ("danger_now", False),
        ("role", "employee"),
        ("behaviours", ["video"]),
        ("incident_at", "2024-10-14T15:00"),
        ("outside_work_hours", False),
        ("absence", False),
        ("treatment", False),
        ("wants_work_accident", False),
        ("impact", 6),
        ("repeated", False),
    ),
)
EVERY_KIND_OF_ANSWER = AnswerPath(
    "every_kind_of_answer",
    "A manager, someone in danger: a recording perhaps passed on, private information and threats, impact not "
    "known, repeated. Every kind of screen and answer the guide has; the build's stdlib probe walks it.",
    PROBE_STEPS,
)

PATHS = (
    EMPLOYEE_THREATENED,
    MANAGER_ADDRESS_PUBLISHED,
    CRITICISM_ONLY,
    MANAGER_THREATENED_AT_WORK,
    RECORDING_PERHAPS_SHARED,
    THREATENED_IN_DANGER,
    RECORDING_KEPT,
    CRITICISM_WORK_ACCIDENT_WISH,
    RECORDING_PUBLISHED,
    THREATS_AFTER_HOURS_IN_DANGER,
    FAKE_PROFILE_AND_PRIVATE_INFO,
    REPEATED_MESSAGES_WORK_ACCIDENT,
    STALKING_DATE_ONLY_UNKNOWNS,
    MANAGER_THREATS_ADDRESS_ABSENT,
    SERIES_OF_EMAILS_COLLEAGUE,
    LAWFUL_WORK_ACCIDENT_MANAGER,
    EMPLOYEE_JUST_THREATENED,
    MANAGER_OPEN_DECISIONS,
    VIDEO_OF_A_MEETING,
    EVERY_KIND_OF_ANSWER,
)
