"""The header line of a comment and the story block above the comments, as pieces."""

from __future__ import annotations

from datetime import datetime

from threads.comment_lines import Line, body_lines
from threads.model import Comment, Thread
from threads.stories import url_domain
from threads.timefmt import relative_age
from threads.wrap import wrap_pieces


def stub_header(theme: str, color: str, hidden: int) -> Line:
    """`hidden · politics · +4`: a comment a theme hides (enter shows it)."""
    return [
        ("hidden · ", ("deleted",)),
        (theme, ("tag", f"fg={color}")),
        (f" · +{hidden}", ("deleted",)),
    ]


def comment_header(
    comment: Comment,
    *,
    op: str | None,
    now: datetime,
    hidden: int,
    depth: int,
    shown_levels: int,
    tags: tuple[tuple[str, str], ...] = (),
) -> Line:
    """`author OP · 3h · +12 #theme`: who, when, replies a fold hides, matching themes."""
    line: Line = []
    if comment.deleted:
        line.append(("[deleted]", ("deleted",)))
    else:
        is_op = op is not None and comment.author == op
        line.append((comment.author or "?", ("op",) if is_op else ("author",)))
        if is_op:
            line += [(" ", ("meta",)), (" OP ", ("op-badge",))]
    line.append((f" · {relative_age(comment.created, now)}", ("meta",)))
    if comment.score is not None:
        line.append((f" · {comment.score} points", ("meta",)))
    if comment.dead:
        line.append((" [dead]", ("dead",)))
    if depth > shown_levels:
        line.append((f" ⤷{depth}", ("depth-marker",)))  # deeper than the indentation shows
    if hidden:
        line.append((f" +{hidden}", ("fold",)))
    for name, color in tags:
        line.append((f" #{name}", ("tag", f"fg={color}")))
    return line


def story_preamble(thread: Thread, *, now: datetime, width: int) -> list[Line]:
    """Title, a meta line, the story text (Ask HN) and a rule, wrapped to `width`."""
    lines: list[Line] = []
    lines.extend(wrap_pieces([(thread.title, ("title",))], width))
    meta: list[str] = []
    if thread.url:
        meta.append(url_domain(thread.url))
    if thread.points is not None:
        meta.append(f"{thread.points} points")
    meta.append(f"by {thread.author or '?'}")
    meta.append(relative_age(thread.created, now))
    meta.append(f"{thread.count_text()} comments")  # `2,150 of 2,170` while arriving
    if thread.missing:
        meta.append(f"{thread.missing} could not be loaded")
    lines.append([(" · ".join(meta), ("meta",))])
    if thread.body:
        lines.append([])
        lines.extend(body_lines(thread.body, width))
    lines.append([("─" * width, ("rule",))])
    lines.append([])
    return lines
