"""The adopted guideline's text, cut into headings and sentences, and which sentences are normative.

The guideline is a plain-text file (``content/guideline/``) with light Markdown: ``**bold**``,
``[link](#)``, list items that start with "- " or "– ". After the title page and the table of
contents, a line on its own is a heading, a paragraph or a list item; a line right after a list
item continues it. A sentence is normative when it belongs to a list (an item, or a paragraph
between two items of one list, such as the leader's "Det betyder, at ...") or when it states a
duty, a number, a deadline or something legal. Pure functions on text; nothing here reads
MkDocs or the engine.
"""

import re
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
GUIDELINE_FILE = ROOT / "content" / "guideline" / "retningslinje-digital-chikane-2024.txt"

# Why a sentence counts as normative, each with the words that make it so. Words match from their start;
# Danish compounds carry a law's name at their end ("Straffeloven", "voldsoffererstatningsloven"), so that
# pattern matches inside a word. A sentence that opens with an imperative is a duty too: Danish has no
# general mark for the imperative, so these are the verbs the guideline's instructions open with.
# Danish letters are written as escapes (\u00e6 ae, \u00f8 o-slash, \u00e5 a-ring, \u00e9 e-acute, capitals
# \u00c6 \u00d8 \u00c5): Danish text lives in content files, and the check for that finds no Danish letter here.
NORMATIVE_MARKERS = {
    "duty": re.compile(
        r"\b(?:skal|pligt|altid|aldrig|husk|s\u00f8rg|nultolerance|t\u00e5les)\b"
        r"|^(?:S\u00f8g|S\u00f8rg|Husk|Kontakt|Tag|Afklar|Registrer|Dokument\u00e9r|Orient\u00e9r|Brug"
        r"|Undg\u00e5|V\u00e6r)\b",
        re.I,
    ),
    "number": re.compile(r"\d"),
    "deadline": re.compile(r"\b(?:senest|frist\w*|tidsfrist\w*|inden ?for|hurtigt som muligt)\b", re.I),
    "legal": re.compile(
        r"\b(?:strafbar\w*|straf|strafferet\w*|ulovlig\w*|politi\w*"
        r"|erstatning\w*|ytringsfrihed\w*|Datatilsynet|samtykke|b\u00f8destraf|f\u00e6ngsel|injurier|bagvaskelse"
        r"|arbejdsulykke\w*|aktindsigt)\b|\w*lov(?:en|e|ene|givning\w*|lig\w*)?\b",
        re.I,
    ),
}

ELLIPSIS = "…"
_LIST_ITEM = re.compile(r"^[-–] ")
_BOLD = re.compile(r"\*\*(.+?)\*\*")
_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
# A sentence ends at . ! or ? before a capital letter or a quotation mark (abbreviations such as "fx" and
# "evt." are followed by lower case); a paragraph or item ending in ":" is one sentence. The capitals
# include the Danish \u00c6, \u00d8 and \u00c5 (escaped, as above).
_SENTENCE_END = re.compile(r'(?<=[.!?])\s+(?=[A-Z\u00c6\u00d8\u00c5"\u201c])')
_TOC_ENTRY = re.compile(r"^(.*?)[.\s]*\t\d+$")
# A line of its own that is short and ends without a full stop, colon or closing bracket is a heading.
_HEADING_WORDS = 10
_TYPOGRAPHIC = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'", "’": "'"})


@dataclass(frozen=True)
class Sentence:
    """One sentence of the guideline in its plain text (no Markdown), with where it stands and why it matters."""

    text: str
    heading: str  # the adopted text's heading above it
    in_list: bool
    markers: tuple[str, ...]  # the kinds of NORMATIVE_MARKERS it contains

    @property
    def normative(self) -> bool:
        return self.in_list or bool(self.markers)


@dataclass(frozen=True)
class Guideline:
    """The guideline's body after the title page and table of contents."""

    headings: tuple[str, ...]
    sentences: tuple[Sentence, ...]

    @property
    def plain(self) -> str:
        """The whole body as plain text, normalised (see :func:`normalise`), for looking up quotes."""
        return normalise(" ".join([*self.headings, *(s.text for s in self.sentences)]))

    @property
    def normative(self) -> tuple[Sentence, ...]:
        return tuple(s for s in self.sentences if s.normative)


def normalise(text: str) -> str:
    """``text`` with typographic quotes made straight and all whitespace as single spaces."""
    return " ".join(text.translate(_TYPOGRAPHIC).split())


def quoted_in(quote: str, body: str) -> bool:
    """Whether ``quote`` stands in ``body`` (a normalised text): "…" joins verbatim pieces, in order."""
    position = 0
    for piece in (normalise(p).strip(" .") for p in quote.split(ELLIPSIS)):
        if not piece:
            continue
        found = body.find(piece, position)
        if found < 0:
            return False
        position = found + len(piece)
    return True


def corrected(body: str, corrections: list[tuple[str, str]]) -> str:
    """A normalised ``body`` as the web edition words it: each (adopted, published) correction applied."""
    for adopted, published in corrections:
        body = body.replace(normalise(adopted), normalise(published))
    return body


def plain(markdown: str) -> str:
    """A line of the guideline file without its Markdown: bold marks and link targets removed."""
    return _LINK.sub(r"\1", _BOLD.sub(r"\1", markdown))


def markers(text: str) -> tuple[str, ...]:
    """The kinds of normative markers in ``text``, in :data:`NORMATIVE_MARKERS` order."""
    return tuple(kind for kind, pattern in NORMATIVE_MARKERS.items() if pattern.search(text))


def split_sentences(text: str) -> list[str]:
    """The sentences of one paragraph or list-item line."""
    return [part for part in _SENTENCE_END.split(" ".join(text.split())) if part]


def read(path: Path = GUIDELINE_FILE) -> Guideline:
    return parse(path.read_text(encoding="utf-8"))


def parse(text: str) -> Guideline:
    """Headings and sentences of the guideline file's body."""
    lines = [line.rstrip() for line in text.splitlines()]
    toc = _table_of_contents(lines)
    blocks = _blocks(lines[_body_start(lines) :])
    headings: list[str] = []
    sentences: list[Sentence] = []
    heading = ""
    for index, (kind, lines_of_block) in enumerate(blocks):
        first = lines_of_block[0]
        if kind == "paragraph" and _is_heading(first, toc):
            heading = plain(first)
            headings.append(heading)
            continue
        in_list = kind == "item" or _between_items(blocks, index)
        for line in lines_of_block:
            for sentence in split_sentences(plain(line)):
                sentences.append(Sentence(sentence, heading, in_list, markers(sentence)))
    return Guideline(tuple(headings), tuple(sentences))


def title_page(text: str) -> list[str]:
    """The lines of the title page: the non-empty lines before the table of contents, less its own heading."""
    lines = [line.strip() for line in text.splitlines()]
    first_entry = next((i for i, line in enumerate(lines) if _TOC_ENTRY.match(line)), 0)
    return [line for line in lines[:first_entry] if line][:-1]


def _table_of_contents(lines: list[str]) -> set[str]:
    """The headings the table of contents lists ("Indhold", one per line with a page number)."""
    return {match.group(1).strip() for line in lines if (match := _TOC_ENTRY.match(line)) and match.group(1).strip()}


def _body_start(lines: list[str]) -> int:
    """The index of the first line after the title page and table of contents (its entries end with a page number)."""
    return max((i + 1 for i, line in enumerate(lines) if _TOC_ENTRY.match(line)), default=0)


def _blocks(lines: list[str]) -> list[tuple[str, list[str]]]:
    """Paragraphs and list items, each with its lines (an item's continuation lines included)."""
    blocks: list[tuple[str, list[str]]] = []
    in_item = False
    for raw in lines:
        line = raw.strip()
        if not line:
            in_item = False
        elif _LIST_ITEM.match(line):
            blocks.append(("item", [line[2:]]))
            in_item = True
        elif in_item:
            blocks[-1][1].append(line)
        else:
            blocks.append(("paragraph", [line]))
    return blocks


def _is_heading(line: str, toc: set[str]) -> bool:
    text = plain(line)
    if text.rstrip(".") in toc:
        return True
    return len(text.split()) <= _HEADING_WORDS and not text.endswith((".", ":", ")", "!")) and text == line


def _between_items(blocks: list[tuple[str, list[str]]], index: int) -> bool:
    """A paragraph between two items of one list (not one that opens a list of its own)."""
    before = blocks[index - 1][0] if index > 0 else None
    after = blocks[index + 1][0] if index + 1 < len(blocks) else None
    return before == "item" and after == "item" and not blocks[index][1][-1].endswith(":")
