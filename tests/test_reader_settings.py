"""Bad `[reader]` values are each reported as one line (file, line, key) and the
default is used instead; good values are used and say nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.tui_support import notices, sample_app
from tui.config import load_config
from tui.reader_settings import DEFAULT_MAX_WIDTH, LIST_BESIDE, OUTLINE_BESIDE
from tui.reader_width import reader_max_width
from tui.reader_widths import reader_widths
from tui.screens.thread_score_fold import threshold_from_config

BAD = """# my settings
[keys]
next_comment = "n"

[reader]
max_width = -5
outline_beside = "wide"
list_beside = 170.5
fold_below = "low"
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_each_bad_value_is_one_line_naming_file_line_and_key(tmp_path: Path) -> None:
    path = write(tmp_path, BAD)
    config = load_config(path)
    assert config.problems == [
        f"{path}:6: [reader] max_width = -5 must be a whole number of columns, 40 or more "
        f"(0 for no limit); using {DEFAULT_MAX_WIDTH}.",
        f'{path}:7: [reader] outline_beside = "wide" must be a whole number of columns '
        f"from 40 to 1000; using {OUTLINE_BESIDE}.",
        f"{path}:8: [reader] list_beside = 170.5 must be a whole number of columns "
        f"from 40 to 1000; using {LIST_BESIDE}.",
        f'{path}:9: [reader] fold_below = "low" must be a whole number (a score); '
        "score folding stays off until `s`.",
    ]


def test_the_defaults_are_used_in_place_of_bad_values(tmp_path: Path) -> None:
    config = load_config(write(tmp_path, BAD))
    assert reader_max_width(config) == DEFAULT_MAX_WIDTH
    widths = reader_widths(config.raw)
    assert (widths.outline_beside, widths.list_beside) == (OUTLINE_BESIDE, LIST_BESIDE)
    assert threshold_from_config(config.raw) is None


@pytest.mark.parametrize(
    ("line", "key"),
    [
        ("max_width = 39", "max_width"),
        ("max_width = true", "max_width"),
        ("outline_beside = 20", "outline_beside"),
        ("list_beside = 5000", "list_beside"),
        ("fold_below = 1.5", "fold_below"),
        ("list_besides = 150", "list_besides"),  # a typo: not a setting
    ],
)
def test_out_of_range_wrong_type_and_unknown_keys(tmp_path: Path, line: str, key: str) -> None:
    path = write(tmp_path, f"[reader]\n{line}\n")
    problems = load_config(path).problems
    assert len(problems) == 1 and problems[0].startswith(f"{path}:2: [reader] {key} ")


def test_good_values_are_used_and_say_nothing(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "[reader]\nmax_width = 0\noutline_beside = 120\nlist_beside = 150\nfold_below = -3\n",
    )
    config = load_config(path)
    assert config.problems == []
    assert reader_max_width(config) == 0
    assert reader_widths(config.raw) == reader_widths(
        {"reader": {"outline_beside": 120, "list_beside": 150}}
    )
    assert reader_widths(config.raw).outline_beside == 120
    assert threshold_from_config(config.raw) == -3


def test_a_reader_that_is_not_a_table(tmp_path: Path) -> None:
    path = write(tmp_path, '# settings\nreader = "wide"\n')
    assert load_config(path).problems == [
        f"{path}:2: reader must be a table ([reader]); using the defaults."
    ]


async def test_the_app_shows_each_problem_once(tmp_path: Path) -> None:
    app = sample_app(write(tmp_path, BAD))
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        shown = notices(app)
        for key in ("max_width", "outline_beside", "list_beside", "fold_below"):
            assert shown.count(f"[reader] {key} =") == 1
