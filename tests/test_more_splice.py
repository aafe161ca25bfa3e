"""Splicing loaded replies into a thread in place of its stubs (pure, no network)."""

from __future__ import annotations

from threads.model import Comment, MoreStub, Thread, stub_id
from threads.more_splice import LoadedReply, splice_replies


def c(comment_id: str, *children: Comment) -> Comment:
    return Comment(comment_id, "author", None, children=list(children))


def stub(parent: str, *ids: str, count: int | None = None, cont: bool = False) -> Comment:
    more = MoreStub(count if count is not None else len(ids), ids, cont)
    return Comment(stub_id(parent), None, None, more=more)


def reply(comment_id: str, parent: str | None) -> LoadedReply:
    return LoadedReply(Comment(comment_id, "author", None), parent)


def shape(thread: Thread) -> list[str]:
    return [
        "  " * depth + (f"[{','.join(x.more.ids) or 'continue'}]" if x.more else x.id)
        for x, depth in thread.walk()
    ]


def make() -> Thread:
    thread = Thread("reddit", "t", "title")
    thread.comments = [c("a", c("a1"), stub("a", "a2", "a3", "a4")), c("b"), stub("t", "c", "d")]
    return thread


def test_a_flat_answer_is_re_nested_by_parent_where_the_stub_stood() -> None:
    thread = make()
    answer = [reply("a2", "a"), reply("x", "a2"), reply("y", "x"), reply("a3", "a")]
    report = splice_replies(thread, answer, {stub_id("a"): ("a2", "a3")})
    assert shape(thread) == [
        "a",
        "  a1",
        "  a2",
        "    x",
        "      y",
        "  a3",
        "  [a4]",
        "b",
        "[c,d]",
    ]
    assert (report.added, report.ignored, report.orphans) == (4, 0, 0)
    assert thread.comment_count == 7 and thread.depth("y") == 3
    assert thread.get(stub_id("a")).more.count == 1  # type: ignore[union-attr]


def test_a_nested_more_in_the_answer_becomes_a_stub_under_its_parent() -> None:
    thread = make()
    more = LoadedReply(stub("c", "c9", count=40), "c")
    report = splice_replies(thread, [reply("c", None), more], {stub_id("t"): ("c",)})
    assert shape(thread) == ["a", "  a1", "  [a2,a3,a4]", "b", "c", "  [c9]", "[d]"]
    assert thread.get(stub_id("c")).more.count == 40  # type: ignore[union-attr]
    assert report.added == 1


def test_ids_already_present_are_ignored() -> None:
    thread = make()
    answer = [reply("a1", "a"), reply("b", None), reply("a2", "a"), reply("a2", "a")]
    report = splice_replies(thread, answer, {stub_id("a"): ("a2",)})
    assert (report.added, report.ignored) == (1, 3)
    assert shape(thread) == ["a", "  a1", "  a2", "  [a3,a4]", "b", "[c,d]"]


def test_a_continue_thread_stub_is_replaced_by_the_sub_thread() -> None:
    thread = Thread("reddit", "t", "title")
    thread.comments = [c("a", c("deep", stub("deep", cont=True)))]
    answer = [reply("deep", "a"), reply("d1", "deep"), reply("d2", "d1")]
    report = splice_replies(thread, answer, {stub_id("deep"): ()})
    assert shape(thread) == ["a", "  deep", "    d1", "      d2"]
    assert (report.added, report.ignored) == (2, 1)


def test_a_reply_with_an_unknown_parent_stands_where_the_stub_was() -> None:
    thread = make()
    report = splice_replies(thread, [reply("lost", "nowhere")], {stub_id("a"): ("a2",)})
    assert report.orphans == 1
    assert thread.parent("lost") is thread.get("a")


def test_a_merged_stub_keeps_one_stub_per_parent() -> None:
    thread = make()
    again = LoadedReply(stub("t", "d", "e", count=5), None)
    splice_replies(thread, [reply("c", None), again], {stub_id("t"): ("c",)})
    assert shape(thread)[-2:] == ["c", "[d,e]"]
    assert thread.tree.stub_count == 2 and thread.unloaded_count == 3 + 6
