"""Property tests: arbitrary text through the converter, sanitiser, tokenizer, wrapper,
footnotes and themes. Invariants: no exception, no control characters out, text kept.

`make test` runs each property on 150 examples; `pytest -m slow` runs the long versions.
"""

from __future__ import annotations

import os
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from threads.blocks import body_to_plain_text
from threads.footnotes import comment_footnotes, footnote_definitions, footnote_references
from threads.html_text import html_to_body
from threads.model import Comment, Thread
from threads.sanitize import clean_text
from threads.search_index import SearchIndex
from threads.themes import TermError, Theme, parse_term, theme_comments
from threads.tokens import words
from threads.wrap import text_width, wrap_text

CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
# `make test`: the same 150 examples every run (CI must not turn red by chance).
# THREADREADER_FUZZ_EXAMPLES=N: N fresh random examples per property, to hunt for bugs.
_FUZZ = int(os.environ.get("THREADREADER_FUZZ_EXAMPLES", "0"))
FAST = settings(
    max_examples=_FUZZ or 150,
    derandomize=not _FUZZ,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
LONG = settings(max_examples=5000, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Text as the internet sends it: any code point (lone surrogates too), heavy on the
# troublesome ones: escapes, combining marks, wide CJK, emoji with ZWJ, bidi controls.
TRICKY = st.sampled_from(
    [
        "\x1b",
        "\x1b[2J",
        "\x1b]52;c;aGk=\x07",
        "\x07",
        "\r",
        "\x9b",
        "\u202e",
        "\u200d",
        "👩‍💻",
        "e\u0301",
        "日本",
        "ﷺ",
        "\ud800",
        "&#x1b;",
        "&amp;",
        "&gt;",
        "&#x2F;",
        "\n",
        "\t",
        " ",
    ]
)
TEXT = st.lists(st.one_of(st.text(max_size=20), TRICKY), max_size=30).map("".join)
TAGS = st.sampled_from(
    [
        "<p>",
        "</p>",
        "<i>",
        "</i>",
        "<b>",
        "<pre><code>",
        "</code></pre>",
        '<a href="https://x.y/z">',
        "</a>",
        "<blockquote>",
        "</blockquote>",
        "<br>",
        "<unknown>",
        "</div>",
        "<",
        ">",
        "<a href=",
        '"',
    ]
)
HTML = st.lists(st.one_of(TEXT, TAGS), max_size=40).map("".join)


def plain(html: str) -> str:
    return body_to_plain_text(html_to_body(html))


def check_html(html: str) -> None:
    body = html_to_body(html)
    text = body_to_plain_text(body)
    assert not CONTROL.search(text)
    for block in body:
        for span in block.spans:
            assert not CONTROL.search(span.text)
            assert span.href is None or not CONTROL.search(span.href)


@FAST
@given(HTML)
def test_html_never_fails_and_never_lets_controls_through(html: str) -> None:
    check_html(html)


@pytest.mark.slow
@LONG
@given(HTML)
def test_html_never_fails_long(html: str) -> None:
    check_html(html)


SAFE = st.text(
    alphabet=st.characters(
        blacklist_categories=("Cc", "Cs", "Zl", "Zp"), blacklist_characters="<>&"
    ),
    max_size=300,
)


@FAST
@given(SAFE)
def test_text_without_markup_keeps_every_visible_character(text: str) -> None:
    """Whitespace may change (HTML collapses it), bidi marks go; nothing else is lost."""
    expected = re.sub(r"\s+", "", clean_text(text))
    got = re.sub(r"\s+", "", plain(text))
    if expected.startswith(">"):  # a leading `>` marks a quote, not text
        expected, got = expected.lstrip(">"), got.lstrip(">")
    assert got == expected


@FAST
@given(TEXT)
def test_sanitised_text_has_no_controls_and_is_idempotent(text: str) -> None:
    once = clean_text(text)
    assert not CONTROL.search(once)
    assert clean_text(once) == once
    once.encode("utf-8")  # lone surrogates were replaced


@FAST
@given(TEXT)
def test_tokens_are_clean_words(text: str) -> None:
    for word in words(clean_text(text)):
        assert word and not any(c.isspace() for c in word)
        assert word == word.casefold()


@FAST
@given(TEXT, st.integers(min_value=1, max_value=120))
def test_wrapping_fits_and_keeps_the_characters(text: str, width: int) -> None:
    cleaned = clean_text(text).replace("\t", " ")
    lines = wrap_text(cleaned, width)
    assert all(text_width(line) <= max(width, 2) for line in lines)  # a wide char needs 2
    assert re.sub(r"\s+", "", "".join(lines)) == re.sub(r"\s+", "", cleaned)


@FAST
@given(HTML)
def test_footnotes_never_fail(html: str) -> None:
    body = html_to_body(html)
    comment = Comment("1", "a", None, body=body)
    notes = comment_footnotes(comment)
    text = body_to_plain_text(body)
    assert set(footnote_references(text)) == set(notes.references)
    for note in footnote_definitions(text):
        assert note.label and not CONTROL.search(note.text)


@FAST
@given(st.lists(HTML, min_size=1, max_size=6), TEXT)
def test_search_and_themes_never_fail(bodies: list[str], query: str) -> None:
    comments = [
        Comment(str(i), f"user{i}", None, body=html_to_body(b)) for i, b in enumerate(bodies)
    ]
    thread = Thread("test", "0", "t", comments=comments)
    index = SearchIndex(thread)
    result = index.search(clean_text(query))
    for hit in result.top(10):
        assert 0 <= hit.match <= 100
    try:
        theme = Theme.create("t", [clean_text(query) or "x"])
    except TermError:
        return
    assert theme_comments(index.words, theme) <= set(range(len(comments)))


@FAST
@given(TEXT)
def test_any_term_parses_or_says_why(term: str) -> None:
    try:
        parse_term(term)
    except TermError as error:
        assert str(error)


def test_a_megabyte_body_goes_through_everything() -> None:
    paragraph = "word " * 200 + "https://example.com/" + "x" * 5000 + " 日本語 " * 50
    html = "<p>".join([paragraph] * 180)  # ~1.1 MB
    assert len(html) > 1_000_000
    body = html_to_body(html)
    comment = Comment("1", "a", None, body=body)
    thread = Thread("test", "0", "t", comments=[comment])
    assert len(comment.plain_text) > 900_000
    assert SearchIndex(thread).search("word").top(1)[0].comment is comment
    from threads.comment_lines import body_lines

    lines = body_lines(body, 60)
    assert all(text_width("".join(t for t, _ in line)) <= 60 for line in lines)
