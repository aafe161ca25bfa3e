"""Reader mode's articles in the local store: round trip, hostile rows, migration, bound."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from store import schema
from store.keys import ThreadKey
from store.location import DATABASE_NAME
from store.memory import Memory
from tests.store_support import small_thread, text_comment, thread_shape
from threads.article import Article
from threads.blocks import Block, Span
from threads.sanitize import clean_text

URL = "https://blog.example/post"
FINAL = "https://blog.example/2024/post/"


def article(title: str = "A post [bold]not markup[/]", body_text: str = "Body text.") -> Article:
    return Article(
        url=FINAL,
        title=title,
        byline="Ada [i]Lovelace[/i]",
        date="2024-05-01",
        site="The Example Blog",
        body=(
            Block("heading", (Span("Intro"),), level=2),
            Block("paragraph", (Span(body_text), Span(" link", href="https://x.example/a"))),
            Block("item", (Span("• "), Span("one", bold=True)), level=1),
            Block("code", (Span("print('hi')\n"),), language="python"),
            Block("table", (Span("a  b\n1  2"),)),
            Block("image", (Span("[image: a cat]"),)),
            Block("quote", (Span("quoted", italic=True, code=True, spoiler=True),)),
        ),
    )


def shape(found: Article) -> tuple[object, ...]:
    return (found.url, found.title, found.byline, found.date, found.site, found.body)


def test_an_article_comes_back_equal_in_a_new_session_by_either_address(tmp_path: Path) -> None:
    path = tmp_path / DATABASE_NAME
    original = article()
    assert Memory(path).save_article(original, URL)

    memory = Memory(path)
    for address in (URL, FINAL):
        found = memory.stored_article(address)
        assert found is not None and shape(found) == shape(original)
        assert found.links == original.links
    assert memory.stored_article("https://blog.example/other") is None


def test_hostile_strings_written_into_the_store_are_inert_after_a_reload(tmp_path: Path) -> None:
    """A store edited by hand (or by an older version) cannot reach the terminal raw."""
    path = tmp_path / DATABASE_NAME
    Memory(path).save_article(article(), URL)
    evil = "\x1b]52;c;aGk=\x07\x1b[2Jgot you\r\x9b31m\u202e"
    body = json.dumps(
        [["h", [[evil, 0, f"https://x.y/{evil}"]], {"l": 2, "g": evil}], ["zz", [[1]]]]
    )
    with sqlite3.connect(path) as raw:
        raw.execute(
            "UPDATE articles SET title = ?, byline = ?, date = ?, site = ?, final_url = ?,"
            " body = ?",
            (evil, evil, evil, evil, f"https://x.y/{evil}", body),
        )

    found = Memory(path).stored_article(URL)

    assert found is not None
    texts = [found.url, found.title, found.byline, found.date, found.site, found.plain_text]
    texts += [link.url for link in found.links] + [found.body[0].language or ""]
    assert all(text is not None and clean_text(text) == text for text in texts)
    assert "\x1b" not in "".join(str(text) for text in texts)
    assert found.title == clean_text(evil) and found.body[0].kind == "heading"
    assert [block.kind for block in found.body] == ["heading", "paragraph"]  # unknown kind


def test_a_version_1_store_is_migrated_and_keeps_its_threads(tmp_path: Path) -> None:
    path = tmp_path / DATABASE_NAME
    thread = small_thread(text_comment("1", "kept", text_comment("2", "kept too")))
    Memory(path).save_thread(thread)
    with sqlite3.connect(path) as raw:  # exactly what threadreader's schema 1 had
        raw.execute("DROP TABLE articles")
        raw.execute("PRAGMA user_version = 1")

    memory = Memory(path)
    stored = memory.open_stored(ThreadKey("hackernews", "100"))
    saved = memory.save_article(article(), URL)

    assert stored is not None and thread_shape(stored.thread) == thread_shape(thread)
    assert saved and memory.stored_article(URL) is not None
    assert memory.take_notices() == []
    memory.close()
    with sqlite3.connect(path) as raw:
        assert schema.schema_version(raw) == schema.SCHEMA_VERSION == 2


def test_old_articles_are_pruned_by_the_size_bound_the_newest_kept(tmp_path: Path) -> None:
    path = tmp_path / DATABASE_NAME
    now = [1000.0]
    memory = Memory(path, max_bytes=30_000, clock=lambda: now[0])
    for number in range(10):
        now[0] += 60
        memory.save_article(article(body_text="x" * 5_000), f"{URL}/{number}")

    kept = [n for n in range(10) if memory.stored_article(f"{URL}/{n}") is not None]

    assert 0 < len(kept) < 10
    assert kept == list(range(10 - len(kept), 10))  # the oldest went first


def test_no_history_reads_and_writes_no_article(tmp_path: Path) -> None:
    path = tmp_path / DATABASE_NAME
    memory = Memory(path, enabled=False)

    assert not memory.save_article(article(), URL)
    assert memory.stored_article(URL) is None
    assert not path.exists()


def test_an_unusable_store_means_no_article_and_no_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    memory = Memory(blocker / DATABASE_NAME)

    assert not memory.save_article(article(), URL)
    assert memory.stored_article(URL) is None
    assert len(memory.take_notices()) == 1
