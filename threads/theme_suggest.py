"""Themes the thread itself suggests: groups of distinctive words that occur together.

Local and deterministic: words are weighted by how distinctive they are in this thread
(frequent here, but not everywhere), inflected forms are merged, and words whose
comments overlap strongly are grouped; each group is named by its top words.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from threads.stopwords import STOPWORDS
from threads.word_index import WordIndex

MAX_SUGGESTIONS = 8
CANDIDATES = 48
MIN_LENGTH = 4
TOGETHER = 0.2  # Jaccard of two words' comments for them to share a theme
_SUFFIXES = ("isms", "ists", "ism", "ist", "ings", "ing", "ers", "er", "ies", "es", "ed", "s")


@dataclass(frozen=True)
class Suggestion:
    """A theme the thread suggests."""

    name: str
    """Its top words joined by `/`, e.g. `capitalism/socialism`."""
    terms: tuple[str, ...]
    """Every word form it matches."""
    count: int
    """Comments that contain at least one of the terms."""


def _stem(word: str) -> str:
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= MIN_LENGTH:
            return word[: -len(suffix)]
    return word


@dataclass
class _Unit:
    """One word and its inflected forms, with the comments using any of them."""

    forms: dict[str, int]
    comments: set[int]

    @property
    def name(self) -> str:
        return sorted(self.forms.items(), key=lambda item: (-item[1], item[0]))[0][0]


def _units(index: WordIndex, total: int) -> list[_Unit]:
    ceiling = max(5, int(total * 0.35))
    floor = max(3, int(total * 0.004))
    by_stem: dict[str, _Unit] = {}
    for word, postings in index.postings.items():
        if len(word) < MIN_LENGTH or word in STOPWORDS or not word.isalpha():
            continue
        unit = by_stem.setdefault(_stem(word), _Unit({}, set()))
        unit.forms[word] = len(postings)
        unit.comments.update(postings)
    return [u for u in by_stem.values() if floor <= len(u.comments) <= ceiling]


def _weight(unit: _Unit, total: int) -> float:
    frequency = len(unit.comments)
    return frequency * math.log(total / frequency)


def _together(a: _Unit, b: _Unit) -> float:
    """How much two words' comments overlap (Jaccard: 1.0 when always together)."""
    overlap = len(a.comments & b.comments)
    return overlap / len(a.comments | b.comments) if overlap >= 2 else 0.0


def _compounds(index: WordIndex, units: list[_Unit]) -> list[_Unit]:
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
            for phrase in (f"{a.name} {b.name}", f"{b.name} {a.name}"):
                found = index.phrase(phrase.split(), a.comments & b.comments)
                if len(found) >= 0.6 * smaller:
                    merged.append(_Unit({phrase: len(found)}, set(found)))
                    used.update((first, second))
                    break
    return [u for n, u in enumerate(units) if n not in used] + merged


def suggest_themes(index: WordIndex, limit: int = MAX_SUGGESTIONS) -> list[Suggestion]:
    """Up to `limit` suggested themes, strongest first."""
    total = max(1, len(index.joined))
    units = sorted(_units(index, total), key=lambda u: (-_weight(u, total), u.name))[:CANDIDATES]
    units = sorted(_compounds(index, units), key=lambda u: (-_weight(u, total), u.name))

    taken: set[int] = set()
    suggestions: list[Suggestion] = []
    for seed_number in range(len(units)):
        if seed_number in taken or len(suggestions) >= limit:
            continue
        group = [seed_number]
        for other_number in range(seed_number + 1, len(units)):
            if other_number in taken or len(group) >= 4:
                continue
            other = units[other_number]
            if all(_together(units[member], other) >= TOGETHER for member in group):
                group.append(other_number)
        if len(group) < 2:
            continue
        taken.update(group)
        members = [units[number] for number in group]
        comments = set().union(*(unit.comments for unit in members))
        terms = tuple(sorted({form for unit in members for form in unit.forms}))
        name = "/".join(unit.name for unit in members[:3])
        suggestions.append(Suggestion(name, terms, len(comments)))
    return suggestions
