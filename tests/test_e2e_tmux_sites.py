"""End to end on another site: the installed `threadreader` opening a Lobsters story from
a local stand-in for lobste.rs, in tmux at 80x24, 16 colours and NO_COLOR."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from site_servers import load

from tests.test_e2e_tmux import COMMAND, capture, send, tmux, wait_for

pytestmark = pytest.mark.e2e
__all__ = ["tmux"]  # the fixture, shared with the Hacker News run


def test_reads_a_lobsters_thread_in_a_real_terminal(
    tmux: Callable[..., str], tmp_path: Path, httpserver: HTTPServer
) -> None:
    httpserver.expect_request("/s/tdfoqh.json").respond_with_json(
        load("lobsters/story-tdfoqh-2025-format.json")
    )
    config = tmp_path / "config.toml"
    config.write_text("[reader]\nfold_below = 5\n")
    env = {
        "TERM": "linux",
        "NO_COLOR": "1",
        "THREADREADER_LOBSTERS_URL": httpserver.url_for("/"),
        "THREADREADER_CONFIG": str(config),
        "THREADREADER_DATA_DIR": str(tmp_path / "data"),
        "HOME": str(tmp_path),
        "PATH": os.environ.get("PATH", ""),
    }
    name = tmux([str(COMMAND), "https://lobste.rs/s/tdfoqh/ranking_comments"], env)
    socket = tmp_path / "tmux.sock"
    wait_for(socket, name, "collapsed")
    # The status line can be drawn a frame before the thread under load: wait for both.
    screen = wait_for(socket, name, "Lobsters · tags: meta")
    assert "Ranking comments by sum of replies" in screen
    assert "Lobsters · tags: meta" in screen
    assert "5 below 5 points collapsed" in screen

    send(socket, name, "j")
    wait_for(socket, name, "2/9")
    screen = wait_for(socket, name, "friendlysock · 4y · 8 points")

    send(socket, name, "s")
    screen = wait_for(socket, name, "2/10")
    assert "collapsed" not in screen

    send(socket, name, "q")
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and "Ranking comments" in capture(socket, name):
        time.sleep(0.1)
    assert "Traceback" not in capture(socket, name)
