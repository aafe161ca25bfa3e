"""The small block model a comment body is parsed into, once, at fetch time."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

BlockKind = Literal["paragraph", "quote", "code", "heading", "item", "table", "image"]
"""Comments use the first three; articles (reader mode) add headings, list items, tables
laid out as aligned text, and images shown as `[image: alt]`. Code that only knows the
first three still draws the others sensibly: headings and items are paragraphs with bold
or marker spans, images one line of text, tables preformatted like code."""

PREFORMATTED_KINDS = frozenset({"code", "table"})
"""Blocks whose lines are kept as they are (never re-wrapped)."""


@dataclass(frozen=True, slots=True)
class Span:
    """A run of inline text with one set of styles."""

    text: str
    """The visible text (already sanitised)."""
    italic: bool = False
    """Shown in italics (`<i>`, `<em>`)."""
    bold: bool = False
    """Shown in bold (`<b>`, `<strong>`)."""
    code: bool = False
    """Inline code (`<code>` outside `<pre>`)."""
    href: str | None = None
    """The full link target when this span is a link."""
    spoiler: bool = False
    """Hidden until the reader reveals it (Reddit's `>!spoiler!<`)."""


@dataclass(frozen=True, slots=True)
class Block:
    """A paragraph, a quoted paragraph, a preformatted code block, or an article's heading,
    list item, table or image."""

    kind: BlockKind
    """What sort of block this is; decides how it is wrapped and styled."""
    spans: tuple[Span, ...]
    """The inline content, in order. Code blocks and tables keep their newlines and
    indentation; a list item's first span is its marker (`• `, `3. `)."""
    level: int = 0
    """A heading's level (1-6); a list item's nesting depth (0 = outermost); else 0."""
    cite: str | None = None
    """For a quote the site attributes (Discourse's quote asides): the id of the comment
    it was taken from."""
    language: str | None = None
    """For a code block: the language its author named (`<code class="language-x">`, a
    Markdown fence), lower-case, or `None`. Highlighting guesses when there is none."""
    length: int = field(init=False, compare=False)
    """Characters in the block (for cheap height estimates)."""
    lines: int = field(init=False, compare=False)
    """Newline-separated lines in the block."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "length", sum(len(span.text) for span in self.spans))
        object.__setattr__(self, "lines", 1 + sum(span.text.count("\n") for span in self.spans))

    @property
    def text(self) -> str:
        """The block's plain text."""
        return "".join(span.text for span in self.spans)

    @property
    def preformatted(self) -> bool:
        """Whether the block's lines are drawn as they are (code, tables)."""
        return self.kind in PREFORMATTED_KINDS


Body = tuple[Block, ...]
"""A parsed comment or story body."""


def body_to_plain_text(body: Body) -> str:
    """Plain text of a body: paragraphs split by a blank line, quotes as `> `.

    This is the text `--dump`, search and themes work on.
    """
    parts: list[str] = []
    for block in body:
        text = block.text
        if block.kind == "quote":
            text = "\n".join("> " + line if line else ">" for line in text.split("\n"))
        parts.append(text)
    return "\n\n".join(parts)


def body_prose_text(body: Body) -> str:
    """The words a reader reads: plain text without quotes' markers and without link URLs.

    Link spans whose text is the URL itself are left out (themes and search match prose,
    not `https`/`www`); a link with descriptive text keeps that text.
    """
    parts: list[str] = []
    for block in body:
        if block.preformatted:
            parts.append(block.text)
            continue
        parts.append(
            "".join(
                " "
                if span.href and span.text.lower().startswith(("http://", "https://"))
                else span.text
                for span in block.spans
            )
        )
    return "\n\n".join(parts)


def body_links(body: Body) -> list[str]:
    """Every link target in the body, in order, without repeats."""
    seen: dict[str, None] = {}
    for block in body:
        for span in block.spans:
            if span.href:
                seen.setdefault(span.href, None)
    return list(seen)
