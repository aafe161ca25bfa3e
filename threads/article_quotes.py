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
    first, last = _refine(folded, haystack, alignment.dest_start, alignment.dest_end)
    first, last = _whole_words(haystack, first, last)
    return ArticlePassage(quote, block, origin[first], origin[last - 1] + 1, score)


def _refine(needle: str, haystack: str, start: int, end: int) -> tuple[int, int]:
    """Move the window's ends to where the quote matches best.

    rapidfuzz's partial alignment is a window exactly as long as the quote, so a quote
    that dropped (or added) words is placed off by that many characters; moving each end
    within a tenth of the quote's length fixes it with a few dozen comparisons.
    """
    slack = max(4, len(needle) // 10)

    def score(a: int, b: int) -> float:
        return fuzz.ratio(needle, haystack[a:b]) if b > a else 0.0

    end = max(
        range(max(start + 1, end - slack), min(len(haystack), end + slack) + 1),
        key=lambda b: (score(start, b), -abs(b - end)),
    )
    start = max(
        range(max(0, start - slack), min(end - 1, start + slack) + 1),
        key=lambda a: (score(a, end), -abs(a - start)),
    )
    return start, end


def _whole_words(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen a window that cuts a word so the highlight starts and ends on word edges."""
    while start > 0 and text[start - 1].isalnum() and text[start].isalnum():
        start -= 1
    while end < len(text) and text[end - 1].isalnum() and text[end].isalnum():
        end += 1
    return start, end
