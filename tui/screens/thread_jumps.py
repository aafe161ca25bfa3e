"""Footnotes, links, quotes and the way back, on the thread screen.

`f` jumps to a footnote's definition, `'` to the passage a quote comes from, `o` opens a
link (or jumps, for a link into this thread); `backspace`/`ctrl+o` returns to exactly
where the reader was, through any number of jumps.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rich.text import Text
from textual.screen import Screen

from threads.footnotes import CommentFootnotes, comment_footnotes
from threads.jumps import JumpStack, Target
from threads.links import Link, comment_links, in_thread_target, is_openable, permalink
from threads.model import Comment
from tui.opener import copy_text, open_url
from tui.screens.picker import PickerScreen
from tui.widgets.comment_view import CommentView


class ThreadJumps(Screen[Any]):
    """Mixed into `ThreadScreen`: `f`, `'`, `o`, `y`, `Y` and going back."""

    _jumps: JumpStack | None = None

    @property
    def jumps(self) -> JumpStack:
        if self._jumps is None:
            self._jumps = JumpStack()
        return self._jumps

    def _view_and_comment(self) -> tuple[CommentView, Comment] | None:
        views = list(self.query(CommentView))
        if not views or views[0].cursor_comment is None:
            return None
        comment = views[0].cursor_comment
        return views[0], comment

    def _jump(self, view: CommentView, target: Target) -> None:
        place = view.place()
        if view.jump_to(target) and place is not None:
            self.jumps.push(place)

    def action_jump_back(self) -> None:
        place = self.jumps.pop()
        found = self._view_and_comment()
        if place is None or found is None:
            self.notify("Nowhere to go back to.", timeout=2)
            return
        found[0].restore(place)

    # -- footnotes ---------------------------------------------------------------------
    def action_footnote(self) -> None:
        found = self._view_and_comment()
        if found is None:
            return
        view, comment = found
        notes = comment_footnotes(comment)
        labels = notes.references + notes.unreferenced
        self._choose(
            "Footnotes",
            [_footnote_row(notes, label) for label in labels],
            lambda index: self._go_to_footnote(view, notes, labels[index]),
            empty="This comment has no footnotes.",
        )

    def _choose(
        self, title: str, rows: list[Text], act: Callable[[int], None], *, empty: str
    ) -> None:
        """Nothing: say so; one row: act on it; several: a picker (digits choose)."""
        if not rows:
            self.notify(empty, timeout=2)
        elif len(rows) == 1:
            act(0)
        else:

            def chosen(index: int | None) -> None:
                if index is not None:
                    act(index)

            self.app.push_screen(
                PickerScreen(f"{title} (digit or enter; esc: cancel)", rows), chosen
            )

    def _go_to_footnote(self, view: CommentView, notes: CommentFootnotes, label: str) -> None:
        note = notes.definitions.get(label)
        if note is None:
            self.notify(f"Footnote [{label}] is referenced but never defined.", severity="warning")
            return
        self._jump(view, Target(note.comment_id, note.block))

    # -- quotes ------------------------------------------------------------------------
    def action_quote_source(self) -> None:
        from threads.quotes import find_quote_source, quotes_of  # rapidfuzz: on first use

        found = self._view_and_comment()
        if found is None:
            return
        view, comment = found
        quotes = quotes_of(comment)
        if not quotes:
            self.notify("This comment quotes nothing.", timeout=2)
            return
        for quote in quotes:
            source = find_quote_source(view.thread, comment, quote)
            if source is None:
                continue
            if source.comment_id is None:
                self.notify("The quote is from the story's text, above the comments.", timeout=4)
                self.jumps.push(view.place())  # type: ignore[arg-type]
                view.scroll_now(0)
                return
            self._jump(view, Target(source.comment_id, source.block))
            return
        self.notify("Quote source not in this thread (probably the article).", timeout=4)

    # -- links -------------------------------------------------------------------------
    def action_links(self) -> None:
        found = self._view_and_comment()
        if found is None:
            return
        view, comment = found
        links = comment_links(comment)
        self._choose(
            "Links",
            [_link_row(link) for link in links],
            lambda index: self._follow(view, links[index]),
            empty="This comment has no links.",
        )

    def _follow(self, view: CommentView, link: Link) -> None:
        inside = in_thread_target(view.thread, link.url)
        if inside is not None:
            if inside == view.thread.id:
                self.jumps.push(view.place())  # type: ignore[arg-type]
                view.action_first()
            else:
                self._jump(view, Target(inside))
            return
        if not is_openable(link.url):
            self.notify(f"Not opening a {link.url.split(':', 1)[0]}: link.", severity="warning")
            return
        result = open_url(link.url, self._write_terminal)
        self.notify(result.message, timeout=4)

    def action_open_story(self) -> None:
        """`O`: the story's own link (the article), or its page when it has none."""
        views = list(self.query(CommentView))
        if not views:
            return
        thread = views[0].thread
        url = thread.url or permalink(thread)
        if not url:
            self.notify("This story has no link.", timeout=2)
            return
        self._follow(views[0], Link(0, url, thread.title))

    def _write_terminal(self, text: str) -> None:
        """Raw output to the terminal (OSC 52): through the driver, after the frame."""
        driver = self.app._driver
        if driver is not None:
            driver.write(text)
            driver.flush()

    def action_copy_permalink(self) -> None:
        found = self._view_and_comment()
        if found is not None:
            url = permalink(found[0].thread, found[1])
            copy_text(url, self._write_terminal)
            self.notify(f"Copied the comment's link: {url}", timeout=3)

    def action_copy_comment_text(self) -> None:
        found = self._view_and_comment()
        if found is not None:
            copy_text(found[1].plain_text, self._write_terminal)
            self.notify("Copied the comment's text.", timeout=3)


def _footnote_row(notes: CommentFootnotes, label: str) -> Text:
    note = notes.definitions.get(label)
    text = Text(f"[{label}] ", style="bold magenta")
    if note is None:
        text.append("(referenced, never defined)", style="italic")
    else:
        text.append(note.text)
        if label not in notes.references:
            text.append("  (not referenced)", style="dim")
    return text


def _link_row(link: Link) -> Text:
    text = Text(f"{link.number}. ", style="bold")
    text.append(link.url, style="cyan")
    if link.text and link.text != link.url:
        text.append(f"  “{link.text}”", style="dim")
    return text
