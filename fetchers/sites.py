"""The registry: every site threadreader reads, by name (which site an address names is
`fetchers/addresses`).

A site's module is imported when its site is first asked for: a launch loads one thread,
and importing every site's fetcher for it cost ~20 ms before the first request.
"""

from __future__ import annotations

import importlib

from fetchers.errors import BadTarget
from fetchers.site import Site

SITE_MODULES: dict[str, str] = {
    "hackernews": "fetchers.hackernews",
    "lobsters": "fetchers.lobsters",
    "reddit": "fetchers.reddit.site",
    "discourse": "fetchers.discourse",
    "lemmy": "fetchers.lemmy",
    "mastodon": "fetchers.mastodon",
}
"""Each site's name and the module that builds its `Site` (as `SITE`)."""


def site_named(name: str) -> Site:
    """The registered site called `name`. Raises `BadTarget` for an unknown one."""
    module_name = SITE_MODULES.get(name)
    if module_name is None:
        raise BadTarget(f"threadreader cannot read {name!r} threads.")
    site = importlib.import_module(module_name).SITE
    assert isinstance(site, Site) and site.name == name, module_name
    return site
