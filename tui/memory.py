"""Glue between the command line / app and the store: which store, for which target.

No Textual here: the `--dump` path uses it too.
"""

from __future__ import annotations

from typing import Any

from fetchers.site import ItemTarget
from fetchers.targets import Target
from store.keys import ThreadKey
from store.location import max_bytes_from_env
from store.memory import Memory
from threads.model import Thread
from tui.config import Config


def open_memory(config: Config, *, enabled: bool = True) -> Memory:
    """The store for this session (`enabled=False` for `--no-history`).

    The size bound comes from `$THREADREADER_STORE_MAX_MB`, else the config's
    `[store] max_mb`, else the default.
    """
    return Memory(max_bytes=max_bytes_from_env(_config_max_mb(config)), enabled=enabled)


def _config_max_mb(config: Config) -> float | None:
    table: Any = config.raw.get("store")
    value = table.get("max_mb") if isinstance(table, dict) else None
    if isinstance(value, int | float) and not isinstance(value, bool) and value > 0:
        return float(value)
    if value is not None:
        config.problems.append(f"{config.path}: [store] max_mb must be a positive number.")
    return None


def target_key(target: Target | None) -> ThreadKey | None:
    """The store key for a thread on a site (`None` for files and the sample, never stored).

    The id may be a comment's: `Memory.open_stored` then finds the thread that holds it.
    """
    if isinstance(target, ItemTarget):
        return ThreadKey(target.site, target.item_id)
    return None


def thread_key(thread: Thread) -> ThreadKey:
    """The store key of a loaded thread."""
    return ThreadKey(thread.source, thread.id)
