"""The `t` panel as a new user meets it: an empty field with a hint, a theme from the
search that means what the search meant, counts while typing, renaming, one count format."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from textual.widgets import Input, OptionList, Static

from tests.test_tui_themes import CONFIG, config_file, wait_for_themes
from tests.tui_support import sample_app, thread_screen
from tui.screens.themes_screen import ThemesScreen
from tui.widgets.comment_header import stub_header


async def search(pilot: Any, query: str) -> None:
    await pilot.press("slash", *query, "enter")
    await wait_for_themes(pilot)


def hint(app: Any) -> str:
    return str(app.screen.query_one("#theme-hint", Static).render())


def panel_rows(app: Any) -> list[str]:
    options = app.screen.query_one(OptionList)
    return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]


async def test_new_starts_empty_so_typing_is_not_appended_to_a_hint(tmp_path: Path) -> None:
    app = sample_app(config_file(tmp_path))
    async with app.run_test(size=(100, 40)) as pilot:
        await wait_for_themes(pilot)
        await pilot.press("t", "n")
        field = app.screen.query_one(Input)
        assert field.value == "" and field.placeholder == "name: term, term"
        await pilot.press(*"ai: model*", "enter")
        await pilot.pause()
        assert app.themes[-1].name == "ai" and app.themes[-1].terms == ("model*",)


async def test_a_theme_from_a_two_word_search_matches_what_the_search_found(
    tmp_path: Path,
) -> None:
    app = sample_app(config_file(tmp_path, "# nothing yet\n"))
    async with app.run_test(size=(100, 40)) as pilot:
        await wait_for_themes(pilot)
        await search(pilot, "open source")
        result = thread_screen(app).search.result
        assert result is not None and len(result) == 4
        await pilot.press("t", "n")
        assert "matches 4 comments" in hint(app)  # the offer, counted before enter
        await pilot.press("enter")  # take what the placeholder offers
        await pilot.pause()
        assert [(t.name, t.terms) for t in app.themes] == [("open-source", ("open & source",))]
        assert any("open-source" in row and "4 comments" in row for row in panel_rows(app))


async def test_the_match_count_follows_the_terms_as_they_are_typed(tmp_path: Path) -> None:
    app = sample_app(config_file(tmp_path))
    async with app.run_test(size=(100, 40)) as pilot:
        await wait_for_themes(pilot)
        await pilot.press("t", "n", *"x: capitalism")
        assert "matches 5 comments" in hint(app)
        await pilot.press(*" & workers")
        assert "matches 1 comment " in hint(app)
        await pilot.press("escape")
        assert not app.screen.query_one(Input).has_class("-open")
        assert isinstance(app.screen, ThemesScreen)


async def test_one_comment_is_written_in_the_singular(tmp_path: Path) -> None:
    config = CONFIG.replace('["training", "stolen"]', '["capitalism & workers"]')
    app = sample_app(config_file(tmp_path, config))
    async with app.run_test(size=(100, 40)) as pilot:
        await wait_for_themes(pilot)
        await pilot.press("t")
        training = next(row for row in panel_rows(app) if "training" in row)
        assert "1 comment " in training and "1 comments" not in training


async def test_rename_renames_the_table_in_the_config_file(tmp_path: Path) -> None:
    path = config_file(tmp_path, CONFIG.replace('mode = "hide"', 'mode = "hide"  # quiet'))
    app = sample_app(path)
    async with app.run_test(size=(100, 40)) as pilot:
        await wait_for_themes(pilot)
        await pilot.press("t", "r")
        assert app.screen.query_one(Input).value == ""
        await pilot.press(*"economics", "enter")
        await pilot.pause()
        assert [t.name for t in app.themes] == ["economics", "training"]
        assert any("economics" in row for row in panel_rows(app))
        await pilot.press("s")
        await pilot.pause()
    text = path.read_text()
    themes = tomllib.loads(text)["themes"]
    assert "politics" not in themes
    assert themes["economics"] == {
        "terms": ["capitalism", "socialis*"],
        "mode": "hide",
        "color": "magenta",
    }
    assert 'mode = "hide"  # quiet' in text and "# reader settings" in text


def test_a_hidden_leaf_says_nothing_about_replies() -> None:
    assert "".join(text for text, _ in stub_header("politics", "magenta", 0)) == (
        "hidden · politics"
    )
    assert "".join(text for text, _ in stub_header("politics", "magenta", 4)).endswith("+4")
