"""Overview benchmark (issue 14): C and E, the outline, resizing narrow <-> wide.

Key-to-frame CPU time (`time.process_time`) around a key and the frame after it, in the
real app (thread screen, status bar, footer), next to an empty Textual app's key measured
the same way in the same run (the baseline: what any key costs). The pure fold work
(FoldedView + RowLayout, no Textual) is timed apart.

Run: python -m bench.bench_overview [--size 10000] [--flat 5000]
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import statistics
import time
from pathlib import Path
from typing import Any

from bench.bench_view import _timed, measure_empty
from bench.synthetic import generate_thread
from threads.folding import FoldedView
from threads.model import Thread
from threads.row_layout import RowLayout


def flat_thread(top_level: int) -> Thread:
    """`top_level` top-level comments and no replies (the outline's worst case)."""
    thread = generate_thread(top_level)
    flat = [comment for comment in thread.tree.order]
    for comment in flat:
        comment.children.clear()
    thread.comments[:] = flat
    thread.reindex()
    return thread


def pure_folds(thread: Thread) -> dict[str, float]:
    view = FoldedView(thread)
    rows = RowLayout(view, 80)
    figures: dict[str, float] = {}
    for name, apply in (("C", view.fold_all), ("E", view.unfold_all)):
        runs = []
        for _ in range(5):
            start = time.perf_counter()
            apply()
            rows.rebuild()
            runs.append((time.perf_counter() - start) * 1000)
            if name == "C":
                view.unfold_all()
                rows.rebuild()
            else:
                view.fold_all()
                rows.rebuild()
        figures[f"pure_{name}_ms"] = statistics.median(runs)
    return figures


async def in_app(
    thread: Thread, keys: list[tuple[str, list[str]]], size: tuple[int, int] = (80, 24)
) -> dict[str, float]:
    from tui.app import create_app
    from tui.cli import Options
    from tui.config import Config
    from tui.load_source import one_step

    async def source(progress: Any) -> Thread:
        return thread

    app = create_app(Options(None, True, None, None), config=Config(Path("/nonexistent")))
    app._initial_source = lambda: one_step(source)  # type: ignore[method-assign]
    figures: dict[str, float] = {}
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        view = app.screen.view  # type: ignore[attr-defined]
        while view is None or view.refining:  # keys are timed after the background re-wrap
            await pilot.pause(0.05)
            view = app.screen.view  # type: ignore[attr-defined]
        gc.freeze()
        figures["j in the same app"] = await _timed(pilot, "j")
        for name, pressed in keys:
            if name.startswith("resize"):
                width, height = (int(v) for v in pressed)
                start = time.process_time()
                await pilot.resize_terminal(width, height)
                await pilot.pause()
                figures[name] = (time.process_time() - start) * 1000
            else:
                figures[name] = await _timed(pilot, *pressed)
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--size", type=int, default=10000)
    parser.add_argument("--flat", type=int, default=5000)
    args = parser.parse_args()
    baseline = asyncio.run(measure_empty(40))
    print(f"baseline: empty app key median {baseline['median']:.1f} ms")
    thread = generate_thread(args.size)
    print(f"{args.size:,} comments ({len(thread.comments):,} top-level):")
    for name, value in pure_folds(thread).items():
        print(f"  {name:<24}{value:8.1f} ms")
    keyed = asyncio.run(
        in_app(
            thread,
            [
                ("C key", ["C"]),
                ("E key", ["E"]),
                ("i open outline", ["i"]),
                ("escape close outline", ["escape"]),
                ("i open again", ["i"]),
                ("resize 80->200 (beside)", ["200", "50"]),
                ("resize 200->80 (over)", ["80", "24"]),
                ("resize 80->200 again", ["200", "50"]),
            ],
        )
    )
    for name, value in keyed.items():
        print(f"  {name:<24}{value:8.1f} ms   (baseline key {baseline['median']:.1f} ms)")
    flat = flat_thread(args.flat)
    print(f"{args.flat:,} top-level comments, no replies:")
    keyed = asyncio.run(
        in_app(
            flat,
            [
                ("i open outline", ["i"]),
                ("G in outline", ["G"]),
                ("escape close outline", ["escape"]),
            ],
        )
    )
    for name, value in keyed.items():
        print(f"  {name:<24}{value:8.1f} ms   (baseline key {baseline['median']:.1f} ms)")


if __name__ == "__main__":
    main()
