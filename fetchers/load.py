"""Open any target: the one entry point the CLI and the app use to get a thread."""

from __future__ import annotations

import asyncio

import httpx

from fetchers.errors import BadTarget
from fetchers.progress import ProgressCallback
from fetchers.saved import load_thread_file
from fetchers.sites import site_named
from fetchers.targets import ArticleTarget, FileTarget, Target
from threads.model import Thread


async def load_target(
    client: httpx.AsyncClient, target: Target, *, progress: ProgressCallback | None = None
) -> Thread:
    """Fetch or read the thread a target names. Raises `FetchError` subclasses only."""
    if isinstance(target, FileTarget):
        # File reading and parsing can take a moment on big files: keep the loop free.
        return await asyncio.to_thread(load_thread_file, target.path)
    if isinstance(target, ArticleTarget):
        # Reader mode (fetchers.article.fetch_article) has no screen yet; say so plainly.
        raise BadTarget(
            f"{target.url} is a web page, not a thread; "
            f"read it with: threadreader {target.url} --dump text"
        )
    return await site_named(target.site).fetch(client, target, progress=progress)
