"""A plain-text page (`text/plain`) as an `Article`: paragraphs split by blank lines."""

from __future__ import annotations

import re

from threads.article import Article
from threads.article_xml import clean_line, safe_href
from threads.blocks import Block, Span
from threads.linkify import linkify_spans
from threads.sanitize import clean_text

_BLANK_LINE = re.compile(r"\n[ \t]*\n")


def text_article(text: str, url: str) -> Article:
    """Hard-wrapped lines are joined into paragraphs; bare URLs become links."""
    page_url = safe_href(url) or clean_line(url, 2000)
    blocks: list[Block] = []
    for paragraph in _BLANK_LINE.split(clean_text(text).replace("\r", "")):
        words = " ".join(paragraph.split())
        if words:
            blocks.append(Block("paragraph", tuple(linkify_spans([Span(words)]))))
    return Article(url=page_url, title=page_url, body=tuple(blocks))
