"""What the user asked to open: a thread on a known site, or a saved `.json` file."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from fetchers.errors import BadTarget
from fetchers.site import ItemTarget


@dataclass(frozen=True, slots=True)
class FileTarget:
    """A thread saved in a JSON file."""

    path: Path


Target = ItemTarget | FileTarget

__all__ = ["FileTarget", "ItemTarget", "Target", "parse_target"]


def parse_target(text: str) -> Target:
    """Understand a thread address, an id or a saved file. Raises `BadTarget` with a sentence."""
    from fetchers.sites import recognise  # the site modules import this module's neighbours

    value = text.strip()
    if "://" not in value and (value.lower().endswith(".json") or Path(value).is_file()):
        return FileTarget(Path(value))
    target = recognise(value)
    if target is not None:
        return target
    raise BadTarget(
        f"Don't know how to open {text!r}: give a thread URL from Hacker News, Lobsters, "
        "a Discourse forum (/t/ID), Lemmy (/post/ID) or Mastodon (/@user/ID), an HN id, "
        "hn:ID, lobsters:ID or a .json file."
    )
