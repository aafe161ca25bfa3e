"""The first screenful of a big thread, to show while the whole of it is made ready.

A 2,000-comment thread costs the launch ~20 ms more than a small one between its
arrival and its first frame (sending it from the forked load, unpickling it, laying out
every row), while the first frame shows ten comments or so. A load can hand over this
part of the thread first and the whole thread right after it (`fetchers/load.py`).
"""

from __future__ import annotations

import copy
import dataclasses

from threads.model import Comment, Thread

FIRST_SCREEN_COMMENTS = 100
"""More comments than the tallest terminal shows at once (each takes two rows or more)."""


def first_screen(thread: Thread, comments: int = FIRST_SCREEN_COMMENTS) -> Thread | None:
    """The thread's first `comments` comments in display order, the tree cut after them;
    `None` for a thread less than twice as big (nothing to gain).

    Its rows are the first rows of the whole thread, so the whole thread replaces it
    without moving anything on screen; its count says how much is still to come
    (`100 of 2,000`). The comments are shallow copies (their replies cut), the thread's
    own are left as they are.
    """
    total = live = 0
    for comment, _ in thread.walk():  # (not `Thread.tree`: it would be sent along)
        total += 1
        live += not (comment.deleted or comment.dead)
    if total <= 2 * comments:
        return None
    roots: list[Comment] = []
    taken = 0
    # Display order is depth first: a stack of (comment, the list its copy goes into).
    stack = [(comment, roots) for comment in reversed(thread.comments)]
    while stack and taken < comments:
        original, siblings = stack.pop()
        shown = copy.copy(original)
        shown.children = []
        siblings.append(shown)
        taken += 1
        stack.extend((child, shown.children) for child in reversed(original.children))
    return dataclasses.replace(
        thread,
        comments=roots,
        expected_count=thread.expected_count or live,
        missing=0,  # said, with the note, when the whole thread is shown
        note=None,
    )
