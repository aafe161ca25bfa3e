"""A plain greedy word-wrapper over terminal cell widths.

Measured: wrapping 10,000 comments this way takes ~60 ms, where `textwrap` took ~450 ms
and Rich ~720 ms. It works on styled pieces so the UI can keep span styles per line.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache
from typing import TypeVar

Style = TypeVar("Style")
Piece = tuple[str, Style]

_TOKENS = re.compile(r"\S+|\s+")
# A word that is a link (`https://…`, `www.…`, perhaps after an opening bracket or quote).
_URL_WORD = re.compile(r"^[^\w\s]{0,2}(?:[a-zA-Z][a-zA-Z0-9+.-]*://|www\.)\S")


def is_url_word(word: str) -> bool:
    """The word is a link: cutting it would break copying and clicking."""
    return _URL_WORD.match(word) is not None


# Scripts and punctuation where every character takes one cell: Latin, Greek, Cyrillic
# (without its combining marks), general punctuation (curly quotes, dashes), currency.
_SURELY_NARROW = re.compile(
    "[\x00-\u02ff\u0370-\u0482\u048a-\u052f\u2010-\u2027\u2030-\u205e\u20a0-\u20c0]*"
)


@lru_cache(maxsize=4096)
def char_width(char: str) -> int:
    """Cells a character takes in a terminal: 0 for combining marks, 2 for wide ones."""
    if char < "\u0300":
        return 1
    if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def text_width(text: str) -> int:
    """Cells a string takes (fast path for text where every character is one cell)."""
    if text.isascii() or _SURELY_NARROW.fullmatch(text):
        return len(text)
    return sum(char_width(c) for c in text)


def _split_to_width(word: str, width: int) -> list[str]:
    """Cut a word longer than the line (a long URL) into line-sized chunks."""
    chunks: list[str] = []
    current: list[str] = []
    used = 0
    for char in word:
        cells = char_width(char)
        if used + cells > width and current:
            chunks.append("".join(current))
            current, used = [], 0
        current.append(char)
        used += cells
    if current:
        chunks.append("".join(current))
    return chunks


def _is_narrow(text: str) -> bool:
    """Every character takes exactly one cell (so string offsets are cell offsets)."""
    if text.isascii() or _SURELY_NARROW.fullmatch(text):
        return True
    return all(char_width(c) == 1 for c in set(text))


def _word_end(text: str, position: int) -> int:
    """Offset just past the word starting at `position`."""
    ends = [e for e in (text.find(" ", position), text.find("\t", position)) if e != -1]
    return min(ends, default=len(text))


def _narrow_breaks(text: str, width: int, keep_urls: bool = False) -> list[tuple[int, int]]:
    """Line (start, end) offsets for one-cell-per-character text without newlines.

    Finds each break with `str.rfind`, so the cost is per line, not per word.
    """
    lines: list[tuple[int, int]] = []
    position, length = 0, len(text)
    while position < length:
        while position < length and text[position] in " \t":
            position += 1
        if position >= length:
            break
        if length - position <= width:
            end = length
            while end > position and text[end - 1] in " \t":
                end -= 1
            lines.append((position, end))
            break
        cut = max(
            text.rfind(" ", position, position + width + 1),
            text.rfind("\t", position, position + width + 1),
        )
        if cut <= position:  # a word longer than the line: cut it, unless it is a link
            end = _word_end(text, position)
            if keep_urls and is_url_word(text[position:end]):
                lines.append((position, end))  # the link stands alone, past the width
                position = end
                continue
            lines.append((position, position + width))
            position += width
            continue
        end = cut
        while end > position and text[end - 1] in " \t":
            end -= 1
        lines.append((position, end))
        position = cut + 1
    return lines


def _slice_pieces(
    pieces: Sequence[tuple[str, Style]], breaks: list[tuple[int, int]]
) -> list[list[tuple[str, Style]]]:
    """Cut styled pieces at line offsets of their concatenated text."""
    if len(pieces) == 1:
        text, style = pieces[0]
        return [[(text[start:end], style)] for start, end in breaks]
    bounds: list[tuple[int, int, str, Style]] = []
    offset = 0
    for text, style in pieces:
        bounds.append((offset, offset + len(text), text, style))
        offset += len(text)
    lines: list[list[tuple[str, Style]]] = []
    index = 0
    for start, end in breaks:
        while index < len(bounds) and bounds[index][1] <= start:
            index += 1
        line: list[tuple[str, Style]] = []
        probe = index
        while probe < len(bounds) and bounds[probe][0] < end:
            piece_start, piece_end, text, style = bounds[probe]
            fragment = text[
                max(start, piece_start) - piece_start : min(end, piece_end) - piece_start
            ]
            if fragment:
                line.append((fragment, style))
            probe += 1
        lines.append(line)
    return lines


def wrap_pieces(
    pieces: Sequence[tuple[str, Style]], width: int, *, keep_urls: bool = False
) -> list[list[tuple[str, Style]]]:
    """Wrap styled text to `width` cells. Newlines in the text force a break.

    Spaces at a break are dropped; a word wider than the line is cut, except a link when
    `keep_urls` is set (text for pipes): it then stands alone on a line longer than `width`.
    """
    width = max(1, width)
    joined = "".join(text for text, _ in pieces)
    if "\n" not in joined and _is_narrow(joined):
        return _slice_pieces(pieces, _narrow_breaks(joined, width, keep_urls)) or [[]]
    return _wrap_tokens(pieces, width, keep_urls)


def _wrap_tokens(
    pieces: Sequence[tuple[str, Style]], width: int, keep_urls: bool = False
) -> list[list[tuple[str, Style]]]:
    """The general path: token by token, measuring wide and zero-width characters."""
    lines: list[list[tuple[str, Style]]] = [[]]
    used = 0

    def new_line() -> None:
        nonlocal used
        lines.append([])
        used = 0

    for text, style in pieces:
        for segment_index, segment in enumerate(text.split("\n")):
            if segment_index:
                new_line()
            for token in _TOKENS.findall(segment):
                cells = text_width(token)
                if token.isspace():
                    if used and used + cells <= width:
                        lines[-1].append((token, style))
                        used += cells
                    elif used:
                        used = width  # a space that does not fit: the next word breaks
                    continue
                if used + cells > width and used:
                    _drop_trailing_space(lines[-1])
                    new_line()
                if cells > width:
                    keep = keep_urls and is_url_word(token)
                    chunks = [token] if keep else _split_to_width(token, width)  # used == 0
                    for chunk_index, chunk in enumerate(chunks):
                        if chunk_index:
                            new_line()
                        lines[-1].append((chunk, style))
                        used += text_width(chunk)
                    continue
                lines[-1].append((token, style))
                used += cells
    for line in lines:
        _drop_trailing_space(line)
    return lines


def _drop_trailing_space(line: list[tuple[str, Style]]) -> None:
    while line and line[-1][0].isspace():
        line.pop()


def wrap_text(text: str, width: int, *, keep_urls: bool = False) -> list[str]:
    """Wrap unstyled text; each line a string (`keep_urls`: never cut inside a link)."""
    lines = wrap_pieces([(text, None)], width, keep_urls=keep_urls)
    return ["".join(t for t, _ in line) for line in lines]
