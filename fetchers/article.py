"""Fetch a web page for reader mode and extract its article.

Uses the app's one httpx client, but follows redirects itself (at most `MAX_REDIRECTS`,
a loop reported as such) and caps the page both as it arrives on the wire and after
decompression, so a small gzip that inflates to gigabytes is refused early.

User-Agent policy: article pages are requested with a plain desktop-browser User-Agent
(`ARTICLE_USER_AGENT`; `THREADREADER_ARTICLE_USER_AGENT` overrides it). Many sites answer
an unknown agent with a block page or a bot challenge, and this is the page a person asked
to read, fetched once, as their browser would. The sites' APIs keep getting the honest
`threadreader/…` agent of `fetchers.http`.
"""

from __future__ import annotations

import asyncio
import os

import httpx

from fetchers.article_charset import decode_page
from fetchers.article_extract import extract_article
from fetchers.errors import BadResponse, NotAnArticle, NotFound, Unreachable
from threads.article import Article
from threads.article_text import text_article
from threads.sanitize import clean_text

ARTICLE_USER_AGENT = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"
MAX_REDIRECTS = 10
MAX_WIRE_BYTES = 8 * 2**20  # as sent (compressed); the biggest real articles are ~2 MB
MAX_PAGE_BYTES = 16 * 2**20  # after decompression
PAGE_DEADLINE = 30.0  # seconds for the whole page, redirects included
_REDIRECTS = {301, 302, 303, 307, 308}
_HTML_TYPES = ("text/html", "application/xhtml+xml", "application/xml", "text/xml", "")
_NOT_PAGES = {
    "application/pdf": ("a PDF", "pdf"),
    "image/": ("an image", "image"),
    "video/": ("a video", "video"),
    "audio/": ("a sound file", "audio"),
}


def _headers() -> dict[str, str]:
    agent = os.environ.get("THREADREADER_ARTICLE_USER_AGENT") or ARTICLE_USER_AGENT
    return {
        "User-Agent": agent,
        "Accept": "text/html,application/xhtml+xml;q=0.9,text/plain;q=0.8,*/*;q=0.5",
    }


async def fetch_article(client: httpx.AsyncClient, url: str) -> Article:
    """Fetch `url` and extract its article (extraction runs in a worker thread).

    Raises:
        NotAnArticle: a PDF, image, video, audio file, login wall or empty extraction.
        NotFound: HTTP 404 or 410.
        Unreachable: connection failures and timeouts.
        BadResponse: too many redirects or a loop, a page over the size cap, other
            HTTP errors.
    """
    url = clean_text(url).strip()  # it is quoted in error messages
    try:
        async with asyncio.timeout(PAGE_DEADLINE):
            final_url, content_type, body = await _get_following_redirects(client, url)
    except TimeoutError as error:
        raise Unreachable(f"{url} did not answer in time.") from error
    media = content_type.split(";")[0].strip().lower()
    _refuse_non_pages(final_url, media, body)
    text = await asyncio.to_thread(decode_page, body, content_type)
    if media != "text/plain":
        return await asyncio.to_thread(extract_article, text, final_url)
    article = await asyncio.to_thread(text_article, text, final_url)
    if not article.body:
        raise NotAnArticle(f"No readable text found at {final_url}.", final_url, "empty")
    return article


async def _get_following_redirects(client: httpx.AsyncClient, url: str) -> tuple[str, str, bytes]:
    """The final address, its Content-Type and its (decompressed) body."""
    seen = {url}
    current = url
    for _ in range(MAX_REDIRECTS + 1):
        response, body = await _get_one(client, current)
        if response.status_code not in _REDIRECTS or "location" not in response.headers:
            _check_status(response, current)
            return current, response.headers.get("content-type", ""), body
        target = clean_text(str(response.url.join(response.headers["location"])))
        if not target.startswith(("http://", "https://")):
            raise BadResponse(f"{current} redirects to an address that is not a web page.")
        if target in seen:
            raise BadResponse(f"{url} redirects in a loop (back to {target}).")
        seen.add(target)
        current = target
    raise BadResponse(f"{url} redirects more than {MAX_REDIRECTS} times.")


async def _get_one(client: httpx.AsyncClient, url: str) -> tuple[httpx.Response, bytes]:
    """One GET, no redirects followed, both size caps enforced while streaming."""
    try:
        request = client.build_request("GET", url, headers=_headers())
        response = await client.send(request, stream=True, follow_redirects=False)
        try:
            if response.status_code in _REDIRECTS or response.status_code >= 400:
                return response, b""  # nobody reads an error page's body
            return response, await _read_capped(response, url)
        finally:
            await response.aclose()
    except httpx.TimeoutException as error:
        raise Unreachable(f"{url} did not answer in time.") from error
    except httpx.InvalidURL as error:
        raise BadResponse(f"{url} is not a valid web address.") from error
    except httpx.HTTPError as error:
        reason = (str(error) or type(error).__name__).splitlines()[0][:200]
        raise Unreachable(f"Could not reach {url} ({reason}).") from error


async def _read_capped(response: httpx.Response, url: str) -> bytes:
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > MAX_WIRE_BYTES:
        raise BadResponse(f"{url} is larger than {MAX_WIRE_BYTES // 2**20} MB.")
    chunks: list[bytes] = []
    size = 0
    # aiter_bytes decompresses one network read at a time, so memory stays bounded
    # (deflate inflates at most ~1,000x: one 64 KB read gives at most ~64 MB).
    async for chunk in response.aiter_bytes():
        size += len(chunk)
        if response.num_bytes_downloaded > MAX_WIRE_BYTES or size > MAX_PAGE_BYTES:
            raise BadResponse(
                f"{url} is larger than {MAX_PAGE_BYTES // 2**20} MB once decompressed"
                if size > MAX_PAGE_BYTES
                else f"{url} is larger than {MAX_WIRE_BYTES // 2**20} MB."
            )
        chunks.append(chunk)
    return b"".join(chunks)


def _check_status(response: httpx.Response, url: str) -> None:
    status = response.status_code
    if status in (404, 410):
        raise NotFound(f"No page at {url} (HTTP {status}).")
    if status in (401, 403):
        raise NotAnArticle(
            f"{url} is behind a login or refuses readers (HTTP {status}).", url, "login"
        )
    if status == 429:
        raise BadResponse(f"{url} is rate-limiting us (HTTP 429); try again in a minute.")
    if status >= 400:
        raise BadResponse(f"{url} answered HTTP {status}.")


def _refuse_non_pages(url: str, media: str, body: bytes) -> None:
    """PDFs, images, video and audio get one sentence instead of garbled text."""
    if body.startswith(b"%PDF-"):
        media = "application/pdf"  # servers often label PDFs application/octet-stream
    for prefix, (what, kind) in _NOT_PAGES.items():
        if media.startswith(prefix):
            raise NotAnArticle(f"{url} is {what}, not a page with text to read.", url, kind)
    if media not in _HTML_TYPES and media != "text/plain" and not media.endswith("+xml"):
        raise NotAnArticle(f"{url} is not a web page ({media}).", url, "other")
