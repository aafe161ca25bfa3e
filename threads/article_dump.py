"""`threadreader URL --dump text|markdown|json` for an article (reader mode's text)."""

from __future__ import annotations

import json
from typing import Any

from threads.article import Article
from threads.blocks import Block
from threads.dump_markdown import md_escape
from threads.dump_text import MIN_WIDTH, body_text_lines
from threads.wrap import wrap_text


def article_meta(article: Article) -> str:
    """`byline · date · site`, leaving out what the page does not say."""
    return " · ".join(part for part in (article.byline, article.date, article.site) if part)


def article_to_text(article: Article, width: int = 80) -> str:
    """Title, metadata, address, the wrapped body, then the numbered links."""
    width = max(width, MIN_WIDTH)
    lines = wrap_text(article.title, width)
    meta = article_meta(article)
    if meta:
        lines += wrap_text(meta, width)
    lines += wrap_text(article.url, width)
    lines.append("")
    lines += [line.rstrip() for line in body_text_lines(article.body, width)]
    if article.links:
        lines += ["", "Links:"]
        lines += [f"[{link.number}] {link.url}" for link in article.links]
    return "\n".join(lines) + "\n"


def _md_url(url: str) -> str:
    return url.replace(" ", "%20").replace("(", "%28").replace(")", "%29").replace("<", "%3C")


def _md_inline(block: Block) -> str:
    parts: list[str] = []
    for span in block.spans:
        text = md_escape(span.text).replace("\n", "  \n")
        if span.href:
            text = f"[{text}]({_md_url(span.href)})"
        elif span.code:
            text = f"`{span.text}`" if "`" not in span.text else text
        parts.append(text)
    return "".join(parts)


def _md_block(block: Block) -> list[str]:
    if block.preformatted:
        fence = "````" if "```" in block.text else "```"
        return [fence, *block.text.split("\n"), fence]
    if block.kind == "heading":
        return ["#" * min(max(block.level, 2), 6) + " " + md_escape(block.text)]
    if block.kind == "item":
        marker = block.spans[0].text.strip()
        rest = _md_inline(Block("paragraph", block.spans[1:]))
        bullet = "-" if marker in ("•", "") else marker
        return ["  " * block.level + f"{bullet} {rest}"]
    text = _md_inline(block)
    if block.kind == "quote":
        return ["> " + line for line in text.split("\n")]
    return [text]


def article_to_markdown(article: Article) -> str:
    """The article as Markdown; remote text is escaped so it cannot inject markup."""
    lines = [f"# {md_escape(article.title)}"]
    meta = article_meta(article)
    if meta:
        lines += ["", f"*{md_escape(meta)}*"]
    lines += ["", f"<{_md_url(article.url)}>"]
    previous: Block | None = None
    for block in article.body:
        items_in_a_row = previous is not None and previous.kind == block.kind == "item"
        if not items_in_a_row:
            lines.append("")
        lines += _md_block(block)
        previous = block
    return "\n".join(lines) + "\n"


def article_fields(article: Article) -> dict[str, Any]:
    """The `--dump json` object of an article."""
    return {
        "source": "article",
        "url": article.url,
        "title": article.title,
        "byline": article.byline,
        "date": article.date,
        "site": article.site,
        "text": article.plain_text,
        "blocks": [
            {
                "kind": block.kind,
                "level": block.level,
                "text": block.text,
                "links": [span.href for span in block.spans if span.href],
            }
            for block in article.body
        ],
        "links": article.link_urls,
    }


def article_to_json(article: Article) -> str:
    """`article_fields` as one line of JSON."""
    return json.dumps(article_fields(article), ensure_ascii=False)
