"""Extreme threads: does the reader stay responsive? First frame, key latency and peak
memory (CPU time, headless 120x40), each case in a fresh process.

Cases: 50,000 comments; a single 1 MB comment; 5,000 levels deep; an empty thread; a
thread of only deleted comments.

Run: python -m bench.bench_extremes
"""

from __future__ import annotations

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

from bench.synthetic import generate_thread
from threads.blocks import Block, Span
from threads.model import Comment, Thread

CASES = ["50,000 comments", "one 1 MB comment", "5,000 levels deep", "empty", "only deleted"]


def build(case: str) -> Thread:
    if case == "50,000 comments":
        return generate_thread(50_000)
    if case == "one 1 MB comment":
        text = " ".join(f"word{n}" for n in range(150_000))
        return Thread(
            "bench",
            "1",
            case,
            comments=[Comment("2", "a", None, body=(Block("paragraph", (Span(text),)),))],
        )
    if case == "5,000 levels deep":
        thread = Thread("bench", "1", case)
        level = thread.comments
        for number in range(5000):
            comment = Comment(
                str(number + 2), "a", None, body=(Block("paragraph", (Span(f"level {number}"),)),)
            )
            level.append(comment)
            level = comment.children
        return thread
    if case == "only deleted":
        return Thread(
            "bench",
            "1",
            case,
            comments=[Comment(str(n), None, None, deleted=True) for n in range(2, 2000)],
        )
    return Thread("bench", "1", case)


async def measure(case: str) -> dict[str, float]:
    from tui.widgets.comment_view import CommentView

    thread = build(case)
    gc.freeze()

    class ViewApp(App[None]):
        def compose(self) -> ComposeResult:
            yield Static("")

    figures: dict[str, float] = {}
    app = ViewApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        start = time.process_time()
        view = CommentView(thread, id="comments")
        view.refine_in_background = False
        await app.mount(view)
        view.focus()
        await pilot.pause()
        figures["first_frame_ms"] = (time.process_time() - start) * 1000
        costs = []
        for key in ["j", "j", "k", "pagedown", "pagedown", "G", "g", "C", "E"] * 3:
            start = time.process_time()
            await pilot.press(key)
            await pilot.pause()
            costs.append((time.process_time() - start) * 1000)
        figures["key_median_ms"] = statistics.median(costs)
        figures["key_max_ms"] = max(costs)
    figures["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return figures


def main() -> None:
    if len(sys.argv) > 2 and sys.argv[1] == "--child":
        print(json.dumps(asyncio.run(measure(sys.argv[2]))))
        return
    for case in CASES:
        output = subprocess.run(
            [sys.executable, "-m", "bench.bench_extremes", "--child", case],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        f: dict[str, Any] = json.loads(output.strip().splitlines()[-1])
        print(
            f"{case:>18}: first frame {f['first_frame_ms']:.0f} ms · keys (j k pgdn G g C E) "
            f"median {f['key_median_ms']:.1f} ms, worst {f['key_max_ms']:.0f} ms · "
            f"peak RSS {f['peak_rss_mb']:.0f} MB"
        )


if __name__ == "__main__":
    main()
