"""A web page read in reader mode: its metadata and its main text as blocks.

The body uses the same block model as comments (`threads.blocks`), so wrapping, drawing,
search, footnotes and themes apply to an article as they do to a comment.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from threads.blocks import Body, body_links, body_to_plain_text
from threads.links import Link


@dataclass(frozen=True, slots=True)
class Article:
    """The readable part of one web page. Every string is already sanitised."""

    url: str
    """The page's address after redirects (what `y` copies and `o` opens)."""
    title: str
    """The page's title (its URL when the page has none)."""
    byline: str | None = None
    """Who wrote it, as the page says."""
    date: str | None = None
    """Publication date as ISO 8601 (`2019-03-29`), when the page gives one."""
    site: str | None = None
    """The site's name (`The GitHub Blog`), else its host name."""
    body: Body = ()
    """The main text: headings, paragraphs, lists, quotes, code, tables, images."""
    links: tuple[Link, ...] = field(init=False, compare=False)
    """Every distinct link of the body, numbered from 1 in reading order."""

    def __post_init__(self) -> None:
        first_text: dict[str, str] = {}
        for block in self.body:
            for span in block.spans:
                if span.href and span.href not in first_text:
                    first_text[span.href] = span.text
        numbered = tuple(
            Link(number, url, text) for number, (url, text) in enumerate(first_text.items(), 1)
        )
        object.__setattr__(self, "links", numbered)

    @property
    def plain_text(self) -> str:
        """The body as plain text (blocks split by a blank line, quotes as `> `)."""
        return body_to_plain_text(self.body)

    @property
    def link_urls(self) -> list[str]:
        """Link targets in reading order, without repeats."""
        return body_links(self.body)
