"""Store benchmark: writing and reopening a thread at 2,000 and 10,000 comments.

Real comment bodies (the 485-comment fixture's, repeated). Each figure is the median of
several runs, in CPU time (steadier than wall time on a shared machine; SQLite works in
this process, so its time is counted). The baseline, measured in the same run on the
same thread, is writing the thread as JSON (`--dump json`'s writer) and reading that
JSON back into the model.

Run: python -m bench.bench_store [--sizes 2000,10000] [--runs 5]
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from bench.bench_search import real_bodies_thread
from store.keys import ThreadKey
from store.memory import Memory
from threads.dump_json import thread_from_dump, thread_to_json
from threads.model import Thread


def median_ms(action: Callable[[], object], runs: int) -> float:
    """Median CPU time of `action` over `runs` calls, in milliseconds."""
    times = []
    for _ in range(runs):
        start = time.process_time()
        action()
        times.append((time.process_time() - start) * 1000)
    return statistics.median(times)


def measure(thread: Thread, runs: int, directory: Path) -> dict[str, float]:
    key = ThreadKey(thread.source, thread.id)
    # Empty stores, created and opened beforehand: the write alone is measured.
    empty = [Memory(directory / f"empty-{n}.sqlite3") for n in range(runs)]
    assert all(memory.writable for memory in empty)

    def first_write() -> None:
        memory = empty.pop()
        memory.save_thread(thread)
        memory.close()

    warm = Memory(directory / "warm.sqlite3")
    warm.save_thread(thread)
    warm.begin_visit(thread)
    figures = {
        "write into an empty store": median_ms(first_write, runs),
        "write again (refresh)": median_ms(lambda: warm.save_thread(thread), runs),
        "record a visit (ids seen)": median_ms(lambda: warm.begin_visit(thread), runs),
        "reopen (new connection)": median_ms(lambda: Memory(warm.path).open_stored(key), runs),
        "previous visit's ids": median_ms(lambda: warm.previous_visit(key), runs),
    }
    encoded = thread_to_json(thread)
    figures["baseline: JSON write"] = median_ms(lambda: thread_to_json(thread), runs)
    figures["baseline: JSON read"] = median_ms(lambda: thread_from_dump(json.loads(encoded)), runs)
    figures["store file, MB"] = warm.path.stat().st_size / 1e6
    figures["JSON, MB"] = len(encoded.encode()) / 1e6
    warm.close()
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="2000,10000")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    with tempfile.TemporaryDirectory() as directory:
        results = {
            size: measure(real_bodies_thread(size), args.runs, Path(directory)) for size in sizes
        }
    print(f"{'':32}" + "".join(f"{size:>12,}" for size in sizes))
    for label in results[sizes[0]]:
        unit = "" if label.endswith("MB") else " ms"
        cells = "".join(f"{results[size][label]:>9.1f}{unit:3}" for size in sizes)
        print(f"{label:32}{cells}")


if __name__ == "__main__":
    main()
