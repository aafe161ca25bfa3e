"""Fuzzy search inside an article: which blocks hold every query word.

The same word matching as thread search (`threads.word_index.match_word`: exact, prefix,
typos), over the article's blocks instead of comments; quoted phrases must appear in that
order. Images are not searched.
"""

from __future__ import annotations

from dataclasses import dataclass

from threads.article import Article
from threads.search_query import parse_query
from threads.tokens import words
from threads.word_index import match_word


@dataclass(frozen=True, slots=True)
class ArticleHits:
    """The blocks matching one query."""

    ranked: list[int]
    """Block indexes, best first (then in reading order)."""
    words: frozenset[str]
    """Normalised words to highlight."""

    @property
    def in_order(self) -> list[int]:
        """The same blocks in reading order (for `n`/`N`)."""
        return sorted(self.ranked)


class ArticleSearch:
    """The article's vocabulary, built once; `search` runs per keystroke."""

    def __init__(self, article: Article) -> None:
        self.article = article
        postings: dict[str, list[int]] = {}
        joined: dict[int, str] = {}
        for index, block in enumerate(article.body):
            if block.kind == "image":
                continue
            block_words = words(block.text)
            joined[index] = " " + " ".join(block_words) + " "
            for word in dict.fromkeys(block_words):
                postings.setdefault(word, []).append(index)
        self._postings = postings
        self._vocabulary = sorted(postings)
        self._joined = joined

    def search(self, query: str) -> ArticleHits:
        """Blocks holding every word (fuzzily) and every quoted phrase of `query`."""
        parsed = parse_query(query)
        scores: dict[int, list[float]] = {}
        candidates: set[int] | None = None
        highlight: set[str] = set()
        for word in (*parsed.words, *parsed.authors):  # no authors here: plain words
            best: dict[int, float] = {}
            for match in match_word(word, self._vocabulary, self._postings):
                highlight.add(match.word)
                for block in self._postings[match.word]:
                    best[block] = max(best.get(block, 0.0), match.score)
            for block, score in best.items():
                scores.setdefault(block, []).append(score)
            candidates = set(best) if candidates is None else candidates & best.keys()
        for phrase in parsed.phrases:
            needle = " " + " ".join(phrase.split()) + " "
            pool = self._joined.keys() if candidates is None else candidates
            candidates = {block for block in pool if needle in self._joined[block]}
            highlight.update(phrase.split())
        found = candidates or set()

        def rank(block: int) -> tuple[float, int]:
            mine = scores.get(block, [100.0])
            return (-sum(mine) / len(mine), block)

        return ArticleHits(sorted(found, key=rank), frozenset(highlight))
