"""A page's HTML to an `Article`, with trafilatura finding the main text.

This is CPU work (10-40 ms for a typical post, more for big pages) with no I/O: call
`extract_article` from a worker thread, never on the UI's event loop.

The page is sanitised before trafilatura sees it (the raw text, then every text and
attribute of the parsed tree, since `&#x1b;` only becomes an escape once parsed): a
control character makes trafilatura's XML invalid and it then returns nothing at all.
Two small fixes follow, both because of what trafilatura does with real pages:
- every `<pre>` becomes `<pre><span>its text</span></pre>`: trafilatura keeps a `<pre>`
  as code only when it looks like code to it, and otherwise joins its lines into one
  paragraph (a Pygments-highlighted Python listing lost all its newlines);
- an image inside a link to another site is an advertisement or a call to action (the
  banner under a post), not part of the article: it is dropped.
"""

from __future__ import annotations

import logging
from urllib.parse import urljoin, urlsplit

import lxml.html
import trafilatura
from lxml.etree import ParserError

from fetchers.errors import NotAnArticle
from threads.article import Article
from threads.article_xml import article_from_xml
from threads.sanitize import clean_text

MIN_TEXT_CHARACTERS = 40  # less than a sentence: a login wall, a video page, an app shell

for _name in ("trafilatura", "htmldate", "courlan", "justext"):
    # Their warnings would be printed over the reader's screen by logging's last resort.
    logging.getLogger(_name).addHandler(logging.NullHandler())
    logging.getLogger(_name).propagate = False


def _host(url: str) -> str:
    host = (urlsplit(url).hostname or "").lower()
    return host[4:] if host.startswith("www.") else host


def _sanitise(tree: lxml.html.HtmlElement) -> None:
    for element in tree.iter():
        if element.text:
            element.text = clean_text(element.text)
        if element.tail:
            element.tail = clean_text(element.tail)
        for name, value in element.attrib.items():
            element.attrib[name] = clean_text(value)


def _prepare(tree: lxml.html.HtmlElement, url: str) -> None:
    """The two fixes described in the module docstring, in place."""
    for pre in tree.iter("pre"):
        text = pre.text_content()
        for child in list(pre):
            pre.remove(child)
        pre.text = None
        span = lxml.html.Element("span")
        span.text = text
        pre.append(span)
    page_host = _host(url)
    for image in list(tree.iter("img")):
        link = next((a for a in image.iterancestors("a")), None)
        href = link.get("href") if link is not None else None
        if href and _host(urljoin(url, href)) not in ("", page_host):
            parent = image.getparent()
            if parent is not None:
                parent.remove(image)


def _is_video_page(tree: lxml.html.HtmlElement) -> bool:
    kinds = tree.xpath("//meta[@property='og:type']/@content")
    return any(str(kind).strip().lower().startswith("video") for kind in kinds)


def extract_article(html: str, url: str) -> Article:
    """The main text and metadata of a page at `url` (used to resolve relative links).

    Raises:
        NotAnArticle: when no readable text is found (login walls, video pages, app
            shells that draw everything with JavaScript, empty pages).
    """
    nothing = NotAnArticle(f"No readable text found at {url}.", url, "empty")
    try:
        tree = lxml.html.document_fromstring(clean_text(html))
    except (ParserError, ValueError) as error:
        raise nothing from error
    _sanitise(tree)
    _prepare(tree, url)
    try:
        xml = _trafilatura_xml(tree, url)
        article = article_from_xml(xml, url) if xml else None
    except Exception as error:  # a library failing on a hostile page: one sentence, no traceback
        reason = type(error).__name__
        raise NotAnArticle(f"Could not read the text of {url} ({reason}).", url, "empty") from error
    if article is None or len(article.plain_text.strip()) < MIN_TEXT_CHARACTERS:
        if _is_video_page(tree):
            raise NotAnArticle(f"{url} is a video page, with no text to read.", url, "video")
        raise nothing
    return article


def _trafilatura_xml(tree: lxml.html.HtmlElement, url: str) -> str | None:
    """trafilatura's XML for the page: structure, formatting, links, images, tables."""
    xml: str | None = trafilatura.extract(
        tree,
        url=url,
        output_format="xml",
        with_metadata=True,
        include_comments=False,
        include_links=True,
        include_images=True,
        include_tables=True,
        include_formatting=True,
        deduplicate=False,
    )
    return xml
