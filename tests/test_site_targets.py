"""Which site an address belongs to: every form each site accepts, and junk that is a
usage error (exit 2) rather than a fetch."""

from __future__ import annotations

import pytest

from fetchers.errors import BadTarget
from fetchers.targets import ArticleTarget, ItemTarget, parse_target
from tui.cli import EXIT_USAGE, parse_options


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Lobsters
        ("https://lobste.rs/s/tdfoqh", ItemTarget("lobsters", "tdfoqh")),
        ("https://lobste.rs/s/tdfoqh/ranking_comments", ItemTarget("lobsters", "tdfoqh")),
        ("lobste.rs/s/tdfoqh", ItemTarget("lobsters", "tdfoqh")),
        ("http://www.lobste.rs/s/tdfoqh/", ItemTarget("lobsters", "tdfoqh")),
        ("https://lobste.rs/s/tdfoqh/x#c_ncdsfc", ItemTarget("lobsters", "tdfoqh", "ncdsfc")),
        ("lobsters:tdfoqh", ItemTarget("lobsters", "tdfoqh")),
        # Discourse: any host, the path decides
        (
            "https://try.discourse.org/t/sandbox/57",
            ItemTarget("discourse", "https://try.discourse.org/t/57"),
        ),
        (
            "https://try.discourse.org/t/57",
            ItemTarget("discourse", "https://try.discourse.org/t/57"),
        ),
        (
            "https://forum.example/t/slug/57/12",
            ItemTarget("discourse", "https://forum.example/t/57", "12"),
        ),
        (
            "https://example.com/forum/t/slug/57",
            ItemTarget("discourse", "https://example.com/forum/t/57"),
        ),
        ("http://127.0.0.1:8080/t/57.json", ItemTarget("discourse", "http://127.0.0.1:8080/t/57")),
        ("discourse:https://x.example/t/a/9", ItemTarget("discourse", "https://x.example/t/9")),
        # Lemmy
        ("https://lemmy.world/post/42", ItemTarget("lemmy", "https://lemmy.world/post/42")),
        ("http://127.0.0.1:9000/post/42/", ItemTarget("lemmy", "http://127.0.0.1:9000/post/42")),
        ("lemmy:https://lemmy.ml/post/7", ItemTarget("lemmy", "https://lemmy.ml/post/7")),
        # Mastodon
        (
            "https://mastodon.social/@Gargron/1",
            ItemTarget("mastodon", "https://mastodon.social/statuses/1"),
        ),
        (
            "https://hachyderm.io/@bob@other.example/99",
            ItemTarget("mastodon", "https://hachyderm.io/statuses/99"),
        ),
        (
            "https://mastodon.social/users/Gargron/statuses/5",
            ItemTarget("mastodon", "https://mastodon.social/statuses/5"),
        ),
        (
            "https://mastodon.social/web/statuses/5",
            ItemTarget("mastodon", "https://mastodon.social/statuses/5"),
        ),
        ("mastodon:https://m.example/@a/3", ItemTarget("mastodon", "https://m.example/statuses/3")),
        # Hacker News still first
        ("https://news.ycombinator.com/item?id=1", ItemTarget("hackernews", "1")),
    ],
)
def test_every_form_finds_its_site(text: str, expected: ItemTarget) -> None:
    assert parse_target(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "https://lobste.rs/",
        "https://lobste.rs/u/pushcx",
        "https://lobste.rs/s/",
        "lobsters:",
        "lobsters:not/an/id",
        "discourse:https://x.example/latest",
        "discourse:nonsense",
        "lemmy:https://lemmy.ml/c/programming",
        "mastodon:https://m.example/@a",
        "ftp://lemmy.ml/post/1",
        "javascript:alert(1)//t/5",
        "t/5",
        "just some words",
    ],
)
def test_junk_is_a_usage_error(text: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(BadTarget):
        parse_target(text)
    with pytest.raises(SystemExit) as exit_info:
        parse_options([text])
    assert exit_info.value.code == EXIT_USAGE
    assert "Traceback" not in capsys.readouterr().err


@pytest.mark.parametrize(
    "text",
    [
        "https://example.com/t/no-id-here",
        "https://example.com/post/abc",
        "https://example.com/@user/notanumber",
        "https://example.com/",
    ],
)
def test_a_web_address_no_site_claims_is_an_article(text: str) -> None:
    assert parse_target(text) == ArticleTarget(text)


def test_the_usage_message_names_the_sites() -> None:
    with pytest.raises(BadTarget) as error:
        parse_target("just some words")
    for site in ("Hacker News", "Lobsters", "Discourse", "Lemmy", "Mastodon"):
        assert site in str(error.value)
