"""Reader mode's `o`: the article's numbered links, then what to do with the one chosen.

A link to a thread on a supported site opens that thread here; any other web link can be
read here (reader mode), opened in the browser or copied; other schemes are refused.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rich.text import Text
from textual.screen import Screen

from fetchers.site import ItemTarget
from threads.links import Link, is_openable
from tui.opener import copy_text, open_url
from tui.screens.picker import PickerScreen


class LinkChooser:
    """Pickers for one reader screen.

    Args:
        host: The screen that shows notices and pushes the pickers.
        read: Open a URL in reader mode.
        open_thread: Open a thread of a supported site in the app.
        write_terminal: Raw output to the terminal (OSC 52 copies).
    """

    def __init__(
        self,
        host: Screen[Any],
        *,
        read: Callable[[str], None],
        open_thread: Callable[[ItemTarget], None],
        write_terminal: Callable[[str], None],
    ) -> None:
        self._host = host
        self._read = read
        self._open_thread = open_thread
        self._write = write_terminal

    def choose(self, links: tuple[Link, ...]) -> None:
        """Pick a link (digits or enter), then an action for it."""
        if not links:
            self._host.notify("This article has no links.", timeout=2)
            return

        def chosen(index: int | None) -> None:
            if index is not None:
                self.act_on(links[index])

        rows = [link_row(link) for link in links]
        self._host.app.push_screen(
            PickerScreen("Links (digit or enter; esc: cancel)", rows), chosen
        )

    def act_on(self, link: Link) -> None:
        """The actions a link allows, in a picker: 1 read here / open thread, 2 open, 3 copy."""
        if not is_openable(link.url):
            scheme = link.url.split(":", 1)[0]
            self._host.notify(f"Not opening a {scheme}: link.", severity="warning")
            return
        from fetchers.addresses import recognise

        thread = recognise(link.url)
        first = "Open the thread here" if thread is not None else "Read here (reader mode)"
        labels = [first, "Open in the browser (or copy over SSH)", "Copy the address"]

        def chosen(index: int | None) -> None:
            if index == 0 and thread is not None:
                self._open_thread(thread)
            elif index == 0:
                self._read(link.url)
            elif index == 1:
                self.open(link.url)
            elif index == 2:
                self.copy(link.url)

        rows = [Text(f"{number}. {label}") for number, label in enumerate(labels, 1)]
        self._host.app.push_screen(PickerScreen(link.url, rows), chosen)

    def open(self, url: str) -> None:
        """Open `url` in the browser (or copy it when remote)."""
        self._host.notify(open_url(url, self._write).message, timeout=4)

    def copy(self, url: str) -> None:
        copy_text(url, self._write)
        self._host.notify(f"Copied: {url}", timeout=3)


def link_row(link: Link) -> Text:
    """`N. URL  “text”`, never parsed as markup."""
    text = Text(f"{link.number}. ", style="bold")
    text.append(link.url, style="cyan")
    if link.text and link.text != link.url:
        text.append(f"  “{link.text}”", style="dim")
    return text
