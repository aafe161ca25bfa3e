"""Themes in the config file: `[themes.NAME]` tables, read leniently, written safely.

Reading: every bad theme (unknown mode, bad regex, wrong types) becomes a message naming
the file and line, and the other themes still load. Writing goes through tomlkit, which
keeps a document's formatting: only the values that changed are replaced (a key's trailing
comment and the comment lines inside a table stay), a table nothing changed in stays byte
for byte, a renamed theme keeps its place and its comments, new themes are appended; the
new file goes to a temporary file then is renamed.
"""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Mapping, MutableMapping
from pathlib import Path
from typing import Any

import tomlkit
from tomlkit.exceptions import TOMLKitError
from tomlkit.items import Comment, Item, Table, Whitespace

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


class ConfigWriteError(OSError):
    """The config file cannot be rewritten without losing what is in it (not valid TOML)."""


def _set_if_changed(table: MutableMapping[str, Any], key: str, value: Any) -> None:
    """Assign only a changed value, so an unchanged key keeps its exact text."""
    current = table.get(key)
    if isinstance(current, Item):
        current = current.unwrap()
    if current != value:
        table[key] = value


def _themes_table(document: tomlkit.TOMLDocument) -> Table:
    themes = document.get("themes")
    if not isinstance(themes, Table):
        themes = tomlkit.table(is_super_table=True)
        document["themes"] = themes
    return themes


def _rename(themes: Table, old: str, new: str) -> None:
    """Give a theme's table a new name in place, with its comments and layout."""
    item = themes[old]
    if not isinstance(item, Table):
        themes[new] = item
        del themes[old]
        return
    renamed = tomlkit.table()
    for key, value in item.value.body:
        if key is None:
            assert isinstance(value, Comment | Whitespace)
            renamed.add(value)  # a comment or blank line
        else:
            renamed.add(key, value)
    # tomlkit has no public rename; `_replace` swaps the key where it stands.
    themes.value._replace(old, new, renamed)


def _update(themes: Table, theme: Theme) -> None:
    existing = themes.get(theme.name)
    if isinstance(existing, Mapping):
        _set_if_changed(existing, "terms", list(theme.terms))  # type: ignore[arg-type]
        _set_if_changed(existing, "mode", theme.mode)  # type: ignore[arg-type]
        _set_if_changed(existing, "color", theme.color)  # type: ignore[arg-type]
        return
    table = tomlkit.table()
    table.add("terms", list(theme.terms))
    table.add("mode", theme.mode)
    table.add("color", theme.color)
    themes.add(theme.name, table)


def themes_document(
    text: str,
    themes: list[Theme],
    *,
    removed: set[str] | None = None,
    renamed: Mapping[str, str] | None = None,
) -> str:
    """The config text with these themes written in (`renamed`: old name -> new name),
    the `removed` ones dropped, and everything else as it was. Raises ConfigWriteError."""
    try:
        document = tomlkit.parse(text)
    except TOMLKitError as error:
        raise ConfigWriteError(0, f"it is not valid TOML ({error})") from error
    table = _themes_table(document)
    for old, new in (renamed or {}).items():
        if old in table and new not in table and old != new:
            _rename(table, old, new)
    for theme in themes:
        _update(table, theme)
    for name in (removed or set()) - {theme.name for theme in themes}:
        if name in table:
            del table[name]
    return tomlkit.dumps(document)


def save_themes(
    path: Path,
    themes: list[Theme],
    *,
    removed: set[str] | None = None,
    renamed: Mapping[str, str] | None = None,
) -> None:
    """Write these themes into the config file (renaming and dropping as asked), keeping
    everything else in it. Raises OSError (ConfigWriteError for a file that is not TOML)."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        text = ""
    output = themes_document(text, themes, removed=removed, renamed=renamed)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=".config-", suffix=".toml", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            file.write(output)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
