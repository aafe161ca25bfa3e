"""A small modal list: footnotes or links of one comment; digits pick, enter picks the
highlighted row, escape cancels. Dismisses with the chosen index or None."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option


class PickerScreen(ModalScreen[int | None]):
    """Choose one of up to a few dozen rows."""

    BINDINGS = [
        Binding("escape,q", "cancel", "Cancel", show=False),
        *(Binding(str(n), f"pick({n - 1})", f"Pick {n}", show=False) for n in range(1, 10)),
    ]
    DEFAULT_CSS = """
    PickerScreen { align: center middle; }
    PickerScreen > Vertical {
        width: 90%; max-width: 100; height: auto; max-height: 80%;
        border: round $primary; background: $surface; padding: 0 1;
    }
    PickerScreen OptionList, PickerScreen OptionList:focus {
        height: auto; max-height: 20; border: none;
    }

    """

    def __init__(self, title: str, rows: list[Text]) -> None:
        super().__init__()
        self._title = title
        self._rows = rows

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Text(self._title, style="bold"), markup=False)
            yield OptionList(*(Option(row) for row in self._rows), id="picker")

    def on_mount(self) -> None:
        self.query_one(OptionList).highlighted = 0
        self.query_one(OptionList).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option_index)

    def action_pick(self, index: int) -> None:
        if 0 <= index < len(self._rows):
            self.dismiss(index)

    def action_cancel(self) -> None:
        self.dismiss(None)
