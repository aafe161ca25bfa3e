"""Reader-mode benchmark: extraction + block conversion + layout of a ~100 KB article.

The page is the recorded caktusgroup.com post (66 KB of real HTML: a Django post-mortem
with headings, images, Pygments code listings and the site's navigation, footer and
call-to-action boilerplate) with its article body repeated until the page is ~100 KB, so
the structure and the boilerplate ratio stay those of a real blog post. Also timed: the
three recorded pages as they are.

Baselines measured in the same run, on the same bytes:
- `lxml parse`: parsing the HTML alone (the floor of any extraction);
- `trafilatura txt`: trafilatura's own plain-text extraction, what the library costs with
  none of our work (sanitising, tidying `<pre>`, XML output, blocks).

Run: python -m bench.bench_article [--repeat 15]
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from pathlib import Path

import lxml.html
import trafilatura

from fetchers.article_extract import extract_article
from threads.comment_lines import body_lines

ARTICLES = Path(__file__).parent.parent / "tests" / "fixtures" / "articles"
BIG_PAGE = "caktusgroup.com.django.html"
TARGET_BYTES = 100_000
WIDTH = 80


def hundred_kb_page() -> str:
    """The caktus page with its article body repeated up to ~100 KB."""
    html = (ARTICLES / BIG_PAGE).read_text(encoding="utf-8")
    start = html.index("<p>I had the opportunity")
    end = html.index("</div>", html.index("What’s Next"))
    body = html[start:end]
    while len(html.encode()) < TARGET_BYTES:
        html = html[:end] + body + html[end:]
    return html


def timed(work: Callable[[], object], repeat: int) -> tuple[float, float]:
    """(median, best) milliseconds over `repeat` runs after one warm-up."""
    work()
    costs = []
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        costs.append((time.perf_counter() - start) * 1000)
    return statistics.median(costs), min(costs)


def report(name: str, html: str, repeat: int) -> None:
    url = "https://www.caktusgroup.com/blog/post/"
    article = extract_article(html, url)
    size = len(html.encode()) / 1000
    print(f"\n{name}: {size:.0f} KB of HTML -> {len(article.body)} blocks")
    rows = [
        ("baseline: lxml parse", lambda: lxml.html.document_fromstring(html)),
        ("baseline: trafilatura txt", lambda: trafilatura.extract(html, url=url)),
        ("extract_article (-> blocks)", lambda: extract_article(html, url)),
        ("  + layout at 80 columns", lambda: body_lines(extract_article(html, url).body, WIDTH)),
        ("layout alone", lambda: body_lines(article.body, WIDTH)),
    ]
    for label, work in rows:
        median, best = timed(work, repeat)
        print(f"  {label:<30} median {median:7.1f} ms   best {best:7.1f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    report("caktus post repeated to ~100 KB", hundred_kb_page(), args.repeat)
    for page in sorted(ARTICLES.glob("*.html")):
        report(page.name, page.read_text(encoding="utf-8"), args.repeat)


if __name__ == "__main__":
    main()
