"""A theme made from a search matches what the search matched, not any of its words."""

from __future__ import annotations

from hn_fixtures import FIXTURES

from fetchers.saved import load_thread_file
from threads.search_index import SearchIndex
from threads.theme_from_search import theme_name_from_query, theme_terms_from_query
from threads.themes import Theme, parse_term, theme_comments
from threads.word_index import WordIndex

THREAD = load_thread_file(FIXTURES / "algolia-item-26312516-485-comments.json")
WORDS = WordIndex(THREAD)
SEARCH = SearchIndex(THREAD, WORDS)


def theme_for(query: str) -> set[int]:
    theme = Theme.create(theme_name_from_query(query), theme_terms_from_query(query))
    return theme_comments(WORDS, theme)


def test_a_multi_word_search_becomes_one_term_needing_every_word() -> None:
    assert theme_terms_from_query("electoral college") == ["electoral & college"]
    assert theme_name_from_query("electoral college") == "electoral-college"
    assert theme_terms_from_query('"open source" @bob') == ['"open source" & author:bob']
    assert theme_terms_from_query("trump") == ["trump"]
    assert theme_terms_from_query("   ") == []


def test_the_theme_keeps_the_searchs_meaning_on_a_real_thread() -> None:
    for query in ("native apps", "electron slow", "speed feature"):
        hits = set(SEARCH.search(query).ranked)
        themed = theme_for(query)
        either = theme_comments(WORDS, Theme.create("any", query.split()))
        assert themed, query
        assert themed <= hits, query  # every comment the theme takes, the search found
        assert len(themed) < len(either), query  # not "any of the words"
        assert len(themed) * 2 >= len(hits), query  # the search also takes prefixes


def test_an_all_term_splits_only_outside_quotes() -> None:
    term = parse_term('"rock & roll" & music')
    assert term.kind == "all"
    assert [(part.kind, part.value) for part in term.parts] == [
        ("phrase", "rock roll"),
        ("word", "music"),
    ]
    assert parse_term("/a & b/").kind == "regex"
