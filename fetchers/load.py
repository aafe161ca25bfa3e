"""Open any target: the one entry point the CLI and the app use to get a thread."""

from __future__ import annotations

import asyncio
import dataclasses
from collections.abc import AsyncIterator

import httpx

from fetchers.errors import BadTarget
from fetchers.load_steps import LoadStep, final_thread
from fetchers.progress import ProgressCallback
from fetchers.sites import site_named
from fetchers.targets import ArticleTarget, FileTarget, Target
from threads.first_screen import first_screen
from threads.model import Thread


async def load_target(
    client: httpx.AsyncClient,
    target: Target,
    *,
    progress: ProgressCallback | None = None,
    settle: bool = True,
) -> Thread:
    """Fetch or read the thread a target names, all of it. Raises `FetchError` only.

    `settle=False` returns what `open_target`'s first step shows (for Hacker News:
    Algolia's tree with the top level in HN's order, replies oldest first).
    """
    return await final_thread(open_target(client, target, settle=settle), progress)


async def open_target(
    client: httpx.AsyncClient, target: Target, *, settle: bool = True
) -> AsyncIterator[LoadStep]:
    """The thread a target names, in steps (`fetchers/load_steps.py`): the first step has a
    thread to show, the rest changes to apply. Saved files and sites that cannot stream
    give one step. Raises `FetchError` subclasses only."""
    async for step in _steps(client, target, settle=settle):
        if step.thread is not None and (screenful := first_screen(step.thread)) is not None:
            # The first screen first: the whole of a big thread takes ~20 ms more to
            # reach the reader's first frame (sent from the forked load, unpickled, laid
            # out), and comes right after.
            yield dataclasses.replace(
                step,
                thread=screenful,
                changes=(),
                phase="loading",
                done=screenful.comment_count,
                total=screenful.expected_count,
                preview=True,
            )
        yield step


async def _steps(
    client: httpx.AsyncClient, target: Target, *, settle: bool
) -> AsyncIterator[LoadStep]:
    if isinstance(target, FileTarget):
        from fetchers.saved import load_thread_file  # when a file is opened, not at launch

        # File reading and parsing can take a moment on big files: keep the loop free.
        yield LoadStep(thread=await asyncio.to_thread(load_thread_file, target.path))
        return
    if isinstance(target, ArticleTarget):
        # A web page is no thread: the app opens it in reader mode (fetchers.article)
        # and never asks for it here; a script that does gets a sentence.
        raise BadTarget(
            f"{target.url} is a web page, not a thread; "
            f"read it with: threadreader {target.url} --dump text"
        )
    site = site_named(target.site)
    if site.open is None:
        yield LoadStep(thread=await site.fetch(client, target))
        return
    async for step in site.open(client, target, settle=settle):
        yield step
