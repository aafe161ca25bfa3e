"""Changes applied to a thread after it is on screen: a new thread, same ids, old one intact."""

from __future__ import annotations

from threads.blocks import Block, Span
from threads.model import Comment, Thread
from threads.tree_changes import AddNote, CountMissing, Insert, Refill, Reorder, apply_changes


def comment(cid: str, *children: Comment, author: str | None = "a") -> Comment:
    body = (Block("paragraph", (Span(f"text of {cid}"),)),) if author else ()
    return Comment(cid, author, None, body=body, deleted=author is None, children=list(children))


def sample() -> Thread:
    thread = Thread("hackernews", "1", "t")
    thread.comments = [
        comment("a", comment("a1"), comment("a2"), comment("a3", comment("a3x"))),
        comment("b", comment("b1", author=None)),
        comment("c"),
    ]
    return thread


def shape(thread: Thread) -> list[tuple[str, int]]:
    return [(c.id, depth) for c, depth in thread.walk()]


def test_reorder_at_any_level_keeps_subtrees_and_leaves_the_old_thread_alone() -> None:
    old = sample()
    before = shape(old)
    assert old.tree.order[0].id == "a"  # the old thread's index is cached and in use
    new = apply_changes(old, [Reorder(None, ("c", "a", "b")), Reorder("a", ("a3", "a1", "a2"))])
    assert shape(new) == [
        ("c", 0), ("a", 0), ("a3", 1), ("a3x", 2), ("a1", 1), ("a2", 1), ("b", 0), ("b1", 1),
    ]  # fmt: skip
    assert shape(old) == before and [c.id for c in old.tree.order][:2] == ["a", "a1"]
    assert new.depth("a3x") == 2 and new.parent("a3x").id == "a3"  # type: ignore[union-attr]


def test_reorder_keeps_unlisted_replies_after_and_ignores_unknown_ids() -> None:
    new = apply_changes(sample(), [Reorder("a", ("zz", "a2"))])
    assert [c.id for c in new.get("a").children] == ["a2", "a1", "a3"]  # type: ignore[union-attr]
    unchanged = apply_changes(sample(), [Reorder("nope", ("x",))])
    assert shape(unchanged) == shape(sample())


def test_insert_adds_a_subtree_once_and_a_reorder_places_it() -> None:
    late = comment("new", comment("new1"))
    changes = [Insert("b", late), Reorder("b", ("new", "b1")), Insert("b", late)]
    new = apply_changes(sample(), changes)
    assert [c.id for c in new.get("b").children] == ["new", "b1"]  # type: ignore[union-attr]
    assert new.parent("new1").id == "new"  # type: ignore[union-attr]
    assert new.comment_count == sample().comment_count + 2
    top = apply_changes(sample(), [Insert(None, comment("d"))])
    assert [c.id for c in top.comments] == ["a", "b", "c", "d"]


def test_refill_gives_a_placeholder_its_text_and_keeps_its_replies() -> None:
    old = sample()
    old_text = old.get("b1").plain_text  # type: ignore[union-attr]
    assert old_text == ""
    dead = Comment(
        "b1", "someone", None, body=(Block("paragraph", (Span("I was dead"),)),), dead=True
    )
    new = apply_changes(old, [Refill(dead)])
    revived = new.get("b1")
    assert revived is not None and revived.author == "someone" and revived.dead
    assert not revived.deleted and revived.plain_text == "I was dead"
    assert old.get("b1").plain_text == "" and old.get("b1").deleted  # type: ignore[union-attr]


def test_counts_and_notes() -> None:
    new = apply_changes(sample(), [CountMissing(2), AddNote("HN's order could not be loaded.")])
    assert new.missing == 2 and new.note == "HN's order could not be loaded."


def test_count_text_says_how_many_are_still_to_come() -> None:
    thread = sample()  # 8 comments, one a deleted placeholder
    assert thread.count_text() == "8"
    thread.expected_count = 9
    assert thread.live_count == 7 and thread.count_text() == "7 of 9"
    thread.expected_count = 7
    assert thread.count_text() == "7"
    thread.expected_count = 2_170
    assert thread.count_text() == "7 of 2,170"
