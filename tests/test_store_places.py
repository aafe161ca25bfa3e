"""What a reader gets back: place, folds, theme modes, bookmarks, history, opened stories."""

from __future__ import annotations

from pathlib import Path

import pytest
from store_support import small_thread, text_comment

from store.keys import ThreadKey
from store.location import DEFAULT_MAX_MB, max_bytes_from_env
from store.memory import Memory
from store.reading_state import ReadingState
from tui.config import load_config
from tui.memory import open_memory

KEY = ThreadKey("hackernews", "100")


class Clock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 1_700_000_000.0

    def __call__(self) -> float:
        self.now += 1
        return self.now


def test_cursor_folds_and_theme_modes_come_back_in_a_new_session(tmp_path: Path) -> None:
    path = tmp_path / "store.sqlite3"
    state = ReadingState(
        cursor_id="2",
        cursor_row=7,
        folds=frozenset({"1", "4"}),
        theme_modes={"politics": "hide", "rust": "highlight", "ai": "off"},
    )
    Memory(path).save_reading_state(KEY, state, title="A small thread")

    assert Memory(path).reading_state(KEY) == state


def test_a_place_inside_a_long_comment_comes_back(tmp_path: Path) -> None:
    """Reading through a comment taller than the screen puts its header above the top:
    the saved row is negative, and must come back as it was."""
    memory = Memory(tmp_path / "store.sqlite3")
    memory.save_reading_state(KEY, ReadingState(cursor_id="2", cursor_row=-40))

    assert Memory(tmp_path / "store.sqlite3").reading_state(KEY) == ReadingState(
        cursor_id="2", cursor_row=-40
    )


def test_a_fresh_start_forgets_the_place(tmp_path: Path) -> None:
    memory = Memory(tmp_path / "store.sqlite3")
    memory.save_reading_state(KEY, ReadingState(cursor_id="2", cursor_row=3))

    memory.forget_reading_state(KEY)

    assert memory.reading_state(KEY) is None


def test_bookmarks_are_listed_newest_first_and_can_be_removed(tmp_path: Path) -> None:
    memory = Memory(tmp_path / "store.sqlite3", clock=Clock())
    memory.save_thread(small_thread(text_comment("1", "a")))
    memory.set_bookmark(KEY, True)
    story = ThreadKey("hackernews", "200")
    memory.set_bookmark(story, True, title="A story from the front page")

    assert [(b.key, b.title, b.stored) for b in memory.bookmarks()] == [
        (story, "A story from the front page", False),
        (KEY, "A small thread", True),
    ]
    memory.set_bookmark(story, False)
    assert [b.key for b in memory.bookmarks()] == [KEY]
    assert memory.is_bookmarked(KEY) and not memory.is_bookmarked(story)


def test_history_lists_visited_threads_by_last_visit(tmp_path: Path) -> None:
    memory = Memory(tmp_path / "store.sqlite3", clock=Clock())
    first = small_thread(text_comment("1", "a"), thread_id="1")
    second = small_thread(text_comment("2", "b"), thread_id="2")
    for thread in (first, second, first):
        memory.save_thread(thread)
        memory.begin_visit(thread)
    memory.save_thread(small_thread(thread_id="3"))  # stored, never visited (a dump)

    assert [entry.key.thread_id for entry in memory.history()] == ["1", "2"]


def test_opened_stories_keep_the_count_seen_then(tmp_path: Path) -> None:
    memory = Memory(tmp_path / "store.sqlite3")
    memory.story_opened("hackernews", "10", 40)
    thread = small_thread(text_comment("1", "a"), text_comment("2", "b"), thread_id="11")
    memory.begin_visit(thread)  # opened by address: the thread's own count is used

    opened = memory.opened_stories("hackernews", ["10", "11", "12"])

    assert opened == {"10": 40, "11": 2}  # the list then shows "+12" for 10 at 52 comments


def test_the_oldest_unbookmarked_threads_are_pruned_past_the_bound(tmp_path: Path) -> None:
    body = "word " * 2000  # about 10 kB per thread
    memory = Memory(tmp_path / "store.sqlite3", max_bytes=35_000, clock=Clock())
    for number in range(1, 4):
        memory.save_thread(small_thread(text_comment("1", body), thread_id=str(number)))
    memory.set_bookmark(ThreadKey("hackernews", "1"), True)  # the oldest, but bookmarked
    memory.save_thread(small_thread(text_comment("1", body), thread_id="4"))
    memory.save_thread(small_thread(text_comment("1", body), thread_id="5"))

    kept = {n for n in "12345" if memory.open_stored(ThreadKey("hackernews", n)) is not None}

    assert kept == {"1", "4", "5"}


def test_the_bound_comes_from_the_environment_then_the_config(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config_file = tmp_path / "config.toml"
    config_file.write_text("[store]\nmax_mb = 50\n")
    config = load_config(config_file)
    assert open_memory(config).max_bytes == 50_000_000
    monkeypatch.setenv("THREADREADER_STORE_MAX_MB", "7.5")
    assert open_memory(config).max_bytes == 7_500_000
    monkeypatch.setenv("THREADREADER_STORE_MAX_MB", "lots")
    monkeypatch.setattr("store.location.os.environ", {})
    assert max_bytes_from_env() == DEFAULT_MAX_MB * 1_000_000


def test_a_bad_bound_in_the_config_is_reported(tmp_path: Path) -> None:
    config_file = tmp_path / "config.toml"
    config_file.write_text('[store]\nmax_mb = "big"\n')
    config = load_config(config_file)

    open_memory(config)

    assert any("max_mb" in problem for problem in config.problems)
