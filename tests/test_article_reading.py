"""Reader mode's model: an article's lines with the quoted passage marked, and search
over its blocks (typos, prefixes, phrases)."""

from __future__ import annotations

from pathlib import Path

import pytest

from fetchers.article_extract import extract_article
from threads.article import Article
from threads.article_layout import PASSAGE, ArticleLayout
from threads.article_quotes import find_in_article
from threads.article_search import ArticleSearch
from threads.blocks import Block, Span

ARTICLES = Path(__file__).parent / "fixtures" / "articles"


@pytest.fixture(scope="module")
def spiceland() -> Article:
    html = (ARTICLES / "github.blog.spiceland.html").read_text(encoding="utf-8")
    return extract_article(html, "https://github.blog/2019-03-29-leader-spotlight-erin-spiceland/")


def marked_text(layout: ArticleLayout) -> str:
    return "".join(text for line in layout.lines for text, key in line if PASSAGE in key)


@pytest.mark.parametrize("width", [20, 45, 78, 100])
def test_the_quoted_passage_is_marked_exactly_at_any_width(spiceland: Article, width: int) -> None:
    passage = find_in_article(spiceland, "I'm a domestic abuse survivor and a Choctaw woman")
    assert passage is not None
    layout = ArticleLayout(spiceland, width)
    layout.mark_passage(passage.block, passage.start, passage.end)
    wanted = spiceland.body[passage.block].text[passage.start : passage.end]
    assert marked_text(layout).replace(" ", "") == wanted.replace(" ", "")
    assert wanted.startswith("I’m a domestic abuse survivor")


def test_header_has_title_meta_and_address(spiceland: Article) -> None:
    layout = ArticleLayout(spiceland, 78)
    header = ["".join(text for text, _ in line) for line in layout.lines[: layout.body_start]]
    assert header[0] == "Leader spotlight: Erin Spiceland"
    assert "Jessica Rudder · 2019-03-29 · The GitHub Blog" in header
    assert spiceland.url in header


def test_each_block_knows_its_lines(spiceland: Article) -> None:
    layout = ArticleLayout(spiceland, 60)
    for index, (first, last) in enumerate(layout.block_rows):
        assert layout.block_at(first) == index
        assert layout.block_at(last) == index


def test_search_finds_typos_and_prefixes_in_reading_order(spiceland: Article) -> None:
    search = ArticleSearch(spiceland)
    typo = search.search("chocktaw")
    assert typo.ranked
    assert all("choctaw" in spiceland.body[b].text.casefold() for b in typo.ranked)
    assert "choctaw" in typo.words
    prefix = search.search("beadw")
    assert [b for b in prefix.ranked if "beadwork" in spiceland.body[b].text]
    assert typo.in_order == sorted(typo.ranked)


def test_search_phrase_and_every_word_must_match() -> None:
    article = Article(
        "https://example.org/a",
        "A",
        body=(
            Block("paragraph", (Span("open source software is fun"),)),
            Block("paragraph", (Span("source of open water"),)),
            Block("image", (Span("[image: open source]"),)),
        ),
    )
    search = ArticleSearch(article)
    assert search.search('"open source"').ranked == [0]
    assert sorted(search.search("open source").ranked) == [0, 1]
    assert search.search("open zebra").ranked == []
