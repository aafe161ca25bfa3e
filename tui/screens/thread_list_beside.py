"""The front page list beside the thread, from `[reader] list_beside` columns (180).

A thread opened from the front page shows the list's rows at its left on wide terminals,
the cursor on its story; `enter` there opens another story in the thread's place (the
app replaces the thread screen, and the new one keeps the focus on its list). Narrower,
the list hides and the thread is a screen of its own, as always.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from textual.screen import Screen

from tui.reader_widths import app_widths

if TYPE_CHECKING:
    from tui.widgets.beside_list import BesideList  # only for a thread opened from a list
    from tui.widgets.comment_view import CommentView


class ListBesideController:
    """The list part of the thread screen (only for a thread opened from a list)."""

    def __init__(self, host: Screen[None], view: Callable[[], CommentView | None]) -> None:
        self._host = host
        self._view = view
        self.panel: BesideList | None = None
        self.focus_list = False
        """Set before mounting: the story was opened from this list, which keeps the focus."""

    @property
    def shown(self) -> bool:
        return self.panel is not None and self.panel.display

    @property
    def holds_focus(self) -> bool:
        """Whether the list has the focus (the loaded thread must not take it)."""
        return self.panel is not None and self.panel.has_focus

    async def mount(self, story_id: str | None) -> None:
        """Put the list of the screen underneath at the left, its cursor on `story_id`."""
        if story_id is None:  # not opened from a list (a launch: the list is not imported)
            return
        from tui.screens.story_list import StoryListScreen  # the list imports no thread code

        lists = [s for s in self._host.app.screen_stack if isinstance(s, StoryListScreen)]
        if not lists:
            return
        from tui.widgets.beside_list import BesideList

        options = lists[-1].story_options()
        panel = BesideList(*options, id="beside-list")
        self.panel = panel
        await self._host.mount(panel)
        index = next((i for i, o in enumerate(options) if o.id == story_id), None)
        panel.highlighted = index
        self.fit()
        if self.focus_list and panel.display:
            panel.focus()

    def fit(self) -> None:
        """Shown from the threshold on (after mounting and on every resize)."""
        panel = self.panel
        if panel is None:
            return
        panel.display = self._host.size.width >= app_widths(self._host.app).list_beside
        if not panel.display and panel.has_focus and (view := self._view()) is not None:
            view.focus()
        if panel.display and panel.highlighted is not None:
            panel.scroll_to_highlight()

    def take_focus(self) -> bool:
        """`q`/`escape` on the thread: to the list beside it, if there is one."""
        if not self.shown or self.holds_focus or self.panel is None:
            return False
        self.panel.focus()
        return True

    def focus_thread(self) -> None:
        view = self._view()
        if view is not None:
            view.focus()
