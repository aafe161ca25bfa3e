"""The config writer (tomlkit): comments survive, untouched tables stay as written, renames."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from threads.themes import Theme
from tui.config import load_config
from tui.theme_config_writer import ConfigWriteError, save_themes

WRITTEN = """# my settings
[themes.politics]
# hidden since the election thread
terms = ["capitalism", "socialis*"]   # the usual suspects
mode = "hide"        # hide | highlight | off
color = "magenta"

[themes.copyright]
terms = [ "copyright",   "training data" ]  # odd spacing, kept
mode="highlight"
color = "green"

[keys]
last = "L"
"""


def section(text: str, header: str) -> str:
    """A table's text: from its header to the next blank line."""
    start = text.index(header)
    return text[start : text.index("\n\n", start)]


def themes_of(path: Path) -> dict[str, tuple[str, tuple[str, ...]]]:
    return {t.name: (t.mode, t.terms) for t in load_config(path).themes}


@pytest.fixture
def config(tmp_path: Path) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(WRITTEN)
    return path


def test_a_comment_inside_a_rewritten_table_survives(config: Path) -> None:
    politics, copyright_ = (t for t in load_config(config).themes)
    save_themes(config, [politics.with_mode("highlight"), copyright_])
    text = config.read_text()
    assert "# hidden since the election thread\n" in text
    assert 'terms = ["capitalism", "socialis*"]   # the usual suspects' in text
    assert 'mode = "highlight"        # hide | highlight | off' in text
    assert themes_of(config)["politics"][0] == "highlight"


def test_an_untouched_table_stays_byte_identical(config: Path) -> None:
    politics, copyright_ = (t for t in load_config(config).themes)
    save_themes(config, [politics.with_terms(["capitalism"]), copyright_])
    text = config.read_text()
    assert section(text, "[themes.copyright]") == section(WRITTEN, "[themes.copyright]")
    assert text.endswith('[keys]\nlast = "L"\n')
    assert text.startswith("# my settings\n")


def test_saving_nothing_changed_keeps_the_file_byte_for_byte(config: Path) -> None:
    save_themes(config, load_config(config).themes)
    assert config.read_text() == WRITTEN


def test_renaming_a_theme_keeps_its_place_and_comments(config: Path) -> None:
    politics, copyright_ = (t for t in load_config(config).themes)
    renamed = Theme.create("economy", list(politics.terms), politics.mode, politics.color)
    save_themes(config, [renamed, copyright_], renamed={"politics": "economy"})
    text = config.read_text()
    assert "[themes.politics]" not in text
    assert text.index("[themes.economy]") < text.index("[themes.copyright]")
    assert "# hidden since the election thread" in section(text, "[themes.economy]")
    assert list(themes_of(config)) == ["economy", "copyright"]


def test_new_themes_are_appended_and_removed_ones_dropped(config: Path) -> None:
    politics = load_config(config).themes[0]
    added = Theme.create("my theme", ["a phrase", "author:bob"], "off", "cyan")
    save_themes(config, [politics, added], removed={"copyright"})
    text = config.read_text()
    assert "copyright" not in text.split("[keys]")[0]
    assert tomllib.loads(text)["themes"]["my theme"] == {
        "terms": ["a phrase", "author:bob"],
        "mode": "off",
        "color": "cyan",
    }
    assert themes_of(config)["politics"] == ("hide", ("capitalism", "socialis*"))


def test_a_file_that_is_not_toml_is_not_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text("[themes.x\nterms = [\n")
    with pytest.raises(ConfigWriteError) as raised:
        save_themes(path, [Theme.create("y", ["y"])])
    assert isinstance(raised.value, OSError) and "not valid TOML" in str(raised.value.strerror)
    assert path.read_text() == "[themes.x\nterms = [\n"


def test_a_missing_file_is_created(tmp_path: Path) -> None:
    path = tmp_path / "new" / "config.toml"
    save_themes(path, [Theme.create("politics", ["capitalism"])])
    assert themes_of(path) == {"politics": ("highlight", ("capitalism",))}
