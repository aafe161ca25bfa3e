"""Turn bare URLs in plain text spans into link spans."""

from __future__ import annotations

import re
from dataclasses import replace

from threads.blocks import Span

# A URL runs to the next whitespace; trailing punctuation that usually ends a sentence
# (or closes a bracket the URL did not open) is not part of it.
_URL = re.compile(r"https?://[^\s<>\"]+", re.IGNORECASE)
_TRAILING = ".,;:!?'\")]}"


def _trim_url(url: str) -> str:
    while url and url[-1] in _TRAILING:
        if url[-1] == ")" and url.count("(") >= url.count(")"):
            break
        url = url[:-1]
    return url


def linkify_spans(spans: list[Span]) -> list[Span]:
    """Split spans that contain bare URLs so each URL becomes its own link span."""
    out: list[Span] = []
    for span in spans:
        if span.href is not None or span.code or "://" not in span.text:
            out.append(span)
            continue
        position = 0
        for match in _URL.finditer(span.text):
            url = _trim_url(match.group())
            if len(url) <= len("https://"):
                continue
            start, end = match.start(), match.start() + len(url)
            if start > position:
                out.append(replace(span, text=span.text[position:start]))
            out.append(replace(span, text=url, href=url))
            position = end
        if position < len(span.text):
            out.append(replace(span, text=span.text[position:]))
    return out
