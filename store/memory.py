"""`Memory`: the store's API for the app and the command line.

Every method may be called from any thread: each thread gets its own SQLite connection,
so writes can run in a worker while the UI thread (or another process) reads. Nothing here
raises for a store problem: a store that cannot be used turns memory off for the session,
and the reason is queued once in `take_notices()` for the app to show.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from store import listing, pruning, stories, thread_rows, visits
from store.connect import DAMAGED, StoreUnavailable, connect, damage_marker, prepare
from store.keys import ThreadKey
from store.listing import ThreadEntry
from store.location import database_path, max_bytes_from_env
from store.reading_state import ReadingState, load_reading_state, save_reading_state
from store.visits import PreviousVisit
from threads.model import Thread
from threads.new_comments import NewComments, new_since

if TYPE_CHECKING:  # reader mode's store is imported when first used, not at launch
    from threads.article import Article

T = TypeVar("T")


@dataclass(frozen=True)
class StoredThread:
    """A thread as the store last saw it."""

    thread: Thread
    """The stored copy (sanitised; `focus_id` set when it was found by a comment id)."""
    fetched_at: datetime
    """When that copy was fetched (UTC)."""

    def age(self, now: datetime) -> float:
        """How old the copy is, in seconds."""
        return max(0.0, (now - self.fetched_at).total_seconds())


@dataclass(frozen=True)
class Visit:
    """A visit in progress: what was seen before it, and its id for later additions."""

    key: ThreadKey
    """The thread visited."""
    visit_id: int | None
    """The recorded visit (`None` when nothing is recorded: no memory, `--no-history`)."""
    previous: PreviousVisit | None
    """The last visit before this one, or `None` for a first visit."""

    def new_in(self, thread: Thread) -> NewComments:
        """The comments of `thread` new since the previous visit (none on a first visit)."""
        return new_since(thread, None if self.previous is None else self.previous.seen)


class Memory:
    """The local store, or a stand-in that remembers nothing when it cannot be used."""

    def __init__(
        self,
        path: Path | None = None,
        *,
        max_bytes: int | None = None,
        enabled: bool = True,
        clock: Callable[[], float] = time.time,
    ) -> None:
        """Set up; nothing is opened until the first call.

        Args:
            path: The SQLite file (default: `store.location.database_path()`).
            max_bytes: The size bound (default: `$THREADREADER_STORE_MAX_MB` or 200 MB).
            enabled: `False` for `--no-history`: nothing is read or written.
            clock: Seconds since the epoch (tests pass a fixed clock).
        """
        self.path = path or database_path()
        self.max_bytes = max_bytes if max_bytes is not None else max_bytes_from_env()
        self._clock = clock
        self._enabled = enabled
        self._prepared = False
        self._read_only = False
        self._lock = threading.Lock()
        self._local = threading.local()
        self._connections: list[sqlite3.Connection] = []
        self._notices: list[str] = []
        self._said: set[str] = set()  # kinds of problem already reported

    # -- state -----------------------------------------------------------------------
    @property
    def available(self) -> bool:
        """Whether anything can be read (opens the store on first use)."""
        return self._connection() is not None

    @property
    def writable(self) -> bool:
        """Whether this session's visits, places and bookmarks are being kept."""
        return self._connection() is not None and not self._read_only

    def take_notices(self) -> list[str]:
        """One-line messages for the user since the last call (each said once)."""
        with self._lock:
            notices, self._notices = self._notices, []
        return notices

    def close(self) -> None:
        """Close every connection (at exit)."""
        with self._lock:
            for connection in self._connections:
                connection.close()
            self._connections.clear()
            self._enabled = False

    # -- threads ---------------------------------------------------------------------
    def open_stored(self, key: ThreadKey) -> StoredThread | None:
        """The stored copy of a thread, or of the thread holding comment `key.thread_id`."""

        def read(connection: sqlite3.Connection) -> StoredThread | None:
            row_key = thread_rows.find_row_key(connection, key)
            focus = None
            if row_key is None:
                row = connection.execute(
                    """SELECT c.thread_key FROM comments c JOIN threads t ON t.key = c.thread_key
                       WHERE c.id = ? AND t.source = ? LIMIT 1""",
                    (key.thread_id, key.source),
                ).fetchone()
                row_key, focus = (None, None) if row is None else (int(row[0]), key.thread_id)
            if row_key is None:
                return None
            thread = thread_rows.load_thread(connection, row_key)
            (fetched_at,) = connection.execute(
                "SELECT fetched_at FROM threads WHERE key = ?", (row_key,)
            ).fetchone()
            if thread is None or not isinstance(fetched_at, int | float):
                return None
            try:
                fetched = datetime.fromtimestamp(fetched_at, UTC)
            except (OverflowError, OSError, ValueError):  # a doctored time: no copy to trust
                return None
            thread.focus_id = focus
            return StoredThread(thread, fetched)

        return self._read(read, None)

    def save_thread(self, thread: Thread) -> bool:
        """Keep a copy of the thread for offline reading, then apply the size bound."""

        def write(connection: sqlite3.Connection) -> bool:
            row_key = thread_rows.save_thread(connection, thread, self._clock())
            pruning.prune(connection, self.max_bytes, keep=row_key)
            return True

        return self._write(write, False)

    # -- articles --------------------------------------------------------------------
    def stored_article(self, url: str) -> Article | None:
        """The stored copy of reader mode's article at `url` (asked for or redirected to)."""
        from store import articles

        return self._read(lambda connection: articles.load_article(connection, url), None)

    def save_article(self, article: Article, url: str | None = None) -> bool:
        """Keep an article for offline reading, then apply the size bound.

        Args:
            article: The article as fetched.
            url: The address it was asked for at (default: `article.url`, where it ended).
        """
        from store import articles

        asked = url or article.url

        def write(connection: sqlite3.Connection) -> bool:
            articles.save_article(connection, asked, article, self._clock())
            pruning.prune(connection, self.max_bytes, keep_article=asked)
            return True

        return self._write(write, False)

    # -- visits ----------------------------------------------------------------------
    def previous_visit(self, key: ThreadKey) -> PreviousVisit | None:
        """The last visit of a thread and every comment id seen so far, without recording."""

        def read(connection: sqlite3.Connection) -> PreviousVisit | None:
            row_key = thread_rows.find_row_key(connection, key)
            return None if row_key is None else visits.previous_visit(connection, row_key)

        return self._read(read, None)

    def begin_visit(self, thread: Thread) -> Visit:
        """Record a visit to `thread`, returning what was seen before it.

        Take `Visit.new_in(thread)` for the marks; call `extend_visit` when a refresh
        brings more comments, so they count as seen at this visit.
        """
        key = ThreadKey(thread.source, thread.id)

        def write(connection: sqlite3.Connection) -> Visit:
            row_key = thread_rows.thread_row_key(connection, key, thread.title)
            previous = visits.previous_visit(connection, row_key)
            visit_id = visits.start_visit(connection, row_key, self._clock())
            visits.mark_seen(connection, row_key, visit_id, thread)
            self._record_story(connection, thread)
            return Visit(key, visit_id, previous)

        visit = self._write(write, None)
        return visit if visit is not None else Visit(key, None, self.previous_visit(key))

    def extend_visit(self, visit: Visit, thread: Thread) -> bool:
        """Count the comments of a refreshed `thread` as seen at `visit`."""
        if visit.visit_id is None:
            return False
        visit_id = visit.visit_id

        def write(connection: sqlite3.Connection) -> bool:
            row_key = thread_rows.find_row_key(connection, visit.key)
            if row_key is None or not visits.visit_exists(connection, row_key, visit_id):
                return False  # pruned meanwhile
            visits.mark_seen(connection, row_key, visit_id, thread)
            self._record_story(connection, thread)
            return True

        return self._write(write, False)

    def _record_story(self, connection: sqlite3.Connection, thread: Thread) -> None:
        """Opening a thread marks its story opened (for lists), with the best count known."""
        count = thread.expected_count
        if count is None:
            known = stories.opened_stories(connection, thread.source, [thread.id])
            if thread.id in known:
                return  # keep the list's count
            count = sum(1 for c in thread.tree.order if not (c.deleted or c.dead))
        stories.story_opened(connection, thread.source, thread.id, count, self._clock())

    # -- reading place ----------------------------------------------------------------
    def reading_state(self, key: ThreadKey) -> ReadingState | None:
        """Where the reader was in the thread (cursor, folds, theme modes), or `None`."""

        def read(connection: sqlite3.Connection) -> ReadingState | None:
            row_key = thread_rows.find_row_key(connection, key)
            return None if row_key is None else load_reading_state(connection, row_key)

        return self._read(read, None)

    def save_reading_state(self, key: ThreadKey, state: ReadingState, title: str = "") -> bool:
        """Keep the reader's place in a thread."""

        def write(connection: sqlite3.Connection) -> bool:
            row_key = thread_rows.thread_row_key(connection, key, title)
            save_reading_state(connection, row_key, state, self._clock())
            return True

        return self._write(write, False)

    def forget_reading_state(self, key: ThreadKey) -> bool:
        """Start the thread afresh next time (no cursor, folds or theme modes restored)."""

        def write(connection: sqlite3.Connection) -> bool:
            row_key = thread_rows.find_row_key(connection, key)
            if row_key is not None:
                connection.execute("DELETE FROM reading_state WHERE thread_key = ?", (row_key,))
            return True

        return self._write(write, False)

    # -- lists -----------------------------------------------------------------------
    def history(self, limit: int = 500) -> list[ThreadEntry]:
        """Visited threads, most recent first, with their new counts."""
        return self._read(lambda connection: listing.history(connection, limit), [])

    def bookmarks(self) -> list[ThreadEntry]:
        """Bookmarked threads, most recently bookmarked first."""
        return self._read(listing.bookmarks, [])

    def is_bookmarked(self, key: ThreadKey) -> bool:
        """Whether the thread is bookmarked."""

        def read(connection: sqlite3.Connection) -> bool:
            row = connection.execute(
                "SELECT bookmarked_at FROM threads WHERE source = ? AND thread_id = ?", key
            ).fetchone()
            return row is not None and row[0] is not None

        return self._read(read, False)

    def set_bookmark(self, key: ThreadKey, bookmarked: bool, title: str = "") -> bool:
        """Bookmark a thread or a story from a list (`title` names it until it is opened)."""

        def write(connection: sqlite3.Connection) -> bool:
            row_key = thread_rows.thread_row_key(connection, key, title)
            listing.set_bookmark(connection, row_key, bookmarked, self._clock())
            return True

        return self._write(write, False)

    def story_opened(self, source: str, story_id: str, comment_count: int | None) -> bool:
        """Record that a story was opened from a list showing `comment_count` comments."""

        def write(connection: sqlite3.Connection) -> bool:
            stories.story_opened(connection, source, story_id, comment_count, self._clock())
            return True

        return self._write(write, False)

    def opened_stories(self, source: str, story_ids: Iterable[str]) -> dict[str, int | None]:
        """Which of these stories were opened, with the comment count seen then."""
        ids = list(story_ids)
        return self._read(lambda connection: stories.opened_stories(connection, source, ids), {})

    # -- plumbing ----------------------------------------------------------------------
    def _connection(self) -> sqlite3.Connection | None:
        """This thread's connection, opening (and preparing) the store on first use."""
        connection: sqlite3.Connection | None = getattr(self._local, "connection", None)
        if connection is not None or not self._enabled:
            return connection if self._enabled else None
        with self._lock:
            if not self._enabled:
                return None
            try:
                if not self._prepared:
                    prepared = prepare(self.path)
                    self._prepared, self._read_only = True, prepared.read_only
                    self._notices.extend(prepared.notices)
                connection = connect(self.path, read_only=self._read_only)
            except (StoreUnavailable, sqlite3.Error, OSError) as error:
                self._turn_off(f"The store cannot be used: {error}.")
                return None
            self._connections.append(connection)
        self._local.connection = connection
        return connection

    def _read(self, read: Callable[[sqlite3.Connection], T], default: T) -> T:
        connection = self._connection()
        if connection is None:
            return default
        try:
            return read(connection)
        except sqlite3.Error as error:
            self._failed(error)
            return default

    def _write(self, write: Callable[[sqlite3.Connection], T], default: T) -> T:
        connection = self._connection()
        if connection is None or self._read_only:
            return default
        try:
            # IMMEDIATE takes the write lock up front: a transaction that read first and
            # then wrote could fail at once with "database is locked" (busy timeout unused).
            connection.execute("BEGIN IMMEDIATE")
            result = write(connection)
            connection.execute("COMMIT")
            return result
        except sqlite3.Error as error:
            if connection.in_transaction:
                connection.execute("ROLLBACK")
            self._failed(error)
            return default

    def _failed(self, error: sqlite3.Error) -> None:
        """A store error mid-session: stop writing (and on damage, stop reading) and say so."""
        name = getattr(error, "sqlite_errorname", "")
        if name in DAMAGED:
            damage_marker(self.path).touch()
            self._turn_off(
                f"The store {self.path} is damaged ({error}); it will be moved aside at the "
                "next start."
            )
        elif name == "SQLITE_BUSY":
            self._say(
                "busy",
                "The store is busy (another threadreader is writing); a change was not saved.",
            )
        else:
            self._read_only = True
            self._say(
                "off",
                f"The store {self.path} cannot be written ({error}): threadreader remembers "
                "nothing more in this session.",
            )

    def _turn_off(self, message: str) -> None:
        self._enabled = False
        self._say("off", message)

    def _say(self, kind: str, message: str) -> None:
        """Queue a notice, once per kind of problem per session."""
        if kind in self._said:
            return
        self._said.add(kind)
        self._notices.append(message)
