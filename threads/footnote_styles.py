"""The ways HN writers define footnotes, as a table.

Each style is one line-start pattern with a `label` and a `text` group, and the examples it
was collected from (`tests/fixtures/` and the real threads behind issue 11). Adding a style is
adding a row; the parser in `threads.footnotes` only walks the table.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

LABEL = r"\^?(?:\d{1,3}|[a-zA-Z])"
"""A footnote label as written inside brackets: `1`, `a`, `^2`."""
_URL = r"(?:https?://|www\.)\S"
_NUMBER = r"\d{1,2}"


@dataclass(frozen=True, slots=True)
class DefinitionStyle:
    """One way of writing a footnote definition at the start of a line."""

    name: str
    """What the style is called in tests and docs."""
    start: str
    """Regex for the style's opening (label and separator) without the text."""
    needs_url: bool
    """The text must start with a URL: without one, `1. Open Settings` is a list item."""
    needs_reference: bool
    """The label must be referenced (`[1]`) in the running text to count as a definition."""
    examples: tuple[str, ...]
    """Lines of this style, as found in real comments."""

    @property
    def pattern(self) -> re.Pattern[str]:
        """The whole definition: the opening, then its text."""
        text = rf"(?P<text>(?={_URL}).*\S)" if self.needs_url else r"(?P<text>\S.*)"
        return re.compile(rf"^{self.start}{text}$")


DEFINITION_STYLES: tuple[DefinitionStyle, ...] = (
    DefinitionStyle(
        "bracketed",
        rf"\[(?P<label>{LABEL})\]:?\s+",
        needs_url=False,
        needs_reference=False,
        examples=("[1] https://danluu.com/input-lag/", "[1]: https://puzzlepanda.com"),
    ),
    DefinitionStyle(
        "bracketed, glued to its URL",
        rf"\[(?P<label>{LABEL})\]:?",
        needs_url=True,
        needs_reference=False,
        examples=("[1]https://example.com/paper",),
    ),
    DefinitionStyle(
        "numbered list",
        rf"(?P<label>{_NUMBER})[.):]\s+",
        needs_url=True,
        needs_reference=True,
        examples=("0. https://example.com", "0) https://example.com", "0: https://www.enchant.com"),
    ),
)
"""Every recognised style; the first that matches a line wins."""


def _opening(style: DefinitionStyle) -> str:
    """The style's opening and the first character of its text, without named groups."""
    first = _URL if style.needs_url else r"\S"
    return "(?:" + style.start.replace("(?P<label>", "(?:") + first + ")"


NEXT_DEFINITION = re.compile(r"\s+(?=" + "|".join(map(_opening, DEFINITION_STYLES)) + ")")
"""Where a second definition starts on the same line (HN folds single newlines into spaces)."""

URL_ONLY = re.compile(r"^(?:https?://|www\.)\S+$")
"""A line that is nothing but a URL (the unlabelled definition of a lone reference)."""
