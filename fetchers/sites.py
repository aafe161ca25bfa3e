"""The registry: every site threadreader reads, in the order targets are tried."""

from __future__ import annotations

from fetchers import discourse, hackernews, lemmy, lobsters, mastodon
from fetchers.errors import BadTarget
from fetchers.reddit import site as reddit
from fetchers.site import ItemTarget, Site

# Sites known by their host first; the instance-based ones, recognised by path on any
# host, after them.
SITES: tuple[Site, ...] = (
    hackernews.SITE,
    lobsters.SITE,
    reddit.SITE,
    discourse.SITE,
    lemmy.SITE,
    mastodon.SITE,
)


def recognise(text: str) -> ItemTarget | None:
    """The first site that claims the text, or `None`."""
    for site in SITES:
        target = site.recognise(text)
        if target is not None:
            return target
    return None


def site_named(name: str) -> Site:
    """The registered site called `name`. Raises `BadTarget` for an unknown one."""
    for site in SITES:
        if site.name == name:
            return site
    raise BadTarget(f"threadreader cannot read {name!r} threads.")
