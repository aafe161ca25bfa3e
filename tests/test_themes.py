"""Themes on the model: term matching, hide projection, config reading and writing."""

from __future__ import annotations

import json
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from fetchers.saved import load_sample_thread
from threads.blocks import Block, Span
from threads.folding import FoldedView
from threads.model import Comment, Thread
from threads.themes import TermError, Theme, apply_themes, next_mode, parse_term, theme_comments
from threads.word_index import WordIndex
from tui.config import load_config
from tui.theme_config_writer import save_themes

SAMPLE = load_sample_thread()
INDEX = WordIndex(SAMPLE)


def matched(*terms: str, index: WordIndex = INDEX) -> set[str | None]:
    order = index.thread.tree.order
    return {order[i].author for i in theme_comments(index, Theme.create("t", list(terms)))}


def test_inflections_and_typos_match() -> None:
    assert matched("socialism") == {"tessellate", "phaedra_", "ko_bayashi", "nullset"}
    assert matched("socialis*") == matched("socialism")
    assert "phaedra_" in matched("socialist")  # "socialist" in quotes
    assert matched("capitalsm") == matched("capitalism")  # a typo in the term


def test_whole_words_only() -> None:
    assert matched("social") == set()  # not "socialism", not "socialist"
    assert matched("art") == set()  # "artists" is another word


def test_phrase_prefix_author_and_regex() -> None:
    assert matched("huge grain of salt") == {"tessellate"}
    assert matched('"grain of huge"') == set()
    assert matched("author:holloway") == {"holloway"}
    assert matched("author:HOLLOWAY") == {"holloway"}
    assert matched("/hand\\w+s/") == {"holloway"}
    with pytest.raises(TermError):
        parse_term("/unclosed(/")


def test_link_urls_are_not_matched() -> None:
    url = "https://example.com/capitalism/socialism"
    body = (Block("paragraph", (Span("see "), Span(url, href=url))),)
    thread = Thread("t", "1", "t", comments=[Comment("2", "a", None, body=body)])
    assert matched("capitalism", index=WordIndex(thread)) == set()
    assert matched("see", index=WordIndex(thread)) == {"a"}


def test_hide_keeps_the_parent_chain_and_restores_exactly() -> None:
    view = FoldedView(SAMPLE)
    first_reply = SAMPLE.comments[1].children[1]  # ko_bayashi, under tessellate
    view.set_folded(SAMPLE.comments[4].id, True)  # a fold the reader made
    before = [view.comment_at(i).id for i in range(len(view))]
    themes = apply_themes(INDEX, [Theme.create("politics", ["socialism"], "hide")])
    view.set_hidden(themes.hidden_ids([c.id for c in SAMPLE.tree.order]))
    visible = [view.comment_at(i).id for i in range(len(view))]
    assert SAMPLE.comments[1].id in visible  # tessellate matches too: a stub
    assert view.stub_theme(SAMPLE.comments[1].id) == "politics"
    assert first_reply.id not in visible  # gone with its hidden parent
    assert view.hidden_count(SAMPLE.comments[1].id) == 4
    view.set_hidden({})
    assert [view.comment_at(i).id for i in range(len(view))] == before
    assert view.is_folded(SAMPLE.comments[4].id)


def test_a_stub_can_be_revealed_and_its_hidden_replies_stay_stubs() -> None:
    view = FoldedView(SAMPLE)
    themes = apply_themes(INDEX, [Theme.create("politics", ["socialism"], "hide")])
    view.set_hidden(themes.hidden_ids([c.id for c in SAMPLE.tree.order]))
    tessellate = SAMPLE.comments[1]
    assert view.reveal_one(tessellate.id)
    assert view.stub_theme(tessellate.id) is None
    ko = tessellate.children[1]
    assert view.stub_theme(ko.id) == "politics" and view.position_of(ko.id) is not None


def test_modes_cycle() -> None:
    assert [next_mode("highlight"), next_mode("hide"), next_mode("off")] == [
        "hide",
        "off",
        "highlight",
    ]


CONFIG = """# my settings, kept as written
[keys]
last = "L"   # a comment on a key

[themes.politics]
terms = ["capitalism", "socialis*"]
mode = "hide"
color = "magenta"

[other]
value = 1
"""


def test_config_round_trip_keeps_unrelated_content(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text(CONFIG)
    config = load_config(path)
    assert [t.name for t in config.themes] == ["politics"]
    updated = config.themes[0].with_mode("highlight").with_terms(["capitalism", "author:bob"])
    save_themes(
        path,
        [updated, Theme.create("copyright", ["copyright", "training data"], "highlight", "green")],
    )
    text = path.read_text()
    assert "# my settings, kept as written" in text and 'last = "L"   # a comment on a key' in text
    assert "[other]\nvalue = 1" in text
    again = load_config(path)
    assert again.problems == []
    assert {t.name: (t.mode, t.terms) for t in again.themes} == {
        "politics": ("highlight", ("capitalism", "author:bob")),
        "copyright": ("highlight", ("copyright", "training data")),
    }
    assert tomllib.loads(text)["other"] == {"value": 1}
    assert not list(tmp_path.glob(".config-*"))  # the temporary file was renamed


def test_bad_config_names_file_and_line_and_keeps_valid_themes(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text(
        '[themes.good]\nterms = ["x"]\n\n[themes.weird]\nterms = ["y"]\nmode = "loud"\n\n'
        '[themes.regex]\nterms = ["/(/"]\n'
    )
    config = load_config(path)
    assert [t.name for t in config.themes] == ["good"]
    assert any(f"{path}:6:" in p and "loud" in p for p in config.problems)
    assert any(f"{path}:9:" in p and "regular expression" in p for p in config.problems)


def run_cli(config: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {"THREADREADER_CONFIG": str(config), "PATH": "/usr/bin:/bin"}
    return subprocess.run(
        [sys.executable, "-m", "tui", "--sample", *args], capture_output=True, text=True, env=env
    )


def test_dump_hide_and_highlight(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text(CONFIG.replace('mode = "hide"', 'mode = "off"'))
    result = run_cli(path, "--dump", "json", "--hide", "politics")
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    tessellate = document["comments"][1]
    assert tessellate["hidden_by"] == "politics" and "replies" not in tessellate
    assert tessellate["themes"] == ["politics"]
    holloway = document["comments"][2]
    assert "hidden_by" not in holloway and holloway["replies"]
    text = run_cli(path, "--dump", "text", "--hide", "politics").stdout
    assert "hidden · politics · +4" in text and "lanternfish" not in text
    tagged = run_cli(path, "--dump", "text", "--highlight", "politics").stdout
    assert "tessellate · 2024-05-25 10:13:31 UTC #politics" in tagged


def test_dump_with_an_unknown_theme_is_a_usage_error(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text(CONFIG)
    result = run_cli(path, "--dump", "json", "--hide", "nope")
    assert result.returncode == 2
    assert "no theme 'nope'" in result.stderr and "politics" in result.stderr


def test_suggestions_on_the_sample_and_the_485_fixture_are_stable() -> None:
    from hn_fixtures import FIXTURES

    from fetchers.saved import load_thread_file
    from threads.theme_suggest import suggest_themes

    sample = suggest_themes(INDEX)
    assert sample == suggest_themes(WordIndex(load_sample_thread()))  # deterministic
    assert any({"capitalism", "socialism"} <= set(s.terms) for s in sample)
    assert 1 <= len(sample) <= 8
    big = load_thread_file(FIXTURES / "algolia-item-26312516-485-comments.json")
    first = suggest_themes(WordIndex(big))
    assert first == suggest_themes(WordIndex(big))
    assert 3 <= len(first) <= 8
    assert all(s.count >= 2 and len(s.terms) >= 2 and "/" in s.name for s in first)
