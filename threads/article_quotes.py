"""Where in an article a comment's `> quote` comes from, down to the characters.

The block is chosen as for quotes of comments (`threads.quotes.best_block`: rapidfuzz's
best partial alignment, so small edits, trimmed words and changed punctuation still
match); the passage inside it is rapidfuzz's alignment, mapped back to the block's text so
the reader can highlight exactly the quoted words.
"""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz import fuzz

from threads.article import Article
from threads.quotes import MATCH_THRESHOLD, MIN_QUOTE_LENGTH, best_block

_QUOTE_TRIM = " \t\n\"'“”‘’«»…."  # quotation marks and the ellipsis of a trimmed quote


@dataclass(frozen=True, slots=True)
class ArticlePassage:
    """A quoted passage found in an article."""

    quote: str
    block: int
    """Index of the body block holding the passage."""
    start: int
    """Offset of the passage's first character in that block's `text`."""
    end: int
    """Offset just after its last character."""
    score: float
    """How closely it matches (0-100)."""


def _normalised(text: str) -> tuple[str, list[int]]:
    """`text` with whitespace runs as one space and case folded, and for each character
    of the result the offset in `text` it came from."""
    out: list[str] = []
    origin: list[int] = []
    space_at = -1
    for index, char in enumerate(text):
        if char.isspace():
            if out and space_at < 0:
                space_at = index
            continue
        if space_at >= 0:
            out.append(" ")
            origin.append(space_at)
            space_at = -1
        for folded in char.casefold():
            out.append(folded)
            origin.append(index)
    return "".join(out), origin


def find_in_article(article: Article, quote: str) -> ArticlePassage | None:
    """The passage of `article` that `quote` quotes, or `None` when none is close enough.

    Images are not searched; a quote longer than any one block matches a block whole.
    """
    needle = quote.strip(_QUOTE_TRIM)
    if len(needle) < MIN_QUOTE_LENGTH:
        return None
    texts = ["" if block.kind == "image" else block.text for block in article.body]
    block, score = best_block(needle, texts)
    if block < 0 or score < MATCH_THRESHOLD:
        return None
    text = texts[block]
    haystack, origin = _normalised(text)
    folded = " ".join(needle.split()).casefold()
    if len(folded) > len(haystack):
        return ArticlePassage(quote, block, 0, len(text), score)
    alignment = fuzz.partial_ratio_alignment(folded, haystack)
    if alignment is None or alignment.dest_end <= alignment.dest_start:
        return ArticlePassage(quote, block, 0, len(text), score)
    start = origin[alignment.dest_start]
    end = origin[alignment.dest_end - 1] + 1
    return ArticlePassage(quote, block, start, end, score)
