"""Leaving and reloading: `escape` never quits (that is `q`), and a reload keeps the
thread on screen, themed, until the new one replaces it."""

from __future__ import annotations

from pathlib import Path

import pytest

import tui.screens.thread_search as thread_search
from tests.tui_support import comment_view, notices, sample_app, settle, status_text, view_text
from tui.screens.thread_screen import ThreadScreen

HIDE_POLITICS = """[themes.politics]
terms = ["capitalism", "socialis*"]
mode = "hide"
color = "magenta"
"""


async def test_escape_on_a_thread_opened_directly_does_not_quit() -> None:
    app = sample_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("escape", "escape", "escape")
        await pilot.pause()
        assert app.is_running and isinstance(app.screen, ThreadScreen)
        assert "q quits" in notices(app)
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running


async def test_reload_shows_the_new_thread_already_themed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = tmp_path / "config.toml"
    config.write_text(HIDE_POLITICS)
    app = sample_app(config)
    async with app.run_test(size=(80, 30)) as pilot:
        await settle(pilot)
        await pilot.pause(thread_search.INDEX_DELAY)
        await settle(pilot)
        old = comment_view(app)
        old_thread, old_hidden = old.thread, old.theme_hidden
        assert old_hidden > 0
        # The reloaded thread's own index (which re-applies the themes) never comes here:
        # what shows must already be themed by the reload itself.
        monkeypatch.setattr(thread_search, "INDEX_DELAY", 3600)
        await pilot.press("r")
        assert "Loading" not in status_text(app)
        await settle(pilot)
        view = comment_view(app)
        assert view.thread is not old_thread  # the reloaded thread is the one shown
        assert view.theme_hidden == old_hidden
        assert "hidden · politics" in view_text(app) and "lanternfish" not in view_text(app)
        assert "Loading" not in status_text(app)
