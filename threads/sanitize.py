"""Make remote text inert before it reaches a terminal.

Every string that comes from a site (bodies, authors, titles, URLs) passes through
`clean_text` once, at parse time, so nothing downstream has to worry about it.
"""

from __future__ import annotations

import re

# ESC-introduced sequences: CSI (cursor moves, colours), OSC (titles, OSC 8 links, OSC 52
# clipboard writes), DCS/SOS/PM/APC strings, and the two-byte escapes. String sequences may
# be terminated by BEL or ST, or never terminated at all (then they run to the end).
_ESCAPE_SEQUENCE = re.compile(
    r"""
    \x1b\[[0-?]*[ -/]*[@-~]?            # CSI
    | \x1b\][^\x07\x1b]*(?:\x07|\x1b\\)? # OSC
    | \x1b[PX^_][^\x1b]*(?:\x1b\\)?      # DCS, SOS, PM, APC
    | \x1b[ -/]*[0-~]?                   # other escapes (nF / Fp / Fe / Fs)
    """,
    re.VERBOSE,
)
# C0 controls except tab and newline, DEL, C1 controls (0x9b is an 8-bit CSI), and the
# bidi embedding/override/isolate marks that can make text display in a misleading order,
# and the Unicode line/paragraph separators (a terminal may treat them as line breaks).
_CONTROL_CHARACTERS = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]"
)
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
_ANYTHING_TO_CLEAN = re.compile(f"{_CONTROL_CHARACTERS.pattern}|{_LONE_SURROGATE.pattern}")
"""ESC is a C0 control: text this does not match needs nothing removed."""


def clean_text(text: str) -> str:
    """Return `text` with escape sequences and control characters removed.

    Carriage returns are removed too (they let text overwrite what was drawn before);
    newlines and tabs are kept. Lone surrogates become U+FFFD so the text can be encoded.
    """
    if not text or _ANYTHING_TO_CLEAN.search(text) is None:  # most text: one scan
        return text
    if "\x1b" in text:
        text = _ESCAPE_SEQUENCE.sub("", text)
    text = _CONTROL_CHARACTERS.sub("", text)
    return _LONE_SURROGATE.sub("\ufffd", text)


def clean_optional(text: str | None) -> str | None:
    """`clean_text` for values that may be missing."""
    return None if text is None else clean_text(text)
