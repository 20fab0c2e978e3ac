"""Two editions of the guideline compared sentence by sentence, with the project's own sentence splitter.

Both texts are cut by :func:`tools.content.guideline_text.parse`, so a sentence here is the same unit the
traceability table quotes. The sentences are aligned in order (:mod:`difflib`); within a stretch that
differs, an old sentence and a new one that share most of their words count as one sentence changed, and
the rest as removed or added. The title page (the lines before the table of contents) is compared too.
Pure functions on text.
"""

import difflib
import re
from dataclasses import dataclass

from tools.content.guideline_text import Guideline, Sentence, normalise

# Two sentences are one sentence changed when at least this share of their words agree, in order.
SAME_SENTENCE = 0.5
_NUMBER = re.compile(r"\d+")


@dataclass(frozen=True)
class Change:
    """One sentence added, changed or removed: ``old`` or ``new`` is None for an added or removed sentence."""

    kind: str  # "added", "changed" or "removed"
    old: Sentence | None
    new: Sentence | None

    @property
    def heading(self) -> str:
        """The heading the sentence stands under (the new edition's, for an added sentence)."""
        return (self.old or self.new).heading


def numbers(text: str) -> list[int]:
    """The numbers in a sentence, in order ("skala fra 1-10" gives [1, 10])."""
    return [int(found) for found in _NUMBER.findall(text)]


def _words(sentence: Sentence) -> list[str]:
    return normalise(sentence.text).split()


def _likeness(old: Sentence, new: Sentence) -> float:
    return difflib.SequenceMatcher(None, _words(old), _words(new), autojunk=False).ratio()


def _pair(old: list[Sentence], new: list[Sentence]) -> list[Change]:
    """A stretch that differs: each old sentence with the most alike new one still free, in order."""
    changes: list[Change] = []
    start = 0
    for sentence in old:
        scores = [(_likeness(sentence, candidate), index) for index, candidate in enumerate(new) if index >= start]
        best = max(scores, default=(0.0, -1))
        if best[0] >= SAME_SENTENCE:
            changes.extend(Change("added", None, added) for added in new[start : best[1]])
            changes.append(Change("changed", sentence, new[best[1]]))
            start = best[1] + 1
        else:
            changes.append(Change("removed", sentence, None))
    changes.extend(Change("added", None, added) for added in new[start:])
    return changes


def compare(old: Guideline, new: Guideline) -> list[Change]:
    """Every sentence added, changed or removed from ``old`` to ``new``, in the texts' order."""
    keys_old = [normalise(s.text) for s in old.sentences]
    keys_new = [normalise(s.text) for s in new.sentences]
    changes: list[Change] = []
    matcher = difflib.SequenceMatcher(None, keys_old, keys_new, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        changes.extend(_pair(list(old.sentences[i1:i2]), list(new.sentences[j1:j2])))
    return changes


def headings_changed(old: Guideline, new: Guideline) -> list[tuple[str | None, str | None]]:
    """Headings removed (new None), added (old None) or reworded, in order."""
    found: list[tuple[str | None, str | None]] = []
    matcher = difflib.SequenceMatcher(None, list(old.headings), list(new.headings), autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        before, after = list(old.headings[i1:i2]), list(new.headings[j1:j2])
        for index in range(max(len(before), len(after))):
            found.append((before[index] if index < len(before) else None, after[index] if index < len(after) else None))
    return found
