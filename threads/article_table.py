"""A table's cells laid out as aligned text, so a terminal can show it without wrapping.

Columns are as wide as their widest cell up to `MAX_COLUMN_WIDTH`; longer cells wrap
inside their column, so a row may take several lines. A header row is underlined.
"""

from __future__ import annotations

from itertools import zip_longest

from threads.wrap import text_width, wrap_text

MAX_COLUMN_WIDTH = 30
SEPARATOR = " │ "
HEADER_RULE = "─"


def _pad(text: str, width: int) -> str:
    return text + " " * max(0, width - text_width(text))


def _column_widths(rows: list[list[str]]) -> list[int]:
    columns = max(len(row) for row in rows)
    widths = [1] * columns
    for row in rows:
        for index, cell in enumerate(row):
            widths[index] = min(MAX_COLUMN_WIDTH, max(widths[index], text_width(cell)))
    return widths


def _row_lines(row: list[str], widths: list[int]) -> list[str]:
    pairs = zip(row, widths, strict=False)  # a short row leaves its last columns empty
    cells = [wrap_text(cell, width) if cell else [""] for cell, width in pairs]
    cells += [[""]] * (len(widths) - len(cells))
    lines: list[str] = []
    for parts in zip_longest(*cells, fillvalue=""):
        line = SEPARATOR.join(_pad(part, width) for part, width in zip(parts, widths, strict=True))
        lines.append(line.rstrip())
    return lines


def layout_table(rows: list[list[str]], header_rows: int = 0) -> str:
    """Rows of cell texts as aligned lines (`a │ b`); the first `header_rows` underlined.

    Returns an empty string for a table with no text at all.
    """
    rows = [row for row in rows if any(cell.strip() for cell in row)]
    if not rows:
        return ""
    widths = _column_widths(rows)
    lines: list[str] = []
    for number, row in enumerate(rows):
        lines.extend(_row_lines(row, widths))
        if number == header_rows - 1:
            lines.append("─┼─".join(HEADER_RULE * width for width in widths))
    return "\n".join(lines)
