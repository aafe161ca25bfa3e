"""`--dump markdown`: escaping, code fences, quotes, themes, deep nesting."""

from __future__ import annotations

from fetchers.saved import load_sample_thread
from threads.blocks import Block, Span
from threads.dump_markdown import thread_to_markdown
from threads.model import Comment, Thread
from threads.themes import Theme, apply_themes
from threads.word_index import WordIndex


def test_html_and_formatting_in_comments_are_escaped_and_code_is_fenced() -> None:
    body = (
        Block("paragraph", (Span("<script>alert(1)</script> and *stars*"),)),
        Block("code", (Span("x = 1\n  y = [2]", code=True),)),
        Block("quote", (Span("quoted <b>"),)),
    )
    thread = Thread("hackernews", "1", "T <i>", comments=[Comment("2", "a_b", None, body=body)])
    markdown = thread_to_markdown(thread)
    assert "<script>" not in markdown and "\\<script\\>" in markdown
    assert "\\*stars\\*" in markdown and "**a\\_b**" in markdown
    assert "```\nx = 1\n  y = [2]\n```" in markdown
    assert "> quoted \\<b\\>" in markdown
    assert "# T \\<i\\>" in markdown


def test_hidden_comments_are_one_line_in_markdown() -> None:
    thread = load_sample_thread()
    view = apply_themes(WordIndex(thread), [Theme.create("politics", ["socialism"], "hide")])
    markdown = thread_to_markdown(thread, view)
    assert "*hidden · politics · +4*" in markdown
    assert "lanternfish" not in markdown and "holloway" in markdown
