"""The guide's question flow as a table, so the page can walk every question before Python is ready.

Which questions are asked depends, through the named conditions of :mod:`wizard.conditions`, on
a few earlier answers (today: the behaviours, and whether a recording was shared). The build
finds those answers by watching what the conditions read, runs every question's condition on
every combination of them, and writes down which questions each combination asks. The page
(``flow.js``, for ``path.js``) walks the questions in order with that table, as
:func:`wizard.flow.position` does, so it holds no rule of its own: change a condition and the next build changes the
table. A condition that reads an answer no choice gives (a date) cannot be tabled; the build
stops and says which.
"""

import string
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from itertools import product

from wizard.contract import AnswerError
from wizard.questions import (
    QUESTIONS,
    QUESTIONS_BY_ID,
    Question,
    asking_facts,
    parse_form,
)

# One character per combination: the index of its set of asked questions in ``masks``.
MASK_DIGITS = string.digits + string.ascii_letters
# Beyond this the table would weigh more than the page it rides on.
MAX_COMBINATIONS = 100_000
CHOICE_KINDS = ("single", "multiple", "scale")


@dataclass(frozen=True)
class Deciding:
    """An answer some condition reads, with its states: 0 is unanswered, then each answer the form can give.

    A single choice's state is 1 + the option's index; a multiple choice's is the bit mask of
    the options chosen (bit *i* for option *i*), so nothing chosen is unanswered.
    """

    question: str
    options: tuple[str, ...]
    multiple: bool

    @property
    def states(self) -> int:
        return 2 ** len(self.options) if self.multiple else 1 + len(self.options)

    def form(self, state: int) -> dict[str, list[str]] | None:
        """The form fields of ``state``, or None for unanswered."""
        if state == 0:
            return None
        if self.multiple:
            chosen = [option for bit, option in enumerate(self.options) if state >> bit & 1]
        else:
            chosen = [self.options[state - 1]]
        return {self.question: chosen}


class _Reads(Mapping):
    """Answers that note every key a condition asks for, present or not."""

    def __init__(self, answers: Mapping):
        self._answers = answers
        self.read: set[str] = set()

    def __getitem__(self, key):
        self.read.add(key)
        return self._answers[key]

    def __contains__(self, key):
        self.read.add(key)
        return key in self._answers

    def __iter__(self) -> Iterator:
        raise TypeError("a condition that looks at every answer cannot be tabled")

    def __len__(self) -> int:
        raise TypeError("a condition that looks at every answer cannot be tabled")


def deciding(question: Question) -> Deciding:
    """``question`` as an answer the table can enumerate; refused for a question no choice answers."""
    if question.kind not in CHOICE_KINDS:
        raise ValueError(
            f"a condition reads {question.id!r}, which is not answered by a choice: the page cannot table it"
        )
    return Deciding(question.id, tuple(o.id for o in question.options), question.kind == "multiple")


def _answers(keys: tuple[Deciding, ...], states: tuple[int, ...]) -> dict | None:
    """The engine's answers for one combination, or None if the engine refuses one of its forms."""
    answers = {}
    for key, state in zip(keys, states, strict=True):
        form = key.form(state)
        if form is not None:
            try:
                answers[key.question] = parse_form(key.question, form)
            except AnswerError:
                return None
    return answers


def _combinations(keys: tuple[Deciding, ...]) -> Iterator[tuple[int, ...]]:
    """Every combination of states, the first key's state varying slowest (the page indexes so)."""
    return product(*(range(key.states) for key in keys))


def _reads(answers: Mapping) -> tuple[int, set[str]]:
    """Which questions ``answers`` ask (a bit per question, in order), and the answers the conditions read."""
    watched = _Reads(answers)
    # Question.asked_when, with the facts found once for all the questions.
    facts = asking_facts(watched)
    mask = sum(1 << bit for bit, question in enumerate(QUESTIONS) if question.asked_if(facts))
    return mask, watched.read


def flow_table() -> dict:
    """The table the page walks: question order, the deciding answers, and each combination's questions.

    The deciding answers are found by a fixed point: start with none, enumerate their
    combinations, add every answer a condition read, until nothing new is read.
    """
    keys: tuple[Deciding, ...] = ()
    while True:
        if _size(keys) > MAX_COMBINATIONS:
            raise ValueError(f"the questions' conditions read too many combinations for the page: {_size(keys)}")
        masks, read = [], set()
        for states in _combinations(keys):
            answers = _answers(keys, states)
            if answers is None:
                masks.append(None)
                continue
            mask, seen = _reads(answers)
            masks.append(mask)
            read |= seen
        known = {key.question for key in keys}
        unknown = [QUESTIONS_BY_ID.get(name) for name in sorted(read - known)]
        if None in unknown:
            raise ValueError(f"a condition reads an answer that is not a question: {sorted(read - known)}")
        if not unknown:
            break
        keys = tuple(deciding(q) for q in QUESTIONS if q.id in known or q in unknown)
    distinct = sorted({m for m in masks if m is not None})
    if len(distinct) >= len(MASK_DIGITS):
        raise ValueError(f"too many different sets of questions for the page's table: {len(distinct)}")
    # A combination the engine refuses never reaches the table's reader; it gets the last digit.
    asked = "".join(MASK_DIGITS[distinct.index(m)] if m is not None else MASK_DIGITS[-1] for m in masks)
    return {
        "questions": [q.id for q in QUESTIONS],
        "deciding": [{"question": k.question, "options": list(k.options), "multiple": k.multiple} for k in keys],
        "digits": MASK_DIGITS,
        "masks": distinct,
        "asked": asked,
    }


def _size(keys: tuple[Deciding, ...]) -> int:
    size = 1
    for key in keys:
        size *= key.states
    return size
