"""Themes in the config file: `[themes.NAME]` tables, read leniently, written safely.

Reading: every bad theme (unknown mode, bad regex, wrong types) becomes a message naming
the file and line, and the other themes still load. Writing: only the `[themes.NAME]`
tables being saved are replaced (or appended); everything else in the file, comments
included, is kept byte for byte; the new file goes to a temporary file then is renamed.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from pathlib import Path
from typing import Any

from threads.themes import THEME_COLOURS, THEME_MODES, TermError, Theme

_TABLE = re.compile(r"^\s*\[\s*([^\]]+?)\s*\]\s*(#.*)?$")


def _table_name(line: str) -> str | None:
    match = _TABLE.match(line)
    if not match or line.lstrip().startswith("[["):
        return None
    return ".".join(part.strip().strip('"').strip("'") for part in match[1].split("."))


def _line_of(text: str, table: str, key: str | None = None) -> int:
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
    return _line_of(text, table) if key is not None else 0


def read_themes(raw: dict[str, Any], text: str, path: Path) -> tuple[list[Theme], list[str]]:
    """Themes from parsed TOML; problems as readable lines (`file:line: what`)."""
    themes: list[Theme] = []
    problems: list[str] = []
    tables = raw.get("themes", {})
    if not isinstance(tables, dict):
        return [], [f"{path}: [themes] must hold tables like [themes.politics]."]
    for number, (name, table) in enumerate(tables.items()):
        where = f"{path}:{_line_of(text, f'themes.{name}')}"
        if not isinstance(table, dict):
            problems.append(f"{where}: themes.{name} must be a table with terms = [...].")
            continue
        terms = table.get("terms", [])
        mode = table.get("mode", "highlight")
        color = table.get("color", THEME_COLOURS[number % len(THEME_COLOURS)])
        if not isinstance(terms, list) or not all(isinstance(t, str) for t in terms) or not terms:
            line = _line_of(text, f"themes.{name}", "terms")
            problems.append(f"{path}:{line}: themes.{name}: terms must be a list of strings.")
            continue
        if mode not in THEME_MODES:
            line = _line_of(text, f"themes.{name}", "mode")
            problems.append(
                f"{path}:{line}: themes.{name}: unknown mode {mode!r} (hide, highlight or off)."
            )
            continue
        try:
            themes.append(Theme.create(str(name), terms, mode, str(color)))
        except TermError as error:
            line = _line_of(text, f"themes.{name}", "terms")
            problems.append(f"{path}:{line}: themes.{name}: {error}.")
    return themes, problems


def _render(theme: Theme) -> list[str]:
    terms = ", ".join(json.dumps(term, ensure_ascii=False) for term in theme.terms)
    return [
        f"[themes.{_key(theme.name)}]",
        f"terms = [{terms}]",
        f"mode = {json.dumps(theme.mode)}",
        f"color = {json.dumps(theme.color)}",
    ]


def _key(name: str) -> str:
    return name if re.fullmatch(r"[A-Za-z0-9_-]+", name) else json.dumps(name, ensure_ascii=False)


def save_themes(path: Path, themes: list[Theme], *, removed: set[str] | None = None) -> None:
    """Write these themes into the config file (and drop the `removed` ones), keeping
    everything else in it."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        lines = []
    wanted = {f"themes.{theme.name}": theme for theme in themes}
    dropped = {f"themes.{name}" for name in removed or ()} - wanted.keys()
    out: list[str] = []
    skipping = False
    for line in lines:
        name = _table_name(line)
        if name is not None:
            skipping = name in wanted or name in dropped
            if name in wanted:
                out.extend(_render(wanted.pop(name)))
                continue
        if not skipping or not line.strip():  # blank lines between tables stay
            out.append(line)

    for theme in wanted.values():
        if out and out[-1].strip():
            out.append("")
        out.extend(_render(theme))
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=".config-", suffix=".toml", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            file.write("\n".join(out) + "\n")
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
