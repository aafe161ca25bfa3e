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
from threads.story_block import story_as_comment
from tui.widgets.comment_view import CommentView


class JumpController:
    """`f`, `'`, `o`, `O`, `y`, `Y` and going back, for one thread screen.

    Args:
        host: The screen: it shows notices and pushes the pickers.
        view: The comment view, once there is one.
        write_terminal: Raw output to the terminal (OSC 52 copies).
    """

    def __init__(
        self,
        host: Screen[Any],
        *,
        view: Callable[[], CommentView | None],
        write_terminal: Callable[[str], None],
        quote_elsewhere: Callable[[list[str]], None] | None = None,
    ) -> None:
        self._host = host
        self._quote_elsewhere = quote_elsewhere  # the article, when the thread has no source
        self._view = view
        self._write_terminal = write_terminal
        self.stack = JumpStack()
        """Places to go back to."""

    def _view_and_comment(self) -> tuple[CommentView, Comment] | None:
        view = self._view()
        if view is None or view.cursor_comment is None:
            return None
        return view, view.cursor_comment

    def _view_and_selected(self) -> tuple[CommentView, Comment] | None:
        """The view and what `o`, `f`, `y`, `Y` work on (the story's text, when the
        cursor is on the story)."""
        view = self._view()
        if view is None or view.selected_comment is None:
            return None
        return view, view.selected_comment

    def _jump(self, view: CommentView, target: Target) -> None:
        place = view.place()
        if view.jump_to(target) and place is not None:
            self.stack.push(place)

    def _remember(self, view: CommentView) -> None:
        place = view.place()
        if place is not None:
            self.stack.push(place)

    def back(self) -> None:
        """`backspace`: where the reader was before the last jump."""
        place = self.stack.pop()
        found = self._view_and_comment()
        if place is None or found is None:
            self._host.notify("Nowhere to go back to.", timeout=2)
            return
        found[0].restore(place)

    # -- footnotes ---------------------------------------------------------------------
    def footnote(self) -> None:
        found = self._view_and_selected()
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
            self._host.notify(empty, timeout=2)
        elif len(rows) == 1:
            act(0)
        else:
            from tui.screens.picker import PickerScreen  # (imported when first used)

            def chosen(index: int | None) -> None:
                if index is not None:
                    act(index)

            self._host.app.push_screen(
                PickerScreen(f"{title} (digit or enter; esc: cancel)", rows), chosen
            )

    def _go_to_footnote(self, view: CommentView, notes: CommentFootnotes, label: str) -> None:
        note = notes.definitions.get(label)
        if note is None:
            self._host.notify(
                f"Footnote [{label}] is referenced but never defined.", severity="warning"
            )
            return
        if note.comment_id == view.thread.id and view.thread.get(note.comment_id) is None:
            self._remember(view)  # defined in the story's own text, above the comments
            view.scroll_now(0)
            return
        self._jump(view, Target(note.comment_id, note.block))

    # -- quotes ------------------------------------------------------------------------
    def quote_source(self) -> None:
        from threads.quotes import find_quote_source, quotes_of  # rapidfuzz: on first use

        found = self._view_and_comment()
        if found is None:
            return
        view, comment = found
        quotes = quotes_of(comment)
        if not quotes:
            self._host.notify("This comment quotes nothing.", timeout=2)
            return
        for quote in quotes:
            source = find_quote_source(view.thread, comment, quote)
            if source is None:
                continue
            if source.comment_id is None:
                self._host.notify(
                    "The quote is from the story's text, above the comments.", timeout=4
                )
                self._remember(view)
                view.scroll_now(0)
                return
            self._jump(view, Target(source.comment_id, source.block, source.span))
            return
        if self._quote_elsewhere is not None:
            self._quote_elsewhere(quotes)
        else:
            self._host.notify("Quote source not in this thread (probably the article).", timeout=4)

    # -- links -------------------------------------------------------------------------
    def links(self) -> None:
        found = self._view_and_selected()
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
                self._remember(view)
                view.action_first()
            else:
                self._jump(view, Target(inside))
            return
        if not is_openable(link.url):
            self._host.notify(
                f"Not opening a {link.url.split(':', 1)[0]}: link.", severity="warning"
            )
            return
        from tui.opener import open_url  # (imported when first used)

        result = open_url(link.url, self._write_terminal)
        self._host.notify(result.message, timeout=4)

    def open_story(self) -> None:
        """`O`: the story's own link (the article); on a text post, the links in its
        text (or a sentence saying there are none)."""
        view = self._view()
        if view is None:
            return
        thread = view.thread
        if not thread.url:  # a text post (Ask HN): its own text's links, if it has any
            links = comment_links(story_as_comment(thread))
            self._choose(
                "Links in the story's text",
                [_link_row(link) for link in links],
                lambda index: self._follow(view, links[index]),
                empty="This post has no link of its own (a text post), nor links in its text.",
            )
            return
        self._follow(view, Link(0, thread.url, thread.title))

    def copy_permalink(self) -> None:
        found = self._view_and_selected()
        if found is not None:
            from tui.opener import copy_text  # (imported when first used)

            url = permalink(found[0].thread, found[1])
            copy_text(url, self._write_terminal)
            what = "story's" if found[0].story_selected else "comment's"
            self._host.notify(f"Copied the {what} link: {url}", timeout=3)

    def copy_comment_text(self) -> None:
        found = self._view_and_selected()
        if found is not None and not found[1].plain_text:
            self._host.notify("There is no text to copy here.", timeout=2)
        elif found is not None:
            from tui.opener import copy_text

            copy_text(found[1].plain_text, self._write_terminal)
            what = "story's" if found[0].story_selected else "comment's"
            self._host.notify(f"Copied the {what} text.", timeout=3)


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
    """`12. the paper  https://…`: number, text and URL on one line (the picker cuts it)."""
    text = Text(f"{link.number:>2}. ", style="bold")
    if link.text and link.text != link.url:
        text.append(f"“{link.text}”  ")
    text.append(link.url, style="underline")
    return text
