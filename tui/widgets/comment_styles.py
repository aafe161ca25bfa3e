"""Terminal styles for the comment view, resolved once per key and cached.

Colours are the 16 ANSI colours so the view reads the same under TERM=linux, in tmux
and over SSH; Textual drops colour entirely when NO_COLOR is set.
"""

from __future__ import annotations

from functools import lru_cache

from rich.color import Color, ColorParseError
from rich.style import Style

from threads.comment_lines import StyleKey

DEPTH_COLOURS = ("blue", "magenta", "cyan", "green", "yellow", "red")
"""Guide bar colours, cycling with depth."""

_BASE: dict[str, Style] = {
    "paragraph": Style(),
    "quote": Style(dim=True, italic=True),
    "quote-bar": Style(color="bright_black"),
    "code": Style(color="green"),
    "code-mark": Style(color="bright_black"),
    "author": Style(bold=True, color="bright_white"),
    "op": Style(bold=True, color="bright_cyan"),
    "op-badge": Style(bold=True, color="black", bgcolor="cyan"),
    "meta": Style(color="bright_black"),
    "fold": Style(bold=True, color="yellow"),
    "deleted": Style(dim=True, italic=True),
    "dead": Style(color="red", dim=True),
    "depth-marker": Style(color="bright_black"),
    "title": Style(bold=True, color="bright_white"),
    "domain": Style(color="bright_black"),
    "rule": Style(color="bright_black"),
    "cursor": Style(color="black", bgcolor="yellow"),
    "blank": Style(),
    "tag": Style(bold=True),
    "new": Style(bold=True, color="green"),
    "snippet": Style(),
    "hit-meta": Style(color="bright_black"),
    "heading": Style(bold=True, color="bright_white"),
    "item": Style(),
    "item-marker": Style(color="bright_black"),
    "image": Style(dim=True, italic=True),
    "table": Style(),
    "passage-mark": Style(bold=True, color="yellow"),
    "more": Style(dim=True, italic=True),
    "mark": Style(bold=True, color="green"),
    "mod-badge": Style(bold=True, reverse=True, color="green"),
    "context": Style(dim=True, bold=True),
    "warning": Style(bold=True, color="yellow"),
}
_MODIFIERS: dict[str, Style] = {
    "italic": Style(italic=True),
    "bold": Style(bold=True),
    "code": Style(color="green"),
    "link": Style(color="cyan", underline=True),
    "dim": Style(dim=True),
    "match": Style(bold=True, color="black", bgcolor="yellow"),
    "footnote": Style(bold=True, underline=True, color="magenta"),  # still distinct without colour
    "target": Style(bgcolor="blue"),
    "passage": Style(bgcolor="blue", underline=True),  # underlined: still seen without colour
    # Code tokens, `("code", KIND)` from threads/code_highlight.py: 16 colours, and a
    # bold or italic that survives NO_COLOR for the kinds a reader scans for.
    "keyword": Style(color="magenta", bold=True),
    "string": Style(color="yellow"),
    "comment": Style(color="bright_black", italic=True),
    "number": Style(color="cyan"),
    "name.function": Style(color="bright_blue", bold=True),
    "name.builtin": Style(color="cyan"),
    "prompt": Style(color="bright_black", bold=True),
    "inserted": Style(color="green", bold=True),
    "deleted": Style(color="red", italic=True),
    "spoiler": Style(reverse=True),  # blocked out (or, revealed, still marked) without colour
}


@lru_cache(maxsize=4096)
def style_for(key: StyleKey) -> Style:
    """The Rich style for a style key: a base name plus modifiers (`href=URL`: a link)."""
    style = _BASE.get(key[0], Style()) if key else Style()
    for modifier in key[1:]:
        if modifier.startswith("href="):
            style = style + Style(link=modifier[5:])  # OSC 8 where the terminal has it
        elif modifier.startswith("fg="):
            style = style + theme_colour(modifier[3:])
        else:
            style = style + _MODIFIERS.get(modifier, Style())
    return style


@lru_cache(maxsize=64)
def theme_colour(colour: str) -> Style:
    """A theme's colour (a name from the config; unknown names fall back to magenta)."""
    try:
        return Style(color=Color.parse(colour), bold=True)
    except ColorParseError:
        return Style(color="magenta", bold=True)


@lru_cache(maxsize=64)
def guide_style(level: int) -> Style:
    """The colour of the guide bar for one depth level."""
    return Style(color=DEPTH_COLOURS[level % len(DEPTH_COLOURS)])
