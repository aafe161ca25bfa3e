"""The thread screen's link to its site: a stub loader and the comment orders.

Built by the app for a thread opened from a site address; `None` for saved files and the
sample. The site's fetchers are looked up only when a stub is opened: importing them (and
httpx) at launch would delay the first frame by ~40 ms.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from fetchers.progress import ProgressCallback
from fetchers.site import ItemTarget
from threads.model import Thread
from tui.screens.thread_stubs import SiteHooks, ThreadSource

if TYPE_CHECKING:
    import httpx

    from fetchers.stub_loading import StubLoading


def site_hooks(client: Callable[[], httpx.AsyncClient], target: object) -> SiteHooks | None:
    """Hooks for a thread opened from a site's address (`target`)."""
    if not isinstance(target, ItemTarget):
        return None
    sorts: tuple[str, ...] = ()
    if target.site == "reddit":
        from fetchers.reddit.addresses import SORTS

        sorts = SORTS

    def sorted_source(sort: str) -> ThreadSource:
        sorted_target = replace(target, sort=sort)

        async def source(progress: ProgressCallback) -> Thread:
            from fetchers.load import load_target

            return await load_target(client(), sorted_target, progress=progress)

        return source

    return SiteHooks(
        loader=lambda thread: _stub_loader(client, thread, target),
        sorts=sorts,
        sorted_source=sorted_source,
        sort=target.sort,
    )


def _stub_loader(
    client: Callable[[], httpx.AsyncClient], thread: Thread, target: ItemTarget
) -> StubLoading | None:
    """The site's loader for the thread's stubs; `None` for sites whose threads arrive
    whole (everything but Reddit today), which then need no HTTP client either."""
    from fetchers.sites import site_named

    make_loader = site_named(target.site).stubs
    return None if make_loader is None else make_loader(client(), thread, target)
