"""`--dump markdown`: the thread for notes and wikis.

Replies nest as blockquotes (up to `MAX_NESTING` levels; deeper headers say their depth),
code is fenced, quotes stay quotes, and text that a Markdown renderer would take as HTML or
formatting is escaped, so a comment cannot inject markup into a rendered page.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from threads.blocks import Body
from threads.dump_text import author_label, comment_marks, site_line, when_text
from threads.model import Comment, Thread
from threads.numbers import counted

if TYPE_CHECKING:
    from threads.search_index import SearchHit
    from threads.themes import ThemeView


MAX_NESTING = 10


def md_escape(text: str) -> str:
    """Escape Markdown's formatting characters and raw HTML."""
    for char in "\\`*_[]<>#|":
        text = text.replace(char, "\\" + char)
    return text


def _body_lines(body: Body) -> list[str]:
    lines: list[str] = []
    for number, block in enumerate(body):
        if number:
            lines.append("")
        if block.preformatted:
            fence = "````" if "```" in block.text else "```"
            # a language hint is `[a-z0-9_+#.-]` only (threads/html_text.py): safe here
            lines += [fence + (block.language or ""), *block.text.split("\n"), fence]
        elif block.kind == "quote":
            lines += ["> " + md_escape(line) for line in block.text.split("\n")]
        else:
            lines += [md_escape(line) for line in block.text.split("\n")]
    return lines


def _comment(comment: Comment, thread: Thread, depth: int, extra: str = "") -> list[str]:
    prefix = "> " * min(depth, MAX_NESTING)
    deeper = f" · depth {depth}" if depth > MAX_NESTING else ""
    author = md_escape(author_label(comment, thread.author))
    marks = md_escape(comment_marks(comment))
    lines = [prefix.rstrip(), f"{prefix}**{author}**{marks} · {when_text(comment)}{deeper}{extra}"]
    if comment.warning:
        lines += [prefix.rstrip(), f"{prefix}*content warning: {md_escape(comment.warning)}*"]
    body = _body_lines(comment.body)
    if body:
        lines.append(prefix.rstrip())
        lines += [f"{prefix}{line}".rstrip() for line in body]
    return lines


def _header(thread: Thread) -> list[str]:
    title = md_escape(thread.title)
    url = thread.url or ""
    target = f"<{url}>" if any(c in url for c in " ()<>") else url  # <...> keeps odd URLs whole
    heading = f"[{title}]({target})" if url else title

    points = "" if thread.points is None else f"{counted(thread.points, 'point')} · "
    out = [
        f"# {heading}",
        "",
        f"{points}by {md_escape(thread.author or '?')} · {when_text(thread)}",
    ]
    site = site_line(thread)
    if site:
        out += ["", md_escape(site)]
    if thread.incomplete:
        out += ["", f"*Note: {md_escape(thread.incomplete)}*"]
    if thread.body:
        out += ["", *_body_lines(thread.body)]
    return out


def thread_to_markdown(thread: Thread, view: ThemeView | None = None) -> str:
    """The thread as Markdown; with themes, `#name` tags and one line for hidden comments."""
    out = _header(thread)
    tree = thread.tree
    order = 0
    while order < len(tree.order):
        comment, depth = tree.order[order], tree.depths[order]
        if comment.more is not None:
            prefix = "> " * min(depth, MAX_NESTING)
            out += [prefix.rstrip(), f"{prefix}*{md_escape(comment.more.label)}*"]
            order += 1
            continue
        hidden = view.hiding(order) if view is not None else None
        if hidden is not None:
            prefix = "> " * min(depth, MAX_NESTING)
            replies = tree.subtree_end[order] - order - 1
            out += [prefix.rstrip(), f"{prefix}*hidden · {md_escape(hidden)} · +{replies}*"]
            order = tree.subtree_end[order]
            continue
        tags = "".join(f" \\#{md_escape(t.name)}" for t in view.tags(order)) if view else ""
        out += _comment(comment, thread, depth, tags)
        order += 1
    return "\n".join(out) + "\n"


def hits_to_markdown(thread: Thread, query: str, hits: list[SearchHit]) -> str:
    """Search hits (rank order) as Markdown sections."""
    out = _header(thread)
    out += ["", f"## {len(hits)} hit{'s' * (len(hits) != 1)} for {md_escape(query)}"]
    for hit in hits:
        out += _comment(hit.comment, thread, 0, f" · match {hit.match}")
    return "\n".join(out) + "\n"
