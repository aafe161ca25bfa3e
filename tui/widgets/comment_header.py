"""The header line of a comment and the story block above the comments, as pieces."""

from __future__ import annotations

from datetime import datetime

from threads.comment_lines import Line, body_lines
from threads.dump_text import site_line
from threads.first_words import first_words
from threads.model import Comment, Thread
from threads.numbers import count_text, counted
from threads.stories import url_domain
from threads.timefmt import relative_age
from threads.wrap import text_width, wrap_pieces


def stub_header(theme: str, color: str, hidden: int) -> Line:
    """`hidden · politics · +4`: a comment a theme hides (enter shows it); a hidden leaf
    says nothing about replies (`hidden · politics`)."""
    line: Line = [("hidden · ", ("deleted",)), (theme, ("tag", f"fg={color}"))]
    if hidden:
        line.append((f" · +{hidden}", ("deleted",)))
    return line


def comment_header(
    comment: Comment,
    *,
    op: str | None,
    now: datetime,
    hidden: int,
    depth: int,
    shown_levels: int,
    tags: tuple[tuple[str, str], ...] = (),
    new: bool = False,
) -> Line:
    """`author OP · 3h · +12 ● new #theme`: who, when, replies a fold hides, new since the
    last visit, matching themes."""
    line: Line = []
    if comment.more is not None:  # replies the site held back: one dim line, no header
        return [(comment.more.label, ("more",))]
    if comment.deleted:
        line.append(("[deleted]", ("deleted",)))
    else:
        is_op = op is not None and comment.author == op
        line.append((comment.author or "?", ("op",) if is_op else ("author",)))
        if is_op:
            line += [(" ", ("meta",)), (" OP ", ("op-badge",))]
    line.append((f" · {relative_age(comment.created, now)}", ("meta",)))
    if comment.score is not None:
        line.append((f" · {counted(comment.score, 'point')}", ("meta",)))
    line += site_marks(comment)
    if comment.dead:
        line.append((" [dead]", ("dead",)))
    if depth > shown_levels:
        line.append((f" ⤷{depth}", ("depth-marker",)))  # deeper than the indentation shows
    if hidden:
        line.append((f" +{hidden}", ("fold",)))
    if new:  # a glyph and a word: still seen in 16 colours and under NO_COLOR
        line.append((" ● new", ("new",)))
    for name, color in tags:
        line.append((f" #{name}", ("tag", f"fg={color}")))
    if comment.warning is not None:
        line.append((f" ⚠ {comment.warning}", ("warning",)))
    return line


def collapsed_line(header: Line, comment: Comment, width: int) -> Line:
    """A collapsed comment on one line: its header, then the start of its text cut to
    `width` cells (`dang · 6y +12  All: before reading further…`)."""
    if comment.deleted or comment.dead:
        return header
    used = sum(text_width(text) for text, _ in header)
    words = first_words(comment.body, width - used - 2)
    return [*header, ("  " + words, ("snippet",))] if words else header


_DISTINGUISHED = {"moderator": "MOD", "admin": "ADMIN"}


def site_marks(comment: Comment) -> Line:
    """Sticky, MOD/ADMIN, edited and context marks: words, so they read without colour."""
    marks: Line = []
    if comment.stickied:
        marks.append((" · sticky", ("mark",)))
    if comment.distinguished:
        badge = _DISTINGUISHED.get(comment.distinguished, comment.distinguished.upper())
        marks += [(" ", ("meta",)), (f" {badge} ", ("mod-badge",))]
    if comment.edited is not None:
        marks.append((" · edited", ("meta",)))
    if comment.context:
        marks.append((" · context", ("context",)))
    return marks


def loaded_text(thread: Thread) -> str:
    """`12 comments`, `2,150 of 2,170 comments` while comments are still arriving or some
    were left out, or `492 of 3,982 loaded` while a site holds replies back."""
    if thread.tree.stub_count:
        total = thread.comment_count + thread.unloaded_count
        return f"{thread.comment_count:,} of {total:,} loaded"
    text = thread.count_text()  # `2,150 of 2,170` while arriving
    return f"{text} comment" if text == "1" else f"{text} comments"


def story_preamble(thread: Thread, *, now: datetime, width: int) -> list[Line]:
    """Title, a meta line, the story text (Ask HN) and a rule, wrapped to `width`."""
    lines: list[Line] = []
    lines.extend(wrap_pieces([(thread.title, ("title",))], width))
    meta: list[str] = []
    if thread.url:
        meta.append(url_domain(thread.url))
    if thread.points is not None:
        meta.append(counted(thread.points, "point"))
    meta.append(f"by {thread.author or '?'}")
    meta.append(relative_age(thread.created, now))
    meta.append(loaded_text(thread))
    if thread.missing:
        meta.append(f"{count_text(thread.missing)} could not be loaded")
    lines.extend(wrap_pieces([(" · ".join(meta), ("meta",))], width))
    if site := site_line(thread):
        lines.extend(wrap_pieces([(site, ("meta",))], width))
    if thread.incomplete:
        lines.extend(wrap_pieces([(f"Note: {thread.incomplete}", ("warning",))], width))
    if thread.body:
        lines.append([])
        lines.extend(body_lines(thread.body, width))
    lines.append([("─" * width, ("rule",))])
    lines.append([])
    return lines
