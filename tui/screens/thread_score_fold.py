"""Score-aware folding on the thread screen: comments below a score shown as one line.

The threshold comes from the config (`[reader] fold_below = N`, on from the start) and
the `s` key turns it on and off (`DEFAULT_THRESHOLD` when the config names none). A
collapsed comment shows its header only and its replies are folded; the reader can open
any of them as usual. Sites without scores (Hacker News) are left alone.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.screen import Screen

from threads.score_folding import ScoreFold, fold_below, has_scores
from tui.reader_settings import reader_setting
from tui.widgets.comment_view import CommentView

DEFAULT_THRESHOLD = 1
"""Collapse comments scored below 1 (zero and negative) when the config says nothing."""


def threshold_from_config(raw: dict[str, Any]) -> int | None:
    """`[reader] fold_below` when it is a whole number, else `None` (a bad value was
    reported when the config was read: tui/reader_settings.py)."""
    return reader_setting(raw, "fold_below")


class ScoreFoldController:
    """What `s` does, and the configured threshold, for one thread screen."""

    def __init__(
        self,
        host: Screen[None],
        threshold: int | None,
        *,
        view: Callable[[], CommentView | None],
    ) -> None:
        self._host = host
        self._view = view
        self.threshold = threshold if threshold is not None else DEFAULT_THRESHOLD
        self.enabled = threshold is not None
        self._applied: ScoreFold | None = None

    @property
    def note(self) -> str:
        """`3 below 1 point collapsed` for the status line while it applies."""
        fold = self._applied
        if fold is None:
            return ""
        points = "point" if fold.threshold == 1 else "points"
        return f"{len(fold.ids):,} below {fold.threshold} {points} collapsed"

    def thread_shown(self) -> None:
        """A thread (or a new version of it) is on screen: apply the threshold if on."""
        self._applied = None
        if self.enabled:
            self._apply()

    def toggle(self) -> None:
        view = self._view()
        if view is None:
            return
        if not has_scores(view.thread):
            self._host.notify("This thread has no comment scores.", timeout=3)
            return
        self.enabled = not self.enabled
        if self.enabled:
            self._apply()
        else:
            self._remove()

    def _apply(self) -> None:
        view = self._view()
        if view is None or not has_scores(view.thread):
            return
        fold = fold_below(view.thread, self.threshold)
        self._applied = fold
        view.set_shut(view.folds.shut | fold.ids)
        view.refold(view.folds.folded | fold.ids)

    def _remove(self) -> None:
        view, fold = self._view(), self._applied
        self._applied = None
        if view is None or fold is None:
            return
        view.set_shut(view.folds.shut - fold.ids)
        view.refold(view.folds.folded - fold.ids)
