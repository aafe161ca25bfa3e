"""Which bindings the config's `[keys]` table may remap: those with an `id`, on the
screens and widgets that carry reader keys.

Listed rather than discovered at start-up, so the app does not import every screen to
start; tests/test_keymap.py walks every class in `tui/` and fails when a binding with
an id is missing here.
"""

from __future__ import annotations

from textual.binding import Binding
from textual.dom import DOMNode

from tui.screens.article_screen import ArticleScreen
from tui.screens.help_screen import HelpScreen
from tui.screens.saved_threads import SavedThreadsScreen
from tui.screens.story_list import StoryListScreen
from tui.screens.thread_screen import ThreadScreen
from tui.widgets.article_view import ArticleView
from tui.widgets.beside_list import BesideList
from tui.widgets.comment_view import CommentView

KEYMAP_OWNERS: tuple[type[DOMNode], ...] = (
    CommentView,
    ThreadScreen,
    StoryListScreen,
    HelpScreen,
    SavedThreadsScreen,
    ArticleView,
    ArticleScreen,
    BesideList,
)
"""Every class whose bindings may carry an id."""


def remappable_ids() -> set[str]:
    """The binding ids `[keys]` may name."""
    return {
        binding.id
        for owner in KEYMAP_OWNERS
        for binding in owner.BINDINGS
        if isinstance(binding, Binding) and binding.id
    }


def binding_groups() -> list[list[Binding]]:
    """Bindings active at the same time (a key may serve one action per group): the thread
    screen with its comment view, the story list, the help screen."""
    return [
        [b for owner in owners for b in owner.BINDINGS if isinstance(b, Binding)]
        for owners in (
            (CommentView, ThreadScreen),
            (StoryListScreen,),
            (HelpScreen,),
            (SavedThreadsScreen,),
            (ArticleView, ArticleScreen),
            (BesideList,),
        )
    ]
