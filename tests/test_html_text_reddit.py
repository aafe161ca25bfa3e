"""Reddit's rendered Markdown (`body_html`) through the shared HTML converter."""

from __future__ import annotations

from threads.html_text import html_to_body


def test_numbered_and_nested_lists() -> None:
    body = html_to_body(
        '<div class="md"><ol><li>first</li><li>second<ul><li>inner</li></ul></li></ol></div>'
    )
    assert [block.text for block in body] == ["1. first", "2. second", "◦ inner"]


def test_spoilers_are_marked_hidden_and_only_them() -> None:
    body = html_to_body(
        '<div class="md"><p>before <span class="md-spoiler-text">Snape <em>dies</em></span>'
        " after <span>plain</span></p></div>"
    )
    spans = body[0].spans
    assert [(s.text, s.spoiler) for s in spans] == [
        ("before ", False),
        ("Snape ", True),
        ("dies", True),
        (" after plain", False),
    ]
    assert spans[2].italic


def test_headings_are_bold_and_tables_keep_their_cells_apart() -> None:
    body = html_to_body(
        "<h2>Title</h2><table><thead><tr><th>a</th><th>b</th></tr></thead>"
        "<tbody><tr><td>1</td><td>2</td></tr></tbody></table>"
    )
    assert [block.text for block in body] == ["Title", "a | b", "1 | 2"]
    assert body[0].spans[0].bold and body[1].spans[0].bold and not body[2].spans[0].bold


def test_site_relative_links_resolve_against_the_base() -> None:
    body = html_to_body(
        '<p>ask <a href="/r/AskReddit">/r/AskReddit</a> or <a href="/u/someone">/u/someone</a>'
        ' or <a href="//evil.example/x">that</a></p>',
        "https://www.reddit.com",
    )
    hrefs = [span.href for span in body[0].spans if span.href]
    assert hrefs == [
        "https://www.reddit.com/r/AskReddit",
        "https://www.reddit.com/u/someone",
        "//evil.example/x",
    ]
