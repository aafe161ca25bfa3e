"""Fuzzy search over a thread: a word -> comments index, queried word by word.

Each query word is matched against the thread's vocabulary (exact, then prefix, then
rapidfuzz similarity for typos and inflections), the matching words' comments are
intersected across query words, and the survivors ranked by their `match` score (exact
100 > prefix 95 > fuzzy, by similarity, at most 94), then more distinct matched words, then
thread order: the whole word `socialism` (94) before `social` (86) for `socialsm`.
Measured: whole-body fuzzy scoring misses typos and is slower; this stays within a few ms
a keystroke at 10,000 comments (bench/bench_search.py).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from threads.model import Comment, Thread
from threads.search_query import SearchQuery, parse_query
from threads.word_index import WordIndex, WordMatch


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One matching comment, with what to highlight."""

    comment: Comment
    order: int
    """Position in the thread's display order."""
    match: int
    """0-100: how closely the comment matches (100 = every word exactly)."""
    words: frozenset[str]
    """Normalised words that matched (highlighted in the body)."""


class SearchResult:
    """All hits of one query: ranked for the hit list, in thread order for `n`/`N`."""

    def __init__(
        self,
        index: SearchIndex,
        query: SearchQuery,
        per_word: list[dict[int, WordMatch]],
        ranked: list[int],
        matched_words: frozenset[str] = frozenset(),
    ) -> None:
        self._index = index
        self.query = query
        self._per_word = per_word
        self._matched_words = matched_words
        self.ranked = ranked
        """Comment indexes (display order) in rank order."""
        self.in_thread_order = sorted(ranked)
        """The same, in thread order."""

    def __len__(self) -> int:
        return len(self.ranked)

    @property
    def thread(self) -> Thread:
        return self._index.thread

    @property
    def highlight_words(self) -> frozenset[str]:
        """Every vocabulary word this query matched, for highlighting in bodies."""
        found = set(self._matched_words)
        for phrase in self.query.phrases:
            found.update(phrase.split())
        return frozenset(found)

    def hit(self, order: int) -> SearchHit:
        """The hit for one comment index."""
        matches = [best[order] for best in self._per_word]
        highlighted = {m.word for m in matches}
        for phrase in self.query.phrases:
            highlighted.update(phrase.split())
        match = match_score(self.query, matches)
        return SearchHit(self._index.thread.tree.order[order], order, match, frozenset(highlighted))

    def step(self, order: int, direction: int) -> int:
        """The comment index of the next (`direction` 1) or previous (-1) hit in thread
        order from comment index `order` (-1: before the first), wrapping at either end.

        There must be at least one hit.
        """
        hits = self.in_thread_order
        if direction > 0:
            return hits[bisect_right(hits, order) % len(hits)]
        return hits[(bisect_left(hits, order) - 1) % len(hits)]

    def hit_number(self, order: int) -> tuple[int, int] | None:
        """(k, total) when comment index `order` is the k-th hit in thread order."""
        hits = self.in_thread_order
        index = bisect_left(hits, order)
        if index < len(hits) and hits[index] == order:
            return index + 1, len(hits)
        return None

    def top(self, limit: int | None = None) -> list[SearchHit]:
        """The best hits, in rank order."""
        chosen = self.ranked if limit is None else self.ranked[:limit]
        return [self.hit(order) for order in chosen]


def match_score(query: SearchQuery, matches: list[WordMatch]) -> int:
    """0-100 for one comment: the mean of its words' scores (phrases and authors count 100)."""
    scores = [m.score for m in matches] + [100.0] * (len(query.phrases) + len(query.authors))
    return round(sum(scores) / len(scores)) if scores else 100


class SearchIndex:
    """Built once per thread (off the UI thread); queried on every keystroke."""

    def __init__(self, thread: Thread, words: WordIndex | None = None) -> None:
        self.thread = thread
        self.words = words or WordIndex(thread)

    def word_matches(self, word: str) -> list[WordMatch]:
        """Vocabulary words matching a query word: exact, by prefix, fuzzily."""
        return self.words.matches(word)

    def _best_per_comment(self, matches: list[WordMatch]) -> dict[int, WordMatch]:
        """Comment index -> its best match for one query word."""
        best: dict[int, WordMatch] = {}
        for match in sorted(matches, key=lambda m: (m.kind, m.score)):  # better ones overwrite
            best.update(dict.fromkeys(self.words.postings[match.word], match))
        return best

    def search(self, query: str | SearchQuery) -> SearchResult:
        """Every hit of a query."""
        parsed = parse_query(query) if isinstance(query, str) else query
        per_word: list[dict[int, WordMatch]] = []
        candidates: set[int] | None = None
        if parsed.is_empty:
            return SearchResult(self, parsed, [], [])
        matched_words: set[str] = set()
        for word in parsed.words:
            matches = self.word_matches(word)
            matched_words.update(m.word for m in matches)
            best = self._best_per_comment(matches)
            per_word.append(best)
            candidates = set(best) if candidates is None else candidates & best.keys()
        for phrase in parsed.phrases:
            candidates = self.words.phrase(phrase.split(), candidates)
        if parsed.authors:
            by_author: set[int] = set()
            for name in parsed.authors:
                by_author |= self.words.by_author(name)
            candidates = by_author if candidates is None else candidates & by_author
        found = candidates or set()

        # Rank: the hit's own match score, then more distinct matched words, then thread order.
        def rank(order: int) -> tuple[int, int, int]:
            matches = [best[order] for best in per_word]
            return (-match_score(parsed, matches), -len({m.word for m in matches}), order)

        ranked = sorted(found, key=rank)
        return SearchResult(self, parsed, per_word, ranked, frozenset(matched_words))
