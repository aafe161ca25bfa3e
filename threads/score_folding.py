"""Score-aware folding: which comments a score threshold collapses.

On sites with comment scores (Lobsters, Discourse likes, Lemmy, Mastodon favourites) a
reader may ask to collapse everything below a score. This computes the set once for a
threshold; the fold state (`FoldedView.restore(view.folded | ids)`) applies it, so the
reader's own folds and a later unfold work as usual. Comments without a score (every
Hacker News comment), placeholders and context posts are never collapsed by it.
"""

from __future__ import annotations

from dataclasses import dataclass

from threads.model import Thread


@dataclass(frozen=True, slots=True)
class ScoreFold:
    """The outcome of a threshold on one thread."""

    threshold: int
    ids: frozenset[str]
    """Comments scored below the threshold, in any position of the tree."""
    out_of_view: int
    """Replies that collapsing `ids` takes out of view (for the status bar)."""


def has_scores(thread: Thread) -> bool:
    """Whether any comment carries a score (the threshold does nothing otherwise)."""
    return any(comment.score is not None for comment in thread.tree.order)


def fold_below(thread: Thread, threshold: int) -> ScoreFold:
    """The comments below `threshold` and how many replies folding them hides.

    Iterative over the display order: a collapsed comment's subtree is the contiguous run
    after it, so nested collapsed comments are not counted twice.
    """
    tree = thread.tree
    ids: set[str] = set()
    out_of_view = 0
    covered_until = 0  # end of the outermost collapsed subtree seen so far
    for index, comment in enumerate(tree.order):
        if comment.score is None or comment.score >= threshold:
            continue
        if comment.deleted or comment.context:
            continue
        ids.add(comment.id)
        if index >= covered_until:
            out_of_view += tree.subtree_end[index] - index - 1
            covered_until = tree.subtree_end[index]
    return ScoreFold(threshold, frozenset(ids), out_of_view)
