"""trafilatura's XML to the block model, pure: what a reader sees of each construct."""

from __future__ import annotations

from xml.sax.saxutils import escape

import pytest

from threads.article_table import layout_table
from threads.article_xml import article_from_xml, safe_href
from threads.comment_lines import block_line_ranges, body_lines
from threads.dump_text import body_text_lines

URL = "https://blog.example/2024/post"


def doc(main: str, **meta: str) -> str:
    attributes = " ".join(f'{name}="{value}"' for name, value in meta.items())
    return f"<doc {attributes}><main>{main}</main><comments/></doc>"


def test_metadata_and_title_cleanup() -> None:
    article = article_from_xml(
        doc(
            '<head rend="h1">My post</head><p>Text.</p>',
            title="My post | Example Blog",
            author="Ann Author",
            date="2024-05-01",
            sitename="Example Blog",
        ),
        URL,
    )
    assert (article.title, article.byline, article.date, article.site) == (
        "My post",
        "Ann Author",
        "2024-05-01",
        "Example Blog",
    )
    assert [b.text for b in article.body] == ["Text."]  # the repeated title heading is gone


def test_missing_metadata_falls_back_to_the_address() -> None:
    article = article_from_xml(doc("<p>Text.</p>", date="yesterday"), URL)
    assert (article.title, article.site, article.byline, article.date) == (
        URL,
        "blog.example",
        None,
        None,
    )


def test_structure_becomes_blocks() -> None:
    article = article_from_xml(
        doc(
            '<head rend="h3">Section</head>'
            '<p>Some <hi rend="#i">italic</hi>, <hi rend="#b">bold</hi>, <code>x = 1</code> and'
            ' a <ref target="https://example.org/a">link</ref>.<lb/>Next line.</p>'
            '<list rend="ul"><item>one</item><item>two<list rend="ol"><item>inner</item>'
            "</list></item></list>"
            "<quote><p>Quoted words.</p></quote>"
            "<code>def f():\n    return 1</code>"
            '<graphic src="https://blog.example/cat.png" alt="A cat"/>'
            '<graphic src="https://blog.example/spacer.gif" alt=""/>',
            title="T",
        ),
        URL,
    )
    got = [(b.kind, b.level, b.text) for b in article.body]
    assert got == [
        ("heading", 3, "Section"),
        ("paragraph", 0, "Some italic, bold, x = 1 and a link.\nNext line."),
        ("item", 0, "• one"),
        ("item", 0, "• two"),
        ("item", 1, "  1. inner"),
        ("quote", 0, "Quoted words."),
        ("code", 0, "def f():\n    return 1"),
        ("image", 0, "[image: A cat]"),
    ]
    paragraph = article.body[1]
    styles = {s.text: (s.italic, s.bold, s.code, s.href) for s in paragraph.spans}
    assert styles["italic"] == (True, False, False, None)
    assert styles["bold"] == (False, True, False, None)
    assert styles["x = 1"] == (False, False, True, None)
    assert styles["link"] == (False, False, False, "https://example.org/a")
    assert all(s.bold for s in article.body[0].spans)  # headings stand out in any drawer
    assert [link.url for link in article.links] == ["https://example.org/a"]


def test_table_is_aligned_text_drawn_unwrapped() -> None:
    article = article_from_xml(
        doc(
            '<table><row><cell role="head">Name</cell><cell role="head">Value</cell></row>'
            "<row><cell>a</cell><cell>1</cell></row>"
            "<row><cell>longer name</cell><cell>22</cell></row></table>"
        ),
        URL,
    )
    (table,) = article.body
    assert table.kind == "table" and table.preformatted
    assert table.text.split("\n") == [
        "Name        │ Value",
        "────────────┼──────",
        "a           │ 1",
        "longer name │ 22",
    ]
    drawn = ["".join(text for text, _ in line) for line in body_lines(article.body, 12)]
    assert drawn[0] == "Name       ›"  # clipped, never wrapped out of alignment
    assert body_text_lines(article.body, 80) == table.text.split("\n")


def test_long_cells_wrap_inside_their_column() -> None:
    text = layout_table([["k", "word " * 10]])
    lines = text.split("\n")
    assert len(lines) > 1 and all(line.startswith(("k │ ", "  │ ")) for line in lines)


@pytest.mark.parametrize(
    "target",
    [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        " javascript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "file:///etc/passwd",
        "vbscript:x",
        "https://",
        "",
    ],
)
def test_only_web_links_are_links(target: str) -> None:
    assert safe_href(target) is None
    attribute = escape(target, {'"': "&quot;"})
    article = article_from_xml(doc(f'<p>see <ref target="{attribute}">this</ref> now</p>'), URL)
    assert article.body[0].text == "see this now"
    assert not article.links


def test_link_without_text_shows_its_address() -> None:
    article = article_from_xml(doc('<p>see <ref target="https://example.org/x"/></p>'), URL)
    assert article.body[0].text == "see https://example.org/x"


def test_escapes_in_attributes_and_text_are_removed() -> None:
    xml = doc(
        '<p>a&#x202e;b [bold]c[/bold]</p><graphic src="x" alt="cat&#x9b;31m"/>',
        title="T&#x202e;itle",
        author="x&#x2066;y",
    )
    article = article_from_xml(xml, URL)
    assert (article.title, article.byline) == ("Title", "xy")
    assert [b.text for b in article.body] == ["ab [bold]c[/bold]", "[image: cat31m]"]


def test_deep_nesting_degrades_to_text() -> None:
    depth = 500
    xml = doc("<quote>" * depth + "<p>deep words</p>" + "</quote>" * depth)
    article = article_from_xml(xml, URL)
    assert "deep words" in article.plain_text


def test_not_xml_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="not well-formed"):
        article_from_xml("<doc><main>", URL)


def test_lists_draw_as_lists_and_block_ranges_match_the_drawing() -> None:
    article = article_from_xml(
        doc(
            "<p>Intro</p><list rend='ul'><item>one</item><item>two "
            + "word " * 12
            + "<list rend='ol'><item>inner</item></list></item></list><p>After</p>"
        ),
        URL,
    )
    drawn = ["".join(text for text, _ in line) for line in body_lines(article.body, 30)]
    assert drawn == [
        "Intro",
        "",
        "• one",
        "• two word word word word word",
        "  word word word word word",
        "  word word",
        "  1. inner",
        "",
        "After",
    ]
    ranges = block_line_ranges(article.body, 30)
    for block, (first, last) in zip(article.body, ranges, strict=True):
        shown = " ".join(line.strip(" •1.") for line in drawn[first : last + 1])
        assert " ".join(shown.split()) == " ".join(block.text.strip(" •1.").split())
    assert body_text_lines(article.body, 30) == drawn
