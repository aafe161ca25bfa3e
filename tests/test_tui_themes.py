"""Themes in the reader: stubs, tags, the `t` panel's keys, saving, suggestions."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from textual.widgets import Input, OptionList

from tests.tui_support import (
    comment_view,
    cursor_author,
    sample_app,
    status_text,
    view_text,
    wait_for_index,
)
from tui.screens.themes_screen import ThemesScreen

CONFIG = """# reader settings
[keys]
last = "L"  # mine

[themes.politics]
terms = ["capitalism", "socialis*"]
mode = "hide"
color = "magenta"

[themes.training]
terms = ["training", "stolen"]
mode = "highlight"
color = "green"
"""


async def wait_for_themes(pilot: Any) -> None:
    """Themes apply once the word index is built (in a worker, after the first frame)."""
    await wait_for_index(pilot)


def config_file(tmp_path: Path, text: str = CONFIG) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(text)
    return path


async def test_hidden_comments_are_stubs_and_enter_reveals_one(tmp_path: Path) -> None:
    app = sample_app(config_file(tmp_path))
    async with app.run_test(size=(80, 30)) as pilot:
        await wait_for_themes(pilot)
        text = view_text(app)
        assert "hidden · politics · +4" in text  # tessellate and its 4 replies
        assert "lanternfish" not in text
        assert "hidden by themes" in status_text(app)
        await pilot.press("J")  # onto the tessellate stub
        await pilot.press("enter")
        assert "tessellate · 2d" in view_text(app)
        view = comment_view(app)
        lanternfish, ko_bayashi = view.thread.comments[1].children[:2]
        assert view.folds.position_of(lanternfish.id) is not None  # back in the tree
        assert view.folds.stub_theme(ko_bayashi.id) == "politics"  # still hidden itself


async def test_highlight_tags_the_header(tmp_path: Path) -> None:
    app = sample_app(config_file(tmp_path, CONFIG.replace('mode = "hide"', 'mode = "off"')))
    async with app.run_test(size=(80, 30)) as pilot:
        await wait_for_themes(pilot)
        assert "quietfrog · 2d #training" in view_text(app)
        view = comment_view(app)
        gutter = view.render_line(view.layout_rows.starts[0] + 1 - int(view.scroll_y))
        assert gutter.text.startswith("▌")  # the cursor wins the gutter on its own comment


async def test_turning_a_theme_off_restores_cursor_and_folds(tmp_path: Path) -> None:
    app = sample_app(config_file(tmp_path, CONFIG.replace('mode = "hide"', 'mode = "off"')))
    async with app.run_test(size=(80, 30)) as pilot:
        await wait_for_themes(pilot)
        await pilot.press("J", "J", "space", "j", "j")  # fold holloway; on to auklet, cormorant
        assert cursor_author(app) == "cormorant"
        await pilot.press("t")
        assert isinstance(app.screen, ThemesScreen)
        await pilot.press("space")  # politics: off -> highlight
        await pilot.press("space")  # highlight -> hide: cormorant is hidden
        await pilot.pause(0.3)
        assert "hidden · politics" in view_text(app)
        await pilot.press("space")  # hide -> off
        await pilot.pause(0.3)
        await pilot.press("escape")
        await pilot.pause()
        assert cursor_author(app) == "cormorant"

        view = comment_view(app)
        assert view.folds.is_folded(view.thread.comments[2].id)


async def test_panel_lists_counts_and_suggestions(tmp_path: Path) -> None:
    app = sample_app(config_file(tmp_path))
    async with app.run_test(size=(100, 40)) as pilot:
        await wait_for_themes(pilot)
        await pilot.press("t")
        options = app.screen.query_one(OptionList)
        rows = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert rows[0].startswith("hide") and "politics" in rows[0] and "comments" in rows[0]
        assert any("Suggested by this thread" in row for row in rows)
        assert any("capitalism" in row and "socialism" in row for row in rows[2:])


async def test_new_theme_from_the_search_then_save_keeps_the_rest_of_the_file(
    tmp_path: Path,
) -> None:
    path = config_file(tmp_path)
    app = sample_app(path)
    async with app.run_test(size=(100, 40)) as pilot:
        await wait_for_themes(pilot)
        await pilot.press("slash", *"handouts", "enter")
        await pilot.pause(0.3)
        await pilot.press("t", "n")
        field = app.screen.query_one(Input)
        assert field.value == ""  # typing starts afresh; the search is offered, not typed
        assert field.placeholder.startswith("handouts: handouts")
        field.value = "charity: handouts, charity"
        await pilot.press("enter")
        await pilot.pause(0.3)
        await pilot.press("s")
        await pilot.pause()
    text = path.read_text()
    assert "# reader settings" in text and 'last = "L"  # mine' in text
    themes = tomllib.loads(text)["themes"]
    assert themes["charity"]["terms"] == ["handouts", "charity"]
    assert themes["politics"]["mode"] == "hide"


async def test_edit_delete_and_adopt(tmp_path: Path) -> None:
    path = config_file(tmp_path)
    app = sample_app(path)
    async with app.run_test(size=(100, 40)) as pilot:
        await wait_for_themes(pilot)
        await pilot.press("t", "e")
        field = app.screen.query_one(Input)
        assert field.value == "capitalism, socialis*"
        field.value = "capitalism"
        await pilot.press("enter")
        await pilot.pause(0.2)
        assert app.themes[0].terms == ("capitalism",)
        await pilot.press("down", "d")  # delete "training"
        assert [t.name for t in app.themes] == ["politics"]
        options = app.screen.query_one(OptionList)
        suggestion = next(
            i
            for i in range(options.option_count)
            if (options.get_option_at_index(i).id or "").startswith("suggestion:")
        )
        options.highlighted = suggestion
        await pilot.press("a")
        assert len(app.themes) == 2 and app.themes[1].mode == "highlight"


async def test_deleting_then_saving_removes_the_theme_from_the_file(tmp_path: Path) -> None:
    path = config_file(tmp_path)
    app = sample_app(path)
    async with app.run_test(size=(100, 40)) as pilot:
        await wait_for_themes(pilot)
        await pilot.press("t", "d", "s")  # delete "politics", save
        await pilot.pause()
    text = path.read_text()
    assert "[themes.politics]" not in text and "[themes.training]" in text
    assert "# reader settings" in text and "\n\n[themes.training]" in text


async def test_adopting_twice_takes_two_different_suggestions() -> None:
    from hn_fixtures import FIXTURES

    from fetchers.saved import load_thread_file
    from tests.tui_support import app_with_source

    async def source(progress: Any) -> Any:
        return load_thread_file(FIXTURES / "algolia-item-26312516-485-comments.json")

    app = app_with_source(source)
    async with app.run_test(size=(100, 40)) as pilot:
        await wait_for_themes(pilot)
        await pilot.press("t")
        screen = app.screen
        assert isinstance(screen, ThemesScreen)
        first, second = screen.suggestions[0].terms, screen.suggestions[1].terms
        options = screen.query_one(OptionList)
        options.highlighted = next(
            i
            for i in range(options.option_count)
            if options.get_option_at_index(i).id == "suggestion:0"
        )
        await pilot.press("a")
        options.highlighted = next(
            i
            for i in range(options.option_count)
            if options.get_option_at_index(i).id == "suggestion:0"
        )
        await pilot.press("a")
        assert [t.terms for t in app.themes] == [first, second]


async def test_the_hidden_count_follows_reveals(tmp_path: Path) -> None:
    import re

    app = sample_app(config_file(tmp_path))
    async with app.run_test(size=(100, 40)) as pilot:
        await wait_for_themes(pilot)

        def hidden() -> int:
            found = re.search(r"(\d+) hidden by themes", status_text(app))
            return int(found[1]) if found else 0

        before = hidden()
        assert before > 0
        await pilot.press("slash", *"LeCun", "enter")  # a hit inside a hidden subtree
        await pilot.pause(0.3)
        assert cursor_author(app) == "phaedra_"
        assert 0 < hidden() < before


async def test_an_adopted_suggestion_is_not_suggested_again(tmp_path: Path) -> None:
    app = sample_app(config_file(tmp_path, "# nothing yet\n"))
    async with app.run_test(size=(100, 40)) as pilot:
        await wait_for_themes(pilot)
        await pilot.press("t")
        assert isinstance(app.screen, ThemesScreen) and app.screen.suggestions
        await pilot.press("a", "escape")
        await pilot.pause()
        await pilot.press("t")
        assert isinstance(app.screen, ThemesScreen)
        assert "capitalism/socialism" not in [s.name for s in app.screen.suggestions]
        assert [t.name for t in app.themes] == ["capitalism"]
        await pilot.press("d")  # deleting the theme brings its suggestion back
        assert [s.name for s in app.screen.suggestions][0] == "capitalism/socialism"


async def test_a_theme_change_after_fold_all_keeps_the_cursor(tmp_path: Path) -> None:
    app = sample_app(config_file(tmp_path, "# nothing yet\n"))
    async with app.run_test(size=(100, 40)) as pilot:
        await wait_for_themes(pilot)
        await pilot.press("g", "j", "j", "j", "j", "C", "E")
        assert cursor_author(app) == "tessellate"
        await pilot.press("t", "a", "escape")
        await pilot.pause(0.3)
        assert cursor_author(app) == "tessellate"


async def test_editing_terms_adds_to_them(tmp_path: Path) -> None:
    app = sample_app(config_file(tmp_path))
    async with app.run_test(size=(100, 40)) as pilot:
        await wait_for_themes(pilot)
        await pilot.press("t", "e", *", fascist", "enter")
        await pilot.pause()
        assert app.themes[0].terms == ("capitalism", "socialis*", "fascist")
