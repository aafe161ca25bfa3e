"""A damaged, unwritable, full, older or newer store: the reader keeps working and says so once."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from store_support import small_thread, text_comment, thread_shape

from store import schema
from store.keys import ThreadKey
from store.location import DATABASE_NAME
from store.memory import Memory
from store.reading_state import ReadingState
from tui.__main__ import main

KEY = ThreadKey("hackernews", "100")


def thread_with(count: int) -> object:
    return small_thread(*(text_comment(str(n), "text " * 50) for n in range(count)))


def stored_store(path: Path, count: int = 50) -> None:
    memory = Memory(path)
    assert memory.save_thread(thread_with(count))  # type: ignore[arg-type]
    memory.close()
    with sqlite3.connect(path) as connection:  # fold the log into the file
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def moved_files(directory: Path) -> list[Path]:
    return sorted(p for p in directory.glob("*.damaged-*") if p.suffix == ".sqlite3")


@pytest.mark.parametrize("damage", ["garbage", "truncated"])
def test_a_damaged_file_is_moved_aside_and_a_new_store_started(tmp_path: Path, damage: str) -> None:
    path = tmp_path / DATABASE_NAME
    if damage == "garbage":
        path.write_bytes(b"this is not a database at all\n" * 200)
    else:
        stored_store(path, count=400)
        data = path.read_bytes()
        path.write_bytes(data[: len(data) // 2])
    memory = Memory(path)

    assert memory.open_stored(KEY) is None
    (notice,) = memory.take_notices()
    (moved,) = moved_files(tmp_path)
    assert str(moved) in notice and "\n" not in notice
    assert memory.save_thread(small_thread(text_comment("1", "fresh")))  # a working new store
    assert memory.open_stored(KEY) is not None


def test_the_command_line_names_the_moved_file_in_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("THREADREADER_DATA_DIR", str(tmp_path))
    (tmp_path / DATABASE_NAME).write_bytes(b"\x00garbage" * 100)

    status = main(["hn:5", "--dump", "json", "--offline"])

    err = capsys.readouterr().err.splitlines()
    (moved,) = moved_files(tmp_path)
    assert status == 1
    assert [line for line in err if str(moved) in line] == [err[0]]
    assert "not in the local store" in err[1] and len(err) == 2


def test_damage_found_mid_session_turns_memory_off_and_is_moved_at_the_next_start(
    tmp_path: Path,
) -> None:
    path = tmp_path / DATABASE_NAME
    stored_store(path, count=400)
    data = bytearray(path.read_bytes())
    page_size = int.from_bytes(data[16:18], "big")
    for page in range(2, len(data) // page_size):  # every page but the schema's
        data[page * page_size : page * page_size + 64] = b"\xff" * 64
    path.write_bytes(bytes(data))
    memory = Memory(path)

    assert memory.open_stored(KEY) is None
    assert memory.open_stored(KEY) is None
    (notice,) = memory.take_notices()
    assert "damaged" in notice and not memory.available

    after = Memory(path)
    assert after.save_thread(small_thread(text_comment("1", "fresh")))
    assert moved_files(tmp_path) and str(moved_files(tmp_path)[0]) in after.take_notices()[0]


def test_a_store_that_cannot_be_created_means_no_memory_said_once(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    memory = Memory(blocker / "threadreader" / DATABASE_NAME)
    thread = small_thread(text_comment("1", "a"))

    assert not memory.save_thread(thread)
    assert memory.begin_visit(thread).visit_id is None
    assert memory.open_stored(KEY) is None and memory.history() == []
    (notice,) = memory.take_notices()
    assert "cannot" in notice
    assert not memory.save_thread(thread) and memory.take_notices() == []


@pytest.mark.parametrize(
    ("pragma", "words"),
    [("PRAGMA max_page_count = 1", "full"), ("PRAGMA query_only = ON", "readonly")],
)
def test_a_full_or_read_only_disk_stops_the_writes_says_so_once_and_keeps_reading(
    tmp_path: Path, pragma: str, words: str
) -> None:
    path = tmp_path / DATABASE_NAME
    stored_store(path, count=20)
    memory = Memory(path)
    assert memory.available
    # The disk fills up (or turns read-only) under the open store: SQLite's real errors.
    connection = memory._connection()
    assert connection is not None
    connection.execute(pragma)
    bigger = thread_with(300)

    assert not memory.save_thread(bigger)  # type: ignore[arg-type]
    assert not memory.save_reading_state(KEY, ReadingState(cursor_id="3"))
    (notice,) = memory.take_notices()
    assert words in notice.replace(" ", "").replace("-", "") and "remembers nothing" in notice
    assert memory.take_notices() == []
    stored = memory.open_stored(KEY)
    assert stored is not None and stored.thread.comment_count == 20


def test_an_older_schema_is_migrated_and_keeps_its_threads(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / DATABASE_NAME
    thread = small_thread(text_comment("1", "kept", text_comment("2", "kept too")))
    Memory(path).save_thread(thread)
    # The next release adds a step; this store is one version behind it.
    step = (
        "ALTER TABLE threads ADD COLUMN language TEXT; CREATE INDEX by_lang ON threads (language)"
    )
    monkeypatch.setattr(schema, "MIGRATIONS", (*schema.MIGRATIONS, step))
    newer = schema.SCHEMA_VERSION + 1
    monkeypatch.setattr(schema, "SCHEMA_VERSION", newer)
    monkeypatch.setattr("store.connect.SCHEMA_VERSION", newer)

    memory = Memory(path)
    stored = memory.open_stored(KEY)

    assert stored is not None and thread_shape(stored.thread) == thread_shape(thread)
    with sqlite3.connect(path) as connection:
        assert schema.schema_version(connection) == newer
        columns = {row[1] for row in connection.execute("PRAGMA table_info(threads)")}
    assert "language" in columns
    assert memory.take_notices() == []


def test_a_newer_schema_is_opened_read_only_with_a_message(tmp_path: Path) -> None:
    path = tmp_path / DATABASE_NAME
    thread = small_thread(text_comment("1", "from the future"))
    Memory(path).save_thread(thread)
    with sqlite3.connect(path) as connection:
        connection.execute(f"PRAGMA user_version = {schema.SCHEMA_VERSION + 1}")
    before = path.read_bytes()

    memory = Memory(path)
    stored = memory.open_stored(KEY)
    saved = memory.save_thread(small_thread(text_comment("9", "not written")))
    memory.close()

    assert stored is not None and thread_shape(stored.thread) == thread_shape(thread)
    assert not saved
    (notice,) = memory.take_notices()
    assert "newer threadreader" in notice and str(path) in notice
    assert path.read_bytes() == before
