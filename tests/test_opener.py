"""Opening a link reports what really happened: a failing opener means the URL is copied."""

from __future__ import annotations

import base64
import sys

import pytest

from tui import opener
from tui.opener import open_url

DESKTOP = {"DISPLAY": ":99"}  # a display variable, but no X server behind it
URL = "https://example.org/paper"


def fake_opener(monkeypatch: pytest.MonkeyPatch, exit_status: int) -> None:
    """A real process standing in for xdg-open, exiting with this status."""
    command = [sys.executable, "-c", f"import sys; sys.exit({exit_status})"]
    monkeypatch.setattr(opener, "browser_command", lambda: command)
    monkeypatch.setattr(sys, "platform", "linux")


def copied(written: list[str]) -> list[str]:
    return [base64.b64decode(s.split(";")[2].rstrip("\x07")).decode() for s in written]


def test_an_opener_that_fails_means_the_url_is_copied_and_the_message_says_so(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    fake_opener(monkeypatch, 3)  # what xdg-open returns without an X server
    written: list[str] = []
    result = open_url(URL, written.append, environ=DESKTOP)
    assert result.copied
    assert "No browser opened" in result.message and "status 3" in result.message
    assert "copied" in result.message and URL in result.message
    assert copied(written) == [URL]


def test_an_opener_that_succeeds_opens_and_copies_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    fake_opener(monkeypatch, 0)
    written: list[str] = []
    result = open_url(URL, written.append, environ=DESKTOP)
    assert not result.copied and result.message == f"Opened in the browser: {URL}"
    assert written == []


def test_an_opener_that_cannot_start_means_the_url_is_copied(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(opener, "browser_command", lambda: ["/nonexistent/xdg-open"])
    monkeypatch.setattr(sys, "platform", "linux")
    written: list[str] = []
    result = open_url(URL, written.append, environ=DESKTOP)
    assert result.copied and "xdg-open failed" in result.message
    assert copied(written) == [URL]
