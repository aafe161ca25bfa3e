"""A comment's `> quote` leads to the passage of the article it quotes."""

from __future__ import annotations

from pathlib import Path

import pytest

from fetchers.article_extract import extract_article
from threads.article import Article
from threads.article_quotes import find_in_article
from threads.article_xml import article_from_xml

ARTICLES = Path(__file__).parent / "fixtures" / "articles"


@pytest.fixture(scope="module")
def spiceland() -> Article:
    html = (ARTICLES / "github.blog.spiceland.html").read_text(encoding="utf-8")
    return extract_article(html, "https://github.blog/2019-03-29-leader-spotlight-erin-spiceland/")


@pytest.mark.parametrize(
    ("quote", "passage"),
    [
        # Case changed, a word swapped, the end trimmed with an ellipsis.
        (
            "erin spiceland is a software engineer at SpaceX…",
            "Erin Spiceland is a Software Engineer for SpaceX",
        ),
        # Curly quotes straightened, a word dropped, wrapped over two lines.
        (
            '"I\'m a domestic abuse survivor and a Choctaw\npolyamorous woman"',
            "I’m a domestic abuse survivor and a Choctaw bisexual polyamorous woman",
        ),
    ],
)
def test_quote_with_small_edits_finds_its_passage(
    spiceland: Article, quote: str, passage: str
) -> None:
    found = find_in_article(spiceland, quote)
    assert found is not None
    text = spiceland.body[found.block].text
    assert passage in text
    highlighted = text[found.start : found.end]
    # The highlight covers the quoted words and little else.
    start = text.index(passage)
    assert found.start <= start + 3 and found.end >= start + len(passage) - 3
    assert len(highlighted) <= len(passage) + 6


def test_unrelated_quote_is_not_found(spiceland: Article) -> None:
    assert find_in_article(spiceland, "The quick brown fox jumps over the lazy dog.") is None
    assert find_in_article(spiceland, "> ok") is None  # too short to mean anything


def test_passage_offsets_survive_collapsed_whitespace_and_case_folding() -> None:
    xml = (
        "<doc><main><p>Intro.</p>"
        "<code>x = 1\n# Straße  und\n#    mehr: the QUICK   brown fox.\ny = 2</code></main></doc>"
    )
    article = article_from_xml(xml, "https://example.org/")
    found = find_in_article(article, "strasse und mehr: the quick brown fox")
    assert found is not None and found.block == 1
    text = article.body[1].text
    assert text[found.start : found.end] == "Straße  und\n#    mehr: the QUICK   brown fox"
