"""Fuzzy search on the model: tolerance, query syntax, ranking."""

from __future__ import annotations

from hn_fixtures import FIXTURES

from fetchers.saved import load_sample_thread, load_thread_file
from threads.search_index import SearchIndex
from threads.search_query import parse_query

SAMPLE = SearchIndex(load_sample_thread())


def authors(query: str, index: SearchIndex = SAMPLE) -> list[str | None]:
    return [hit.comment.author for hit in index.search(query).top()]


def test_a_misspelt_name_is_found_both_ways() -> None:
    assert authors("LeCun") == ["phaedra_"]  # the text says "LeCunn"
    assert authors("lecunn") == ["phaedra_"]


def test_typos_and_inflections_are_tolerated() -> None:
    capitalism = authors("capitalsm")
    assert {"nullset", "cormorant", "mdorn", "tessellate"} <= set(capitalism)
    socialism = authors("socialist")
    assert {"tessellate", "phaedra_", "ko_bayashi", "nullset"} <= set(socialism)


def test_exact_words_rank_above_fuzzy_ones() -> None:
    hits = SAMPLE.search("socialist").top()
    kinds = [(hit.comment.author, "socialist" in hit.words) for hit in hits]
    exact_positions = [i for i, (_, exact) in enumerate(kinds) if exact]
    fuzzy_positions = [i for i, (_, exact) in enumerate(kinds) if not exact]
    assert exact_positions and fuzzy_positions
    assert max(exact_positions) < min(fuzzy_positions)
    assert all(hit.match == 100 for hit in hits[: len(exact_positions)])
    assert all(hit.match < 100 for hit in hits[len(exact_positions) :])


def test_every_word_must_match() -> None:
    assert authors("capitalism socialism") == ["nullset", "tessellate"]
    assert authors("capitalism handouts") == []


def test_quoted_phrases_match_exactly() -> None:
    assert authors('"huge grain of salt"') == ["tessellate"]
    assert authors('"grain of huge salt"') == []
    assert authors('"Open-Source Alliance"') == ["holloway"]


def test_at_author_restricts_to_an_author_fuzzily() -> None:
    assert authors("@quietfrog") == ["quietfrog"]
    assert authors("@quietfrg") == ["quietfrog"]
    assert authors("capitalism @nulset") == ["nullset"]


def test_deleted_comments_are_never_hits_but_folded_ones_are() -> None:
    thread = load_sample_thread()
    deleted = next(c for c, _ in thread.walk() if c.deleted)
    index = SearchIndex(thread)
    assert all(hit.comment is not deleted for hit in index.search("west coast").top())
    assert authors("west coast", index) == ["riverbend"]  # the deleted comment's reply


def test_ranking_is_deterministic_and_ties_follow_thread_order() -> None:
    first = [hit.order for hit in SAMPLE.search("capitalism").top()]
    assert first == sorted(first)  # all exact, one word: thread order
    assert first == [
        hit.order for hit in SearchIndex(load_sample_thread()).search("capitalism").top()
    ]


def test_query_syntax() -> None:
    query = parse_query('Open "Source Code"  @Someone data')
    assert query.words == ("open", "data")
    assert query.phrases == ("source code",)
    assert query.authors == ("someone",)
    assert parse_query("   ").is_empty


def test_real_thread_typos() -> None:
    index = SearchIndex(load_thread_file(FIXTURES / "algolia-item-26312516-485-comments.json"))
    exact = index.search("latency")
    typo = index.search("latncy")
    assert len(exact) >= 10
    assert set(exact.ranked) <= set(typo.ranked)
    assert index.search("javscript").top(1)[0].words & {"javascript"}
    in_order = exact.in_thread_order
    assert in_order == sorted(in_order)


def test_n_and_shift_n_step_through_hits_in_thread_order_and_wrap() -> None:
    result = SAMPLE.search("socialist")
    assert result.in_thread_order == [2, 4, 6, 8]
    assert result.step(-1, +1) == 2  # before the first comment: the first hit
    assert result.step(2, +1) == 4
    assert result.step(3, +1) == 4  # between hits: the next one
    assert result.step(3, -1) == 2
    assert result.step(8, +1) == 2  # wraps at the end
    assert result.step(2, -1) == 8  # and at the start
    assert result.hit_number(6) == (3, 4)
    assert result.hit_number(5) is None


def small_index(*bodies: tuple[str, str]) -> SearchIndex:
    from threads.html_text import html_to_body
    from threads.model import Comment, Thread

    comments = [
        Comment(str(i), author, None, body=html_to_body(text))
        for i, (author, text) in enumerate(bodies, start=1)
    ]
    return SearchIndex(Thread("test", "0", "t", comments=comments))


POLITICS = small_index(
    ("dang", "Please keep it civil."),
    ("ann", "Trump said so."),
    ("bob", "Social distancing worked."),
    ("cy", "Social justice is a slogan."),
    ("dee", "Socialism is not the same thing."),
    ("eve", "It was just rusty."),
)


def test_one_wrong_or_swapped_letter_in_a_short_word_still_finds_it() -> None:
    assert authors("trunp", POLITICS) == ["ann"]
    assert authors("trupm", POLITICS) == ["ann"]
    assert authors("@dnag", POLITICS) == ["dang"]
    assert authors("@dagn", POLITICS) == ["dang"]


def test_one_edit_keeps_the_first_letter_and_needs_four_letters() -> None:
    assert "eve" not in authors("must", POLITICS)  # "just" is one edit away, other first letter
    assert authors("tump", POLITICS) == ["ann"]  # a missing letter
    assert authors("tru", POLITICS) == ["ann"]  # a prefix, not an edit
    assert authors("tr", POLITICS) == []


def test_a_fuzzy_match_of_the_whole_word_ranks_above_a_different_shorter_word() -> None:
    assert authors("socialsm", POLITICS)[0] == "dee"


def test_hits_are_ranked_by_their_own_match_score() -> None:
    index = SearchIndex(load_thread_file(FIXTURES / "algolia-item-26312516-485-comments.json"))
    for query in ("fast browser", "electon", "slow app", "latncy", "render"):
        scores = [hit.match for hit in index.search(query).top()]
        assert scores == sorted(scores, reverse=True), query
