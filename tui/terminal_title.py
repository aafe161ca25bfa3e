"""Make the terminal's title follow what is on screen (a story's title, a list's tab)."""

from __future__ import annotations

from textual.app import App

from threads.terminal_title import safe_title, title_sequence


def show_title(app: App[object], text: str) -> None:
    """Set the terminal title (and `app.sub_title`, which tests and the header read).

    Written through the driver after the frame, like OSC 52; the headless test driver
    writes nowhere."""
    app.sub_title = safe_title(text)
    driver = app._driver
    if driver is not None and not app.is_headless:
        driver.write(title_sequence(text))
        driver.flush()
