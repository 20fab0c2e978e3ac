"""The screens the guide's page holds for the time before Python is ready are the engine's own."""

import re
from datetime import datetime, timezone

import pytest

from tools.guide_page import opening_questions, static_screens
from wizard import session as shell
from wizard.conditions import ALWAYS
from wizard.questions import DANGER_SCREEN, QUESTIONS

NOW = datetime(2024, 10, 26, 9, 0, tzinfo=timezone.utc)
ROOT = "../"
TEMPLATE = re.compile(r'<template data-guide-static="(?P<screen>[^"]+)"(?P<attrs>[^>]*)>(?P<html>.*?)</template>', re.S)


def templates() -> dict[tuple[str, bool], dict]:
    found = {}
    for match in TEMPLATE.finditer(static_screens(opening_questions(), root=ROOT)):
        attrs = dict(re.findall(r'([\w-]+)="([^"]*)"', match["attrs"]))
        error = " data-error" in match["attrs"]
        found[match["screen"], error] = {**attrs, "html": match["html"], "local": " data-local" in match["attrs"]}
    return found


def engine_reply(answered: list[tuple[str, list[str]]], form: dict | None = None, question: str | None = None) -> dict:
    """The engine's reply after the answers ``answered``; with ``question``, to the answer ``form`` to it."""
    session = shell.Session()
    reply = shell.respond(session, {"action": "current", "root": ROOT}, NOW)
    for answered_id, values in answered:
        reply = shell.respond(session, {"action": "answer", "question": answered_id, "form": {answered_id: values},
                                          "root": ROOT}, NOW)
    if question is not None:
        reply = shell.respond(session, {"action": "answer", "question": question, "form": form, "root": ROOT}, NOW)
    return reply


def test_the_opening_questions_are_those_asked_before_any_condition():
    opening = opening_questions()
    assert opening[0] is QUESTIONS[0]
    assert all(q.asked_if is ALWAYS and q.options and not q.by_role for q in opening)
    following = QUESTIONS[len(opening)]
    assert following.asked_if is not ALWAYS or not following.options or following.by_role


@pytest.mark.parametrize("index", range(len(opening_questions())))
def test_each_opening_screen_is_the_engines_screen(index):
    opening = opening_questions()
    question = opening[index]
    # The earlier questions answered with an option that leads straight on.
    answered = [(q.id, [next(o.id for o in q.options if not o.leads_to)]) for q in opening[:index]]
    page = templates()
    reply = engine_reply(answered)
    assert reply["screen"] == question.id
    shown = page[question.id, False]
    assert (shown["html"], shown["data-anchor"], shown["data-title"]) == (reply["html"], reply["anchor"], reply["title"])
    assert shown["data-next"] == (opening[index + 1].id if index + 1 < len(opening) else "")
    # Nothing chosen: the engine's own error screen.
    refused = engine_reply(answered, {}, question.id)
    error = page[question.id, True]
    assert (error["html"], error["data-title"]) == (refused["html"], refused["title"])


def test_yes_to_danger_leads_to_the_112_screen_and_the_question_after_it():
    page = templates()
    (question,) = [q for q in opening_questions() if any(o.leads_to for o in q.options)]
    leading = [o.id for o in question.options if o.leads_to == DANGER_SCREEN]
    assert leading == ["yes"]
    markup = page[question.id, False]["html"]
    assert re.findall(r'value="(\w+)"[^>]*data-leads-to="danger"', markup) == leading
    danger = page[DANGER_SCREEN, False]
    assert danger["local"] and danger["data-anchor"] == shell.ANCHOR_PREFIX + DANGER_SCREEN
    assert re.search(r"<a [^>]*>", danger["html"])[0].count('href="tel:112"') == 1  # the first link calls 112
    assert "Ring 112 nu" in danger["html"] and "Guidens egne råd" in danger["html"]
    following = opening_questions()[opening_questions().index(question) + 1]
    assert f'data-continue="{following.id}"' in danger["html"]
    # The engine keeps the answer "Ja" and goes on to the next question (the result's 112 step stays).
    reply = engine_reply([(question.id, leading)])
    assert reply["screen"] == following.id
