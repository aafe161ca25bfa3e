"""The config's `[reader]` table: each setting, its default and what a valid value is.

The file is checked once, as it is read: every bad value (a string, a float, a number
out of range) and every unknown key becomes one line naming the file, the line and the
key, the way `[keys]` mistakes are reported. Whoever reads a setting (`reader_setting`)
gets the default in place of a bad value.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tui.theme_config import line_of

DEFAULT_MAX_WIDTH = 100
MIN_MAX_WIDTH = 40  # narrower than this, nested replies would have no room for words
OUTLINE_BESIDE = 160
LIST_BESIDE = 180


@dataclass(frozen=True)
class Setting:
    """One `[reader]` key."""

    default: int | None
    """Used when the key is missing or its value is bad (`None`: off)."""
    valid: Callable[[int], bool]
    """Whether a whole number is allowed."""
    expects: str
    """What a valid value is, for the message."""
    instead: str
    """What is used instead of a bad value, for the message."""


def _columns(low: int, high: int) -> Callable[[int], bool]:
    return lambda value: low <= value <= high


SETTINGS: dict[str, Setting] = {
    "max_width": Setting(
        DEFAULT_MAX_WIDTH,
        lambda value: value == 0 or value >= MIN_MAX_WIDTH,
        f"a whole number of columns, {MIN_MAX_WIDTH} or more (0 for no limit)",
        f"using {DEFAULT_MAX_WIDTH}",
    ),
    "outline_beside": Setting(
        OUTLINE_BESIDE,
        _columns(40, 1000),
        "a whole number of columns from 40 to 1000",
        f"using {OUTLINE_BESIDE}",
    ),
    "list_beside": Setting(
        LIST_BESIDE,
        _columns(40, 1000),
        "a whole number of columns from 40 to 1000",
        f"using {LIST_BESIDE}",
    ),
    "fold_below": Setting(
        None,
        lambda value: True,  # any score, negative ones too
        "a whole number (a score)",
        "score folding stays off until `s`",
    ),
}


def _table(raw: dict[str, Any] | None) -> dict[str, Any]:
    table = (raw or {}).get("reader", {})
    return table if isinstance(table, dict) else {}


def _is_valid(setting: Setting, value: object) -> bool:
    whole = isinstance(value, int) and not isinstance(value, bool)
    return whole and setting.valid(value)  # type: ignore[arg-type]


def reader_setting(raw: dict[str, Any] | None, name: str) -> int | None:
    """The value of `[reader] name`, or its default when it is missing or bad."""
    setting = SETTINGS[name]
    value = _table(raw).get(name)
    return value if value is not None and _is_valid(setting, value) else setting.default


def reader_problems(raw: dict[str, Any], text: str, path: Path) -> list[str]:
    """One line per bad `[reader]` value or unknown key: file, line, key, what to write."""
    if "reader" not in raw:
        return []
    if not isinstance(raw["reader"], dict):
        line = next(
            (n for n, row in enumerate(text.splitlines(), 1) if re.match(r"\s*reader\s*=", row)), 0
        )
        return [f"{path}:{line}: reader must be a table ([reader]); using the defaults."]
    problems: list[str] = []
    for name, value in raw["reader"].items():
        where = f"{path}:{line_of(text, 'reader', name)}: [reader] {name}"
        setting = SETTINGS.get(name)
        if setting is None:
            known = ", ".join(SETTINGS)
            problems.append(f"{where} is not a setting (known: {known}); ignored.")
        elif not _is_valid(setting, value):
            problems.append(
                f"{where} = {_shown(value)} must be {setting.expects}; {setting.instead}."
            )
    return problems


def _shown(value: object) -> str:
    """A value as the file wrote it, cut short (it is quoted back to the reader)."""
    if isinstance(value, str):
        text = f'"{value}"'
    elif isinstance(value, bool):
        text = str(value).lower()
    else:
        text = str(value)
    text = "".join(char if char.isprintable() else "?" for char in text)
    return text if len(text) <= 30 else text[:29] + "…"
