"""Hostile text from a site can never drive the terminal: no escapes, no controls, no markup."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from fetchers.hn_items import comment_from_item, thread_from_algolia
from threads.blocks import body_links, body_to_plain_text
from threads.html_text import html_to_body
from threads.sanitize import clean_optional, clean_text

# Anything a terminal might act on: C0 controls but tab/newline, DEL, C1, bidi overrides.
UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")

OSC52_CLIPBOARD = "\x1b]52;c;aGVsbG8=\x07"
CLEAR_SCREEN = "\x1b[2J"
OSC8_LINK = "\x1b]8;;http://evil\x1b\\"
HOSTILE = (
    f"before{OSC52_CLIPBOARD} one{CLEAR_SCREEN} two{OSC8_LINK}click"
    "\roverwrite \x9b31m c1 \u202eevil\u202c [bold red]x[/] end"
)


def assert_inert(text: str) -> None:
    assert "\x1b" not in text
    assert not UNSAFE.search(text), repr(text)


def test_clean_text_strips_escape_sequences_and_controls() -> None:
    cleaned = clean_text(HOSTILE)
    assert_inert(cleaned)
    # The payloads of the sequences are gone too, not just the ESC byte.
    assert "aGVsbG8" not in cleaned
    assert "http://evil" not in cleaned
    assert "2J" not in cleaned
    # Ordinary text around the sequences is kept, in order.
    for word in ("before", "one", "two", "click", "overwrite", "c1", "end"):
        assert word in cleaned
    assert cleaned.index("before") < cleaned.index("click") < cleaned.index("end")


def test_markup_brackets_are_kept_literally() -> None:
    assert clean_text("[bold red]x[/]") == "[bold red]x[/]"
    assert "[bold red]x[/]" in clean_text(HOSTILE)


def test_tabs_and_newlines_survive() -> None:
    assert clean_text("a\tb\nc") == "a\tb\nc"


def test_unterminated_sequences_do_not_leak() -> None:
    for raw in ("x\x1b]0;new title", "x\x1b[", "x\x1b", "x\x1bP1;2q sixel", "x\x1b_apc"):
        cleaned = clean_text(raw)
        assert_inert(cleaned)
        assert cleaned.startswith("x")


def test_lone_surrogate_becomes_replacement_character() -> None:
    cleaned = clean_text("a\ud800b\udfffc")
    assert cleaned == "a\ufffdb\ufffdc"
    cleaned.encode("utf-8")  # would raise on a surrogate


def test_clean_optional_keeps_none() -> None:
    assert clean_optional(None) is None
    assert clean_optional("a\x1b[2Jb") == "ab"


@given(st.text())
def test_clean_text_output_is_always_inert_and_encodable(text: str) -> None:
    cleaned = clean_text(text)
    assert_inert(cleaned)
    cleaned.encode("utf-8")


def test_html_body_is_sanitised() -> None:
    html = (
        f"<p>{HOSTILE}<p>entity &#x1b;[2J and &#27;]52;c;aGVsbG8=&#7; here"
        f'<p><i>{CLEAR_SCREEN}styled</i> <a href="https://example.com/{OSC8_LINK}x">t</a>'
        f"<pre><code>code{OSC52_CLIPBOARD}\rline\n</code></pre>"
    )
    body = html_to_body(html)
    for block in body:
        for span in block.spans:
            assert_inert(span.text)
            if span.href is not None:
                assert_inert(span.href)
    text = body_to_plain_text(body)
    assert "[bold red]x[/]" in text
    assert "styled" in text
    assert body_links(body) == ["https://example.com/x"]
    assert [b.text for b in body if b.kind == "code"] == ["codeline"]


def test_algolia_author_title_and_text_are_sanitised() -> None:
    data = {
        "id": 1,
        "type": "story",
        "title": f"Title{CLEAR_SCREEN}{OSC52_CLIPBOARD} [bold]T[/bold]",
        "author": f"op{OSC8_LINK}\u202e",
        "url": f"https://example.com/{CLEAR_SCREEN}",
        "text": f"story {CLEAR_SCREEN}text",
        "children": [
            {
                "id": 2,
                "author": f"bad\x9b2J{OSC52_CLIPBOARD}guy",
                "text": f"hello{CLEAR_SCREEN}&#x1b;]52;c;eA==&#x07;\rworld",
                "created_at_i": 1_700_000_000,
                "children": [],
            }
        ],
    }
    thread = thread_from_algolia(data)
    assert thread.title == "Title [bold]T[/bold]"
    assert thread.author == "op"
    assert thread.url == "https://example.com/"
    assert thread.plain_text == "story text"
    comment = thread.comments[0]
    assert comment.author is not None
    assert_inert(comment.author)
    assert comment.author.startswith("bad") and comment.author.endswith("guy")
    assert_inert(comment.plain_text)
    assert comment.plain_text.startswith("hello") and comment.plain_text.endswith("world")


def test_firebase_author_is_sanitised() -> None:
    comment = comment_from_item(
        {"id": 5, "by": f"x{CLEAR_SCREEN}y", "text": "hi", "time": 1},
        author_key="by",
        time_key="time",
    )
    assert comment.author == "xy"
