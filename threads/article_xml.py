"""trafilatura's XML output to an `Article`: pure, no network, every string sanitised.

trafilatura writes a TEI-like document: `<doc title= author= date= sitename=>` holding
`<main>` with `p`, `head rend="h2"`, `list rend="ul|ol"`/`item`, `quote`, `code`,
`table`/`row`/`cell role="head"`, `graphic src= alt=`, and inline `hi rend="#i|#b"`,
`ref target=`, `code` and `lb`. Unknown tags degrade to their text. Only `http(s)` link
targets are kept: a `javascript:` or `data:` link becomes plain text, never a link.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass
from urllib.parse import urlsplit

from threads.article import Article
from threads.article_table import layout_table
from threads.blocks import Block, BlockKind, Span
from threads.linkify import linkify_spans
from threads.sanitize import clean_text

MAX_DEPTH = 60  # nesting deeper than this is read as plain text (no recursion blow-up)
MAX_META_LENGTH = 300  # a title or byline longer than this is cut
BULLET = "• "
_WHITESPACE = re.compile(r"[ \t\r\n\f\v]+")
_SPACE_AROUND_NEWLINE = re.compile(r" *\n *")
_ISO_DATE = re.compile(r"\d{4}-\d\d-\d\d")
_TITLE_SEPARATORS = (" | ", " - ", " – ", " — ", " · ", " :: ")
_BLOCK_TAGS = {"p", "head", "list", "item", "quote", "table", "div", "section", "main"}
_CONTAINERS = {"div", "section", "main", "body", "doc"}


@dataclass(frozen=True, slots=True)
class _Style:
    italic: bool = False
    bold: bool = False
    code: bool = False
    href: str | None = None


def safe_href(target: str | None) -> str | None:
    """A link target fit to be opened: sanitised, `http(s)` only, else `None`."""
    if not target:
        return None
    url = clean_text(target).strip()
    if any(char.isspace() for char in url):
        return None
    try:
        scheme = urlsplit(url).scheme.lower()
    except ValueError:
        return None
    return url if scheme in ("http", "https") and len(url) > len("https://") else None


def clean_line(text: str | None, limit: int = MAX_META_LENGTH) -> str:
    """Sanitised text on one line, whitespace collapsed, at most `limit` characters."""
    line = _WHITESPACE.sub(" ", clean_text(text or "")).strip()
    return line if len(line) <= limit else line[: limit - 1] + "…"


class _BodyBuilder:
    """Walks `<main>` and collects blocks; inline content waits in `_pending` until a
    block boundary flushes it as the current kind (paragraph, quote, heading, item)."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self._pending: list[Span] = []
        self._quote = 0
        self._heading = 0
        self._item: tuple[str, int] | None = None  # marker not yet shown, nesting depth

    # -- block level ------------------------------------------------------------------
    def flush(self) -> None:
        spans = _normalise(self._pending)
        self._pending = []
        if not spans:
            return
        kind: BlockKind = "quote" if self._quote else "paragraph"
        level = 0
        if self._heading:
            kind, level = "heading", self._heading
            spans = [Span(s.text, s.italic, True, s.code, s.href) for s in spans]
        elif self._item is not None:
            marker, level = self._item
            kind = "item"
            spans = [Span(marker), *spans]
            self._item = (" " * len(marker), level)  # later blocks of the item: indented
        self.blocks.append(Block(kind, tuple(linkify_spans(spans)), level))

    def block(self, element: ElementTree.Element, depth: int) -> None:
        """One block-level element (or a container of them)."""
        tag = element.tag
        if depth > MAX_DEPTH:
            self._text("".join(element.itertext()), _Style())
        elif tag == "head":
            self._headed(element, depth)
        elif tag == "list":
            self._list(element, depth)
        elif tag == "quote":
            self.flush()
            self._quote += 1
            self._children(element, _Style(), depth)
            self.flush()
            self._quote -= 1
        elif tag == "code":
            self._code_block(element)
        elif tag == "table":
            self._table(element)
        elif tag == "graphic":
            self._image(element)
        else:  # p, div, item content, unknown containers
            self.flush()
            self._children(element, _Style(), depth)
            self.flush()

    def _headed(self, element: ElementTree.Element, depth: int) -> None:
        self.flush()
        rend = element.get("rend", "h2")
        self._heading = int(rend[1]) if re.fullmatch(r"h[1-6]", rend) else 2
        self._children(element, _Style(), depth)
        self.flush()
        self._heading = 0

    def _list(self, element: ElementTree.Element, depth: int) -> None:
        self.flush()
        nesting = 0 if self._item is None else self._item[1] + 1
        outer = self._item
        number = 0
        for child in element:
            if child.tag != "item":
                self.block(child, depth + 1)
                continue
            number += 1
            marker = f"{number}. " if element.get("rend") == "ol" else BULLET
            self._item = ("  " * nesting + marker, nesting)
            self._children(child, _Style(), depth + 1)
            self.flush()
        self._item = outer

    def _code_block(self, element: ElementTree.Element) -> None:
        self.flush()
        text = clean_text("".join(element.itertext())).replace("\t", "    ").strip("\n")
        text = "\n".join(line.rstrip() for line in text.split("\n"))
        if text.strip():
            self.blocks.append(Block("code", (Span(text, code=True),)))

    def _table(self, element: ElementTree.Element) -> None:
        self.flush()
        rows: list[list[str]] = []
        header_rows = 0
        for row in element.iter("row"):
            cells = [c for c in row if c.tag == "cell"]
            rows.append([clean_line("".join(c.itertext()), 10_000) for c in cells])
            if (
                cells
                and len(rows) == header_rows + 1
                and all(c.get("role") == "head" for c in cells)
            ):
                header_rows += 1
        text = layout_table(rows, header_rows)
        if text:
            self.blocks.append(Block("table", (Span(text),)))

    def _image(self, element: ElementTree.Element) -> None:
        # An image without alt text is decoration (HTML's own rule): nothing to read.
        alt = clean_line(element.get("alt") or element.get("title"))
        if not alt:
            return
        self.flush()
        self.blocks.append(Block("image", (Span(f"[image: {alt}]", italic=True),)))

    # -- inline level -----------------------------------------------------------------
    def _children(self, element: ElementTree.Element, style: _Style, depth: int) -> None:
        """Text and children of an element whose content is inline, blocks allowed."""
        self._text(element.text, style)
        for child in element:
            if depth + 1 > MAX_DEPTH:
                self._text("".join(child.itertext()), style)
            elif child.tag in _BLOCK_TAGS or child.tag in ("graphic", "table"):
                self.block(child, depth + 1)
            elif child.tag == "code" and (
                "\n" in "".join(child.itertext()) or element.tag in _CONTAINERS
            ):
                self.block(child, depth + 1)
            else:
                self._inline(child, style, depth + 1)
            self._text(child.tail, style)

    def _inline(self, element: ElementTree.Element, style: _Style, depth: int) -> None:
        tag = element.tag
        if tag == "lb":
            self._pending.append(Span("\n", style.italic, style.bold, style.code, style.href))
            return
        if tag == "hi":
            rend = element.get("rend", "")
            style = _Style(
                style.italic or "#i" in rend,
                style.bold or "#b" in rend,
                style.code or "#t" in rend,
                style.href,
            )
        elif tag == "code":
            style = _Style(style.italic, style.bold, True, style.href)
        elif tag == "ref":
            href = safe_href(element.get("target"))
            if href is not None:
                before = len(self._pending)
                self._children(element, _Style(style.italic, style.bold, style.code, href), depth)
                if not any(span.text.strip() for span in self._pending[before:]):
                    self._pending.append(Span(href, href=href))
                return
        self._children(element, style, depth)

    def _text(self, text: str | None, style: _Style) -> None:
        if not text:
            return
        cleaned = clean_text(text)
        if not style.code or "\n" not in cleaned:
            cleaned = _WHITESPACE.sub(" ", cleaned)
        if cleaned:
            span = Span(cleaned, style.italic, style.bold, style.code, style.href)
            self._pending.append(span)


def _normalise(spans: list[Span]) -> list[Span]:
    """Merge neighbours of one style, tidy spaces around line breaks, trim the ends."""
    merged: list[Span] = []
    for span in spans:
        last = merged[-1] if merged else None
        if last and (last.italic, last.bold, last.code, last.href) == (
            span.italic,
            span.bold,
            span.code,
            span.href,
        ):
            merged[-1] = Span(last.text + span.text, last.italic, last.bold, last.code, last.href)
        else:
            merged.append(span)
    tidy = [_with_text(s, _SPACE_AROUND_NEWLINE.sub("\n", s.text)) for s in merged]
    if tidy:
        tidy[0] = _with_text(tidy[0], tidy[0].text.lstrip())
        tidy[-1] = _with_text(tidy[-1], tidy[-1].text.rstrip())
    return [span for span in tidy if span.text]


def _with_text(span: Span, text: str) -> Span:
    return Span(text, span.italic, span.bold, span.code, span.href)


def _short_title(title: str, site: str | None) -> str:
    """`Post title | Site name` -> `Post title` (the site is shown on its own)."""
    if site:
        for separator in _TITLE_SEPARATORS:
            suffix = separator + site
            if title.casefold().endswith(suffix.casefold()) and len(title) > len(suffix):
                return title[: -len(suffix)].rstrip()
    return title


def _same_words(a: str, b: str) -> bool:
    return " ".join(a.casefold().split()) == " ".join(b.casefold().split())


def _repeats_title(block: Block, title: str) -> bool:
    if block.kind == "heading":
        return _same_words(block.text, title)
    return block.kind == "image" and _same_words(block.text, f"[image: {title}]")


def article_from_xml(xml: str, url: str) -> Article:
    """Build an `Article` from trafilatura's XML output for the page at `url`.

    Raises:
        ValueError: when `xml` is not well-formed XML.
    """
    try:
        root = ElementTree.fromstring(xml)
    except ElementTree.ParseError as error:
        raise ValueError(f"not well-formed XML: {error}") from error
    page_url = safe_href(url) or clean_line(url, 2000)
    host = urlsplit(page_url).hostname or None
    site = clean_line(root.get("sitename")) or clean_line(root.get("hostname")) or host
    title = _short_title(clean_line(root.get("title")), site) or page_url
    date = clean_line(root.get("date"), 40)
    builder = _BodyBuilder()
    main = root.find("main")
    builder.block(main if main is not None else root, 0)
    builder.flush()
    blocks = builder.blocks
    while blocks and _repeats_title(blocks[0], title):
        blocks = blocks[1:]  # the page repeats its title as a heading or a header image
    return Article(
        url=page_url,
        title=title,
        byline=clean_line(root.get("author")) or None,
        date=date if _ISO_DATE.fullmatch(date) else None,
        site=site,
        body=tuple(blocks),
    )
