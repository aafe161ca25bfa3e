"""A comment's body as wrapped, styled lines for a given text width.

Lines are lists of `(text, style key)` pieces; a style key is a tuple of names (`quote`,
`italic`, `link`, ...) that the UI turns into a terminal style once and caches. The
header line, indentation and guides are the UI's business.
"""

from __future__ import annotations

from threads.blocks import Block, Body
from threads.footnotes import REFERENCE
from threads.wrap import text_width, wrap_pieces

StyleKey = tuple[str, ...]
Piece = tuple[str, StyleKey]
Line = list[Piece]

QUOTE_BAR = "▎ "
CODE_MARK = "│ "
CLIPPED = "›"
SPOILER = "spoiler"
"""The style-key modifier of spoiler text (Reddit `>!…!<`)."""


def _span_key(kind: str, italic: bool, bold: bool, code: bool, link: bool) -> StyleKey:
    key = [kind]
    if italic:
        key.append("italic")
    if bold:
        key.append("bold")
    if code:
        key.append("code")
    if link:
        key.append("link")
    return tuple(key)


def _block_pieces(block: Block) -> list[Piece]:
    pieces: list[Piece] = []
    for span in block.spans:
        key = _span_key(block.kind, span.italic, span.bold, span.code, span.href is not None)
        if span.href is not None:
            key = (*key, "href=" + span.href)  # the terminal can make it clickable (OSC 8)
        if span.spoiler:
            key = (*key, SPOILER)  # the UI blocks it out until the reader reveals it
        if "[" in span.text and not span.code and span.href is None:
            pieces.extend(_mark_references(span.text, key))
        else:
            pieces.append((span.text, key))
    return pieces


def _mark_references(text: str, key: StyleKey) -> list[Piece]:
    """Footnote references (`[1]`, `[a]`, `[^2]`) get their own style."""
    pieces: list[Piece] = []
    position = 0
    for match in REFERENCE.finditer(text):
        if match.start() > position:
            pieces.append((text[position : match.start()], key))
        pieces.append((match.group(), (*key, "footnote")))
        position = match.end()
    if position < len(text):
        pieces.append((text[position:], key))
    return pieces


def _code_lines(block: Block, width: int, highlight: bool) -> list[Line]:
    """Code keeps its lines unwrapped; a line too long for the screen is clipped with `›`.

    Pieces carry `("code", KIND)` keys where the block's language is known
    (threads/code_highlight.py); the tokenising is cached per block, so a new width
    only re-clips. Without `highlight` the lines are plain (the same lines: enough to
    count them, and Pygments is neither imported nor run).
    """
    room = max(1, width - len(CODE_MARK))
    if highlight:
        from threads.code_highlight import highlighted_lines  # Pygments off the start-up path

        code = highlighted_lines(block)
    else:
        code = tuple(((line, ("code",)),) if line else () for line in block.text.split("\n"))
    return [[(CODE_MARK, ("code-mark",)), *_clip_pieces(pieces, room)] for pieces in code]


def _clip_pieces(pieces: tuple[Piece, ...], room: int) -> Line:
    """One code line's pieces (tabs as four spaces), cut to `room` cells with `›`."""
    line = [(text.replace("\t", "    "), key) for text, key in pieces] or [("", ("code",))]
    if sum(text_width(text) for text, _ in line) <= room:
        return line
    clipped: Line = []
    left = room - 1
    for text, key in line:
        cells = text_width(text)
        if cells > left:
            if left > 0:
                clipped.append((_clip(text, left), key))
            break
        clipped.append((text, key))
        left -= cells
    clipped.append((CLIPPED, ("code",)))
    return clipped


def _table_lines(block: Block, width: int) -> list[Line]:
    """A table is already laid out as aligned text: its lines are clipped, never wrapped."""
    lines: list[Line] = []
    for raw in block.text.split("\n"):
        text = _clip(raw, width - 1) + CLIPPED if text_width(raw) > width else raw
        lines.append([(text, ("table",))])
    return lines


def _clip(text: str, cells: int) -> str:
    out, used = [], 0
    for char in text:
        w = text_width(char)
        if used + w > cells:
            break
        out.append(char)
        used += w
    return "".join(out)


def block_line_ranges(body: Body, width: int) -> list[tuple[int, int]]:
    """(first, last) body line of each block, as `body_lines` lays them out."""
    ranges: list[tuple[int, int]] = []
    start = 0
    for index, block in enumerate(body):
        if index and blank_line_between(body[index - 1], block):
            start += 1
        count = len(body_lines((block,), width))
        ranges.append((start, start + count - 1))
        start += count
    return ranges


def blank_line_between(previous: Block, block: Block) -> bool:
    """Blocks are separated by a blank line, except the items of one list."""
    return not (previous.kind == "item" and block.kind == "item")


def _item_lines(block: Block, width: int) -> list[Line]:
    """A list item: its marker (`• `, `  2. `), then the text with a hanging indent."""
    marker = block.spans[0].text if block.spans else ""
    hang = min(text_width(marker), width // 2)
    rest = Block("item", block.spans[1:], block.level)
    wrapped = wrap_pieces(_block_pieces(rest), max(1, width - hang))
    return [
        [(marker if number == 0 else " " * hang, ("item-marker",)), *line]
        for number, line in enumerate(wrapped)
    ]


def body_lines(body: Body, width: int, *, highlight: bool = True) -> list[Line]:
    """Wrap a body to `width` cells: blocks separated by one blank line (`highlight`:
    code in colour; without it, the same lines plain)."""
    lines: list[Line] = []
    for number, block in enumerate(body):
        if number and blank_line_between(body[number - 1], block):
            lines.append([])
        if block.kind == "item":
            lines.extend(_item_lines(block, width))
        elif block.kind == "table":
            lines.extend(_table_lines(block, width))
        elif block.kind == "code":
            lines.extend(_code_lines(block, width, highlight))
        elif block.kind == "quote":
            wrapped = wrap_pieces(_block_pieces(block), max(1, width - len(QUOTE_BAR)))
            lines.extend([(QUOTE_BAR, ("quote-bar",)), *line] for line in wrapped)
        else:
            lines.extend(wrap_pieces(_block_pieces(block), width))
    return lines
