"""Footnotes, links, quote sources and the jump stack, on the model only."""

from __future__ import annotations

from hn_fixtures import load_fixture

from fetchers.hn_items import thread_from_algolia
from fetchers.saved import load_sample_thread
from threads.blocks import Block, Span
from threads.footnotes import comment_footnotes
from threads.jumps import JumpStack, Place
from threads.links import comment_links, in_thread_target, is_openable, permalink
from threads.model import Comment
from threads.quotes import find_quote_source, quotes_of


def paragraph(text: str) -> Block:
    return Block("paragraph", (Span(text),))


def test_sample_footnotes_resolve_and_the_unreferenced_one_is_listed() -> None:
    thread = load_sample_thread()
    notes = comment_footnotes(thread.comments[0])
    assert notes.references == ["1", "2"]
    assert notes.definitions["1"].text.startswith("Good luck figuring out")
    assert notes.definitions["2"].text.startswith("In the Valentian sense")
    assert notes.unreferenced == ["0"]
    assert {n.comment_id for n in notes.definitions.values()} == {thread.comments[0].id}
    blocks = [notes.definitions[label].block for label in ("0", "1", "2")]
    assert blocks == [1, 2, 3]


def test_definitions_in_the_authors_reply_directly_below_are_found() -> None:
    reply = Comment("2", "ann", None, body=(paragraph("[1] https://example.com/source"),))
    other = Comment("3", "bob", None, body=(paragraph("[2] not ann's"),))
    comment = Comment(
        "1", "ann", None, body=(paragraph("As shown[1] and argued[2]."),), children=[other, reply]
    )
    notes = comment_footnotes(comment)
    assert notes.definitions["1"].comment_id == "2"
    assert "2" not in notes.definitions  # someone else's reply does not define ann's notes


def test_real_bodies_with_colon_definitions() -> None:
    thread = thread_from_algolia(load_fixture("algolia-item-49953495-trimmed.json"))
    comment = thread.get("49953976")
    assert comment is not None
    notes = comment_footnotes(comment)
    assert notes.definitions["1"].text == "https://arxiv.org/abs/2608.08188"
    assert "1" in notes.references


def test_links_are_numbered_in_reading_order_and_checked_before_opening() -> None:
    body = (
        Block(
            "paragraph",
            (
                Span("see "),
                Span("a", href="https://a.example/"),
                Span(" and "),
                Span("b", href="javascript:alert(1)"),
            ),
        ),
        paragraph("[1] https://c.example/x"),
    )
    from threads.linkify import linkify_spans

    body = (body[0], Block("paragraph", tuple(linkify_spans(list(body[1].spans)))))
    links = comment_links(Comment("1", "a", None, body=body))
    assert [(link.number, link.url) for link in links] == [
        (1, "https://a.example/"),
        (2, "javascript:alert(1)"),
        (3, "https://c.example/x"),
    ]
    assert is_openable(links[0].url) and not is_openable(links[1].url)


def test_links_into_the_same_thread_are_recognised() -> None:
    thread = load_sample_thread()
    target = thread.comments[2].id
    assert in_thread_target(thread, f"https://news.ycombinator.com/item?id={target}") == target
    assert (
        in_thread_target(thread, f"https://news.ycombinator.com/item?id={thread.id}") == thread.id
    )
    assert in_thread_target(thread, "https://news.ycombinator.com/item?id=1") is None
    assert in_thread_target(thread, f"https://example.com/item?id={target}") is None
    assert permalink(thread, thread.comments[0]).endswith(f"item?id={thread.comments[0].id}")


def test_a_quote_of_an_ancestor_finds_it_despite_small_edits() -> None:
    thread = load_sample_thread()
    reply = next(c for c, _ in thread.walk() if c.author == "essayreader")
    quote = quotes_of(reply)[0]
    assert "incentivise" in quote  # the ancestor wrote "incentivize"
    source = find_quote_source(thread, reply, quote)
    assert source is not None
    assert thread.get(source.comment_id or "") is not None
    assert thread.get(source.comment_id or "").author == "nullset"  # type: ignore[union-attr]


def test_a_quote_of_the_article_has_no_source_in_the_thread() -> None:
    thread = load_sample_thread()
    holloway = next(c for c, _ in thread.walk() if c.author == "holloway")
    quote = quotes_of(holloway)[0]
    assert quote.startswith("an unusual open-source alliance")
    assert find_quote_source(thread, holloway, quote) is None


def test_jump_stack_is_last_in_first_out_and_bounded() -> None:
    stack = JumpStack(limit=3)
    for number in range(5):
        stack.push(Place(str(number), number))
    stack.push(Place("4", 4))  # the same place twice needs one way back
    assert len(stack) == 3
    assert [stack.pop(), stack.pop(), stack.pop(), stack.pop()] == [
        Place("4", 4),
        Place("3", 3),
        Place("2", 2),
        None,
    ]


def test_definitions_folded_onto_one_line_are_split() -> None:
    from hn_fixtures import FIXTURES

    from fetchers.saved import load_thread_file

    thread = load_thread_file(FIXTURES / "algolia-item-26312516-485-comments.json")
    comment = next(c for c, _ in thread.walk() if c.author == "adrianmonk")
    notes = comment_footnotes(comment)
    assert notes.definitions["1"].text.endswith("Wireless_Application_Protocol")
    assert notes.definitions["2"].text.endswith("Wireless_Markup_Language")
    assert notes.references == ["1", "2"] and notes.unreferenced == []


def one_comment(*paragraphs: str) -> Comment:
    return Comment("1", "ann", None, body=tuple(paragraph(text) for text in paragraphs))


def test_a_label_glued_to_its_url_is_a_definition() -> None:
    notes = comment_footnotes(
        one_comment(
            "As measured[1] and shown[2].", "[1]https://a.example/x", "[2]:https://b.example"
        )
    )
    assert notes.definitions["1"].text == "https://a.example/x"
    assert notes.definitions["2"].text == "https://b.example"
    assert notes.references == ["1", "2"]


def test_a_numbered_list_of_urls_defines_the_references() -> None:
    notes = comment_footnotes(
        one_comment("Older work[0] and newer[1].", "0. https://a.example", "1) https://b.example")
    )
    assert {label: note.text for label, note in notes.definitions.items()} == {
        "0": "https://a.example",
        "1": "https://b.example",
    }


def test_numbered_definitions_folded_onto_one_line_are_split() -> None:
    notes = comment_footnotes(
        one_comment("See[1] and[2].", "1. https://a.example 2. https://b.example")
    )
    assert notes.definitions["2"].text == "https://b.example"


def test_an_ordinary_numbered_list_is_not_a_footnote() -> None:
    notes = comment_footnotes(
        one_comment("Steps:", "1. Open Settings", "2. https://example.com is the next step")
    )
    assert notes.definitions == {}  # no [2] in the text: a list item, not a footnote


def test_every_definition_style_in_the_real_fixture_is_read() -> None:
    from hn_fixtures import FIXTURES

    from fetchers.saved import load_thread_file
    from threads.footnotes import footnote_map

    thread = load_thread_file(FIXTURES / "algolia-item-26312516-485-comments.json")

    def footnotes(comment_id: str) -> dict[str, str]:
        comment = thread.get(comment_id)
        assert comment is not None
        return footnote_map(comment)

    assert footnotes("26317787") == {  # `0: https://…`
        "0": "https://www.enchant.com",
        "1": "https://www.enchant.com/speed-is-a-feature",
    }
    assert footnotes("26316766") == {"0": "https://coherent-labs.com/"}  # lone [0], URL below
    assert footnotes("26316382") == {"1": "https://puzzlepanda.com"}  # `[1]: https://…`
    assert footnotes("26313883") == {}  # `1. Open Settings…`: a how-to list
    assert footnotes("26318701") == {}  # `1) Would need…`: a list of points
