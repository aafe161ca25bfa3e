"""Code highlighting benchmark: laying out code blocks highlighted vs plain.

Blocks measured:
- every code block of the real 485-comment HN thread (one block: indented prose);
- every code block of the recorded caktusgroup.com article (real Python and shell);
- hinted Python blocks of 1, 4, 8 and 16 KB (the cap is `MAX_HIGHLIGHT_CHARS`);
- a 1 MB Python paste with a `language-python` hint (over the cap: drawn plain).

The baseline, measured in the same run on the same blocks, is plain layout: the same
blocks with the hint `text`, which skips guessing and lexing (what the view did before
highlighting). "Highlighted, first" clears the per-block cache before every run (a block
seen for the first time); "cached" lays the block out again with its tokens kept (as after
a resize). The one-time cost of importing the lexers is measured in a fresh process.

Run: python -m bench.bench_code [--repeat 15]
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from fetchers.article_extract import extract_article
from fetchers.hn_items import thread_from_algolia
from threads.blocks import Block, Span
from threads.code_highlight import MAX_HIGHLIGHT_CHARS, highlighted_lines
from threads.comment_lines import body_lines

FIXTURES = Path(__file__).parent.parent / "tests" / "fixtures"
WIDTH = 80
PYTHON_LINES = (
    "def handler(request, pk):\n"
    '    """Return the object or a 404."""\n'
    "    obj = get_object_or_404(Model, pk=pk)  # one query\n"
    "    return render(request, 'detail.html', {'obj': obj, 'n': 42})\n"
)


def thread_blocks() -> list[Block]:
    data = json.loads((FIXTURES / "algolia-item-26312516-485-comments.json").read_text())
    thread = thread_from_algolia(data)
    return [b for comment, _ in thread.walk() for b in comment.body if b.kind == "code"]


def article_blocks() -> list[Block]:
    page = (FIXTURES / "articles" / "caktusgroup.com.django.html").read_text(encoding="utf-8")
    article = extract_article(page, "https://www.caktusgroup.com/blog/post/")
    return [b for b in article.body if b.kind == "code"]


def python_block(size: int) -> Block:
    text = "import os\n\n" + PYTHON_LINES * (size // len(PYTHON_LINES) + 1)
    return Block("code", (Span(text[:size].rstrip("\n"), code=True),), language="python")


def timed(work: Callable[[], object], repeat: int, before: Callable[[], object]) -> float:
    """Median milliseconds of `work` over `repeat` runs, `before` run (untimed) each time."""
    costs = []
    for _ in range(repeat):
        before()
        start = time.perf_counter()
        work()
        costs.append((time.perf_counter() - start) * 1000)
    return statistics.median(costs)


def report(name: str, blocks: list[Block], repeat: int) -> None:
    plain = [dataclasses.replace(b, language="text") for b in blocks]
    chars = sum(b.length for b in blocks)
    body = tuple(blocks)
    keep = highlighted_lines.cache_clear

    def warm() -> None:
        body_lines(body, WIDTH)

    base = timed(lambda: body_lines(tuple(plain), WIDTH), repeat, keep)
    first = timed(lambda: body_lines(body, WIDTH), repeat, keep)
    cached = timed(lambda: body_lines(body, WIDTH), repeat, warm)
    styled = sum(
        1
        for line in body_lines(body, WIDTH)
        for _, key in line
        if len(key) > 1 and key[0] == "code"
    )
    print(
        f"{name:<34} {len(blocks):>3} blocks {chars:>9,} chars  plain {base:8.2f} ms"
        f"  highlighted first {first:8.2f} ms  cached {cached:7.2f} ms  styled pieces {styled}"
    )


def first_use() -> None:
    """The one-time cost of the first highlight in a fresh process (lexer imports)."""
    code = (
        "import time\n"
        "from threads.blocks import Block, Span\n"
        "from threads.comment_lines import body_lines\n"
        "b = Block('code', (Span('import os\\nprint(1)'),))\n"
        "s = Block('code', (Span('$ ls -la\\nfile'),))\n"
        "t = time.perf_counter(); body_lines((b, s), 80)\n"
        "print(f'{(time.perf_counter() - t) * 1000:.1f}')\n"
    )
    runs = [
        float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True).stdout)
        for _ in range(3)
    ]
    print(f"first highlight in a fresh process (python + console lexers): {min(runs):.1f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    print(f"cap: blocks over {MAX_HIGHLIGHT_CHARS:,} characters stay plain; width {WIDTH}")
    report("485-comment HN thread", thread_blocks(), args.repeat)
    report("caktusgroup.com article", article_blocks(), args.repeat)
    for size in (1_000, 4_000, 8_000, 16_000):
        label = f"hinted Python {size // 1000} KB" + (
            " (capped)" if size > MAX_HIGHLIGHT_CHARS else ""
        )
        report(label, [python_block(size)], args.repeat)
    report("hinted Python 1 MB (capped)", [python_block(1_000_000)], max(3, args.repeat // 5))
    first_use()


if __name__ == "__main__":
    main()
