"""The store gives back the thread it was given: any thread, any depth, hostile text made inert."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from store_support import small_thread, text_comment, thread_shape

from fetchers.saved import load_sample_thread
from store.keys import ThreadKey
from store.memory import Memory
from threads.blocks import Block, Span
from threads.model import Comment, Thread
from threads.sanitize import clean_text

SETTINGS = settings(
    max_examples=60,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
CLEAN_TEXT = st.text(max_size=40).map(clean_text)
TIMES = st.one_of(
    st.none(),
    st.datetimes(
        min_value=datetime(1990, 1, 1), max_value=datetime(2100, 1, 1), timezones=st.just(UTC)
    ),
)
SPANS = st.builds(
    Span,
    CLEAN_TEXT,
    italic=st.booleans(),
    bold=st.booleans(),
    code=st.booleans(),
    href=st.one_of(st.none(), CLEAN_TEXT),
)
BODIES = st.lists(
    st.builds(Block, st.sampled_from(["paragraph", "quote", "code"]), st.tuples(SPANS, SPANS)),
    max_size=3,
).map(tuple)


@st.composite
def threads(draw: st.DrawFn) -> Thread:
    """A thread of up to 40 comments, each attached under any earlier one (any shape)."""
    thread = Thread(
        source=draw(st.sampled_from(["hackernews", "lobsters"])),
        id=draw(st.from_regex(r"[0-9a-z]{1,10}", fullmatch=True)),
        title=draw(CLEAN_TEXT.filter(bool)),
        url=draw(st.one_of(st.none(), CLEAN_TEXT)),
        author=draw(st.one_of(st.none(), CLEAN_TEXT)),
        points=draw(st.one_of(st.none(), st.integers(-(2**40), 2**40))),
        created=draw(TIMES),
        body=draw(BODIES),
        expected_count=draw(st.one_of(st.none(), st.integers(0, 10**6))),
        missing=draw(st.integers(0, 1000)),
    )
    placed: list[Comment] = []
    for number in range(draw(st.integers(0, 40))):
        comment = Comment(
            id=f"c{number}",
            author=draw(st.one_of(st.none(), CLEAN_TEXT)),
            created=draw(TIMES),
            body=draw(BODIES),
            deleted=draw(st.booleans()),
            dead=draw(st.booleans()),
            score=draw(st.one_of(st.none(), st.integers(-1000, 10**6))),
        )
        parent = draw(st.integers(-1, len(placed) - 1))
        (placed[parent].children if parent >= 0 else thread.comments).append(comment)
        placed.append(comment)
    return thread


@SETTINGS
@given(thread=threads())
def test_any_thread_comes_back_equal(tmp_path: Path, thread: Thread) -> None:
    memory = Memory(tmp_path / "store.sqlite3")
    assert memory.save_thread(thread)
    stored = memory.open_stored(ThreadKey(thread.source, thread.id))
    assert stored is not None
    assert thread_shape(stored.thread) == thread_shape(thread)
    memory.close()


def test_a_saved_thread_reopens_in_a_new_session_with_its_age(tmp_path: Path) -> None:
    path = tmp_path / "store.sqlite3"
    fetched = datetime(2024, 5, 1, 12, 0, tzinfo=UTC)
    thread = load_sample_thread()
    Memory(path, clock=fetched.timestamp).save_thread(thread)

    stored = Memory(path).open_stored(ThreadKey(thread.source, thread.id))

    assert stored is not None
    assert thread_shape(stored.thread) == thread_shape(thread)
    assert stored.fetched_at == fetched
    assert stored.age(fetched + timedelta(hours=3)) == 3 * 3600


def test_a_comment_id_opens_its_stored_thread_focused_on_it(tmp_path: Path) -> None:
    memory = Memory(tmp_path / "store.sqlite3")
    memory.save_thread(small_thread(text_comment("1", "top", text_comment("2", "reply"))))

    stored = memory.open_stored(ThreadKey("hackernews", "2"))

    assert stored is not None and stored.thread.id == "100"
    assert stored.thread.focus_id == "2"
    assert memory.open_stored(ThreadKey("hackernews", "999")) is None


def test_a_thousands_deep_thread_round_trips(tmp_path: Path) -> None:
    thread = small_thread()
    parent: list[Comment] = thread.comments
    for number in range(3000):
        comment = text_comment(str(number), f"level {number}")
        parent.append(comment)
        parent = comment.children
    memory = Memory(tmp_path / "store.sqlite3")
    memory.save_thread(thread)

    stored = memory.open_stored(ThreadKey("hackernews", "100"))

    assert stored is not None
    assert stored.thread.depth("2999") == 2999
    assert thread_shape(stored.thread) == thread_shape(thread)


def test_escapes_written_into_the_store_are_removed_on_load(tmp_path: Path) -> None:
    """A store written by an older (or hostile) version cannot reach the terminal raw."""
    path = tmp_path / "store.sqlite3"
    memory = Memory(path)
    memory.save_thread(small_thread(text_comment("1", "harmless", text_comment("2", "ok"))))
    memory.close()
    evil = "\x1b]52;c;aGk=\x07\x1b[2Jgot you\r\x9b31m"
    with sqlite3.connect(path) as raw:
        raw.execute(
            "UPDATE comments SET author = ?, body = ? WHERE id = '1'",
            (evil, json.dumps([["p", [[evil, 0, f"https://x.y/{evil}"]]]])),
        )
        raw.execute("UPDATE comments SET id = ? WHERE id = '2'", (f"2{evil}",))
        raw.execute("UPDATE threads SET title = ?, url = ?", (evil, evil))

    stored = Memory(path).open_stored(ThreadKey("hackernews", "100"))

    assert stored is not None
    thread = stored.thread
    texts = [thread.title, thread.url or ""]
    for comment, _ in thread.walk():
        texts += [comment.id, comment.author or "", comment.plain_text, *comment.links]
    assert all(clean_text(text) == text for text in texts)
    first = thread.get("1")
    assert first is not None and first.plain_text == "got you31m"
    assert first.links == ["https://x.y/got you31m"]


def test_a_malformed_body_or_depth_in_the_store_does_not_break_loading(tmp_path: Path) -> None:
    path = tmp_path / "store.sqlite3"
    memory = Memory(path)
    memory.save_thread(small_thread(text_comment("1", "a"), text_comment("2", "b")))
    memory.close()
    with sqlite3.connect(path) as raw:
        raw.execute("UPDATE comments SET body = 'not json', depth = 7 WHERE id = '2'")
        # Nesting deeper than the JSON decoder recurses (bodies are decoded when drawn).
        raw.execute("UPDATE comments SET body = ? WHERE id = '1'", ("[" * 100_000,))

    stored = Memory(path).open_stored(ThreadKey("hackernews", "100"))

    assert stored is not None
    assert [(c.id, depth) for c, depth in stored.thread.walk()] == [("1", 0), ("2", 1)]
    for comment_id in ("1", "2"):
        comment = stored.thread.get(comment_id)
        assert comment is not None and comment.body == ()


def test_an_empty_link_target_stays_a_link(tmp_path: Path) -> None:
    """Found by the property test: `href=""` must not come back as "no link"."""
    thread = small_thread()
    thread.body = (Block("paragraph", (Span("x", href=""), Span("y"))),)
    memory = Memory(tmp_path / "store.sqlite3")
    memory.save_thread(thread)

    stored = memory.open_stored(ThreadKey("hackernews", "100"))

    assert stored is not None and stored.thread.body == thread.body
