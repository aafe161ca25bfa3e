"""The outline's part of the thread screen: open, close, follow the cursor, jump.

Below `[reader] outline_beside` columns the outline covers the thread (the comment view
is hidden, not rebuilt); from there on it stands at the left of the thread, which
narrows and rewraps keeping the cursor comment on its row, and stays open while the
reader reads.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from textual.containers import Container
from textual.screen import Screen

from threads.model import Comment, Thread
from threads.outline import Outline
from tui.reader_widths import app_widths

if TYPE_CHECKING:
    from threads.outline import NewUnder
    from tui.widgets.comment_view import CommentView
    from tui.widgets.outline_panel import OutlinePanel

BESIDE_CLASS = "-outline-beside"
OVER_CLASS = "-outline-over"


class OutlineController:
    """`i` on the thread screen.

    The panel is mounted, hidden, beside each comment view once the view's first frame
    is out (`mount_hidden`), and shown or hidden by a class on the thread body: opening
    and closing mount nothing, so a toggle costs one restyle of the body, not a mount
    (and the frames it brings). The panel's module is imported then too, not at launch.
    """

    def __init__(self, host: Screen[None], view: Callable[[], CommentView | None]) -> None:
        self._host = host
        self._view = view
        self.panel: OutlinePanel | None = None
        self._open = False

    @property
    def is_open(self) -> bool:
        return self._open and self.panel is not None and self.panel.is_attached

    @property
    def beside(self) -> bool:
        """Whether the outline stands beside the thread at the current width."""
        return self._host.size.width >= app_widths(self._host.app).outline_beside

    def _body(self) -> Container:
        return self._host.query_one("#thread-body", Container)

    def panel_for(self, thread: Thread) -> OutlinePanel:
        """A hidden panel for a new comment view, to mount beside it (an outline open on
        the previous thread closes)."""
        from tui.widgets.outline_panel import OutlinePanel

        self._open = False
        self._body().remove_class(BESIDE_CLASS, OVER_CLASS)
        self.panel = OutlinePanel(Outline(thread), id="outline")
        return self.panel

    async def mount_hidden(self) -> None:
        """Mount the hidden panel beside the comment view, unless `i` already did."""
        view = self._view()
        if view is None or not view.is_attached:
            return
        if self.panel is None or not self.panel.is_attached:
            await self._body().mount(self.panel_for(view.thread), before=view)

    async def toggle(self) -> None:
        """Open the outline (focused), focus it if open beside, close it if focused."""
        view = self._view()
        if view is None:
            return
        if self.is_open and self.panel is not None:
            if self._host.focused is self.panel:
                await self.close()
            else:
                self.panel.focus()
            return
        panel = self.panel
        if panel is None or not panel.is_attached:
            panel = self.panel_for(view.thread)
            await self._body().mount(panel, before=view)
        panel.new_under, panel.tags = self._new_under(), self._tags(view)
        if panel.outline.thread is not view.thread:
            panel.show_outline(Outline(view.thread))
        self._open = True
        self.fit()
        comment = view.cursor_comment
        if comment is not None:
            panel.follow(comment.id)
        panel.focus()

    async def close(self) -> None:
        """Close the outline; the thread gets its width (and the focus) back."""
        if not self._open:
            return
        self._open = False
        self._body().remove_class(BESIDE_CLASS, OVER_CLASS)
        view = self._view()
        if view is not None:
            view.focus()

    def fit(self) -> None:
        """Beside or over, for the current width (after opening and on every resize)."""
        if not self.is_open:
            return
        beside = self.beside
        body = self._body()
        body.set_class(beside, BESIDE_CLASS)
        body.set_class(not beside, OVER_CLASS)

    async def chosen(self, comment_id: str) -> None:
        """Jump to a top-level comment, opening it; over the thread the outline closes."""
        view = self._view()
        if view is None:
            return
        if not self.beside:
            await self.close()
        view.expand_to(comment_id)
        view.focus()

    def thread_replaced(self, thread: Thread) -> None:
        """A newer copy is on screen: the outline lists it (and no longer keeps the copy
        it replaced alive, open or not)."""
        if self.panel is not None and self.panel.outline.thread is not thread:
            self.panel.show_outline(Outline(thread))
            self.follow()

    def follow(self) -> None:
        """The thread's cursor moved: the outline marks its top-level comment."""
        view = self._view()
        if not self.is_open or self.panel is None or view is None:
            return
        if self.panel.outline.thread is not view.thread:  # a reload replaced the thread
            self.panel.show_outline(Outline(view.thread))
        if view.cursor_comment is not None:
            self.panel.follow(view.cursor_comment.id)

    def _new_under(self) -> NewUnder | None:
        """A "new since last visit" count, if the screen has one (threads/new_comments.py)."""
        new = getattr(self._host, "new_comments", None)
        return getattr(new, "new_under", None)

    @staticmethod
    def _tags(view: CommentView) -> Callable[[Comment], tuple[tuple[str, str], ...]]:
        painter = view.painter

        def tags(comment: Comment) -> tuple[tuple[str, str], ...]:
            return painter.tags_of(comment)

        return tags
