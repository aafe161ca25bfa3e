"""Themes benchmark: suggesting themes, and matching a theme set, on real comment bodies.

Run: python -m bench.bench_themes [--sizes 1000,3000,10000]
"""

from __future__ import annotations

import argparse
import time

from bench.bench_search import real_bodies_thread
from threads.theme_suggest import suggest_themes
from threads.themes import Theme, apply_themes
from threads.word_index import WordIndex

THEMES = [
    Theme.create("speed", ["latency", "slow*", "fast", '"load time"'], "hide"),
    Theme.create("apple", ["iphone", "apple", "author:jiggawatts"], "highlight"),
    Theme.create("regex", ["/electron|chromium/"], "highlight"),
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,3000,10000")
    args = parser.parse_args()
    for size in (int(s) for s in args.sizes.split(",")):
        index = WordIndex(real_bodies_thread(size))
        start = time.perf_counter()
        suggestions = suggest_themes(index)
        suggest = time.perf_counter() - start
        start = time.perf_counter()
        view = apply_themes(index, THEMES)
        match = time.perf_counter() - start
        counts = ", ".join(f"{name} {len(found)}" for name, found in view.matches.by_theme.items())
        print(
            f"{size:>6} comments: {len(suggestions)} suggestions in {suggest * 1000:.0f} ms "
            f"({', '.join(s.name for s in suggestions[:3])}…); 3 themes matched in "
            f"{match * 1000:.0f} ms ({counts})"
        )


if __name__ == "__main__":
    main()
