"""Shared fixtures: the recorded HN fixtures, a fake HN server, and a closed port.

Nothing here touches the internet: every fetch goes to pytest-httpserver on localhost or
to a port nobody listens on.
"""

from __future__ import annotations

import socket
from typing import Any

import pytest
from hn_fixtures import HNReplay, load_fixture, replay_files
from pytest_httpserver import HTTPServer

import fetchers.http


@pytest.fixture
def big_algolia() -> dict[str, Any]:
    """The real 485-comment Algolia response (a fresh copy per test)."""
    return load_fixture("algolia-item-26312516-485-comments.json")


@pytest.fixture
def trimmed_algolia() -> dict[str, Any]:
    return load_fixture("algolia-item-49953495-trimmed.json")


# -- environment -------------------------------------------------------------------------


@pytest.fixture(autouse=True)
def _no_retry_wait(monkeypatch: pytest.MonkeyPatch) -> None:
    """Retries on 429/5xx still happen, without the real backoff delay."""
    monkeypatch.setattr(fetchers.http, "_retry_delay", lambda response, attempt: 0.0)


@pytest.fixture(autouse=True)
def _offline_defaults(monkeypatch: pytest.MonkeyPatch, closed_port: int) -> None:
    """Unless a test says otherwise, both HN bases point at a closed local port."""
    dead = f"http://127.0.0.1:{closed_port}"
    monkeypatch.setenv("THREADREADER_HN_ALGOLIA_URL", f"{dead}/api/v1")
    monkeypatch.setenv("THREADREADER_HN_FIREBASE_URL", f"{dead}/v0")


@pytest.fixture(autouse=True)
def _private_store(
    monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """Every test gets its own empty store directory, never the user's."""
    monkeypatch.setenv("THREADREADER_DATA_DIR", str(tmp_path_factory.mktemp("data")))


@pytest.fixture
def closed_port() -> int:
    """A local port with nothing listening (connections are refused)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def hn_server(httpserver: HTTPServer, monkeypatch: pytest.MonkeyPatch) -> HTTPServer:
    """pytest-httpserver standing in for both HN APIs (Algolia under /api/v1, Firebase /v0)."""
    monkeypatch.setenv("THREADREADER_HN_ALGOLIA_URL", httpserver.url_for("/api/v1"))
    monkeypatch.setenv("THREADREADER_HN_FIREBASE_URL", httpserver.url_for("/v0"))
    return httpserver


@pytest.fixture
def replay(hn_server: HTTPServer) -> HNReplay:
    """The 485-comment thread served as both HN APIs serve it (`hn_fixtures.replay_files`)."""
    algolia, firebase = replay_files()
    return HNReplay(algolia, firebase).serve(hn_server)
