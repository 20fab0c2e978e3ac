"""The screens the guide's page holds for the time before Python is ready are the engine's own, and so is its flow."""

import re
from datetime import UTC, datetime

import pytest

from tests.harness import answer_paths
from tools.site.guide_page import static_screens
from wizard import session as shell
from wizard.contract import ROLES
from wizard.questions import DANGER_SCREEN, QUESTIONS, QUESTIONS_BY_ID

NOW = datetime(2024, 10, 26, 9, 0, tzinfo=UTC)
ROOT = "../"
TEMPLATE = re.compile(r'<template data-guide-static="(?P<screen>[^"]+)"(?P<attrs>[^>]*)>(?P<html>.*?)</template>', re.S)


def templates() -> dict[tuple[str, str, bool], dict]:
    found = {}
    for match in TEMPLATE.finditer(static_screens(root=ROOT)):
        attrs = dict(re.findall(r'([\w-]+)="([^"]*)"', match["attrs"]))
        error = " data-error" in match["attrs"]
        found[match["screen"], attrs["data-role"], error] = {
            **attrs, "html": match["html"], "local": " data-local" in match["attrs"],
        }
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


# What the page sets on a question's screen from the flow table: its number and "Tilbage"'s target.
PROGRESS = re.compile(r'(<span class="guide-progress">)[^<]*(</span>)')
BACK = re.compile(r'(data-guide-action="back" data-screen=")[^"]*(")')


def path_dependent(html: str) -> str:
    return BACK.sub(r"\1…\2", PROGRESS.sub(r"\1…\2", html))


def walked(path) -> list[tuple[dict, dict, dict]]:
    """Every question screen of ``path`` as the engine shows it: (the reply, its error reply, the answers before)."""
    session = shell.Session()
    reply = shell.respond(session, {"action": "current", "root": ROOT}, NOW)
    screens = []
    for request in answer_paths.answer_requests(path):
        assert reply["screen"] == request["question"]
        answers = dict(session.answers)
        refused = shell.respond(session, {**request, "form": {}, "root": ROOT}, NOW)
        screens.append((reply, refused, answers))
        reply = shell.respond(session, {**request, "root": ROOT}, NOW)
    return screens


def test_every_question_has_a_screen_on_the_page_for_each_of_its_wordings():
    page = templates()
    for question in QUESTIONS:
        roles = ROLES if question.worded_by_role else ("",)
        for role in roles:
            assert (question.id, role, False) in page and (question.id, role, True) in page, (question.id, role)
    assert {screen for screen, _, _ in page} == {q.id for q in QUESTIONS} | {DANGER_SCREEN, shell.CHECK}


def test_the_answers_to_check_on_the_page_have_the_engines_address_and_title():
    # Their rows are the page's to fill in from the engine's words (tests/js/check.test.mjs).
    check = templates()[shell.CHECK, "", False]
    session = shell.Session()
    for request in answer_paths.answer_requests(answer_paths.EMPLOYEE_THREATENED):
        reply = shell.respond(session, {**request, "root": ROOT}, NOW)
    assert reply["screen"] == shell.CHECK
    assert (check["data-anchor"], check["data-title"]) == (reply["anchor"], reply["title"])
    assert not check["local"]


@pytest.mark.parametrize("path", answer_paths.PATHS, ids=lambda p: p.name)
def test_each_screen_on_the_page_is_the_engines_screen_but_for_its_place_in_the_path(path):
    page = templates()
    for reply, refused, answers in walked(path):
        question = QUESTIONS_BY_ID[reply["screen"]]
        role = answers.get("role", "") if question.worded_by_role else ""
        shown, error = page[question.id, role, False], page[question.id, role, True]
        assert (shown["data-anchor"], shown["data-title"]) == (reply["anchor"], reply["title"])
        assert path_dependent(shown["html"]) == path_dependent(reply["html"])
        # Nothing chosen (no date): the engine's own error screen.
        assert error["data-title"] == refused["title"]
        assert path_dependent(error["html"]) == path_dependent(refused["html"])


def test_yes_to_danger_leads_to_the_112_screen_and_the_question_after_it():
    page = templates()
    (question,) = [q for q in QUESTIONS if any(o.leads_to for o in q.options)]
    leading = [o.id for o in question.options if o.leads_to == DANGER_SCREEN]
    assert leading == ["yes"]
    markup = page[question.id, "", False]["html"]
    assert re.findall(r'value="(\w+)"[^>]*data-leads-to="danger"', markup) == leading
    danger = page[DANGER_SCREEN, "", False]
    assert danger["local"] and danger["data-anchor"] == shell.ANCHOR_PREFIX + DANGER_SCREEN
    assert re.search(r"<a [^>]*>", danger["html"])[0].count('href="tel:112"') == 1  # the first link calls 112
    assert "Ring 112 nu" in danger["html"] and "Guidens egne råd" in danger["html"]
    following = QUESTIONS[QUESTIONS.index(question) + 1]
    assert f'data-continue="{following.id}"' in danger["html"]
    # The engine keeps the answer "Ja" and goes on to the next question (the result's 112 step stays).
    reply = engine_reply([(question.id, leading)])
    assert reply["screen"] == following.id
