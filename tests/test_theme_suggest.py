"""Suggested themes: grouped by phrase, and what a suggestion shows is what adopting gives."""

from __future__ import annotations

from hn_fixtures import FIXTURES

from fetchers.saved import load_sample_thread, load_thread_file
from threads.blocks import Block, Span
from threads.model import Comment, Thread
from threads.theme_suggest import suggest_themes
from threads.themes import Theme, theme_comments
from threads.word_index import WordIndex

SOCIAL_MEDIA = [
    "Social media rewards outrage, and social media platforms know it.",
    "I quit social media last year; the platforms felt addictive.",
    "Every social media feed is tuned for engagement metrics.",
    "Kids on social media platforms see ads all day.",
    "The platforms of social media sell engagement to advertisers.",
    "Social media engagement metrics are gamed by bots.",
]
SOCIALISM = [
    "Socialism and capitalism both promise prosperity.",
    "Capitalism beat socialism in the cold war, say the socialists' critics.",
    "A socialist would call capitalism theft of labour.",
    "Under socialism the state owns capital; under capitalism it does not.",
    "Socialists and capitalism fans rarely agree on anything.",
    "Market socialism is an odd mix of capitalism and planning.",
]
FILLER = [
    "The weather was lovely in Lisbon this spring.",
    "My cat prefers the cardboard box to the bed.",
    "Rust compile times keep improving every release.",
    "Typewriters are making a comeback among writers.",
    "Coffee tastes better from a ceramic mug.",
    "Trains across Europe are slower than they should be.",
    "Gardening teaches patience more than anything else.",
    "Chess openings bore me; endgames are the real fun.",
]


def thread_of(texts: list[str]) -> Thread:
    comments = [
        Comment(str(n), f"user{n}", None, body=(Block("paragraph", (Span(text),)),))
        for n, text in enumerate(texts, start=1)
    ]
    return Thread("test", "0", "t", comments=comments)


def test_social_media_is_not_merged_with_socialism() -> None:
    index = WordIndex(thread_of(SOCIAL_MEDIA + SOCIALISM + FILLER * 3))
    suggestions = suggest_themes(index)
    assert suggestions
    for suggestion in suggestions:
        terms = " ".join(suggestion.terms)
        assert not ("socialis" in terms and "media" in terms), suggestion
        assert not ("socialis" in terms and "social " in terms + " "), suggestion
    assert any("socialism" in s.terms and "capitalism" in s.terms for s in suggestions)


def test_a_suggestion_shows_exactly_what_adopting_it_gives() -> None:
    threads = [
        load_sample_thread(),
        load_thread_file(FIXTURES / "algolia-item-26312516-485-comments.json"),
        thread_of(SOCIAL_MEDIA + SOCIALISM + FILLER * 3),
    ]
    for thread in threads:
        index = WordIndex(thread)
        for suggestion in suggest_themes(index):
            adopted = Theme.create(suggestion.name, list(suggestion.terms))
            assert len(theme_comments(index, adopted)) == suggestion.count, suggestion
            assert len(suggestion.terms) <= 4  # the panel shows every term it adopts
