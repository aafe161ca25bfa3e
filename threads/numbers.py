"""One way to write counts everywhere: `2,170`, `2,170 comments`, `1 comment`."""

from __future__ import annotations


def count_text(number: int) -> str:
    """`2170` -> `2,170` (thousands separated by commas, as the status bar writes them)."""
    return f"{number:,}"


def counted(number: int, noun: str, plural: str | None = None) -> str:
    """`2,170 comments`, `1 comment`, `0 points`."""
    word = noun if number == 1 else (plural or noun + "s")
    return f"{count_text(number)} {word}"
