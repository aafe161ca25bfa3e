"""A thread's vocabulary: which comments use which (normalised) word, and fuzzy lookup.

Shared by search and themes. Words come from the prose of each comment (link URLs left
out); deleted comments are not indexed.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from threads.model import Thread
from threads.tokens import normalise, words

EXACT, PREFIX, FUZZY = 3, 2, 1
FUZZY_CUTOFF = 82.0  # ratio: one typo in a 5-letter word; "socialist" ~ "socialism" is 89
MIN_PREFIX = 3  # shorter words match whole words only
MIN_FUZZY = 4
ONE_EDIT_BELOW = 6  # from 6 letters the ratio already accepts one substitution or swap
FUZZY_CEILING = 94.0  # a fuzzy match never outscores a prefix (95) or an exact word (100)


@dataclass(frozen=True, slots=True)
class WordMatch:
    """A vocabulary word that matches a wanted word, and how well."""

    word: str
    kind: int
    score: float


class WordIndex:
    """Postings (word -> comment indexes in display order), authors, phrase text."""

    def __init__(self, thread: Thread) -> None:
        self.thread = thread
        postings: dict[str, list[int]] = {}
        authors: dict[str, list[int]] = {}
        joined: dict[int, str] = {}
        for index, comment in enumerate(thread.tree.order):
            if comment.deleted:
                continue
            comment_words = words(comment.prose_text)
            joined[index] = " " + " ".join(comment_words) + " "
            for word in dict.fromkeys(comment_words):
                postings.setdefault(word, []).append(index)
            if comment.author:
                authors.setdefault(normalise(comment.author), []).append(index)
        self.postings = postings
        self.vocabulary = sorted(postings)
        self.authors = authors
        self.author_names = sorted(authors)
        self.joined = joined
        """Each comment's normalised words joined by single spaces, padded: phrase search."""

    def matches(self, word: str, *, prefix: bool = True, one_edit: bool = True) -> list[WordMatch]:
        """Vocabulary words matching `word`: exact, by prefix (if asked), fuzzily."""
        return match_word(word, self.vocabulary, self.postings, prefix=prefix, one_edit=one_edit)

    def phrase(self, phrase_words: list[str], within: set[int] | None = None) -> set[int]:
        """Comments containing the words in this exact order."""
        needle = " " + " ".join(phrase_words) + " "
        pool = self.joined.keys() if within is None else within
        return {index for index in pool if needle in self.joined[index]}

    def by_author(self, name: str, *, fuzzy: bool = True) -> set[int]:
        """Comments by authors matching a name (fuzzily unless told otherwise)."""
        wanted = normalise(name)
        if not fuzzy:
            return set(self.authors.get(wanted, ()))
        found: set[int] = set()
        for match in match_word(wanted, self.author_names, self.authors):
            found.update(self.authors[match.word])
        return found


def match_word(
    word: str,
    vocabulary: list[str],
    postings: dict[str, list[int]],
    *,
    prefix: bool = True,
    one_edit: bool = True,
) -> list[WordMatch]:
    """Exact, prefix and fuzzy matches of `word` in a sorted vocabulary.

    Fuzzy is rapidfuzz's ratio, plus (with `one_edit`) one substituted, swapped, missing or
    extra letter in a 4- or 5-letter word that is not itself in the vocabulary (`trunp`,
    `trupm`, `dnag`), keeping the first letter so `rust` does not find "just".
    """
    from rapidfuzz import fuzz, process  # imported on first use: keeps start-up lean

    found: dict[str, WordMatch] = {}
    if word in postings:
        found[word] = WordMatch(word, EXACT, 100.0)
    if prefix and len(word) >= MIN_PREFIX:
        for candidate in words_with_prefix(word, vocabulary):
            found.setdefault(candidate, WordMatch(candidate, PREFIX, 95.0))
    if len(word) >= MIN_FUZZY:
        for candidate, score, _ in process.extract(
            word, vocabulary, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF, limit=None
        ):
            found.setdefault(candidate, WordMatch(candidate, FUZZY, min(score, FUZZY_CEILING)))
    if one_edit and MIN_FUZZY <= len(word) < ONE_EDIT_BELOW and word not in postings:
        for candidate in _one_edit_away(word, vocabulary):
            score = min(fuzz.ratio(word, candidate), FUZZY_CEILING)
            found.setdefault(candidate, WordMatch(candidate, FUZZY, score))
    return list(found.values())


def _one_edit_away(word: str, vocabulary: list[str]) -> list[str]:
    """Words with the same first letter at most one edit (a swap counts as one) away."""
    from rapidfuzz.distance import OSA

    return [
        candidate
        for candidate in words_with_prefix(word[0], vocabulary)
        if abs(len(candidate) - len(word)) <= 1
        and OSA.distance(word, candidate, score_cutoff=1) <= 1
    ]


def words_with_prefix(prefix: str, vocabulary: list[str]) -> list[str]:
    """Words of a sorted vocabulary starting with `prefix`."""
    start = bisect_left(vocabulary, prefix)
    found = []
    for candidate in vocabulary[start:]:
        if not candidate.startswith(prefix):
            break
        found.append(candidate)
    return found
