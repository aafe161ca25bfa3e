"""Author footnotes: `training[1]` in the text, `[1] Good luck...` further down.

A definition is a line that starts with a label in brackets (`[1]`, `[a]`, `[^1]`),
optionally followed by `:`. Quoted lines never count: they belong to someone else. HN
writers also put definitions in their own reply directly below, so that is searched too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from threads.model import Comment

_LABEL = r"\^?(?:\d{1,3}|[a-zA-Z])"
_DEFINITION = re.compile(rf"^\[(?P<label>{_LABEL})\]:?\s+(?P<text>\S.*)$")
REFERENCE = re.compile(rf"\[(?P<label>{_LABEL})\]")


@dataclass(frozen=True, slots=True)
class Footnote:
    """A footnote definition."""

    label: str
    """The label without brackets or caret, e.g. `1` or `a`."""
    text: str
    """What the definition says (often a URL)."""
    line: int
    """Index of the definition's line in the comment's plain text."""
    block: int = 0
    """Index of the body block holding the definition."""
    comment_id: str = ""
    """The comment holding the definition (the same comment, or the author's reply)."""


def _label(raw: str) -> str:
    return raw.removeprefix("^")


_NEXT_DEFINITION = re.compile(rf"\s+(?=\[{_LABEL}\]:?\s+\S)")


def _line_definitions(line: str) -> list[tuple[str, str]]:
    """(label, text) of the definitions on one line.

    HN folds a single newline into a space, so `[1] url [2] url` can arrive on one line:
    a line that starts with a definition is split before each further `[label]`.
    """
    if not _DEFINITION.match(line.strip()):
        return []
    found = []
    for part in _NEXT_DEFINITION.split(line.strip()):
        match = _DEFINITION.match(part)
        if match:
            found.append((_label(match["label"]), match["text"].strip()))
    return found


def footnote_definitions(plain_text: str) -> list[Footnote]:
    """Every footnote definition in a comment's plain text, in order."""
    found: list[Footnote] = []
    for number, line in enumerate(plain_text.split("\n")):
        if line.startswith(">"):
            continue
        found.extend(Footnote(label, text, number) for label, text in _line_definitions(line))
    return found


def footnote_references(plain_text: str) -> list[str]:
    """Labels referenced in the running text (not on definition lines), in order, unique."""
    labels: dict[str, None] = {}
    for line in plain_text.split("\n"):
        if line.startswith(">") or _DEFINITION.match(line.strip()):
            continue
        for match in REFERENCE.finditer(line):
            labels.setdefault(_label(match["label"]), None)
    return list(labels)


def footnote_map(comment: Comment) -> dict[str, str]:
    """`{"1": "text"}` for `--dump json`: each label's first definition in the comment
    (the same block-based reading the reader's `f` uses)."""
    result: dict[str, str] = {}
    for note in _body_definitions(comment):
        result.setdefault(note.label, note.text)
    return result


def _body_definitions(comment: Comment) -> list[Footnote]:
    """Definitions of one comment, located by body block."""
    found: list[Footnote] = []
    for block_index, block in enumerate(comment.body):
        if block.kind == "quote":
            continue
        for line_index, line in enumerate(block.text.split("\n")):
            for label, text in _line_definitions(line):
                found.append(Footnote(label, text, line_index, block_index, comment.id))
    return found


@dataclass(frozen=True, slots=True)
class CommentFootnotes:
    """The footnotes a reader can follow from one comment."""

    references: list[str]
    """Labels referenced in the text, in order."""
    definitions: dict[str, Footnote]
    """Label -> where it is defined (this comment, or the author's reply below)."""

    @property
    def unreferenced(self) -> list[str]:
        """Defined but never referenced (still footnotes: `[0]` in the sample)."""
        return [label for label in self.definitions if label not in self.references]

    @property
    def count(self) -> int:
        return len(set(self.references) | set(self.definitions))


def comment_footnotes(comment: Comment) -> CommentFootnotes:
    """References of a comment and where each is defined.

    A label defined in the comment itself wins; otherwise a definition in one of the
    author's own direct replies (the first such reply that defines it).
    """
    definitions: dict[str, Footnote] = {}
    for note in _body_definitions(comment):
        definitions.setdefault(note.label, note)
    references = footnote_references(comment.plain_text)
    missing = [label for label in references if label not in definitions]
    if missing and comment.author:
        for reply in comment.children:
            if reply.author != comment.author or reply.deleted:
                continue
            for note in _body_definitions(reply):
                if note.label in missing:
                    definitions.setdefault(note.label, note)
    return CommentFootnotes(references, definitions)
