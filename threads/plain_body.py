"""Bodies from plain text (our own dump format), the reverse of `body_to_plain_text`."""

from __future__ import annotations

from threads.blocks import Block, Body, Span
from threads.linkify import linkify_spans


def plain_body(text: str) -> Body:
    """A body made of plain-text paragraphs (split on blank lines), for our own dump format.

    Bare URLs become links again.
    """
    blocks: list[Block] = []
    for chunk in text.split("\n\n"):
        if not chunk.strip():
            continue
        if chunk.startswith(">"):
            lines = [
                line[1:].lstrip(" ") if line.startswith(">") else line for line in chunk.split("\n")
            ]
            blocks.append(Block("quote", tuple(linkify_spans([Span("\n".join(lines))]))))
        else:
            blocks.append(Block("paragraph", tuple(linkify_spans([Span(chunk)]))))
    return tuple(blocks)
