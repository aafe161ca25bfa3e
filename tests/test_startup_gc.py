"""The collector rests during start-up (tui/startup_gc.py) but never stays off.

Left off, a long reading session would never free its reference cycles (asyncio tasks,
exceptions with tracebacks): memory would only grow.
"""

from __future__ import annotations

import asyncio
import gc
from collections.abc import Iterator

import pytest

from tests.tui_support import app_with_source, comment_view, sample_app, settle
from threads.model import Thread
from tui import startup_gc


@pytest.fixture
def paused_collector() -> Iterator[None]:
    startup_gc.pause()
    try:
        yield
    finally:
        gc.enable()  # whatever the test did, the next test gets a collector


@pytest.mark.usefixtures("paused_collector")
async def test_collector_runs_again_once_the_first_thread_is_on_screen() -> None:
    app = sample_app()
    async with app.run_test() as pilot:
        await settle(pilot)
        assert comment_view(app).thread.comment_count > 0
        assert gc.isenabled()


@pytest.mark.usefixtures("paused_collector")
async def test_collector_runs_again_when_no_thread_comes(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(startup_gc, "RESUME_AFTER", 0.05)
    never: asyncio.Future[Thread] = asyncio.get_running_loop().create_future()
    app = app_with_source(lambda progress: never)
    async with app.run_test() as pilot:
        await pilot.pause(0.3)
        assert gc.isenabled()
