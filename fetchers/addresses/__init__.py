"""Which site a typed address or id names: every site's recogniser, in the order tried.

Kept apart from the sites' fetchers (`fetchers/sites.py`) so that the command line can
parse its target without importing httpx and every site's parsing code (~80 ms at each
launch, before anything is drawn or fetched).
"""

from __future__ import annotations

from collections.abc import Callable

from fetchers.addresses.discourse import recognise_discourse
from fetchers.addresses.hackernews import recognise_hackernews
from fetchers.addresses.lemmy import recognise_lemmy
from fetchers.addresses.lobsters import recognise_lobsters
from fetchers.addresses.mastodon import recognise_mastodon
from fetchers.reddit.addresses import recognise_reddit
from fetchers.site import ItemTarget

# Sites known by their host first; the instance-based ones, recognised by path on any
# host, after them.
RECOGNISERS: tuple[Callable[[str], ItemTarget | None], ...] = (
    recognise_hackernews,
    recognise_lobsters,
    recognise_reddit,
    recognise_discourse,
    recognise_lemmy,
    recognise_mastodon,
)


def recognise(text: str) -> ItemTarget | None:
    """The first site that claims the text, or `None`. Raises `BadTarget` when a site
    claims it but it names no thread there."""
    for recogniser in RECOGNISERS:
        target = recogniser(text)
        if target is not None:
            return target
    return None
