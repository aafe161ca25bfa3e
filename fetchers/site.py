"""What every site provides: a thread fetcher (and how its addresses look, apart).

A site is one module under `fetchers/` that builds a `Site`, plus its line in
`fetchers/sites.py`, and a recogniser of its addresses under `fetchers/addresses/` with its
line there (the command line recognises a target without importing any fetcher). Nothing
outside `fetchers/` knows which sites exist.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from fetchers.progress import ProgressCallback

if TYPE_CHECKING:
    import httpx

    from fetchers.load_steps import LoadStep
    from fetchers.stub_loading import StubLoading
    from threads.model import Thread


@dataclass(frozen=True, slots=True)
class ItemTarget:
    """A thread on a site.

    `item_id` is whatever the site needs to find the thread again: an id (`26312516`), a
    short id (Lobsters) or a whole URL (instance-based sites, where the host matters).
    """

    site: str
    item_id: str
    focus: str | None = None
    """A comment to open on, when the address named one (a permalink)."""
    sort: str | None = None
    """The comment order to ask the site for (Reddit: `confidence`, `top`, `new`, ...);
    `None` for the site's default."""


class FetchThread(Protocol):
    """Loads the thread a target names. Raises `FetchError` subclasses only."""

    def __call__(
        self,
        client: httpx.AsyncClient,
        target: ItemTarget,
        *,
        progress: ProgressCallback | None = None,
    ) -> Awaitable[Thread]: ...


class OpenThread(Protocol):
    """Loads the thread a target names in steps: something to show at once, then changes
    (see `fetchers/load_steps.py`). `settle=False` stops after the first step where the
    site allows it."""

    def __call__(
        self, client: httpx.AsyncClient, target: ItemTarget, *, settle: bool = True
    ) -> AsyncIterator[LoadStep]: ...


@dataclass(frozen=True, slots=True)
class Site:
    """One site threadreader can read."""

    name: str
    """Registry name: `ItemTarget.site` and `--dump json`'s `source`."""
    label: str
    """How messages name it, e.g. `Hacker News`."""
    fetch: FetchThread
    open: OpenThread | None = None
    """The load in steps, for sites that can show a thread before they have all of it."""
    stubs: Callable[[httpx.AsyncClient, Thread, ItemTarget], StubLoading] | None = None
    """For sites whose threads hold stubs (`Comment.more`): a loader for one thread."""
