"""Terminal injection corpus: escape sequences, overwrite tricks, bidi overrides and Rich
markup in titles, author names and bodies come out inert, in the reader and in dumps."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from rich.console import Console

from fetchers.hn_items import thread_from_algolia
from tests.tui_support import app_with_source, status_text
from threads.model import Thread

OSC52 = "\x1b]52;c;SU5KRUNURUQ=\x07"  # would put "INJECTED" on the clipboard
OSC8 = "\x1b]8;;https://evil.example/\x1b\\click me\x1b]8;;\x1b\\"
CSI = "\x1b[2J\x1b[H\x1b[999;999H\x1b[6n"
DCS = "\x1bPq#0;2;0;0;0#1;2;100;100;0\x1b\\"
C1_CSI = "\x9b31m"
OVERWRITE = "innocent text\rEVIL"
BIDI = "\u202etxt.exe\u202c"
MARKUP = "[bold red]markup[/]"
CORPUS = [OSC52, OSC8, CSI, DCS, C1_CSI, OVERWRITE, BIDI, MARKUP]
FORBIDDEN = [
    "\x1b]52",
    "SU5KRUNURUQ",
    "evil.example",
    "#0;2;0;0;0",
    "\x9b",
    "\r",
    "\u202e",
    "\u202c",
]


def hostile_item() -> dict[str, Any]:
    body = "<p>".join(["Plain start"] + [f"part {n}: {piece}" for n, piece in enumerate(CORPUS)])
    return {
        "id": 1,
        "type": "story",
        "title": f"Title {BIDI} {OSC52} {MARKUP}",
        "author": f"op{BIDI}",
        "text": None,
        "children": [
            {
                "id": 2,
                "author": f"mallory{CSI}{OSC8}",
                "text": body,
                "children": [
                    {"id": 3, "author": "[red]bob[/red]", "text": OVERWRITE, "children": []},
                ],
            },
        ],
    }


def test_the_model_keeps_no_escape_or_control(tmp_path: Path) -> None:
    thread = thread_from_algolia(hostile_item())
    texts = [thread.title, thread.author or ""]
    for comment, _ in thread.walk():
        texts += [comment.author or "", comment.plain_text]
    for text in texts:
        for marker in FORBIDDEN + ["\x1b"]:
            assert marker not in text
    assert MARKUP in thread.title and "[red]bob[/red]" in texts


def test_dump_text_is_inert(tmp_path: Path) -> None:
    path = tmp_path / "hostile.json"
    path.write_text(json.dumps(hostile_item()))
    result = subprocess.run(
        [sys.executable, "-m", "tui", str(path), "--dump", "text"], capture_output=True, text=True
    )
    assert result.returncode == 0
    for marker in FORBIDDEN + ["\x1b"]:
        assert marker not in result.stdout
    assert MARKUP in result.stdout and "innocent textEVIL" in result.stdout


def terminal_output(app: Any) -> str:
    """What a real terminal would receive for the current screen: the full frame as ANSI,
    rendered the way Textual's drivers do (headless mode writes no frames itself)."""
    console = Console(
        file=io.StringIO(),
        force_terminal=True,
        color_system="truecolor",
        width=app.size.width,
        height=app.size.height,
        legacy_windows=False,
    )
    update = app.screen._compositor.render_update(full=True, screen_stack=app._background_screens)
    console.print(update)
    return console.file.getvalue()  # type: ignore[attr-defined, no-any-return]


async def test_the_reader_writes_nothing_hostile_to_the_terminal() -> None:
    async def source(progress: Any) -> Thread:
        return thread_from_algolia(hostile_item())

    app = app_with_source(source)
    frames: list[str] = []
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        frames.append(terminal_output(app))
        await pilot.press("j")
        frames.append(terminal_output(app))
        await pilot.press("question_mark")
        frames.append(terminal_output(app))
        await pilot.press("escape", "slash", *"part")
        await pilot.pause(0.3)
        frames.append(terminal_output(app))
        await pilot.press("enter")
        assert MARKUP in status_text(app)
        frames.append(terminal_output(app))
    output = "".join(frames)
    assert "Plain start" in output and "\x1b[" in output  # real frames were rendered
    assert MARKUP in output and "[red]bob[/red]" in output  # shown as written
    for marker in FORBIDDEN:
        assert marker not in output, f"{marker!r} reached the terminal"
