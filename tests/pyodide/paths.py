"""A whole session through ``wizard.session``, as the page would drive it, at a fixed time.

Also run as a script inside Pyodide (its source is sent there), so it imports only the engine.
"""

from datetime import datetime, timezone

from wizard.session import Session, respond

NOW = datetime(2024, 10, 26, 8, 0, tzinfo=timezone.utc)

MANAGER_PATH = [
    {"action": "current"},
    {"action": "answer", "question": "danger_now", "form": {"danger_now": ["no"]}},
    {"action": "answer", "question": "role", "form": {"role": ["manager"]}},
    {"action": "answer", "question": "behaviours", "form": {"behaviours": ["private_info", "threats"]}},
    {"action": "answer", "question": "incident_at", "form": {"incident_at": ["2024-10-25"], "incident_at_time": ["12:00"]}},
    {"action": "answer", "question": "outside_work_hours", "form": {"outside_work_hours": ["no"]}},
    {"action": "answer", "question": "impact", "form": {"impact": ["4"]}},
    {"action": "answer", "question": "repeated", "form": {"repeated": ["yes"]}},
    {"action": "answer", "question": "absence", "form": {"absence": ["no"]}},
    {"action": "answer", "question": "treatment", "form": {"treatment": ["no"]}},
    {"action": "answer", "question": "wants_work_accident", "form": {"wants_work_accident": ["no"]}},
    {"action": "confirm"},
]


def replay(requests: list[dict]) -> list[dict]:
    """Each reply of a fresh session to ``requests``, in order."""
    session = Session()
    return [respond(session, {**request, "root": "../"}, NOW) for request in requests]
