"""Replaying a session through ``wizard.session``, as the page would drive it, at a fixed time.

The requests come from the caller (the named paths of ``tests/harness/answer_paths.py``). Also run as a
script inside Pyodide (its source is sent there), so it imports only the engine.
"""

from datetime import UTC, datetime

from wizard.session import Session, respond

NOW = datetime(2024, 10, 26, 8, 0, tzinfo=UTC)


def replay(requests: list[dict]) -> list[dict]:
    """Each reply of a fresh session to ``requests``, in order."""
    session = Session()
    return [respond(session, {**request, "root": "../"}, NOW) for request in requests]


def save_and_open(requests: list[dict]) -> list[dict]:
    """Each reply to ``requests`` (the last one a "save"), then the reply of a fresh session that opens the file."""
    replies = replay(requests)
    text = replies[-1]["download"]["content"]
    file = {"name": "sag.json", "size": len(text.encode()), "text": text}
    return [*replies, respond(Session(), {"action": "open", "file": file, "root": "../"}, NOW)]
