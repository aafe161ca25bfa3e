"""Opening the store file: pragmas, damage checks, migration, and what to do when it fails.

Every connection: WAL (readers never wait for the writer), a busy timeout (writers wait
for each other instead of failing with "database is locked"), foreign keys on, and
autocommit so that each write opens its own `BEGIN IMMEDIATE` transaction.
"""

from __future__ import annotations

import sqlite3
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

from store.schema import SCHEMA_VERSION, migrate, schema_version

BUSY_TIMEOUT_SECONDS = 10.0
_HEADER = b"SQLite format 3\x00"
DAMAGED = frozenset({"SQLITE_CORRUPT", "SQLITE_NOTADB"})


class StoreUnavailable(Exception):
    """The store cannot be used at all; the message says why in one sentence."""


@dataclass
class Prepared:
    """The outcome of opening the store for this session."""

    read_only: bool = False
    """The file is from a newer threadreader (or cannot be written): read, never write."""
    notices: list[str] = field(default_factory=list)
    """One-line messages for the user (a file moved aside, a newer schema)."""


def connect(path: Path, *, read_only: bool) -> sqlite3.Connection:
    """A new connection with the store's pragmas (one per thread that uses the store)."""
    if read_only:
        target, uri = f"file:{quote(str(path))}?mode=ro", True
    else:
        target, uri = str(path), False
    connection = sqlite3.connect(
        target,
        timeout=BUSY_TIMEOUT_SECONDS,
        isolation_level=None,
        check_same_thread=False,  # each thread has its own; only close() crosses threads
        uri=uri,
    )
    try:
        connection.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_SECONDS * 1000)}")
        connection.execute("PRAGMA foreign_keys = ON")
        if not read_only:
            connection.execute("PRAGMA journal_mode = WAL")
            connection.execute("PRAGMA synchronous = NORMAL")  # durable at checkpoints in WAL
    except sqlite3.Error:
        connection.close()
        raise
    return connection


def prepare(path: Path) -> Prepared:
    """Make the store usable for this session: create, check, migrate.

    A damaged file is moved aside and a new store started; a store from a newer
    threadreader is opened read-only. Raises `StoreUnavailable` when there can be no store
    (a directory that cannot be created, a read-only disk).
    """
    prepared = Prepared()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise StoreUnavailable(f"cannot create {path.parent} ({_reason(error)})") from error
    marker = damage_marker(path)
    if marker.exists() or looks_truncated(path):
        prepared.notices.append(_moved_notice(move_aside(path)))
    for attempt in range(2):
        try:
            prepared.read_only = _open_and_migrate(path)
        except sqlite3.DatabaseError as error:
            if getattr(error, "sqlite_errorname", "") in DAMAGED and not attempt:
                prepared.notices.append(_moved_notice(move_aside(path)))
                continue
            _open_for_reading(path, error)
            prepared.read_only = True
            prepared.notices.append(
                f"The store {path} cannot be written ({error}): threadreader remembers "
                "nothing from this session."
            )
            return prepared
        break
    if prepared.read_only:
        prepared.notices.append(
            f"The store {path} was written by a newer threadreader: it is read, never "
            "written, in this session."
        )
    return prepared


def _open_for_reading(path: Path, cause: sqlite3.Error) -> None:
    """Check that a store that cannot be written can at least be read, else give up."""
    if not path.exists():
        raise StoreUnavailable(f"cannot use {path} ({cause})") from cause
    try:
        connection = connect(path, read_only=True)
        try:
            if schema_version(connection) == 0:
                raise StoreUnavailable(f"cannot use {path} ({cause})") from cause
        finally:
            connection.close()
    except sqlite3.Error as error:
        raise StoreUnavailable(f"cannot use {path} ({error})") from error


def _open_and_migrate(path: Path) -> bool:
    """Open, read the schema version, migrate. Returns whether the store is newer (read-only)."""
    connection = connect(path, read_only=False)
    try:
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
        if schema_version(connection) > SCHEMA_VERSION:
            return True
        migrate(connection)
        return False
    finally:
        connection.close()


def looks_truncated(path: Path) -> bool:
    """Whether the file is shorter than its header says, or is not SQLite at all.

    Only checked when no write-ahead log is pending (the log may hold the missing pages).
    """
    try:
        size = path.stat().st_size
        wal = path.with_name(path.name + "-wal")
        if size == 0 or (wal.exists() and wal.stat().st_size > 0):
            return False
        with path.open("rb") as file:
            header = file.read(100)
    except OSError:
        return False
    if len(header) < 100 or not header.startswith(_HEADER):
        return True
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    header_valid = header[24:28] == header[92:96]
    return header_valid and pages * page_size > size


def damage_marker(path: Path) -> Path:
    """A file left beside the store when damage is found mid-session (moved at next start)."""
    return path.with_name(path.name + ".damaged")


def move_aside(path: Path) -> Path:
    """Rename a damaged store (and its log files) out of the way; returns the new path."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.stem}.damaged-{stamp}{path.suffix}")
    number = 1
    while target.exists():
        number += 1
        target = path.with_name(f"{path.stem}.damaged-{stamp}-{number}{path.suffix}")
    if path.exists():
        path.rename(target)
    for suffix in ("-wal", "-shm"):
        log = path.with_name(path.name + suffix)
        if log.exists():
            log.rename(target.with_name(target.name + suffix))
    damage_marker(path).unlink(missing_ok=True)
    return target


def _moved_notice(moved_to: Path) -> str:
    return f"The store was damaged: moved it to {moved_to} and started a new one."


def _reason(error: OSError) -> str:
    return error.strerror or str(error)
