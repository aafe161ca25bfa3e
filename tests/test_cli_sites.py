"""`threadreader URL --dump json` for the sites beyond Hacker News, through the command."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from site_servers import FakeDiscourse, big_discourse_topic, load

from tui.__main__ import main

ROOT = Path(__file__).resolve().parent.parent


def test_lobsters_url_dumps_json(httpserver: HTTPServer, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("THREADREADER_LOBSTERS_URL", httpserver.url_for("/"))
    httpserver.expect_request("/s/tdfoqh.json").respond_with_json(
        load("lobsters/story-tdfoqh-mixed-fields.json")
    )
    result = subprocess.run(
        [sys.executable, "-m", "tui", "https://lobste.rs/s/tdfoqh/ranking", "--dump", "json"],
        cwd=ROOT,
        env=os.environ.copy(),
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    assert (document["source"], document["id"], document["tags"]) == (
        "lobsters",
        "tdfoqh",
        ["meta"],
    )
    assert document["comment_count"] == 10 and document["points"] == 18
    first = document["comments"][0]
    assert (first["id"], first["author"], first["score"]) == ("ncdsfc", "dpercy", 17)
    deleted = document["comments"][1]
    assert deleted["deleted"] is True and [r["id"] for r in deleted["replies"]] == ["pcvbcd"]


def test_discourse_url_dumps_json(
    httpserver: HTTPServer, capsys: pytest.CaptureFixture[str]
) -> None:
    FakeDiscourse(big_discourse_topic(57)).install(httpserver)
    status = main([httpserver.url_for("/t/sandbox/57"), "--dump", "json"])
    out, err = capsys.readouterr()
    assert status == 0, err
    document = json.loads(out)
    assert document["source"] == "discourse" and document["comment_count"] == 55


def test_an_unreachable_instance_is_one_line(
    capsys: pytest.CaptureFixture[str], closed_port: int
) -> None:
    status = main([f"http://127.0.0.1:{closed_port}/post/1", "--dump", "json"])
    out, err = capsys.readouterr()
    assert status == 1 and out == ""
    assert err.count("\n") == 1 and "Lemmy" in err
