"""Reddit in the registry: its `Site`, the thread fetch and the stub loader."""

from __future__ import annotations

import httpx

from fetchers.progress import ProgressCallback
from fetchers.reddit.api import api_for
from fetchers.reddit.loader import StubLoader, fetch_focus, fetch_thread
from fetchers.site import ItemTarget, Site
from threads.model import Thread

__all__ = ["SITE", "fetch_target", "stub_loader"]


async def fetch_target(
    client: httpx.AsyncClient, target: ItemTarget, *, progress: ProgressCallback | None = None
) -> Thread:
    """The thread as Reddit's first answer has it (plus the permalinked comment)."""
    api = api_for(client)
    thread = await fetch_thread(api, target.item_id, sort=target.sort)
    if target.focus:
        await fetch_focus(api, thread, target.focus, target.sort)
    if progress is not None:
        progress(thread.comment_count, thread.expected_count)
    return thread


def stub_loader(client: httpx.AsyncClient, thread: Thread, target: ItemTarget) -> StubLoader:
    """A loader for this thread's stubs, sharing the app's rate budget."""
    return StubLoader(api_for(client), thread, sort=target.sort)


SITE = Site("reddit", "Reddit", fetch_target, stubs=stub_loader)
