"""HN HTML bodies become blocks a reader can show: entities, links, code, quotes, italics."""

from __future__ import annotations

from typing import Any

import pytest
from hn_fixtures import algolia_nodes, find_node

from threads.blocks import Block, body_links, body_to_plain_text
from threads.html_text import html_to_body


def kinds(body: tuple[Block, ...]) -> list[str]:
    return [block.kind for block in body]


def link_spans(body: tuple[Block, ...]) -> list[tuple[str, str | None]]:
    return [(span.text, span.href) for block in body for span in block.spans if span.href]


# -- entities and plain text ------------------------------------------------------------


def test_entities_are_decoded() -> None:
    body = html_to_body("It&#x27;s &quot;fast&quot;: a &gt; b &amp;&amp; b &lt; c")
    assert body_to_plain_text(body) == 'It\'s "fast": a > b && b < c'


def test_empty_and_missing_bodies_have_no_blocks() -> None:
    assert html_to_body(None) == ()
    assert html_to_body("") == ()


def test_paragraphs_split_on_bare_p(trimmed_algolia: dict[str, Any]) -> None:
    node = find_node(trimmed_algolia, 49954026)
    body = html_to_body(node["text"])
    assert kinds(body) == ["paragraph"] * 5
    assert (
        body[0].text
        == "Coder version with 30t/sec on a Ryzen 3600x with 48GB of RAM with a nvidia 3080."
    )
    assert body[-1].text.endswith("Ornith 1.5 35B that throws 20t/sec and Laguna.XS-2.0.")


def test_raw_newline_outside_pre_is_a_space(big_algolia: dict[str, Any]) -> None:
    # An old comment with a literal "\n" between two sentences of one paragraph.
    node = find_node(big_algolia, 26313827)
    assert "Agreed 100%!\nI&#x27;ve" in node["text"]
    body = html_to_body(node["text"])
    assert body[0].text.startswith("Agreed 100%! I've redesigned the UI")
    assert "\n" not in body[0].text
    assert body_to_plain_text(html_to_body("one\ntwo\r\n  three")) == "one two three"


def test_unknown_tags_degrade_to_their_text() -> None:
    body = html_to_body('x <span class="a">bar</span> <foo>baz</foo> <marquee>y</marquee>')
    assert body_to_plain_text(body) == "x bar baz y"
    assert kinds(body) == ["paragraph"]


# -- links ------------------------------------------------------------------------------


def test_entity_encoded_href_gives_a_real_url(trimmed_algolia: dict[str, Any]) -> None:
    node = find_node(trimmed_algolia, 49953496)
    assert "https:&#x2F;&#x2F;huggingface.co" in node["text"]
    body = html_to_body(node["text"])
    url = "https://huggingface.co/Qwen/Qwen3.8-Flash-Next"
    assert link_spans(body) == [(url, url)]
    assert body_links(body) == [url]


def test_truncated_link_text_becomes_the_full_href() -> None:
    html = (
        '<a href="https:&#x2F;&#x2F;www.crowdstrike.com&#x2F;blog&#x2F;statement-on-falcon-'
        'content-update-for-windows-hosts&#x2F;" rel="nofollow">https:&#x2F;&#x2F;'
        "www.crowdstrike.com&#x2F;blog&#x2F;statement-on-falcon-content...</a>"
    )
    full = "https://www.crowdstrike.com/blog/statement-on-falcon-content-update-for-windows-hosts/"
    body = html_to_body(html)
    assert link_spans(body) == [(full, full)]
    assert "..." not in body_to_plain_text(body)


def test_truncated_link_in_a_real_comment(big_algolia: dict[str, Any]) -> None:
    node = find_node(big_algolia, 26313067)
    assert "geforce-gives-you-...</a>" in node["text"]
    full = "https://www.nvidia.com/en-us/geforce/news/geforce-gives-you-the-edge-in-battle-royale/"
    body = html_to_body(node["text"])
    assert link_spans(body) == [(full, full)]
    assert body_to_plain_text(body).endswith("higher refresh rates. " + full)


def test_link_text_that_differs_from_href_is_kept() -> None:
    body = html_to_body('see <a href="https:&#x2F;&#x2F;example.com&#x2F;x">the docs...</a>')
    assert link_spans(body) == [("the docs...", "https://example.com/x")]


def test_empty_link_shows_its_href() -> None:
    body = html_to_body('look: <a href="https://example.com/a"></a>')
    assert link_spans(body) == [("https://example.com/a", "https://example.com/a")]


def test_bare_urls_become_links_without_trailing_punctuation() -> None:
    body = html_to_body(
        "See https://example.com/a. Or (https://example.com/b) and "
        "https://en.wikipedia.org/wiki/Foo_(bar), then http://x.org/p?q=1!"
    )
    assert [href for _, href in link_spans(body)] == [
        "https://example.com/a",
        "https://example.com/b",
        "https://en.wikipedia.org/wiki/Foo_(bar)",
        "http://x.org/p?q=1",
    ]
    # The punctuation stays in the text, outside the links.
    assert body_to_plain_text(body) == (
        "See https://example.com/a. Or (https://example.com/b) and "
        "https://en.wikipedia.org/wiki/Foo_(bar), then http://x.org/p?q=1!"
    )


def test_urls_inside_code_are_not_linkified() -> None:
    body = html_to_body("<pre><code>curl https://example.com/x\n</code></pre>")
    assert link_spans(body) == []


def test_footnote_definition_survives_as_text_and_link(trimmed_algolia: dict[str, Any]) -> None:
    node = find_node(trimmed_algolia, 49953976)
    body = html_to_body(node["text"])
    last = body[-1]
    assert last.kind == "paragraph"
    assert last.text == "[1]: https://arxiv.org/abs/2608.08188"
    assert [(s.text, s.href) for s in last.spans if s.href] == [
        ("https://arxiv.org/abs/2608.08188", "https://arxiv.org/abs/2608.08188")
    ]
    # The reference in the running text is still there.
    assert "Perspective [1]." in body_to_plain_text(body)


# -- code, italics, quotes --------------------------------------------------------------


def test_pre_code_keeps_newlines_and_indentation(big_algolia: dict[str, Any]) -> None:
    node = find_node(big_algolia, 26314180)
    body = html_to_body(node["text"])
    code = [block for block in body if block.kind == "code"]
    assert len(code) == 1
    lines = code[0].text.split("\n")
    assert lines[0] == "    - Creating an object graph scattered randomly on the heap"
    assert "      ...to a *text* format!" in lines
    assert lines[-1] == "    - Load balancer"
    assert len(lines) == 12
    assert all(span.code for span in code[0].spans)
    # The text after </pre> is its own (italic) paragraph again.
    after = body[body.index(code[0]) + 1]
    assert after.kind == "paragraph"
    assert after.text == "and then the reverse of the above for the data to be received!"
    assert all(span.italic for span in after.spans)


def test_literal_pre_code_block() -> None:
    body = html_to_body("intro<p><pre><code>  def f():\n      return 1\n</code></pre>\nafter")
    assert kinds(body) == ["paragraph", "code", "paragraph"]
    assert body[1].text == "  def f():\n      return 1"
    assert body[2].text == "after"


def test_italic_spans(trimmed_algolia: dict[str, Any]) -> None:
    body = html_to_body("a <i>b c</i> d")
    assert [(s.text, s.italic) for s in body[0].spans] == [
        ("a ", False),
        ("b c", True),
        (" d", False),
    ]
    node = find_node(trimmed_algolia, 49953976)
    first = html_to_body(node["text"])[0]
    italic = "".join(s.text for s in first.spans if s.italic)
    # The <i> title spans a raw newline, which reads as a space.
    assert italic == "Quantization Degradation in Large Language Models: A Signal–Noise Perspective"


def test_bold_and_inline_code_spans() -> None:
    body = html_to_body("use <b>this</b> and <code>x = 1</code>")
    styles = {s.text: (s.bold, s.code) for s in body[0].spans}
    assert styles["this"] == (True, False)
    assert styles["x = 1"] == (False, True)


@pytest.mark.parametrize("marker", ["&gt; ", "&gt;", "> ", "&gt;&gt; "])
def test_paragraph_starting_with_gt_is_a_quote(marker: str) -> None:
    body = html_to_body(f"{marker}the original claim<p>my reply")
    assert kinds(body) == ["quote", "paragraph"]
    assert body[0].text == "the original claim"
    assert body_to_plain_text(body) == "> the original claim\n\nmy reply"


def test_gt_inside_a_paragraph_is_not_a_quote() -> None:
    body = html_to_body("I thought &gt;60fps was a gimmick")
    assert kinds(body) == ["paragraph"]
    assert body[0].text == "I thought >60fps was a gimmick"


def test_quote_in_a_real_comment(trimmed_algolia: dict[str, Any]) -> None:
    node = find_node(trimmed_algolia, 49953724)
    body = html_to_body(node["text"])
    assert kinds(body) == ["paragraph", "quote", "paragraph"]
    assert body[1].text.startswith("Coder: a coding version with half of the experts removed.")


def test_blockquote_becomes_a_quote_block() -> None:
    body = html_to_body("<blockquote><p>quoted words</p></blockquote>my answer")
    assert kinds(body) == ["quote", "paragraph"]
    assert body[0].text == "quoted words"
    assert body[1].text == "my answer"


def test_whole_real_thread_parses_to_readable_text(big_algolia: dict[str, Any]) -> None:
    for node, _ in algolia_nodes(big_algolia):
        text = body_to_plain_text(html_to_body(node["text"]))
        assert text.strip(), node["id"]
        for leftover in ("&#x27;", "&#x2F;", "&quot;", "&gt;", "&amp;", "<p>", "<i>", "</a>"):
            assert leftover not in text, (node["id"], leftover)
