"""On a wide terminal the comment column stops at `[reader] max_width` (default 100)."""

from __future__ import annotations

from pathlib import Path

from tests.tui_support import notices, sample_app, view_lines
from tui.config import load_config
from tui.reader_width import DEFAULT_MAX_WIDTH, reader_max_width


async def test_a_200_column_terminal_gets_lines_of_at_most_100_cells() -> None:
    app = sample_app()
    async with app.run_test(size=(200, 40)) as pilot:
        await pilot.pause()
        lines = view_lines(app)
        assert max(len(line) for line in lines) <= DEFAULT_MAX_WIDTH
        assert max(len(line) for line in lines) > 80  # the column does use the room it has
        assert lines[0].startswith(" ") is False or lines[0].strip()  # left-aligned


async def test_the_width_comes_from_the_config(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text("[reader]\nmax_width = 60\n", encoding="utf-8")
    app = sample_app(config)
    async with app.run_test(size=(200, 40)) as pilot:
        await pilot.pause()
        assert max(len(line) for line in view_lines(app)) <= 60


async def test_no_limit_and_a_bad_value(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text("[reader]\nmax_width = 0\n", encoding="utf-8")
    assert reader_max_width(load_config(config)) == 0
    config.write_text('[reader]\nmax_width = "wide"\n', encoding="utf-8")
    loaded = load_config(config)
    assert reader_max_width(loaded) == DEFAULT_MAX_WIDTH
    assert [problem for problem in loaded.problems if "max_width" in problem]
    app = sample_app(config)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        assert "[reader] max_width" in notices(app)
