"""The store's schema and its forward migrations.

The version lives in SQLite's `user_version`. `MIGRATIONS[n]` takes a store from version n
to n + 1; a new release appends a step and never edits an old one, so any older store can
be brought forward. A store newer than `SCHEMA_VERSION` is opened read-only by the caller.
"""

from __future__ import annotations

import sqlite3

_V1 = """
CREATE TABLE threads (
    key INTEGER PRIMARY KEY,
    source TEXT NOT NULL,
    thread_id TEXT NOT NULL,
    title TEXT NOT NULL,
    url TEXT,
    author TEXT,
    points INTEGER,
    created TEXT,
    body TEXT NOT NULL DEFAULT '[]',
    expected_count INTEGER,
    missing INTEGER NOT NULL DEFAULT 0,
    comment_count INTEGER NOT NULL DEFAULT 0,
    unseen_count INTEGER NOT NULL DEFAULT 0,
    stored_bytes INTEGER NOT NULL DEFAULT 0,
    fetched_at REAL,
    bookmarked_at REAL,
    UNIQUE (source, thread_id)
);
CREATE TABLE comments (
    thread_key INTEGER NOT NULL REFERENCES threads (key) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    id TEXT NOT NULL,
    depth INTEGER NOT NULL,
    author TEXT,
    created TEXT,
    body TEXT NOT NULL,
    deleted INTEGER NOT NULL DEFAULT 0,
    dead INTEGER NOT NULL DEFAULT 0,
    score INTEGER,
    PRIMARY KEY (thread_key, position)
) WITHOUT ROWID;
CREATE INDEX comments_by_id ON comments (id);
CREATE TABLE visits (
    visit INTEGER PRIMARY KEY,
    thread_key INTEGER NOT NULL REFERENCES threads (key) ON DELETE CASCADE,
    visited_at REAL NOT NULL
);
CREATE INDEX visits_by_thread ON visits (thread_key, visited_at);
CREATE TABLE seen (
    thread_key INTEGER NOT NULL REFERENCES threads (key) ON DELETE CASCADE,
    comment_id TEXT NOT NULL,
    first_visit INTEGER NOT NULL REFERENCES visits (visit) ON DELETE CASCADE,
    PRIMARY KEY (thread_key, comment_id)
) WITHOUT ROWID;
CREATE TABLE reading_state (
    thread_key INTEGER PRIMARY KEY REFERENCES threads (key) ON DELETE CASCADE,
    cursor_id TEXT,
    cursor_row INTEGER,
    folds TEXT NOT NULL DEFAULT '[]',
    theme_modes TEXT NOT NULL DEFAULT '{}',
    saved_at REAL NOT NULL
);
CREATE TABLE stories_opened (
    source TEXT NOT NULL,
    story_id TEXT NOT NULL,
    comment_count INTEGER,
    opened_at REAL NOT NULL,
    PRIMARY KEY (source, story_id)
) WITHOUT ROWID;
"""

_V2 = """
CREATE TABLE articles (
    url TEXT PRIMARY KEY,
    final_url TEXT NOT NULL,
    title TEXT NOT NULL,
    byline TEXT,
    date TEXT,
    site TEXT,
    body TEXT NOT NULL DEFAULT '[]',
    stored_bytes INTEGER NOT NULL DEFAULT 0,
    fetched_at REAL NOT NULL
) WITHOUT ROWID;
CREATE INDEX articles_by_final_url ON articles (final_url);
CREATE INDEX articles_by_age ON articles (fetched_at);
"""
"""Reader mode's articles, by the URL asked for (`final_url`: where redirects ended)."""

MIGRATIONS: tuple[str, ...] = (_V1, _V2)
"""`MIGRATIONS[n]`: the SQL that takes version n to n + 1 (version 0 is an empty file)."""

SCHEMA_VERSION = len(MIGRATIONS)


def schema_version(connection: sqlite3.Connection) -> int:
    """The version recorded in the file (0 for a new, empty database)."""
    return int(connection.execute("PRAGMA user_version").fetchone()[0])


def migrate(connection: sqlite3.Connection) -> int:
    """Bring the store forward to `SCHEMA_VERSION`, one step per transaction.

    Returns:
        The version the store had before.
    """
    start = schema_version(connection)
    for version in range(start, SCHEMA_VERSION):
        connection.execute("BEGIN IMMEDIATE")
        try:
            # Another process may have migrated while this one waited for the lock.
            if schema_version(connection) == version:
                for statement in _statements(MIGRATIONS[version]):
                    connection.execute(statement)
                connection.execute(f"PRAGMA user_version = {version + 1}")
            connection.execute("COMMIT")
        except BaseException:
            connection.execute("ROLLBACK")
            raise
    return start


def _statements(script: str) -> list[str]:
    """Split a migration into statements (`executescript` would commit on its own)."""
    return [part.strip() for part in script.split(";") if part.strip()]
