"""`--dump`: print a thread (or an article) instead of opening the reader.

Fetches or reads the local store, applies `--search`, `--hide` and `--highlight`, and
writes text, Markdown or JSON. Errors are one line on stderr and exit status 1.
"""

from __future__ import annotations

import asyncio
import shutil
import sys
from typing import TYPE_CHECKING

from fetchers.errors import FetchError
from fetchers.saved import load_sample_thread
from fetchers.targets import ArticleTarget, ItemTarget
from store.memory import Memory
from threads.dump_json import hits_to_json, iter_thread_json
from threads.dump_markdown import hits_to_markdown, thread_to_markdown
from threads.dump_text import hits_to_text, thread_to_text
from threads.model import Thread
from threads.new_comments import new_since
from threads.themes import Theme
from tui.cli import EXIT_FETCH_ERROR, EXIT_OK, EXIT_USAGE, Options, configure_sites
from tui.config import load_config
from tui.memory import open_memory, target_key, thread_key

if TYPE_CHECKING:
    import httpx

    from threads.article import Article


def dump_themes(options: Options) -> list[Theme]:
    """The config's themes, modes overridden by `--hide`/`--highlight`.

    Raises SystemExit(2) naming the themes the config has when one is unknown.
    """
    config = load_config()
    for problem in config.problems:
        print(f"threadreader: {problem}", file=sys.stderr)
    themes = {theme.name: theme for theme in config.themes}
    for name in (*options.hide, *options.highlight):
        if name not in themes:
            known = ", ".join(sorted(themes)) or "none"
            print(
                f"threadreader: no theme {name!r} in {config.path} (themes: {known}).",
                file=sys.stderr,
            )
            raise SystemExit(EXIT_USAGE)
    for name in options.highlight:
        themes[name] = themes[name].with_mode("highlight")
    for name in options.hide:
        themes[name] = themes[name].with_mode("hide")
    return list(themes.values())


async def fetch_for_dump(options: Options) -> Thread:
    if options.sample or options.target is None:
        return load_sample_thread()
    from fetchers.http import make_client  # httpx is imported only when a fetch is needed
    from fetchers.load import load_target

    configure_sites()
    async with make_client() as client:
        thread = await load_target(client, options.target, settle=not options.fast)
        if options.load_all and isinstance(options.target, ItemTarget):
            await load_all_stubs(client, thread, options.target)
        return thread


async def load_all_stubs(client: httpx.AsyncClient, thread: Thread, target: ItemTarget) -> None:
    """`--all`: fill in every stub, then say on stderr how it went."""
    from fetchers.sites import site_named

    site = site_named(target.site)
    if site.stubs is None or not thread.tree.stub_count:
        return
    report = await site.stubs(client, thread, target).load_all()
    print(f"threadreader: {report.describe()}", file=sys.stderr)


def thread_for_dump(options: Options, memory: Memory) -> Thread:
    """The thread to print: from the store with `--offline`, else fetched (and stored).

    Raises `FetchError` when it cannot be had, `NotStored` for `--offline` without a copy.
    """
    key = target_key(options.target)
    if key is None:  # the sample or a file: local already, never stored
        return asyncio.run(fetch_for_dump(options))
    if options.offline:
        stored = memory.open_stored(key)
        if stored is None:
            raise NotStored(
                f"{key.thread_id} is not in the local store, and --offline never uses the network."
            )
        return stored.thread
    thread = asyncio.run(fetch_for_dump(options))
    memory.save_thread(thread)
    return thread


class NotStored(FetchError):
    """`--offline` asked for a thread the store does not have."""


def new_comment_ids(thread: Thread, options: Options, memory: Memory) -> frozenset[str]:
    """Comments new since the last visit (a dump reads visits, never records one)."""
    if target_key(options.target) is None:
        return frozenset()
    previous = memory.previous_visit(thread_key(thread))
    return new_since(thread, None if previous is None else previous.seen).ids


def write_dump(thread: Thread, options: Options, new_ids: frozenset[str] = frozenset()) -> None:
    out = sys.stdout
    width = options.width or shutil.get_terminal_size((80, 24)).columns
    view = None
    themes = dump_themes(options)
    if any(theme.mode != "off" for theme in themes):
        from threads.themes import apply_themes
        from threads.word_index import WordIndex

        view = apply_themes(WordIndex(thread), themes)
    if options.search is not None:
        from threads.search_index import SearchIndex

        hits = SearchIndex(thread).search(options.search).top()
        if options.dump == "json":
            out.write(hits_to_json(thread, options.search, hits, new_ids) + "\n")
        elif options.dump == "markdown":
            out.write(hits_to_markdown(thread, options.search, hits))
        else:
            out.write(hits_to_text(thread, options.search, hits, width))
    elif options.dump == "json":
        for chunk in iter_thread_json(thread, view, new_ids):
            out.write(chunk)
        out.write("\n")
    elif options.dump == "markdown":
        out.write(thread_to_markdown(thread, view))
    else:
        out.write(thread_to_text(thread, width, view))
    out.flush()


async def fetch_article_for_dump(
    target: ArticleTarget, memory: Memory | None = None, *, offline: bool = False
) -> Article:
    """The article: from the store when kept there, else fetched (and kept)."""
    from fetchers.article import fetch_article  # httpx and trafilatura: only when needed
    from fetchers.http import make_client
    from tui.article_cache import ArticleCache

    async with make_client() as client:

        async def fetch(url: str) -> Article:
            return await fetch_article(client, url)

        return await ArticleCache(fetch, memory=memory, offline=offline).get(target.url)


def write_article_dump(article: Article, options: Options) -> None:
    from threads.article_dump import article_to_json, article_to_markdown, article_to_text

    if options.dump == "json":
        text = article_to_json(article) + "\n"
    elif options.dump == "markdown":
        text = article_to_markdown(article)
    else:
        text = article_to_text(article, options.width or shutil.get_terminal_size((80, 24)).columns)
    sys.stdout.write(text)
    sys.stdout.flush()


def run_article_dump(target: ArticleTarget, options: Options) -> int:
    """Print a web page's article (reader mode's text), from the store or fetched."""
    memory = open_memory(load_config(), enabled=not options.no_history)
    try:
        article = asyncio.run(fetch_article_for_dump(target, memory, offline=options.offline))
    except FetchError as error:
        _print_notices(memory)
        print(f"threadreader: {error}", file=sys.stderr)
        return EXIT_FETCH_ERROR
    finally:
        memory.close()
    write_article_dump(article, options)
    _print_notices(memory)
    return EXIT_OK


def run_dump(options: Options) -> int:
    """Fetch (or read the store) and print. Errors: one line on stderr, exit status 1."""
    if isinstance(options.target, ArticleTarget):
        return run_article_dump(options.target, options)
    config = load_config()
    known_problems = len(config.problems)  # dump_themes reports the file's own problems
    memory = open_memory(config, enabled=not options.no_history)
    for problem in config.problems[known_problems:]:
        print(f"threadreader: {problem}", file=sys.stderr)
    try:
        thread = thread_for_dump(options, memory)
    except FetchError as error:
        _print_notices(memory)
        print(f"threadreader: {error}", file=sys.stderr)
        return EXIT_FETCH_ERROR
    write_dump(thread, options, new_comment_ids(thread, options, memory))
    _print_notices(memory)
    memory.close()
    if thread.note:
        print(f"threadreader: {thread.note}", file=sys.stderr)
    if thread.missing:
        print(f"threadreader: {thread.missing} comments could not be loaded.", file=sys.stderr)
    return EXIT_OK


def _print_notices(memory: Memory) -> None:
    for notice in memory.take_notices():
        print(f"threadreader: {notice}", file=sys.stderr)
