"""The one-line bar above the thread: what is loaded, where the cursor is, what is folded."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

from threads.footnotes import comment_footnotes
from threads.links import comment_links
from threads.model import Comment
from threads.stories import url_domain


@dataclass(frozen=True, slots=True)
class CursorStatus:
    """What the status line says about the cursor (the thread screen fills it in)."""

    position: int
    """Visible position of the cursor comment."""
    total: int
    """Visible comments."""
    folded: int
    """Replies out of view under folded comments."""
    theme_hidden: int
    """Comments themes hide."""
    comment: Comment | None
    """The comment under the cursor."""
    title: str
    """The thread's title."""
    hit: tuple[int, int] | None = None
    """(k, total) when the cursor is on the k-th search hit."""
    loading: str = ""
    """What is still arriving (`ordering 120/354`, `loading 40/2,170`), `""` when done."""
    memory: str = ""
    """What the store adds: ` · 23 new · copy from 3h ago · offline`."""
    note: str = ""
    """Loading and score folding news (`Loading all: 812/3,982 comments`)."""


def _extras(comment: Comment | None) -> str:
    """Footnotes and links of the comment under the cursor."""
    if comment is None:
        return ""
    notes = comment_footnotes(comment).count
    links = len(comment_links(comment))
    parts = [f"{notes} footnote{'s' * (notes != 1)}"] if notes else []
    parts += [f"{links} link{'s' * (links != 1)}"] if links else []
    return "".join(f" · {part}" for part in parts)


class StatusBar(Widget):
    """One line of plain text (titles come from the internet: never parsed as markup).

    A fixed one-line widget whose text changes on every key: `update` only repaints it,
    where `Static.update` would ask the whole screen for a new layout each time.
    """

    DEFAULT_CSS = """
    StatusBar {
        height: 1; width: 1fr; padding: 0 1; background: $primary-background; color: $text;
    }

    StatusBar.-error { background: $error; }
    """
    text: reactive[str] = reactive("", layout=False)

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002 - Textual's name
        super().__init__(id=id)

    def update(self, text: str) -> None:
        self.text = text

    def render(self) -> Text:
        return Text(self.text, no_wrap=True, overflow="ellipsis")

    def show_loading(self, what: str) -> None:
        self.remove_class("-error")
        self.update(f"Loading {what}…")

    def show_progress(self, loaded: int, expected: int | None) -> None:
        total = f"{expected:,}" if expected else "?"
        self.update(f"Loading… {loaded:,}/{total} comments")

    def show_error(self, reason: str) -> None:
        self.add_class("-error")
        self.update(reason)

    def show_thread(self, thread: object) -> None:
        self.remove_class("-error")
        title = getattr(thread, "title", "")
        url = getattr(thread, "url", None)
        domain = f" ({url_domain(url)})" if url else ""
        self.update(f"{title}{domain}")

    def show_cursor(self, status: CursorStatus) -> None:
        folded = f" · {status.folded:,} folded" if status.folded > 0 else ""
        if status.theme_hidden:
            folded += f" · {status.theme_hidden:,} hidden by themes"
        total = status.total
        where = f"{status.position + 1:,}/{total:,}" if total else "no comments"
        found = f" · hit {status.hit[0]}/{status.hit[1]}" if status.hit else ""
        loading = f" · {status.loading}" if status.loading else ""
        if status.note:
            found += f" · {status.note}"
        self.update(
            f"{where}{folded}{found}{status.memory}{_extras(status.comment)}{loading}"
            f" │ {status.title}"
        )
