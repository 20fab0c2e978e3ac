"""Bidirectional formatting characters: taken out of what a reader typed, and shown as escapes in a message."""

# Bidirectional formatting characters (embeddings, overrides, isolates, marks). In a typed address they would
# make the copied text and the printout show the characters after them reversed or reordered; the reader never
# means them.
BIDI_CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"
_BIDI_CONTROLS = dict.fromkeys(map(ord, BIDI_CONTROLS))


def without_bidi_controls(text: str) -> str:
    """``text`` as typed, less the bidirectional formatting characters that would reorder what follows them."""
    return text.translate(_BIDI_CONTROLS)


def escaped_bidi_controls(text: str) -> str:
    """``text`` with each bidirectional formatting character as its escape (``\\u202e``), so that a message
    quoting what was typed prints in the order it was typed."""
    return text.translate(_ESCAPES)


_ESCAPES = {ord(character): f"\\u{ord(character):04x}" for character in BIDI_CONTROLS}
