"""`--dump text` and `--dump markdown`: the thread for pipes, pagers and notes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from threads.blocks import Block, Body
from threads.comment_lines import blank_line_between
from threads.model import Comment, Thread
from threads.numbers import counted
from threads.timefmt import iso_utc
from threads.wrap import wrap_text

if TYPE_CHECKING:
    from threads.search_index import SearchHit  # rapidfuzz stays off the start-up path
    from threads.themes import ThemeView

MIN_TEXT_WIDTH = 40

MIN_WIDTH = 20  # the narrowest `--width` the command line accepts
INDENT = 2


def _wrap(text: str, width: int) -> list[str]:
    """Wrap for a pipe: a link longer than the line stands alone on its line, never cut."""
    return wrap_text(text, width, keep_urls=True)


def when_text(comment_or_thread: Comment | Thread) -> str:
    stamp = iso_utc(comment_or_thread.created)
    return stamp.replace("T", " ").replace("Z", " UTC") if stamp else "unknown time"


def author_label(comment: Comment, op: str | None) -> str:
    if comment.deleted:
        return "[deleted]"
    name = comment.author or "?"
    return f"{name} (OP)" if op and name == op else name


def site_line(thread: Thread) -> str | None:
    """Where the thread is from and its tags (`Lobsters · tags: meta, rust`); `None` for
    a thread that has neither (Hacker News)."""
    parts = [thread.label] if thread.label else []
    if thread.tags:
        parts.append("tags: " + ", ".join(thread.tags))
    return " · ".join(parts) or None


def comment_marks(comment: Comment) -> str:
    """What a comment's header adds after the author: its score, where the site has
    one; `context` for a post shown only as context (Mastodon ancestors)."""
    score = "" if comment.score is None else f" · {counted(comment.score, 'point')}"
    return score + (" · context" if comment.context else "")


def _wrap_line(line: str, width: int) -> list[str]:
    """Wrap one line of plain text; its indentation (code in a comment) starts every part."""
    line = line.replace("\t", "    ")
    text = line.lstrip(" ")
    lead = line[: min(len(line) - len(text), width // 2)]
    return [lead + part for part in _wrap(text, width - len(lead))]


def _story_lines(thread: Thread, width: int) -> list[str]:
    lines = _wrap(thread.title, width)
    if thread.url:
        lines.extend(_wrap(thread.url, width))
    if thread.points is None:
        points = "points unknown"
    else:
        points = counted(thread.points, "point")
    meta = (
        f"{points} by {thread.author or '?'}, {when_text(thread)}, "
        f"{counted(thread.comment_count, 'comment')}"
    )
    lines.extend(_wrap(meta, width))
    site = site_line(thread)
    if site:
        lines.extend(_wrap(site, width))
    if thread.incomplete:
        lines.extend(_wrap(f"Note: {thread.incomplete}", width))
    if thread.plain_text:
        lines.append("")
        for paragraph in thread.plain_text.split("\n"):
            lines.extend(_wrap_line(paragraph, width))
    if thread.missing:
        lines.append(f"({counted(thread.missing, 'comment')} could not be loaded)")
    return lines


def _comment_block(
    comment: Comment, thread: Thread, indent: str, width: int, extra: str = ""
) -> list[str]:
    """A blank line, the header (`author · 12 points · time [dead]`), the content warning
    if there is one, the wrapped body."""
    flags = " [dead]" if comment.dead else ""
    out = [""]
    header = (
        f"{author_label(comment, thread.author)}{comment_marks(comment)}"
        f" · {when_text(comment)}{flags}{extra}"
    )
    out.extend(f"{indent}{line}" for line in _wrap(header, width - len(indent)))
    lead = indent + " " * INDENT
    if comment.warning:
        warning = f"content warning: {comment.warning}"
        out.extend(f"{lead}{line}" for line in _wrap(warning, width - len(lead)))
    out.extend(
        f"{lead}{line}".rstrip() for line in body_text_lines(comment.body, width - len(lead))
    )
    return out


def _item_text_lines(block: Block, width: int) -> list[str]:
    """A list item's marker, then its text with a hanging indent."""
    marker = block.spans[0].text if block.spans else ""
    hang = min(len(marker), width // 2)
    rest = "".join(span.text for span in block.spans[1:])
    parts = _wrap(rest, max(1, width - hang))
    return [(marker if n == 0 else " " * hang) + part for n, part in enumerate(parts)]


def body_text_lines(body: Body, width: int) -> list[str]:
    """A body as text lines: paragraphs wrapped, every line of a quote marked `> `, code
    lines wrapped only where longer than the width (keeping their indentation), a blank
    line between blocks."""
    lines: list[str] = []
    for number, block in enumerate(body):
        if number and blank_line_between(body[number - 1], block):
            lines.append("")
        if block.kind == "item":
            lines.extend(_item_text_lines(block, width))
        elif block.preformatted:
            for line in block.text.split("\n"):
                lines.extend(_wrap_line(line, width) if line.strip() else [""])
        elif block.kind == "quote":
            for paragraph in block.text.split("\n"):
                lines.extend("> " + part for part in _wrap(paragraph, max(1, width - 2)))
        else:
            for paragraph in block.text.split("\n"):
                lines.extend(_wrap_line(paragraph, width) if paragraph else [""])
    return lines


def thread_to_text(thread: Thread, width: int = 80, view: ThemeView | None = None) -> str:
    """The thread as indented plain text wrapped to `width` columns.

    With themes: headers carry `#name` tags; a hidden comment is one stub line
    (`hidden · politics · +4`) and its replies are left out.
    """
    width = max(width, MIN_WIDTH)
    out = _story_lines(thread, width)
    tree = thread.tree
    order = 0
    while order < len(tree.order):
        comment, depth = tree.order[order], tree.depths[order]
        # Indentation stops growing once the text column would drop below 40 cells.
        indent = " " * max(0, min(depth * INDENT, width - MIN_TEXT_WIDTH))
        if comment.more is not None:
            out += ["", f"{indent}{comment.more.label}"]
            order += 1
            continue
        hidden = view.hiding(order) if view is not None else None
        if hidden is not None:
            replies = tree.subtree_end[order] - order - 1
            out += ["", f"{indent}hidden · {hidden} · +{replies}"]
            order = tree.subtree_end[order]
            continue
        tags = "".join(f" #{t.name}" for t in view.tags(order)) if view is not None else ""
        out.extend(_comment_block(comment, thread, indent, width, tags))
        order += 1
    return "\n".join(out) + "\n"


def hits_to_text(thread: Thread, query: str, hits: list[SearchHit], width: int = 80) -> str:
    """Search hits in rank order, each with its depth and match score."""
    width = max(width, MIN_WIDTH)
    out = _story_lines(thread, width)
    out += ["", f"{counted(len(hits), 'hit')} for {query}"]
    for hit in hits:
        extra = f" · depth {thread.tree.depths[hit.order]} · match {hit.match}"
        out.extend(_comment_block(hit.comment, thread, "", width, extra))
    return "\n".join(out) + "\n"
