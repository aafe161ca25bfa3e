"""Two instances at once, one reading and one refreshing a thread: nothing lost, never locked."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import threading
from pathlib import Path

from store_support import small_thread, text_comment

from store.keys import ThreadKey
from store.memory import Memory
from store.reading_state import ReadingState
from threads.model import Thread

KEY = ThreadKey("hackernews", "100")
ROOT = Path(__file__).resolve().parent.parent
ROUNDS = 25


def version(size: int) -> Thread:
    """The thread when it had `size` comments (each version extends the previous one)."""
    return small_thread(*(text_comment(str(n), f"comment {n} " * 20) for n in range(size)))


def test_a_writer_thread_and_a_reader_thread_on_the_same_thread(tmp_path: Path) -> None:
    path = tmp_path / "store.sqlite3"
    writer, reader = Memory(path), Memory(path)
    sizes = [200 + 10 * n for n in range(ROUNDS)]
    writer.save_thread(version(100))
    seen_sizes: list[int] = []
    results: list[bool] = []

    def write() -> None:
        for size in sizes:
            thread = version(size)
            results.append(writer.save_thread(thread))
            results.append(writer.begin_visit(thread).visit_id is not None)

    def read() -> None:
        for _ in range(ROUNDS * 2):
            stored = reader.open_stored(KEY)
            assert stored is not None
            seen_sizes.append(stored.thread.comment_count)
            reader.previous_visit(KEY)
            reader.history()

    threads = [threading.Thread(target=write), threading.Thread(target=read)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert all(results) and len(results) == 2 * ROUNDS
    assert set(seen_sizes) <= {100, *sizes}  # every read saw one whole version
    assert writer.take_notices() == [] and reader.take_notices() == []
    final = reader.open_stored(KEY)
    assert final is not None and final.thread.comment_count == sizes[-1]
    assert len(reader.history()) == 1


WRITER = textwrap.dedent(
    """
    import sys
    sys.path.insert(0, sys.argv[2])
    from store_support import small_thread, text_comment
    from store.memory import Memory
    memory = Memory(__import__("pathlib").Path(sys.argv[1]))
    for size in range(300, 300 + int(sys.argv[3])):
        thread = small_thread(*(text_comment(str(n), "x " * 40) for n in range(size)))
        assert memory.save_thread(thread)
        assert memory.begin_visit(thread).visit_id is not None
    assert memory.take_notices() == [], memory.take_notices()
    print("done")
    """
)


def test_two_processes_writing_and_reading_the_same_thread(tmp_path: Path) -> None:
    path = tmp_path / "store.sqlite3"
    memory = Memory(path)
    memory.save_thread(version(10))
    other = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(path), str(ROOT / "tests"), str(ROUNDS)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    writes: list[bool] = []
    while other.poll() is None:  # this instance reads and writes while the other refreshes
        stored = memory.open_stored(KEY)
        assert stored is not None
        writes.append(memory.save_reading_state(KEY, ReadingState(cursor_id="5", cursor_row=2)))
    out, err = other.communicate()

    assert other.returncode == 0, err
    assert out.strip() == "done"
    assert all(writes) and memory.take_notices() == []
    final = memory.open_stored(KEY)
    assert final is not None and final.thread.comment_count == 300 + ROUNDS - 1
    assert memory.reading_state(KEY) == ReadingState(cursor_id="5", cursor_row=2)
    previous = memory.previous_visit(KEY)
    assert previous is not None and len(previous.seen) == 300 + ROUNDS - 1
