"""Score-aware folding on a real Lobsters thread (and nothing on Hacker News)."""

from __future__ import annotations

from site_servers import load

from fetchers.lobsters import thread_from_story
from threads.folding import FoldedView
from threads.model import Comment, Thread
from threads.score_folding import fold_below, has_scores


def lobsters_thread() -> Thread:
    return thread_from_story(load("lobsters/story-tdfoqh-2025-format.json"))


def test_comments_below_the_threshold_fold_and_their_replies_leave_view() -> None:
    thread = lobsters_thread()
    fold = fold_below(thread, 6)
    # Scores: ncdsfc 17, m3wyu5 8 > pcvbcd 2, 9vyyu5 5 > owddle 7 > lqqn3a 2, 7b0jgw 4,
    # ei3nck 2, 4l8mzk 2 > qy0l9k 5.
    assert fold.ids == {"pcvbcd", "9vyyu5", "lqqn3a", "7b0jgw", "ei3nck", "4l8mzk", "qy0l9k"}
    assert fold.out_of_view == 3  # owddle and lqqn3a under 9vyyu5, qy0l9k under 4l8mzk
    view = FoldedView(thread)
    view.restore(view.folded | fold.ids)
    visible = [view.order[i].id for i in view.visible]
    assert visible == ["ncdsfc", "m3wyu5", "pcvbcd", "9vyyu5", "7b0jgw", "ei3nck", "4l8mzk"]


def test_a_threshold_below_every_score_folds_nothing() -> None:
    fold = fold_below(lobsters_thread(), 2)
    assert fold.ids == frozenset() and fold.out_of_view == 0


def test_unscored_placeholder_and_context_comments_are_never_folded() -> None:
    thread = Thread(
        source="hackernews",
        id="1",
        title="t",
        comments=[
            Comment("a", "x", None),
            Comment("b", None, None, deleted=True, score=-5),
            Comment("c", "y", None, score=-5, context=True),
        ],
    )
    assert not has_scores(
        Thread(source="hackernews", id="2", title="t", comments=[Comment("a", "x", None)])
    )
    assert has_scores(lobsters_thread())
    assert fold_below(thread, 100).ids == frozenset()
