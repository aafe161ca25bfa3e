"""Layering: `threads` is pure, `fetchers` and `store` never pull in the UI or each other.

Each check runs in a fresh interpreter so modules imported by other tests don't count.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent

PROBE = """
import importlib, json, pkgutil, sys
package = importlib.import_module(sys.argv[1])
imported = [package.__name__]
for module in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
    importlib.import_module(module.name)
    imported.append(module.name)
print(json.dumps({"file": package.__file__, "imported": imported, "loaded": sorted(sys.modules)}))
"""


def run_probe(probe: str, *args: str) -> dict[str, Any]:
    """Run `probe` in a fresh interpreter in this checkout; the JSON it printed."""
    result = subprocess.run(
        [sys.executable, "-c", probe, *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    report: dict[str, Any] = json.loads(result.stdout)
    return report


def import_all(package: str) -> tuple[list[str], set[str]]:
    """Import every module of `package`; return them and the top-level names in sys.modules."""
    report = run_probe(PROBE, package)
    assert Path(report["file"]).resolve().is_relative_to(ROOT)  # this checkout's code
    return report["imported"], {name.split(".")[0] for name in report["loaded"]}


@pytest.mark.parametrize(
    ("package", "forbidden", "expected_modules"),
    [
        (
            "threads",
            {"textual", "httpx", "sqlite3", "fetchers", "store", "tui"},
            {
                "threads.model",
                "threads.html_text",
                "threads.markdown_text",
                "threads.dump_json",
                "threads.wrap",
                "threads.article_xml",
                "threads.more_splice",
            },
        ),
        (
            "fetchers",
            {"textual", "tui", "store", "sqlite3"},
            {
                "fetchers.hackernews",
                "fetchers.lobsters",
                "fetchers.discourse",
                "fetchers.lemmy",
                "fetchers.mastodon",
                "fetchers.http",
                "fetchers.saved",
                "fetchers.load",
                "fetchers.article",
                "fetchers.reddit.loader",
                "fetchers.reddit.parse",
                "fetchers.stub_loading",
            },
        ),
        (
            "store",
            {"textual", "httpx", "fetchers", "tui"},
            {"store.memory", "store.connect", "store.schema", "store.thread_rows"},
        ),
    ],
)
def test_package_imports_stay_in_their_layer(
    package: str, forbidden: set[str], expected_modules: set[str]
) -> None:
    imported, loaded = import_all(package)
    assert expected_modules <= set(imported)  # the walk really covered the package
    assert loaded & forbidden == set()


TARGETS = (
    "26312516",
    "https://news.ycombinator.com/item?id=26312516",
    "https://lobste.rs/s/abc123/a_story",
    "https://www.reddit.com/r/python/comments/abc12/a_thread/",
    "https://forum.example.org/t/some-topic/1234",
    "https://lemmy.example.org/post/42",
    "https://mastodon.example.org/@someone/110000000000000000",
    "https://example.org/an-article",
)


def test_the_command_line_reads_a_target_without_importing_any_fetcher() -> None:
    # It runs before the load is forked and Textual imported: importing every site's
    # fetcher and httpx there delayed every launch by ~80 ms.
    probe = (
        "import json, sys\n"
        "from tui.cli import parse_options\n"
        "sites = [parse_options([target]).target for target in sys.argv[1:]]\n"
        "print(json.dumps({'sites': [getattr(t, 'site', 'article') for t in sites],"
        " 'loaded': sorted(sys.modules)}))\n"
    )
    report = run_probe(probe, *TARGETS)
    assert report["sites"] == [
        "hackernews",
        "hackernews",
        "lobsters",
        "reddit",
        "discourse",
        "lemmy",
        "mastodon",
        "article",
    ]
    heavy = {"httpx", "textual", "asyncio", "fetchers.sites", "fetchers.http", "threads.model"}
    assert heavy & set(report["loaded"]) == set()
