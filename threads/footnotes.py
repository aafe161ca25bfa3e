"""Author footnotes: `training[1]` in the text, `[1] Good luck...` further down.

A definition is a line that starts with a label in brackets (`[1]`, `[a]`, `[^1]`),
optionally followed by `:`. Quoted lines never count: they belong to someone else.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_LABEL = r"\^?(?:\d{1,3}|[a-zA-Z])"
_DEFINITION = re.compile(rf"^\[(?P<label>{_LABEL})\]:?\s+(?P<text>\S.*)$")
_REFERENCE = re.compile(rf"\[(?P<label>{_LABEL})\]")


@dataclass(frozen=True, slots=True)
class Footnote:
    """A footnote definition found in a comment."""

    label: str
    """The label without brackets or caret, e.g. `1` or `a`."""
    text: str
    """What the definition says (often a URL)."""
    line: int
    """Index of the definition's line in the comment's plain text."""


def _label(raw: str) -> str:
    return raw.removeprefix("^")


def footnote_definitions(plain_text: str) -> list[Footnote]:
    """Every footnote definition in a comment's plain text, in order."""
    found: list[Footnote] = []
    for number, line in enumerate(plain_text.split("\n")):
        if line.startswith(">"):
            continue
        match = _DEFINITION.match(line.strip())
        if match:
            found.append(Footnote(_label(match["label"]), match["text"].strip(), number))
    return found


def footnote_references(plain_text: str) -> list[str]:
    """Labels referenced in the running text (not on definition lines), in order, unique."""
    labels: dict[str, None] = {}
    for line in plain_text.split("\n"):
        if line.startswith(">") or _DEFINITION.match(line.strip()):
            continue
        for match in _REFERENCE.finditer(line):
            labels.setdefault(_label(match["label"]), None)
    return list(labels)


def footnote_map(plain_text: str) -> dict[str, str]:
    """`{"1": "text"}` for `--dump json`: each label's first definition."""
    result: dict[str, str] = {}
    for note in footnote_definitions(plain_text):
        result.setdefault(note.label, note.text)
    return result
