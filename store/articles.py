"""Reader mode's articles in the store, by URL, for offline reading.

An article is one row: its metadata and its body encoded like a comment body
(`store.codec`). Everything read back is sanitised again; a malformed row reads as absent.
"""

from __future__ import annotations

import sqlite3

from store.codec import decode_body, encode_body, optional_text, text
from threads.article import Article

_ROW_COST = 200
"""A fixed cost per article for the size bound (keys, index entries, row overhead)."""


def save_article(connection: sqlite3.Connection, url: str, article: Article, now: float) -> None:
    """Keep `article`, read at `url` (and reached at `article.url` after redirects)."""
    body = encode_body(article.body)
    fields = (article.url, article.title, article.byline, article.date, article.site)
    size = _ROW_COST + len(body) + len(url) + sum(len(field or "") for field in fields)
    connection.execute(
        """INSERT OR REPLACE INTO articles
           (url, final_url, title, byline, date, site, body, stored_bytes, fetched_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        (url, *fields, body, size, now),
    )


def load_article(connection: sqlite3.Connection, url: str) -> Article | None:
    """The article stored for `url` (asked for, or reached after redirects), or `None`."""
    row = connection.execute(
        """SELECT final_url, title, byline, date, site, body FROM articles
           WHERE url = ? OR final_url = ? ORDER BY url = ? DESC, fetched_at DESC LIMIT 1""",
        (url, url, url),
    ).fetchone()
    if row is None:
        return None
    final_url, title, byline, date, site, body = row
    address = text(final_url) or text(url)
    return Article(
        url=address,
        title=text(title) or address,
        byline=optional_text(byline),
        date=optional_text(date),
        site=optional_text(site),
        body=decode_body(body),
    )
