"""The TOML config file: where it is, and the `[keys]` table (remaps by binding id).

The `[themes]` and `[reader]` tables are checked here too (their own modules say how).

A bad file never stops the app: every problem becomes a readable line naming the file
(and the line where TOML says), shown as a notification, and whatever is valid is used.
"""

from __future__ import annotations

import os
import re
import tomllib
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from threads.themes import Theme
from tui.reader_settings import reader_problems
from tui.theme_config import line_of, read_themes


def config_path() -> Path:
    """`$THREADREADER_CONFIG`, else `$XDG_CONFIG_HOME/threadreader/config.toml`."""
    explicit = os.environ.get("THREADREADER_CONFIG")
    if explicit:
        return Path(explicit).expanduser()
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "threadreader" / "config.toml"


@dataclass
class Config:
    """What the config file says, plus the problems found reading it."""

    path: Path
    keys: dict[str, str] = field(default_factory=dict)
    """Binding id -> comma-separated keys."""
    key_lines: dict[str, int] = field(default_factory=dict)
    """Binding id -> the line of its remap in the file (for messages)."""
    themes: list[Theme] = field(default_factory=list)
    """Valid `[themes.NAME]` tables, in file order."""
    raw: dict[str, Any] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)


def load_config(path: Path | None = None) -> Config:
    """Read the config; a missing file is an empty config, not a problem."""
    path = path or config_path()
    config = Config(path)
    try:
        text = path.read_text(encoding="utf-8")
        config.raw = tomllib.loads(text)
    except FileNotFoundError:
        return config
    except tomllib.TOMLDecodeError as error:
        config.problems.append(f"{path}: not valid TOML ({error}); using defaults.")
        return config
    except (OSError, UnicodeDecodeError) as error:
        config.problems.append(f"{path}: cannot be read ({error}); using defaults.")
        return config
    config.themes, problems = read_themes(config.raw, text, path)
    config.problems.extend(problems)
    config.problems.extend(reader_problems(config.raw, text, path))
    keys = config.raw.get("keys", {})
    if not isinstance(keys, dict):
        config.problems.append(f'{path}: [keys] must be a table of action = "key,key".')
        return config
    for action, value in keys.items():
        if not isinstance(value, str) or not value.strip():
            config.problems.append(f'{path}: [keys] {action} must be a string like "j,down".')
            continue
        config.keys[action] = value
        config.key_lines[action] = line_of(text, "keys", action)
    return config


_MODIFIERS = ("ctrl+", "shift+", "alt+", "meta+", "super+")


def is_valid_key(key: str) -> bool:
    """Whether Textual can bind this key name (`j`, `J`, `ctrl+d`, `pagedown`, `?`, `f5`)."""
    from textual.keys import Keys  # Textual only when the reader starts, not for --dump

    named = {k.value for k in Keys} | {"space", "enter", "escape", "tab", "backspace"}
    key = key.strip()
    if len(key) == 1:
        return key.isprintable()
    rest = key
    while rest.startswith(_MODIFIERS):
        rest = rest.split("+", 1)[1]
    if len(rest) == 1:
        return rest.isprintable()
    if rest in named or re.fullmatch(r"f\d{1,2}", rest):
        return True
    try:  # Textual names printable keys after their Unicode names: right_square_bracket
        unicodedata.lookup(rest.replace("_", " "))
    except KeyError:
        return False
    return True


def normalise_keys(value: str) -> str:
    """`"?,ctrl+d"` -> Textual key names (`question_mark,ctrl+d`)."""
    from textual.keys import _character_to_key

    return ",".join(
        _character_to_key(k.strip()) if len(k.strip()) == 1 else k.strip() for k in value.split(",")
    )
