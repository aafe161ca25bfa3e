"""End to end: the installed `threadreader` in a real terminal (tmux, 80x24).

The command runs against pytest-httpserver on 127.0.0.1 serving the recorded 485-comment
thread; keys go in with `send-keys`, the screen comes back with `capture-pane`.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hn_fixtures import BIG_STORY_ID
from pytest_httpserver import HTTPServer

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed"),
]
COMMAND = Path(sys.executable).with_name("threadreader")


@pytest.fixture
def tmux(tmp_path: Path) -> Iterator[Callable[..., str]]:
    """Start a detached 80x24 tmux session; yields `run(command, env)` -> session name."""
    socket = str(tmp_path / "tmux.sock")
    sessions: list[str] = []

    def run(command: list[str], env: dict[str, str]) -> str:
        name = f"tr-{uuid.uuid4().hex[:8]}"
        environment = " ".join(f"{k}={v}" for k, v in env.items())
        shell = f"env {environment} {' '.join(command)}; sleep 5"
        subprocess.run(
            ["tmux", "-S", socket, "new-session", "-d", "-x", "80", "-y", "24", "-s", name, shell],
            check=True,
        )
        sessions.append(name)
        return name

    yield run
    subprocess.run(["tmux", "-S", socket, "kill-server"], check=False, capture_output=True)


def capture(socket: Path, name: str) -> str:
    result = subprocess.run(
        ["tmux", "-S", str(socket), "capture-pane", "-p", "-t", name],
        check=True,
        capture_output=True,
        text=True,
    )
    return result.stdout


def wait_for(socket: Path, name: str, text: str, timeout: float = 15.0) -> str:
    deadline = time.monotonic() + timeout
    screen = ""
    while time.monotonic() < deadline:
        screen = capture(socket, name)
        if text in screen:
            return screen
        time.sleep(0.1)
    raise AssertionError(f"{text!r} never appeared; the screen was:\n{screen}")


def terminal_env(tmp_path: Path, httpserver: HTTPServer | None = None) -> dict[str, str]:
    """The environment of the command in tmux: no user config, a private home, and the HN
    base URLs pointed at the local server when one is given."""
    env = {
        "TERM": "xterm-256color",
        "THREADREADER_CONFIG": str(tmp_path / "none.toml"),
        "HOME": str(tmp_path),
        "PATH": os.environ.get("PATH", ""),
    }
    if httpserver is not None:
        env["THREADREADER_HN_ALGOLIA_URL"] = httpserver.url_for("/api/v1")
        env["THREADREADER_HN_FIREBASE_URL"] = httpserver.url_for("/v0")
    return env


def send(socket: Path, name: str, *keys: str) -> None:
    subprocess.run(["tmux", "-S", str(socket), "send-keys", "-t", name, *keys], check=True)


def test_reads_a_thread_in_a_real_terminal(
    tmux: Callable[..., str], tmp_path: Path, httpserver: HTTPServer, big_algolia: dict
) -> None:
    httpserver.expect_request(f"/api/v1/items/{BIG_STORY_ID}").respond_with_json(big_algolia)
    env = terminal_env(tmp_path, httpserver)
    name = tmux([str(COMMAND), str(BIG_STORY_ID)], env)
    socket = tmp_path / "tmux.sock"
    wait_for(socket, name, "1/485")
    first_author = big_algolia["children"][0]["author"]
    # The status line can be drawn a frame before the comments under a loaded machine.
    screen = wait_for(socket, name, first_author)
    assert "Speed Is the Killer Feature" in screen
    assert len(screen.splitlines()[0]) <= 80

    send(socket, name, "C")
    screen = wait_for(socket, name, "folded")
    top_level = len(big_algolia["children"])
    assert f"/{top_level} " in screen

    send(socket, name, "J")
    second_author = big_algolia["children"][1]["author"]
    screen = wait_for(socket, name, f"2/{top_level}")
    assert second_author in screen

    send(socket, name, "E", "/")
    time.sleep(0.3)
    send(socket, name, "-l", "latncy")  # a typo: fuzzy search still finds "latency"
    screen = wait_for(socket, name, "hits")
    send(socket, name, "Enter")
    screen = wait_for(socket, name, "hit 1/")
    assert "latency" in screen.lower()

    send(socket, name, "?")
    screen = wait_for(socket, name, "Next sibling")
    send(socket, name, "Escape")

    time.sleep(0.3)
    send(socket, name, "q")
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and "Speed Is the Killer" in capture(socket, name):
        time.sleep(0.1)
    assert "Traceback" not in capture(socket, name)


def test_quote_jump_into_the_article_in_a_real_terminal(
    tmux: Callable[..., str], tmp_path: Path, httpserver: HTTPServer
) -> None:
    """`'` on a quote of the article: reader mode on the passage; backspace: the comment."""
    fixtures = Path(__file__).parent / "fixtures"
    page = (fixtures / "articles" / "github.blog.spiceland.html").read_bytes()
    path = "/2019-03-29-leader-spotlight-erin-spiceland/"
    httpserver.expect_request(path).respond_with_data(page, content_type="text/html")
    server = httpserver.url_for("/").rstrip("/").removeprefix("http://")
    thread = (fixtures / "reader-thread.json").read_text().replace("SERVER", server)
    saved = tmp_path / "thread.json"
    saved.write_text(thread)
    env = terminal_env(tmp_path)
    name = tmux([str(COMMAND), str(saved)], env)
    socket = tmp_path / "tmux.sock"
    wait_for(socket, name, "That line stayed with me")
    send(socket, name, "j", "j", "'")
    screen = wait_for(socket, name, "Quote found in the article")
    passage = [line for line in screen.splitlines() if line.startswith("▌")]
    assert any("domestic abuse survivor" in line for line in passage), screen
    send(socket, name, "BSpace")
    screen = wait_for(socket, name, "That line stayed with me")
    assert "Quote found in the article" not in screen
    send(socket, name, "q")


def test_G_shows_the_end_of_a_last_comment_taller_than_the_screen(
    tmux: Callable[..., str], tmp_path: Path, big_algolia: dict
) -> None:
    last = dict(big_algolia["children"][-1])
    words = " ".join(f"w{n:04d}" for n in range(1500))  # ~120 rows at 80 columns
    last.update(id=99999999, author="longwriter", text=f"<p>{words} THE-VERY-END", children=[])
    big_algolia["children"].append(last)
    saved = tmp_path / "thread.json"
    saved.write_text(json.dumps(big_algolia), encoding="utf-8")
    env = terminal_env(tmp_path)
    name = tmux([str(COMMAND), str(saved)], env)
    socket = tmp_path / "tmux.sock"
    wait_for(socket, name, "1/486")
    send(socket, name, "G")
    screen = wait_for(socket, name, "THE-VERY-END")  # its last line, on the last screen
    assert "w1499 THE-VERY-END" in screen
    wait_for(socket, name, "486/486")  # the status line may come a frame later
    send(socket, name, "g")
    wait_for(socket, name, "Speed Is the Killer Feature")
    send(socket, name, "End")
    wait_for(socket, name, "THE-VERY-END")
    send(socket, name, "q")
