"""Wrapping to terminal cells: wide characters, long URLs, forced breaks, styles."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from threads.wrap import text_width, wrap_pieces, wrap_text


def cells(text: str) -> int:
    """Terminal cells, measured independently of the wrapper: wide/fullwidth = 2,
    combining marks and format characters = 0, everything else 1."""
    total = 0
    for char in text:
        if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf"):
            continue
        total += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    return total


def non_space(text: str) -> str:
    return "".join(char for char in text if not char.isspace())


def test_width_measures_cells() -> None:
    assert text_width("abc") == 3
    assert text_width("日本語") == 6
    assert text_width("e\u0301") == 1  # e + combining acute
    assert text_width("🙂") == 2


@pytest.mark.parametrize("width", [2, 3, 5, 7, 10, 11])
def test_wide_characters_never_exceed_the_width(width: int) -> None:
    text = "日本語のテキストは空白なしで続きます 中文字符也是一样 mixed 日本 text"
    lines = wrap_text(text, width)
    assert all(cells(line) <= width for line in lines), lines
    assert non_space("".join(lines)) == non_space(text)
    # Lines are filled: a run of CJK is cut at the width, not one character per line.
    assert max(cells(line) for line in lines) >= width - 1


def test_long_url_is_cut_to_the_width() -> None:
    url = "https://www.crowdstrike.com/blog/statement-on-falcon-content-update-for-windows-hosts/"
    lines = wrap_text(f"see {url} now", 20)
    assert all(len(line) <= 20 for line in lines)
    assert "".join(lines).replace(" ", "") == f"see{url}now"
    assert lines[0] == "see"  # the URL starts on its own line rather than after "see"
    assert [len(line) for line in lines[1:-1]] == [20] * (len(lines) - 2)


def test_words_wrap_at_spaces() -> None:
    assert wrap_text("the quick brown fox jumps over the lazy dog", 10) == [
        "the quick",
        "brown fox",
        "jumps over",
        "the lazy",
        "dog",
    ]


def test_newlines_force_breaks() -> None:
    assert wrap_text("one\ntwo three\n\nfour", 80) == ["one", "two three", "", "four"]
    assert wrap_text("a b c\nd", 3) == ["a b", "c", "d"]


def test_empty_text_is_one_empty_line() -> None:
    assert wrap_text("", 10) == [""]


def test_styles_survive_across_breaks() -> None:
    pieces = [
        ("plain words then ", "normal"),
        ("italic words that wrap", "italic"),
        (" end", "normal"),
    ]
    lines = wrap_pieces(pieces, 12)
    assert all(sum(cells(text) for text, _ in line) <= 12 for line in lines)
    # Every character keeps the style of the piece it came from.
    styled = [(char, style) for line in lines for text, style in line for char in text]
    expected = [(char, style) for text, style in pieces for char in text]
    assert [pair for pair in styled if not pair[0].isspace()] == [
        pair for pair in expected if not pair[0].isspace()
    ]
    assert {style for line in lines for _, style in line} == {"normal", "italic"}
    # The italic run is split over lines and each part is still italic.
    italic_lines = [line for line in lines if any(style == "italic" for _, style in line)]
    assert len(italic_lines) >= 2


def test_styles_survive_with_wide_characters_and_newlines() -> None:
    pieces = [("日本語の", "a"), ("テキスト\nです", "b"), ("、終わり", "c")]
    lines = wrap_pieces(pieces, 6)
    assert all(sum(cells(text) for text, _ in line) <= 6 for line in lines)
    styled = "".join(f"{char}{style}" for line in lines for text, style in line for char in text)
    expected = "".join(f"{c}{s}" for text, s in pieces for c in text if not c.isspace())
    assert styled == expected


ALPHABET = st.sampled_from(
    list("abcdefghijklmnopqrstuvwxyz  .,-/:") + ["\n", "\t", "日", "語", "🙂", "é", "\u0301", "ｗ"]
)


@settings(max_examples=300, deadline=None)
@given(text=st.lists(ALPHABET, max_size=300).map("".join), width=st.integers(1, 120))
def test_every_line_fits_and_text_is_kept(text: str, width: int) -> None:
    # A two-cell character cannot fit a one-cell line; at width 1 use narrow text only.
    if width == 1:
        text = "".join(char for char in text if cells(char) < 2)
    lines = wrap_text(text, width)
    assert all(cells(line) <= width for line in lines), (width, lines)
    assert non_space("".join(lines)) == non_space(text)


@settings(max_examples=200, deadline=None)
@given(
    pieces=st.lists(
        st.tuples(st.lists(ALPHABET, max_size=40).map("".join), st.sampled_from("xyz")),
        max_size=8,
    ),
    width=st.integers(2, 60),
)
def test_styled_pieces_fit_and_keep_their_styles(pieces: list[tuple[str, str]], width: int) -> None:
    lines = wrap_pieces(pieces, width)
    assert all(sum(cells(text) for text, _ in line) <= width for line in lines)
    got = [(c, style) for line in lines for text, style in line for c in text if not c.isspace()]
    want = [(c, style) for text, style in pieces for c in text if not c.isspace()]
    assert got == want


LONG_URL = "https://en.wikipedia.org/wiki/Wireless_Application_Protocol_and_its_markup_language"


def test_for_pipes_a_url_longer_than_the_line_stands_alone_uncut() -> None:
    text = f"see ({LONG_URL}) for the details, or café {LONG_URL}"
    lines = wrap_text(text, 30, keep_urls=True)
    assert f"({LONG_URL})" in lines and LONG_URL in lines
    assert all(len(line) <= 30 for line in lines if "://" not in line)
    assert wrap_text(text.replace("café", "cafe"), 30, keep_urls=True) == [
        line.replace("café", "cafe") for line in lines
    ]


def test_a_long_word_that_is_not_a_url_is_still_cut() -> None:
    assert wrap_text("x" * 50, 20, keep_urls=True) == ["x" * 20, "x" * 20, "x" * 10]
