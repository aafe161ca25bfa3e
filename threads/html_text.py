"""Hacker News HTML (and the similar HTML of other sites) to the block model.

HN separates paragraphs with a bare `<p>`, escapes `/` as `&#x2F;` even inside `href`,
shortens long link text with `...`, marks quotes only by a leading `>` and keeps code
in `<pre><code>`. Discourse wraps quotes of other posts in `<aside class="quote"
data-post="N">` with the quoted author in a title line; those quote blocks remember the
post they cite. Images become a link to the picture (emoji become their text).
Reddit's rendered Markdown adds numbered lists, headings (shown bold),
tables (cells split by ` | `), site-relative links (`/r/sub`, resolved against
`link_base`) and spoilers (`<span class="md-spoiler-text">`). Unknown tags degrade to
their text.
"""

from __future__ import annotations

import re
from dataclasses import replace
from html.parser import HTMLParser
from urllib.parse import urljoin

from threads.blocks import Block, BlockKind, Body, Span
from threads.linkify import linkify_spans
from threads.sanitize import clean_text

_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_BLOCK_TAGS = {"p", "div", "ul", "ol", "li", "tr", "table", "hr"} | _HEADINGS
_SPOILER_CLASSES = {"md-spoiler-text", "spoiler"}
_BULLETS = ("• ", "◦ ", "▪ ")
_WHITESPACE = re.compile(r"[ \t\r\n\f\v]+")
_LANGUAGE_CLASS = re.compile(r"(?:language|lang)-([a-z0-9_+#.-]{1,32})")


class _BodyParser(HTMLParser):
    """Collects spans into blocks; style state is a stack of open inline tags."""

    def __init__(self, link_base: str | None = None) -> None:
        super().__init__(convert_charrefs=True)
        self._link_base = link_base
        self._lists: list[int] = []
        """Open lists, innermost last: 0 for `<ul>`, else the next item's number."""
        self._spans_open: list[bool] = []
        """Open `<span>`s, innermost last: whether each is a spoiler."""
        self._spoiler = 0
        self._cells = 0
        self.blocks: list[Block] = []
        self._spans: list[Span] = []
        self._kind: BlockKind = "paragraph"
        self._italic = self._bold = self._code = 0
        self._href: str | None = None
        self._link_spans: list[Span] = []
        self._pre = 0
        self._language: str | None = None
        """The language hint of the open `<pre>` (its class or its `<code>`'s)."""
        self._quote = 0
        self._cite: list[str | None] = []
        """`data-post` of each open `<aside class="quote">` (None for other asides)."""
        self._title_divs = 0
        """Open `<div>`s of a quote aside's title line (0 outside one)."""

    # -- block boundaries -------------------------------------------------------------
    def _flush(self) -> None:
        spans = _normalise(self._spans, keep_whitespace=self._kind == "code")
        self._spans = []
        if not spans:
            return
        kind = self._kind
        if kind == "paragraph" and self._quote:
            kind = "quote"
        if kind == "paragraph" and spans[0].text.startswith(">"):
            kind, spans = "quote", _strip_quote_marker(spans)
        if kind != "code":
            spans = linkify_spans(spans)
        if spans:
            cite = self._current_cite() if kind == "quote" else None
            language = self._language if kind == "code" else None
            self.blocks.append(Block(kind, tuple(spans), cite=cite, language=language))

    def _current_cite(self) -> str | None:
        for cite in reversed(self._cite):
            if cite is not None:
                return cite or None
        return None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "pre":
            self._flush()
            self._pre += 1
            self._kind = "code"
            self._language = _language_hint(attrs)
        elif tag == "code" and self._pre:
            self._language = _language_hint(attrs) or self._language
        elif tag == "blockquote":
            self._flush()
            self._quote += 1
        elif tag == "aside":
            self._flush()
            self._cite.append(_quote_aside_cite(attrs))
        elif tag in _BLOCK_TAGS and not self._pre:
            self._flush()
            self._open_block(tag)
            if tag == "div" and self._title_divs:
                self._title_divs += 1
            elif tag == "div" and self._cite and _has_class(attrs, "title"):
                self._title_divs = 1  # the quoted author's line, in italics
                self._italic += 1
        elif tag == "img":
            self._add_image(dict(attrs))
        elif tag in ("td", "th"):
            if self._cells:
                self._spans.append(Span(" | "))
            self._cells += 1
            self._bold += tag == "th"
        elif tag == "span":
            spoiler = bool(_SPOILER_CLASSES & set((dict(attrs).get("class") or "").split()))
            self._spans_open.append(spoiler)
            self._spoiler += spoiler
        elif tag == "br":
            self._add_text("\n", literal=True)
        elif tag in ("i", "em"):
            self._italic += 1
        elif tag in ("b", "strong"):
            self._bold += 1
        elif tag == "code" and not self._pre:
            self._code += 1
        elif tag == "a":
            href = dict(attrs).get("href")
            self._href = self._resolve(clean_text(href.strip())) if href else None
            self._link_spans = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "pre" and self._pre:
            self._flush()
            self._pre -= 1
            self._kind = "paragraph"
            self._language = None
        elif tag == "blockquote" and self._quote:
            self._flush()
            self._quote -= 1
        elif tag == "aside" and self._cite:
            self._flush()
            self._cite.pop()
        elif tag in _BLOCK_TAGS and not self._pre:
            self._flush()
            self._close_block(tag)
            if tag == "div" and self._title_divs:
                self._title_divs -= 1
                if not self._title_divs:
                    self._italic = max(0, self._italic - 1)
        elif tag == "th":
            self._bold = max(0, self._bold - 1)
        elif tag == "span" and self._spans_open:
            self._spoiler -= self._spans_open.pop()
        elif tag in ("i", "em"):
            self._italic = max(0, self._italic - 1)
        elif tag in ("b", "strong"):
            self._bold = max(0, self._bold - 1)
        elif tag == "code" and not self._pre:
            self._code = max(0, self._code - 1)
        elif tag == "a" and self._href is not None:
            self._close_link()

    def _open_block(self, tag: str) -> None:
        if tag == "ul":
            self._lists.append(0)
        elif tag == "ol":
            self._lists.append(1)
        elif tag == "li":
            # A block's leading whitespace is trimmed, so nesting shows in the bullet.
            marker = _BULLETS[min(max(len(self._lists), 1), len(_BULLETS)) - 1]
            if self._lists and self._lists[-1]:
                marker = f"{self._lists[-1]}. "
                self._lists[-1] += 1
            self._spans.append(Span(marker))
        elif tag == "tr":
            self._cells = 0
        elif tag in _HEADINGS:
            self._bold += 1

    def _close_block(self, tag: str) -> None:
        if tag in ("ul", "ol") and self._lists:
            self._lists.pop()
        elif tag in _HEADINGS:
            self._bold = max(0, self._bold - 1)

    def handle_data(self, data: str) -> None:
        self._add_text(data, literal=bool(self._pre))

    # -- inline content ---------------------------------------------------------------
    def _add_text(self, data: str, *, literal: bool) -> None:
        text = clean_text(data)
        if not literal:
            text = _WHITESPACE.sub(" ", text)
        if not text:
            return
        span = Span(
            text,
            italic=self._italic > 0,
            bold=self._bold > 0,
            code=self._code > 0 or self._kind == "code",
            href=self._href,
            spoiler=self._spoiler > 0,
        )
        if self._href is not None:
            self._link_spans.append(span)
        self._spans.append(span)

    def _add_image(self, attrs: dict[str, str | None]) -> None:
        """An emoji as its text; an avatar not at all; a picture as a link to it."""
        alt = clean_text(attrs.get("alt") or "").strip()
        classes = (attrs.get("class") or "").split()
        if "emoji" in classes:
            self._add_text(alt, literal=False)
        elif "avatar" in classes:
            return
        elif self._href is not None:  # a thumbnail linking to the full picture
            self._add_text(f"[{alt or 'image'}]", literal=False)
        elif attrs.get("src"):
            src = clean_text((attrs.get("src") or "").strip())
            self._spans.append(Span(f"[{alt or 'image'}]", href=src))

    def _resolve(self, href: str) -> str:
        """Site-relative links (`/r/sub`, `/u/name`) made absolute when a base is known."""
        if self._link_base and href.startswith("/") and not href.startswith("//"):
            return urljoin(self._link_base, href)
        return href

    def _close_link(self) -> None:
        """Replace HN's shortened link text (`https://example.com/lo...`) with the full URL."""
        href = self._href or ""
        shown = "".join(span.text for span in self._link_spans)
        if shown.endswith("...") and href.startswith(shown[:-3]) and len(self._link_spans) == 1:
            old = self._link_spans[0]
            index = len(self._spans) - 1 - self._spans[::-1].index(old)
            self._spans[index] = replace(old, text=href, href=href)
        elif not shown and href:
            self._spans.append(Span(href, href=href))
        self._href = None
        self._link_spans = []

    def close(self) -> None:
        super().close()
        self._flush()


def _has_class(attrs: list[tuple[str, str | None]], name: str) -> bool:
    return any(key == "class" and name in (value or "").split() for key, value in attrs)


def _language_hint(attrs: list[tuple[str, str | None]]) -> str | None:
    """`python` from `class="language-python"` or `class="lang-python"` (Markdown
    renderers, Discourse); anything that is not a plausible language name is dropped."""
    for key, value in attrs:
        if key != "class" or not value:
            continue
        for name in value.split():
            match = _LANGUAGE_CLASS.fullmatch(name.lower())
            if match and match.group(1) != "auto":  # Discourse: "guess it"
                return match.group(1)
    return None


def _quote_aside_cite(attrs: list[tuple[str, str | None]]) -> str | None:
    """The quoted post number of a Discourse quote aside (`""` if it names none)."""
    if not _has_class(attrs, "quote"):
        return None
    post = dict(attrs).get("data-post") or ""
    return clean_text(post).strip()


def _normalise(spans: list[Span], *, keep_whitespace: bool) -> list[Span]:
    """Merge adjacent spans of one style and trim the block's outer whitespace."""
    merged: list[Span] = []
    for span in spans:
        if merged and _same_style(merged[-1], span):
            last = merged[-1]
            merged[-1] = replace(last, text=last.text + span.text)
        else:
            merged.append(span)
    if keep_whitespace:
        return _trim_code(merged)
    if merged:
        merged[0] = _replace_text(merged[0], merged[0].text.lstrip())
        merged[-1] = _replace_text(merged[-1], merged[-1].text.rstrip())
    return [span for span in merged if span.text]


def _trim_code(spans: list[Span]) -> list[Span]:
    """Drop leading/trailing blank lines of a code block, keeping indentation."""
    if not spans:
        return spans
    text = "".join(span.text for span in spans).strip("\n")
    text = "\n".join(line.rstrip() for line in text.split("\n"))
    return [Span(text, code=True)] if text.strip() else []


def _same_style(a: Span, b: Span) -> bool:
    return (a.italic, a.bold, a.code, a.href, a.spoiler) == (
        b.italic,
        b.bold,
        b.code,
        b.href,
        b.spoiler,
    )


def _replace_text(span: Span, text: str) -> Span:
    return replace(span, text=text)


def _strip_quote_marker(spans: list[Span]) -> list[Span]:
    first = spans[0]
    rest = first.text[1:]
    # HN writers use ">quote", "> quote" and ">> quote"; drop all leading markers.
    rest = rest.lstrip("> ")
    return [span for span in [_replace_text(first, rest), *spans[1:]] if span.text]


def html_to_body(html: str | None, link_base: str | None = None) -> Body:
    """Parse a body of site HTML into blocks. `None` or empty gives an empty body.

    `link_base` (e.g. `https://www.reddit.com`) resolves links that start with `/`.
    """
    if not html:
        return ()
    parser = _BodyParser(link_base)
    parser.feed(html)
    parser.close()
    return tuple(parser.blocks)
