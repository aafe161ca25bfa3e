"""Generated threads with realistic bodies, for benchmarks and scale tests.

Deterministic for a given seed: 1-3 paragraphs, some quotes, links, italics, code, and
nesting up to `max_depth`, shaped like real HN threads (many short branches, a few long).
"""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

from threads.blocks import Block, Body, Span
from threads.model import Comment, Thread

WORDS = (
    "the model data open source license training capitalism socialism speed latency users "
    "terminal thread comment reader browser keyboard fast slow cache memory network server "
    "compiler rust python go typescript startup market company government regulation privacy "
    "copyright artists writers research paper benchmark hardware gpu chip energy climate city "
    "housing rent remote office team manager engineer product feature design interface naïve "
    "café résumé really actually probably definitely however although because it’s “quoted”"
).split()
RARE_WORDS = ("日本語", "emoji🙂", "中文字符")  # wide characters: in a few comments, as on HN


def _sentence(rng: random.Random) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(6, 22))]
    if rng.random() < 0.02:
        words.append(rng.choice(RARE_WORDS))
    return " ".join(words).capitalize() + rng.choice(".?!.")


def _body(rng: random.Random) -> Body:
    blocks: list[Block] = []
    if rng.random() < 0.2:
        blocks.append(Block("quote", (Span(_sentence(rng)),)))
    for _ in range(rng.randint(1, 3)):
        text = " ".join(_sentence(rng) for _ in range(rng.randint(1, 5)))
        spans = [Span(text)]
        if rng.random() < 0.25:
            url = f"https://example.com/{rng.choice(WORDS)}/{rng.randint(1, 99999)}"
            spans += [Span(" see "), Span(url, href=url), Span(" for details.")]
        if rng.random() < 0.15:
            spans.append(Span(" " + _sentence(rng), italic=True))
        blocks.append(Block("paragraph", tuple(spans)))
    if rng.random() < 0.05:
        code = "\n".join(
            f"    line_{i} = compute({i}, 'x' * {i * 7})" for i in range(rng.randint(2, 6))
        )
        blocks.append(Block("code", (Span(code, code=True),)))
    return tuple(blocks)


def generate_thread(count: int, *, max_depth: int = 15, seed: int = 7) -> Thread:
    """A thread of exactly `count` comments."""
    rng = random.Random(seed)
    start = datetime(2024, 5, 25, 9, 0, tzinfo=UTC)
    thread = Thread(
        source="hackernews",
        id="1",
        title=f"Generated thread of {count} comments",
        url="https://example.com/article",
        author="op_user",
        points=999,
        created=start,
    )
    open_path: list[Comment] = []  # the chain of the most recent comment's ancestors
    for number in range(count):
        comment = Comment(
            id=str(1000 + number),
            author="op_user" if rng.random() < 0.03 else f"user{rng.randint(1, count // 3 + 2)}",
            created=start + timedelta(minutes=number),
            body=_body(rng),
        )
        roll = rng.random()
        if not open_path or roll < 0.12:
            depth = 0
        elif roll < 0.55:
            depth = min(len(open_path), max_depth - 1)  # reply to the last comment
        else:
            depth = rng.randint(1, len(open_path))  # reply somewhere up the chain
        del open_path[depth:]
        (open_path[-1].children if open_path else thread.comments).append(comment)
        open_path.append(comment)
    return thread
