"""`--dump text` and `--dump markdown` show what other sites carry: where the thread is from,
its tags, a note when it may be incomplete, scores, content warnings and context posts."""

from __future__ import annotations

import pytest
from pytest_httpserver import HTTPServer
from site_servers import install_mastodon, load, mastodon_status

from fetchers.addresses import recognise
from fetchers.http import make_client
from fetchers.lobsters import fetch_lobsters
from fetchers.mastodon import fetch_mastodon
from fetchers.site import ItemTarget
from threads.dump_markdown import thread_to_markdown
from threads.dump_text import thread_to_text
from threads.model import Thread


@pytest.fixture
async def lobsters_thread(httpserver: HTTPServer, monkeypatch: pytest.MonkeyPatch) -> Thread:
    monkeypatch.setenv("THREADREADER_LOBSTERS_URL", httpserver.url_for("/"))
    httpserver.expect_request("/s/tdfoqh.json").respond_with_json(
        load("lobsters/story-tdfoqh-2025-format.json")
    )
    async with make_client() as client:
        return await fetch_lobsters(client, ItemTarget("lobsters", "tdfoqh", None))


@pytest.fixture
async def mastodon_thread(httpserver: HTTPServer) -> Thread:
    ancestor = mastodon_status(1, None, "Where it started")
    status = mastodon_status(2, 1, "The post I opened", replies_count=200)
    replies = [
        mastodon_status(3, 2, "Nested reply", spoiler_text="spoilers for the film"),
        *(mastodon_status(100 + n, 2, f"reply {n}") for n in range(59)),
    ]
    install_mastodon(httpserver, status, [ancestor], replies)
    target = recognise(httpserver.url_for("/@someone/2"))
    assert target is not None
    async with make_client() as client:
        return await fetch_mastodon(client, target)


def test_lobsters_text_dump_has_site_tags_and_scores(lobsters_thread: Thread) -> None:
    text = thread_to_text(lobsters_thread, 100)
    assert "Lobsters · tags: meta" in text.split("\n\n")[0]  # in the header
    assert "\ndpercy · 17 points · " in text
    assert "\n  gioele (OP) · 2 points · " in text  # a reply by the submitter
    assert "Note:" not in text


def test_lobsters_markdown_dump_has_site_tags_and_scores(lobsters_thread: Thread) -> None:
    markdown = thread_to_markdown(lobsters_thread)
    header = markdown.split("\n**")[0]
    assert "\nLobsters · tags: meta\n" in header
    assert "\n**dpercy** · 17 points · " in markdown
    assert "\n> **gioele (OP)** · 2 points · " in markdown


def test_mastodon_text_dump_marks_context_warnings_and_the_cap(mastodon_thread: Thread) -> None:
    text = thread_to_text(mastodon_thread, 100)
    header = text.split("\n\n")[0]
    assert "Note: " in header and "at most 60 replies" in header
    blocks = text.split("\n\n")
    context = next(b for b in blocks if "Where it started" in b)
    assert " · context · " in context.split("\n")[0]
    opened = next(b for b in blocks if "The post I opened" in b)
    assert "context" not in opened
    warned = next(b for b in blocks if "Nested reply" in b).split("\n")
    assert warned[1].strip() == "content warning: spoilers for the film"
    assert warned[2].strip() == "Nested reply"


def test_mastodon_markdown_dump_marks_context_warnings_and_the_cap(
    mastodon_thread: Thread,
) -> None:
    markdown = thread_to_markdown(mastodon_thread)
    assert "\n*Note: " in markdown and "at most 60 replies" in markdown
    context_header = next(line for line in markdown.split("\n") if "· context ·" in line)
    assert context_header.startswith("**")  # the ancestor, at the top level
    lines = markdown.split("\n")
    warned = next(n for n, line in enumerate(lines) if "content warning" in line)
    assert lines[warned].lstrip("> ") == "*content warning: spoilers for the film*"
    assert "Nested reply" in lines[warned + 2]


def test_hacker_news_dumps_stay_as_they_were() -> None:
    from fetchers.saved import load_sample_thread

    thread = load_sample_thread()
    text, markdown = thread_to_text(thread), thread_to_markdown(thread)
    assert "tags:" not in text and "Note:" not in text and " points · " not in text
    assert "tags:" not in markdown and "content warning" not in markdown


def test_a_markdown_dump_names_a_code_fence_language() -> None:
    from threads.markdown_text import markdown_to_body

    thread = Thread("lemmy", "1", "T", body=markdown_to_body("```python\nx = 1\n```"))
    assert "```python\nx = 1\n```" in thread_to_markdown(thread)
