"""`--dump text` and `--dump markdown`: the thread for pipes, pagers and notes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from threads.model import Comment, Thread
from threads.timefmt import iso_utc
from threads.wrap import wrap_text

if TYPE_CHECKING:
    from threads.search_index import SearchHit  # rapidfuzz stays off the start-up path
    from threads.themes import ThemeView

MIN_TEXT_WIDTH = 40
MAX_MD_NESTING = 10

MIN_WIDTH = 20  # the narrowest `--width` the command line accepts
INDENT = 2


def _when(comment_or_thread: Comment | Thread) -> str:
    stamp = iso_utc(comment_or_thread.created)
    return stamp.replace("T", " ").replace("Z", " UTC") if stamp else "unknown time"


def _author(comment: Comment, op: str | None) -> str:
    if comment.deleted:
        return "[deleted]"
    name = comment.author or "?"
    return f"{name} (OP)" if op and name == op else name


def _wrap_line(line: str, width: int) -> list[str]:
    """Wrap one line of plain text; its indentation (code in a comment) starts every part."""
    line = line.replace("\t", "    ")
    text = line.lstrip(" ")
    lead = line[: min(len(line) - len(text), width // 2)]
    return [lead + part for part in wrap_text(text, width - len(lead))]


def _story_lines(thread: Thread, width: int) -> list[str]:
    lines = wrap_text(thread.title, width)
    if thread.url:
        lines.extend(wrap_text(thread.url, width))
    points = f"{thread.points} points" if thread.points is not None else "points unknown"
    meta = f"{points} by {thread.author or '?'}, {_when(thread)}, {thread.comment_count} comments"
    lines.extend(wrap_text(meta, width))
    if thread.plain_text:
        lines.append("")
        for paragraph in thread.plain_text.split("\n"):
            lines.extend(_wrap_line(paragraph, width))
    if thread.missing:
        lines.append(f"({thread.missing} comments could not be loaded)")
    return lines


def _comment_block(
    comment: Comment, thread: Thread, indent: str, width: int, extra: str = ""
) -> list[str]:
    """A blank line, the header (`author · time [dead]`), the wrapped body."""
    flags = " [dead]" if comment.dead else ""
    out = [""]
    header = f"{_author(comment, thread.author)} · {_when(comment)}{flags}{extra}"
    out.extend(f"{indent}{line}" for line in wrap_text(header, width - len(indent)))
    for paragraph in comment.plain_text.split("\n"):
        wrapped = _wrap_line(paragraph, width - len(indent) - INDENT)
        out.extend(f"{indent}{' ' * INDENT}{line}".rstrip() for line in wrapped)
    return out


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
    out += ["", f"{len(hits)} hit{'s' * (len(hits) != 1)} for {query}"]
    for hit in hits:
        extra = f" · depth {thread.tree.depths[hit.order]} · match {hit.match}"
        out.extend(_comment_block(hit.comment, thread, "", width, extra))
    return "\n".join(out) + "\n"


def thread_to_markdown(thread: Thread) -> str:
    """The thread as Markdown: a heading for the story, nested blockquotes for replies."""
    title = (
        f"[{_md_escape(thread.title)}]({thread.url})" if thread.url else _md_escape(thread.title)
    )
    out = [
        f"# {title}",
        "",
        f"{thread.points or 0} points by {thread.author or '?'} · {_when(thread)}",
    ]
    if thread.plain_text:
        out += ["", thread.plain_text]
    for comment, depth in thread.walk():
        # Quote nesting stops at MAX_MD_NESTING (readers render deeper levels badly, and
        # a 5,000-deep thread would repeat "> " 5,000 times a line); deeper ones say so.
        prefix = "> " * min(depth, MAX_MD_NESTING)
        deeper = f" · depth {depth}" if depth > MAX_MD_NESTING else ""
        out.append(prefix.rstrip())
        author = _md_escape(_author(comment, thread.author))
        out.append(f"{prefix}**{author}** · {_when(comment)}{deeper}")
        out.append(prefix.rstrip())
        for line in comment.plain_text.split("\n"):
            out.append(f"{prefix}{line}".rstrip())
    return "\n".join(out) + "\n"


def _md_escape(text: str) -> str:
    for char in "\\`*_[]<>#":
        text = text.replace(char, "\\" + char)
    return text
