"""Marking matched words: in wrapped body lines, and in one-line snippets for hit lists."""

from __future__ import annotations

from threads.comment_lines import Line
from threads.tokens import word_spans
from threads.wrap import text_width

MATCH = "match"  # style modifier added to matched words


def highlight_line(line: Line, wanted: frozenset[str]) -> Line:
    """Split a line's pieces so every word in `wanted` (normalised) gets the `match` style."""
    if not wanted:
        return line
    out: Line = []
    for text, key in line:
        position = 0
        for start, end, word in word_spans(text):
            if word in wanted:
                if start > position:
                    out.append((text[position:start], key))
                out.append((text[start:end], (*key, MATCH)))
                position = end
        if position < len(text):
            out.append((text[position:], key))
    return out


def snippet(text: str, wanted: frozenset[str], width: int) -> Line:
    """One line of `text` around its first matched word, matched words marked.

    Newlines become spaces; `…` marks text cut at either end.
    """
    flat = " ".join(text.split())
    first = next((start for start, _, word in word_spans(flat) if word in wanted), 0)
    begin = max(0, first - width // 3)
    if begin:
        space = flat.rfind(" ", 0, begin)  # start on a word boundary when close enough
        begin = space + 1 if space >= 0 and begin - space < 12 else begin
    window = flat[begin:]
    prefix = "…" if begin else ""
    room = width - len(prefix)
    if text_width(window) > room:
        window = _cut(window, room - 1) + "…"
    return highlight_line([(prefix + window, ("snippet",))], wanted)


def _cut(text: str, cells: int) -> str:
    used = 0
    for index, char in enumerate(text):
        used += text_width(char)
        if used > cells:
            return text[:index]
    return text
