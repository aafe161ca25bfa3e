"""The thread screen: a status bar, the comment view, the footer; loading and reloading.

One class with named parts, each made in `__init__` and handed what it needs:
`search` (`/`, `n`, `N`), `jumps` (footnotes, links, quotes and the way back),
`themes` (`t`), `stubs` (held-back replies, `m`, `S`) and `score_fold` (`s`). The
comment view owns moving and folding; this screen watches its cursor for the status line.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Container
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Input, OptionList, Static

from fetchers.errors import FetchError
from store.keys import ThreadKey
from store.memory import Memory
from store.reading_state import ReadingState
from threads.model import Thread
from threads.new_comments import NewComments
from tui import collector
from tui.load_source import (
    FIRST_FRAME_WAIT,
    PendingChanges,
    StepSource,
    ThreadSource,
    one_step,
)
from tui.messages import (
    LoadFailed,
    LoadProgress,
    OpenListedStory,
    OpenNeighbourStory,
    ThreadChanged,
    ThreadLoaded,
)
from tui.reader_width import DEFAULT_MAX_WIDTH
from tui.screens.thread_article import ArticleController
from tui.screens.thread_jumps import JumpController
from tui.screens.thread_list_beside import ListBesideController
from tui.screens.thread_memory import StoreRead, ThreadMemory, with_place
from tui.screens.thread_outline import OutlineController
from tui.screens.thread_score_fold import ScoreFoldController
from tui.screens.thread_search import SearchController
from tui.screens.thread_stubs import SiteHooks, StubController
from tui.screens.thread_themes import ThemeController, ThemeSettings
from tui.terminal_title import show_title
from tui.widgets.comment_view import CommentView
from tui.widgets.status_bar import CursorStatus, StatusBar
from tui.widgets.steady_footer import SteadyFooter

if TYPE_CHECKING:
    # rapidfuzz stays off the start-up path; the search bar, the outline and the list
    # beside the thread are mounted after the first frame or when first used, and their
    # messages are handled by name (`on_search_panel_…`), so a launch imports none.
    from threads.themes import ThemeView
    from tui.widgets.beside_list import BesideList
    from tui.widgets.outline_panel import OutlinePanel
    from tui.widgets.search_panel import SearchPanel

# Keys about the comment under the cursor: only while the comment view has focus.
_VIEW_ACTIONS = frozenset(
    {
        "open_search",
        "next_hit",
        "previous_hit",
        "footnote",
        "jump_back",
        "links",
        "open_story",
        "copy_permalink",
        "copy_comment_text",
        "quote_source",
        "read_article",
    }
)


class ThreadScreen(Screen[None]):
    """One thread, shown at its first step and kept up to date as later steps arrive (the
    reader's place kept by id). A failed reload keeps the thread already on screen."""

    BINDINGS: ClassVar[list[BindingType]] = [
        # Priority: handled as it arrives, so the keys typed right after it (already on
        # their way) reach the search bar it focuses, not the comment view.
        Binding("slash", "open_search", "Search", id="search", key_display="/", priority=True),
        Binding("n", "next_hit", "Next hit", id="next_hit", show=False),
        Binding("N", "previous_hit", "Previous hit", id="previous_hit", show=False),
        Binding("f", "footnote", "Footnote", id="footnote"),
        Binding("backspace,ctrl+o", "jump_back", "Jump back", id="jump_back", show=False),
        Binding("o", "links", "Links", id="links"),
        Binding("O", "open_story", "Open the story's link", id="open_story", show=False),
        Binding("y", "copy_permalink", "Copy link", id="copy_link", show=False),
        Binding("Y", "copy_comment_text", "Copy text", id="copy_text", show=False),
        Binding("apostrophe", "quote_source", "Quote source", id="quote_source", show=False),
        Binding("a", "read_article", "Article", id="article", show=False),
        Binding("r", "reload", "Reload", id="reload", show=False),
        Binding("b", "bookmark", "Bookmark", id="bookmark", show=False),
        Binding(
            "F", "fresh_start", "Fresh start (forget this place)", id="fresh_start", show=False
        ),
        Binding("H", "app.history", "History", id="history", show=False),
        Binding("B", "app.bookmarks", "Bookmarks", id="bookmarks", show=False),
        Binding("t", "themes", "Themes", id="themes"),
        Binding("i", "outline", "Outline", id="outline", show=False),
        Binding(
            "greater_than_sign",
            "story(1)",
            "Next story",
            id="next_story",
            key_display=">",
            show=False,
        ),
        Binding(
            "less_than_sign",
            "story(-1)",
            "Previous story",
            id="previous_story",
            key_display="<",
            show=False,
        ),
        Binding("s", "score_fold", "Fold low scores", id="score_fold", show=False),
        Binding("m", "load_all", "Load the whole thread", id="load_all", show=False),
        Binding("S", "cycle_sort", "Next comment order", id="cycle_sort", show=False),
        Binding("question_mark", "help", "Help", id="help", key_display="?"),
        Binding("q", "back", "Back", id="back"),
        Binding("escape", "escape", "Clear search / close", id="escape", show=False),
    ]

    def __init__(
        self,
        source: StepSource,
        *,
        now: Callable[[], datetime],
        themes: ThemeSettings,
        title: str = "",
        memory: Memory | None = None,
        key: ThreadKey | None = None,
        offline: bool = False,
        hooks: SiteHooks | None = None,
        fold_below: int | None = None,
        max_width: int = DEFAULT_MAX_WIDTH,
    ) -> None:
        """`memory` and `key`: the store and this thread's key in it (the stored copy is
        shown at once, then refreshed); `offline`: the stored copy only; `hooks`: the
        site's stub loader and orders; `fold_below`: the score threshold from the config
        (score folding on from the start)."""
        super().__init__()
        self._max_width = max_width
        self._source = source
        self._offline = offline
        self._waiting: ThreadLoaded | None = None  # a fetch that came before the store read
        self._preview_shown = False  # a first screenful is on screen, its thread to come
        self._waiting_failure: LoadFailed | None = None
        self._restore_state: ReadingState | None = None  # the saved place, for the first show
        self._now = now
        self._generation = 0
        self._title = title
        self._loading = ""  # progress text of the steps still arriving ("" when done)
        self._freeze_timer: Timer | None = None
        self._loaded_generation = 0  # the load whose first step is on screen
        self._shown = asyncio.Event()  # the first step of the current load is on screen
        self._noted: str | None = None  # the last `Thread.note` notified
        self._view: CommentView | None = None
        self.thread: Thread | None = None
        self.story_id: str | None = None
        """The story of the list this thread was opened from (for `>`/`<`), if any."""
        self.article = ArticleController(self, view=lambda: self._view)
        self.jumps = JumpController(
            self,
            view=lambda: self._view,
            write_terminal=self._write,
            quote_elsewhere=self.article.find_quote,
        )
        self.search = SearchController(
            self,
            view=lambda: self._view,
            jumps=self.jumps.stack,
            now=now,
            words_ready=self._words_ready,
            cursor_changed=self._show_cursor,
            settling=lambda: bool(self._loading) and not self.themes.any_on(),
        )
        self.themes = ThemeController(
            self, themes, view=lambda: self._view, query_text=lambda: self.search.query_text
        )
        self.memory = ThreadMemory(self, memory, key, themes, self._new_marked)
        self.outline = OutlineController(self, view=lambda: self._view)
        self.listing = ListBesideController(self, view=lambda: self._view)
        self.stubs = StubController(
            self,
            hooks,
            view=lambda: self._view,
            changed=self._show_cursor,
            set_source=self._set_source,
        )
        self.score_fold = ScoreFoldController(self, fold_below, view=lambda: self._view)

    @property
    def view(self) -> CommentView | None:
        """The comment view, once a thread has loaded."""
        return self._view

    def compose(self) -> ComposeResult:
        yield StatusBar(id="status")
        with Container(id="thread-body"):
            yield Static("Loading…", id="message", markup=False)
        yield SteadyFooter()

    def on_mount(self) -> None:
        self.query_one(StatusBar).show_loading(self._title or "thread")
        self.memory.read_stored()
        if not self._offline:
            self.load()
        self.call_later(self.listing.mount, self.story_id)

    def on_unmount(self) -> None:
        collector.thaw()

    def on_screen_resume(self) -> None:
        show_title(self.app, self.thread.title if self.thread else self._title)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in _VIEW_ACTIONS:
            return self._view is not None and self.focused is self._view
        if action == "open_search":  # a `/` typed into a text field is text
            return not isinstance(self.focused, Input)
        return True

    # -- loading -----------------------------------------------------------------------
    def load(self) -> None:
        self._generation += 1
        self._fetch(self._generation)

    @work(exclusive=True, group="load-thread", exit_on_error=False)
    async def _fetch(self, generation: int) -> None:
        last = [0.0]

        def progress(loaded: int, expected: int | None) -> None:
            # Throttle: one message per ~50 items keeps the UI responsive on big threads.
            if loaded - last[0] >= 50 or loaded == expected:
                last[0] = loaded
                self.post_message(LoadProgress(loaded, expected, generation))

        pending = PendingChanges()
        shown = self._shown = asyncio.Event()
        try:
            async for step in self._source(progress):
                if step.thread is not None:
                    themes = None
                    if self._view is not None and not step.preview:  # a reload (a preview
                        # would not be shown): theme it before it replaces the old
                        themes = await asyncio.to_thread(self.themes.matched, step.thread)
                    self.post_message(
                        ThreadLoaded(
                            step.thread,
                            generation,
                            progress=step.progress_text(),
                            themes=themes,
                            preview=step.preview,
                        )
                    )
                    # The next steps (settling) wait for the first frame with comments.
                    with contextlib.suppress(TimeoutError):
                        await asyncio.wait_for(shown.wait(), FIRST_FRAME_WAIT)
                elif pending.add(step.changes, step.progress_text()):
                    self.post_message(ThreadChanged(pending, generation))
        except FetchError as error:
            self.post_message(LoadFailed(str(error), generation))
        except Exception as error:  # a bug must still not lose the screen or show a traceback
            self.post_message(
                LoadFailed(f"Unexpected error: {type(error).__name__}: {error}", generation)
            )

    @on(LoadProgress)
    def _show_progress(self, message: LoadProgress) -> None:
        if message.generation == self._generation and self.thread is None:
            # (a reload keeps the status line of the thread on screen until it is replaced)
            self.query_one(StatusBar).show_progress(message.loaded, message.expected)
            total = f"{message.expected:,}" if message.expected else "?"
            self.query_one("#message", Static).update(
                f"Loading… {message.loaded:,}/{total} comments"
            )

    @on(StoreRead)
    async def _show_stored(self, message: StoreRead) -> None:
        self.memory.reading = False
        stored = message.stored
        if stored is not None and self.thread is None:
            self.memory.copy_from = stored.fetched_at
            await self._present(stored.thread, with_place(message.state, stored.thread))
            self.memory.thread_shown(stored.thread, fresh=False)
        elif stored is None and self._offline:
            key = self.memory.key
            reason = (
                f"{key.thread_id if key else 'This thread'} is not in the local store, and "
                "--offline never uses the network."
            )
            self.query_one("#message", Static).update(f"{reason}\n\nPress q to go back.")
            self.query_one(StatusBar).show_error(reason)
        self._restore_state = message.state if self.thread is None else None
        waiting, self._waiting = self._waiting, None
        failure, self._waiting_failure = self._waiting_failure, None
        if waiting is not None:
            await self._show_thread(waiting)
        elif failure is not None:
            self._show_failure(failure)

    @on(ThreadLoaded)
    async def _show_thread(self, message: ThreadLoaded) -> None:
        if message.generation != self._generation:
            return  # a newer load was started: this result is stale
        if self.memory.reading:
            self._waiting = message  # the stored copy and the saved place come first
            return
        if message.preview and not self._preview_fits(message.thread):
            self._shown.set()  # not shown: the load goes on to the whole thread at once
            return
        self.memory.copy_from, self.memory.offline = None, False
        self._loading, self._loaded_generation = message.progress, message.generation
        state, self._restore_state = self._restore_state, None
        after_preview, self._preview_shown = self._preview_shown, message.preview
        await self._present(
            message.thread, with_place(state, message.thread), themes=message.themes
        )
        if message.preview:
            return
        if after_preview:  # the whole thread replaced its first screenful: now for all of it
            self.score_fold.thread_shown()
            self._show_missing(message.thread)
        self.memory.thread_shown(message.thread, fresh=True)  # the visit, the copy kept

    def _preview_fits(self, preview: Thread) -> bool:
        """A first screenful is shown only as the first thing on screen, and only where it
        holds the place the thread opens on: not with a saved place (which may lie beyond
        it), and with the comment asked for by id in it, if one was."""
        focus = preview.focus_id
        return (
            self.thread is None
            and self._restore_state is None
            and (focus is None or preview.get(focus) is not None)
        )

    async def _present(
        self, thread: Thread, state: ReadingState | None, *, themes: ThemeView | None = None
    ) -> None:
        """Show a thread: a newer copy replaces the one on screen without moving the
        cursor; the first one opens on the saved place."""
        message = ThreadLoaded(thread, self._generation, themes=themes)
        self.thread = message.thread
        self.call_after_refresh(self._shown.set)  # the load worker may go on
        collector.resume()  # the first thread on screen ends the collector's start-up rest
        if not self._loading:
            self._freeze_when_quiet()
        elif self._freeze_timer is not None:  # (the stored copy's): more steps are coming
            self._freeze_timer.stop()
        if old := self._view:  # a refresh or reload: the same place, nothing moves
            old.replace_thread(message.thread, themes=themes)  # ThreadReplaced: search again
            self._show_note(message.thread)
            self._show_cursor()
            return
        self.query_one(StatusBar).show_thread(message.thread)
        if self.app.screen is self:
            show_title(self.app, message.thread.title)
        body = self.query_one("#thread-body", Container)
        if state is not None:
            self.memory.restore_themes(state)
        await body.remove_children()
        view = CommentView(
            message.thread,
            now=self._now,
            folded=set(state.folds) if state else None,
            cursor_id=state.cursor_id if state else None,
            cursor_row=state.cursor_row if state else None,
            id="comments",
        )
        view.max_width = self._max_width
        self._view = view
        with self.app.batch_update():  # one frame: the old view until the new one is in
            await body.remove_children()
            await body.mount(view)
        # The hidden outline panel joins the view after the frame that shows the thread.
        self.call_after_refresh(self.outline.mount_hidden)
        # A watcher runs as the cursor is set: the status line repaints in the view's frame.
        self.watch(view, "cursor", self._show_cursor)
        if not self.listing.holds_focus:
            view.focus()
        self.search.reset(message.thread)
        self.score_fold.thread_shown()
        self._show_note(message.thread)
        self._show_missing(message.thread)

    def _show_missing(self, thread: Thread) -> None:
        if thread.missing:
            self.notify(f"{thread.missing} comments could not be loaded.", severity="warning")

    @on(ThreadChanged)
    def _apply_changes(self, message: ThreadChanged) -> None:
        """Later steps: the changes gathered so far, applied at once, the place kept."""
        if message.generation != self._generation or self.thread is None:
            return  # a newer load was started, or the first step failed
        changes, self._loading = message.pending.take()
        if changes and self._view is not None:
            from threads.tree_changes import apply_changes  # (after the first frame)

            self.thread = apply_changes(self.thread, changes)
            self._view.replace_thread(self.thread)  # ThreadReplaced updates search, themes
            self._show_note(self.thread)
        if not self._loading:
            self.search.thread_settled(self.thread)
            self._freeze_when_quiet()
        self._show_cursor()

    def _freeze_when_quiet(self) -> None:
        """Once the whole thread is in, freeze its objects (see tui/collector.py): after
        a quiet moment, not in the frame that shows it."""
        if self._freeze_timer is not None:
            self._freeze_timer.stop()
        self._freeze_timer = self.set_timer(collector.FREEZE_AFTER, self._freeze_if_idle)

    def _freeze_if_idle(self) -> None:
        # A running worker (search index, themes, the store) may hold a copy the screen
        # has replaced; frozen now, it would stay until the next freeze. Later, then.
        if any(not worker.is_finished for worker in self.app.workers):
            self._freeze_when_quiet()
        else:
            collector.freeze_survivors()

    @on(CommentView.ThreadReplaced)
    def _thread_replaced(self, message: CommentView.ThreadReplaced) -> None:
        self.search.thread_replaced(message.thread)
        self.outline.thread_replaced(message.thread)
        self._show_cursor()

    def _show_note(self, thread: Thread) -> None:
        """`Thread.note` (what the fetcher could not do), once per sentence."""
        if thread.note and thread.note != self._noted:
            self._noted = thread.note
            self.notify(thread.note, severity="warning", timeout=8)

    @on(LoadFailed)
    def _show_failure(self, message: LoadFailed) -> None:
        if message.generation != self._generation:
            return
        if self.memory.reading:
            self._waiting = None  # the stored copy, if any, is all there will be
            self._waiting_failure = message
            return
        self._loading = ""
        if self.thread is not None and self._loaded_generation == message.generation:
            # The first step is on screen; the rest could not come: keep what is there.
            self.search.thread_settled(self.thread)
            self._freeze_when_quiet()
            self._show_cursor()
            self.notify(f"Loading stopped: {message.reason}", severity="warning", timeout=8)
        elif self.thread is None:
            self.query_one("#message", Static).update(
                f"{message.reason}\n\nPress r to retry, q to go back."
            )
            self.query_one(StatusBar).show_error(message.reason)
        elif self.memory.copy_from is not None:  # showing the stored copy: say it once
            if not self.memory.offline:
                self.memory.offline = True
                self.notify(f"offline: showing the stored copy ({message.reason})", timeout=5)
            self._show_cursor()
        else:
            self._show_cursor()
            self.notify(f"Reload failed: {message.reason}", severity="error", timeout=8)

    def _show_cursor(self, _position: int | None = None) -> None:
        """The status line: where the cursor is, what is folded, which hit."""
        view = self._view
        if view is None:
            return
        comment = view.cursor_comment
        self.outline.follow()
        self.query_one(StatusBar).show_cursor(
            CursorStatus(
                position=view.cursor,
                total=len(view.folds),
                folded=view.folds.folded_count(),
                theme_hidden=view.theme_hidden,
                comment=comment,
                title=view.thread.title,
                hit=self.search.hit_number(comment),
                loading=self._loading,
                memory=self.memory.status(self._now()),
                note=" · ".join(n for n in (self.score_fold.note, self.stubs.note) if n),
            )
        )

    def _new_marked(self, thread: Thread, new: NewComments) -> None:
        view = self._view
        if view is not None and view.thread is thread:
            view.set_new(new)
            self._show_cursor()

    def _words_ready(self, words: Any) -> None:
        self.themes.words_ready(words)

    def _write(self, text: str) -> None:
        """Raw output to the terminal (OSC 52): through the driver, after the frame."""
        driver = self.app._driver
        if driver is not None:
            driver.write(text)
            driver.flush()

    # -- what the search panel says ----------------------------------------------------
    def on_search_panel_query_changed(self, message: SearchPanel.QueryChanged) -> None:
        self.search.query_changed(message.text)

    def on_search_panel_hit_chosen(self, message: SearchPanel.HitChosen) -> None:
        self.search.hit_chosen(message.comment_id)

    def on_search_panel_closed(self, message: SearchPanel.Closed) -> None:
        self.search.closed()

    async def on_outline_panel_chosen(self, message: OutlinePanel.Chosen) -> None:
        await self.outline.chosen(message.comment_id)

    async def on_outline_panel_closed(self, message: OutlinePanel.Closed) -> None:
        await self.outline.close()

    def on_resize(self) -> None:
        self.outline.fit()
        self.listing.fit()

    @on(OptionList.OptionSelected, "#beside-list")
    def _listed_story_chosen(self, message: OptionList.OptionSelected) -> None:
        """`enter` on the list beside the thread: this story focuses the thread; another
        opens in its place."""
        if message.option.id == self.story_id:
            self.listing.focus_thread()
        elif message.option.id is not None:
            self.post_message(OpenListedStory(message.option.id))

    def on_beside_list_to_thread(self, message: BesideList.ToThread) -> None:
        self.listing.focus_thread()

    def on_beside_list_leave(self, message: BesideList.Leave) -> None:
        self.leave()

    # -- actions -----------------------------------------------------------------------
    async def action_open_search(self) -> None:
        await self.search.open()

    def action_next_hit(self) -> None:
        self.search.step(+1)

    def action_previous_hit(self) -> None:
        self.search.step(-1)

    def action_footnote(self) -> None:
        self.jumps.footnote()

    def action_jump_back(self) -> None:
        self.jumps.back()

    def action_links(self) -> None:
        self.jumps.links()

    def action_open_story(self) -> None:
        self.jumps.open_story()

    def action_copy_permalink(self) -> None:
        self.jumps.copy_permalink()

    def action_copy_comment_text(self) -> None:
        self.jumps.copy_comment_text()

    def action_quote_source(self) -> None:
        self.jumps.quote_source()

    def action_read_article(self) -> None:
        self.article.read_story()

    def action_themes(self) -> None:
        self.themes.open_panel()

    def action_story(self, step: int) -> None:
        """`>`/`<`: the next or previous story of the list this thread came from."""
        if self.story_id is None:
            self.notify("This thread was not opened from a list.", timeout=3)
            return
        self.post_message(OpenNeighbourStory(self.story_id, step))

    async def action_outline(self) -> None:
        await self.outline.toggle()

    def action_reload(self) -> None:
        if self.thread is None:
            self.query_one(StatusBar).show_loading(self._title or "thread")
        else:  # the thread stays on screen, themed, until the new one is ready
            self.notify("Reloading…", timeout=2)
        self.load()

    def action_bookmark(self) -> None:
        self.memory.toggle_bookmark(self.thread.title if self.thread else self._title)

    def action_fresh_start(self) -> None:
        self.memory.forget_place()

    @on(CommentView.StubChosen)
    def _load_stub(self, message: CommentView.StubChosen) -> None:
        self.stubs.load_one(message.comment_id)

    def _set_source(self, source: ThreadSource) -> None:
        """Load the thread from elsewhere from now on (another order), and reload."""
        self._source = one_step(source)
        self.action_reload()

    def action_score_fold(self) -> None:
        self.score_fold.toggle()
        self._show_cursor()

    def action_load_all(self) -> None:
        self.stubs.toggle_load_all()

    def action_cycle_sort(self) -> None:
        self.stubs.cycle_sort()

    def action_help(self) -> None:
        from tui.screens.help_screen import HelpScreen

        self.app.push_screen(HelpScreen(self))

    def action_escape(self) -> None:
        """`escape` clears search highlights first, then goes back to a screen underneath;
        it never quits (that is `q`): with nothing to clear or close it says so."""
        if self.stubs.stop() or self.search.clear() or self.listing.take_focus():
            return
        if len(self.app.screen_stack) > 2:
            self.app.pop_screen()
        else:
            self.notify("Nothing to close here; q quits.", timeout=3)

    def action_back(self) -> None:
        """`q`: to the list beside the thread (wide terminals), else back (or quit)."""
        if not self.listing.take_focus():
            self.leave()

    def leave(self) -> None:
        """Back to the screen underneath, the place saved; the last screen quits."""
        leaving = len(self.app.screen_stack) > 2
        self.memory.save_place(self._view, now=not leaving)  # quitting: no worker outlives it
        if leaving:
            self.app.pop_screen()
        else:
            self.app.exit()
