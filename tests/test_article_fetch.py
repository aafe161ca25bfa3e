"""Reader mode's fetch: real pages served locally, hostile pages, and everything that is
not an article (gzip bombs, redirect loops, PDFs, 404s, login walls), plus charsets."""

from __future__ import annotations

import json
import struct
import zlib
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from pytest_httpserver import HTTPServer

import fetchers.article
from fetchers.article import fetch_article
from fetchers.errors import BadResponse, NotAnArticle, NotFound
from fetchers.http import make_client
from threads.article import Article

ARTICLES = Path(__file__).parent / "fixtures" / "articles"
EXPECTED: dict[str, dict[str, Any]] = json.loads((ARTICLES / "expected.json").read_text())
HTML = "text/html; charset=utf-8"
PROSE = "<p>" + "A sentence long enough for the extractor to take it as main text. " * 6 + "</p>"


async def fetch(url: str) -> Article:
    async with make_client() as client:
        return await fetch_article(client, url)


def serve_page(server: HTTPServer, name: str) -> str:
    """Serve a recorded page at the path it had on its site; returns the local URL."""
    path = urlsplit(EXPECTED[name]["url"]).path
    body = (ARTICLES / name).read_bytes()
    server.expect_request(path).respond_with_data(body, content_type=HTML)
    return server.url_for(path)


def page(body: str, title: str = "A post") -> str:
    return f"<html><head><title>{title}</title></head><body><article>{body}</article></body></html>"


# -- real pages --------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(EXPECTED))
async def test_real_page_main_text_without_boilerplate(httpserver: HTTPServer, name: str) -> None:
    article = await fetch(serve_page(httpserver, name))
    text = article.plain_text
    for phrase in EXPECTED[name]["must"]:
        assert phrase in text
    for phrase in EXPECTED[name]["must_not"]:
        assert phrase not in text


async def test_real_page_metadata_and_structure(httpserver: HTTPServer) -> None:
    article = await fetch(serve_page(httpserver, "caktusgroup.com.django.html"))
    assert article.title == "Testing Client-Side Applications with Django Post Mortem"
    assert (article.byline, article.date, article.site) == (
        "Mark Lavin",
        "2015-06-08",
        "Caktus Group",
    )
    kinds = [block.kind for block in article.body]
    assert "heading" in kinds and "image" in kinds
    headings = [block.text for block in article.body if block.kind == "heading"]
    assert "Finding a Fix" in headings
    code = next(block.text for block in article.body if block.kind == "code")
    # A Pygments listing keeps its lines (trafilatura alone would join them into one).
    assert "import os\n\nfrom django.conf import settings\n" in code
    assert "https://code.djangoproject.com/ticket/24197" in article.link_urls


async def test_redirect_is_followed_and_the_final_address_kept(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/old").respond_with_data(
        "", status=301, headers={"Location": "/new"}
    )
    httpserver.expect_request("/new").respond_with_data(page(PROSE), content_type=HTML)
    article = await fetch(httpserver.url_for("/old"))
    assert article.url == httpserver.url_for("/new")
    assert "main text" in article.plain_text


# -- hostile pages -----------------------------------------------------------------------

HOSTILE = page(
    "<h2>Heading \x1b[2J\x1b[H with [bold red]markup[/]</h2>"
    "<p>Body \x1b]52;c;ZXZpbA==\x07 text \u202eevil\u202c and &#x1b;[31mred "
    "<a href='javascript:alert(1)'>click \x1b]8;;http://x\x07me</a> "
    "<a href='data:text/html,<script>alert(1)</script>'>data link</a> "
    "<a href='https://example.org/ok\x1b[31m'>fine link</a>. "
    + "More words of body text. "
    * 8
    + "</p>"
    "<p><img src='/a.png' alt='alt \x1b]0;pwned\x07 text \u2066x'></p>" + PROSE,
    title="Title \x1b]0;owned\x07 \u202e[link=file:///etc/passwd]x[/link] \x9b31m",
)


def every_string(article: Article) -> list[str]:
    strings = [article.url, article.title, article.byline or "", article.site or ""]
    for block in article.body:
        strings += [span.text for span in block.spans]
        strings += [span.href for span in block.spans if span.href]
    strings += [link.url for link in article.links] + [link.text for link in article.links]
    return strings


async def test_hostile_page_comes_out_inert(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/hostile").respond_with_data(HOSTILE, content_type=HTML)
    article = await fetch(httpserver.url_for("/hostile"))
    for text in every_string(article):
        assert not any(c in text for c in "\x1b\x07\x9b\u202e\u202c\u2066"), repr(text)
    assert "[bold red]markup[/]" in article.plain_text  # shown as written, never parsed
    assert "[link=file:///etc/passwd]" in article.title
    assert "[image: alt text x]" in article.plain_text
    urls = article.link_urls
    assert urls == ["https://example.org/ok"]  # only the http(s) link is a link
    assert not any(
        span.href and not span.href.startswith("https://") for b in article.body for span in b.spans
    )
    assert "click me" in article.plain_text and "data link" in article.plain_text


# -- what is not an article --------------------------------------------------------------


def gzip_bomb(gibibytes: int = 1) -> bytes:
    """A valid ~1 MB gzip stream that inflates to `gibibytes` GiB of zeros (built in ~0.3 s:
    one fully-flushed deflate block repeated, since it does not depend on what came before)."""
    zeros = b"\0" * 2**20
    deflate = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = deflate.compress(zeros) + deflate.flush(zlib.Z_FULL_FLUSH)
    count = 1024 * gibibytes
    crc = 0
    for _ in range(count):
        crc = zlib.crc32(zeros, crc)
    trailer = struct.pack("<II", crc, (count * 2**20) & 0xFFFFFFFF)
    header = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff"
    return header + block * count + deflate.flush(zlib.Z_FINISH) + trailer


async def test_gzip_bomb_is_refused(httpserver: HTTPServer) -> None:
    bomb = gzip_bomb()
    assert len(bomb) < 2 * 2**20
    httpserver.expect_request("/bomb").respond_with_data(
        bomb, content_type=HTML, headers={"Content-Encoding": "gzip"}
    )
    with pytest.raises(BadResponse, match="larger than 16 MB once decompressed"):
        await fetch(httpserver.url_for("/bomb"))


async def test_page_too_big_on_the_wire_is_refused(
    httpserver: HTTPServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(fetchers.article, "MAX_WIRE_BYTES", 100_000)
    httpserver.expect_request("/big").respond_with_data(page(PROSE * 400), content_type=HTML)
    with pytest.raises(BadResponse, match="larger than"):
        await fetch(httpserver.url_for("/big"))


async def test_redirect_loop_is_reported(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/a").respond_with_data("", status=302, headers={"Location": "/b"})
    httpserver.expect_request("/b").respond_with_data("", status=302, headers={"Location": "/a"})
    with pytest.raises(BadResponse, match="redirects in a loop"):
        await fetch(httpserver.url_for("/a"))


async def test_endless_redirects_are_bounded(httpserver: HTTPServer) -> None:
    for hop in range(15):
        httpserver.expect_request(f"/hop{hop}").respond_with_data(
            "", status=307, headers={"Location": f"/hop{hop + 1}"}
        )
    with pytest.raises(BadResponse, match="more than 10 times"):
        await fetch(httpserver.url_for("/hop0"))


@pytest.mark.parametrize("content_type", ["application/pdf", "application/octet-stream"])
async def test_pdf_is_one_sentence(httpserver: HTTPServer, content_type: str) -> None:
    httpserver.expect_request("/paper.pdf").respond_with_data(
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n", content_type=content_type
    )
    url = httpserver.url_for("/paper.pdf")
    with pytest.raises(NotAnArticle) as caught:
        await fetch(url)
    assert (caught.value.kind, caught.value.url) == ("pdf", url)
    assert str(caught.value) == f"{url} is a PDF, not a page with text to read."


@pytest.mark.parametrize(
    ("content_type", "kind"),
    [("image/png", "image"), ("video/mp4", "video"), ("application/zip", "other")],
)
async def test_media_are_not_articles(httpserver: HTTPServer, content_type: str, kind: str) -> None:
    httpserver.expect_request("/file").respond_with_data(b"\x89PNG....", content_type=content_type)
    with pytest.raises(NotAnArticle) as caught:
        await fetch(httpserver.url_for("/file"))
    assert caught.value.kind == kind


async def test_404_says_no_page(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/gone").respond_with_data("Not here", status=404)
    url = httpserver.url_for("/gone")
    with pytest.raises(NotFound, match=f"No page at {url} \\(HTTP 404\\)"):
        await fetch(url)


async def test_login_wall_status_and_empty_page(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/private").respond_with_data("Sign in", status=401)
    with pytest.raises(NotAnArticle, match="behind a login"):
        await fetch(httpserver.url_for("/private"))
    wall = page("<form><input name=user><input type=password><button>Sign in</button></form>")
    httpserver.expect_request("/wall").respond_with_data(wall, content_type=HTML)
    url = httpserver.url_for("/wall")
    with pytest.raises(NotAnArticle, match=f"No readable text found at {url}"):
        await fetch(url)


async def test_video_page_is_named(httpserver: HTTPServer) -> None:
    video = (
        "<html><head><title>Clip</title><meta property='og:type' content='video.other'>"
        "</head><body><div id=player></div></body></html>"
    )
    httpserver.expect_request("/watch").respond_with_data(video, content_type=HTML)
    with pytest.raises(NotAnArticle, match="is a video page") as caught:
        await fetch(httpserver.url_for("/watch"))
    assert caught.value.kind == "video"


async def test_plain_text_page_is_read_as_paragraphs(httpserver: HTTPServer) -> None:
    text = "First paragraph,\nhard wrapped.\n\nSecond one, see https://example.org/x.\n"
    httpserver.expect_request("/notes.txt").respond_with_data(text, content_type="text/plain")
    article = await fetch(httpserver.url_for("/notes.txt"))
    assert [b.text for b in article.body] == [
        "First paragraph, hard wrapped.",
        "Second one, see https://example.org/x.",
    ]
    assert article.link_urls == ["https://example.org/x"]


# -- charsets ----------------------------------------------------------------------------

WORDS = "Ça coûte très cher, déjà été, naïve façade. " * 8


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        (page(f"<p>{WORDS}</p>").encode("latin-1"), "text/html; charset=ISO-8859-1"),
        (
            page(f"<p>{WORDS}</p>")
            .replace("<head>", "<head><meta charset='windows-1252'>")
            .encode("cp1252"),
            "text/html",
        ),
        (
            page(f"<p>{WORDS}</p>")
            .replace(
                "<head>",
                "<head><meta http-equiv='Content-Type' content='text/html; charset=iso-8859-15'>",
            )
            .encode("iso-8859-15"),
            "text/html",
        ),
        # The byte-order mark wins over a wrong header.
        (b"\xef\xbb\xbf" + page(f"<p>{WORDS}</p>").encode("utf-8"), "text/html; charset=latin-1"),
        (page(f"<p>{WORDS}</p>").encode("utf-16"), "text/html"),
        # Nothing declared: detected (charset_normalizer).
        (page(f"<p>{WORDS}</p>").encode("utf-8"), "text/html"),
    ],
    ids=["header", "meta-charset", "meta-http-equiv", "bom-beats-header", "utf16-bom", "detected"],
)
async def test_charsets(httpserver: HTTPServer, body: bytes, content_type: str) -> None:
    httpserver.expect_request("/enc").respond_with_data(body, content_type=content_type)
    article = await fetch(httpserver.url_for("/enc"))
    assert "Ça coûte très cher, déjà été, naïve façade." in article.plain_text
    assert "\ufffd" not in article.plain_text


async def test_cyrillic_without_declaration_is_detected(httpserver: HTTPServer) -> None:
    words = "Съешь же ещё этих мягких французских булок, да выпей чаю. " * 10
    body = page(f"<p>{words}</p>").encode("windows-1251")
    httpserver.expect_request("/ru").respond_with_data(body, content_type="text/html")
    article = await fetch(httpserver.url_for("/ru"))
    assert "мягких французских булок" in article.plain_text


async def test_browser_user_agent_is_sent(httpserver: HTTPServer) -> None:
    httpserver.expect_request(
        "/ua", headers={"User-Agent": fetchers.article.ARTICLE_USER_AGENT}
    ).respond_with_data(page(PROSE), content_type=HTML)
    article = await fetch(httpserver.url_for("/ua"))
    assert "main text" in article.plain_text
