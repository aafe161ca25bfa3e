"""The command line: `--dump text|markdown|json`, exit codes, error lines, saved files."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path
from typing import Any

import pytest
from hn_fixtures import (
    FIXTURES,
    FakeFirebase,
    HNReplay,
    algolia_nodes,
    algolia_shape,
    firebase_items_from_algolia,
    firebase_order,
    replay_files,
)
from pytest_httpserver import HTTPServer

from fetchers.saved import load_thread_file
from threads.links import comment_links
from threads.wrap import text_width
from tui.__main__ import main
from tui.cli import parse_options

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "threads" / "data" / "sample-thread.json"
BIG_FILE = FIXTURES / "algolia-item-26312516-485-comments.json"
ISO_Z = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$")
COMMENT_FIELDS = {
    "id",
    "author",
    "created",
    "text",
    "deleted",
    "dead",
    "score",
    "warning",
    "context",
    "footnotes",
    "links",
    "themes",
    "stickied",
    "distinguished",
    "edited",
    "replies",
}
STORY_FIELDS = {"source", "id", "title", "url", "author", "points", "created", "text", "comments"}


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    """`python -m tui ARGS` in a fresh interpreter, with this test's environment."""
    return subprocess.run(
        [sys.executable, "-m", "tui", *args],
        cwd=ROOT,
        env=os.environ.copy(),
        capture_output=True,
        text=True,
        timeout=30,
    )


def run_main(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """`main(ARGS)` in this process (so monkeypatches apply)."""
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


def dump_comments(document: dict[str, Any]) -> list[tuple[dict[str, Any], int]]:
    """Every comment of a `--dump json` document with its depth, in display order."""
    found: list[tuple[dict[str, Any], int]] = []
    stack = [(c, 0) for c in reversed(document["comments"])]
    while stack:
        comment, depth = stack.pop()
        found.append((comment, depth))
        stack.extend((reply, depth + 1) for reply in reversed(comment.get("replies", [])))
    return found


def dump_shape(document: dict[str, Any]) -> list[tuple[str, int, str | None]]:
    return [(c["id"], depth, c["author"]) for c, depth in dump_comments(document)]


def iso(seconds: int) -> str:
    return datetime.fromtimestamp(seconds, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


@pytest.fixture(scope="module")
def sample() -> dict[str, Any]:
    return json.loads(SAMPLE.read_text(encoding="utf-8"))


# -- --dump json of the bundled sample ---------------------------------------------------


@pytest.fixture(scope="module")
def sample_dump() -> dict[str, Any]:
    # A real process, with both HN bases unset: the sample must not need the network.
    env = {k: v for k, v in os.environ.items() if not k.startswith("THREADREADER_")}
    result = subprocess.run(
        [sys.executable, "-m", "tui", "--sample", "--dump", "json"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    return json.loads(result.stdout)


def test_sample_json_story_fields(sample_dump: dict[str, Any], sample: dict[str, Any]) -> None:
    assert STORY_FIELDS <= set(sample_dump)
    assert sample_dump["source"] == "hackernews"
    assert sample_dump["id"] == str(sample["id"])
    assert sample_dump["title"] == sample["title"]
    assert sample_dump["url"] == sample["url"]
    assert sample_dump["author"] == sample["author"]
    assert sample_dump["points"] == sample["points"]
    assert sample_dump["created"] == iso(sample["created_at_i"])


def test_sample_json_comment_fields(sample_dump: dict[str, Any], sample: dict[str, Any]) -> None:
    comments = dump_comments(sample_dump)
    assert dump_shape(sample_dump) == algolia_shape(sample)
    nodes = {str(node["id"]): node for node, _ in algolia_nodes(sample)}
    for comment, _ in comments:
        assert set(comment) == COMMENT_FIELDS, comment["id"]
        assert isinstance(comment["id"], str)
        assert ISO_Z.match(comment["created"]), comment["created"]
        assert comment["created"] == iso(nodes[comment["id"]]["created_at_i"])
        assert isinstance(comment["text"], str)
        assert comment["score"] is None  # HN has no comment scores
        assert comment["dead"] is bool(nodes[comment["id"]].get("dead"))
        assert isinstance(comment["links"], list)
        assert all(isinstance(link, str) for link in comment["links"])
        assert isinstance(comment["footnotes"], dict)
        assert isinstance(comment["themes"], list)
    assert sum(c["dead"] for c, _ in comments) == 1  # the sample has one dead comment


def test_sample_json_deleted_comment_keeps_its_reply(sample_dump: dict[str, Any]) -> None:
    deleted = [c for c, _ in dump_comments(sample_dump) if c["deleted"]]
    assert [c["id"] for c in deleted] == ["40476035"]
    assert deleted[0]["author"] is None
    assert deleted[0]["text"] == ""
    assert [r["author"] for r in deleted[0]["replies"]] == ["riverbend"]


def test_sample_json_footnotes_and_text(sample_dump: dict[str, Any]) -> None:
    by_id = {c["id"]: c for c, _ in dump_comments(sample_dump)}
    note = by_id["40475972"]
    assert note["footnotes"] == {
        "0": "The clarion call of any savvy fascist",
        "1": "Good luck figuring out how to comply with CC-BY-SA though",
        "2": "In the Valentian sense where recording a movie onto a VHS tape makes you a "
        "home-invading rapist.",
    }
    # Paragraphs are split by a blank line; references stay in the running text.
    paragraphs = note["text"].split("\n\n")
    assert len(paragraphs) == 4
    assert "allow training[1], of course" in paragraphs[0]
    assert paragraphs[1] == "[0] The clarion call of any savvy fascist"
    # A comment that opens with "&gt; " is a quote in the plain text.
    assert by_id["40476021"]["text"].startswith(
        "> an unusual open-source alliance has formed among developers who want handouts\n\n"
    )
    assert by_id["40476021"]["footnotes"] == {}
    assert "&#x27;" not in json.dumps(sample_dump) and "&quot;" not in json.dumps(sample_dump)


def test_dump_json_links_list(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run_main(
        capsys, str(FIXTURES / "algolia-item-49953495-trimmed.json"), "--dump", "json"
    )
    assert status == 0
    by_id = {c["id"]: c for c, _ in dump_comments(json.loads(out))}
    assert by_id["49953496"]["links"] == ["https://huggingface.co/Qwen/Qwen3.8-Flash-Next"]
    assert by_id["49953976"]["links"] == ["https://arxiv.org/abs/2608.08188"]
    assert by_id["49953976"]["footnotes"] == {"1": "https://arxiv.org/abs/2608.08188"}
    assert by_id["49953753"]["links"] == []


def test_dump_json_reads_numbered_and_unlabelled_footnotes(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, out, _ = run_main(capsys, str(BIG_FILE), "--dump", "json")
    assert status == 0
    by_id = {c["id"]: c for c, _ in dump_comments(json.loads(out))}
    assert by_id["26317787"]["footnotes"] == {
        "0": "https://www.enchant.com",
        "1": "https://www.enchant.com/speed-is-a-feature",
    }
    assert by_id["26316766"]["footnotes"] == {"0": "https://coherent-labs.com/"}


def test_dump_search_hits_are_ordered_by_their_match_best_first(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, out, _ = run_main(capsys, str(BIG_FILE), "--dump", "json", "--search", "electon")
    assert status == 0
    scores = [hit["match"] for hit in json.loads(out)["hits"]]
    assert len(scores) > 5 and scores == sorted(scores, reverse=True)


# -- --dump text and markdown ------------------------------------------------------------


def sample_authors(sample: dict[str, Any]) -> set[str]:
    return {node["author"] for node, _ in algolia_nodes(sample) if node.get("author")}


def test_dump_text_has_title_and_authors(
    capsys: pytest.CaptureFixture[str], sample: dict[str, Any]
) -> None:
    status, out, err = run_main(capsys, "--sample", "--dump", "text", "--width", "80")
    assert status == 0 and err == ""
    assert out.startswith(sample["title"] + "\n")
    for author in sample_authors(sample):
        assert author in out
    assert "[deleted]" in out  # the placeholder for the deleted comment
    assert "&#x27;" not in out and "<p>" not in out


def test_dump_markdown_has_title_and_authors(
    capsys: pytest.CaptureFixture[str], sample: dict[str, Any]
) -> None:
    status, out, err = run_main(capsys, "--sample", "--dump", "markdown")
    assert status == 0 and err == ""
    rendered = re.sub(r"\\(.)", r"\1", out)  # what a Markdown viewer shows
    assert rendered.startswith(f"# [{sample['title']}]({sample['url']})")
    for author in sample_authors(sample):
        assert f"**{author}" in rendered
    # Replies are nested blockquotes, one level per depth: riverbend replies to a
    # deleted comment at depth 2, so it sits three levels in.
    lines = rendered.split("\n")
    assert any(line.startswith("> > > **riverbend**") for line in lines)
    assert any(line.startswith("**quietfrog**") for line in lines)
    assert any(line.startswith("> **mdorn**") for line in lines)


def is_lone_url(line: str) -> bool:
    words = line.strip().removeprefix("> ").split()
    return len(words) == 1 and "://" in words[0]


@pytest.mark.parametrize("width", [20, 30, 41, 50, 60, 100])
def test_dump_text_respects_width(capsys: pytest.CaptureFixture[str], width: int) -> None:
    status, out, _ = run_main(capsys, str(BIG_FILE), "--dump", "text", "--width", str(width))
    assert status == 0
    lines = out.split("\n")
    too_wide = [line for line in lines if text_width(line) > width]
    # Only a link longer than the line may run past it, alone on its line (never cut).
    assert [line for line in too_wide if not is_lone_url(line)] == []
    for word in ("Speed Is the Killer Feature", "bdickason"):
        assert word in out.replace("\n", " ")


def test_dump_text_keeps_code_indentation(capsys: pytest.CaptureFixture[str]) -> None:
    # Comment 26314180 has a <pre><code> list whose continuation lines are indented
    # two more spaces than the items, and the whole block four spaces in.
    status, out, _ = run_main(capsys, str(BIG_FILE), "--dump", "text", "--width", "100")
    assert status == 0
    lines = out.split("\n")

    def line_with(text: str) -> str:
        return next(line for line in lines if line.strip() == text)

    def indent(line: str) -> int:
        return len(line) - len(line.lstrip(" "))

    item = line_with("- Serialising it with dynamic reflection")
    continuation = line_with("...to a *text* format!")
    prose = next(line for line in lines if line.endswith("consists of:"))
    assert indent(continuation) - indent(item) == 2
    assert indent(item) - indent(prose) == 4


def test_dump_text_indents_replies(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run_main(capsys, "--sample", "--dump", "text", "--width", "100")
    assert status == 0
    header = {line.strip().split(" ")[0]: line for line in out.split("\n") if " · " in line}
    indent = {name: len(line) - len(line.lstrip(" ")) for name, line in header.items()}
    assert indent["quietfrog"] < indent["mdorn"]  # a reply is indented under its parent
    assert indent["quietfrog"] == indent["tessellate"]  # top-level siblings line up
    assert indent["nullset"] < indent["riverbend"]


# -- exit codes and error lines ------------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ["--dump", "pdf", "--sample"],
        ["--dump", "json"],  # nothing to dump
        ["--sample", "123", "--dump", "json"],
        ["--width", "abc", "--sample", "--dump", "text"],
        ["not a target!", "--dump", "json"],
        ["--no-such-option"],
    ],
)
def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str], args: list[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(args)
    assert caught.value.code == 2
    _, err = capsys.readouterr()
    assert "usage:" in err


def test_usage_error_in_a_real_process() -> None:
    result = run_cli("--dump", "json")
    assert result.returncode == 2
    assert result.stdout == ""
    assert "Traceback" not in result.stderr


def assert_one_error_line(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 1, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("threadreader: ")
    assert result.stdout == ""
    return lines[0]


def test_unreachable_site_exits_1_with_one_line(closed_port: int) -> None:
    # The autouse fixture already points both bases at the closed port.
    assert str(closed_port) in os.environ["THREADREADER_HN_ALGOLIA_URL"]
    line = assert_one_error_line(run_cli("26312516", "--dump", "json"))
    assert "Hacker News" in line


def test_missing_file_exits_1(tmp_path: Path) -> None:
    line = assert_one_error_line(run_cli(str(tmp_path / "nope.json"), "--dump", "text"))
    assert "nope.json" in line


@pytest.mark.parametrize(
    "content",
    ['{"comments": [', "[1, 2, 3]", "[" * 100_000 + "]" * 100_000, "\udcff\udcfe"],
    ids=["truncated", "not-a-thread", "nested-too-deep", "not-utf8"],
)
def test_bad_file_exits_1(tmp_path: Path, content: str) -> None:
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8", errors="surrogateescape")
    assert_one_error_line(run_cli(str(path), "--dump", "json"))


def run_reader(*args: str) -> subprocess.CompletedProcess[str]:
    """`python -m tui ARGS` without --dump and without a terminal (stdin /dev/null, stdout a
    pipe), as a script would run it."""
    return subprocess.run(
        [sys.executable, "-m", "tui", *args],
        cwd=ROOT,
        env=os.environ.copy(),
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=30,
    )


def test_a_missing_saved_file_is_reported_before_the_reader_starts(tmp_path: Path) -> None:
    line = assert_one_error_line(run_reader(str(tmp_path / "nosuchfile.json")))
    assert "No such file" in line and "nosuchfile.json" in line


def test_a_malformed_saved_file_is_reported_before_the_reader_starts(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text('{"comments": [')
    line = assert_one_error_line(run_reader(str(path)))
    assert "broken.json" in line


def test_without_a_terminal_the_reader_refuses_and_points_at_dump() -> None:
    result = run_reader("--sample")
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and "not a terminal" in lines[0] and "--dump" in lines[0]


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["--version"])
    assert exited.value.code == 0
    out = capsys.readouterr().out
    assert re.fullmatch(r"threadreader \d+\.\d+\.\d+\n", out)
    # The one version (threads/version.py) is the one installed: pyproject reads it.
    assert out == f"threadreader {metadata.version('threadreader')}\n"


def test_not_found_exits_1(hn_server: HTTPServer, capsys: pytest.CaptureFixture[str]) -> None:
    hn_server.expect_request("/api/v1/items/5").respond_with_data("no", status=404)
    hn_server.expect_request("/v0/item/5.json").respond_with_json(None)
    status, out, err = run_main(capsys, "hn:5", "--dump", "json")
    assert status == 1
    assert out == ""
    assert err.count("\n") == 1 and err.startswith("threadreader: ")


# -- saved files ---------------------------------------------------------------------------


def test_saved_algolia_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], big_algolia: dict[str, Any]
) -> None:
    path = tmp_path / "thread.json"
    path.write_text(json.dumps(big_algolia), encoding="utf-8")
    status, out, _ = run_main(capsys, str(path), "--dump", "json")
    assert status == 0
    assert dump_shape(json.loads(out)) == algolia_shape(big_algolia)


def test_dump_json_round_trips_through_a_saved_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], big_algolia: dict[str, Any]
) -> None:
    status, first, _ = run_main(capsys, str(BIG_FILE), "--dump", "json")
    assert status == 0
    saved = tmp_path / "saved.json"
    saved.write_text(first, encoding="utf-8")

    status, second, _ = run_main(capsys, str(saved), "--dump", "json")
    assert status == 0
    before, after = json.loads(first), json.loads(second)
    assert dump_shape(after) == dump_shape(before) == algolia_shape(big_algolia)
    for (old, _), (new, _) in zip(dump_comments(before), dump_comments(after), strict=True):
        for key in ("created", "text", "links", "footnotes", "deleted", "dead"):
            assert new[key] == old[key], (old["id"], key)
    for key in ("id", "title", "url", "author", "points", "created"):
        assert after[key] == before[key]

    # The saved file also reads back as text and Markdown.
    status, text, _ = run_main(capsys, str(saved), "--dump", "text", "--width", "80")
    assert status == 0 and text.startswith("Speed Is the Killer Feature\n")


def test_saved_sample_dump_keeps_deleted_placeholder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], sample_dump: dict[str, Any]
) -> None:
    saved = tmp_path / "sample-dump.json"
    saved.write_text(json.dumps(sample_dump), encoding="utf-8")
    status, out, _ = run_main(capsys, str(saved), "--dump", "json")
    assert status == 0
    again = json.loads(out)
    assert dump_shape(again) == dump_shape(sample_dump)
    by_id = {c["id"]: c for c, _ in dump_comments(again)}
    assert by_id["40476035"]["deleted"] is True
    assert (
        by_id["40475972"]["footnotes"]
        == {c["id"]: c for c, _ in dump_comments(sample_dump)}["40475972"]["footnotes"]
    )


# -- the 485-comment thread served locally -----------------------------------------------


def test_dump_json_via_algolia(
    hn_server: HTTPServer, capsys: pytest.CaptureFixture[str], big_algolia: dict[str, Any]
) -> None:
    hn_server.expect_request("/api/v1/items/26312516").respond_with_json(big_algolia)
    status, out, err = run_main(
        capsys, "https://news.ycombinator.com/item?id=26312516", "--dump", "json"
    )
    assert status == 0, err
    document = json.loads(out)
    assert len(dump_comments(document)) == 485
    assert dump_shape(document) == algolia_shape(big_algolia)


def test_dump_json_via_firebase_fallback(
    hn_server: HTTPServer, capsys: pytest.CaptureFixture[str], big_algolia: dict[str, Any]
) -> None:
    hn_server.expect_request("/api/v1/items/26312516").respond_with_data("down", status=502)
    FakeFirebase(firebase_items_from_algolia(big_algolia)).serve(hn_server)
    status, out, err = run_main(capsys, "26312516", "--dump", "json")
    assert status == 0, err
    assert err == ""
    document = json.loads(out)
    assert len(dump_comments(document)) == 485
    assert dump_shape(document) == algolia_shape(big_algolia)
    assert document["title"] == "Speed Is the Killer Feature"


def test_missing_comments_are_reported_on_stderr(
    hn_server: HTTPServer, capsys: pytest.CaptureFixture[str]
) -> None:
    items: dict[int, Any] = {
        1: {"id": 1, "type": "story", "title": "t", "by": "op", "time": 1, "kids": [2, 3]},
        2: {"id": 2, "type": "comment", "by": "a", "text": "hi", "parent": 1, "time": 2},
        3: None,
    }
    hn_server.expect_request("/api/v1/items/1").respond_with_data("no", status=404)
    FakeFirebase(items).serve(hn_server)
    status, out, err = run_main(capsys, "1", "--dump", "json")
    assert status == 0
    assert [c["id"] for c, _ in dump_comments(json.loads(out))] == ["2"]
    assert err.startswith("threadreader: 1 ")
    assert err.count("\n") == 1


def test_dump_text_never_breaks_a_url(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run_main(capsys, str(BIG_FILE), "--dump", "text", "--width", "40")
    assert status == 0
    thread = load_thread_file(BIG_FILE)
    words = {word.strip("()[]<>.,;:!?\"'") for line in out.splitlines() for word in line.split()}
    story_and_comment_urls = [thread.url or ""] + [
        url for comment, _ in thread.walk() for url in (link.url for link in comment_links(comment))
    ]
    long_urls = [
        url for url in story_and_comment_urls if len(url) > 40 and url in thread_text(thread)
    ]
    assert len(long_urls) > 10
    for url in long_urls:
        assert url in words, url


def thread_text(thread: Any) -> str:
    return "\n".join([thread.url or ""] + [c.plain_text for c, _ in thread.walk()])


# -- --dump settles HN's order; --fast does not -------------------------------------------


def dump_orders(document: dict[str, Any]) -> dict[str, list[str]]:
    orders = {document["id"]: [c["id"] for c in document["comments"]]}
    orders.update({c["id"]: [r["id"] for r in c["replies"]] for c, _ in dump_comments(document)})
    return orders


def test_dump_prints_the_settled_thread_and_fast_the_first_paint(
    hn_server: HTTPServer, capsys: pytest.CaptureFixture[str]
) -> None:
    algolia, firebase = replay_files()
    HNReplay(algolia, firebase).serve(hn_server)

    status, out, err = run_main(capsys, "26312516", "--dump", "json")
    assert status == 0 and err == ""
    settled = dump_orders(json.loads(out))
    assert len(settled) == 489  # the story and every comment Firebase has
    for parent, order in settled.items():
        assert order == firebase_order(firebase, int(parent))
    placeholders = [c for c, _ in dump_comments(json.loads(out)) if c["deleted"]]
    assert len(placeholders) == 3 and any(c["replies"] for c in placeholders)

    status, out, err = run_main(capsys, "26312516", "--dump", "json", "--fast")
    assert status == 0 and err == ""
    fast = dump_orders(json.loads(out))
    assert len(fast) == 486  # Algolia's copy: the late comments are not there
    assert fast["26312516"] == [k for k in settled["26312516"] if k != "9000001"]
    differing = [p for p, order in fast.items() if p != "26312516" and order != settled[p]]
    assert len(differing) >= 50  # replies stay oldest first


def test_fast_needs_dump(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["26312516", "--fast"])
    assert exit_info.value.code == 2
    assert "--fast needs --dump" in capsys.readouterr().err


# -- Reddit --------------------------------------------------------------------------------


@pytest.fixture
def reddit_server(httpserver: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Any:
    from reddit_fixtures import FakeReddit

    import fetchers.reddit.credentials as reddit_credentials

    monkeypatch.setenv("THREADREADER_REDDIT_URL", httpserver.url_for(""))
    monkeypatch.setenv("THREADREADER_CONFIG", str(tmp_path / "none.toml"))
    monkeypatch.setattr(reddit_credentials, "_client_id", None)
    fake = FakeReddit()
    fake.install(httpserver)
    return fake


def test_reddit_dump_json_shows_stubs_where_they_stand(
    reddit_server: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, err = run_main(capsys, "reddit:3hahrw", "--dump", "json")
    assert status == 0, err
    document = json.loads(out)
    assert (document["source"], document["tags"]) == ("reddit", ["r/funny"])
    assert (document["comment_count"], document["unloaded"]) == (476, 61)
    entries = dump_comments(document)
    stubs = [(entry, depth) for entry, depth in entries if "more" in entry]
    assert len(stubs) == 18
    assert document["comments"][-1] == {
        "id": "more:3hahrw",
        "more": 9,
        "continue": False,
        "children": ["cu5tt8h", "cu5v9yd", "cu5twf5", "cu5tkk4", "cu5tead", "cu5rxpy",
                     "cu5oufs", "cu5tpek", "cu5pbdh"],
    }  # fmt: skip
    deep = next(e for e, _ in stubs if e["id"] == "more:cu61zil")
    assert deep["continue"] is True
    assert all(set(entry) == COMMENT_FIELDS for entry, _ in entries if "more" not in entry)


def test_reddit_dump_all_loads_everything_first(
    reddit_server: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, err = run_main(capsys, "reddit:3hahrw", "--dump", "json", "--all", "--sort", "new")
    assert status == 0, err
    document = json.loads(out)
    assert not [entry for entry, _ in dump_comments(document) if "more" in entry]
    assert document["comment_count"] == 476 + 34 + 12
    assert "Loaded 46 more comments in 7 requests" in err


def test_sort_is_for_reddit_only(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        parse_options(["26312516", "--sort", "top"])
    assert "Reddit threads only" in capsys.readouterr().err
