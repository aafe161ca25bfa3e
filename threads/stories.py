"""A story as it appears in a list (front page, search results), without its comments."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Literal

StoryListKind = Literal["top", "new", "best", "ask", "show", "jobs"]
STORY_LIST_KINDS: tuple[StoryListKind, ...] = ("top", "new", "best", "ask", "show", "jobs")


@dataclass(frozen=True, slots=True)
class StorySummary:
    """One row of a story list."""

    id: str
    """The story's id on its site."""
    title: str
    """The title (sanitised)."""
    url: str | None
    """Where the story links to; `None` for text posts."""
    author: str | None
    """Who submitted it."""
    points: int | None
    """Score."""
    comment_count: int | None
    """Number of comments the site reports."""
    created: datetime | None
    """When it was submitted (UTC)."""

    @property
    def domain(self) -> str:
        """The link's host without `www.`, or an empty string for text posts."""
        return url_domain(self.url)


def url_domain(url: str | None) -> str:
    """The host part of a URL without `www.` (empty when there is none)."""
    if not url or "://" not in url:
        return ""
    host = url.split("://", 1)[1].split("/", 1)[0].split("?", 1)[0].rsplit("@", 1)[-1]
    return host.removeprefix("www.").lower()
