"""Comment view benchmark: first frame, key latency, folds, resize and memory.

Headless at 120x40 on generated threads, measured in CPU time (`time.process_time`)
around a key press and the frame that follows, against an empty Textual app measured
the same way in the same run (pilot's own wall time is ~60 ms a key in any app, so wall
time would measure nothing). Each size runs in a fresh process so peak RSS is its own.

Run: python -m bench.bench_view [--sizes 1000,3000,10000] [--keys 60]
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import resource
import statistics
import subprocess
import sys
import time
from typing import Any

from textual.app import App, ComposeResult
from textual.widgets import Static

SIZE = (120, 40)


class EmptyApp(App[None]):
    """The baseline: one focusable widget, nothing else."""

    def compose(self) -> ComposeResult:
        yield Static("empty", id="empty")


async def _key_costs(pilot: Any, keys: list[str]) -> list[float]:
    costs = []
    for key in keys:
        start = time.process_time()
        await pilot.press(key)
        await pilot.pause()
        costs.append((time.process_time() - start) * 1000)
    return costs


async def _timed(pilot: Any, *keys: str) -> float:
    start = time.process_time()
    await pilot.press(*keys)
    await pilot.pause()
    return (time.process_time() - start) * 1000


async def measure_empty(count: int) -> dict[str, float]:
    app = EmptyApp()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        costs = await _key_costs(pilot, ["j", "k"] * (count // 2))
    return {"median": statistics.median(costs), "p95": _p95(costs)}


def _p95(values: list[float]) -> float:
    return sorted(values)[int(len(values) * 0.95) - 1]


async def measure_thread(size: int, keys: int) -> dict[str, float]:
    from bench.synthetic import generate_thread
    from tui.widgets.comment_view import CommentView

    thread = generate_thread(size)
    gc.freeze()  # as the thread screen does once a thread has loaded

    class ViewApp(App[None]):
        def compose(self) -> ComposeResult:
            yield Static("")

    app = ViewApp()
    figures: dict[str, float] = {}
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        start = time.process_time()
        view = CommentView(thread, id="comments")
        view.refine_in_background = False  # first frame alone; the re-wrap is timed next
        await app.mount(view)
        view.focus()
        await pilot.pause()
        figures["first_frame_ms"] = (time.process_time() - start) * 1000
        start = time.process_time()
        view.refine_in_background = True
        view.start_refining()
        while view.refining:  # background re-wrap: measured apart, keys come after it
            await pilot.pause(0.02)
        figures["refine_cpu_ms"] = (time.process_time() - start) * 1000
        costs = await _key_costs(pilot, ["j"] * (keys // 2) + ["k"] * (keys // 2))
        figures["key_median_ms"] = statistics.median(costs)
        figures["key_p95_ms"] = _p95(costs)
        page = await _key_costs(pilot, ["pagedown", "pagedown", "pageup", "pagedown"] * 5)
        figures["page_median_ms"] = statistics.median(page)
        figures["end_key_ms"] = await _timed(pilot, "G")
        await _timed(pilot, "g")
        # Fold one subtree: the first comment with at least 5 replies below it.
        target = next(
            i for i in range(len(view.folds)) if len(view.folds.comment_at(i).children) >= 2
        )
        view.move_cursor(target)
        await pilot.pause()
        figures["fold_one_ms"] = await _timed(pilot, "space")
        figures["unfold_one_ms"] = await _timed(pilot, "space")
        figures["fold_all_ms"] = await _timed(pilot, "C")
        figures["unfold_all_ms"] = await _timed(pilot, "E")
        # The model and layout work alone, without Textual's frame (key to frame is above).
        for name, action in (
            ("op_fold_one_ms", view.action_toggle_fold),
            ("op_unfold_one_ms", view.action_toggle_fold),
            ("op_fold_all_ms", view.action_fold_all),
            ("op_unfold_all_ms", view.action_unfold_all),
        ):
            start = time.process_time()
            action()
            figures[name] = (time.process_time() - start) * 1000
            await pilot.pause()
        view.refine_in_background = False  # resize: time to the first frame at the new width
        start = time.process_time()
        await pilot.resize_terminal(90, 30)
        await pilot.pause()
        figures["resize_ms"] = (time.process_time() - start) * 1000
    figures["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return figures


def _child(size: int, keys: int) -> None:
    result = asyncio.run(measure_thread(size, keys) if size else measure_empty(keys))
    print(json.dumps(result))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,3000,10000")
    parser.add_argument("--keys", type=int, default=60)
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child is not None:
        _child(args.child, args.keys)
        return

    def run(size: int) -> dict[str, float]:
        command = [
            sys.executable,
            "-m",
            "bench.bench_view",
            "--child",
            str(size),
            "--keys",
            str(args.keys),
        ]
        output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
        return dict(json.loads(output.strip().splitlines()[-1]))

    empty = run(0)
    print(f"empty app: key median {empty['median']:.1f} ms, p95 {empty['p95']:.1f} ms (CPU)")
    for size in (int(s) for s in args.sizes.split(",")):
        f = run(size)
        print(
            f"{size:>6} comments: first frame {f['first_frame_ms']:.0f} ms "
            f"(then {f['refine_cpu_ms']:.0f} ms CPU of background re-wrap) · "
            f"key median {f['key_median_ms']:.1f} ms "
            f"({f['key_median_ms'] / empty['median']:.1f}x), "
            f"p95 {f['key_p95_ms']:.1f} ms ({f['key_p95_ms'] / empty['median']:.1f}x) · "
            f"page {f['page_median_ms']:.1f} ms · G {f['end_key_ms']:.0f} ms · "
            f"fold one {f['fold_one_ms']:.1f} / unfold {f['unfold_one_ms']:.1f} ms · "
            f"fold all {f['fold_all_ms']:.1f} ms · unfold all {f['unfold_all_ms']:.1f} ms "
            f"(the work alone: {f['op_fold_one_ms']:.1f} / {f['op_unfold_one_ms']:.1f} / "
            f"{f['op_fold_all_ms']:.1f} / {f['op_unfold_all_ms']:.1f} ms) · "
            f"resize {f['resize_ms']:.0f} ms · peak RSS {f['peak_rss_mb']:.0f} MB"
        )


if __name__ == "__main__":
    main()
