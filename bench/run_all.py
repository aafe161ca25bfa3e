"""`make bench`: every benchmark in turn, each printing its own figures."""

from __future__ import annotations

import subprocess
import sys

BENCHMARKS = [
    ("comment view (headless, 120x40)", ["bench.bench_view"]),
    ("launch to first frame (tmux, 80x24)", ["bench.bench_launch"]),
    ("memory while reading 2,170 comments (tmux, 80x24)", ["bench.bench_memory"]),
    ("search, one keystroke (real comment bodies)", ["bench.bench_search"]),
    ("themes: suggestions and matching (real comment bodies)", ["bench.bench_themes"]),
    ("extreme threads (headless, 120x40)", ["bench.bench_extremes"]),
    ("overview: collapse all, outline, resize (headless)", ["bench.bench_overview"]),
    ("code highlighting vs plain layout of the same blocks", ["bench.bench_code"]),
    ("reader mode: article extraction + layout (~100 KB page)", ["bench.bench_article"]),
    ("reader mode: first frame after extraction (headless, 80x24)", ["bench.bench_reader"]),
    ("local store: write and reopen (CPU time)", ["bench.bench_store"]),
    ("launch from the store to first comment (tmux, 80x24)", ["bench.bench_store_launch"]),
    ("settling HN's order (local replay, 0 and 50 ms per request)", ["bench.bench_settle"]),
    (
        "Firebase fallback (local server, 20 ms latency)",
        ["bench.bench_firebase", "--levels", "4,8,16"],
    ),
]


def main() -> int:
    failures = 0
    for title, module in BENCHMARKS:
        print(f"\n== {title}", flush=True)
        failures += subprocess.run([sys.executable, "-m", *module]).returncode != 0
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
