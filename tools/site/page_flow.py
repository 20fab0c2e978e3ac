"""The guide's question flow as tables, so the page can walk every question before Python is ready.

Which questions are asked depends, through the named conditions of :mod:`wizard.conditions`, on
earlier answers: some directly (the role, whether a colleague knows, the work-accident answers), most
through the categories the rules find in the behaviours and the recording. A single table over every
answer any condition reads would have millions of rows, so the build makes two levels of small ones:

- the categories, as a table over the answers that decide them (:func:`wizard.rules.categories`);
- each question's condition, as a table over the categories (if it reads them) and the few answers
  it reads directly.

The build finds what each reads by watching it (an answers object that notes every key asked for,
and facts that note whether the categories were looked at), runs it on every combination, and writes
down the outcome. The page (``flow.js``, for ``path.js``) walks the questions in order with these
tables, as :func:`wizard.flow.position` does, so it holds no rule of its own: change a condition and
the next build changes the tables. A condition that reads an answer no choice gives (a date), or
anything but the answers and the categories, cannot be tabled; the build stops and says which.
"""

import string
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from itertools import product

from wizard.contract import AnswerError
from wizard.questions import QUESTIONS, QUESTIONS_BY_ID, Question, parse_form
from wizard.rules import categories

# One character per row of the categories table: the index of its set of categories in ``sets``.
MASK_DIGITS = string.digits + string.ascii_letters
# A row the engine refuses (a form it cannot read): the page leaves the decision to the engine.
REFUSED = "-"
# Beyond this one table would weigh more than the page it rides on.
MAX_COMBINATIONS = 100_000
CHOICE_KINDS = ("single", "multiple", "scale")


@dataclass(frozen=True)
class Deciding:
    """An answer some table reads, with its states: 0 is unanswered, then each answer the form can give.

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


class _Facts:
    """The facts an asking condition gets (:func:`wizard.questions.asking_facts`), noting what it looks at."""

    def __init__(self, answers: Mapping, found: tuple[str, ...]):
        self.answers = _Reads(answers)
        self._categories = found
        self.read_categories = False

    @property
    def categories(self) -> tuple[str, ...]:
        self.read_categories = True
        return self._categories

    def __getattr__(self, name: str):
        raise TypeError(f"a condition that reads {name!r} cannot be tabled: only the answers and categories can")


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


def _size(keys: tuple[Deciding, ...], first: int = 1) -> int:
    size = first
    for key in keys:
        size *= key.states
    return size


def _keys(names: set[str]) -> tuple[Deciding, ...]:
    """The answers called ``names``, in question order; an answer that is not a question stops the build."""
    unknown = sorted(name for name in names if name not in QUESTIONS_BY_ID)
    if unknown:
        raise ValueError(f"a condition reads an answer that is not a question: {unknown}")
    return tuple(deciding(q) for q in QUESTIONS if q.id in names)


def _tabled(run: Callable[[dict, tuple[str, ...]], tuple[object, set[str], bool]], sets: list[tuple] | None):
    """Run ``run`` on every combination of what it reads, found by a fixed point; the rows and what it reads.

    ``run(answers, categories)`` returns its outcome, the answers it read and whether it read the categories.
    Start with nothing read; enumerate; add what was read, until nothing new is. Rows vary the categories
    (when read) slowest, then each answer read, in question order.
    """
    names: set[str] = set()
    reads_categories = False
    while True:
        keys = _keys(names)
        choices = sets if reads_categories else [()]
        size = _size(keys, len(choices))
        if size > MAX_COMBINATIONS:
            raise ValueError(f"the questions' conditions read too many combinations for the page: {size}")
        rows, read, looked = [], set(), False
        for found, states in product(choices, product(*(range(key.states) for key in keys))):
            answers = _answers(keys, states)
            if answers is None:
                rows.append(None)
                continue
            outcome, seen, saw_categories = run(answers, found)
            rows.append(outcome)
            read |= seen
            looked |= saw_categories
        if read <= names and (looked <= reads_categories):
            return rows, keys, reads_categories
        if looked and sets is None:
            raise ValueError("the categories cannot depend on the categories")
        names |= read
        reads_categories |= looked


def _categories_run(answers: dict, _: tuple) -> tuple[tuple[str, ...], set[str], bool]:
    watched = _Reads(answers)
    return categories(watched), watched.read, False


def _condition_run(question: Question) -> Callable:
    def run(answers: dict, found: tuple[str, ...]) -> tuple[bool, set[str], bool]:
        facts = _Facts(answers, found)
        asked = question.asked_if(facts)
        return bool(asked), facts.answers.read, facts.read_categories

    return run


def flow_table() -> dict:
    """The tables the page walks: question order, the answers they read, the categories and each question's asking.

    ``answers`` lists every answer a table reads (its options, and whether several can be chosen); a table's
    ``reads`` are indices into it. ``categories.sets`` are the sets of categories the rules can find, and
    ``categories.table`` one digit (:data:`MASK_DIGITS`) per row: the index of its set. ``asks`` holds, per
    question, whether it reads the categories (then the set's index is the row's first, slowest part) and one
    character per row: "1" asked, "0" not, :data:`REFUSED` for a combination the engine refuses.
    """
    category_rows, category_keys, _ = _tabled(_categories_run, None)
    sets = sorted({row for row in category_rows if row is not None}, key=lambda s: (len(s), s))
    if len(sets) >= len(MASK_DIGITS):
        raise ValueError(f"too many different sets of categories for the page's table: {len(sets)}")
    conditions = [_tabled(_condition_run(question), sets) for question in QUESTIONS]
    names = {key.question for key in category_keys} | {key.question for _, keys, _ in conditions for key in keys}
    keys = _keys(names)
    index = {key.question: i for i, key in enumerate(keys)}
    return {
        "questions": [q.id for q in QUESTIONS],
        "answers": [{"question": k.question, "options": list(k.options), "multiple": k.multiple} for k in keys],
        "digits": MASK_DIGITS,
        "categories": {
            "reads": [index[key.question] for key in category_keys],
            "sets": [list(s) for s in sets],
            "table": "".join(REFUSED if row is None else MASK_DIGITS[sets.index(row)] for row in category_rows),
        },
        "asks": [
            {
                "reads": [index[key.question] for key in condition_keys],
                "categories": reads_categories,
                "table": "".join(REFUSED if row is None else "01"[row] for row in rows),
            }
            for rows, condition_keys, reads_categories in conditions
        ],
    }
