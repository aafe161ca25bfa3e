"""Search benchmark: one keystroke's query over 1,000-10,000 real comment bodies.

The threads are the 485-comment fixture's real bodies repeated (new ids, same text), so
the vocabulary and word frequencies are those of a real HN thread; typing is simulated
prefix by prefix ("c", "ca", "cap", ...) for several queries, each timed (median, p95).

Run: python -m bench.bench_search [--sizes 1000,3000,10000]
"""

from __future__ import annotations

import argparse
import statistics
import time
from copy import copy
from pathlib import Path

from fetchers.saved import load_thread_file
from threads.model import Comment, Thread
from threads.search_index import SearchIndex

FIXTURE = (
    Path(__file__).parent.parent / "tests" / "fixtures" / "algolia-item-26312516-485-comments.json"
)
QUERIES = ["latency", "javscript", "electron apps", '"native apps"', "@jiggawatts", "speed slow"]


def real_bodies_thread(size: int) -> Thread:
    """`size` comments with real bodies: copies of the fixture's tree, renumbered."""
    base = load_thread_file(FIXTURE)
    thread = Thread(source="bench", id="0", title="bench")
    count = 0
    while count < size:
        for top in base.comments:
            if count >= size:
                break
            stack: list[tuple[Comment, list[Comment]]] = [(top, thread.comments)]
            while stack and count < size:
                original, target = stack.pop()
                clone = copy(original)
                clone.id = f"{original.id}-{count}"
                clone.children = []
                target.append(clone)
                count += 1
                stack.extend((child, clone.children) for child in reversed(original.children))
    return thread


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,3000,10000")
    args = parser.parse_args()
    for size in (int(s) for s in args.sizes.split(",")):
        thread = real_bodies_thread(size)
        start = time.perf_counter()
        index = SearchIndex(thread)
        build = time.perf_counter() - start
        costs: list[float] = []
        for query in QUERIES:
            for end in range(1, len(query) + 1):
                start = time.perf_counter()
                result = index.search(query[:end])
                result.top(50)
                costs.append((time.perf_counter() - start) * 1000)
        costs.sort()
        print(
            f"{size:>6} comments: index built in {build * 1000:.0f} ms; per keystroke "
            f"median {statistics.median(costs):.2f} ms, "
            f"p95 {costs[int(len(costs) * 0.95)]:.2f} ms, "
            f"max {costs[-1]:.2f} ms over {len(costs)} keystrokes"
        )


if __name__ == "__main__":
    main()
