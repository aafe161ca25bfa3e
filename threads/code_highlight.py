"""Syntax highlighting of code blocks: a language where one can be told, else plain text.

The language comes from the block's own hint (`<code class="language-x">`, a Markdown
fence) or, failing that, from a confident guess. Pygments' `guess_lexer` is not used as
is: on first use it imports every one of its ~600 lexers (measured: 130 ms), and on the
short snippets people post its best guess is mostly an obscure language at a score of
0.01-0.2 (a Python function came out as "Tera Term macro", JavaScript as GDScript).
Instead the same scores (each lexer's `analyse_text`) are asked of the few languages
people post, and only a confident score counts; a shell session (`$ command`) is told
by its prompt. When unsure the block stays plain.

Pygments' token types are mapped to a small set of style keys, `("code", KIND)`, which
the UI colours; the text of the pieces is exactly the block's text, so whatever the
sanitiser let through is all that can come out.
"""

from __future__ import annotations

import re
from functools import lru_cache

from pygments.lexer import Lexer
from pygments.lexers import find_lexer_class_by_name, get_lexer_by_name
from pygments.token import (
    Comment,
    Generic,
    Keyword,
    Name,
    Number,
    String,
    _TokenType,
    is_token_subtype,
)
from pygments.util import ClassNotFound

from threads.blocks import Block

StyleKey = tuple[str, ...]
Piece = tuple[str, StyleKey]
CodeLine = tuple[Piece, ...]

MAX_HIGHLIGHT_CHARS = 8_000
"""Blocks longer than this stay plain: lexing costs about 2 µs a character (measured
with `bench/bench_code.py`), so a block at the cap costs ~15 ms once (a cursor key's
budget), and a 1 MB paste costs nothing more than plain text."""

CONFIDENT = 0.5
"""The lowest `analyse_text` score taken as a guess. Pygments scores 1.0 for a shebang
or `import` in Python; junk guesses score 0.01-0.2."""

GUESS_CANDIDATES = ("python", "bash", "perl", "ruby", "php", "diff", "html", "xml")
"""Languages whose Pygments scores are worth asking (the others score 0 on snippets or
are rarely posted); asked in this order, the first best score wins."""

PLAIN_HINTS = frozenset({"text", "plain", "plaintext", "txt", "nohighlight", "none"})
"""Hints that say "no language": such a block is never guessed at."""

PLAIN: StyleKey = ("code",)

# Most specific first: the first family a token type belongs to decides its key.
_TOKEN_KEYS: tuple[tuple[_TokenType, StyleKey], ...] = (
    (Comment, ("code", "comment")),
    (String, ("code", "string")),
    (Number, ("code", "number")),
    (Keyword, ("code", "keyword")),
    (Name.Builtin, ("code", "name.builtin")),
    (Name.Function, ("code", "name.function")),
    (Name.Class, ("code", "name.function")),
    (Name.Decorator, ("code", "name.function")),
    (Generic.Prompt, ("code", "prompt")),
    (Generic.Inserted, ("code", "inserted")),
    (Generic.Deleted, ("code", "deleted")),
)
STYLE_KEYS: frozenset[StyleKey] = frozenset(key for _, key in _TOKEN_KEYS)
"""Every key a highlighted piece can carry besides plain `("code",)`."""

_SESSION_PROMPT = re.compile(r"\A\s*\$ \S")


def _lexer(language: str) -> Lexer | None:
    try:
        # Keep every newline: the lines drawn must be the block's lines.
        return get_lexer_by_name(language, stripnl=False, ensurenl=False, tabsize=0)
    except ClassNotFound:
        return None


@lru_cache(maxsize=len(GUESS_CANDIDATES))
def _lexer_class(name: str) -> type[Lexer]:
    # The class alone: scoring needs no instance (an instance compiles all its rules).
    return find_lexer_class_by_name(name)


@lru_cache(maxsize=64)
def _lexer_for(language: str) -> Lexer | None:
    return _lexer(language)


def guess_language(text: str) -> str | None:
    """A Pygments language name for a code block's text, or `None` when unsure."""
    if len(text) > MAX_HIGHLIGHT_CHARS or not text.strip():
        return None
    if _SESSION_PROMPT.match(text):
        return "console"  # prompts, commands highlighted as shell, output left plain
    best, best_score = None, CONFIDENT
    for name in GUESS_CANDIDATES:
        score = _lexer_class(name).analyse_text(text)
        if score >= best_score and (best is None or score > best_score):
            best, best_score = name, score
    return best


def block_language(block: Block) -> str | None:
    """The language a code block is highlighted as: its hint if Pygments knows it (a
    "plain" hint means none), else a confident guess, else `None`."""
    hint = (block.language or "").lower()
    if hint in PLAIN_HINTS:
        return None
    if hint and _lexer_for(hint) is not None:
        return hint
    return guess_language(block.text)


def token_key(token: _TokenType) -> StyleKey:
    """The style key for a Pygments token type (plain code for anything unmapped)."""
    for family, key in _TOKEN_KEYS:
        if is_token_subtype(token, family):
            return key
    return PLAIN


def _plain_lines(text: str) -> tuple[CodeLine, ...]:
    return tuple(((line, PLAIN),) if line else () for line in text.split("\n"))


@lru_cache(maxsize=512)
def highlighted_lines(block: Block) -> tuple[CodeLine, ...]:
    """A code block's lines as styled pieces (computed once per block).

    Args:
        block: A code block; its text is already sanitised.

    Returns:
        One tuple of `(text, style key)` pieces per line of the block's text (an empty
        line has no pieces). Blocks over `MAX_HIGHLIGHT_CHARS`, or whose language is not
        known, come back as plain `("code",)` lines.
    """
    text = block.text
    language = block_language(block) if len(text) <= MAX_HIGHLIGHT_CHARS else None
    lexer = _lexer_for(language) if language else None
    if lexer is None:
        return _plain_lines(text)
    lines: list[list[Piece]] = [[]]
    # Lexed with a final newline (session lexers drop an unterminated last line), which
    # is then taken off again.
    for token, value in lexer.get_tokens(text + "\n"):
        key = token_key(token)
        first, *rest = value.split("\n")
        if first:
            lines[-1].append((first, key))
        for part in rest:
            lines.append([(part, key)] if part else [])
    if lines[-1]:
        return _plain_lines(text)
    lines.pop()
    drawn = "".join(t for line in lines for t, _ in line)
    if len(lines) != text.count("\n") + 1 or drawn != text.replace("\n", ""):
        return _plain_lines(text)  # a lexer changed the text: draw what the site sent
    return tuple(_merge(line) for line in lines)


def _merge(pieces: list[Piece]) -> CodeLine:
    """Join neighbouring pieces of one key (fewer pieces to wrap and draw)."""
    merged: list[Piece] = []
    for text, key in pieces:
        if merged and merged[-1][1] == key:
            merged[-1] = (merged[-1][0] + text, key)
        else:
            merged.append((text, key))
    return tuple(merged)
