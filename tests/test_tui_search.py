"""Searching in the reader: the live hit list, jumping, n/N, escape, folded hits."""

from __future__ import annotations

import json
import subprocess
import sys

from textual.widgets import Input, OptionList

from tests.tui_support import (
    comment_view,
    cursor_author,
    sample_app,
    settle,
    status_text,
    view_lines,
)
from tui.widgets.search_panel import SearchPanel


async def wait_for_hits(pilot) -> None:  # type: ignore[no-untyped-def]
    """Queries run in a worker: wait until the latest one's hits are shown."""
    await settle(pilot)


async def type_query(pilot, text: str) -> None:  # type: ignore[no-untyped-def]
    await pilot.press("slash")
    for char in text:
        await pilot.press(char if char != " " else "space")
    await wait_for_hits(pilot)


def hit_list(app) -> list[str]:  # type: ignore[no-untyped-def]
    options = app.screen.query_one(SearchPanel).query_one(OptionList)
    return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]


async def test_the_hit_list_follows_every_keystroke() -> None:
    app = sample_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause(0.3)
        await type_query(pilot, "capit")
        first = hit_list(app)
        assert len(first) == 5 and all("capitalism" in row.lower() for row in first)
        await pilot.press("backspace", "backspace", "backspace", "backspace", "backspace")
        for char in "lecun":
            await pilot.press(char)
        await wait_for_hits(pilot)
        rows = hit_list(app)
        assert len(rows) == 1
        assert rows[0].startswith("phaedra_ · 2d · d2") and "LeCunn" in rows[0]
        assert "1 hit" in str(app.screen.query_one("#search-summary").render())


async def test_enter_jumps_to_the_hit_and_keeps_the_words_highlighted() -> None:
    app = sample_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause(0.3)
        await type_query(pilot, "handouts")
        await pilot.press("enter")
        assert cursor_author(app) == "holloway"
        assert not app.screen.query_one(SearchPanel).is_open
        assert "hit 1/1" in status_text(app)
        view = comment_view(app)
        row = next(y for y, line in enumerate(view_lines(app)) if "Handouts? Really?" in line)
        strip = view.render_line(row)
        styles = {seg.text: seg.style for seg in strip if "andouts" in seg.text}
        assert styles and all(
            style is not None and style.bgcolor is not None for style in styles.values()
        )


async def test_a_hit_inside_a_folded_subtree_is_revealed() -> None:
    app = sample_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause(0.3)
        await pilot.press("C")  # everything folded to top level
        assert len(comment_view(app).folds) == 6
        await type_query(pilot, "west coast")
        await pilot.press("enter")
        assert cursor_author(app) == "riverbend"  # depth 3, under a deleted comment
        assert "riverbend" in "\n".join(view_lines(app))


async def test_n_and_shift_n_walk_hits_in_thread_order_and_wrap() -> None:
    app = sample_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause(0.3)
        await type_query(pilot, "capitalism")
        await pilot.press("escape")  # close the bar; the hits stay
        assert not app.screen.query_one(SearchPanel).is_open
        seen = []
        for _ in range(6):
            await pilot.press("n")
            seen.append(cursor_author(app))
        assert seen == ["mdorn", "tessellate", "nullset", "essayreader", "cormorant", "mdorn"]
        assert "hit 1/5" in status_text(app)
        await pilot.press("N")
        assert cursor_author(app) == "cormorant"
        assert "hit 5/5" in status_text(app)


async def test_second_escape_clears_highlights_then_escape_goes_back() -> None:
    app = sample_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause(0.3)
        await type_query(pilot, "capitalism")
        await pilot.press("enter")
        assert "hit 1/5" in status_text(app)
        await pilot.press("escape")
        assert "hit" not in status_text(app)
        assert comment_view(app).highlight == frozenset()
        await pilot.press("n")  # nothing to go to any more
        assert cursor_author(app) == "mdorn"


async def test_typing_letters_in_the_bar_does_not_trigger_keys() -> None:
    app = sample_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause(0.3)
        await type_query(pilot, "q r C n")
        assert app.screen.query_one(Input).value == "q r C n"
        assert len(comment_view(app).folds) == 17


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tui", *args], capture_output=True, text=True, timeout=60
    )


def test_dump_json_search_lists_hits_in_rank_order() -> None:
    result = run_cli("--sample", "--dump", "json", "--search", "socialist")
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    assert "comments" not in document
    hits = document["hits"]
    assert [h["author"] for h in hits[:2]] == ["tessellate", "phaedra_"]
    assert [h["match"] for h in hits] == sorted((h["match"] for h in hits), reverse=True)
    assert all("replies" not in h and 0 <= h["match"] <= 100 for h in hits)


def test_dump_text_search_prints_the_hits() -> None:
    result = run_cli("--sample", "--dump", "text", "--search", "LeCun", "--width", "70")
    assert result.returncode == 0
    assert "1 hit for LeCun" in result.stdout
    assert "phaedra_" in result.stdout and "LeCunn" in result.stdout


def test_search_without_dump_is_a_usage_error() -> None:
    result = run_cli("--sample", "--search", "x")
    assert result.returncode == 2


async def test_hit_rows_follow_a_resize_at_once() -> None:
    from textual.widgets import OptionList

    from tests.tui_support import settle

    app = sample_app()
    async with app.run_test(size=(100, 24)) as pilot:
        await settle(pilot)
        await type_query(pilot, "capitalism")
        await settle(pilot)
        hits = app.screen.query_one("#hits", OptionList)
        wide = [hits.render_line(y).text.rstrip() for y in range(hits.option_count)]
        await pilot.resize_terminal(60, 24)
        await settle(pilot)
        await pilot.pause()
        assert hits.virtual_size.height == hits.option_count  # one line per hit, no wrapping
        narrow = [hits.render_line(y).text.rstrip() for y in range(hits.option_count)]
        assert all(len(row) <= 60 for row in narrow)
        await pilot.resize_terminal(100, 24)
        await settle(pilot)
        await pilot.pause()
        again = [hits.render_line(y).text.rstrip() for y in range(hits.option_count)]
        assert again == wide  # the snippets fill the width again without a key


async def test_keys_typed_right_after_slash_are_the_query() -> None:
    # A fast typist's `/code` arrives at once: the letters after `/` were sent to the
    # comment view (`c` walks replies, `o` lists links) before the search bar had the
    # focus, and the query stayed empty.
    from textual import events

    app = sample_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        cursor = comment_view(app).cursor
        for key, character in (("slash", "/"), ("c", "c"), ("o", "o"), ("d", "d"), ("e", "e")):
            app.post_message(events.Key(key, character))
        await settle(pilot)
        assert app.screen.query_one(SearchPanel).query_one(Input).value == "code"
        assert comment_view(app).cursor == cursor
        await pilot.press("slash", "x")  # in the search bar, `/` is text
        assert app.screen.query_one(SearchPanel).query_one(Input).value == "code/x"
