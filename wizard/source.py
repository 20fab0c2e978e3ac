"""Where a text of the guide comes from: the one type the content files, their checks and the engine share."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Source:
    """``kind`` is "guideline" (``ref`` a section anchor, ``quote`` the verbatim sentence), "legal" (``ref`` a
    heading anchor on "Lovgrundlag") or "guide" (the guide's own wording)."""

    kind: str
    ref: str = ""
    quote: str = ""
