"""The Textual application and the one factory the CLI and the tests share."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Footer, Static

from fetchers.saved import load_sample_thread
from threads.dump_text import thread_to_text
from tui.cli import Options


class ThreadReaderApp(App[int]):
    """Minimal reader: the thread as text (the comment view replaces this)."""

    BINDINGS = [("q", "quit", "Quit")]

    def __init__(self, options: Options) -> None:
        super().__init__()
        self.options = options

    def compose(self) -> ComposeResult:
        thread = load_sample_thread()
        with VerticalScroll():
            yield Static(thread_to_text(thread), markup=False)
        yield Footer()


def create_app(options: Options) -> ThreadReaderApp:
    """Build the app for these options (used by `main` and by tests)."""
    return ThreadReaderApp(options)
