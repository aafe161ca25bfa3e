"""New since the last visit: an older version of a thread, then the full one (local server)."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from hn_fixtures import algolia_nodes
from pytest_httpserver import HTTPServer
from store_support import small_thread, text_comment

from fetchers.hackernews import fetch_thread
from fetchers.http import make_client
from store.keys import ThreadKey
from store.memory import Memory
from threads.new_comments import folds_for_new_only, new_since
from tui.__main__ import main

BIG = "26312516"
ADDED = 144


def older_version(item: dict[str, Any], removed: int) -> tuple[dict[str, Any], set[str]]:
    """The thread as it stood `removed` comments ago: the last ones in display order gone.

    The last comments in display order always form whole subtrees, so nothing is orphaned.
    """
    older = copy.deepcopy(item)
    nodes = list(algolia_nodes(older))[1:]  # the story itself is first
    doomed = {id(node) for node, _ in nodes[-removed:]}
    stack = [older]
    while stack:
        node = stack.pop()
        node["children"] = [c for c in node.get("children", []) if id(c) not in doomed]
        stack.extend(node["children"])
    return older, {str(node["id"]) for node, _ in nodes[-removed:]}


async def fetch(hn_server: HTTPServer, item: dict[str, Any]) -> Any:
    hn_server.clear()
    hn_server.expect_request(f"/api/v1/items/{BIG}").respond_with_json(item)
    async with make_client() as client:
        return await fetch_thread(client, BIG)


async def test_comments_added_since_the_last_visit_are_exactly_the_new_ones(
    hn_server: HTTPServer, big_algolia: dict[str, Any], tmp_path: Path
) -> None:
    older, added_ids = older_version(big_algolia, ADDED)
    memory = Memory(tmp_path / "store.sqlite3")

    first = await fetch(hn_server, older)
    memory.save_thread(first)
    first_visit = memory.begin_visit(first)
    assert first_visit.previous is None
    assert first_visit.new_in(first).count == 0  # a first visit marks nothing

    full = await fetch(hn_server, big_algolia)
    memory.save_thread(full)
    second_visit = memory.begin_visit(full)
    new = second_visit.new_in(full)

    assert new.count == ADDED
    assert new.ids == added_ids
    order = [c.id for c in full.tree.order]
    assert list(new.order) == [i for i in order if i in added_ids]  # tab walks them in order

    third_visit = memory.begin_visit(full)
    assert third_visit.new_in(full).count == 0  # seen at the second visit, not new again


async def test_comments_arriving_during_a_visit_count_as_seen_at_that_visit(
    hn_server: HTTPServer, big_algolia: dict[str, Any], tmp_path: Path
) -> None:
    """Stale-while-revalidate: the stored copy opens, the refresh adds comments."""
    older, added_ids = older_version(big_algolia, ADDED)
    memory = Memory(tmp_path / "store.sqlite3")
    stale = await fetch(hn_server, older)
    memory.save_thread(stale)
    memory.begin_visit(stale)

    reopened = memory.open_stored(ThreadKey("hackernews", BIG))
    assert reopened is not None
    visit = memory.begin_visit(reopened.thread)
    assert visit.new_in(reopened.thread).count == 0
    refreshed = await fetch(hn_server, big_algolia)
    assert visit.new_in(refreshed).ids == added_ids  # marked during the refresh
    memory.extend_visit(visit, refreshed)
    memory.save_thread(refreshed)

    assert memory.begin_visit(refreshed).new_in(refreshed).count == 0
    assert memory.history()[0].new_count == 0


def test_history_counts_what_a_stored_copy_has_that_no_visit_saw(tmp_path: Path) -> None:
    memory = Memory(tmp_path / "store.sqlite3")
    before = small_thread(text_comment("1", "a"))
    memory.save_thread(before)
    memory.begin_visit(before)
    memory.save_thread(small_thread(text_comment("1", "a", text_comment("2", "b"))))

    (entry,) = memory.history()

    assert (entry.comment_count, entry.new_count) == (2, 1)


def test_new_under_counts_and_new_only_folds() -> None:
    thread = small_thread(
        text_comment("1", "old", text_comment("2", "old", text_comment("3", "new"))),
        text_comment("4", "old", text_comment("5", "old")),
        text_comment("6", "new", text_comment("7", "new")),
    )
    new = new_since(thread, {"1", "2", "4", "5"})

    assert new.order == ("3", "6", "7")
    assert (new.new_under("1"), new.new_under("2"), new.new_under("4")) == (1, 1, 0)
    assert new.new_under("6") == 1
    assert folds_for_new_only(thread, new) == {"4"}
    assert new_since(thread, None).count == 0


def run_json(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, Any, str]:
    status = main(list(args))
    captured = capsys.readouterr()
    return status, json.loads(captured.out) if captured.out.strip() else None, captured.err


def flat(comments: list[dict[str, Any]]) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    stack = list(reversed(comments))
    while stack:
        comment = stack.pop()
        found.append(comment)
        stack.extend(reversed(comment.get("replies", [])))
    return found


def test_dump_json_marks_new_comments_without_recording_a_visit(
    hn_server: HTTPServer, big_algolia: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    older, added_ids = older_version(big_algolia, ADDED)
    hn_server.expect_request(f"/api/v1/items/{BIG}").respond_with_json(older)
    Memory().begin_visit(_fetched_now(hn_server))  # the reader visited the older version
    hn_server.clear()
    hn_server.expect_request(f"/api/v1/items/{BIG}").respond_with_json(big_algolia)

    for _ in range(2):  # the dump itself records no visit: the same marks twice
        status, dump, _ = run_json(capsys, BIG, "--dump", "json")
        assert status == 0
        marked = {c["id"] for c in flat(dump["comments"]) if c.get("new") is True}
        assert marked == added_ids


def _fetched_now(hn_server: HTTPServer) -> Any:
    import asyncio

    async def go() -> Any:
        async with make_client() as client:
            return await fetch_thread(client, BIG)

    return asyncio.run(go())


def test_offline_dump_reads_the_store_and_never_the_network(
    hn_server: HTTPServer, big_algolia: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    hn_server.expect_request(f"/api/v1/items/{BIG}").respond_with_json(big_algolia)
    status, online, _ = run_json(capsys, BIG, "--dump", "json")
    assert status == 0
    requests_before = len(hn_server.log)

    status, offline, err = run_json(capsys, BIG, "--dump", "json", "--offline")

    assert status == 0 and err == ""
    assert len(hn_server.log) == requests_before
    assert offline == online


def test_offline_without_a_stored_copy_is_one_sentence(
    hn_server: HTTPServer, capsys: pytest.CaptureFixture[str]
) -> None:
    status, dump, err = run_json(capsys, "hn:77", "--dump", "json", "--offline")

    assert status == 1 and dump is None
    assert err.count("\n") == 1 and "not in the local store" in err and "Traceback" not in err
    assert len(hn_server.log) == 0


def test_no_history_neither_reads_nor_writes_the_store(
    hn_server: HTTPServer,
    big_algolia: dict[str, Any],
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    data = tmp_path / "data"
    monkeypatch.setenv("THREADREADER_DATA_DIR", str(data))
    hn_server.expect_request(f"/api/v1/items/{BIG}").respond_with_json(big_algolia)

    status, dump, _ = run_json(capsys, BIG, "--dump", "json", "--no-history")

    assert status == 0 and dump["comments"]
    assert not data.exists()
    status, _, err = run_json(capsys, BIG, "--dump", "json", "--offline")
    assert status == 1 and "not in the local store" in err


@pytest.mark.parametrize(
    "args",
    [
        ["hn:1", "--dump", "json", "--offline", "--no-history"],
        ["--offline"],
    ],
)
def test_offline_usage_errors_exit_2(args: list[str], hn_server: HTTPServer) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(args)
    assert exit_info.value.code == 2
    assert len(hn_server.log) == 0
