"""Themes the thread itself suggests: groups of distinctive words that occur together.

Local and deterministic: words are weighted by how distinctive they are in this thread
(frequent here, but not everywhere), and words whose comments overlap strongly are grouped;
each group is named by its top words. A word stands with its inflections only (the endings
a theme term also matches), never with other words sharing a stem, so "social media" does
not merge with socialism. A suggestion's terms and count are computed by the theme matcher
itself: adopting it gives exactly the terms shown and the count shown.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from threads.stopwords import STOPWORDS
from threads.themes import INFLECTIONS, MIN_FUZZY_TERM, parse_term, term_comments
from threads.word_index import FUZZY_CUTOFF, WordIndex

MAX_SUGGESTIONS = 8
CANDIDATES = 48
MIN_LENGTH = 4
TOGETHER = 0.2  # Jaccard of two words' comments for them to share a theme
FAMILY_PREFIX = 4  # near spellings share their first letters (a typo further in)
MAX_TERMS = 4  # a suggestion's terms all fit on its line in the panel


@dataclass(frozen=True)
class Suggestion:
    """A theme the thread suggests."""

    name: str
    """Its top terms joined by `/`, e.g. `capitalism/socialism`."""
    terms: tuple[str, ...]
    """The theme's terms, exactly as adopting it creates them (at most four)."""
    count: int
    """Comments the adopted theme matches."""


def _base(word: str, postings: dict[str, list[int]]) -> str:
    """The vocabulary word this one inflects (`screens` -> `screen`), else the word itself."""
    for suffix in sorted(INFLECTIONS, key=len, reverse=True):
        base = word[: -len(suffix)]
        if word.endswith(suffix) and len(base) >= MIN_LENGTH and base in postings:
            return base
    return word


@dataclass
class _Unit:
    """One term (a word with its inflections, or a phrase) and the comments it matches."""

    term: str
    comments: set[int]
    weight: float = 0.0
    """How distinctive the word itself is here (its own occurrences, not near spellings)."""


def _units(index: WordIndex, total: int) -> list[_Unit]:
    """Every word that is neither rare nor everywhere, with its inflections' comments."""
    ceiling = max(5, int(total * 0.35))
    floor = max(3, int(total * 0.004))
    by_base: dict[str, _Unit] = {}
    for word, postings in index.postings.items():
        if len(word) < MIN_LENGTH or word in STOPWORDS or not word.isalpha():
            continue
        base = _base(word, index.postings)
        by_base.setdefault(base, _Unit(base, set())).comments.update(postings)
    families = _spelling_families(sorted(by_base.values(), key=lambda u: u.term))
    chosen = [u for u in families if floor <= len(u.comments) <= ceiling]
    for unit in chosen:
        unit.weight = _weight(len(unit.comments), total)
    return chosen


def _spelling_families(units: list[_Unit]) -> list[_Unit]:
    """Merge near spellings the theme matcher treats as one word (`socialism`, `socialist`),
    named by the most used; words that only share a stem (`social`) stay apart."""
    from rapidfuzz import fuzz

    buckets: dict[str, list[_Unit]] = {}
    for unit in units:
        buckets.setdefault(unit.term[:FAMILY_PREFIX], []).append(unit)
    families: list[_Unit] = []
    for bucket in buckets.values():
        while bucket:
            head = max(bucket, key=lambda u: (len(u.comments), -len(u.term)))
            near = [
                u
                for u in bucket
                if u is head
                or (
                    len(head.term) >= MIN_FUZZY_TERM
                    and fuzz.ratio(head.term, u.term) >= FUZZY_CUTOFF
                )
            ]
            families.append(_Unit(head.term, set().union(*(u.comments for u in near))))
            bucket = [u for u in bucket if all(u is not n for n in near)]
    return families


def _matched(index: WordIndex, unit: _Unit) -> _Unit:
    """The unit as a theme term matches it (typos and inflections included)."""
    return _Unit(unit.term, term_comments(index, parse_term(unit.term)), unit.weight)


def _weight(frequency: int, total: int) -> float:
    """Frequent here but not everywhere (tf-idf over comments)."""
    return frequency * math.log(total / frequency)


def _strength(unit: _Unit) -> tuple[float, int, str]:
    """Sort key: the most distinctive first; at equal weight the longer, more specific word
    (`socialism` before `current`)."""
    return (-unit.weight, -len(unit.term), unit.term)


def _together(a: _Unit, b: _Unit) -> float:
    """How much two words' comments overlap (Jaccard: 1.0 when always together)."""
    overlap = len(a.comments & b.comments)
    return overlap / len(a.comments | b.comments) if overlap >= 2 else 0.0


def _compounds(index: WordIndex, units: list[_Unit], total: int) -> list[_Unit]:
    """Words that nearly always come as a pair ("open source") become one phrase unit,
    so a compound is not mistaken for two words that happen to share comments."""
    merged: list[_Unit] = []
    used: set[int] = set()
    for first in range(len(units)):
        for second in range(first + 1, len(units)):
            if first in used or second in used or _together(units[first], units[second]) < 0.5:
                continue
            a, b = units[first], units[second]
            smaller = min(len(a.comments), len(b.comments))
            for phrase in (f"{a.term} {b.term}", f"{b.term} {a.term}"):
                found = index.phrase(phrase.split())
                if len(found) >= 0.6 * smaller:
                    merged.append(_Unit(phrase, found, _weight(len(found), total)))
                    used.update((first, second))
                    break
    return [u for n, u in enumerate(units) if n not in used] + merged


def suggest_themes(index: WordIndex, limit: int = MAX_SUGGESTIONS) -> list[Suggestion]:
    """Up to `limit` suggested themes, strongest first."""
    total = max(1, len(index.joined))
    by_weight = sorted(_units(index, total), key=_strength)
    units = [_matched(index, unit) for unit in by_weight[:CANDIDATES]]
    units = sorted(_compounds(index, units, total), key=_strength)

    taken: set[int] = set()
    suggestions: list[Suggestion] = []
    for seed_number in range(len(units)):
        if seed_number in taken or len(suggestions) >= limit:
            continue
        group = [seed_number]
        for other_number in range(seed_number + 1, len(units)):
            if other_number in taken or len(group) >= MAX_TERMS:
                continue
            other = units[other_number]
            if all(_together(units[member], other) >= TOGETHER for member in group):
                group.append(other_number)
        if len(group) < 2:
            continue
        taken.update(group)
        members = [units[number] for number in group]
        comments = set().union(*(unit.comments for unit in members))
        terms = tuple(unit.term for unit in members)
        name = "/".join(sorted(terms[:3]))
        suggestions.append(Suggestion(name, terms, len(comments)))
    return suggestions
