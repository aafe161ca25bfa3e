"""The link/footnote picker: one line per row, and rows 10+ reachable by digits."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.app import App
from textual.widgets import OptionList

from threads.links import Link
from tui.screens.picker import PickerScreen
from tui.screens.thread_jumps import _link_row

LONG = "https://example.com/" + "a-very-long-path-segment/" * 8 + "paper.pdf"


def twelve_links() -> list[Text]:
    return [_link_row(Link(n, f"{LONG}?n={n}", f"the paper number {n}")) for n in range(1, 13)]


class PickerApp(App[None]):
    def __init__(self, rows: list[Text]) -> None:
        super().__init__()
        self.rows = rows
        self.chosen: list[int | None] = []

    def on_mount(self) -> None:
        self.push_screen(PickerScreen("Links", self.rows), self.chosen.append)


async def pick(keys: list[str], rows: list[Text] | None = None) -> list[int | None]:
    app = PickerApp(rows or twelve_links())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press(*keys)
        await pilot.pause()
        return app.chosen


async def test_two_digits_pick_link_twelve() -> None:
    assert await pick(["1", "2"]) == [11]
    assert await pick(["1", "0"]) == [9]


async def test_a_first_digit_highlights_its_row_and_enter_takes_it() -> None:
    assert await pick(["1", "enter"]) == [0]


async def test_with_few_rows_a_digit_picks_at_once() -> None:
    assert await pick(["3"], twelve_links()[:5]) == [2]


async def test_each_link_is_one_line_with_its_number_text_and_url() -> None:
    app = PickerApp(twelve_links())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        options: Any = app.screen.query_one(OptionList)
        lines = [options.render_line(y).text.rstrip() for y in range(options.size.height)]
        shown = [line for line in lines if line.strip()]
        assert len(shown) == 12
        assert shown[0].lstrip().startswith("1. “the paper number 1”  https://example.com/")
        assert all(line.endswith("…") for line in shown)
