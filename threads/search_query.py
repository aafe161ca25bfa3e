"""What a search query asks for: words, "exact phrases" and @authors."""

from __future__ import annotations

import re
from dataclasses import dataclass

from threads.tokens import normalise, words

_PART = re.compile(r'"([^"]*)"?|@(\S+)|(\S+)')


@dataclass(frozen=True, slots=True)
class SearchQuery:
    """A parsed query: every part must match (each word fuzzily)."""

    words: tuple[str, ...]
    """Normalised words, each matched exactly, by prefix or fuzzily."""
    phrases: tuple[str, ...]
    """Case-folded phrases that must appear exactly."""
    authors: tuple[str, ...]
    """Normalised author names (fuzzy): the hit's author must match one of them."""

    @property
    def is_empty(self) -> bool:
        return not (self.words or self.phrases or self.authors)


def parse_query(text: str) -> SearchQuery:
    """`socialism "open source" @lecun` -> words, phrases, authors."""
    found_words: list[str] = []
    phrases: list[str] = []
    authors: list[str] = []
    for match in _PART.finditer(text):
        phrase, author, word = match.groups()
        if phrase is not None:
            folded = " ".join(words(phrase))
            if folded:
                phrases.append(folded)
        elif author is not None:
            authors.append(normalise(author))
        elif word:
            found_words.extend(words(word))
    return SearchQuery(tuple(dict.fromkeys(found_words)), tuple(phrases), tuple(authors))
