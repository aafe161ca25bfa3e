"""Markdown bodies (Lemmy `content`, Lobsters `comment_plain`) to the block model.

markdown-it-py renders CommonMark to HTML with raw HTML switched off (a `<script>` in the
source stays visible text), and that HTML goes through the same converter as the sites'
own HTML, so both kinds of body are split, styled and sanitised identically.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from threads.blocks import Body
from threads.html_text import html_to_body

if TYPE_CHECKING:
    from markdown_it import MarkdownIt


@lru_cache(maxsize=1)
def _renderer() -> MarkdownIt:
    from markdown_it import MarkdownIt  # ~10 ms: every site module imports this one

    # "commonmark" with html off; strikethrough and tables as Lemmy's own renderer has them.
    return MarkdownIt("commonmark", {"html": False}).enable(["strikethrough", "table"])


def markdown_to_body(markdown: str | None) -> Body:
    """Parse a Markdown body into blocks. `None` or empty gives an empty body."""
    if not markdown or not markdown.strip():
        return ()
    return html_to_body(_renderer().render(markdown))
