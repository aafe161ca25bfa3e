"""Overview benchmark (issue 14): C and E, the outline, resizing narrow <-> wide.

CPU time (`time.process_time`) in the real app (thread screen, status bar, footer) from
a key or a resize to the end of the first frame that shows its result ("to the frame"),
and on until the app is idle (every later frame too: the footer, scrollbars); after a
resize, the background re-wrap of the rows off screen is given apart. Next to an empty
Textual app's key measured in the same run (the baseline: what any key costs, until
idle). The pure fold work (FoldedView + RowLayout, no Textual) is timed apart.

Run: python -m bench.bench_overview [--size 10000] [--flat 5000]
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import statistics
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from bench.bench_view import measure_empty
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


class FrameClock:
    """CPU time at the end of every frame the screen draws, and whether the state a
    measurement waits for was on screen in it.

    Bench-only: it wraps the screen's `_compositor_refresh`, Textual's one place where a
    frame is composed (the layout pass draws through it too).
    """

    def __init__(self, screen: Any) -> None:
        self.frames: list[tuple[float, bool]] = []
        self.ready: Callable[[], bool] = lambda: True
        draw = screen._compositor_refresh

        def drawn() -> None:
            draw()
            self.frames.append((time.process_time(), self.ready()))

        screen._compositor_refresh = drawn

    def first_ready(self, start: float) -> float:
        """ms from `start` to the end of the first frame showing the awaited state."""
        return next(((end - start) * 1000 for end, ok in self.frames if ok), float("nan"))


async def measure(
    pilot: Any, clock: FrameClock, act: Awaitable[None], ready: Callable[[], bool]
) -> tuple[float, float]:
    """(to the first frame showing the result, until the app is idle), CPU ms."""
    clock.frames.clear()
    clock.ready = ready
    start = time.process_time()
    await act
    await pilot.pause()
    return clock.first_ready(start), (time.process_time() - start) * 1000


def footer_shows(screen: Any, description: str) -> bool:
    """Whether the footer, as last laid out, shows a key with this description."""
    from textual.widgets._footer import FooterKey

    return any(
        key.description == description and key.display and key.region.width
        for key in screen.query(FooterKey)
    )


def laid_out(view: Any, size: tuple[int, int]) -> bool:
    """The screen is laid out at `size` and the comment view is hidden or its rows are
    wrapped for its width there."""
    from tui.reader_width import capped_width

    if tuple(view.screen._compositor.size) != size:  # a frame from before the resize
        return False
    if not view.display:
        return True
    return bool(
        view.layout_rows.width == capped_width(view.scrollable_content_region.width, view.max_width)
    )


async def in_app(
    thread: Thread, steps: list[tuple[str, list[str]]], size: tuple[int, int] = (80, 24)
) -> dict[str, tuple[float, float]]:
    """Figures per step name (the median of its repeats): (to the frame, until idle), or
    for a resize (to the first frame at the new width, CPU of the background re-wrap)."""
    from tui.app import create_app
    from tui.cli import Options
    from tui.config import Config
    from tui.load_source import one_step

    async def source(progress: Any) -> Thread:
        return thread

    app = create_app(Options(None, True, None, None), config=Config(Path("/nonexistent")))
    app._initial_source = lambda: one_step(source)  # type: ignore[method-assign]
    figures: dict[str, list[tuple[float, float]]] = {}
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        screen = app.screen
        view = screen.view  # type: ignore[attr-defined]
        while view is None or view.refining:  # keys are timed after the background re-wrap
            await pilot.pause(0.05)
            view = screen.view  # type: ignore[attr-defined]
        gc.freeze()
        clock = FrameClock(screen)
        outline = screen.outline  # type: ignore[attr-defined]

        def opened() -> bool:  # in its place, focused, its keys in the footer
            panel = outline.panel
            return bool(
                panel is not None
                and panel.display
                and panel.region.width
                and app.focused is panel
                and (outline.beside or not view.display)
                and footer_shows(screen, "Close outline")
            )

        def closed() -> bool:
            panel = outline.panel
            return bool(
                (panel is None or not panel.display or not panel.is_attached)
                and view.display
                and app.focused is view
                and footer_shows(screen, "Fold")
            )

        await pilot.press("j")  # a first key after the load warms up caches: not timed
        await pilot.pause()
        figures["j in the same app"] = [
            await measure(pilot, clock, pilot.press(key), lambda: True) for key in "jjjjj"
        ]
        for name, pressed in steps:
            if name.startswith("resize"):
                width, height = (int(v) for v in pressed)
                start = time.process_time()
                frame, _ = await measure(
                    pilot,
                    clock,
                    pilot.resize_terminal(width, height),
                    lambda: laid_out(view, (width, height)),  # noqa: B023 - used at once
                )
                while view.refining:
                    await pilot.pause(0.02)
                background = (time.process_time() - start) * 1000 - frame
                figures.setdefault(name, []).append((frame, background))
            else:
                ready = opened if name.startswith("i ") else closed if "close" in name else None
                figures.setdefault(name, []).append(
                    await measure(pilot, clock, pilot.press(*pressed), ready or (lambda: True))
                )
    return {
        name: (statistics.median(f for f, _ in runs), statistics.median(m for _, m in runs))
        for name, runs in figures.items()
    }


def report(figures: dict[str, tuple[float, float]], baseline: dict[str, float]) -> None:
    for name, (frame, more) in figures.items():
        after = "background re-wrap" if name.startswith("resize") else "until idle"
        print(
            f"  {name:<26}{frame:7.1f} ms to the frame, {more:6.1f} ms {after}"
            f"   (empty app key {baseline['median']:.1f} ms)"
        )


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
    report(
        asyncio.run(
            in_app(
                thread,
                [
                    *[("C key", ["C"]), ("E key", ["E"])] * 3,
                    *[("i open outline", ["i"]), ("escape close outline", ["escape"])] * 5,
                    ("i open (for resizing)", ["i"]),
                    ("resize 80->200 (beside)", ["200", "50"]),
                    ("resize 200->80 (over)", ["80", "24"]),
                    ("resize 80->200 again", ["200", "50"]),
                ],
            )
        ),
        baseline,
    )
    flat = flat_thread(args.flat)
    print(f"{args.flat:,} top-level comments, no replies:")
    report(
        asyncio.run(
            in_app(
                flat,
                [
                    *[("i open outline", ["i"]), ("escape close outline", ["escape"])] * 5,
                    ("i open (for G)", ["i"]),
                    ("G in outline", ["G"]),
                ],
            )
        ),
        baseline,
    )


if __name__ == "__main__":
    main()
