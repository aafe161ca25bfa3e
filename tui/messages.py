"""App-wide messages: results of loading, travelling up from workers to handlers."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.message import Message

from threads.model import Thread

if TYPE_CHECKING:
    from threads.themes import ThemeView
    from tui.load_source import PendingChanges


@dataclass
class ThreadLoaded(Message):
    """A thread arrived (first load or reload)."""

    thread: Thread
    generation: int
    progress: str = ""
    """What is still coming (`ordering 0/354`), `""` when this is the whole load."""
    themes: ThemeView | None = None
    """On a reload, the themes already matched against the new thread (shown at once)."""
    preview: bool = False
    """Only the first screenful; the whole thread follows (`LoadStep.preview`)."""


@dataclass
class LoadFailed(Message):
    """Loading failed; `reason` is one readable sentence."""

    reason: str
    generation: int


@dataclass
class LoadProgress(Message):
    """Firebase fallback progress: items loaded out of expected (None if unknown)."""

    loaded: int
    expected: int | None
    generation: int


@dataclass
class ThreadChanged(Message):
    """Changes to the thread on screen arrived (settling, streaming); take them from
    `pending`, all at once."""

    pending: PendingChanges
    generation: int


@dataclass
class OpenNeighbourStory(Message):
    """The thread screen asks for the next (`step` 1) or previous (-1) story of the list
    it was opened from."""

    story_id: str
    step: int


@dataclass
class OpenListedStory(Message):
    """The list beside a thread (wide terminals) asks for one of its stories in the
    thread's place, the focus staying on the list."""

    story_id: str
