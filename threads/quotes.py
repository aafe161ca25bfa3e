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
    span: tuple[int, int] | None = None
    """Where in that block's text the passage is (start, end characters); `None`: all."""


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


def _normalised(text: str) -> tuple[str, list[int]]:
    """`text` with runs of whitespace as one space and case folded, and for each of its
    characters the index in `text` it came from."""
    out: list[str] = []
    origin: list[int] = []
    space = True  # drops leading whitespace
    for index, char in enumerate(text):
        if char.isspace():
            if not space:
                out.append(" ")
                origin.append(index)
            space = True
            continue
        space = False
        for folded in char.casefold():
            out.append(folded)
            origin.append(index)
    while out and out[-1] == " ":
        out.pop()
        origin.pop()
    return "".join(out), origin


def passage_span(quote: str, text: str) -> tuple[int, int]:
    """Where in `text` the (fuzzily) quoted passage is: (start, end) characters of `text`;
    all of it when the quote is as long as the text."""
    needle = " ".join(quote.split()).casefold()
    haystack, origin = _normalised(text)
    if not origin or len(needle) >= len(haystack):
        return (0, len(text))
    alignment = fuzz.partial_ratio_alignment(needle, haystack)
    if alignment is None or alignment.dest_end <= alignment.dest_start:
        return (0, len(text))
    return (origin[alignment.dest_start], origin[alignment.dest_end - 1] + 1)


def passage_rows(rows: list[str], text: str, span: tuple[int, int]) -> tuple[int, int]:
    """Which of `rows` (a block's text, wrapped) show `text[span[0]:span[1]]`: the first
    and last row index. All rows when a row cannot be placed in the text."""
    starts: list[int] = []
    pointer = 0
    for row in rows:
        words = row.strip()
        found = text.find(words, pointer) if words else pointer
        if found < 0:
            return (0, len(rows) - 1)
        starts.append(found)
        pointer = found + len(words)
    start, end = span
    first = max((i for i, s in enumerate(starts) if s <= start), default=0)
    last = max((i for i, s in enumerate(starts) if s < end), default=first)
    return (first, max(first, last))


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
            span = passage_span(quote, texts[block])
            return QuoteSource(quote, ancestor.id, block, score, span)
    story_texts = [block.text for block in thread.body]
    block, score = best_block(quote, story_texts)
    if block >= 0 and score >= MATCH_THRESHOLD:
        return QuoteSource(quote, None, block, score, passage_span(quote, story_texts[block]))
    return None
