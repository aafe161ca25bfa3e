"""A search made into a theme, keeping its meaning.

A search needs every word (`electoral college`: comments with both words, in any order),
but a theme's terms are alternatives (any one matches). So the search becomes a single
`all` term, `electoral & college`, rather than two terms that would match comments with
either word. A phrase (`"electoral college"`) was the other choice; it would drop comments
that use the words apart or in another order, which the search found.
"""

from __future__ import annotations

from threads.search_query import parse_query


def theme_terms_from_query(query: str) -> list[str]:
    """Theme terms matching what the search `query` matches: `[]` for an empty query,
    one term otherwise (`trump` -> `["trump"]`, `electoral college` ->
    `["electoral & college"]`, `"open source" @bob` -> `['"open source" & author:bob']`)."""
    parsed = parse_query(query)
    parts = [
        *parsed.words,
        *(f'"{phrase}"' for phrase in parsed.phrases),
        *(f"author:{author}" for author in parsed.authors),
    ]
    return [" & ".join(parts)] if parts else []


def theme_name_from_query(query: str) -> str:
    """A short name for such a theme: the query's words joined by `-` (`electoral-college`)."""
    parsed = parse_query(query)
    words = [*parsed.words, *(p.replace(" ", "-") for p in parsed.phrases), *parsed.authors]
    return "-".join(words)[:30].strip("-") or "search"
