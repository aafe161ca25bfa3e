"""Where the store lives and how big it may grow (both overridable from the environment)."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

DATABASE_NAME = "store.sqlite3"
DEFAULT_MAX_MB = 200
"""Default size bound of the stored threads, in megabytes (about 150 threads of 2,000
comments)."""


def data_dir() -> Path:
    """`$THREADREADER_DATA_DIR`, else the platform's user data directory for threadreader.

    On Linux that is `$XDG_DATA_HOME/threadreader` (`~/.local/share/threadreader`).
    """
    explicit = os.environ.get("THREADREADER_DATA_DIR")
    if explicit:
        return Path(explicit).expanduser()
    return Path(platformdirs.user_data_dir("threadreader", appauthor=False))


def database_path() -> Path:
    """The SQLite file of the store."""
    return data_dir() / DATABASE_NAME


def max_bytes_from_env(config_mb: float | None = None) -> int:
    """The size bound: `$THREADREADER_STORE_MAX_MB`, else the config's, else the default.

    A value that is not a positive number is ignored.
    """
    for value in (os.environ.get("THREADREADER_STORE_MAX_MB"), config_mb):
        try:
            megabytes = float(value) if value is not None else 0.0
        except ValueError:
            continue
        if megabytes > 0:
            return int(megabytes * 1_000_000)
    return DEFAULT_MAX_MB * 1_000_000
