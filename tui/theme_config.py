"""Themes in the config file: `[themes.NAME]` tables, read leniently, written safely.

Reading: every bad theme (unknown mode, bad regex, wrong types) becomes a message naming
the file and line, and the other themes still load. Writing is tui/theme_config_writer.py
(tomlkit, imported only when the reader saves a theme).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from threads.themes import THEME_COLOURS, THEME_MODES, TermError, Theme

_TABLE = re.compile(r"^\s*\[\s*([^\]]+?)\s*\]\s*(#.*)?$")


def _table_name(line: str) -> str | None:
    match = _TABLE.match(line)
    if not match or line.lstrip().startswith("[["):
        return None
    return ".".join(part.strip().strip('"').strip("'") for part in match[1].split("."))


def line_of(text: str, table: str, key: str | None = None) -> int:
    """1-based line of a table header (or of a key inside it); 0 when not found."""
    current = None
    for number, line in enumerate(text.splitlines(), start=1):
        name = _table_name(line)
        if name is not None:
            current = name
            if key is None and name == table:
                return number
            continue
        if key is not None and current == table and re.match(rf"\s*{re.escape(key)}\s*=", line):
            return number
    return line_of(text, table) if key is not None else 0


def read_themes(raw: dict[str, Any], text: str, path: Path) -> tuple[list[Theme], list[str]]:
    """Themes from parsed TOML; problems as readable lines (`file:line: what`)."""
    themes: list[Theme] = []
    problems: list[str] = []
    tables = raw.get("themes", {})
    if not isinstance(tables, dict):
        return [], [f"{path}: [themes] must hold tables like [themes.politics]."]
    for number, (name, table) in enumerate(tables.items()):
        where = f"{path}:{line_of(text, f'themes.{name}')}"
        if not isinstance(table, dict):
            problems.append(f"{where}: themes.{name} must be a table with terms = [...].")
            continue
        terms = table.get("terms", [])
        mode = table.get("mode", "highlight")
        color = table.get("color", THEME_COLOURS[number % len(THEME_COLOURS)])
        if not isinstance(terms, list) or not all(isinstance(t, str) for t in terms) or not terms:
            line = line_of(text, f"themes.{name}", "terms")
            problems.append(f"{path}:{line}: themes.{name}: terms must be a list of strings.")
            continue
        if mode not in THEME_MODES:
            line = line_of(text, f"themes.{name}", "mode")
            problems.append(
                f"{path}:{line}: themes.{name}: unknown mode {mode!r} (hide, highlight or off)."
            )
            continue
        try:
            themes.append(Theme.create(str(name), terms, mode, str(color)))
        except TermError as error:
            line = line_of(text, f"themes.{name}", "terms")
            problems.append(f"{path}:{line}: themes.{name}: {error}.")
    return themes, problems
