"""Author footnotes: `training[1]` in the text, `[1] Good luck...` further down.

A definition is a line in one of the styles of `threads.footnote_styles` (`[1] text`,
`[1]: text`, `[1]https://…`, and a numbered `0. https://…` for a referenced label).
Quoted lines never count: they belong to someone else. HN writers also put definitions in
their own reply directly below, so that is searched too; a single reference whose comment
ends in a line that is only a URL is defined by that URL.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass

from threads.footnote_styles import DEFINITION_STYLES, LABEL, NEXT_DEFINITION, URL_ONLY
from threads.model import Comment

REFERENCE = re.compile(rf"\[(?P<label>{LABEL})\]")
_STYLES = tuple((style, style.pattern) for style in DEFINITION_STYLES)


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


def _definition(part: str, referenced: Collection[str] | None) -> tuple[str, str] | None:
    """(label, text) if `part` is a definition in the first style that reads it.

    `referenced` is None when any label may be defined; otherwise a style that needs a
    reference only accepts the labels in it.
    """
    for style, pattern in _STYLES:
        match = pattern.match(part)
        if match is None:
            continue
        label = _label(match["label"])
        if style.needs_reference and referenced is not None and label not in referenced:
            continue
        return label, match["text"].strip()
    return None


def _line_definitions(
    line: str, referenced: Collection[str] | None = None
) -> list[tuple[str, str]]:
    """(label, text) of the definitions on one line.

    HN folds a single newline into a space, so `[1] url [2] url` can arrive on one line:
    a line that starts with a definition is split before each further one.
    """
    stripped = line.strip()
    if _definition(stripped, referenced) is None:
        return []
    found = []
    for part in NEXT_DEFINITION.split(stripped):
        definition = _definition(part, referenced)
        if definition is not None:
            found.append(definition)
    return found


def footnote_definitions(plain_text: str) -> list[Footnote]:
    """Every footnote definition in a comment's plain text, in order."""
    referenced = footnote_references(plain_text)
    found: list[Footnote] = []
    for number, line in enumerate(plain_text.split("\n")):
        if line.startswith(">"):
            continue
        found.extend(
            Footnote(label, text, number) for label, text in _line_definitions(line, referenced)
        )
    return found


def footnote_references(plain_text: str) -> list[str]:
    """Labels referenced in the running text (not on definition lines), in order, unique."""
    labels: dict[str, None] = {}
    for line in plain_text.split("\n"):
        if line.startswith(">") or _definition(line.strip(), None) is not None:
            continue
        for match in REFERENCE.finditer(line):
            labels.setdefault(_label(match["label"]), None)
    return list(labels)


def footnote_map(comment: Comment) -> dict[str, str]:
    """`{"1": "text"}` for `--dump json`: each label's first definition in the comment
    (the same block-based reading the reader's `f` uses)."""
    references = footnote_references(comment.plain_text)
    return {label: note.text for label, note in _own_definitions(comment, references).items()}


def _own_definitions(comment: Comment, references: list[str]) -> dict[str, Footnote]:
    """Label -> first definition in the comment itself, the unlabelled URL included."""
    definitions: dict[str, Footnote] = {}
    for note in _body_definitions(comment, references):
        definitions.setdefault(note.label, note)
    missing = [label for label in references if label not in definitions]
    if len(missing) == 1:
        trailing = _trailing_url(comment, missing[0])
        if trailing is not None:
            definitions[missing[0]] = trailing
    return definitions


def _body_definitions(comment: Comment, referenced: Collection[str]) -> list[Footnote]:
    """Definitions of one comment, located by body block."""
    found: list[Footnote] = []
    for block_index, block in enumerate(comment.body):
        if block.kind == "quote":
            continue
        for line_index, line in enumerate(block.text.split("\n")):
            for label, text in _line_definitions(line, referenced):
                found.append(Footnote(label, text, line_index, block_index, comment.id))
    return found


def _trailing_url(comment: Comment, label: str) -> Footnote | None:
    """`like Coherent[0] …` ending in a paragraph that is only a URL: that URL is `[0]`."""
    if len(comment.body) < 2 or comment.body[-1].kind == "quote":
        return None
    lines = comment.body[-1].text.strip().split("\n")
    if len(lines) != 1 or not URL_ONLY.match(lines[0]):
        return None
    return Footnote(label, lines[0], 0, len(comment.body) - 1, comment.id)


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
    references = footnote_references(comment.plain_text)
    definitions = _own_definitions(comment, references)
    missing = [label for label in references if label not in definitions]
    if missing and comment.author:
        for reply in comment.children:
            if reply.author != comment.author or reply.deleted:
                continue
            for note in _body_definitions(reply, missing):
                if note.label in missing:
                    definitions.setdefault(note.label, note)
    return CommentFootnotes(references, definitions)
