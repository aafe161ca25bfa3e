"""What the user types to open a thread: HN URLs, ids, `hn:ID`, saved `.json` files."""

from __future__ import annotations

from pathlib import Path

import pytest

from fetchers.errors import BadTarget, FetchError
from fetchers.targets import ArticleTarget, FileTarget, ItemTarget, parse_target


@pytest.mark.parametrize(
    ("text", "item_id"),
    [
        ("https://news.ycombinator.com/item?id=26312516", "26312516"),
        ("http://news.ycombinator.com/item?id=26312516", "26312516"),
        ("news.ycombinator.com/item?id=26312516", "26312516"),
        ("https://news.ycombinator.com/item?id=26312516&p=2", "26312516"),
        ("https://news.ycombinator.com/item?p=2&id=26312516#26313067", "26312516"),
        ("https://NEWS.YCOMBINATOR.COM/item?id=5", "5"),
        ("  https://news.ycombinator.com/item?id=7  ", "7"),
        ("26312516", "26312516"),
        (" 42\n", "42"),
        ("007", "7"),
        ("hn:26312516", "26312516"),
        ("HN:42", "42"),
    ],
)
def test_item_targets(text: str, item_id: str) -> None:
    assert parse_target(text) == ItemTarget("hackernews", item_id)


@pytest.mark.parametrize("name", ["thread.json", "saved/Thread.JSON", "/tmp/x y.json"])
def test_json_paths_are_files_even_before_they_exist(name: str) -> None:
    assert parse_target(name) == FileTarget(Path(name))


def test_an_existing_file_is_a_file_target_whatever_its_name(tmp_path: Path) -> None:
    saved = tmp_path / "saved-thread"
    saved.write_text("{}", encoding="utf-8")
    assert parse_target(str(saved)) == FileTarget(saved)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "abc",
        "-5",
        "12.5",
        "1234567890123",  # longer than any HN id
        "hn:",
        "hn:abc",
        "reddit:",
        "https://news.ycombinator.com/",
        "https://news.ycombinator.com/news",
        "https://news.ycombinator.com/item?id=abc",
        "https://news.ycombinator.com/item?id=",
        "ftp://",
    ],
)
def test_junk_is_a_bad_target(text: str) -> None:
    with pytest.raises(BadTarget) as caught:
        parse_target(text)
    message = str(caught.value)
    assert isinstance(caught.value, FetchError)
    assert message and "\n" not in message
    assert "Traceback" not in message


def test_an_address_ending_in_json_is_a_url_not_a_file() -> None:
    url = "https://hacker-news.firebaseio.com/v0/item/8863.json"
    assert parse_target(url) == ArticleTarget(url)


@pytest.mark.parametrize(
    "url",
    [
        "https://example.com/item?id=1",
        "https://news.ycombinator.com.evil.example/item?id=1",
        "https://evil.example/?u=news.ycombinator.com&id=1",
        "http://blog.example/2024/05/a-post.html",
    ],
)
def test_a_web_address_no_site_claims_is_an_article(url: str) -> None:
    assert parse_target(url) == ArticleTarget(url)


def test_only_item_pages_of_hacker_news_are_threads() -> None:
    with pytest.raises(BadTarget):
        parse_target("https://news.ycombinator.com/user?id=123")
