"""Words of a text, normalised for matching: case-folded, accents removed.

Shared by search and themes so "Café", "cafe" and "CAFÉ" are one word everywhere.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache

# Letters/digits, allowing inner apostrophes ("don't", "it’s"); underscores split words.
WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


@lru_cache(maxsize=65536)
def _strip_accents(folded: str) -> str:
    decomposed = unicodedata.normalize("NFKD", folded)
    if any(c.isspace() for c in decomposed):
        # Compatibility forms can expand into several words (U+FDFA is a whole phrase);
        # a word must stay one word, so only canonical decomposition is used then.
        decomposed = unicodedata.normalize("NFD", folded)
    # Case-fold again: compatibility forms of letters with no case of their own (the
    # mathematical 𝖠) decompose to capitals.
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def normalise(word: str) -> str:
    """`Café` -> `cafe`, `It’s` -> `it's`."""
    folded = word.casefold().replace("’", "'")
    return folded if folded.isascii() else _strip_accents(folded)


def words(text: str) -> list[str]:
    """The normalised words of a text, in order (whole-text C calls: this runs per comment)."""
    folded = text.casefold().replace("’", "'")
    found = WORD.findall(folded)
    if folded.isascii():
        return found
    return [word if word.isascii() else _strip_accents(word) for word in found]


def word_spans(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, normalised word) for each word of a text."""
    for match in WORD.finditer(text):
        yield match.start(), match.end(), normalise(match.group())
