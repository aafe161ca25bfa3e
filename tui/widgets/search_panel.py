"""The search bar and its live hit list, docked at the bottom of the thread screen."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from threads.comment_lines import Line
from tui.widgets.comment_styles import style_for
from tui.widgets.marked_list import MarkedOptionList


def line_text(line: Line) -> Text:
    """Styled text from pieces (never parsed as markup: the text is from the internet)."""
    text = Text(no_wrap=True, overflow="ellipsis")
    for piece, key in line:
        text.append(piece, style_for(key))
    return text


@dataclass(frozen=True)
class HitRow:
    """One row of the hit list: which comment, and what to show."""

    comment_id: str
    line: Line


class SearchPanel(Vertical):
    """`/`: type to search; the hit list follows every keystroke."""

    DEFAULT_CSS = """
    SearchPanel { height: auto; max-height: 14; display: none; background: $panel; }
    SearchPanel.-open { display: block; }
    SearchPanel OptionList {
        height: auto; max-height: 10; border: none; padding: 0;
        text-wrap: nowrap; text-overflow: ellipsis;  /* one line per hit, at any width */
    }
    SearchPanel Input, SearchPanel Input:focus { border: none; height: 1; padding: 0 1; }
    SearchPanel #search-summary { height: 1; padding: 0 1; color: $text-muted; }
    """
    BINDINGS = [
        Binding("down", "move(1)", "Next hit", show=False),
        Binding("up", "move(-1)", "Previous hit", show=False),
        Binding("pagedown", "move(8)", "Page down", show=False),
        Binding("pageup", "move(-8)", "Page up", show=False),
        Binding("escape", "close", "Close", show=False),
    ]

    @dataclass
    class QueryChanged(Message):
        text: str

    @dataclass
    class HitChosen(Message):
        comment_id: str

    class Closed(Message):
        pass

    _laid_out_width = 0
    """The width the hit rows were last asked for (a new width asks again)."""

    def compose(self) -> ComposeResult:
        yield MarkedOptionList(id="hits")
        yield Static("", id="search-summary", markup=False)
        yield Input(placeholder='words, "a phrase", @author   (enter: go, esc: close)', id="query")

    def open(self) -> None:
        self.add_class("-open")
        self.screen.set_focus(
            self.query_one(Input)
        )  # now: keys typed right after `/` are the query

    def close(self) -> None:
        self.remove_class("-open")
        self.post_message(self.Closed())

    @property
    def is_open(self) -> bool:
        return self.has_class("-open")

    def show_rows(self, rows: list[HitRow], summary: str) -> None:
        hits = self.query_one(OptionList)
        hits.clear_options()
        hits.add_options([Option(line_text(row.line), id=row.comment_id) for row in rows])
        hits.highlighted = 0 if rows else None
        self.show_status(summary)

    def show_status(self, summary: str) -> None:
        self.query_one("#search-summary", Static).update(summary)

    def on_resize(self) -> None:
        # Snippets are cut to the width: a new width (not a new height, which the hit
        # list itself causes) searches again so they fill it at once.
        width = self.size.width
        if width != self._laid_out_width:
            self._laid_out_width = width
            if self.is_open and self.query_one(Input).value:
                self.post_message(self.QueryChanged(self.query_one(Input).value))

    @on(Input.Changed, "#query")
    def _query_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.post_message(self.QueryChanged(event.value))

    @on(Input.Submitted, "#query")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        hits = self.query_one(OptionList)
        if hits.highlighted is not None:
            option = hits.get_option_at_index(hits.highlighted)
            if option.id:
                self.post_message(self.HitChosen(option.id))

    @on(OptionList.OptionSelected, "#hits")
    def _clicked(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self.post_message(self.HitChosen(event.option.id))

    def action_move(self, step: int) -> None:
        hits = self.query_one(OptionList)
        if hits.option_count:
            current = hits.highlighted or 0
            hits.highlighted = max(0, min(hits.option_count - 1, current + step))

    def action_close(self) -> None:
        self.close()
