"""Code blocks in comments are highlighted where the language can be told, plain otherwise."""

from __future__ import annotations

import html

from threads.blocks import Block, Span
from threads.code_highlight import MAX_HIGHLIGHT_CHARS, STYLE_KEYS, block_language
from threads.comment_lines import Line, body_lines
from threads.html_text import html_to_body
from threads.markdown_text import markdown_to_body
from threads.sanitize import clean_text

PYTHON = """import os

def greet(name):
    # say hello
    return "hello " + name * 2
"""

SHELL = """$ ls -la | grep "notes"
-rw-r--r--  1 me  me  42 notes.txt
$ echo 'done'
"""

PROSE = """    Creating an object graph scattered randomly on the heap
    is the slow part, as everyone who has tried it knows."""


def code_body(source: str, language: str | None = None) -> list[Line]:
    classes = f' class="language-{language}"' if language else ""
    return body_lines(html_to_body(f"<pre><code{classes}>{html.escape(source)}</code></pre>"), 80)


def keys_of(lines: list[Line], text: str) -> set[tuple[str, ...]]:
    return {key for line in lines for piece, key in line if piece.strip() == text}


def drawn_text(lines: list[Line]) -> list[str]:
    return ["".join(text for text, _ in line) for line in lines]


def test_a_python_snippet_gets_keyword_string_and_comment_styles() -> None:
    lines = code_body(PYTHON)
    assert keys_of(lines, "def") == {("code", "keyword")}
    assert keys_of(lines, "return") == {("code", "keyword")}
    assert keys_of(lines, '"hello "') == {("code", "string")}
    assert keys_of(lines, "# say hello") == {("code", "comment")}
    assert keys_of(lines, "greet") == {("code", "name.function")}
    assert drawn_text(lines) == ["│ " + line for line in PYTHON.rstrip("\n").split("\n")]


def test_a_shell_session_gets_prompt_and_string_styles_with_output_plain() -> None:
    lines = code_body(SHELL)
    assert ("code", "prompt") in {key for line in lines for _, key in line}
    assert keys_of(lines, '"notes"') == {("code", "string")}
    assert keys_of(lines, "'done'") == {("code", "string")}
    assert {key for _, key in lines[1][1:]} == {("code",)}  # the command's output
    assert drawn_text(lines) == ["│ " + line for line in SHELL.rstrip("\n").split("\n")]


def test_a_shell_script_with_a_shebang_gets_keywords() -> None:
    lines = code_body('#!/bin/sh\nfor f in *.txt; do\n  echo "$f"\ndone')
    assert keys_of(lines, "for") == {("code", "keyword")}
    assert keys_of(lines, "done") == {("code", "keyword")}


def test_prose_in_a_code_block_stays_plain() -> None:
    lines = code_body(PROSE)
    assert {key for line in lines for _, key in line} == {("code-mark",), ("code",)}


def test_a_markdown_fence_names_the_language() -> None:
    body = markdown_to_body("Try:\n\n```Rust\nfn main() { let x = 1; }\n```\n")
    assert body[1].language == "rust"
    lines = body_lines(body, 80)
    assert keys_of(lines, "fn") == {("code", "keyword")}
    assert keys_of(lines, "let") == {("code", "keyword")}


def test_hints_that_mean_no_language_or_no_known_one() -> None:
    assert block_language(Block("code", (Span("import os"),), language="text")) is None
    # an unknown hint falls back to the guess, `lang-auto` (Discourse) is no hint at all
    assert block_language(Block("code", (Span("import os"),), language="nosuch")) == "python"
    body = html_to_body('<pre><code class="lang-auto">x = 1</code></pre>')
    assert body[0].language is None


def test_a_hostile_language_hint_is_dropped() -> None:
    body = html_to_body('<pre><code class="language-py\x1b]0;x\x07thon">x = 1</code></pre>')
    assert body[0].language is None


def test_control_characters_cannot_come_through() -> None:
    hostile = 'import os\nprint("\x1b[2J\x1b]0;owned\x07")  # \x9b31m\r\n'
    body = html_to_body(f"<pre><code>{html.escape(hostile)}</code></pre>")
    lines = body_lines(body, 80)
    assert keys_of(lines, "import") == {("code", "keyword")}  # still highlighted
    text = "".join(drawn_text(lines))
    assert clean_text(text) == text
    assert not any(ord(c) < 32 or 0x7F <= ord(c) <= 0x9F for c in text)


def test_a_huge_block_stays_plain() -> None:
    source = "import os\n" + "def f(x):\n    return 'x' + x\n" * (MAX_HIGHLIGHT_CHARS // 20)
    lines = code_body(source, "python")
    assert len(source) > MAX_HIGHLIGHT_CHARS
    assert {key for line in lines for _, key in line} == {("code-mark",), ("code",)}
    assert len(lines) == source.rstrip("\n").count("\n") + 1


def test_long_highlighted_lines_are_clipped_to_the_width() -> None:
    body = html_to_body(
        '<pre><code class="language-python">x = "' + "a" * 100 + '"\ty = 1</code></pre>'
    )
    (line,) = body_lines(body, 30)
    assert "".join(text for text, _ in line) == "│ " + 'x = "' + "a" * 22 + "›"
    assert line[-1] == ("›", ("code",))


def test_every_key_is_one_the_ui_is_told_about() -> None:
    lines = code_body(PYTHON) + code_body(SHELL) + code_body("--- a\n+++ b\n-old\n+new", "diff")
    used = {key for line in lines for _, key in line} - {("code-mark",), ("code",)}
    assert used <= STYLE_KEYS
    assert {("code", "inserted"), ("code", "deleted")} <= used


def test_rows_counted_without_highlighting_are_the_rows_drawn() -> None:
    # The layout measures comments off screen without Pygments: its heights must be
    # the heights of what is drawn, or the rows below a code block would jump.
    sources = (
        "def f(x):\n    return x  # one\n\n\nprint(f(2))\n",
        "$ ls -la\ntotal 0\n$ echo 'hi'\nhi",
        "--- a\n+++ b\n@@ -1 +1 @@\n-old\n+new",
        "#!/bin/bash\nfor i in 1 2; do echo $i; done",
        "no language here at all\n\n  indented\n",
        "x" * 300,
    )
    body = tuple(Block("code", (Span(source),)) for source in sources)
    for width in (20, 80, 200):
        shown = body_lines(body, width)
        counted = body_lines(body, width, highlight=False)
        assert drawn_text(counted) == drawn_text(shown)
