"""Where a `> quoted` passage comes from: the closest ancestor (or the story) containing it.

Matching is fuzzy (rapidfuzz's best partial alignment), so a quote with small edits,
trimmed words or changed punctuation still finds its source.
"""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz import fuzz

from threads.model import Comment, Thread

MATCH_THRESHOLD = 85.0
MIN_QUOTE_LENGTH = 8


@dataclass(frozen=True, slots=True)
class QuoteSource:
    """A quoted passage and where it was found."""

    quote: str
    comment_id: str | None
    """The ancestor comment holding the passage; `None` when it is the story text."""
    block: int
    """Body block of the source holding the passage."""
    score: float


def quotes_of(comment: Comment) -> list[str]:
    """The text of each quote block of a comment, in order."""
    return [block.text for block in comment.body if block.kind == "quote"]


def best_block(quote: str, body_texts: list[str]) -> tuple[int, float]:
    """The index of the text that holds `quote` best and its score (0-100); -1 for none.

    Whitespace and case are ignored; a quote longer than a text is compared whole.
    """
    best_index, best_score = -1, 0.0
    needle = " ".join(quote.split()).casefold()
    for index, text in enumerate(body_texts):
        haystack = " ".join(text.split()).casefold()
        if len(haystack) < MIN_QUOTE_LENGTH // 2:
            continue
        score = (
            fuzz.partial_ratio(needle, haystack)
            if len(needle) <= len(haystack)
            else fuzz.ratio(needle, haystack)
        )
        if score > best_score:
            best_index, best_score = index, score
    return best_index, best_score


def _cited_comments(thread: Thread, comment: Comment, quote: str) -> list[Comment]:
    """The comment the site says a quote was taken from (Discourse quote asides)."""
    for block in comment.body:
        if block.kind == "quote" and block.cite and block.text == quote:
            cited = thread.get(block.cite)
            return [cited] if cited is not None and cited is not comment else []
    return []


def find_quote_source(thread: Thread, comment: Comment, quote: str) -> QuoteSource | None:
    """The comment the quote cites, else the nearest ancestor (then the story text)
    quoting `quote`, or None.

    Quote blocks of the ancestors are skipped: a passage quoted twice leads to the
    comment that wrote it, not to another one quoting it.
    """
    if len(quote.strip()) < MIN_QUOTE_LENGTH:
        return None
    for ancestor in _cited_comments(thread, comment, quote) + thread.ancestors(comment.id):
        if ancestor.deleted:
            continue
        texts = [block.text if block.kind != "quote" else "" for block in ancestor.body]
        block, score = best_block(quote, texts)
        if block >= 0 and score >= MATCH_THRESHOLD:
            return QuoteSource(quote, ancestor.id, block, score)
    story_texts = [block.text for block in thread.body]
    block, score = best_block(quote, story_texts)
    if block >= 0 and score >= MATCH_THRESHOLD:
        return QuoteSource(quote, None, block, score)
    return None
