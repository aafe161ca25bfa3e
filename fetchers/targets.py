"""What the user asked to open: a thread on a known site, a saved `.json` file, or any
other web page (an article, read in reader mode)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from fetchers.addresses import recognise
from fetchers.errors import BadTarget
from fetchers.site import ItemTarget


@dataclass(frozen=True, slots=True)
class FileTarget:
    """A thread saved in a JSON file."""

    path: Path


@dataclass(frozen=True, slots=True)
class ArticleTarget:
    """A web page that no registered site recognises: read as an article."""

    url: str


Target = ItemTarget | FileTarget | ArticleTarget

__all__ = ["ArticleTarget", "FileTarget", "ItemTarget", "Target", "parse_target"]


def _article_target(value: str) -> ArticleTarget | None:
    """An `http(s)` address with a host name, as typed (it is sanitised when fetched)."""
    if not value.lower().startswith(("http://", "https://")) or any(c.isspace() for c in value):
        return None
    try:
        host = urlsplit(value).hostname
    except ValueError:  # a malformed port or IPv6 literal
        return None
    return ArticleTarget(value) if host else None


def parse_target(text: str) -> Target:
    """Understand a thread address, an id or a saved file. Raises `BadTarget` with a sentence."""
    value = text.strip()
    if "://" not in value and (value.lower().endswith(".json") or Path(value).is_file()):
        return FileTarget(Path(value))
    target = recognise(value)
    if target is not None:
        return target
    article = _article_target(value)  # after every site: their addresses are threads
    if article is not None:
        return article
    raise BadTarget(
        f"Don't know how to open {text!r}: give a thread URL from Hacker News, Lobsters, "
        "a Discourse forum (/t/ID), Lemmy (/post/ID) or Mastodon (/@user/ID), any other web "
        "address (its article), an HN id, hn:ID, lobsters:ID or a .json file."
    )
