"""Snapshots for issue 14: one-line collapsed comments in 16 colours, highlighted code.

Update with `pytest tests/test_snapshots_overview.py --snapshot-update` and look at the
SVGs in `tests/__snapshots__/` before committing.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from tests.overview_threads import code_thread, long_top_level_thread
from tests.tui_support import app_with_source
from threads.code_highlight import STYLE_KEYS
from threads.model import Thread
from tui.widgets.comment_styles import style_for

SnapCompare = Callable[..., bool]


def app_on(thread: Thread, *, sixteen_colours: bool = False) -> Any:
    async def source(progress: Any) -> Thread:
        return thread

    app = app_with_source(source)
    app.sixteen_colours = sixteen_colours
    return app


def test_collapsed_one_line_form_in_16_colours(snap_compare: SnapCompare) -> None:
    app = app_on(long_top_level_thread(), sixteen_colours=True)
    assert snap_compare(app, press=["C"], terminal_size=(80, 24))


def test_highlighted_code_block(snap_compare: SnapCompare) -> None:
    assert snap_compare(app_on(code_thread()), terminal_size=(80, 24))


def test_every_code_token_kind_has_its_own_style() -> None:
    plain = style_for(("code",))
    styles = {key: style_for(key) for key in STYLE_KEYS}
    assert all(style != plain for style in styles.values())
    # Without colour (NO_COLOR) keywords and comments still stand out.
    assert styles[("code", "keyword")].bold and styles[("code", "comment")].italic


def test_outline_over_the_thread_at_80x24(snap_compare: SnapCompare) -> None:
    app = app_on(long_top_level_thread())
    assert snap_compare(app, press=["C", "i", "j"], terminal_size=(80, 24))


def test_outline_beside_the_thread_at_200x50(snap_compare: SnapCompare) -> None:
    app = app_on(long_top_level_thread())
    assert snap_compare(app, press=["]", "i", "j"], terminal_size=(200, 50))
