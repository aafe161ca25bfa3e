"""The front page's stories beside a thread (wide terminals): move, open, go to the thread."""

from __future__ import annotations

from textual.binding import Binding
from textual.message import Message

from tui.widgets.marked_list import MarkedOptionList


class BesideList(MarkedOptionList):
    """The list at the left of a thread; `enter` opens a story in the thread's place.

    `h`/`l` fold on the comment view, so the way back to this list from the thread is
    `q` or `escape`; from here `tab`, `l` or `right` go to the thread.
    """

    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False, id="beside_down"),
        Binding("k", "cursor_up", "Up", show=False, id="beside_up"),
        Binding("tab,l,right", "to_thread", "To the thread", id="beside_to_thread"),
        Binding("q,escape", "leave", "Back to the front page", id="beside_leave"),
    ]

    class ToThread(Message):
        """Focus the thread beside the list."""

    class Leave(Message):
        """Close the thread: back to the front page alone."""

    def action_to_thread(self) -> None:
        self.post_message(self.ToThread())

    def action_leave(self) -> None:
        self.post_message(self.Leave())
