"""An article laid out for reader mode: header lines, wrapped body lines, and which lines
each block occupies, for one width.

Lines are the pieces of `threads.comment_lines` (text, style key); the passage a quote
jump lands on is marked with the `passage` modifier so the UI can show it.
"""

from __future__ import annotations

from threads.article import Article
from threads.article_dump import article_meta
from threads.comment_lines import Line, block_line_ranges, body_lines
from threads.wrap import wrap_pieces

PASSAGE = "passage"
"""Style modifier of the highlighted quoted passage."""
_MARKS = frozenset({"quote-bar", "item-marker", "code-mark"})  # pieces not in the block's text


def header_lines(article: Article, width: int) -> list[Line]:
    """Title (wrapped), `byline · date · site`, the URL, then a blank line."""
    title: Line = [(article.title, ("title",))]
    lines: list[Line] = list(wrap_pieces(title, width))
    meta = article_meta(article)
    if meta:
        meta_line: Line = [(meta, ("meta",))]
        lines.extend(wrap_pieces(meta_line, width))
    lines.append([(article.url, ("domain",))])
    lines.append([])
    return lines


class ArticleLayout:
    """Every line of an article at one width, and where each block starts."""

    def __init__(self, article: Article, width: int) -> None:
        self.article = article
        self.width = max(1, width)
        header = header_lines(article, self.width)
        self.body_start = len(header)
        """Line index of the body's first line."""
        self.lines: list[Line] = header + body_lines(article.body, self.width)
        self.block_rows = [
            (self.body_start + first, self.body_start + last)
            for first, last in block_line_ranges(article.body, self.width)
        ]
        """(first, last) line of each body block."""

    def __len__(self) -> int:
        return len(self.lines)

    def block_at(self, line: int) -> int | None:
        """The block shown on `line` (the one before, on a blank line between blocks)."""
        found = None
        for index, (first, _) in enumerate(self.block_rows):
            if first > line:
                break
            found = index
        return found

    def mark_passage(self, block: int, start: int, end: int) -> None:
        """Give characters `start`..`end` of block `block`'s text the `passage` style."""
        if not 0 <= block < len(self.block_rows):
            return
        first, last = self.block_rows[block]
        text = self.article.body[block].text
        position = 0
        for number in range(first, last + 1):
            marked: Line = []
            for piece, key in self.lines[number]:
                at = -1 if key and key[0] in _MARKS else text.find(piece, position)
                if at < 0 or not piece:
                    marked.append((piece, key))
                    continue
                position = at + len(piece)
                marked.extend(_split_piece(piece, key, start - at, end - at))
            self.lines[number] = marked


def _split_piece(piece: str, key: tuple[str, ...], start: int, end: int) -> Line:
    """`piece` with its characters from `start` to `end` (relative, may overhang) marked."""
    start, end = max(0, start), min(len(piece), end)
    if start >= end:
        return [(piece, key)]
    out: Line = []
    if start:
        out.append((piece[:start], key))
    out.append((piece[start:end], (*key, PASSAGE)))
    if end < len(piece):
        out.append((piece[end:], key))
    return out
