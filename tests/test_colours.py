"""Selections that show without colour: 16 colours (TERM=linux) and NO_COLOR.

Frames are rendered to ANSI the way a 256-colour terminal receives them (as in
test_injection, but with a console that does not itself obey NO_COLOR: the app must)."""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console

from tests.test_tui_themes import config_file, wait_for_themes
from tests.tui_support import sample_app, settle
from tui.widgets.marked_list import MARKER

SGR = re.compile(r"\x1b\[([0-9;]*)m")


def terminal_output(app: Any) -> str:
    """The full frame as a 256-colour terminal would receive it."""
    console = Console(
        file=io.StringIO(),
        force_terminal=True,
        color_system="256",
        no_color=False,  # Rich would strip colour itself under NO_COLOR, hiding the app's
        width=app.size.width,
        height=app.size.height,
        legacy_windows=False,
    )
    update = app.screen._compositor.render_update(full=True, screen_stack=app._background_screens)
    console.print(update)
    return console.file.getvalue()  # type: ignore[attr-defined, no-any-return]


def colour_codes(output: str) -> list[str]:
    """Every SGR parameter list that sets a colour (39/49, the defaults, do not)."""
    found = []
    for params in SGR.findall(output):
        numbers = [int(p) for p in params.split(";") if p]
        if any(
            n in (38, 48) or 30 <= n <= 37 or 40 <= n <= 47 or 90 <= n <= 97 or 100 <= n <= 107
            for n in numbers
        ):
            found.append(params)
    return found


def screen_rows(output: str) -> list[str]:
    """The frame's rows as text (escape sequences removed)."""
    return [SGR.sub("", row) for row in re.split(r"\x1b\[\d+;1H", output)[1:]]


async def search(pilot: Any, query: str) -> None:
    await settle(pilot)
    await pilot.press("slash", *query)
    await pilot.pause(0.4)
    await settle(pilot)


async def frames_of_every_selection(app: Any, tmp_path: Path) -> list[str]:
    """The hit list (then a step down it), the themes panel, the link picker."""
    frames = []
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_themes(pilot)
        await search(pilot, "capitalism")
        frames.append(terminal_output(app))
        await pilot.press("down")
        frames.append(terminal_output(app))
        await pilot.press("escape", "escape", "t")
        await pilot.pause()
        frames.append(terminal_output(app))
    return frames


async def test_no_color_means_no_colour_at_all(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    frames = await frames_of_every_selection(sample_app(config_file(tmp_path)), tmp_path)
    for frame in frames:
        assert "capitalism" in frame or "Themes" in frame
        assert colour_codes(frame) == []
    hits, stepped, panel = (screen_rows(f) for f in frames)
    assert any(row.startswith(MARKER + "mdorn") for row in hits)
    assert any(row.startswith(MARKER + "tessellate") for row in stepped)
    assert any(MARKER + "hide" in row and "politics" in row for row in panel)


async def test_sixteen_colours_mark_the_selected_row(tmp_path: Path) -> None:
    app = sample_app(config_file(tmp_path), sixteen_colours=True)
    hits, stepped, panel = (screen_rows(f) for f in await frames_of_every_selection(app, tmp_path))
    assert [row for row in hits if row.startswith(MARKER)][0].startswith(MARKER + "mdorn")
    assert sum(row.startswith(MARKER) for row in stepped) == 1
    assert any(row.startswith(MARKER + "tessellate") for row in stepped)
    assert sum(MARKER in row for row in panel) == 1
    assert any(MARKER + "hide" in row for row in panel)
