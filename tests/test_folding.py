"""Folding and visible comments, on the model only (no screen)."""

from __future__ import annotations

from bench.synthetic import generate_thread
from fetchers.saved import load_sample_thread
from threads.folding import FoldedView
from threads.model import Comment, Thread
from threads.visible_moves import VisibleMoves


def authors(view: FoldedView) -> list[str | None]:
    return [view.comment_at(i).author for i in range(len(view))]


def reference_visible(thread: Thread, folded: set[str]) -> list[str]:
    """Visible ids by a plain walk that skips folded subtrees (the obvious definition)."""
    out: list[str] = []
    stack: list[Comment] = list(reversed(thread.comments))
    while stack:
        comment = stack.pop()
        out.append(comment.id)
        if comment.id not in folded:
            stack.extend(reversed(comment.children))
    return out


def visible_ids(view: FoldedView) -> list[str]:
    return [view.comment_at(i).id for i in range(len(view))]


def test_folding_hides_the_replies_and_counts_them() -> None:
    thread = load_sample_thread()
    view = FoldedView(thread)
    tessellate = view.position_of(thread.comments[1].id)
    assert tessellate is not None
    splice = view.set_folded(thread.comments[1].id, True)
    assert splice is not None and splice.removed == 4
    assert view.hidden_count(thread.comments[1].id) == 4
    assert "lanternfish" not in authors(view)
    view.set_folded(thread.comments[1].id, False)
    assert "lanternfish" in authors(view)
    assert view.hidden_count(thread.comments[1].id) == 0


def test_collapsing_a_leaf_keeps_every_comment_visible() -> None:
    thread = load_sample_thread()
    view = FoldedView(thread)
    leaf = thread.comments[-1]  # grebe has no replies
    splice = view.set_folded(leaf.id, True)
    assert splice is not None and splice.removed == 0  # its text goes to one line
    assert view.is_folded(leaf.id) and view.hidden_count(leaf.id) == 0
    assert len(view) == thread.comment_count


def test_unfolding_keeps_inner_folds() -> None:
    thread = generate_thread(400, seed=3)
    view = FoldedView(thread)
    parent = next(c for c in thread.comments if any(child.children for child in c.children))
    child = next(c for c in parent.children if c.children)
    view.set_folded(child.id, True)
    view.set_folded(parent.id, True)
    view.set_folded(parent.id, False)
    assert visible_ids(view) == reference_visible(thread, {child.id})


def test_random_fold_sequences_match_a_plain_walk() -> None:
    import random

    thread = generate_thread(1500, seed=11)
    view = FoldedView(thread)
    rng = random.Random(5)
    for _ in range(300):
        position = rng.randrange(len(view))
        comment = view.comment_at(position)
        view.set_folded(comment.id, not view.is_folded(comment.id))
        assert visible_ids(view) == reference_visible(thread, view.folded)


def test_fold_all_shows_top_level_and_unfold_all_everything() -> None:
    thread = generate_thread(500, seed=2)
    view = FoldedView(thread)
    view.fold_all()
    assert visible_ids(view) == [c.id for c in thread.comments]
    view.unfold_all()
    assert len(view) == thread.comment_count


def test_depth_levels_fold_and_unfold_one_at_a_time() -> None:
    thread = generate_thread(500, seed=4, max_depth=6)
    view = FoldedView(thread)
    deepest = max(view.depth_at(i) for i in range(len(view)))
    view.fold_one_level()
    assert max(view.depth_at(i) for i in range(len(view))) == deepest - 1
    view.fold_one_level()
    assert max(view.depth_at(i) for i in range(len(view))) == deepest - 2
    view.unfold_one_level()
    assert max(view.depth_at(i) for i in range(len(view))) == deepest - 1
    assert visible_ids(view) == reference_visible(thread, view.folded)


def test_reveal_opens_every_folded_ancestor() -> None:
    thread = load_sample_thread()
    view = FoldedView(thread)
    view.fold_all()
    riverbend = next(c for c, _ in thread.walk() if c.author == "riverbend")
    assert view.position_of(riverbend.id) is None
    assert view.reveal(riverbend.id)
    assert view.position_of(riverbend.id) is not None


def test_sibling_parent_and_top_level_moves() -> None:
    thread = load_sample_thread()
    view = FoldedView(thread)
    moves = VisibleMoves(view)
    by_author = {view.comment_at(i).author: i for i in range(len(view))}
    lanternfish, ko = by_author["lanternfish"], by_author["ko_bayashi"]
    assert moves.next_sibling(lanternfish) == ko
    assert moves.previous_sibling(ko) == lanternfish
    assert moves.next_sibling(ko) == ko  # the last reply
    assert moves.parent(by_author["verdigris"]) == ko
    assert moves.next_top_level(by_author["verdigris"]) == by_author["holloway"]
    assert moves.previous_top_level(by_author["verdigris"]) == by_author["tessellate"]


def test_a_5000_deep_chain_folds_without_recursion() -> None:
    thread = Thread(source="test", id="0", title="deep")
    parent_list = thread.comments
    for number in range(5000):
        comment = Comment(id=str(number + 1), author="a", created=None)
        parent_list.append(comment)
        parent_list = comment.children
    view = FoldedView(thread)
    assert len(view) == 5000
    view.set_folded("2500", True)
    assert len(view) == 2500
    view.fold_one_level()
    view.unfold_all()
    assert len(view) == 5000


def depths_shown(view: FoldedView, thread: Thread) -> int:
    """The depth up to which the view shows the whole thread, checked to be exact."""
    deepest = max(view.depth_at(i) for i in range(len(view)))
    order, depths = thread.tree.order, thread.tree.depths
    assert visible_ids(view) == [c.id for c, d in zip(order, depths, strict=True) if d <= deepest]
    return deepest


def test_plus_after_fold_all_opens_exactly_one_level() -> None:
    thread = generate_thread(800, seed=5, max_depth=8)
    view = FoldedView(thread)
    view.fold_all()
    assert depths_shown(view, thread) == 0
    view.unfold_one_level()
    assert depths_shown(view, thread) == 1
    view.unfold_one_level()
    assert depths_shown(view, thread) == 2
    view.fold_one_level()
    assert depths_shown(view, thread) == 1
    view.fold_one_level()
    assert depths_shown(view, thread) == 0
    view.unfold_one_level()
    assert depths_shown(view, thread) == 1


def test_minus_and_plus_always_move_one_level_from_the_current_state() -> None:
    thread = generate_thread(800, seed=6, max_depth=7)
    view = FoldedView(thread)
    deepest = depths_shown(view, thread)
    for _ in range(3):
        view.fold_one_level()
    assert depths_shown(view, thread) == deepest - 3
    for step in range(1, 4):
        view.unfold_one_level()
        assert depths_shown(view, thread) == deepest - 3 + step
    view.fold_all()
    for level in range(1, deepest + 1):
        view.unfold_one_level()
        assert depths_shown(view, thread) == level
    assert not view.unfold_one_level()  # everything is open: nothing to do
