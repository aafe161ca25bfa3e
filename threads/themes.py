"""Themes: named sets of terms that hide or highlight the comments they match.

Terms: `word` (case-insensitive, whole words, tolerant of inflections and small typos:
`socialism` catches "socialist" and "socialists"), `"a phrase"` or `two words` (in that
order), `prefix*`, `author:NAME`, `/regex/` (case-insensitive, on the text), and
`part & part` (every part must match: what a search for several words means). Matching
looks at the prose of a comment (link URLs left out) and its author.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from threads.tokens import normalise, words
from threads.word_index import EXACT, FUZZY, WordIndex, words_with_prefix

ThemeMode = Literal["highlight", "hide", "off"]
THEME_MODES: tuple[ThemeMode, ...] = ("highlight", "hide", "off")
THEME_COLOURS = ("magenta", "green", "cyan", "yellow", "red", "blue")
# Grammatical endings of the same word ("model" -> "models", "train" -> "training").
INFLECTIONS = ("s", "es", "ed", "d", "ing", "ings")
MIN_FUZZY_TERM = 5  # shorter words match exactly or with an inflection only


class TermError(ValueError):
    """A term that cannot be used (an invalid regular expression)."""


@dataclass(frozen=True, slots=True)
class Term:
    """One parsed term of a theme."""

    kind: Literal["word", "phrase", "prefix", "author", "regex", "all"]
    value: str
    """Normalised word/prefix/author, space-joined phrase words, the regex source, or the
    `all` term as written."""
    pattern: re.Pattern[str] | None = None
    parts: tuple[Term, ...] = ()
    """The terms an `all` term needs together."""


# ` & ` outside double quotes (an even number of quotes follows).
_ALL_SEPARATOR = re.compile(r'\s+&\s+(?=(?:[^"]*"[^"]*")*[^"]*$)')


def parse_term(text: str) -> Term:
    """`socialis*`, `author:bob`, `/regex/`, `"a phrase"`, `word`, `a & b`. Raises TermError."""
    raw = text.strip()
    is_regex = len(raw) >= 2 and raw.startswith("/") and raw.endswith("/")
    parts = [] if is_regex else _ALL_SEPARATOR.split(raw)
    if len(parts) > 1:
        return Term("all", raw, parts=tuple(parse_term(part) for part in parts))
    if is_regex:
        try:
            return Term("regex", raw[1:-1], re.compile(raw[1:-1], re.IGNORECASE))
        except re.error as error:
            raise TermError(f"bad regular expression {raw}: {error}") from error
    if raw.lower().startswith("author:"):
        return Term("author", normalise(raw[7:].strip()))
    if raw.endswith("*") and len(raw) > 1:
        return Term("prefix", normalise(raw[:-1].strip('"')))
    found = words(raw.strip('"'))
    if len(found) > 1:
        return Term("phrase", " ".join(found))
    if not found:
        raise TermError(f"empty term {text!r}")
    return Term("word", found[0])


@dataclass(frozen=True)
class Theme:
    """A named set of terms with a colour and a mode."""

    name: str
    terms: tuple[str, ...]
    mode: ThemeMode = "highlight"
    color: str = "magenta"
    parsed: tuple[Term, ...] = field(default=(), compare=False)

    @classmethod
    def create(
        cls,
        name: str,
        terms: list[str] | tuple[str, ...],
        mode: ThemeMode = "highlight",
        color: str = "magenta",
    ) -> Theme:
        """A theme with its terms parsed. Raises TermError for a bad term."""
        return cls(name, tuple(terms), mode, color, tuple(parse_term(t) for t in terms))

    def with_mode(self, mode: ThemeMode) -> Theme:
        return Theme(self.name, self.terms, mode, self.color, self.parsed)

    def with_terms(self, terms: list[str]) -> Theme:
        return Theme.create(self.name, terms, self.mode, self.color)


def next_mode(mode: ThemeMode) -> ThemeMode:
    """highlight -> hide -> off -> highlight."""
    return THEME_MODES[(THEME_MODES.index(mode) + 1) % len(THEME_MODES)]


def _word_comments(index: WordIndex, word: str) -> set[int]:
    found: set[int] = set(index.postings.get(word, ()))
    for candidate in words_with_prefix(word, index.vocabulary):
        if candidate[len(word) :] in INFLECTIONS:
            found.update(index.postings[candidate])
    if len(word) >= MIN_FUZZY_TERM:
        for match in index.matches(word, prefix=False, one_edit=False):
            if match.kind in (EXACT, FUZZY):
                found.update(index.postings[match.word])
    return found


def term_comments(index: WordIndex, term: Term) -> set[int]:
    """Indexes (display order) of the comments a term matches."""
    if term.kind == "word":
        return _word_comments(index, term.value)
    if term.kind == "prefix":
        found: set[int] = set()
        for word in words_with_prefix(term.value, index.vocabulary):
            found.update(index.postings[word])
        return found
    if term.kind == "phrase":
        return index.phrase(term.value.split())
    if term.kind == "author":
        return index.by_author(term.value, fuzzy=False)
    if term.kind == "all":
        found = term_comments(index, term.parts[0])
        for part in term.parts[1:]:
            found &= term_comments(index, part)
        return found
    assert term.pattern is not None
    order = index.thread.tree.order
    return {i for i in index.joined if term.pattern.search(order[i].prose_text)}


def theme_comments(index: WordIndex, theme: Theme) -> set[int]:
    """Comments matching any of a theme's terms."""
    found: set[int] = set()
    for term in theme.parsed:
        found |= term_comments(index, term)
    return found


@dataclass
class ThemeMatches:
    """Which comments each theme matches in one thread."""

    by_theme: dict[str, set[int]]
    """Theme name -> comment indexes (display order)."""

    def count(self, name: str) -> int:
        return len(self.by_theme.get(name, ()))


def match_themes(index: WordIndex, themes: list[Theme]) -> ThemeMatches:
    """Match every theme (whatever its mode) against a thread."""
    return ThemeMatches({theme.name: theme_comments(index, theme) for theme in themes})


@dataclass
class ThemeView:
    """Themes applied to one thread: what each comment is tagged with, what is hidden."""

    themes: list[Theme]
    matches: ThemeMatches

    def tags(self, order: int) -> list[Theme]:
        """Active (not `off`) themes matching a comment, in theme order."""
        return [
            t
            for t in self.themes
            if t.mode != "off" and order in self.matches.by_theme.get(t.name, ())
        ]

    def hiding(self, order: int) -> str | None:
        """The first theme in `hide` mode that matches a comment."""
        for theme in self.themes:
            if theme.mode == "hide" and order in self.matches.by_theme.get(theme.name, ()):
                return theme.name
        return None

    def hidden_ids(self, order_ids: list[str]) -> dict[str, str]:
        """Comment id -> hiding theme, for every comment a `hide` theme matches."""
        hidden: dict[str, str] = {}
        for theme in self.themes:
            if theme.mode != "hide":
                continue
            for order in self.matches.by_theme.get(theme.name, ()):
                hidden.setdefault(order_ids[order], theme.name)
        return hidden


def apply_themes(index: WordIndex, themes: list[Theme]) -> ThemeView:
    """Match themes against a thread (in a worker for big threads)."""
    return ThemeView(themes, match_themes(index, themes))
