"""Every binding with an id can be remapped from the config's `[keys]` table."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from pathlib import Path

from textual.binding import Binding
from textual.dom import DOMNode

import tui
from tests.tui_support import sample_app, wait_for_thread
from tui.keymap import remappable_ids


def bindings_with_ids() -> dict[str, str]:
    """Binding id -> the class declaring it, over every screen and widget class in `tui/`."""
    found: dict[str, str] = {}
    for info in pkgutil.walk_packages(tui.__path__, "tui."):
        module = importlib.import_module(info.name)
        for _, owner in inspect.getmembers(module, inspect.isclass):
            if not issubclass(owner, DOMNode) or owner.__module__ != module.__name__:
                continue
            for binding in owner.__dict__.get("BINDINGS", []):
                if isinstance(binding, Binding) and binding.id:
                    found[binding.id] = owner.__qualname__
    return found


def test_the_walk_finds_the_reader_keys() -> None:
    found = bindings_with_ids()
    assert found["next_comment"] == "CommentView"
    assert found["footnote"] == "ThreadScreen"
    assert found["story_more"] == "StoryListScreen"


def test_every_binding_with_an_id_is_remappable() -> None:
    remappable = remappable_ids()
    missing = {bid: owner for bid, owner in bindings_with_ids().items() if bid not in remappable}
    assert not missing, f"add their classes to tui/keymap.py KEYMAP_OWNERS: {missing}"


async def test_the_config_may_remap_every_binding_id(tmp_path: Path) -> None:
    ids = sorted(bindings_with_ids())
    config = tmp_path / "config.toml"
    # A key of its own for each, so no remap takes another action's key (that is reported).
    keys = [f"{mod}f{n}" for mod in ("", "ctrl+", "shift+", "alt+") for n in range(1, 25)]
    config.write_text(
        "[keys]\n"
        + "".join(f'{bid} = "{key}"\n' for bid, key in zip(ids, keys[: len(ids)], strict=True))
    )
    app = sample_app(config)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_thread(pilot)
        assert app.config.problems == []
