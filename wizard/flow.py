"""What comes next in the guide: from the answers so far, which questions are asked and where the reader is.

The questions and the conditions under which each is asked are data in :mod:`wizard.questions`;
this module only walks them. A condition reads only the answers to earlier questions, so one
walk in question order decides every question: it keeps the answers to the questions asked
(dropping answers that earlier answers no longer ask for) and finds the first one unanswered.
"""

from collections.abc import Mapping
from dataclasses import dataclass

from wizard.questions import QUESTIONS, Question


@dataclass(frozen=True)
class Position:
    """Where the answers so far lead.

    ``answers`` holds only the answers to questions that are asked; ``asked`` the questions
    asked, in order; ``next`` the first of them without an answer (None when every asked
    question is answered).
    """

    answers: Mapping
    asked: tuple[Question, ...]
    next: Question | None

    @property
    def complete(self) -> bool:
        """Whether every asked question is answered, so the answers can be checked and evaluated."""
        return self.next is None

    def is_open(self, question_id: str) -> bool:
        """Whether the reader can be on this question now: asked, with every asked question before it answered."""
        return any(q.id == question_id for q in self._reached())

    def previous(self, question_id: str) -> Question | None:
        """The asked question before this (asked) one, or None for the first."""
        ids = [q.id for q in self.asked]
        index = ids.index(question_id)
        return self.asked[index - 1] if index else None

    def after(self, question_id: str) -> Question | None:
        """The asked question after this (asked) one, answered or not, or None when it is the last."""
        ids = [q.id for q in self.asked]
        later = self.asked[ids.index(question_id) + 1:]
        return later[0] if later else None

    def _reached(self) -> tuple[Question, ...]:
        if self.next is None:
            return self.asked
        return self.asked[: self.asked.index(self.next) + 1]


def position(answers: Mapping) -> Position:
    """Where ``answers`` lead, in one walk over the questions."""
    kept = {}
    asked = []
    for question in QUESTIONS:
        if question.asked_when(kept):
            asked.append(question)
            if question.id in answers:
                kept[question.id] = answers[question.id]
    pending = next((q for q in asked if q.id not in kept), None)
    return Position(kept, tuple(asked), pending)


def prune(answers: Mapping) -> dict:
    """``answers`` without the answers to questions that the earlier answers no longer ask."""
    return position(answers).answers


def asked(answers: Mapping) -> list[Question]:
    """The questions asked given the answers so far, in order."""
    return list(position(answers).asked)


def next_question(answers: Mapping) -> Question | None:
    """The first asked question without an answer, or None when every asked question is answered."""
    return position(answers).next
