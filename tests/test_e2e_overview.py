"""End to end in tmux at 80x24: `C` gives one line per top-level comment, `i` lists
them, `enter` jumps there (opening it)."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from hn_fixtures import BIG_STORY_ID
from pytest_httpserver import HTTPServer

from tests.test_e2e_tmux import COMMAND, pytestmark, send, tmux, wait_for  # noqa: F401

__all__ = ["pytestmark", "tmux"]


@pytest.mark.e2e
def test_fold_all_outline_and_jump_in_a_real_terminal(
    tmux: Callable[..., str],  # noqa: F811 - the fixture imported above
    tmp_path: Path,
    httpserver: HTTPServer,
    big_algolia: dict,
) -> None:
    httpserver.expect_request(f"/api/v1/items/{BIG_STORY_ID}").respond_with_json(big_algolia)
    env = {
        "TERM": "xterm-256color",
        "THREADREADER_HN_ALGOLIA_URL": httpserver.url_for("/api/v1"),
        "THREADREADER_HN_FIREBASE_URL": httpserver.url_for("/v0"),
        "THREADREADER_CONFIG": str(tmp_path / "none.toml"),
        "HOME": str(tmp_path),
        "PATH": os.environ.get("PATH", ""),
    }
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
    screen = wait_for(socket, name, "3/")
    assert f"▌ {authors[2]}" in screen
    send(socket, name, "q")
