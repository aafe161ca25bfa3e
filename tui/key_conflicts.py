"""Remaps that take a key another action uses: found and reported, file and line.

`next_comment = "n,down"` binds `n`, which `next_hit` also uses in the same view; Textual
would quietly let one win. Each such clash becomes one readable line; the remap still
applies (it is what the file asks for), and the line says which action lost the key.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path

from textual.binding import Binding

from tui.config import normalise_keys


def _keys(text: str) -> list[str]:
    return [key for key in normalise_keys(text).split(",") if key]


def key_conflicts(
    groups: Iterable[Iterable[Binding]],
    keymap: Mapping[str, str],
    path: Path,
    lines: Mapping[str, int],
) -> list[str]:
    """Problems for remapped keys that another action active at the same time uses.

    `groups`: the bindings active together (a screen and the widgets in it); `keymap`:
    binding id -> the keys the config gives it; `lines`: binding id -> its line in `path`.
    """
    problems: list[str] = []
    for group in groups:
        bindings = {binding.id: binding for binding in group if binding.id}
        keys_of = {name: _keys(keymap.get(name, binding.key)) for name, binding in bindings.items()}
        names = {name: binding.description or name for name, binding in bindings.items()}
        for action in keymap:
            if action not in keys_of:
                continue
            for key in keys_of[action]:
                for other, other_keys in keys_of.items():
                    if other != action and key in other_keys:
                        problems.append(
                            f"{path}:{lines.get(action, 0)}: [keys] {action} takes {key!r}, "
                            f"which {other} ({names[other]}) also uses; "
                            f"give one of them another key."
                        )
    return problems
