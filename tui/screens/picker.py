"""A small modal list: footnotes or links of one comment; digits pick, enter picks the
highlighted row, escape cancels. Dismisses with the chosen index or None.

Each row is one line (cut with `…` at the edge, never wrapped). With ten rows or more a
digit that could start a two-digit number waits briefly for the second digit (the row it
would pick is highlighted meanwhile, so `enter` takes it at once)."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.timer import Timer
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from tui.widgets.marked_list import MarkedOptionList


class PickerScreen(ModalScreen[int | None]):
    """Choose one of up to a few dozen rows."""

    BINDINGS = [
        Binding("escape,q", "cancel", "Cancel", show=False),
        *(Binding(str(n), f"digit({n})", f"Pick {n}", show=False) for n in range(10)),
    ]
    SECOND_DIGIT_WAIT = 0.8
    """Seconds a first digit waits for a second one (only when a second could follow)."""
    DEFAULT_CSS = """
    PickerScreen { align: center middle; }
    PickerScreen > Vertical {
        width: 90%; max-width: 100; height: auto; max-height: 80%;
        border: round $primary; background: $surface; padding: 0 1;
    }
    PickerScreen OptionList, PickerScreen OptionList:focus {
        height: auto; max-height: 20; border: none;
        text-wrap: nowrap; text-overflow: ellipsis;
    }

    """

    def __init__(self, title: str, rows: list[Text]) -> None:
        super().__init__()
        self._title = title
        self._rows = [one_line(row) for row in rows]
        self._first_digit: int | None = None
        self._timer: Timer | None = None

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Text(self._title, style="bold"), markup=False)
            yield MarkedOptionList(*(Option(row) for row in self._rows), id="picker")

    def on_mount(self) -> None:
        self.query_one(OptionList).highlighted = 0
        self.query_one(OptionList).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self._cancel_wait()
        self.dismiss(event.option_index)

    def action_digit(self, digit: int) -> None:
        """`1`-`9` pick that row; with 10+ rows, `1` `2` picks row 12."""
        if self._first_digit is not None:
            number = self._first_digit * 10 + digit
            self._cancel_wait()
            self.action_pick(number - 1)
            return
        if digit == 0:
            return
        if digit * 10 > len(self._rows):  # no two-digit number starts so: pick now
            self.action_pick(digit - 1)
            return
        self._first_digit = digit
        self.query_one(OptionList).highlighted = digit - 1
        self._timer = self.set_timer(self.SECOND_DIGIT_WAIT, self._wait_over)

    def _wait_over(self) -> None:
        first, self._first_digit = self._first_digit, None
        if first is not None:
            self.action_pick(first - 1)

    def _cancel_wait(self) -> None:
        self._first_digit = None
        if self._timer is not None:
            self._timer.stop()
            self._timer = None

    def action_pick(self, index: int) -> None:
        if 0 <= index < len(self._rows):
            self._cancel_wait()
            self.dismiss(index)

    def action_cancel(self) -> None:
        self._cancel_wait()
        self.dismiss(None)


def one_line(row: Text) -> Text:
    """The row on a single line: cut with `…` where the width ends, never wrapped."""
    line = row.copy()
    line.plain = line.plain.replace("\n", " ")
    line.no_wrap = True
    line.overflow = "ellipsis"
    return line
