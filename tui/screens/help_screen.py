"""`?`: every key of the screen underneath, generated from its live bindings.

The bindings (after `[keys]` remaps) are the one source of truth, so this screen can
never disagree with what the keys do.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

# Textual's own focus and selection bindings: not reader keys, so not listed.
_TEXTUAL_PLUMBING = {"focus_next", "focus_previous", "copy_text", "command_palette"}


def declared_order(node: object) -> dict[str, int]:
    """Each action of `node`'s class BINDINGS (its own first, then its bases') -> its
    place as written.

    A `[keys]` remap re-inserts the remapped key last in the live bindings; the help
    keeps the order the bindings were written in, whatever the user remapped.
    """
    order: dict[str, int] = {}
    for owner in type(node).__mro__:
        for binding in owner.__dict__.get("BINDINGS", ()):
            if isinstance(binding, Binding):
                order.setdefault(binding.action, len(order))
    return order


def binding_rows(screen: Screen[Any]) -> list[tuple[str, str]]:
    """(keys, description) for each action active on `screen`, in declaration order."""
    by_action: dict[str, tuple[list[str], str]] = {}
    ranks: dict[str, tuple[int, int]] = {}
    nodes: dict[int, dict[str, int]] = {}  # id(node) -> its declared order, by first use
    for key, active in screen.active_bindings.items():
        binding: Binding = active.binding
        if not binding.description or binding.action.split(".")[-1] in _TEXTUAL_PLUMBING:
            continue
        if id(active.node) not in nodes:
            nodes[id(active.node)] = declared_order(active.node)
        place = nodes[id(active.node)].get(binding.action, len(nodes[id(active.node)]))
        rank = (list(nodes).index(id(active.node)), place)
        ranks[binding.action] = min(ranks.get(binding.action, rank), rank)
        keys, _ = by_action.setdefault(binding.action, ([], binding.description))
        keys.append(screen.app.get_key_display(binding.with_key(key)))
    ordered = sorted(by_action, key=lambda action: ranks[action])
    return [(", ".join(dict.fromkeys(by_action[a][0])), by_action[a][1]) for a in ordered]


class HelpScreen(ModalScreen[None]):
    """A scrollable table of keys; any of `?`, `q`, `escape` closes it."""

    BINDINGS = [
        Binding("question_mark,q,escape", "dismiss", "Close", show=False),
        Binding("j,down", "scroll_help(1)", "Scroll down", show=False),
        Binding("k,up", "scroll_help(-1)", "Scroll up", show=False),
    ]
    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > VerticalScroll {
        width: 64; max-width: 100%; height: auto; max-height: 90%;
        border: round $primary; background: $surface; padding: 0 1;
    }
    """

    def __init__(self, underneath: Screen[Any]) -> None:
        super().__init__()
        self._rows = binding_rows(underneath)

    def compose(self) -> ComposeResult:
        column = max((len(keys) for keys, _ in self._rows), default=0) + 2
        text = Text()
        for keys, description in self._rows:
            text.append(keys.ljust(column), style="bold")
            text.append(description + "\n")
        with VerticalScroll():
            yield Static(Text("Keys  (? q escape: close)", style="bold"), markup=False)
            yield Static(text, id="help-keys")

    def action_scroll_help(self, rows: int) -> None:
        self.query_one(VerticalScroll).scroll_relative(y=rows, animate=False)

    async def action_dismiss(self, result: None = None) -> None:

        self.dismiss(result)
