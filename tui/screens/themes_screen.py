"""`t`: the themes panel. Every theme with its mode and how many comments it matches here,
then the themes this thread suggests; single keys change them live."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from threads.numbers import counted
from threads.theme_from_search import theme_name_from_query, theme_terms_from_query
from threads.theme_suggest import Suggestion
from threads.themes import THEME_COLOURS, TermError, Theme, next_mode
from tui.widgets.comment_styles import theme_colour
from tui.widgets.marked_list import MarkedOptionList

HELP = (
    "space: highlight/hide/off · n: new (from the search) · e: edit terms · r: rename · "
    "d: delete · a/enter: adopt a suggestion · s: save to config · esc: close"
)
NEW_HINT = "name: term, term"


@dataclass
class ThemeActions:
    """What the panel can ask of the thread screen."""

    counts: Callable[[list[Theme]], dict[str, int]]
    """Comments each theme matches in this thread."""
    apply: Callable[[list[Theme]], None]
    """Use these themes now (the view updates live)."""
    save: Callable[[list[Theme], set[str], dict[str, str]], str]
    """Write them (dropping the deleted ones, renaming the renamed ones: old -> new) to the
    config file; returns a message."""


def split_terms(text: str) -> list[str]:
    """`a, "b c", d*` -> terms (commas separate; quotes are kept for phrases)."""
    return [term.strip() for term in text.split(",") if term.strip()]


class ThemesScreen(ModalScreen[None]):
    """Themes and suggestions; changes apply as soon as they are made."""

    BINDINGS = [
        Binding("escape,t,q", "close", "Close", show=False),
        Binding("space,m", "cycle", "Cycle mode", show=False),
        Binding("n", "new", "New theme", show=False),
        Binding("e", "edit", "Edit terms", show=False),
        Binding("r", "rename", "Rename", show=False),
        Binding("d", "delete", "Delete", show=False),
        Binding("a", "adopt", "Adopt suggestion", show=False),
        Binding("s", "save", "Save", show=False),
    ]
    DEFAULT_CSS = """
    ThemesScreen { align: center middle; }
    ThemesScreen > Vertical {
        width: 90%; max-width: 110; height: auto; max-height: 90%;
        border: round $primary; background: $surface; padding: 0 1;
    }
    ThemesScreen OptionList, ThemesScreen OptionList:focus {
        height: auto; max-height: 24; border: none;
    }

    ThemesScreen Input, ThemesScreen Input:focus { border: none; height: 1; display: none; }
    ThemesScreen Input.-open { display: block; }
    ThemesScreen #themes-help { color: $text-muted; }
    ThemesScreen #theme-hint { display: none; }
    ThemesScreen #theme-hint.-open { display: block; }
    """

    def __init__(
        self,
        themes: list[Theme],
        suggestions: list[Suggestion],
        actions: ThemeActions,
        *,
        query: str = "",
    ) -> None:
        super().__init__()
        self.themes = list(themes)
        self._all_suggestions = suggestions
        self._actions = actions
        self._query = query
        self._editing: tuple[str, str] | None = None  # ("new"|"terms"|"name", theme name)
        self.removed: set[str] = set()
        """Themes deleted here: saving removes them from the config file too."""
        self.renamed: dict[str, str] = {}
        """Themes renamed here, name in the config file -> new name (saving renames them)."""

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Text("Themes", style="bold"), markup=False)
            yield MarkedOptionList(id="themes")
            # Not selected on focus: typing adds to the terms instead of replacing them.
            yield Input(id="theme-input", select_on_focus=False)
            yield Static("", id="theme-hint", markup=False)  # the match count while typing
            yield Static(HELP, id="themes-help", markup=False)

    def on_mount(self) -> None:
        self._refresh_rows()
        self.query_one(OptionList).focus()

    # -- rows --------------------------------------------------------------------------
    def _refresh_rows(self, focus: str | None = None) -> None:
        """Rebuild the list; the highlight stays on the same row, or moves to `focus`."""
        options = self.query_one(OptionList)
        highlighted = options.highlighted
        counts = self._actions.counts(self.themes)
        options.clear_options()
        rows: list[Option] = []
        for theme in self.themes:
            text = Text(f"{theme.mode:<9} ", style="bold" if theme.mode != "off" else "dim")
            text.append(theme.name, style=theme_colour(theme.color))
            text.append(f"  {counted(counts.get(theme.name, 0), 'comment')}  ", style="dim")
            text.append(", ".join(theme.terms), style="dim")
            rows.append(Option(text, id=f"theme:{theme.name}"))
        if not self.themes:
            rows.append(
                Option(
                    Text(
                        "No themes yet: n makes one from the search, a adopts a suggestion.",
                        style="italic",
                    ),
                    id="none",
                    disabled=True,
                )
            )
        rows.append(
            Option(Text("Suggested by this thread", style="bold"), id="header", disabled=True)
        )
        for number, suggestion in enumerate(self.suggestions):
            text = Text(f"  {suggestion.name}", style="cyan")
            text.append(f"  {counted(suggestion.count, 'comment')}  ", style="dim")
            text.append(", ".join(suggestion.terms[:6]), style="dim")
            rows.append(Option(text, id=f"suggestion:{number}"))
        if not self.suggestions:
            rows.append(
                Option(
                    Text("  (nothing stands out in this thread)", style="italic"),
                    id="empty",
                    disabled=True,
                )
            )
        options.add_options(rows)
        options.highlighted = min(highlighted or 0, options.option_count - 1)
        if focus is not None:
            options.highlighted = next(
                (i for i, row in enumerate(rows) if row.id == focus), options.highlighted
            )
        if (
            options.highlighted is not None
            and options.get_option_at_index(options.highlighted).disabled
        ):
            options.action_cursor_down()

    @property
    def suggestions(self) -> list[Suggestion]:
        """The thread's suggestions not already adopted as a theme (deleting one brings its
        suggestion back)."""
        adopted = [set(theme.terms) for theme in self.themes]
        return [s for s in self._all_suggestions if not any(set(s.terms) <= t for t in adopted)]

    def _selected(self) -> tuple[str, int | str] | None:

        options = self.query_one(OptionList)
        if options.highlighted is None:
            return None
        option_id = options.get_option_at_index(options.highlighted).id or ""
        kind, _, value = option_id.partition(":")
        if kind == "theme":
            return kind, value
        if kind == "suggestion":
            return kind, int(value)
        return None

    def _selected_theme(self) -> Theme | None:
        selected = self._selected()
        if selected is None or selected[0] != "theme":
            return None
        return next((t for t in self.themes if t.name == selected[1]), None)

    def _replace(self, old: Theme | None, new: Theme | None) -> None:
        if old is not None and new is not None:
            self.themes = [new if t.name == old.name else t for t in self.themes]
        elif old is not None:
            self.themes = [t for t in self.themes if t.name != old.name]
            # A theme renamed here is still under its first name in the config file.
            first = next((k for k, v in self.renamed.items() if v == old.name), old.name)
            self.renamed.pop(first, None)
            self.removed.add(first)
        elif new is not None:
            self.themes = [*self.themes, new]
            self.removed.discard(new.name)
        self._actions.apply(self.themes)
        self._refresh_rows(focus=f"theme:{new.name}" if new is not None else None)

    # -- actions -----------------------------------------------------------------------
    def action_cycle(self) -> None:
        theme = self._selected_theme()
        if theme is not None:
            self._replace(theme, theme.with_mode(next_mode(theme.mode)))

    def action_delete(self) -> None:
        theme = self._selected_theme()
        if theme is not None:
            self._replace(theme, None)

    def action_adopt(self) -> None:
        selected = self._selected()
        if selected is None or selected[0] != "suggestion":
            return
        suggestion = self.suggestions[int(selected[1])]
        name = self._free_name(suggestion.name.split("/")[0])
        colour = THEME_COLOURS[len(self.themes) % len(THEME_COLOURS)]
        self._replace(None, Theme.create(name, list(suggestion.terms), "highlight", colour))

    def _free_name(self, base: str) -> str:
        names = {t.name for t in self.themes}
        name, number = base, 2
        while name in names:
            name, number = f"{base}{number}", number + 1
        return name

    def _from_search(self) -> str:
        """`name: terms` for a theme matching what the search on screen matches ("" if none)."""
        terms = theme_terms_from_query(self._query)
        if not terms:
            return ""
        return f"{self._free_name(theme_name_from_query(self._query))}: {', '.join(terms)}"

    def action_new(self) -> None:
        # An empty field: typing starts a fresh theme; enter on it takes the one the
        # placeholder offers from the search.
        from_search = self._from_search()
        placeholder = f"{from_search}   (enter takes it)" if from_search else NEW_HINT
        self._open_input(("new", ""), "", placeholder)

    def action_edit(self) -> None:
        theme = self._selected_theme()
        if theme is not None:
            self._open_input(("terms", theme.name), ", ".join(theme.terms), "term, term")

    def action_rename(self) -> None:
        theme = self._selected_theme()
        if theme is not None:
            self._open_input(("name", theme.name), "", f"new name for {theme.name}")

    def _open_input(self, editing: tuple[str, str], value: str, placeholder: str) -> None:
        self._editing = editing
        field = self.query_one(Input)
        field.value = value
        field.placeholder = placeholder
        field.add_class("-open")
        self.query_one("#theme-hint", Static).add_class("-open")
        self._show_count(value)
        field.focus()

    def _close_input(self) -> None:
        self.query_one(Input).remove_class("-open")
        self.query_one("#theme-hint", Static).remove_class("-open")
        self.query_one(OptionList).focus()

    def _typed_terms(self, value: str) -> list[str]:
        """The terms the field holds now (for a new theme: after `name:`; empty -> the
        placeholder's terms from the search)."""
        if self._editing is None or self._editing[0] == "name":
            return []
        if self._editing[0] == "terms":
            return split_terms(value)
        return split_terms((value or self._from_search()).partition(":")[2])

    @on(Input.Changed)
    def _typing(self, event: Input.Changed) -> None:
        event.stop()
        self._show_count(event.value)

    def _show_count(self, value: str) -> None:
        """While typing terms: how many comments they match in this thread."""
        hint = self.query_one("#theme-hint", Static)
        if self._editing is not None and self._editing[0] == "name":
            hint.update("enter: rename · esc: cancel")
            return
        terms = self._typed_terms(value)
        if not terms:
            hint.update('terms: words, prefix*, "a phrase", a & b · enter: save · esc: cancel')
            return
        try:
            probe = Theme.create("\0probe", terms)
        except TermError as error:
            hint.update(str(error))
            return
        count = self._actions.counts([probe]).get(probe.name, 0)
        hint.update(f"matches {counted(count, 'comment')} here")

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._close_input()
        editing, self._editing = self._editing, None
        try:
            if editing is None:
                return
            kind, editing_name = editing
            if kind == "name":
                self._rename(editing_name, event.value.strip())
            elif kind == "new":
                name, _, terms = (event.value or self._from_search()).partition(":")
                if not name.strip() or not split_terms(terms):
                    self.notify("Write it as  name: term, term", severity="warning")
                    return
                colour = THEME_COLOURS[len(self.themes) % len(THEME_COLOURS)]
                theme = Theme.create(
                    self._free_name(name.strip()), split_terms(terms), "highlight", colour
                )
                self._replace(None, theme)
            else:
                old = next((t for t in self.themes if t.name == editing_name), None)
                if old is not None and split_terms(event.value):
                    self._replace(old, old.with_terms(split_terms(event.value)))
        except TermError as error:
            self.notify(str(error), severity="error")

    def _rename(self, old_name: str, new_name: str) -> None:
        """Rename a theme here (saving renames its table in the config file)."""
        old = next((t for t in self.themes if t.name == old_name), None)
        if old is None or not new_name or new_name == old_name:
            return
        if any(t.name == new_name for t in self.themes):
            self.notify(f"There is already a theme called {new_name}.", severity="warning")
            return
        original = next((k for k, v in self.renamed.items() if v == old_name), old_name)
        self.renamed.pop(original, None)
        if original != new_name:
            self.renamed[original] = new_name
        self.removed.discard(new_name)
        self._replace(old, Theme(new_name, old.terms, old.mode, old.color, old.parsed))

    def action_save(self) -> None:
        self.notify(self._actions.save(self.themes, self.removed, self.renamed), timeout=4)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if (event.option.id or "").startswith("suggestion:"):
            self.action_adopt()
        else:
            self.action_cycle()

    def action_close(self) -> None:
        if self.query_one(Input).has_class("-open"):
            self._editing = None
            self._close_input()
            return
        self.dismiss(None)
