"""End to end in tmux at 80x24: `C` gives one line per top-level comment, `i` lists
them, `enter` jumps there (opening it)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from hn_fixtures import BIG_STORY_ID
from pytest_httpserver import HTTPServer

from tests.test_e2e_tmux import (  # noqa: F401
    COMMAND,
    pytestmark,
    send,
    terminal_env,
    tmux,
    wait_for,
)

__all__ = ["pytestmark", "tmux"]


@pytest.mark.e2e
def test_fold_all_outline_and_jump_in_a_real_terminal(
    tmux: Callable[..., str],  # noqa: F811 - the fixture imported above
    tmp_path: Path,
    httpserver: HTTPServer,
    big_algolia: dict,
) -> None:
    httpserver.expect_request(f"/api/v1/items/{BIG_STORY_ID}").respond_with_json(big_algolia)
    env = terminal_env(tmp_path, httpserver)
    name = tmux([str(COMMAND), str(BIG_STORY_ID)], env)
    socket = tmp_path / "tmux.sock"
    wait_for(socket, name, "1/485")
    authors = [child["author"] for child in big_algolia["children"]]

    send(socket, name, "C")
    screen = wait_for(socket, name, "folded")
    shown = [author for author in dict.fromkeys(authors) if f" {author} · " in screen]
    assert len(shown) >= min(12, len(set(authors)))  # one line each

    send(socket, name, "i")
    screen = wait_for(socket, name, "replies")
    assert f"▶ {authors[0]}" in screen
    send(socket, name, "j", "j", "Enter")
    # Under load a frame can be captured mid-way: wait for the landing itself.
    screen = wait_for(socket, name, f"▌ {authors[2]}")
    assert " 3/" in screen
    send(socket, name, "q")
