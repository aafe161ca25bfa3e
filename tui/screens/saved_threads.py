"""History (`H`) and bookmarks (`B`): the threads the store remembers, one row each."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import ClassVar, Literal

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from store.keys import ThreadKey
from store.listing import ThreadEntry
from store.memory import Memory
from threads.numbers import counted
from threads.timefmt import relative_age

SavedKind = Literal["history", "bookmarks"]


def entry_row(entry: ThreadEntry, now: datetime) -> Text:
    """`Title` and `● 12 new · 340 comments · visited 3h ago · bookmarked · stored`."""
    text = Text(entry.title, style="bold")
    meta: list[str] = []
    if entry.new_count:
        meta.append(f"● {entry.new_count:,} new")
    meta.append(counted(entry.comment_count, "comment"))
    if entry.last_visit is not None:
        meta.append(f"visited {relative_age(entry.last_visit, now)} ago")
    if entry.bookmarked:
        meta.append("bookmarked")
    if not entry.stored:
        meta.append("not stored")
    text.append(f"\n  {entry.key.source} · " + " · ".join(meta), style="bright_black")
    return text


class SavedThreadsScreen(Screen[None]):
    """A list of remembered threads; `enter` opens one (the stored copy, then refreshed)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor('down')", "Down", show=False, id="saved_down"),
        Binding("k", "cursor('up')", "Up", show=False, id="saved_up"),
        Binding("q,escape", "back", "Back", id="saved_back"),
    ]
    DEFAULT_CSS = """
    SavedThreadsScreen #saved-status { height: 1; padding: 0 1; color: $text-muted; }
    SavedThreadsScreen #saved { height: 1fr; border: none; }
    """

    def __init__(
        self,
        kind: SavedKind,
        memory: Memory,
        open_key: Callable[[ThreadKey, str], None],
        *,
        now: Callable[[], datetime],
    ) -> None:
        super().__init__()
        self.kind: SavedKind = kind
        self._memory = memory
        self._open_key = open_key
        self._now = now
        self.entries: list[ThreadEntry] = []

    def compose(self) -> ComposeResult:
        yield Static(f"Loading {self.kind}…", id="saved-status", markup=False)
        yield OptionList(id="saved")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()
        self._load()

    def on_screen_resume(self) -> None:
        self._load()  # back from a thread: its visit and new count changed

    @work(thread=True, exclusive=True, group="saved-list", exit_on_error=False)
    def _load(self) -> None:
        memory = self._memory
        entries = memory.history() if self.kind == "history" else memory.bookmarks()
        self.app.call_from_thread(self._show, entries, memory.writable)

    def _show(self, entries: list[ThreadEntry], writable: bool) -> None:
        self.entries = entries
        options = self.query_one(OptionList)
        highlighted = options.highlighted
        options.clear_options()
        now = self._now()
        options.add_options([Option(entry_row(e, now), id=str(i)) for i, e in enumerate(entries)])
        if entries:
            options.highlighted = min(highlighted or 0, len(entries) - 1)
        if not entries:
            empty = (
                "No history yet: threads you open are listed here."
                if self.kind == "history"
                else "No bookmarks yet: b bookmarks a thread or the story under the cursor."
            )
            if not writable:
                empty = "Nothing is remembered in this session (--no-history or no store)."
            self.query_one("#saved-status", Static).update(empty)
        else:
            title = "History" if self.kind == "history" else "Bookmarks"
            count = counted(len(entries), "thread")
            self.query_one("#saved-status", Static).update(f"{title}: {count}  enter: open")

    def action_cursor(self, direction: str) -> None:
        options = self.query_one(OptionList)
        options.action_cursor_down() if direction == "down" else options.action_cursor_up()

    def action_back(self) -> None:
        self.app.pop_screen()

    @on(OptionList.OptionSelected)
    def _open(self, event: OptionList.OptionSelected) -> None:
        index = int(event.option.id or -1)
        if 0 <= index < len(self.entries):
            entry = self.entries[index]
            self._open_key(entry.key, entry.title)
