"""A Footer that updates its keys in place when the focus moves.

Textual's `Footer` removes every key widget and mounts new ones whenever the active
bindings change (each focus change): on the thread screen that was about 40 ms of a
60 ms outline toggle (`i`), mostly restyling the freshly mounted keys. This one gives
the existing key widgets the new keys and descriptions, and mounts only the
difference (keys no longer needed are hidden and kept for the next focus that shows
more). It looks exactly like `Footer` (same widgets, same CSS); anything it does not
know how to update (binding groups, the command palette key) falls back to the full
recompose.
"""

from __future__ import annotations

from textual.compose import compose
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer
from textual.widgets._footer import FooterKey  # the key widget Footer composes


def _plain_keys(widgets: list[Widget]) -> bool:
    return all(type(widget) is FooterKey for widget in widgets)


def _same_kind(old: FooterKey, new: FooterKey) -> bool:
    """Whether `old` can show `new` (the command palette key is styled apart)."""
    return old.has_class("-command-palette") == new.has_class("-command-palette")


def _take_over(old: FooterKey, new: FooterKey) -> None:
    """Show `new`'s key in the already mounted `old`."""
    changed = (old.key_display, old.description) != (new.key_display, new.description)
    old.key = new.key
    old.key_display = new.key_display
    old.description = new.description
    old.action = new.action
    old._disabled = new._disabled  # FooterKey keeps it here (no public setter)
    old.set_class(new._disabled, "-disabled")
    old.tooltip = new.tooltip
    if changed:
        old.refresh(layout=True)


class SteadyFooter(Footer):
    """`Footer`, minus the remount of every key on each focus change."""

    def __init__(self) -> None:
        super().__init__()
        self._update_pending = False
        self._keys_shown = False

    def bindings_changed(self, screen: Screen[object]) -> None:
        # Footer waits for the next frame before it updates, which costs a frame (and a
        # layout) of its own; updating in place is cheap enough to join the frame that
        # the focus change is drawn in.
        self._bindings_ready = True
        if not screen.app.app_focus or not self.is_attached or screen is not self.screen:
            return
        if not self._update_pending:
            self._update_pending = True
            if self._keys_shown:
                self.call_later(self._update_keys)
            else:
                # The first keys: the frame after the screen's first one. Mounting them
                # is most of the footer's cost (~10 ms of a launch), and the first frame
                # is for the thread; the footer's row is there already, blank.
                self.call_after_refresh(self._update_keys)

    async def _update_keys(self) -> None:
        self._update_pending = False
        self._keys_shown = True
        await self.recompose()

    async def recompose(self) -> None:
        if not self.is_attached or self._pruning:
            return
        old = [child for child in self.children if not child.has_class("-textual-system")]
        new = compose(self)
        shared = min(len(old), len(new))
        if not (
            _plain_keys(old)
            and _plain_keys(new)
            and all(_same_kind(a, b) for a, b in zip(old[:shared], new[:shared], strict=True))  # type: ignore[arg-type]
        ):
            await super().recompose()
            return
        for before, after in zip(old[:shared], new[:shared], strict=True):
            _take_over(before, after)  # type: ignore[arg-type]
            before.display = True
        for spare in old[shared:]:
            spare.display = False  # kept for the next focus that shows more keys
        if new[shared:]:
            await self.mount_all(new[shared:])
