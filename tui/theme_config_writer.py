"""Writing themes into the config file, keeping everything else in it.

tomlkit keeps a document's formatting: only the values that changed are replaced (a key's
trailing comment and the comment lines inside a table stay), a table nothing changed in
stays byte for byte, a renamed theme keeps its place and its comments, new themes are
appended; the new file goes to a temporary file then is renamed.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Mapping, MutableMapping
from pathlib import Path
from typing import Any

import tomlkit
from tomlkit.exceptions import TOMLKitError
from tomlkit.items import Comment, Item, Table, Whitespace

from threads.themes import Theme


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
