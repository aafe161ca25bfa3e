"""How the store names a thread."""

from __future__ import annotations

from typing import NamedTuple


class ThreadKey(NamedTuple):
    """A thread on a site: the site's registry name and the story's id there."""

    source: str
    """Site name, e.g. `hackernews` (a `Thread.source`)."""
    thread_id: str
    """The story's id on that site (a `Thread.id`)."""
